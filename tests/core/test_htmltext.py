"""The HTML extractor runs for real: a page and a feed lose their chrome, and when the
extractor cannot run the loss is said, never hidden behind a fallback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from newsreader import article, htmltext
from newsreader.feeds import read_feed

PAGE = Path(__file__).parent / "data" / "news_page.html"
CHROME = ("Home", "Advertisement", "Most read", "harbourfan77", "Jake Moreno", "Subscribe", "Cookie")


def test_this_installation_can_extract_main_text() -> None:
    # a missing module (lxml_html_clean, say) fails here, not silently in every page
    assert htmltext.extractor_problem() == ""


def test_a_real_page_keeps_its_story_and_loses_its_chrome() -> None:
    doc = article.load(str(PAGE))
    assert doc.problems == ()
    assert doc.title == "Harbour reopens after sea wall repairs"
    assert "Maria Okafor" in doc.text and "Tom Brack" in doc.text
    for chrome in CHROME:
        assert chrome not in doc.text, chrome


def test_a_feed_item_goes_through_the_extractor(tmp_path: Path) -> None:
    page = PAGE.read_text(encoding="utf-8")
    body = page.split("<body>", 1)[1].split("</body>", 1)[0]
    escaped = body.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    feed = tmp_path / "courier.rss"
    feed.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>The Courier</title>'
        f"<item><title>Harbour reopens</title><description>{escaped}</description></item>"
        "</channel></rss>",
        encoding="utf-8",
    )
    (item,) = read_feed(str(feed))
    assert item.problems == ()
    assert "Maria Okafor" in item.text
    assert "Subscribe" not in item.text and "Jake Moreno" not in item.text
    assert item.text.split("\n\n").count("Harbour reopens") == 1  # the title once, not once a copy


def test_a_missing_extractor_is_said_not_hidden(monkeypatch: pytest.MonkeyPatch) -> None:
    def missing() -> object:
        raise htmltext.ExtractorMissing("the extractor cannot be imported (No module named 'x')")

    monkeypatch.setattr(htmltext, "_extractor", missing)
    doc = article.load(str(PAGE))
    assert "Maria Okafor" in doc.text  # the page still opens
    assert doc.problems == ("the extractor cannot be imported (No module named 'x')",)


def test_the_command_line_says_a_missing_extractor_once(tmp_path: Path) -> None:
    # a fresh interpreter where trafilatura's import fails as it did with lxml 6 alone
    blocker = tmp_path / "block" / "lxml_html_clean"
    blocker.mkdir(parents=True)
    (blocker / "__init__.py").write_text("raise ImportError('lxml_html_clean is missing')\n")
    second = tmp_path / "second.html"
    second.write_text(PAGE.read_text(encoding="utf-8"), encoding="utf-8")
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]); from newsreader.cli import main; "
        "raise SystemExit(main(['analyze', '--no-bundled', '-f', 'jsonl', *sys.argv[2:]]))"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "block"), str(PAGE), str(second)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    lines = proc.stderr.splitlines()
    assert len(lines) == 1 and "HTML pages are shown whole" in lines[0], proc.stderr
    assert '"problems": ["HTML pages are shown whole' in proc.stdout


def test_a_page_of_menus_keeps_its_one_sentence(tmp_path: Path) -> None:
    menu = "".join(f'<li><a href="/s{i}">Section {i} news</a></li>' for i in range(200))
    page = tmp_path / "menus.html"
    page.write_text(
        f"<html><head><title>Harbour</title></head><body><nav><ul>{menu}</ul></nav>"
        f"<p>Mayor Ada Lintz said the harbour would reopen.</p>"
        f"<footer><ul>{menu}</ul></footer></body></html>",
        encoding="utf-8",
    )
    doc = article.load(str(page))
    assert "Mayor Ada Lintz said the harbour would reopen." in doc.text
    assert "Section 7 news" not in doc.text


def test_links_inside_the_story_stay() -> None:
    text = htmltext.extract(
        "<html><body><article><p>Talks began.</p><p><a href='/a'>Ada Lintz</a></p>"
        "<p><a href='/b'>Tom Brack</a></p><p>Both said little.</p></article></body></html>"
    )
    assert "Ada Lintz" in text.paragraphs and "Tom Brack" in text.paragraphs  # two are not a menu


def test_a_pages_own_link_date_and_author_are_kept_one_line_and_clean() -> None:
    page = (
        "<html><head><title>Docks</title>"
        '<meta name="author" content="Ana P\u00e9rez\u202e">'
        '<link rel="canonical" href="https://example.org/docks">'
        '<meta property="article:published_time" content="2026-12-01T10:00:00Z">'
        "</head><body><article><h1>Docks</h1>"
        + "<p>Dockers in Rotterdam voted on Tuesday to end a strike that closed the port.</p>" * 4
        + "</article></body></html>"
    )
    doc = article.parse(page.encode(), "docks.html", suffix=".html")
    assert (doc.url, doc.published) == ("https://example.org/docks", "2026-12-01")
    assert doc.author.startswith("Ana P") and doc.author.isprintable()

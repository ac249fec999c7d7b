"""A folder of articles: > and < go from one to the next, each with its own review."""

from __future__ import annotations

from pathlib import Path

from ui_review_support import status

from newsreader import article
from newsreader.analysis.model import Analysis, Entity
from newsreader.ui.chrome import ReaderHeader

FIRST = "Harbour talks\n\nMayor Ada Lintz said the harbour would reopen.\n"
SECOND = "Bridge plan\n\nTom Brack said the bridge plan would wait.\n"


def folder(tmp_path: Path) -> list[str]:
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "a.txt").write_text(FIRST, encoding="utf-8")
    (tmp_path / "articles" / "b.txt").write_text(SECOND, encoding="utf-8")
    return [str(p) for p in article.articles_in(tmp_path / "articles")]


def write_feed(tmp_path: Path) -> Path:
    """A feed of two items, the folder's two articles in brief."""
    feed = tmp_path / "wire.rss"
    feed.write_text(
        "<rss version='2.0'><channel><title>Wire</title>"
        "<item><title>Harbour talks</title><description>Mayor Ada Lintz said so.</description></item>"
        "<item><title>Bridge plan</title><description>Tom Brack said so.</description></item>"
        "</channel></rss>",
        encoding="utf-8",
    )
    return feed


def analyse(doc: article.Article, progress=None) -> Analysis:
    """One person per article, found by the words of these fixtures (no lists to load)."""
    name = "Ada Lintz" if "Lintz" in doc.text else "Tom Brack"
    start = doc.text.index(name)
    return Analysis(entities=(Entity("e1", name, "person", ((start, start + len(name)),)),))


def header(app) -> str:
    return str(app.reader.query_one(ReaderHeader).query_one("#title").render())


async def go(pilot, *keys: str, opens: str = "") -> None:
    """Press the keys, then wait (a few seconds at most) until the article they open, whose
    header starts with `opens`, has its panes and its review."""
    app = pilot.app
    await pilot.press(*keys)
    for _ in range(300):
        if app.reader.panes_ready and app.review is not None and header(app).startswith(opens):
            return
        await pilot.pause(0.01)
    raise AssertionError(f"no article opened by {keys}: the header says {header(app)!r}")


async def test_next_and_previous_article_open_each_with_its_review(started, make_app, tmp_path) -> None:
    paths = folder(tmp_path)
    first = article.load(paths[0])
    app = make_app(first, analyse=analyse, articles=paths)
    async with started(app, size=(100, 30)) as pilot:
        assert header(app).startswith("1/2  Harbour talks")
        await go(pilot, "greater_than_sign", opens="2/2")
        assert header(app).startswith("2/2  Bridge plan")
        assert app.review.article.title == "Bridge plan"
        assert [e.name for e in app.reader.analysis.entities] == ["Tom Brack"]
        second_review = app.review
        await go(pilot, "less_than_sign", opens="1/2")
        assert header(app).startswith("1/2  Harbour talks")
        assert app.review.article.title == "Harbour talks"
        assert second_review.store.closed  # the review left behind is closed, not leaked
        await go(pilot, "less_than_sign", opens="2/2")  # wraps round to the last
        assert header(app).startswith("2/2")
        assert len(app.screen_stack) == 2  # screens are swapped, not piled up


async def test_one_article_says_how_to_read_a_folder(started, make_app, tmp_path) -> None:
    doc = article.from_text(FIRST, "a.txt")
    app = make_app(doc, analyse=analyse)
    async with started(app, size=(100, 30)) as pilot:
        await pilot.press("greater_than_sign")
        assert "newsreader FOLDER" in status(app)


async def test_a_feeds_items_are_gone_through_like_a_folders_articles(started, make_app, tmp_path) -> None:
    from newsreader.feeds import read_feed_items

    feed = write_feed(tmp_path)
    items = read_feed_items(str(feed))  # as the reader gets them: extracted when opened
    app = make_app(items[0].load(), analyse=analyse, articles=items)
    async with started(app, size=(100, 30)) as pilot:
        assert header(app).startswith("1/2  Harbour talks")
        await go(pilot, "greater_than_sign", opens="2/2")
        assert header(app).startswith("2/2  Bridge plan")
        assert "Tom Brack said so." in app.article.text
        assert [e.name for e in app.reader.analysis.entities] == ["Tom Brack"]
        await go(pilot, "ctrl+p", *"open 1/2: harbour", "enter", opens="1/2")  # listed by title
        assert header(app).startswith("1/2  Harbour talks")


async def test_the_palette_opens_any_article_of_the_folder_by_name(started, make_app, tmp_path) -> None:
    paths = folder(tmp_path)
    app = make_app(article.load(paths[0]), analyse=analyse, articles=paths)
    async with started(app, size=(100, 30)) as pilot:
        await go(pilot, "ctrl+p", *"open 2/2", "enter", opens="2/2")
        assert app.review.article.source.endswith("b.txt")


async def test_an_unreadable_article_is_said_and_stepped_over(started, make_app, tmp_path) -> None:
    paths = folder(tmp_path)
    third = tmp_path / "articles" / "c.txt"
    third.write_text("Court ruling\n\nTom Brack said the ruling stands.\n", encoding="utf-8")
    paths = [paths[0], paths[1], str(third)]
    Path(paths[1]).write_bytes(b"\x00\x01\x02 binary \x00" * 50)  # no longer an article
    app = make_app(article.load(paths[0]), analyse=analyse, articles=paths)
    async with started(app, size=(100, 30)) as pilot:
        await go(pilot, "greater_than_sign", opens="3/3")
        assert header(app).startswith("3/3  Court ruling")
        assert any("b.txt" in n.message and "not a text file" in n.message for n in app._notifications)
        await go(pilot, "greater_than_sign", opens="1/3")  # past the end, and said so
        assert any("wrapped round to the first" in n.message for n in app._notifications)


async def test_a_feed_opens_on_its_list_of_items_by_title_and_enter_extracts_one(make_app, tmp_path) -> None:
    """`newsreader wire.rss`: the list shows every item's title before any is extracted."""
    from newsreader import batch, resources
    from newsreader.config import Config
    from newsreader.feeds import FeedItem, read_feed_items
    from newsreader.ui.triage_app import TriageApp

    feed = write_feed(tmp_path)
    items = read_feed_items(str(feed))
    app = TriageApp(
        items[0].load(),
        triage=batch.Options(),
        articles=items,
        workers=0,  # the cache only: the rows are what the feed says
        analyse=analyse,
        config=Config(),
        theme_folders=[resources.bundled_dir("themes")],
    )
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        rows = app.article_list.rows.rows
        assert [(r.title, isinstance(r.item, FeedItem)) for r in rows] == [
            ("Harbour talks", True),
            ("Bridge plan", True),
        ]
        assert rows[1].source.endswith("wire.rss#2")
        await pilot.press("j", "enter")
        await go(pilot, opens="2/2")
        assert "Tom Brack said so." in app.article.text
        assert [e.name for e in app.reader.analysis.entities] == ["Tom Brack"]

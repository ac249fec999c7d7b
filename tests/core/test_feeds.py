"""Feeds: each item of an RSS or Atom file is an article, cleaned like any page."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsreader import article, batch
from newsreader.article import ArticleError
from newsreader.feeds import FeedItem, is_feed, load_item, read_feed, read_feed_items

RSS = """<?xml version="1.0"?>
<rss version="2.0"><channel><title>Harbour wire</title>
<item><title>Harbour talks resume</title><link>https://example.org/harbour</link>
<description>&lt;p&gt;Mayor Ada Lintz said the harbour would reopen.&lt;/p&gt;
&lt;script&gt;x()&lt;/script&gt;</description>
</item>
<item><title>Bridge [b]plan[/b]</title><description>Tom Brack said the plan would wait.</description></item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Council</title>
<entry><title>Budget passes</title>
<content type="html">&lt;p&gt;The council in Leeds voted.&lt;/p&gt;</content></entry>
</feed>
"""


def write_file(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_each_item_of_an_rss_feed_is_an_article(tmp_path: Path) -> None:
    items = read_feed(write_file(tmp_path, "wire.rss", RSS))
    assert [a.title for a in items] == ["Harbour talks resume", "Bridge [b]plan[/b]"]
    assert "Mayor Ada Lintz said the harbour would reopen." in items[0].text
    assert "x()" not in items[0].text  # the feed's scripts are not text
    assert items[0].source.endswith("wire.rss#1") and "https://example.org/harbour" in items[0].notes[0]
    assert "Tom Brack" in items[1].text


def test_atom_entries_with_html_content(tmp_path: Path) -> None:
    (entry,) = read_feed(write_file(tmp_path, "council.atom", ATOM))
    assert entry.title == "Budget passes" and "The council in Leeds voted." in entry.text


def test_an_xml_file_is_a_feed_only_with_a_feed_inside(tmp_path: Path) -> None:
    assert is_feed(write_file(tmp_path, "feed.xml", ATOM))
    assert not is_feed(write_file(tmp_path, "data.xml", "<?xml version='1.0'?><catalogue/>"))
    assert not is_feed(write_file(tmp_path, "story.txt", "<rss>"))


@pytest.mark.parametrize(
    ("text", "reason"),
    [("<rss version='2.0'><channel></channel></rss>", "no items"), ("garbage <<<", "not a feed")],
)
def test_a_feed_without_items_is_one_clear_error(tmp_path: Path, text: str, reason: str) -> None:
    with pytest.raises(ArticleError, match=reason):
        read_feed(write_file(tmp_path, "bad.rss", text))


def test_a_feeds_items_are_parsed_at_once_and_extracted_only_when_loaded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The reader lists a big feed's items by title before any is extracted (the costly part)."""
    feed = write_file(
        tmp_path,
        "wire.rss",
        RSS.replace("</title><link>", "</title><pubDate>Mon, 01 Dec 2026 10:00:00 GMT</pubDate><link>", 1),
    )
    loaded = read_feed(feed)
    extracted: list[str] = []
    real_parse = article.parse
    monkeypatch.setattr(
        article,
        "parse",
        lambda data, source, **kw: extracted.append(source) or real_parse(data, source, **kw),
    )
    items = read_feed_items(feed)
    assert extracted == []  # parsed, not extracted
    assert [i.title for i in items] == ["Harbour talks resume", "Bridge [b]plan[/b]"]
    assert items[0].link == "https://example.org/harbour" and items[0].date == "Mon, 01 Dec 2026 10:00:00 GMT"
    assert items[1].source.endswith("wire.rss#2") and items[1].date == ""
    second = load_item(items[1])
    assert extracted == [items[1].source]  # the one opened, and only it
    assert second == loaded[1] and items[0].load() == loaded[0]  # the same articles as read_feed's


def test_a_feed_items_link_date_and_author_reach_its_article_cleaned(tmp_path: Path) -> None:
    feed = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>W</title><item><title>Docks</title>'
        "<link>https://example.org/docks</link><pubDate>Tue, 01 Dec 2026 10:00:00 GMT</pubDate>"
        "<author>ana@example.org (Ana \u202ePérez\x07)</author><description>Dockers voted.</description>"
        "</item></channel></rss>"
    )
    [item] = read_feed_items(write_file(tmp_path, "wire.rss", feed))
    doc = load_item(item)
    assert doc.url == "https://example.org/docks"
    assert doc.published == "Tue, 01 Dec 2026 10:00:00 GMT"
    assert "Ana Pérez" in doc.author and doc.author.isprintable()


def test_a_feed_items_title_from_the_network_is_made_printable(tmp_path: Path) -> None:
    feed = RSS.replace("Harbour talks resume", "Harbour &#27;]0;pwned&#7; talks\u202e  resume")
    (item, _) = read_feed_items(write_file(tmp_path, "wire.rss", feed))
    assert item.title == "Harbour talks resume"


def test_a_feeds_items_are_summarised_in_the_pool_and_found_in_the_cache_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    items = read_feed_items(write_file(tmp_path, "wire.rss", RSS))
    assert all(isinstance(i, FeedItem) for i in items)
    cache = batch.SummaryCache()
    rows = {f.index: f for f in batch.summarise_all(items, batch.Options(), cache, workers=1)}
    cache.close()
    assert [rows[i].title for i in (0, 1)] == ["Harbour talks resume", "Bridge [b]plan[/b]"]
    assert rows[0].summary is not None and rows[0].text_hash == batch.text_hash(items[0].load())

    def no_analysis(*args: object, **kwargs: object) -> None:
        raise AssertionError("a cached feed item was analysed again")

    monkeypatch.setattr(batch, "_analysed", no_analysis)
    again = batch.SummaryCache()
    cached = {
        f.index: f
        for f in batch.summarise_all(
            read_feed_items(str(tmp_path / "wire.rss")), batch.Options(), again, workers=1
        )
    }
    again.close()
    assert cached == rows

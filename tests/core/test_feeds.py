"""Feeds: each item of an RSS or Atom file is an article, cleaned like any page."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsreader.article import ArticleError
from newsreader.feeds import is_feed, read_feed

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


def write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_each_item_of_an_rss_feed_is_an_article(tmp_path: Path) -> None:
    items = read_feed(write(tmp_path, "wire.rss", RSS))
    assert [a.title for a in items] == ["Harbour talks resume", "Bridge [b]plan[/b]"]
    assert "Mayor Ada Lintz said the harbour would reopen." in items[0].text
    assert "x()" not in items[0].text  # the feed's scripts are not text
    assert items[0].source.endswith("wire.rss#1") and "https://example.org/harbour" in items[0].notes[0]
    assert "Tom Brack" in items[1].text


def test_atom_entries_with_html_content(tmp_path: Path) -> None:
    (entry,) = read_feed(write(tmp_path, "council.atom", ATOM))
    assert entry.title == "Budget passes" and "The council in Leeds voted." in entry.text


def test_an_xml_file_is_a_feed_only_with_a_feed_inside(tmp_path: Path) -> None:
    assert is_feed(write(tmp_path, "feed.xml", ATOM))
    assert not is_feed(write(tmp_path, "data.xml", "<?xml version='1.0'?><catalogue/>"))
    assert not is_feed(write(tmp_path, "story.txt", "<rss>"))


@pytest.mark.parametrize(
    ("text", "reason"),
    [("<rss version='2.0'><channel></channel></rss>", "no items"), ("garbage <<<", "not a feed")],
)
def test_a_feed_without_items_is_one_clear_error(tmp_path: Path, text: str, reason: str) -> None:
    with pytest.raises(ArticleError, match=reason):
        read_feed(write(tmp_path, "bad.rss", text))

"""Feeds (RSS and Atom): each item an article.

feedparser reads every dialect of feed there is (RSS 0.9x to 2.0, RSS 1.0, Atom); each
item becomes an HTML page (its title, then its content or summary) loaded like any other,
so the same extraction and cleaning apply. feedparser is not asked to sanitise the
items' HTML nor to resolve its links: only its text is kept (the extractor drops scripts
and styles) and it never reaches a browser, and the two were nine-tenths of the parse. An item is named
`FEED#N` (its position) and keeps its link in the article's notes.

Extracting an item's text costs far more than parsing the feed (a 10,000-item feed:
seconds against minutes), so the reader takes the items as `FeedItem`s, each turned
into its article only when it is opened or analysed; `read_feed` gives them all loaded.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, replace
from pathlib import Path

from newsreader import article
from newsreader.article import Article, ArticleError
from newsreader.cleaning import printable

FEED_SUFFIXES = {".rss", ".atom", ".xml"}
_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:RDF)[\s>]")


def is_feed(name: str) -> bool:
    """Is the file at `name` a feed? By its suffix, and for .xml by its root element."""
    suffix = Path(name).suffix.lower()
    if suffix not in FEED_SUFFIXES:
        return False
    if suffix != ".xml":
        return True
    try:
        with open(name, "rb") as fh:
            head = fh.read(4096)
    except OSError:
        return False
    return looks_like_feed(head)


def looks_like_feed(data: bytes) -> bool:
    """Does `data` begin like an RSS or Atom document?"""
    return _FEED_ROOT.search(data[:4096]) is not None


@dataclass(frozen=True)
class FeedItem:
    """A feed's item as parsed: what the list shows (title, link, date) and its HTML, not
    yet extracted. `title` is made printable here: it came from the network as it is."""

    source: str  # FEED#N
    title: str
    link: str
    date: str  # as the feed writes it ("Mon, 01 Dec 2026 10:00:00 GMT"), or ""
    body: str  # the item's HTML: its content, else its summary
    author: str = ""  # as the feed names them, or ""

    def load(self) -> Article:
        """The item as an article (its page extracted and cleaned), its link, date and
        author the feed's; ArticleError if it cannot be read."""
        doc = _item_article(self.source, self.title, self.body, self.link)
        return replace(
            doc,
            url=article.byline_field(self.link),
            published=article.byline_field(self.date),
            author=article.byline_field(self.author),
        )


# An article of a folder or feed: a path, a loaded article, or a feed's item to load.
ListItem = str | Article | FeedItem


def load_item(item: ListItem, *, max_bytes: int = article.DEFAULT_MAX_BYTES) -> Article:
    """The article `item` stands for, loaded (a path) or extracted (a feed's item)."""
    if isinstance(item, Article):
        return item
    if isinstance(item, FeedItem):
        return item.load()
    return article.load(item, max_bytes=max_bytes)


def read_feed(name: str, *, max_bytes: int = article.DEFAULT_MAX_BYTES) -> list[Article]:
    """The feed's items as articles, in the feed's order; ArticleError for a file that is
    not a feed or has no items."""
    return parse_feed(article.read_file(name, max_bytes=max_bytes), name)


def read_feed_items(name: str, *, max_bytes: int = article.DEFAULT_MAX_BYTES) -> list[FeedItem]:
    """The feed's items, parsed but not extracted (see `FeedItem`); ArticleError as `read_feed`."""
    return parse_feed_items(article.read_file(name, max_bytes=max_bytes), name)


def parse_feed(data: bytes, name: str) -> list[Article]:
    """The items of the feed in `data` (a file's or a response's bytes), named `name#N`;
    ArticleError when it is not a feed or has no items."""
    return [item.load() for item in parse_feed_items(data, name)]


def parse_feed_items(data: bytes, name: str) -> list[FeedItem]:
    """The items of the feed in `data`, named `name#N`, not yet extracted; ArticleError
    when it is not a feed or has no items."""
    import feedparser  # a feed is the rare case: its parser is imported only for one

    parsed = feedparser.parse(data, sanitize_html=False, resolve_relative_uris=False)
    if not parsed.entries:
        reason = "not a feed (RSS or Atom)" if parsed.get("bozo") else "a feed with no items"
        raise ArticleError(name, reason)
    items = []
    for number, entry in enumerate(parsed.entries, start=1):
        title = " ".join(printable(str(entry.get("title") or "")).split()) or f"item {number}"
        link = entry.get("link")
        date = str(entry.get("published") or entry.get("updated") or "")
        items.append(
            FeedItem(
                f"{name}#{number}",
                title,
                link if isinstance(link, str) else "",
                " ".join(printable(date).split()),
                _body(entry),
                article.byline_field(entry.get("author")),
            )
        )
    return items


def _body(entry: dict) -> str:  # type: ignore[type-arg]
    """The item's HTML: its full content if the feed carries it, else its summary."""
    parts = entry.get("content") or []
    detail = parts[0] if parts else entry.get("summary_detail") or {}
    value = str(detail.get("value") or entry.get("summary") or "")
    return value if "html" in str(detail.get("type", "text/html")) else f"<p>{html.escape(value)}</p>"


def _item_article(source: str, title: str, body: str, link: str) -> Article:
    heading = html.escape(title)
    page = f"<html><head><title>{heading}</title></head><body><h1>{heading}</h1>{body}</body></html>"
    doc = article.parse(page.encode("utf-8"), source, suffix=".html", body_only=True)
    if link:
        doc = replace(doc, notes=(*doc.notes, f"item of a feed; its page: {link}"))
    return doc

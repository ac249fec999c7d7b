"""Feeds (RSS and Atom): each item an article.

feedparser reads every dialect of feed there is (RSS 0.9x to 2.0, RSS 1.0, Atom) and
sanitises the items' HTML; each item becomes an HTML page (its title, then its content
or summary) loaded like any other, so the same cleaning applies. An item is named
`FEED#N` (its position) and keeps its link in the article's notes.
"""

from __future__ import annotations

import html
import re
from dataclasses import replace
from pathlib import Path

from newsreader import article
from newsreader.article import Article, ArticleError

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


def read_feed(name: str, *, max_bytes: int = article.DEFAULT_MAX_BYTES) -> list[Article]:
    """The feed's items as articles, in the feed's order; ArticleError for a file that is
    not a feed or has no items."""
    return parse_feed(article.read_file(name, max_bytes=max_bytes), name)


def parse_feed(data: bytes, name: str) -> list[Article]:
    """The items of the feed in `data` (a file's or a response's bytes), named `name#N`;
    ArticleError when it is not a feed or has no items."""
    import feedparser  # a feed is the rare case: its parser is imported only for one

    parsed = feedparser.parse(data)
    if not parsed.entries:
        reason = "not a feed (RSS or Atom)" if parsed.get("bozo") else "a feed with no items"
        raise ArticleError(name, reason)
    items = []
    for number, entry in enumerate(parsed.entries, start=1):
        title = str(entry.get("title") or f"item {number}")
        items.append(_item_article(f"{name}#{number}", title, _body(entry), entry.get("link")))
    return items


def _body(entry: dict) -> str:  # type: ignore[type-arg]
    """The item's HTML: its full content if the feed carries it, else its summary."""
    parts = entry.get("content") or []
    detail = parts[0] if parts else entry.get("summary_detail") or {}
    value = str(detail.get("value") or entry.get("summary") or "")
    return value if "html" in str(detail.get("type", "text/html")) else f"<p>{html.escape(value)}</p>"


def _item_article(source: str, title: str, body: str, link: object) -> Article:
    heading = html.escape(title)
    page = f"<html><head><title>{heading}</title></head><body><h1>{heading}</h1>{body}</body></html>"
    doc = article.parse(page.encode("utf-8"), source, suffix=".html", body_only=True)
    if isinstance(link, str) and link:
        doc = replace(doc, notes=(*doc.notes, f"item of a feed; its page: {link}"))
    return doc

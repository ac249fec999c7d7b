"""Main text of an HTML page: title and paragraphs, without navigation and chrome.

trafilatura is the extractor: in the ScrapingHub and Bevendorff et al. (SIGIR 2023)
benchmarks it is the most accurate open-source main-content extractor, it keeps
paragraph breaks, and it reads the title from <title>, og:title or <h1>. It is slow
to import (about half a second), so it is imported only when a page arrives.

When the extractor cannot be used (a part of it missing from the installation, or a
page it fails on), the page is still shown, by plain tag stripping, and `PageText.problem`
says so: the caller tells the user, because a page read that way keeps its navigation,
adverts and footer, and the analysis finds names in them.
"""

from __future__ import annotations

import functools
import html
import re
from dataclasses import dataclass
from types import ModuleType

_TAG = re.compile(r"<[^>]*>")
_BLOCK_END = re.compile(r"</(?:p|div|h[1-6]|li|tr|section|article|blockquote)\s*>|<br\s*/?>", re.I)
_SCRIPT = re.compile(r"<(script|style|noscript|template)\b.*?</\1\s*>", re.I | re.S)
_TITLE = re.compile(r"<title[^>]*>(.*?)</title\s*>", re.I | re.S)
_LINK = re.compile(r"<a\b[^>]*>(.*?)</a\s*>", re.I | re.S)
# A run of this many lines that are each wholly the text of a link is a menu, a list of
# related stories or a tag cloud, not the article (the link-density cue of jusText and of
# Kohlschütter et al., "Boilerplate detection using shallow text features", WSDM 2010).
_MENU_RUN = 3


@dataclass(frozen=True)
class PageText:
    title: str
    paragraphs: tuple[str, ...]
    problem: str = ""  # why the main text could not be told from the page's chrome, if so
    # the page's own metadata, as the extractor read it (raw: `article.byline_field` cleans it)
    url: str = ""
    published: str = ""
    author: str = ""


class ExtractorMissing(RuntimeError):
    """trafilatura, or a module it needs, cannot be imported."""


@functools.cache
def _extractor() -> ModuleType:
    try:
        import trafilatura
    except ImportError as err:  # only a missing part; any other error is a bug and goes up
        reason = " ".join(str(err).split())
        raise ExtractorMissing(
            f"HTML pages are shown whole, navigation and footers included: the extractor "
            f"cannot be imported ({reason}); reinstall newsreader to bring its dependencies"
        ) from err
    return trafilatura


def extractor_problem() -> str:
    """Why main-text extraction cannot work in this installation ('' when it can)."""
    try:
        _extractor()
    except ExtractorMissing as err:
        return str(err)
    return ""


def extract(markup: str, *, fast: bool = False) -> PageText:
    """The page's title and main-text paragraphs; a page the extractor cannot read is
    stripped of its tags instead, with `problem` saying why.

    `fast` is for markup that is already an article's body (a feed's item): no search for
    metadata and no second opinion from the backup extractors, a tenth of the time."""
    try:
        trafilatura = _extractor()
    except ExtractorMissing as err:
        return _strip_tags(markup, str(err))
    from lxml.etree import LxmlError

    try:
        doc = trafilatura.bare_extraction(
            markup,
            fast=fast,
            with_metadata=not fast,
            include_comments=False,
            include_tables=True,
            favor_recall=True,
        )
    except (LxmlError, ValueError) as err:  # markup lxml cannot parse at all
        return _strip_tags(markup, f"the page's main text could not be extracted ({err}); shown whole")
    text = getattr(doc, "text", None) if doc is not None else None
    if text:
        title = _one_line(getattr(doc, "title", None) or _raw_title(markup))
        metadata = {name: _metadata(doc, field) for name, field in _METADATA.items()}
        return PageText(title, _without_menus(_split(text), markup), **metadata)
    # the extractor found no main text (a page of links, say): all of its text is better than none
    return _strip_tags(markup)


# PageText's byline fields and the extractor's names for them (trafilatura's Document)
_METADATA = {"url": "url", "published": "date", "author": "author"}


def _metadata(doc: object, name: str) -> str:
    value = getattr(doc, name, None)
    return value if isinstance(value, str) else ""


def _without_menus(lines: tuple[str, ...], markup: str) -> tuple[str, ...]:
    """`lines` less each run of `_MENU_RUN` or more lines that are only a link's text, when
    something else is left (a page that is only links keeps them)."""
    links = {_one_line(html.unescape(_TAG.sub(" ", m.group(1)))) for m in _LINK.finditer(markup)}
    is_link = [line in links for line in lines]
    keep = list(lines)
    start = 0
    while start < len(lines):
        end = start
        while end < len(lines) and is_link[end]:
            end += 1
        if end - start >= _MENU_RUN:
            keep[start:end] = [""] * (end - start)
        start = end + 1
    kept = tuple(line for line in keep if line)
    return kept or lines


def _strip_tags(markup: str, problem: str = "") -> PageText:
    body = _SCRIPT.sub(" ", markup)
    body = _BLOCK_END.sub("\n", body)
    body = html.unescape(_TAG.sub(" ", body))
    return PageText(_raw_title(markup), _split(body), problem)


def _raw_title(markup: str) -> str:
    m = _TITLE.search(markup)
    return _one_line(html.unescape(_TAG.sub("", m.group(1)))) if m else ""


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _split(text: str) -> tuple[str, ...]:
    lines = (" ".join(line.split()) for line in text.splitlines())
    return tuple(line for line in lines if line)

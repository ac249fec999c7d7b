"""Markdown read as Markdown: its prose, with every offset where the file has it.

The analysis must see the words a reader of the rendered page sees, and nothing else:
not front matter, not `**` or `_`, not a link's address, not an image, and never the
text of a code block (a `"quote," said someone` there is an example, not a statement).
Yet every offset must still index the file, so annotations made on it line up.

So the prose is the file itself with every character that is not prose replaced by a
space (newlines are kept): the same length, the same lines, the same offsets. markdown-it
(CommonMark) decides what is prose; it gives no character positions below the line, so
the prose of each inline run is found by walking its tokens along the run's lines.
"""

from __future__ import annotations

import functools
import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from markdown_it import MarkdownIt
from markdown_it.token import Token

from newsreader import article
from newsreader.article import Article
from newsreader.cleaning import clean

Span = tuple[int, int]

_FRONT_MATTER = (
    ("yaml", re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)),
    ("toml", re.compile(r"\A\+\+\+[ \t]*\n(.*?\n)?\+\+\+[ \t]*(?:\n|\Z)", re.S)),
)
_YAML_FIELD = re.compile(r"^([A-Za-z_]+)[ \t]*:[ \t]*(.+?)[ \t]*$", re.M)
# The front matter's names for what an Article keeps, first found wins (Jekyll, Hugo, Pandoc)
FRONT_MATTER_FIELDS = {
    "title": ("title",),
    "url": ("url", "link", "canonical", "canonical_url", "permalink"),
    "published": ("date", "published", "pubdate", "publishdate"),
    "author": ("author", "authors", "byline"),
}
_TAG = re.compile(r"<[^>\n]*>")
_NOT_NEWLINE = re.compile(r"[^\n]")
# How far ahead a character of a text token is looked for: past an escape's backslash or
# an entity's name (`&amp;` is "&"), never across the rest of the run.
_LOOKAHEAD = 40
NOTE = "Markdown: markup, link addresses, images, code and front matter are left out of the analysis"


@dataclass(frozen=True)
class Prose:
    text: str  # the source with all but its prose blanked: same length, same newlines
    title: str  # the front matter's title, else the first heading's words, else ""
    front: Mapping[str, str] = field(default_factory=dict)  # url, published, author as found there


def markdown_article(
    text: str, source: str, *, encoding: str = "utf-8", notes: tuple[str, ...] = ()
) -> Article:
    """An Article that shows the Markdown as written and whose `analysis_text` is its
    prose (see `prose`): the reader sees the file, the analysis its words, at one offset."""
    doc = article.from_text(text, source, format="markdown", encoding=encoding, notes=(*notes, NOTE))
    found = prose(doc.text)
    title = _one_line(clean(found.title).text)  # front matter is outside the prose: clean it too
    return replace(
        doc,
        title=title or doc.title,
        url=article.byline_field(found.front.get("url")),
        published=article.byline_field(found.front.get("published")),
        author=article.byline_field(found.front.get("author")),
        analysis_text=found.text,
        paragraphs=article.find_paragraphs(found.text),
        boilerplate=article.find_boilerplate(found.text),
    )


def prose(text: str) -> Prose:
    """The prose of Markdown `text` (newlines already normalised), blanked in place."""
    front: dict[str, str] = {}
    body = text
    for kind, pattern in _FRONT_MATTER:
        m = pattern.match(text)
        if m:
            front = _front_matter(m.group(1) or "", kind)
            body = _blank(m.group()) + text[m.end() :]
            break
    kept: list[Span] = []
    lines = _line_starts(body)
    heading: Span | None = None
    in_heading = False
    for token in _parser().parse(body):
        if token.type == "heading_open":
            in_heading = token.tag in ("h1", "h2")
        elif token.type == "heading_close":
            in_heading = False
        elif token.type == "inline" and token.map:
            start, end = lines[token.map[0]], lines[token.map[1]]
            kept.extend(_inline_prose(body, start, end, token.children or []))
            if in_heading and heading is None:
                heading = (start, end)
        elif token.type == "html_block" and token.map:
            kept.extend(_between_tags(body, lines[token.map[0]], lines[token.map[1]]))
    words = _keep_only(body, kept)
    title = front.pop("title", "")
    if not title and heading:
        title = words[heading[0] : heading[1]]
    return Prose(words, _one_line(title), front)


@functools.cache
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark")


def _inline_prose(src: str, start: int, end: int, children: list[Token]) -> list[Span]:
    """The spans of `src[start:end]` that hold the run's words, found token by token."""
    kept: list[Span] = []
    pos = start
    in_autolink = False
    for tok in children:
        kind = tok.type
        if kind == "text":
            if not in_autolink:
                pos = _align(src, pos, end, tok.content, kept)
        elif kind in ("strong_open", "strong_close", "em_open", "em_close"):
            pos = _past(src, tok.markup, pos, end)
        elif kind in ("softbreak", "hardbreak"):
            pos = _past(src, "\n", pos, end)
        elif kind == "html_inline":
            pos = _past(src, tok.content, pos, end)
        elif kind == "code_inline":
            pos = _past_code(src, tok.markup, pos, end)
        elif kind == "link_open":
            in_autolink = tok.markup == "autolink"
            if in_autolink:
                pos = _past(src, "<", pos, end)
        elif kind == "link_close":
            pos = _past(src, ">", pos, end) if in_autolink else _past_destination(src, pos, end)
            in_autolink = False
        elif kind == "image":
            at = src.find("![", pos, end)
            if at >= 0:
                alt_end = _past_group(src, at + 1, end, "[", "]")  # after the `]` closing the alt text
                pos = _past_destination(src, alt_end - 1, end)
    return kept


def _align(src: str, pos: int, end: int, content: str, kept: list[Span]) -> int:
    """Mark where `content` stands in `src` from `pos` on; the position after it."""
    if src.startswith(content, pos):  # the usual case: the words as written
        kept.append((pos, pos + len(content)))
        return pos + len(content)
    for char in content:  # escapes and entities: each character where it is written
        at = src.find(char, pos, min(end, pos + _LOOKAHEAD))
        if at >= 0:
            kept.append((at, at + 1))
            pos = at + 1
    return pos


def _past(src: str, needle: str, pos: int, end: int) -> int:
    at = src.find(needle, pos, end)
    return pos if at < 0 else at + len(needle)


def _past_code(src: str, fence: str, pos: int, end: int) -> int:
    """After an inline code span opened by the backtick run `fence`."""
    opening = src.find(fence, pos, end)
    if opening < 0:
        return pos
    closing = re.compile(rf"(?<!`){re.escape(fence)}(?!`)").search(src, opening + len(fence), end)
    return closing.end() if closing else pos


def _past_group(src: str, at: int, end: int, opening: str, closing: str) -> int:
    """After the `closing` that balances the `opening` at `at`, nesting and escapes
    counted, and inside a link's parentheses its quoted title; `at` if it never closes."""
    depth, quote, i = 0, "", at
    while i < end:
        char = src[i]
        if char == "\\":
            i += 1
        elif quote:
            quote = "" if char == quote else quote
        elif char in "\"'" and depth == 1 and opening == "(":
            quote = char
        elif char == opening:
            depth += 1
        elif char == closing:
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return at


def _past_destination(src: str, pos: int, end: int) -> int:
    """After a link's `](address "title")` or `][label]` or `]`, from its link text's end."""
    close = src.find("]", pos, end)
    if close < 0:
        return pos
    after = close + 1
    if after < end and src[after] == "[":
        return _past_group(src, after, end, "[", "]")
    if after < end and src[after] == "(":
        return _past_group(src, after, end, "(", ")")
    return after


def _between_tags(src: str, start: int, end: int) -> list[Span]:
    """An HTML block's text: what lies between its tags."""
    spans, pos = [], start
    for m in _TAG.finditer(src, start, end):
        if m.start() > pos:
            spans.append((pos, m.start()))
        pos = m.end()
    if end > pos:
        spans.append((pos, end))
    return spans


def _keep_only(text: str, kept: list[Span]) -> str:
    """`text` with every character outside `kept` but newlines turned into a space."""
    parts: list[str] = []
    pos = 0
    for start, end in sorted(kept):
        if end <= pos:
            continue
        start = max(start, pos)
        parts.append(_blank(text[pos:start]))
        parts.append(text[start:end])
        pos = end
    parts.append(_blank(text[pos:]))
    return "".join(parts)


def _blank(text: str) -> str:
    return _NOT_NEWLINE.sub(" ", text)


def _line_starts(text: str) -> list[int]:
    """Offsets of each line's start, and one past the end for the last line's end."""
    starts = [0]
    starts.extend(m.end() for m in re.finditer("\n", text))
    starts.append(len(text))
    return starts


def _front_matter(block: str, kind: str) -> dict[str, str]:
    """The title, url, published and author of a YAML or TOML front matter block, those
    it has (see FRONT_MATTER_FIELDS); a list of authors is joined with commas."""
    if kind == "toml":
        if sys.version_info >= (3, 11):
            import tomllib
        else:
            import tomli as tomllib  # type: ignore[import-not-found]
        try:
            values: dict[str, object] = {k.lower(): v for k, v in tomllib.loads(block).items()}
        except tomllib.TOMLDecodeError:
            return {}
    else:
        values = {}
        for m in _YAML_FIELD.finditer(block):
            value = m.group(2)
            if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
                value = value[1:-1]
            values.setdefault(m.group(1).lower(), value)
    found: dict[str, str] = {}
    for name, keys in FRONT_MATTER_FIELDS.items():
        value = next((values[k] for k in keys if k in values), None)
        if isinstance(value, list):
            value = ", ".join(str(v) for v in value if isinstance(v, str))
        if value is not None and not isinstance(value, (dict, bool)):
            found[name] = str(value)  # a TOML date is a date: its ISO form
    return found


def _one_line(text: str) -> str:
    return " ".join(text.split())

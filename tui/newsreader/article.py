"""Loading an article: a path, stdin or bytes in; a clean `Article` out.

The `Article.text` is the one string every offset in the program indexes. It holds no
control characters, escape sequences or bidi overrides, so it can be shown anywhere.
Refusals (missing file, directory, binary, too large) raise `ArticleError`, whose
message is one line naming the file and the reason.
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import BinaryIO

from newsreader.cleaning import BinaryContent, OffsetMap, clean, decode, normalise_newlines, printable

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
Span = tuple[int, int]

TEXT_SUFFIXES = {".txt", ".text", ""}
MARKDOWN_SUFFIXES = {".md", ".markdown", ".mdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}


class ArticleError(Exception):
    """An input that cannot be opened as an article; `str()` is the user's message."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(printable(f"{source}: {reason}"))  # shown as it is, in the reader too
        self.source = source
        self.reason = reason


@dataclass(frozen=True)
class Article:
    text: str
    title: str
    paragraphs: tuple[Span, ...]
    boilerplate: tuple[Span, ...]
    source: str = "<text>"
    format: str = "text"  # text | markdown | html
    encoding: str = "utf-8"
    notes: tuple[str, ...] = ()  # what the loader assumed or changed, for the user
    # what the loader could not do for this article (a missing part of the installation,
    # say): said to the user once, on stderr or in the reader, not only kept
    problems: tuple[str, ...] = ()
    # Maps offsets in `text` back to the decoded input (before cleaning); identity for
    # clean files. `source_text` is kept only when cleaning changed something.
    offsets: OffsetMap = field(default_factory=OffsetMap)
    source_text: str | None = None
    # What the analysis reads when it is not what the reader shows: Markdown's prose, its
    # markup blanked in place (the same length as `text`, so every offset serves both).
    analysis_text: str | None = None
    # Where it was published, when and by whom, where its source says so (a feed item's
    # link, a page's metadata, front matter); "" when unknown. Made by `byline_field`.
    url: str = ""
    published: str = ""
    author: str = ""

    @property
    def prose(self) -> str:
        """The text the analysis reads; offsets into it are offsets into `text`."""
        return self.text if self.analysis_text is None else self.analysis_text

    @property
    def is_empty(self) -> bool:
        return not self.text.strip()

    def in_boilerplate(self, start: int, end: int) -> bool:
        return any(s <= start and end <= e for s, e in self.boilerplate)


MAX_FOLDER_FILES = 10_000


def articles_in(folder: str | os.PathLike[str]) -> list[Path]:
    """The articles in a folder and its subfolders (.txt, .md, .html and their kin), in
    path order; hidden files and folders are left out. Raises ArticleError when there are
    none, or more than MAX_FOLDER_FILES."""
    root = Path(folder)
    suffixes = (TEXT_SUFFIXES | MARKDOWN_SUFFIXES | HTML_SUFFIXES) - {""}
    found: list[Path] = []
    try:
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            for name in sorted(filenames):
                if not name.startswith(".") and Path(name).suffix.lower() in suffixes:
                    found.append(Path(dirpath) / name)
                    if len(found) > MAX_FOLDER_FILES:
                        raise ArticleError(os.fspath(folder), f"more than {MAX_FOLDER_FILES:,} articles")
    except PermissionError:
        raise ArticleError(os.fspath(folder), "permission denied") from None
    if not found:
        raise ArticleError(os.fspath(folder), "no articles in it (.txt, .md or .html files)")
    return found


def load(path: str | os.PathLike[str], *, max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    """Read and clean the article at `path` ("-" reads standard input)."""
    name = os.fspath(path)
    if name == "-":
        return parse(_read_limited(sys.stdin.buffer, "<stdin>", max_bytes), "<stdin>")
    return parse(read_file(name, max_bytes=max_bytes), name, suffix=Path(name).suffix.lower())


def read_file(name: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The bytes of a regular file of at most `max_bytes`; ArticleError otherwise."""
    p = Path(name)
    try:
        if not p.exists():
            raise ArticleError(name, "no such file")
        if p.is_dir():
            raise ArticleError(name, "is a directory, not a file")
        if not p.is_file():
            raise ArticleError(name, "is not a regular file")
        size = p.stat().st_size
        if size > max_bytes:
            raise ArticleError(name, f"too large ({size_text(size)}; the limit is {size_text(max_bytes)})")
        with p.open("rb") as fh:
            return _read_limited(fh, name, max_bytes)
    except PermissionError:
        raise ArticleError(name, "permission denied") from None
    except OSError as err:
        raise ArticleError(name, f"cannot be read ({err.strerror or err})") from None


def _read_limited(fh: BinaryIO, name: str, max_bytes: int) -> bytes:
    data = fh.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise ArticleError(name, f"too large (over {size_text(max_bytes)})")
    return data


MAX_BYLINE_FIELD = 500  # characters of a URL, date or author kept: a hostile page's are not a book


def byline_field(value: object) -> str:
    """A URL, date or author from outside as an `Article` keeps it: a string, one line,
    nothing a terminal acts on (`cleaning.printable`), at most MAX_BYLINE_FIELD long."""
    if not isinstance(value, str):
        return ""
    return " ".join(printable(value).split())[:MAX_BYLINE_FIELD]


def size_text(n: int) -> str:
    """A size for people: MB to one decimal, or KB or bytes when that would read 0.0 MB."""
    if n >= 100 * 1024:
        return f"{n / (1024 * 1024):.1f} MB"
    if n >= 1024:
        return f"{n / 1024:.1f} KB"
    return f"{n} byte{'s' if n != 1 else ''}"


def parse(data: bytes, source: str = "<bytes>", *, suffix: str = "", body_only: bool = False) -> Article:
    """Turn raw bytes into an Article; raises ArticleError for binary content.
    `body_only`: the HTML is an article's body already (see `htmltext.extract`'s `fast`)."""
    try:
        decoded = decode(data)
    except BinaryContent as err:
        raise ArticleError(source, f"not a text file: {err}") from None
    notes = [decoded.note] if decoded.note else []
    text = normalise_newlines(decoded.text)
    kind = sniff_format(text, suffix)
    if kind == "markdown":
        from newsreader import markdowntext

        return markdowntext.markdown_article(text, source, encoding=decoded.encoding, notes=tuple(notes))
    if kind == "html":
        from newsreader import htmltext

        page = htmltext.extract(text, fast=body_only)
        paragraphs = list(page.paragraphs)
        if page.title and (not paragraphs or paragraphs[0] != page.title):
            paragraphs.insert(0, page.title)
        doc = from_text("\n\n".join(paragraphs), source, format=kind, encoding=decoded.encoding,
                        notes=tuple(notes))  # fmt: skip
        return replace(
            doc,
            problems=(page.problem,) if page.problem else (),
            url=byline_field(page.url),
            published=byline_field(page.published),
            author=byline_field(page.author),
        )
    return from_text(text, source, format=kind, encoding=decoded.encoding, notes=tuple(notes))


def from_text(
    text: str,
    source: str = "<text>",
    *,
    format: str = "text",
    encoding: str = "utf-8",
    notes: tuple[str, ...] = (),
) -> Article:
    """Clean already-decoded text and find its structure."""
    text = normalise_newlines(text)
    cleaned = clean(text)
    if cleaned.removed:
        notes = (*notes, "removed control characters or escape sequences")
    body = cleaned.text
    paragraphs = find_paragraphs(body)
    return Article(
        text=body,
        title=find_title(body, format) or _fallback_title(source),
        paragraphs=paragraphs,
        boilerplate=find_boilerplate(body),
        source=source,
        format=format,
        encoding=encoding,
        notes=tuple(notes),
        offsets=cleaned.offsets,
        source_text=None if cleaned.offsets.is_identity else text,
    )


_HTML_START = re.compile(
    r"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S
)
_HTML_TAGS = re.compile(
    r"</?(?:p|div|span|a|br|h[1-6]|article|section|body|head|title|meta|script)\b[^>]*>", re.I
)
_MD_MARKS = re.compile(r"^(?:#{1,6} \S|[*-] \S|\d+\. \S|> \S|```)|\[[^\]\n]+\]\([^)\s]+\)", re.M)


def sniff_format(text: str, suffix: str = "") -> str:
    """ "html", "markdown" or "text": the content decides when the suffix lies."""
    head = text[:4096]
    if _HTML_START.match(head) or len(_HTML_TAGS.findall(head)) >= 5:
        return "html"
    if suffix in MARKDOWN_SUFFIXES:
        return "markdown"
    if suffix in HTML_SUFFIXES:
        return "text"  # named .html but holds no markup
    marks = _MD_MARKS.findall(head)
    return "markdown" if len(marks) >= 3 or head.startswith("# ") else "text"


def find_paragraphs(text: str) -> tuple[Span, ...]:
    """Blocks separated by blank lines; every non-empty line when there are none."""
    separator = r"\n[ \t]*\n" if re.search(r"\n[ \t]*\n", text) else r"\n"
    spans: list[Span] = []
    pos = 0
    for m in re.finditer(separator, text):
        _add_trimmed(spans, text, pos, m.start())
        pos = m.end()
    _add_trimmed(spans, text, pos, len(text))
    return tuple(spans)


def _add_trimmed(spans: list[Span], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


def find_title(text: str, format: str = "text") -> str:
    """The first line when a blank line follows it (or the first Markdown heading)."""
    if format == "markdown":
        m = re.search(r"^#{1,2}[ \t]+(.+?)[ \t#]*$", text, re.M)
        if m:
            return m.group(1).strip()
    stripped = text.lstrip()
    first, sep, rest = stripped.partition("\n")
    first = first.strip()
    if format == "html":
        return first
    if (sep and rest.startswith(("\n", " \n", "\t\n"))) or (sep and not rest.strip()):
        return first.lstrip("# ").strip() if len(first) <= 300 else ""
    return ""


def _fallback_title(source: str) -> str:
    """The file's stem as a title: a file name is untrusted text too, so made printable."""
    if source.startswith("<"):
        return "untitled"
    stem = " ".join(printable(Path(source).stem).replace("_", " ").replace("-", " ").split())
    return stem or "untitled"


# Lines that pages repeat around every article. Each pattern must match the whole
# (short) line, so a sentence in the story that merely mentions "cookies" is left alone.
_BOILERPLATE_LINE = re.compile(
    r"""^\W*(?:
        leave\ a\ (?:reply|comment)|post\ a\ comment|add\ a\ comment|join\ the\ (?:conversation|discussion)
      | (?:you\ must\ be\ )?logged\ in\ to\ post\ a\ comment.*
      | your\ email\ address\ will\ not\ be\ published.*
      | required\ fields\ are\ marked.*
      | save\ my\ name,?\ email.*
      | (?:post|submit)\ comment|cancel\ reply|comments?\ \(\d+\)|\d+\ comments?
      | share\ (?:this|on\ \w+|via\ \w+)(?:\ (?:article|story|post))?:?.*
      | (?:share|tweet|email|print|pin\ it|whatsapp|facebook|twitter|linkedin|reddit)
        (?:\W+(?:share|tweet|email|print|pin\ it|whatsapp|facebook|twitter|linkedin|reddit))*
      | (?:subscribe|sign\ up)\ (?:to|for)\ (?:our|the)\ .*(?:newsletter|updates|alerts).*
      | follow\ us\ on\ .*
      | (?:we|this\ (?:site|website))\ uses?\ cookies.*
      | (?:accept|reject|manage)\ (?:all\ )?cookies.*|cookie\ (?:policy|settings|preferences).*
      | advertisement|sponsored(?:\ content)?|related\ (?:articles|stories|posts)|read\ more:?.*
      | (?:copyright\ )?(?:©|\(c\))\ .*|all\ rights\ reserved\.?
    )\W*$""",
    re.I | re.X,
)
# Headings after which the rest of a page is a comment form, not article text.
_COMMENT_FORM = re.compile(
    r"^\W*(?:leave\ a\ (?:reply|comment)|post\ a\ comment|add\ a\ comment)\W*$", re.I | re.X
)
_MAX_BOILERPLATE_LINE = 240


def find_boilerplate(text: str) -> tuple[Span, ...]:
    """Spans of page furniture: comment forms, share and subscribe lines, cookie notices."""
    spans: list[Span] = []
    tail_from: int | None = None
    for m in re.finditer(r"[^\n]+", text):
        line = m.group()
        if len(line) > _MAX_BOILERPLATE_LINE:
            continue
        if _COMMENT_FORM.match(line) and m.start() >= len(text) * 0.5:
            tail_from = m.start()
            break
        if _BOILERPLATE_LINE.match(line):
            spans.append(_strip_span(text, m.start(), m.end()))
    if tail_from is not None:
        spans.append(_strip_span(text, tail_from, len(text)))
    return _merge(spans, text)


def _strip_span(text: str, start: int, end: int) -> Span:
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _merge(spans: list[Span], text: str) -> tuple[Span, ...]:
    merged: list[Span] = []
    for start, end in sorted(spans):
        if merged and not text[merged[-1][1] : start].strip():
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return tuple(merged)

"""The `newsreader analyze` JSON contract (schema 1), built from an Article and its Analysis.

Offsets index the `text` field. By default that is the text as decoded (newlines
normalised), so offsets line up with annotations made on the original file even when
cleaning removed control characters; the reader itself shows the cleaned text. With
`text="clean"` the cleaned text and its offsets are emitted instead.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TextIO

from newsreader.analysis.model import Analysis, Match
from newsreader.article import Article
from newsreader.cleaning import json_safe

SCHEMA = 1


def to_dict(article: Article, analysis: Analysis, *, text: str = "source") -> dict[str, Any]:
    """The JSON document of `article` and its `analysis`, as plain lists and dicts."""
    return {
        k: list(v) if isinstance(v, Rows) else v for k, v in document(article, analysis, text=text).items()
    }


def document(article: Article, analysis: Analysis, *, text: str = "source") -> dict[str, Any]:
    """`to_dict`'s document with its long lists (entities, quotes, paragraphs, ...) as
    `Rows`, made an item at a time as `write` writes them: a long article's document as
    dicts and lists is several times the analysis it is made from (170 MB more for a
    20 MB text), and `write` need never hold it whole."""
    use_source = text == "source" and article.source_text is not None
    source = (article, analysis, use_source)
    doc: dict[str, Any] = {
        "schema": SCHEMA,
        "source": article.source,
        "title": article.title,
        "format": article.format,
        "encoding": article.encoding,
        "notes": list(article.notes),
        "problems": list(article.problems),
        "text": article.source_text if use_source else article.text,
        "paragraphs": Rows(_paragraphs, source, len(article.paragraphs)),
        "boilerplate": Rows(_boilerplate, source, len(article.boilerplate)),
        "entities": Rows(_entities, source, len(analysis.entities)),
        "quotes": Rows(_quotes, source, len(analysis.quotes)),
        "xref": Rows(_xref, source, sum(1 for e in analysis.entities if e.candidates)),
        "merges": [{"a": m.a, "b": m.b, "score": m.score, "why": m.why} for m in analysis.merges],
        "ambiguities": Rows(_ambiguities, source, len(analysis.ambiguities)),
    }
    if use_source:
        doc["cleaned"] = "offsets index the original text; the reader shows it without control characters"
    return doc


_Source = tuple[Article, Analysis, bool]  # the article, its analysis, whether offsets index source_text


class Rows:
    """A list of a `document`, made afresh, an item at a time, each time it is read:
    written (`write`, `dumps`), iterated or compared with a list. Its items are what
    `to_dict` puts in that list."""

    __slots__ = ("_count", "_make", "_source")

    def __init__(self, make: Callable[[_Source], Iterator[Any]], source: _Source, count: int) -> None:
        self._make = make
        self._source = source
        self._count = count

    def __iter__(self) -> Iterator[Any]:
        return self._make(self._source)

    def __len__(self) -> int:
        return self._count

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Rows | list):
            return len(self) == len(other) and list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # compared by value, as the list it stands for

    def __repr__(self) -> str:
        return f"Rows({self._make.__name__}, {self._count} items)"


def _spanner(source: _Source) -> Callable[[int, int], list[int]]:
    article, _, use_source = source
    if use_source:
        to_source = article.offsets.span_to_source

        def span(start: int, end: int) -> list[int]:
            s, e = to_source(start, end)
            return [s, e]

        return span
    return lambda start, end: [start, end]


def _paragraphs(source: _Source) -> Iterator[list[int]]:
    span = _spanner(source)
    return (span(s, e) for s, e in source[0].paragraphs)


def _boilerplate(source: _Source) -> Iterator[list[int]]:
    span = _spanner(source)
    return (span(s, e) for s, e in source[0].boilerplate)


def _entities(source: _Source) -> Iterator[dict[str, Any]]:
    span = _spanner(source)
    return (
        {
            "id": e.id,
            "name": e.name,
            "type": e.type,
            "mentions": [span(s, t) for s, t in e.mentions],
            "reference": _match(e.reference) if e.reference else None,
            "flags": list(e.flags),
            "evidence": e.evidence,
        }
        for e in source[1].entities
    )


def _quotes(source: _Source) -> Iterator[dict[str, Any]]:
    span = _spanner(source)
    return (
        {
            "start": span(q.start, q.end)[0],
            "end": span(q.start, q.end)[1],
            "speaker": q.speaker,
            "cue": q.cue,
            "rule": q.rule,
            "kind": q.kind,
            "speaker_span": span(*q.speaker_span) if q.speaker_span else None,
        }
        for q in source[1].quotes
    )


def _xref(source: _Source) -> Iterator[dict[str, Any]]:
    return (
        {"entity": e.id, "candidates": [_match(c) for c in e.candidates]}
        for e in source[1].entities
        if e.candidates
    )


def _ambiguities(source: _Source) -> Iterator[dict[str, Any]]:
    span = _spanner(source)
    return (
        {"mention": span(*a.span), "text": a.text, "candidates": list(a.candidates)}
        for a in source[1].ambiguities
    )


def _match(m: Match) -> dict[str, Any]:
    out: dict[str, Any] = {"name": m.name, "score": round(m.score, 1), "list": m.list, "verdict": m.verdict}
    out["why"] = m.why
    if m.type:
        out["type"] = m.type
    if m.description:
        out["description"] = m.description
    if m.source:
        out["source"] = m.source
    return out


def dumps(doc: Any, *, indent: int | None = None) -> str:
    """JSON with controls, bidi marks and lone surrogates escaped (see `cleaning.json_safe`)."""
    return json_safe(json.dumps(doc, ensure_ascii=False, indent=indent, default=_as_list))


def _as_list(value: Any) -> list[Any]:
    """`json.dumps`'s fallback: `Rows` are encoded as the list they stand for."""
    if isinstance(value, Rows):
        return list(value)
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


# Lists and objects of more items than this, and strings of more characters, are written
# piece by piece; anything smaller is encoded in one call, which keeps the writing fast.
PIECE_ITEMS = 256
PIECE_CHARS = 1 << 16


def write(
    doc: Any,
    out: TextIO,
    *,
    indent: int | None = None,
    depth: int = 0,
    items: int = PIECE_ITEMS,
    chars: int = PIECE_CHARS,
) -> None:
    """`dumps(doc, indent=indent)` written to `out`, character for character, without ever
    holding it as one string (a long article's document is several times its text);
    `depth`: as an item nested that many levels deep in a bigger document."""
    for chunk in _pieces(doc, indent, depth, (items, chars)):
        out.write(json_safe(chunk))


def _pieces(value: Any, indent: int | None, depth: int, size: tuple[int, int]) -> Iterator[str]:
    """The JSON of `value` nested `depth` levels deep, as `json.dumps` writes it there."""
    if not _large(value, size):
        encoded = json.dumps(value, ensure_ascii=False, indent=indent, default=_as_list)
        # encoded JSON breaks lines only between items (a string's line breaks are escaped)
        yield encoded.replace("\n", "\n" + " " * (indent * depth)) if indent and depth else encoded
    elif isinstance(value, str):
        # JSON escapes a string one character at a time, so its slices encode apart
        chars = size[1]
        yield '"'
        for start in range(0, len(value), chars):
            yield json.dumps(value[start : start + chars], ensure_ascii=False)[1:-1]
        yield '"'
    elif isinstance(value, list | Rows):
        yield from _container("[]", ((None, v) for v in value), indent, depth, size)
    else:
        yield from _container("{}", value.items(), indent, depth, size)


def _large(value: Any, size: tuple[int, int]) -> bool:
    """Is `value` a string of more than `size[1]` characters, or a list or an object (of
    string keys) of more than `size[0]` items, or one holding such a value?"""
    items, chars = size
    if isinstance(value, str):
        return len(value) > chars
    if isinstance(value, list | Rows):
        return len(value) > items or any(_large(v, size) for v in value)
    if isinstance(value, dict) and all(isinstance(k, str) for k in value):
        return len(value) > items or any(_large(v, size) for v in value.values())
    return False


def _container(
    brackets: str,
    members: Iterable[tuple[str | None, Any]],
    indent: int | None,
    depth: int,
    size: tuple[int, int],
) -> Iterator[str]:
    """A list's items or an object's members (`key` None for a list's) between `brackets`."""
    if indent is None:
        opening, between, closing = brackets[0], ", ", brackets[1]
    else:
        inner = "\n" + " " * (indent * (depth + 1))
        opening, between, closing = (
            brackets[0] + inner,
            "," + inner,
            "\n" + " " * (indent * depth) + brackets[1],
        )
    yield opening
    for i, (key, value) in enumerate(members):
        yield between if i else ""
        if key is not None:
            yield json.dumps(key, ensure_ascii=False) + ": "
        yield from _pieces(value, indent, depth + 1, size)
    yield closing

"""The `newsreader analyze` JSON contract (schema 1), built from an Article and its Analysis.

Offsets index the `text` field. By default that is the text as decoded (newlines
normalised), so offsets line up with annotations made on the original file even when
cleaning removed control characters; the reader itself shows the cleaned text. With
`text="clean"` the cleaned text and its offsets are emitted instead.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any, TextIO

from newsreader.analysis.model import Analysis, Match
from newsreader.article import Article
from newsreader.cleaning import json_safe

SCHEMA = 1


def to_dict(article: Article, analysis: Analysis, *, text: str = "source") -> dict[str, Any]:
    use_source = text == "source" and article.source_text is not None

    def span(start: int, end: int) -> list[int]:
        if use_source:
            s, e = article.offsets.span_to_source(start, end)
            return [s, e]
        return [start, end]

    doc: dict[str, Any] = {
        "schema": SCHEMA,
        "source": article.source,
        "title": article.title,
        "format": article.format,
        "encoding": article.encoding,
        "notes": list(article.notes),
        "problems": list(article.problems),
        "text": article.source_text if use_source else article.text,
        "paragraphs": [span(s, e) for s, e in article.paragraphs],
        "boilerplate": [span(s, e) for s, e in article.boilerplate],
        "entities": [
            {
                "id": e.id,
                "name": e.name,
                "type": e.type,
                "mentions": [span(s, t) for s, t in e.mentions],
                "reference": _match(e.reference) if e.reference else None,
                "flags": list(e.flags),
                "evidence": e.evidence,
            }
            for e in analysis.entities
        ],
        "quotes": [
            {
                "start": span(q.start, q.end)[0],
                "end": span(q.start, q.end)[1],
                "speaker": q.speaker,
                "cue": q.cue,
                "rule": q.rule,
                "kind": q.kind,
                "speaker_span": span(*q.speaker_span) if q.speaker_span else None,
            }
            for q in analysis.quotes
        ],
        "xref": [
            {"entity": e.id, "candidates": [_match(c) for c in e.candidates]}
            for e in analysis.entities
            if e.candidates
        ],
        "merges": [{"a": m.a, "b": m.b, "score": m.score, "why": m.why} for m in analysis.merges],
        "ambiguities": [
            {"mention": span(*a.span), "text": a.text, "candidates": list(a.candidates)}
            for a in analysis.ambiguities
        ],
    }
    if use_source:
        doc["cleaned"] = "offsets index the original text; the reader shows it without control characters"
    return doc


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
    return json_safe(json.dumps(doc, ensure_ascii=False, indent=indent))


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
        encoded = json.dumps(value, ensure_ascii=False, indent=indent)
        # encoded JSON breaks lines only between items (a string's line breaks are escaped)
        yield encoded.replace("\n", "\n" + " " * (indent * depth)) if indent and depth else encoded
    elif isinstance(value, str):
        # JSON escapes a string one character at a time, so its slices encode apart
        chars = size[1]
        yield '"'
        for start in range(0, len(value), chars):
            yield json.dumps(value[start : start + chars], ensure_ascii=False)[1:-1]
        yield '"'
    elif isinstance(value, list):
        yield from _container("[]", ((None, v) for v in value), indent, depth, size)
    else:
        yield from _container("{}", value.items(), indent, depth, size)


def _large(value: Any, size: tuple[int, int]) -> bool:
    """Is `value` a string of more than `size[1]` characters, or a list or an object (of
    string keys) of more than `size[0]` items, or one holding such a value?"""
    items, chars = size
    if isinstance(value, str):
        return len(value) > chars
    if isinstance(value, list):
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

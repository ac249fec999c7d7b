"""The `newsreader analyze` JSON contract (schema 1), built from an Article and its Analysis.

Offsets index the `text` field. By default that is the text as decoded (newlines
normalised), so offsets line up with annotations made on the original file even when
cleaning removed control characters; the reader itself shows the cleaned text. With
`text="clean"` the cleaned text and its offsets are emitted instead.
"""

from __future__ import annotations

import json
from typing import Any

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

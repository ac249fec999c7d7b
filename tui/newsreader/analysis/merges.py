"""Merge suggestions: entities of one article whose names look like spellings of one name
(Zelensky / Zelenskyy), for the reviewer to join or keep apart."""

from __future__ import annotations

from collections.abc import Sequence

from newsreader.analysis.matcher import DEFAULT_THRESHOLDS, Thresholds, compare, name_form, sound
from newsreader.analysis.model import NAMED_TYPES, Entity, MergeSuggestion

MAX_MERGE_BLOCK = 40  # names sharing one part's sound that are compared pairwise


def suggest_merges(
    entities: Sequence[Entity], thresholds: Thresholds = DEFAULT_THRESHOLDS
) -> tuple[MergeSuggestion, ...]:
    """Entities of one type whose names look like variants of one name (Zelensky /
    Zelenskyy), compared only within blocks that share a name part's sound."""
    blocks: dict[tuple[str, str], list[Entity]] = {}
    for e in entities:
        if e.type not in NAMED_TYPES:
            continue
        for tok in name_form(e.name).tokens:
            if len(tok) >= 3:
                blocks.setdefault((e.type, sound(tok)), []).append(e)
    seen: set[tuple[str, str]] = set()
    out: list[MergeSuggestion] = []
    for members in blocks.values():
        if len(members) > MAX_MERGE_BLOCK:
            continue  # a part shared by dozens of names (John, Bank) says nothing; rarer parts decide
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                pair = (a.id, b.id) if a.id < b.id else (b.id, a.id)
                if pair in seen or a.id == b.id:
                    continue
                seen.add(pair)
                if len(name_form(a.name).tokens) != len(name_form(b.name).tokens):
                    continue  # a short form and a full name are grouped, or ambiguous
                c = compare(a.name, b.name, kind=a.type)
                if c.score >= thresholds.maybe:
                    out.append(MergeSuggestion(pair[0], pair[1], c.score, c.why))
    return tuple(sorted(out, key=lambda m: -m.score))

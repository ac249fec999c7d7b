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
    Zelenskyy), best first, compared only within blocks that share a name part's sound;
    each pair once, in the first block the two share. The work grows with the number of
    entities, not its square: a block holds at most MAX_MERGE_BLOCK names."""
    named = [e for e in entities if e.type in NAMED_TYPES]
    parts = [len(name_form(e.name).tokens) for e in named]
    blocks = _blocks(named)
    in_blocks: list[list[int]] = [[] for _ in named]  # each entity's blocks, in block order
    for k, members in enumerate(blocks):
        for i in members:
            in_blocks[i].append(k)
    out: list[MergeSuggestion] = []
    for k, members in enumerate(blocks):
        for n, i in enumerate(members):
            for j in members[n + 1 :]:
                if parts[i] != parts[j]:
                    continue  # a short form and a full name are grouped, or ambiguous
                if next(b for b in in_blocks[i] if b in in_blocks[j]) != k:
                    continue  # compared in an earlier block the two share
                first, then = named[i], named[j]  # compared in order of first mention
                c = compare(first.name, then.name, kind=first.type, floor=thresholds.maybe)
                if c.score >= thresholds.maybe:
                    ids = sorted((first.id, then.id))
                    out.append(MergeSuggestion(ids[0], ids[1], c.score, c.why))
    return tuple(sorted(out, key=lambda m: -m.score))


def _blocks(named: Sequence[Entity]) -> list[list[int]]:
    """The positions in `named` of the entities of one type with a name part (of three
    letters or more) of one sound, each block in order of first mention and each entity
    once in it; blocks of more than MAX_MERGE_BLOCK parts are left out: a part shared by
    dozens of names (John, Bank) says nothing, rarer parts decide."""
    blocks: dict[tuple[str, str], list[int]] = {}
    for i, e in enumerate(named):
        for tok in name_form(e.name).tokens:
            if len(tok) >= 3:
                blocks.setdefault((e.type, sound(tok)), []).append(i)
    # an entity with two parts of one sound counts twice towards the limit, as it always has
    return [list(dict.fromkeys(m)) for m in blocks.values() if len(m) <= MAX_MERGE_BLOCK]

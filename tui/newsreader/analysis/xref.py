"""Cross-reference an article's entities with reference lists, and with each other.

For each person, organisation and place the index proposes candidates and the matcher
scores them; then the *context* weighs in: the words around the mentions ("China's
ambassador to France") against the entry's description ("Chinese ambassador to France")
and the entity's type against the entry's. The best candidate that is judged the same,
clearly ahead of the next, becomes the entity's `reference`; up to three are shown.

Short-name guard: an entity known only by one short name ("Xi") is matched exactly or
not at all; a fuller mention in the article ("Xi Jinping") is what gets matched.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from newsreader.analysis import lexicon, vocab
from newsreader.analysis.matcher import (
    DEFAULT_THRESHOLDS,
    SAME,
    Thresholds,
    compare,
    name_form,
    sound,
)
from newsreader.analysis.model import NAMED_TYPES, Entity, Match, MergeSuggestion
from newsreader.analysis.refindex import Hit, ReferenceIndex

CONTEXT_WINDOW = 80  # characters each side of a mention
CONTEXT_BONUS_PER_WORD = 4.0
CONTEXT_BONUS_MAX = 12.0
TYPE_MISMATCH_PENALTY = 30.0
CLEAR_LEAD = 5.0  # the reference must beat the runner-up by this much
MAX_CANDIDATES = 3

_WORD = re.compile(r"[A-Za-z][A-Za-z’'-]+")
_STOP = frozenset(
    """the and for with from that this than was were has have had his her its their which who whom
    whose what when where while after before about into over under also said says would could should
    will been being are not but one two three new former current since until more most other such
    some any all many much very only just then there here they them these those our your you she
    him himself herself itself during between against among through within without""".split()
)


def context_words(text: str, spans: Sequence[tuple[int, int]]) -> set[str]:
    """Informative words near the first mentions, with country names and adjectives folded
    to one key ("China's", "Chinese" -> "country:chin")."""
    words: set[str] = set()
    for start, end in spans[:4]:
        # the words around the mention, not the mention itself: a name agreeing with
        # itself is no evidence about which of two look-alike entries it is
        words.update(_informative(text[max(0, start - CONTEXT_WINDOW) : start]))
        words.update(_informative(text[end : end + CONTEXT_WINDOW]))
    return words


def _informative(text: str) -> set[str]:
    out = set()
    for w in _WORD.findall(text):
        w = re.sub(r"['’]s?$", "", w)
        lw = w.lower()
        if len(lw) < 3 or lw in _STOP:
            continue
        key = _country_key(w)
        out.add(key or lw)
    return out


def _country_key(word: str) -> str | None:
    if not word[:1].isupper():
        return None
    place = lexicon.place(word)
    if place is not None and place.kind == "country":
        return "country:" + place.canonical.lower()[:4]
    if word in vocab.DEMONYMS and len(word) > 4:
        stem = word.lower()
        for suffix in ("ese", "ian", "ean", "ish", "an", "i"):
            if stem.endswith(suffix) and len(stem) - len(suffix) >= 3:
                stem = stem[: -len(suffix)]
                break
        return "country:" + stem[:4]
    return None


def _context_bonus(context: set[str], entry_text: str) -> tuple[float, list[str]]:
    shared = sorted(context & _informative(entry_text))
    if not shared:
        return 0.0, []
    shown = [w.split(":", 1)[1].title() if w.startswith("country:") else w for w in shared]
    return min(CONTEXT_BONUS_PER_WORD * len(shared), CONTEXT_BONUS_MAX), shown


def _query_name(entity: Entity, text: str) -> str | None:
    """The name to look up: the fullest; a lone short name only when it can stand alone."""
    name = entity.name
    form = name_form(name)
    if len(form.tokens) >= 2:
        return name
    token = form.tokens[0] if form.tokens else ""
    # acronyms (NATO), places and single-word bodies (Kiev, Hezbollah) stand alone;
    # a lone personal name (Xi, Small) does not
    if entity.type == "person" and not name.isupper():
        return None
    if len(token) < 3 and not name.isupper():
        return None
    return name


def cross_reference(
    text: str,
    entities: Sequence[Entity],
    index: ReferenceIndex | None,
    thresholds: Thresholds = DEFAULT_THRESHOLDS,
) -> tuple[tuple[Entity, ...], tuple[MergeSuggestion, ...]]:
    out = []
    for entity in entities:
        if index is None or entity.type not in NAMED_TYPES:
            out.append(entity)
            continue
        out.append(_match_entity(text, entity, index, thresholds))
    return tuple(out), suggest_merges(out, thresholds)


def _match_entity(text: str, entity: Entity, index: ReferenceIndex, thresholds: Thresholds) -> Entity:
    query = _query_name(entity, text)
    if query is None:
        return entity
    single = len(name_form(query).tokens) < 2
    hits: list[Hit]
    if single:
        hits = [
            Hit(index.entry(e_id), query, compare(query, query, kind=entity.type))
            for e_id in index.exact_entries(query)
        ]
    else:
        hits = index.search(query, limit=MAX_CANDIDATES + 2, kind=entity.type)
    context = context_words(text, entity.mentions)
    scored: list[Match] = []
    for hit in hits:
        score = hit.comparison.score
        why = [hit.comparison.why]
        if hit.matched != hit.entry.name:
            why.insert(0, f"listed as an alias ('{hit.matched}')")
        bonus, shared = _context_bonus(context, hit.entry.description)
        if bonus and score >= thresholds.maybe:  # context tips a near match, never makes one
            score += bonus
            why.append("context: " + ", ".join(shared[:4]))
        if hit.entry.type != entity.type:
            score -= TYPE_MISMATCH_PENALTY
            why.append(f"the list has a {hit.entry.type}, the text a {entity.type}")
        score = max(0.0, score)  # may pass 100 with context: ties are judged before capping
        verdict = thresholds.verdict(score)
        if verdict == "different":
            continue
        scored.append(
            Match(
                name=hit.entry.name,
                score=round(score, 1),
                list=hit.entry.list,
                verdict=verdict,
                why="; ".join(w for w in why if w),
                type=hit.entry.type,
                description=hit.entry.description,
                source=hit.entry.source,
                entry_id=hit.entry.id,
            )
        )
    scored.sort(key=lambda m: -m.score)
    reference = None
    if scored and scored[0].verdict == SAME:
        runner_up = scored[1].score if len(scored) > 1 else 0.0
        if scored[0].score - runner_up >= CLEAR_LEAD:
            reference = scored[0]  # two look-alikes equally close: the reviewer decides
    capped = tuple(replace(m, score=min(m.score, 100.0)) for m in scored[:MAX_CANDIDATES])
    if reference is not None:
        reference = capped[0]
    return replace(entity, reference=reference, candidates=capped)


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

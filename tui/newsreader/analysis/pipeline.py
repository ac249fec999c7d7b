"""text -> Analysis: mentions, entities, quotes, cross-reference, in that order.

A long text takes a while (about 20 µs a word): `progress`, when given, is called with
the fraction of the work done, from 0 to 1, often enough to move a progress bar.
"""

from __future__ import annotations

import bisect
import contextlib
import gc
import time
from collections.abc import Callable, Iterator, Mapping

from newsreader.analysis import entities as entity_rules
from newsreader.analysis import quotes as quote_rules
from newsreader.analysis.mentions import Mention, find_mentions
from newsreader.analysis.model import Ambiguity, Analysis, Entity, Span
from newsreader.article import Article

Progress = Callable[[float], None]

# Shares of the analysis each pass takes, measured on long text whose names differ
# (benchmarks/analysis_speed.py): what `progress` reports when a pass ends.
_AFTER_MENTIONS, _AFTER_ENTITIES = 0.65, 0.85


def analyze(
    article: Article, *, known: Mapping[str, str] | None = None, progress: Progress | None = None
) -> Analysis:
    """Analyse an article's text; `known` maps reference-list names to their types."""
    return analyze_text(
        article.prose, paragraphs=article.paragraphs, skip=article.boilerplate, known=known, progress=progress
    )


def analyze_text(
    text: str,
    *,
    paragraphs: tuple[Span, ...] | None = None,
    skip: tuple[Span, ...] = (),
    known: Mapping[str, str] | None = None,
    progress: Progress | None = None,
) -> Analysis:
    with cycle_collection_paused():
        return _analyze_text(text, paragraphs, skip, known, progress or _silent)


@contextlib.contextmanager
def cycle_collection_paused() -> Iterator[None]:
    """Python's cycle collector paused while the analysis runs. The analysis makes
    millions of small objects and no garbage cycles to speak of, and each full
    collection walks every live object: a fifth of a long text's time went to it."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _analyze_text(
    text: str,
    paragraphs: tuple[Span, ...] | None,
    skip: tuple[Span, ...],
    known: Mapping[str, str] | None,
    report: Progress,
) -> Analysis:
    if paragraphs is None:
        from newsreader.article import find_paragraphs

        paragraphs = find_paragraphs(text)
    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    mentions = find_mentions(
        text, skip=skip, known=known, progress=lambda done: report(_AFTER_MENTIONS * done)
    )
    t1 = time.perf_counter()
    report(_AFTER_MENTIONS)
    entities, ambiguities = _entities(mentions, text)  # a long text's biggest records, let go
    t2 = time.perf_counter()
    report(_AFTER_ENTITIES)
    refs: list[quote_rules.MentionRef] = []
    for ent in entities:
        gender = quote_rules.gender_of_name(ent.name)
        refs.extend(quote_rules.MentionRef(s, e, ent.id, ent.type, gender) for s, e in ent.mentions)
    readable = [p for p in paragraphs if not _covered(p, skip)]
    quotes = tuple(quote_rules.attribute(text, readable, refs))
    t3 = time.perf_counter()
    report(1.0)
    timings.update(mentions=t1 - t0, entities=t2 - t1, quotes=t3 - t2)
    return Analysis(entities=entities, quotes=quotes, ambiguities=ambiguities, timings=timings)


def _entities(mentions: list[Mention], text: str) -> tuple[tuple[Entity, ...], tuple[Ambiguity, ...]]:
    """The mentions grouped into entities, numbered in order of first mention. `mentions`
    is emptied: each draft's mention records are let go once its entity is made, so a long
    text never holds all its mentions and all its entities at once."""
    drafts, ambiguities = entity_rules.group(mentions, text)
    mentions.clear()  # the drafts hold them now
    entities = []
    for i, d in enumerate(drafts, start=1):
        entities.append(
            Entity(
                id=f"e{i}",
                name=d.name,
                type=d.type,
                mentions=d.spans,
                flags=tuple(sorted(d.flags)),
                evidence=d.evidence,
            )
        )
        d.mentions.clear()
    return tuple(entities), tuple(ambiguities)


def _silent(done: float) -> None:
    """No one is watching the progress."""


def _covered(span: Span, blocks: tuple[Span, ...]) -> bool:
    """Is `span` inside one of the sorted, non-overlapping `blocks`?"""
    i = bisect.bisect_right(blocks, (span[0], 1 << 62)) - 1
    return i >= 0 and blocks[i][0] <= span[0] and span[1] <= blocks[i][1]

"""text -> Analysis: mentions, entities, quotes, cross-reference, in that order."""

from __future__ import annotations

import time
from collections.abc import Mapping

from newsreader.analysis import entities as entity_rules
from newsreader.analysis.mentions import find_mentions
from newsreader.analysis.model import Analysis, Entity, Span
from newsreader.article import Article


def analyze(article: Article, *, known: Mapping[str, str] | None = None) -> Analysis:
    """Analyse an article's text; `known` maps reference-list names to their types."""
    return analyze_text(article.text, skip=article.boilerplate, known=known)


def analyze_text(
    text: str, *, skip: tuple[Span, ...] = (), known: Mapping[str, str] | None = None
) -> Analysis:
    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    mentions = find_mentions(text, skip=skip, known=known)
    t1 = time.perf_counter()
    drafts, ambiguities = entity_rules.group(mentions, text)
    entities = tuple(
        Entity(
            id=f"e{i}",
            name=d.name,
            type=d.type,
            mentions=d.spans,
            flags=tuple(sorted(d.flags)),
            evidence=d.evidence,
        )
        for i, d in enumerate(drafts, start=1)
    )
    t2 = time.perf_counter()
    timings.update(mentions=t1 - t0, entities=t2 - t1)
    return Analysis(entities=entities, ambiguities=tuple(ambiguities), timings=timings)

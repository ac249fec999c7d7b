"""text -> Analysis: mentions, entities, quotes, cross-reference, in that order."""

from __future__ import annotations

import bisect
import time
from collections.abc import Mapping

from newsreader.analysis import entities as entity_rules
from newsreader.analysis import quotes as quote_rules
from newsreader.analysis.mentions import find_mentions
from newsreader.analysis.model import Analysis, Entity, Span
from newsreader.article import Article


def analyze(article: Article, *, known: Mapping[str, str] | None = None) -> Analysis:
    """Analyse an article's text; `known` maps reference-list names to their types."""
    return analyze_text(article.prose, paragraphs=article.paragraphs, skip=article.boilerplate, known=known)


def analyze_text(
    text: str,
    *,
    paragraphs: tuple[Span, ...] | None = None,
    skip: tuple[Span, ...] = (),
    known: Mapping[str, str] | None = None,
) -> Analysis:
    if paragraphs is None:
        from newsreader.article import find_paragraphs

        paragraphs = find_paragraphs(text)
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
    refs: list[quote_rules.MentionRef] = []
    for ent in entities:
        gender = quote_rules.gender_of_name(ent.name)
        refs.extend(quote_rules.MentionRef(s, e, ent.id, ent.type, gender) for s, e in ent.mentions)
    readable = [p for p in paragraphs if not _covered(p, skip)]
    quotes = tuple(quote_rules.attribute(text, readable, refs))
    t3 = time.perf_counter()
    timings.update(mentions=t1 - t0, entities=t2 - t1, quotes=t3 - t2)
    return Analysis(entities=entities, quotes=quotes, ambiguities=tuple(ambiguities), timings=timings)


def _covered(span: Span, blocks: tuple[Span, ...]) -> bool:
    """Is `span` inside one of the sorted, non-overlapping `blocks`?"""
    i = bisect.bisect_right(blocks, (span[0], 1 << 62)) - 1
    return i >= 0 and blocks[i][0] <= span[0] and span[1] <= blocks[i][1]

"""Who said each quote: the attribution rules in order, the first that applies wins.

label      "WALLACE: Let's start …"                     (a transcript's speaker label)
dash       "…" ― Carlos Raúl                            (a signed reaction)
after, before, participle, according                     (a speech verb: `speechcues`)
continued  a quote paragraph with no cue of its own continues the previous speaker
sentence subject  a partial quote woven into a sentence with no cue
unknown
"""

from __future__ import annotations

import re

from newsreader.analysis import speechcues as cues
from newsreader.analysis.model import ORGANIZATION, PERSON
from newsreader.analysis.quotecontext import PREPOSITIONS, Attribution, QuoteContext, sentence_start, words_in
from newsreader.analysis.quotemarks import RawQuote, opens_its_line


def attribute_one(ctx: QuoteContext, raws: list[RawQuote], i: int, done: list[Attribution]) -> Attribution:
    q = raws[i]
    inner_end = ctx.text[max(q.start, q.end - 3) : q.end]
    labelled = _label(ctx, q)
    if labelled is not None:
        return labelled
    rules = (_dash, cues.after, cues.before, cues.according_to)
    if not re.search(r",[\"”’'`]*$", inner_end) and cues.cue_right_before(ctx, q):
        # '… but said "…." Gov. X said …', 'Cook called "total crap" -- one question …':
        # a speech verb right before a quote that does not hand over with a comma is its
        # cue; what follows belongs to the next clause
        rules = (cues.before, _dash, cues.after, cues.according_to)
    for rule in rules:
        found = rule(ctx, raws, i, done)
        if found is not None:
            return found
    return _continued(ctx, raws, i, done) or _clause_subject(ctx, raws, i) or Attribution(None, "unknown")


def _label(ctx: QuoteContext, q: RawQuote) -> Attribution | None:
    """ "WALLACE: Let's start …": a transcript's paragraph names its speaker first."""
    j = q.start + 1
    while j < q.end and ctx.text[j] in " \u00a0":
        j += 1
    m = ctx.mention_at(j)
    if m is None or m.type != PERSON or m.start != j or ctx.text[m.end : m.end + 1] != ":":
        return None
    return Attribution(m.entity, "label", ":", (m.start, m.end), (m.end, m.end + 1))


_DASHES = "―—–-"


def _dash(ctx: QuoteContext, raws: list[RawQuote], i: int, done: list[Attribution]) -> Attribution | None:
    """'“…” ― Carlos Raúl': a name after a dash, as in collected reactions and epigraphs."""
    q = raws[i]
    j = q.end
    while j < len(ctx.text) and ctx.text[j] in " \u00a0":
        j += 1
    if j >= len(ctx.text) or ctx.text[j] not in _DASHES:
        return None
    j += 1
    while j < len(ctx.text) and ctx.text[j] in " \u00a0":
        j += 1
    m = ctx.mention_at(j)
    if m is not None and m.type in (PERSON, ORGANIZATION):
        return Attribution(m.entity, "dash", "―", (m.start, m.end), None)
    return None


def _continued(
    ctx: QuoteContext, raws: list[RawQuote], i: int, done: list[Attribution]
) -> Attribution | None:
    """A quote with no cue of its own continues the speaker of the quote before it, when
    both are in one paragraph or this one opens a paragraph of quotation."""
    q = raws[i]
    if i == 0:
        return None
    prev, prev_result = raws[i - 1], done[i - 1]
    if not prev_result.speaker:
        return None
    opens_paragraph = opens_its_line(ctx.text, q.start)
    if prev.paragraph == q.paragraph or (opens_paragraph and q.paragraph - prev.paragraph == 1):
        return Attribution(prev_result.speaker, "continued", prev_result.cue, prev_result.speaker_span)
    return None


def _clause_subject(ctx: QuoteContext, raws: list[RawQuote], i: int) -> Attribution | None:
    """No cue at all (a partial quote woven into a sentence: Cruz urged voters to "…"):
    the sentence's first named person or organisation that is not a prepositional object."""
    q = raws[i]
    start = sentence_start(ctx, q.start)
    for kinds in ((PERSON,), (ORGANIZATION,)):
        for m in ctx.mentions_between(start, q.start):
            if m.type not in kinds or ctx.in_quote(m.start):
                continue
            before = words_in(ctx.text, max(start, m.start - 20), m.start)
            if before and before[-1][2].lower() in PREPOSITIONS:
                continue
            return Attribution(m.entity, "sentence subject", None, (m.start, m.end))
    return None


def share_within_chains(raws: list[RawQuote], results: list[Attribution]) -> None:
    """All parts of one multi-paragraph quotation share the speaker found for any part."""
    by_chain: dict[int, list[int]] = {}
    for i, q in enumerate(raws):
        by_chain.setdefault(q.chain, []).append(i)
    for members in by_chain.values():
        if len(members) < 2:
            continue
        named = [results[i] for i in members if results[i].speaker and results[i].rule != "continued"]
        if not named:
            continue
        for i in members:
            if not results[i].speaker or results[i].rule == "continued":
                results[i] = Attribution(
                    named[-1].speaker, "continued", named[-1].cue, named[-1].speaker_span
                )

"""Who said each quote: the attribution rules in order, the first that applies wins.

label      "HARLOW: Shall we begin …", "Dana Whitfield: … 'A Fine Mess'"  (a name and a colon)
dash       "…" ― Marta Kowalski                         (a signed reaction or line)
after, before, participle, according                     (a speech verb: `speechcues`; a
           pronoun or a role, "the spokeswoman", stands for a person named before)
continued  a quote with no cue of its own continues the previous quote's speaker in its
           paragraph, or the previous paragraph's when it opens one
previous sentence  a quote opening a sentence after "…, Baines said." is Baines's
sentence subject   a partial quote woven into a sentence with no cue
unknown
Each rule names itself in `Attribution.rule`, and the speaker's mention it used is kept
(`speaker_span`), so how far back a speaker was found can be read off the output.
"""

from __future__ import annotations

import re

from newsreader.analysis import speechcues as cues
from newsreader.analysis.model import ORGANIZATION, PERSON, PLACE
from newsreader.analysis.quotecontext import (
    PREPOSITIONS,
    Attribution,
    QuoteContext,
    sentence_end,
    sentence_start,
    words_in,
)
from newsreader.analysis.quotemarks import RawQuote, opens_its_line


def attribute_one(ctx: QuoteContext, raws: list[RawQuote], i: int, done: list[Attribution]) -> Attribution:
    q = raws[i]
    inner_end = ctx.text[max(q.start, q.end - 3) : q.end]
    labelled = _label(ctx, q) or _line_label(ctx, q)
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
    return (
        _signed_line(ctx, raws, i)
        or _name_before_colon(ctx, q)
        or _continued(ctx, raws, i, done)
        or _previous_sentence(ctx, raws, i)
        or _clause_subject(ctx, raws, i)
        or Attribution(None, "unknown")
    )


def _label(ctx: QuoteContext, q: RawQuote) -> Attribution | None:
    """ "HARLOW: Shall we begin …": a transcript's paragraph names its speaker first."""
    j = q.start + 1
    while j < q.end and ctx.text[j] in " \u00a0":
        j += 1
    return _name_and_colon(ctx, j)


def _line_label(ctx: QuoteContext, q: RawQuote) -> Attribution | None:
    """ "Dana Whitfield: Budget Is 'Dead on Arrival'": a headline or transcript line
    that opens with a person's name and a colon quotes that person."""
    floor = max(0, q.start - _LABEL_REACH)
    start = ctx.text.rfind("\n", floor, q.start) + 1
    if start == 0 and floor > 0:
        return None  # no line starts near enough: a long line is no headline
    while start < q.start and ctx.text[start] in " \u00a0\t":
        start += 1
    return _name_and_colon(ctx, start)


def _name_and_colon(ctx: QuoteContext, pos: int) -> Attribution | None:
    """A label: a person's name starting at `pos` (found as one mention or as several
    of one person: "Dana" "Whitfield") with a colon right after it."""
    first = ctx.mention_at(pos)
    if first is None or first.type != PERSON or first.start != pos:
        return None
    m = first
    while ctx.text[m.end : m.end + 1] == " ":
        nxt = ctx.mention_at(m.end + 1)
        if nxt is None or nxt.entity != first.entity or nxt.start != m.end + 1:
            break
        m = nxt
    if ctx.text[m.end : m.end + 1] != ":":
        return None
    return Attribution(first.entity, "label", ":", (first.start, m.end), (m.end, m.end + 1))


def _name_before_colon(ctx: QuoteContext, q: RawQuote) -> Attribution | None:
    """ "Advice from Ines Moreau: ‘Keep your receipts …’": with no speech verb, a person
    named right before a colon that introduces the quote."""
    j = q.start
    while j > 0 and ctx.text[j - 1] in " \u00a0":
        j -= 1
    if j == 0 or ctx.text[j - 1] != ":":
        return None
    m = ctx.mention_ending_at(j - 1)
    if m is None or m.type != PERSON or ctx.in_quote(m.start):
        return None
    return Attribution(m.entity, "label", ":", (m.start, m.end), (j - 1, j))


_DASHES = "―—–-"
_LABEL_REACH = 300  # characters from a line's start to a quote its label names
_SIGNATURE_REACH = 600  # characters from a quote to the dash that signs its line
# a closing mark, a dash and a name: '… mayor.” ― Marta Kowalski'
_SIGNATURE = re.compile(r"[”\"’'][ \u00a0]*[―—–][ \u00a0]*")


def _dash(ctx: QuoteContext, raws: list[RawQuote], i: int, done: list[Attribution]) -> Attribution | None:
    """'“…” ― Tom Baines': a name after a dash, as in collected reactions and epigraphs."""
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


def _signed_line(ctx: QuoteContext, raws: list[RawQuote], i: int) -> Attribution | None:
    """A quote with no cue of its own in a line signed by a dash and a name ('“… stay home
    than call this “progress” …” ― Marta Kowalski') is that signer's, even when a quote
    nested in it broke the pairing of its marks."""
    q = raws[i]
    reach = min(len(ctx.text), q.end + _SIGNATURE_REACH)
    line_end = ctx.text.find("\n", q.end, reach)
    if line_end < 0:
        line_end = reach
    for found in _SIGNATURE.finditer(ctx.text, q.end, line_end):
        m = ctx.mention_at(found.end())
        if m is not None and m.start == found.end() and m.type in (PERSON, ORGANIZATION):
            return Attribution(m.entity, "dash", "―", (m.start, m.end), None)
    return None


def _previous_sentence(ctx: QuoteContext, raws: list[RawQuote], i: int) -> Attribution | None:
    """A quote that opens a sentence with no cue of its own, right after a sentence of
    reported speech with none ("… while the mayor is away, Baines said. “The other
    option …”"), continues that sentence's speaker."""
    q = raws[i]
    start = sentence_start(ctx, q.start)
    if words_in(ctx.text, start, q.start) or (i and raws[i - 1].end > start - 1):
        return None
    previous_start = sentence_start(ctx, max(0, start - 1))
    if i and raws[i - 1].end > previous_start:
        return None  # the sentence before has a quote: `continued` decides
    found = cues.cue_in_sentence(ctx, previous_start, start)
    if found is None or not found.speaker:
        return None
    return Attribution(found.speaker, "previous sentence", found.cue, found.speaker_span, found.cue_span)


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
    """No cue at all (a partial quote woven into a sentence: Ortega urged voters to "…"):
    the name that opens the sentence as its subject ("Sweden faulted the rebel
    commander, Haddad, for “…”"), else its first named person, organisation or country
    that is not a prepositional object."""
    q = raws[i]
    start = cues.introduced_from(ctx, q)
    found = [
        m
        for m in ctx.mentions_between(start, q.start)
        if m.type in (PERSON, ORGANIZATION, PLACE) and not ctx.in_quote(m.start)
    ]
    if not found:
        return _main_clause_subject(ctx, q, start)
    if found and not words_in(ctx.text, start, found[0].start):
        after = words_in(ctx.text, found[0].end, q.start)
        if after and after[0][2][:1].islower():  # a verb follows, not a dateline's comma
            return Attribution(found[0].entity, "sentence subject", None, (found[0].start, found[0].end))
    for kind in (PERSON, ORGANIZATION, PLACE):
        for m in found:
            before = words_in(ctx.text, max(start, m.start - 20), m.start)
            if m.type == kind and not (before and before[-1][2].lower() in PREPOSITIONS):
                return Attribution(m.entity, "sentence subject", None, (m.start, m.end))
    return None


def _main_clause_subject(ctx: QuoteContext, q: RawQuote, start: int) -> Attribution | None:
    """ "Fearing the “long winter,” Baines stocked the shelters …": a quote in a
    sentence's opening participle phrase belongs to the subject of its main clause, the first
    person named after the comma that ends the phrase."""
    opening = words_in(ctx.text, start, q.start)
    if not opening or not opening[0][2].endswith("ing") or not opening[0][2][:1].isupper():
        return None
    words = words_in(ctx.text, q.end, sentence_end(ctx, q.end, 200))
    if not (words and words[0][2] == ",") and not ctx.text[q.start : q.end].rstrip("”\"’' ").endswith(","):
        return None
    for s, _e, _w in words[:2]:
        m = ctx.mention_at(s)
        if m is not None and m.type == PERSON:
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

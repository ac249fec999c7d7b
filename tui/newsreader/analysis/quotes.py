"""Direct quotes and who said them: `attribute` is the entry point.

Finding the quotes is `quotemarks`; the attribution rules are `attribution` (their order,
and the rules that need no speech verb) and `speechcues` (a speech verb's subject), both
reading the text through a `quotecontext.QuoteContext`. A pronoun subject ("he said")
stands for a named person of compatible gender before it, outside quotes (the speaker the
sentence before reports, else that sentence's first person: `QuoteContext.resolve_pronoun`);
a role ("the spokeswoman said") for the person the text gave that role (`roles`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsreader.analysis import lexicon
from newsreader.analysis.attribution import attribute_one, share_within_chains
from newsreader.analysis.model import STATEMENT, TERM, Quote, Span
from newsreader.analysis.quotecontext import Attribution, MentionRef, QuoteContext
from newsreader.analysis.quotemarks import RawQuote, find_quotes

__all__ = ["MentionRef", "attribute", "gender_of_name"]

TERM_MAX_WORDS = 3


def attribute(text: str, paragraphs: Sequence[Span], mentions: Sequence[MentionRef]) -> list[Quote]:
    """Every quote in `text` with its kind and, where the rules find one, its speaker."""
    raws = find_quotes(text, paragraphs)
    ctx = QuoteContext(text, mentions, raws)
    results: list[Attribution] = []
    for i in range(len(raws)):
        results.append(attribute_one(ctx, raws, i, results))
    share_within_chains(raws, results)
    quotes = []
    for q, a in zip(raws, results, strict=True):
        quotes.append(
            Quote(
                start=q.start,
                end=q.end,
                speaker=a.speaker,
                cue=a.cue,
                rule=a.rule,
                kind=_kind(text, q),
                speaker_span=a.speaker_span,
                cue_span=a.cue_span,
            )
        )
    return quotes


def _kind(text: str, q: RawQuote) -> str:
    inner = text[q.start + 1 : q.end - 1].strip(" ,.")
    words = inner.split()
    if len(words) <= TERM_MAX_WORDS and not re.search(r"[.!?]\s", inner):
        return TERM
    return STATEMENT


def gender_of_name(name: str) -> str:
    """m, f or u: the gender of the first word of a full name that is a known given name
    ("Universe Elena Ortega", a name run into its neighbour, is f); u for one word."""
    words = name.split()
    for word in words[:-1]:
        known = lexicon.given_name(word)
        if known is not None:
            return known[0]
    return "u"

"""What the attribution rules read a text through: its mentions, sentences and words.

One `QuoteContext` is built per text; every lookup (the mention at an offset, the
sentence around it, the nearest compatible person for a pronoun) is a binary search,
so attributing a text's quotes costs about as much as reading it once.
"""

from __future__ import annotations

import bisect
import re
from array import array
from collections.abc import Sequence
from dataclasses import dataclass

from newsreader.analysis import vocab
from newsreader.analysis.model import ORGANIZATION, PERSON, Span
from newsreader.analysis.quotemarks import RawQuote

Word = tuple[int, int, str]  # start, end, the word as written


@dataclass(frozen=True, slots=True)  # one per mention: a long text has hundreds of thousands
class MentionRef:
    start: int
    end: int
    entity: str
    type: str
    gender: str = "u"


SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i"})
PREPOSITIONS = frozenset(
    "of to for with by from about on against at in into over under than like as between among "
    "toward towards upon via including".split()
)


# an abbreviation that keeps its point, or an initial ("J. Smith")
_POINTED = "|".join((*vocab.POINTED_ABBREVIATIONS, *vocab.SPEECH_POINTED_ABBREVIATIONS))
_ABBREVIATION = rf"(?:{_POINTED}|[A-Z])\."


# words (abbreviations keep their dot, as does a word whose dot a comma follows: "R-Ky.,"),
# a parenthetical as one token, punctuation
_WORD = re.compile(
    rf"{_ABBREVIATION}|\w[\w’'-]*\.(?=,)|\w[\w’'-]*(?:\.\w[\w’'-]*)*|\([^()\n]{{0,60}}\)|[,:;.!?—–]"
)

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’']?\s+(?=[\"“‘'A-Z(])|\n")
_ABBREVIATION_END = re.compile(rf"(?:^|[\s(]){_ABBREVIATION}$")


@dataclass(frozen=True, slots=True)
class Attribution:
    speaker: str | None
    rule: str
    cue: str | None = None
    speaker_span: Span | None = None
    cue_span: Span | None = None


class QuoteContext:
    def __init__(self, text: str, mentions: Sequence[MentionRef], quotes: Sequence[RawQuote]) -> None:
        self.text = text
        self.mentions = sorted(mentions, key=lambda m: m.start)
        # offsets are kept in arrays of machine integers, not lists of tuples: a long text
        # has hundreds of thousands of mentions and sentences
        self.starts = array("q", (m.start for m in self.mentions))
        # by end, ties in order of start (the sort is stable)
        by_end = sorted(range(len(self.mentions)), key=lambda i: self.mentions[i].end)
        self.end_keys = array("q", (self.mentions[i].end for i in by_end))
        self.end_owners = array("q", by_end)  # the mention (its index) each of end_keys ends
        del by_end
        self.quote_spans = [(q.start, q.end) for q in quotes]
        # sentence ends outside quotes, not after "Mr." or an initial, found once per text;
        # '….” Smith said' is one sentence for attribution, unless a line ends at the quote
        self.bound_starts = array("q")
        self.bound_ends = array("q")
        for m in _SENTENCE_END.finditer(text):
            at = m.start()
            if (m.group() == "\n" or not _ABBREVIATION_END.search(text, max(0, at - 6), at)) and (
                not self.in_quote(at) or "\n" in m.group()
            ):
                self.bound_starts.append(at)
                self.bound_ends.append(m.end())
        self.roles_of: dict[int, frozenset[str]] = {}  # a person mention's roles, by its start (`roles`)

    def in_quote(self, pos: int) -> bool:
        i = bisect.bisect_right(self.quote_spans, (pos, 1 << 62)) - 1
        return i >= 0 and self.quote_spans[i][0] <= pos < self.quote_spans[i][1]

    def mention_at(self, pos: int) -> MentionRef | None:
        i = bisect.bisect_right(self.starts, pos) - 1
        if i >= 0 and self.mentions[i].start <= pos < self.mentions[i].end:
            return self.mentions[i]
        return None

    def mention_ending_at(self, pos: int) -> MentionRef | None:
        """A mention ending exactly at `pos` (a possessive 's may follow it)."""
        i = bisect.bisect_left(self.end_keys, pos)
        if i < len(self.end_keys) and self.end_keys[i] == pos:
            return self.mentions[self.end_owners[i]]
        return None

    def mentions_between(self, start: int, end: int) -> list[MentionRef]:
        lo = bisect.bisect_left(self.starts, start)
        hi = bisect.bisect_left(self.starts, end)
        return [m for m in self.mentions[lo:hi] if m.end <= end]

    def resolve_pronoun(self, pronoun: str, pos: int, own_start: int | None = None) -> MentionRef | None:
        """The named person (for "it", "they", "we": organisation) a pronoun at `pos`
        stands for, outside quotes and of a compatible gender: the first of its own
        sentence (from `own_start`) ("Baines … said he thought"), else, of the nearest
        sentence before that names one, the one it reports the speech of ("…, said
        Andrew Small. “…,” he said"), else its first, the likely subject ("Elena Ortega
        called a Tom Baines letter about Marta Kowalski “unfair.” She says …")."""
        want = vocab.PRONOUN_GENDER.get(pronoun.lower())
        kinds = (PERSON,) if pronoun.lower() not in ("it", "they", "we") else (ORGANIZATION,)

        def compatible(m: MentionRef) -> bool:
            return m.type in kinds and not self.in_quote(m.start) and (not want or m.gender in ("u", want))

        if own_start is not None:
            for m in self.mentions_between(own_start, pos):
                if compatible(m):
                    return m
        i = bisect.bisect_left(self.starts, pos) - 1
        floor = pos - _PRONOUN_REACH
        while i >= 0 and self.mentions[i].start > floor:
            nearest = self.mentions[i]
            i -= 1
            if compatible(nearest):
                around = self.mentions_between(sentence_start(self, nearest.start), nearest.end)
                named = [m for m in around if compatible(m)] or [nearest]
                return next((m for m in named if self._reports_speech(m)), named[0])
        return None

    def _reports_speech(self, m: MentionRef) -> bool:
        """Is the mention the subject of a speech verb right after it ("Small said") or
        right before it ("…, said Andrew Small")? A later "he said" continues that speaker."""
        after = _NEXT_WORD.match(self.text, m.end, min(len(self.text), m.end + 30))
        before = _LAST_WORD.search(self.text, max(0, m.start - 30), m.start)
        return any(w is not None and w.group(1).lower() in vocab.SPEECH_VERBS for w in (after, before))


_PRONOUN_REACH = 4000  # characters back a pronoun's person is looked for
_NEXT_WORD = re.compile(r"[ \u00a0]+(\w+)")
_LAST_WORD = re.compile(r"(\w+),?[ \u00a0]+$")


def words_in(text: str, start: int, end: int) -> list[Word]:
    return [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text, start, end)]


def sentence_end(ctx: QuoteContext, pos: int, limit: int = 300) -> int:
    """Where the sentence that `pos` is in ends (at most `limit` characters on)."""
    stop = min(len(ctx.text), pos + limit)
    i = bisect.bisect_right(ctx.bound_ends, pos)  # the first boundary not yet passed
    if i < len(ctx.bound_starts) and ctx.bound_starts[i] < stop:
        return max(ctx.bound_starts[i], pos)
    return stop


def sentence_start(ctx: QuoteContext, pos: int, limit: int = 400) -> int:
    """Where the sentence that `pos` is in starts (at most `limit` characters back)."""
    lo = max(0, pos - limit)
    i = bisect.bisect_right(ctx.bound_ends, pos) - 1
    if i >= 0 and ctx.bound_ends[i] >= lo:
        return ctx.bound_ends[i]
    return lo


def speaker_from(ctx: QuoteContext, mention: MentionRef | None, rule: str, cue: Word) -> Attribution:
    return Attribution(
        mention.entity if mention else None,
        rule,
        cue[2],
        (mention.start, mention.end) if mention else None,
        (cue[0], cue[1]),
    )

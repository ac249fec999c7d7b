"""Direct quotes and who said them.

Finding quotes: quote marks are classified as opening or closing from their neighbours
(curly marks say so themselves; straight ones by the spaces around them; an apostrophe
inside a word is never a quote), then paired. A quote left open at the end of a
paragraph ends there and continues when the next paragraph opens with a mark, as
news style writes multi-paragraph quotes.

Attributing them, by ordered rules (the first that applies wins):
  label      "WALLACE: Let's start …"                     (a transcript's speaker label)
  after      "…," Xi added. / "…," said Andrew Small.   (cue right after the quote;
             also "…" Ann Lee, an economist at …, said)
  before     Xi told the Ukrainian leader: "…"           (the subject of the cue before it)
  participle …, adding: "…"                              (the same sentence's speaker)
  according  "…," according to CCTV.
  continued  a quote paragraph with no cue of its own continues the previous speaker
  unknown
A pronoun subject ("he said") resolves to the nearest preceding named person of
compatible gender, outside quotes.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from newsreader.analysis import names, vocab
from newsreader.analysis.model import ORGANIZATION, PERSON, Quote, Span

OPEN_DOUBLE = "“„«"
CLOSE_DOUBLE = "”»"
TERM_MAX_WORDS = 3


@dataclass(frozen=True)
class MentionRef:
    start: int
    end: int
    entity: str
    type: str
    gender: str = "u"


@dataclass
class _Raw:
    start: int  # opening mark
    end: int  # after the closing mark, or the paragraph end
    closed: bool
    paragraph: int
    chain: int  # quotes of one multi-paragraph quotation share a chain number


# --- finding quotes -----------------------------------------------------------------

_MARK = re.compile(r"''|``|[\"“”„«»]|[‘’']")


def find_quotes(text: str, paragraphs: Sequence[Span]) -> list[_Raw]:
    quotes: list[_Raw] = []
    chain = 0
    open_at_end = False
    for p_index, (p_start, p_end) in enumerate(paragraphs):
        found = _quotes_in(text, p_start, p_end)
        starts_open = bool(found) and found[0].start == _first_non_space(text, p_start)
        for i, q in enumerate(found):
            if i == 0 and open_at_end and starts_open:
                q.chain = chain  # continues the quotation left open in the previous paragraph
            else:
                chain += 1
                q.chain = chain
            q.paragraph = p_index
        quotes.extend(found)
        open_at_end = bool(found) and not found[-1].closed
    return quotes


def _first_non_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def _quotes_in(text: str, start: int, end: int) -> list[_Raw]:
    marks = [(m.start(), m.group()) for m in _MARK.finditer(text, start, end)]
    out: list[_Raw] = []
    opened: tuple[int, str] | None = None
    single_open: int | None = None
    for pos, mark in marks:
        role = _role(text, pos, mark, start, end)
        is_single = mark in "‘’'"
        if is_single:
            if opened is not None:
                continue  # quotes inside a quote belong to it
            if role == "open" and single_open is None and mark != "’":
                single_open = pos
            elif role in ("close", "either") and single_open is not None and mark != "‘":
                if _plausible_single(text, single_open, pos):
                    out.append(_Raw(single_open, pos + 1, True, 0, 0))
                single_open = None
            continue
        if opened is None:
            if role in ("open", "either"):
                opened = (pos, mark)
                single_open = None
        elif role in ("close", "either") or (role == "open" and mark in "”»"):
            out.append(_Raw(opened[0], pos + len(mark), True, 0, 0))
            opened = None
        else:
            # an opener while open: the previous quote was left unclosed (typo or style)
            out.append(_Raw(opened[0], _trim_end(text, opened[0], pos), False, 0, 0))
            opened = (pos, mark)
    if opened is not None:
        out.append(_Raw(opened[0], _trim_end(text, opened[0], end), False, 0, 0))
    return [q for q in out if q.end - q.start > 2]


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start + 1 and text[end - 1].isspace():
        end -= 1
    return end


def _role(text: str, pos: int, mark: str, start: int, end: int) -> str:
    if mark in OPEN_DOUBLE or mark in "‘`" or mark == "``":
        return "open"
    before = text[pos - 1] if pos > start else " "
    after = text[pos + len(mark)] if pos + len(mark) < end else " "
    if mark in "’'" and before.isalnum() and after.isalnum():
        return "apostrophe"
    if mark == "'" and before in "sS" and after in " ,.;:":
        return "either"  # a plural possessive or a closing quote: pairing decides
    space_before = before.isspace() or before in "([{—–-/"
    space_after = after.isspace() or after in ".,;:!?)]}—–-…"
    if mark in CLOSE_DOUBLE:
        # some texts use ” for both ends; an opening one has a space before and a word after
        return "open" if space_before and not space_after and mark == "”" else "close"
    if space_before and not space_after:
        return "open"
    if space_after and not space_before:
        return "close"
    return "either"


def _plausible_single(text: str, start: int, end: int) -> bool:
    """Single quotes are rarer than apostrophes: accept short, word-bounded spans only."""
    inner = text[start + 1 : end]
    return 0 < len(inner) <= 600 and not inner.startswith(" ") and "\n\n" not in inner


# --- attribution --------------------------------------------------------------------

_CUES = vocab.SPEECH_VERBS
_PARTICIPLES = frozenset(w for w in _CUES if w.endswith("ing"))
# "to describe", "would say", "the remarks": not reporting speech here
_NOT_CUE_AFTER = frozenset(
    "to would could should might may will can not the a an his her their its our your this that these "
    "those".split()
)
_SKIPPABLE = frozenset(
    "also later then apparently previously once again reportedly himself herself themselves itself "
    "has have had was is were are would will had been recently further simply just only again earlier "
    "finally quickly flatly bluntly openly repeatedly subsequently ultimately".split()
)
_SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i"})
_ABBREVIATION = (
    r"(?:Mr|Mrs|Ms|Dr|Gov|Sen|Rep|Lt|Gen|Col|Sgt|Capt|Prof|Rev|St|Jr|Sr|Del|Adm|Maj|Cmdr|Gens|Reps|Sens"
    r"|Inc|Corp|Co|Ltd|No|Nos|Mt|Ft|[A-Z])\."
)
# words (abbreviations keep their dot), a parenthetical as one token, punctuation
_WORD = re.compile(rf"{_ABBREVIATION}|\w[\w’'-]*(?:\.\w[\w’'-]*)*|\([^()\n]{{0,60}}\)|[,:;.!?—–]")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’']?\s+(?=[\"“‘'A-Z(])|\n")
_ABBREVIATION_END = re.compile(rf"(?:^|[\s(]){_ABBREVIATION}$")


@dataclass(frozen=True)
class _Attribution:
    speaker: str | None
    rule: str
    cue: str | None = None
    speaker_span: Span | None = None
    cue_span: Span | None = None


class _Context:
    def __init__(self, text: str, mentions: Sequence[MentionRef], quotes: Sequence[_Raw]) -> None:
        self.text = text
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self.starts = [m.start for m in self.mentions]
        self.ends = sorted((m.end, i) for i, m in enumerate(self.mentions))
        self.end_keys = [e for e, _ in self.ends]
        self.quote_spans = [(q.start, q.end) for q in quotes]
        # sentence ends outside quotes, not after "Mr." or an initial, found once per text;
        # '….” Smith said' is one sentence for attribution, unless a line ends at the quote
        self.bounds = [
            m.span()
            for m in _SENTENCE_END.finditer(text)
            if (m.group() == "\n" or not _ABBREVIATION_END.search(text, max(0, m.start() - 6), m.start()))
            and (not self.in_quote(m.start()) or "\n" in m.group())
        ]
        self.bound_ends = [e for _, e in self.bounds]

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
        if i < len(self.ends) and self.ends[i][0] == pos:
            return self.mentions[self.ends[i][1]]
        return None

    def mentions_between(self, start: int, end: int) -> list[MentionRef]:
        lo = bisect.bisect_left(self.starts, start)
        hi = bisect.bisect_left(self.starts, end)
        return [m for m in self.mentions[lo:hi] if m.end <= end]

    def resolve_pronoun(self, pronoun: str, pos: int, sentence_start: int | None = None) -> MentionRef | None:
        """The subject of the pronoun's own sentence if it is a compatible named person
        ("Trump … said he thought"), else the nearest one before, outside quotes."""
        want = vocab.PRONOUN_GENDER.get(pronoun.lower())
        kinds = (PERSON,) if pronoun.lower() not in ("it", "they", "we") else (ORGANIZATION,)

        def compatible(m: MentionRef) -> bool:
            return m.type in kinds and not self.in_quote(m.start) and (not want or m.gender in ("u", want))

        if sentence_start is not None:
            for m in self.mentions_between(sentence_start, pos):
                if compatible(m):
                    return m
        i = bisect.bisect_left(self.starts, pos) - 1
        floor = pos - 4000
        while i >= 0 and self.mentions[i].start > floor:
            m = self.mentions[i]
            i -= 1
            if compatible(m):
                return m
        return None


def attribute(text: str, paragraphs: Sequence[Span], mentions: Sequence[MentionRef]) -> list[Quote]:
    """Every quote in `text` with its kind and, where the rules find one, its speaker."""
    raws = find_quotes(text, paragraphs)
    ctx = _Context(text, mentions, raws)
    results: list[_Attribution] = []
    for i in range(len(raws)):
        results.append(_attribute_one(ctx, raws, i, results))
    _share_within_chains(raws, results)
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


def _kind(text: str, q: _Raw) -> str:
    inner = text[q.start + 1 : q.end - 1].strip(" ,.")
    words = inner.split()
    if len(words) <= TERM_MAX_WORDS and not re.search(r"[.!?]\s", inner):
        return "term"
    return "statement"


def _attribute_one(ctx: _Context, raws: list[_Raw], i: int, done: list[_Attribution]) -> _Attribution:
    q = raws[i]
    inner_end = ctx.text[max(q.start, q.end - 3) : q.end]
    labelled = _label(ctx, q)
    if labelled is not None:
        return labelled
    rules = (_dash, _after, _before, _according_to)
    if re.search(r"[.!?…][\"”’']*$", inner_end) and _cue_right_before(ctx, q):
        # '… but said "…." Gov. X said …': the sentence closed inside the quote; what
        # follows is the next sentence's attribution, not this one's
        rules = (_before, _dash, _after, _according_to)
    for rule in rules:
        found = rule(ctx, raws, i, done)
        if found is not None:
            return found
    return _continued(ctx, raws, i, done) or _clause_subject(ctx, raws, i) or _Attribution(None, "unknown")


def _label(ctx: _Context, q: _Raw) -> _Attribution | None:
    """ "WALLACE: Let's start …": a transcript's paragraph names its speaker first."""
    j = q.start + 1
    while j < q.end and ctx.text[j] in " \u00a0":
        j += 1
    m = ctx.mention_at(j)
    if m is None or m.type != PERSON or m.start != j or ctx.text[m.end : m.end + 1] != ":":
        return None
    return _Attribution(m.entity, "label", ":", (m.start, m.end), (m.end, m.end + 1))


def _cue_right_before(ctx: _Context, q: _Raw) -> bool:
    words = _words(ctx.text, max(0, q.start - 40), q.start)
    tail = [w for w in words[-3:] if w[2] not in ",:"]
    return bool(tail) and tail[-1][2].lower() in _CUES


_DASHES = "―—–-"


def _dash(ctx: _Context, raws: list[_Raw], i: int, done: list[_Attribution]) -> _Attribution | None:
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
        return _Attribution(m.entity, "dash", "―", (m.start, m.end), None)
    return None


def _words(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text, start, end)]


def _sentence_end(ctx: _Context, pos: int, limit: int = 300) -> int:
    """Where the sentence that `pos` is in ends (at most `limit` characters on)."""
    stop = min(len(ctx.text), pos + limit)
    i = bisect.bisect_right(ctx.bound_ends, pos)  # the first boundary not yet passed
    if i < len(ctx.bounds) and ctx.bounds[i][0] < stop:
        return max(ctx.bounds[i][0], pos)
    return stop


def _sentence_start(ctx: _Context, pos: int, limit: int = 400) -> int:
    """Where the sentence that `pos` is in starts (at most `limit` characters back)."""
    lo = max(0, pos - limit)
    i = bisect.bisect_right(ctx.bound_ends, pos) - 1
    if i >= 0 and ctx.bounds[i][1] >= lo:
        return ctx.bounds[i][1]
    return lo


def _speaker_from(
    ctx: _Context, mention: MentionRef | None, rule: str, cue: tuple[int, int, str]
) -> _Attribution:
    return _Attribution(
        mention.entity if mention else None,
        rule,
        cue[2],
        (mention.start, mention.end) if mention else None,
        (cue[0], cue[1]),
    )


def _after(ctx: _Context, raws: list[_Raw], i: int, done: list[_Attribution]) -> _Attribution | None:
    """ "…," Xi added.  /  "…," said Andrew Small, an expert at …"""
    q = raws[i]
    stop = _sentence_end(ctx, q.end, 300)
    nxt = raws[i + 1].start if i + 1 < len(raws) else len(ctx.text)
    stop = min(stop, nxt)
    words = _words(ctx.text, q.end, stop)
    found = _after_apposition(ctx, words)
    if found is not None:
        return found
    for k, (s, e, w) in enumerate(words[:9]):
        if w in ".!?" and k > 0:
            break
        lw = w.lower()
        if lw not in _CUES or (k and words[k - 1][2].lower() in _NOT_CUE_AFTER):
            continue
        if lw in _PARTICIPLES:
            return None  # "…," adding: the speaker is named before the quote
        if any(x[2].lower() in ("and", "but", "while", "as", "before", "after") for x in words[:k]):
            return None  # a new clause: its cue is not this quote's
        if k == 0 or (k == 1 and words[0][2] == ","):
            return _speaker_after_cue(ctx, words[k + 1 :], (s, e, w), "after: said X")
        return _subject_before(ctx, words[:k], (s, e, w), q.end, "after: X said")
    return None


def _after_apposition(ctx: _Context, words: list[tuple[int, int, str]]) -> _Attribution | None:
    """ "…" Douglas Brandt, an economist and tax expert, told me.  /  "…" Rep. Jo Hale
    (D-Ohio), a panel member, said: a name, a description between commas, the cue."""
    k = 0
    while k < min(3, len(words)) and ctx.mention_at(words[k][0]) is None and words[k][2][:1].isupper():
        k += 1  # titles before the name: Rep., Senate Majority Leader
    if k >= len(words):
        return None
    m = ctx.mention_at(words[k][0])
    if m is None or m.type != PERSON:
        return None
    k += 1
    while k < len(words) and (words[k][0] < m.end or words[k][2].startswith("(")):
        k += 1
    if k >= len(words) or words[k][2] != ",":
        return None
    for j in range(k + 1, len(words)):
        w = words[j][2]
        if w in ".!?;:" or ctx.in_quote(words[j][0]):
            return None
        if w == ",":
            j += 1
            while j < len(words) and _skippable(words[j][2]):
                j += 1
            if j < len(words) and words[j][2].lower() in _CUES and words[j][2].lower() not in _PARTICIPLES:
                return _speaker_from(ctx, m, "after: X, who…, said", words[j])
            return None
    return None


def _speaker_after_cue(
    ctx: _Context, words: list[tuple[int, int, str]], cue: tuple[int, int, str], rule: str
) -> _Attribution | None:
    """said Yu Jun, deputy head …  /  said he  /  said Foreign Ministry spokesman Wang Wenbin"""
    for s, _e, w in words[:8]:
        if w in ",.;:!?" and s > words[0][0]:
            break
        if w.lower() in _SUBJECT_PRONOUNS:
            return _speaker_from(ctx, ctx.resolve_pronoun(w, s), rule + " (pronoun)", cue)
        m = ctx.mention_at(s)
        if m is not None and m.type in (PERSON, ORGANIZATION):
            return _speaker_from(ctx, m, rule, cue)
    return _Attribution(None, rule + " (unnamed)", cue[2], None, (cue[0], cue[1]))


def _subject_before(
    ctx: _Context, words: list[tuple[int, int, str]], cue: tuple[int, int, str], floor: int, rule: str
) -> _Attribution:
    """The subject of the cue: a name, a pronoun, or a description ending just before it."""
    k = len(words) - 1
    while k >= 0 and (_skippable(words[k][2]) or words[k][2].startswith("(")):
        k -= 1
    if k < 0:
        return _sentence_subject(ctx, floor, cue, rule)
    s, e, w = words[k]
    lw = w.lower()
    if lw in _SUBJECT_PRONOUNS:
        start = _sentence_start(ctx, s)
        return _speaker_from(ctx, ctx.resolve_pronoun(w, s, start), rule + " (pronoun)", cue)
    if lw in ("who", "which", "that"):
        return _subject_before(ctx, words[: k - (1 if k and words[k - 1][2] == "," else 0)], cue, floor, rule)
    if lw in ("and", "but", ","):
        return _sentence_subject(ctx, floor, cue, rule)
    m = ctx.mention_ending_at(e) or ctx.mention_at(s)
    if m is None and w.endswith(("’s", "'s")):
        m = ctx.mention_at(s)
    if m is None and w[:1].islower() and k:
        # "the IMF report stated", "a Clinton spokesman said": the name the noun belongs to
        ps, pe, _pw = words[k - 1]
        owner = ctx.mention_ending_at(pe) or ctx.mention_at(ps)
        if owner is not None and owner.type in (PERSON, ORGANIZATION):
            return _speaker_from(ctx, owner, rule + " (whose " + w + ")", cue)
    if m is not None:
        if m.type in (PERSON, ORGANIZATION):
            return _speaker_from(ctx, m, rule, cue)
        return _Attribution(None, rule + " (not a person)", cue[2], None, (cue[0], cue[1]))
    # "Kevin Barrett, a lawyer at …, said": the name before an apposition
    if w == ",":
        for s2, _e2, _w2 in reversed(words[:k]):
            m = ctx.mention_at(s2)
            if m is not None and m.type == PERSON:
                return _speaker_from(ctx, m, rule + " (apposition)", cue)
    return _Attribution(None, rule + " (unnamed)", cue[2], None, (cue[0], cue[1]))


def _skippable(word: str) -> bool:
    lw = word.lower()
    return lw in _SKIPPABLE or (lw.endswith("ly") and len(lw) > 4 and word[0].islower())


def _sentence_subject(ctx: _Context, pos: int, cue: tuple[int, int, str], rule: str) -> _Attribution:
    """The first person (else organisation) named in the sentence before the cue."""
    start = _sentence_start(ctx, cue[0])
    found = [m for m in ctx.mentions_between(start, cue[0]) if not ctx.in_quote(m.start)]
    for kinds in ((PERSON,), (ORGANIZATION,)):
        for m in found:
            if m.type in kinds:
                return _speaker_from(ctx, m, rule + " (sentence subject)", cue)
    words = _words(ctx.text, start, cue[0])
    for s, _e, w in words[:3]:
        if w.lower() in _SUBJECT_PRONOUNS:
            return _speaker_from(ctx, ctx.resolve_pronoun(w, s), rule + " (pronoun)", cue)
    return _Attribution(None, rule + " (unnamed)", cue[2], None, (cue[0], cue[1]))


def _before(ctx: _Context, raws: list[_Raw], i: int, done: list[_Attribution]) -> _Attribution | None:
    """Xi told the Ukrainian leader: "…"  /  …, adding: "…" """
    q = raws[i]
    start = _sentence_start(ctx, q.start)
    if start >= q.start - 1 and raws[i].paragraph > 0:
        # a quote opening its paragraph after "He said:" at the end of the previous one
        prev_text_end = q.start
        while prev_text_end > 0 and ctx.text[prev_text_end - 1].isspace():
            prev_text_end -= 1
        if prev_text_end and ctx.text[prev_text_end - 1] == ":":
            start = _sentence_start(ctx, prev_text_end - 1)
    prev_quote_end = raws[i - 1].end if i else 0
    lo = max(start, prev_quote_end if prev_quote_end <= q.start else start)
    # a cue is near its quote; the sentence's far end only matters through the subject
    words = _words(ctx.text, max(lo, q.start - _CUE_REACH), q.start)
    for k in range(len(words) - 1, -1, -1):
        s, e, w = words[k]
        lw = w.lower()
        if lw not in _CUES or (k and words[k - 1][2].lower() in _NOT_CUE_AFTER):
            continue
        if lw in _NOUN_LIKE_CUES and k and not _could_be_subject(ctx, words[k - 1]):
            continue  # "late-night tweets", "his comments": a noun, not the verb
        cue = (s, e, w)
        before_cue = words[k - 1][2].lower() if k else ","
        if lw in _PARTICIPLES and (
            before_cue in (",", "by", "while", "after", "before", "when", "in")
            or not _could_be_subject(ctx, words[k - 1])
        ):
            previous = _previous_in_sentence(raws, i, done, start)
            if previous is not None and previous.speaker:
                return _Attribution(previous.speaker, "participle", w, previous.speaker_span, (s, e))
            return _sentence_subject(ctx, lo, cue, "participle")
        if i and raws[i - 1].end <= s and not _words_between(ctx, raws[i - 1].end, s) and done[i - 1].speaker:
            # '"…," said X. "…"': the cue belongs to the quote before, and so does this one
            return _Attribution(done[i - 1].speaker, "continued", w, done[i - 1].speaker_span, (s, e))
        # "X told Y: …" too: the speaker is the subject before the verb
        before_words = _words(ctx.text, max(start, s - _CUE_REACH), s)
        return _subject_before(ctx, before_words, cue, start, "before: X said")
    return None


# Speech verbs that are also plural nouns: a cue only when a subject stands before them.
_NOUN_LIKE_CUES = frozenset(
    "tweets posts claims comments remarks reports calls notes states promises demands charges "
    "replies responses statements".split()
)


def _could_be_subject(ctx: _Context, word: tuple[int, int, str]) -> bool:
    """A name, a pronoun, or an adverb that may stand between a subject and its verb."""
    s, e, w = word
    return (
        w.lower() in _SUBJECT_PRONOUNS
        or _skippable(w)
        or w.lower() in ("who", "which", "that")
        or ctx.mention_ending_at(e) is not None
        or ctx.mention_at(s) is not None
    )


def _words_between(ctx: _Context, start: int, end: int) -> bool:
    return any(w[2][0].isalnum() for w in _words(ctx.text, start, end))


def _previous_in_sentence(
    raws: list[_Raw], i: int, done: list[_Attribution], sentence_start: int
) -> _Attribution | None:
    j = i - 1
    if j >= 0 and raws[j].end > sentence_start:
        return done[j]
    return None


_ACCORDING = re.compile(r"\baccording to\b|\bas reported by\b|\bin the words of\b", re.I)


def _according_to(ctx: _Context, raws: list[_Raw], i: int, done: list[_Attribution]) -> _Attribution | None:
    q = raws[i]
    start = _sentence_start(ctx, q.start)
    stop = _sentence_end(ctx, q.end, 200)
    for m in _ACCORDING.finditer(ctx.text, start, stop):
        if ctx.in_quote(m.start()):
            continue
        words = _words(ctx.text, m.end(), min(stop, m.end() + 80))
        cue = (m.start(), m.end(), m.group().lower())
        found = _speaker_after_cue(ctx, words, cue, "according to")
        if found is not None and found.speaker:
            return found
    return None


def _continued(ctx: _Context, raws: list[_Raw], i: int, done: list[_Attribution]) -> _Attribution | None:
    """A quote with no cue of its own continues the speaker of the quote before it, when
    both are in one paragraph or this one opens a paragraph of quotation."""
    q = raws[i]
    if i == 0:
        return None
    prev, prev_result = raws[i - 1], done[i - 1]
    if not prev_result.speaker:
        return None
    opens_paragraph = _opens_its_line(ctx.text, q.start)
    if prev.paragraph == q.paragraph or (opens_paragraph and q.paragraph - prev.paragraph == 1):
        return _Attribution(prev_result.speaker, "continued", prev_result.cue, prev_result.speaker_span)
    return None


_CUE_REACH = 240  # characters before a quote searched for its cue

_PREPOSITIONS = frozenset(
    "of to for with by from about on against at in into over under than like as between among "
    "toward towards upon via including".split()
)


def _clause_subject(ctx: _Context, raws: list[_Raw], i: int) -> _Attribution | None:
    """No cue at all (a partial quote woven into a sentence: Cruz urged voters to "…"):
    the sentence's first named person or organisation that is not a prepositional object."""
    q = raws[i]
    start = _sentence_start(ctx, q.start)
    for kinds in ((PERSON,), (ORGANIZATION,)):
        for m in ctx.mentions_between(start, q.start):
            if m.type not in kinds or ctx.in_quote(m.start):
                continue
            before = _words(ctx.text, max(start, m.start - 20), m.start)
            if before and before[-1][2].lower() in _PREPOSITIONS:
                continue
            return _Attribution(m.entity, "sentence subject", None, (m.start, m.end))
    return None


def _opens_its_line(text: str, pos: int) -> bool:
    """Is there only white space between the line's start and `pos`? (Read backwards
    from `pos`, so a text of one long line costs no more than one of many.)"""
    j = pos - 1
    while j >= 0 and text[j] != "\n" and text[j].isspace():
        j -= 1
    return j < 0 or text[j] == "\n"


def _share_within_chains(raws: list[_Raw], results: list[_Attribution]) -> None:
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
                results[i] = _Attribution(
                    named[-1].speaker, "continued", named[-1].cue, named[-1].speaker_span
                )


def gender_of_name(name: str) -> str:
    first = name.split()[0] if name.split() else ""
    return names.gender_of(first) if len(name.split()) > 1 else "u"

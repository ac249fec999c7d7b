"""Attribution by a speech verb near the quote: its subject, before or after it.

after      "…," Xi added. / "…," said Andrew Small.   (cue right after the quote;
           also "…" Ann Lee, an economist at …, said)
before     Xi told the Ukrainian leader: "…"           (the subject of the cue before it)
participle …, adding: "…"                              (the same sentence's speaker)
according  "…," according to CCTV.
"""

from __future__ import annotations

import re

from newsreader.analysis import roles, vocab
from newsreader.analysis.model import ORGANIZATION, PERSON, PLACE
from newsreader.analysis.quotecontext import (
    PREPOSITIONS,
    SUBJECT_PRONOUNS,
    Attribution,
    MentionRef,
    QuoteContext,
    Word,
    sentence_end,
    sentence_start,
    speaker_from,
    words_in,
)
from newsreader.analysis.quotemarks import RawQuote

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


_CUE_REACH = 240  # characters before a quote searched for its cue
# words after a quote searched for its cue: '"…," the former mayor of Oslo, Elena Ortega, said'
_CUE_AFTER_WORDS = 14
_APPOSITIONS_MAX = 3  # descriptions between commas after a name, before its speech verb


def cue_right_before(ctx: QuoteContext, q: RawQuote) -> bool:
    """Is the last word before the quote (past a comma or colon) a speech verb?"""
    words = words_in(ctx.text, max(0, q.start - 40), q.start)
    tail = [k for k in range(max(0, len(words) - 3), len(words)) if words[k][2] not in ",:"]
    return bool(tail) and _is_cue(ctx, words, tail[-1])


def _is_cue(ctx: QuoteContext, words: list[Word], k: int) -> bool:
    """Is words[k] a speech verb here? Not after "to" or "would" ("to describe"), and not
    a word of a name ("the United States would", "Says Who Inc.")."""
    s, e, w = words[k]
    lw = w.lower()
    if lw not in _CUES or (k and words[k - 1][2].lower() in _NOT_CUE_AFTER):
        return False
    if lw in _NOUN_LIKE_CUES and (k == 0 or not _could_be_subject(ctx, words[k - 1])):
        return False  # "late-night tweets", "Republican claims": a noun, not the verb
    inside = ctx.mention_at(s)
    # a person's name that ran into its verb ("Dana Whitfield Says") keeps the verb
    return inside is None or (inside.type == PERSON and inside.end == e)


def _last_mark(ctx: QuoteContext, q: RawQuote) -> str:
    """The quotation's last character inside its closing marks ("" when it is empty)."""
    return ctx.text[q.start : q.end].rstrip("\"”’'`» \u00a0")[-1:]


def _ends_a_clause(ctx: QuoteContext, q: RawQuote) -> bool:
    """Does the quotation end with punctuation, as '"…," said X' needs? A quote that runs
    into its sentence ('the ad "wrongfully" suggests that …') is the subject of what follows."""
    return bool(_last_mark(ctx, q)) and _last_mark(ctx, q) in ",.!?…—–-:;"


def after(ctx: QuoteContext, raws: list[RawQuote], i: int, done: list[Attribution]) -> Attribution | None:
    """ "…," Xi added.  /  "…," said Andrew Small, an expert at …"""
    q = raws[i]
    stop = sentence_end(ctx, q.end, 300)
    nxt = raws[i + 1].start if i + 1 < len(raws) else len(ctx.text)
    stop = min(stop, nxt)
    words = words_in(ctx.text, q.end, stop)
    found = _by_name(ctx, words) or _after_apposition(ctx, words)
    if found is not None:
        return found
    for k, (s, e, w) in enumerate(words[:_CUE_AFTER_WORDS]):
        if w in ".!?" and k > 0:
            break
        lw = w.lower()
        if not _is_cue(ctx, words, k):
            continue
        if lw in _PARTICIPLES:
            return None  # "…," adding: the speaker is named before the quote
        if any(x[2].lower() in ("and", "but", "while", "as", "before", "after") for x in words[:k]):
            return None  # a new clause: its cue is not this quote's
        if k == 0 or (k == 1 and words[0][2] == ","):
            if not _ends_a_clause(ctx, q) and k == 0:
                return None
            return _speaker_after_cue(ctx, words[k + 1 :], (s, e, w), "after: said X")
        if _closes_a_sentence(ctx, q) and _opens_its_own_clause(ctx, words, k):
            return None  # '"…." Kim said Park's state is "…"': the next sentence's own cue
        return _subject_before(ctx, words[:k], (s, e, w), q.end, "after: X said")
    return None


# what follows a speech verb that reports a new clause, not the quote just closed
_CLAUSE_OPENERS = frozenset("that it he she they we i the a an his her its their this there".split())


def _closes_a_sentence(ctx: QuoteContext, q: RawQuote) -> bool:
    return bool(_last_mark(ctx, q)) and _last_mark(ctx, q) in ".!?…"


def _opens_its_own_clause(ctx: QuoteContext, words: list[Word], k: int) -> bool:
    """Does the cue words[k] go on to report a clause of its own ("said it would", "said
    Kim's state")? Then it is not the attribution of a quote that ended a sentence."""
    if k + 1 >= len(words):
        return False
    s, _e, w = words[k + 1]
    return w.lower() in _CLAUSE_OPENERS or ctx.mention_at(s) is not None


def _by_name(ctx: QuoteContext, words: list[Word]) -> Attribution | None:
    """ "a paper titled “…” by Neera Tanden", "dismissed as “reckless” by Tom Baines": the
    author or the agent named right after the quote."""
    if len(words) < 2 or words[0][2] != "by":
        return None
    m = ctx.mention_at(words[1][0])
    if m is None or m.start != words[1][0] or m.type not in (PERSON, ORGANIZATION):
        return None
    return speaker_from(ctx, m, "after: by X", words[0])


def _after_apposition(ctx: QuoteContext, words: list[Word]) -> Attribution | None:
    """ "…" Helen Marsh, a bond analyst at Kettle Bank, told me.  /  "…" Rep. Jo Hale
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
    commas = 0
    for j in range(k + 1, len(words)):
        w = words[j][2]
        if w in ".!?;:" or ctx.in_quote(words[j][0]):
            return None
        if w == ",":
            # "Marta Kowalski, the city's attorney, one of three lawyers on the case, said"
            commas += 1
            j += 1
            while j < len(words) and _skippable(words[j][2]):
                j += 1
            if j < len(words) and _is_cue(ctx, words, j) and words[j][2].lower() not in _PARTICIPLES:
                return speaker_from(ctx, m, "after: X, who…, said", words[j])
            if commas == _APPOSITIONS_MAX:
                return None
    return None


def _speaker_after_cue(ctx: QuoteContext, words: list[Word], cue: Word, rule: str) -> Attribution | None:
    """said Yu Jun, deputy head …  /  said he  /  said Foreign Ministry spokesman Wang Wenbin"""
    for s, _e, w in words[:8]:
        if w in ",.;:!?" and s > words[0][0]:
            break
        if w.lower() in SUBJECT_PRONOUNS:
            return speaker_from(ctx, ctx.resolve_pronoun(w, s), rule + " (pronoun)", cue)
        m = ctx.mention_at(s)
        if m is not None and m.type in (PERSON, ORGANIZATION):
            return speaker_from(ctx, m, rule, cue)
    role = roles.role_after(words)
    if role is not None:  # "…," said the spokeswoman.
        return speaker_from(ctx, roles.person_in_role(ctx, role, cue[0]), f"{rule} (role: {role})", cue)
    return Attribution(None, rule + " (unnamed)", cue[2], None, (cue[0], cue[1]))


def _subject_before(ctx: QuoteContext, words: list[Word], cue: Word, floor: int, rule: str) -> Attribution:
    """The subject of the cue: a name, a pronoun, or a description ending just before it."""
    k = len(words) - 1
    while k >= 0 and (_skippable(words[k][2]) or words[k][2].startswith("(")):
        k -= 1
    if k > 0 and words[k][2].lower() in _TIME_WORDS:
        # "Tom Baines on Monday said", "Ortega last week told": a time between subject and verb
        k -= 2 if words[k - 1][2].lower() in _TIME_LEADS else 1
    if k < 0:
        return _sentence_subject(ctx, floor, cue, rule)
    s, e, w = words[k]
    lw = w.lower()
    if lw in SUBJECT_PRONOUNS:
        start = sentence_start(ctx, s)
        return speaker_from(ctx, ctx.resolve_pronoun(w, s, start), rule + " (pronoun)", cue)
    if lw in ("who", "which", "that"):
        return _subject_before(ctx, words[: k - (1 if k and words[k - 1][2] == "," else 0)], cue, floor, rule)
    if lw == "," and k:
        # "the bank's chief, Tom Baines, called": the name the comma closes
        named = ctx.mention_ending_at(words[k - 1][1])
        if named is not None and named.type == PERSON:
            return speaker_from(ctx, named, rule + " (apposition)", cue)
    if lw in ("and", "but", ","):
        return _sentence_subject(ctx, floor, cue, rule)
    m = ctx.mention_ending_at(e) or ctx.mention_at(s)
    if m is None and w.endswith(("’s", "'s")):
        m = ctx.mention_at(s)
    if m is None and w[:1].islower() and k:
        # "the Fennwick report stated", "a Baines spokesman said": the name the noun belongs to
        ps, pe, _pw = words[k - 1]
        owner = ctx.mention_ending_at(pe) or ctx.mention_at(ps)
        if owner is not None and owner.type in (PERSON, ORGANIZATION):
            return speaker_from(ctx, owner, rule + " (whose " + w + ")", cue)
    if m is not None:
        if m.type in (PERSON, ORGANIZATION) or (m.type == PLACE and not _after_preposition(words, m.start)):
            # "Japan said", "Russia insisted": a country speaks through its government
            return speaker_from(ctx, m, rule, cue)
        return Attribution(None, rule + " (not a person)", cue[2], None, (cue[0], cue[1]))
    role = roles.role_before(words[: k + 1])
    if role is not None:  # "the Ohio senator said": the person named so before
        return speaker_from(ctx, roles.person_in_role(ctx, role, s), f"{rule} (role: {role})", cue)
    return Attribution(None, rule + " (unnamed)", cue[2], None, (cue[0], cue[1]))


def _after_preposition(words: list[Word], pos: int) -> bool:
    """Is the word before `pos` a preposition ("an official in Ohio said")?"""
    before = [w for s, _e, w in words if s < pos]
    return bool(before) and before[-1].lower() in PREPOSITIONS


_TIME_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday week weekend month year morning "
    "afternoon evening night today yesterday tonight".split()
)
_TIME_LEADS = frozenset("on last this late early earlier next".split())


def _skippable(word: str) -> bool:
    lw = word.lower()
    return lw in _SKIPPABLE or (lw.endswith("ly") and len(lw) > 4 and word[0].islower())


_PERSONAL_PRONOUNS = SUBJECT_PRONOUNS - {"it"}  # "Perhaps it is …": often no one


def _leading_pronoun(ctx: QuoteContext, start: int, end: int) -> MentionRef | None:
    """The person a personal pronoun among the first three words of the sentence at
    `start` stands for, when no name comes before `end`: that pronoun is its subject."""
    for s, _e, w in words_in(ctx.text, start, end)[:3]:
        if w.lower() in _PERSONAL_PRONOUNS:
            return ctx.resolve_pronoun(w, s)
    return None


def _sentence_subject(ctx: QuoteContext, pos: int, cue: Word, rule: str) -> Attribution:
    """The subject of the sentence before the cue: a pronoun among its first words when
    no name comes before it ("Though she praised X's record …"), else the first person
    (else organisation, else country not after a preposition: "Even Iceland, a founding
    member of the pact, said …") named in it."""
    start = sentence_start(ctx, cue[0])
    found = [m for m in ctx.mentions_between(start, cue[0]) if not ctx.in_quote(m.start)]
    pronoun = _leading_pronoun(ctx, start, found[0].start if found else cue[0])
    if pronoun is not None:
        return speaker_from(ctx, pronoun, rule + " (pronoun)", cue)
    for kind in (PERSON, ORGANIZATION):
        for m in found:
            if m.type == kind:
                return speaker_from(ctx, m, rule + " (sentence subject)", cue)
    words = words_in(ctx.text, start, cue[0])
    for m in found:
        if m.type == PLACE and not _after_preposition(words, m.start):
            return speaker_from(ctx, m, rule + " (sentence subject)", cue)
    return Attribution(None, rule + " (unnamed)", cue[2], None, (cue[0], cue[1]))


def before(ctx: QuoteContext, raws: list[RawQuote], i: int, done: list[Attribution]) -> Attribution | None:
    """Xi told the Ukrainian leader: "…"  /  …, adding: "…" """
    q = raws[i]
    start = introduced_from(ctx, q)
    prev_quote_end = raws[i - 1].end if i else 0
    lo = max(start, prev_quote_end if prev_quote_end <= q.start else start)
    # a cue is near its quote; the sentence's far end only matters through the subject
    words = words_in(ctx.text, max(lo, q.start - _CUE_REACH), q.start)
    unnamed: Attribution | None = None
    for k in range(len(words) - 1, -1, -1):
        s, e, w = words[k]
        lw = w.lower()
        if not _is_cue(ctx, words, k):
            continue
        cue = (s, e, w)
        before_cue = words[k - 1][2].lower() if k else ","
        if lw in _PARTICIPLES and (
            before_cue in (",", "by", "while", "after", "before", "when", "in")
            or not _could_be_subject(ctx, words[k - 1])
        ):
            previous = _previous_in_sentence(raws, i, done, start)
            if previous is not None and previous.speaker:
                return Attribution(previous.speaker, "participle", w, previous.speaker_span, (s, e))
            return _sentence_subject(ctx, lo, cue, "participle")
        if i and raws[i - 1].end <= s and not _words_between(ctx, raws[i - 1].end, s) and done[i - 1].speaker:
            # '"…," said X. "…"': the cue belongs to the quote before, and so does this one
            return Attribution(done[i - 1].speaker, "continued", w, done[i - 1].speaker_span, (s, e))
        # "X told Y: …" too: the speaker is the subject before the verb
        before_words = words_in(ctx.text, max(start, s - _CUE_REACH), s)
        found = _subject_before(ctx, before_words, cue, start, "before: X said")
        if found.speaker or not found.rule.endswith("(unnamed)"):
            return found
        # "X shrugged it off, saying anyone who argues “…”": a verb whose subject names no
        # one may sit inside the clause of an earlier verb that does
        unnamed = unnamed or found
    return unnamed


def introduced_from(ctx: QuoteContext, q: RawQuote) -> int:
    """Where the sentence that introduces the quote starts: its own, or, for a quote
    opening its paragraph after "He said:" or "… made this comment:" ending the previous
    one, that sentence."""
    start = sentence_start(ctx, q.start)
    if start >= q.start - 1 and q.paragraph > 0:
        prev_text_end = q.start
        while prev_text_end > 0 and ctx.text[prev_text_end - 1].isspace():
            prev_text_end -= 1
        if prev_text_end and ctx.text[prev_text_end - 1] == ":":
            start = sentence_start(ctx, prev_text_end - 1)
    return start


# Speech verbs that are also plural nouns: a cue only when a subject stands before them.
_NOUN_LIKE_CUES = frozenset(
    "tweets posts claims comments remarks reports calls notes states promises demands charges "
    "replies responses statements".split()
)


def _could_be_subject(ctx: QuoteContext, word: Word) -> bool:
    """A name, a pronoun, or an adverb that may stand between a subject and its verb; not
    a group's adjective ("Republican claims")."""
    s, e, w = word
    mention = ctx.mention_ending_at(e) or ctx.mention_at(s)
    return (
        w.lower() in SUBJECT_PRONOUNS
        or _skippable(w)
        or w.lower() in ("who", "which", "that")
        or (mention is not None and mention.type in (PERSON, ORGANIZATION, PLACE))
    )


def _words_between(ctx: QuoteContext, start: int, end: int) -> bool:
    return any(w[2][0].isalnum() for w in words_in(ctx.text, start, end))


def _previous_in_sentence(
    raws: list[RawQuote], i: int, done: list[Attribution], sentence_start: int
) -> Attribution | None:
    j = i - 1
    if j >= 0 and raws[j].end > sentence_start:
        return done[j]
    return None


def cue_in_sentence(ctx: QuoteContext, start: int, end: int) -> Attribution | None:
    """The speaker of the last speech verb of the sentence [start, end) outside quotes,
    as its subject before it ("Schiff said.") or after it ("said Schiff.")."""
    words = [w for w in words_in(ctx.text, start, end) if not ctx.in_quote(w[0])]
    for k in range(len(words) - 1, -1, -1):
        if not _is_cue(ctx, words, k) or words[k][2].lower() in _PARTICIPLES:
            continue
        cue = words[k]
        if k == 0 or words[k - 1][2] == ",":
            found = _speaker_after_cue(ctx, words[k + 1 :], cue, "said X")
            if found is not None and found.speaker:
                return found
        return _subject_before(ctx, words[:k], cue, start, "X said")
    return None


_ACCORDING = re.compile(
    r"\baccording to\b|\bas reported by\b|\bin the words of\b"
    r"|\bas(?= [^.,;:!?“”\"]{1,60} (?:put|puts|has put) it\b)",  # "as the Daily Ledger put it"
    re.I,
)


def according_to(
    ctx: QuoteContext, raws: list[RawQuote], i: int, done: list[Attribution]
) -> Attribution | None:
    q = raws[i]
    start = sentence_start(ctx, q.start)
    stop = sentence_end(ctx, q.end, 200)
    for m in _ACCORDING.finditer(ctx.text, start, stop):
        if ctx.in_quote(m.start()):
            continue
        words = words_in(ctx.text, m.end(), min(stop, m.end() + 80))
        cue = (m.start(), m.end(), m.group().lower())
        found = _speaker_after_cue(ctx, words, cue, "according to")
        if found is not None and found.speaker:
            return found
    return None

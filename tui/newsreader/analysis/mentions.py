"""Candidate names in text, typed person / organization / place / group.

The method, in three passes:

1. *Runs*: maximal sequences of capitalised tokens (with the connectors names use:
   "Bank of England", "Ursula von der Leyen") are found by one regular expression.
2. *Segments*: each run is cut where English puts two names side by side: before a
   title ("NATO | Secretary General | Jens Stoltenberg"), at a possessive ("China's |
   Foreign Ministry"), at "and", after a country adjective before a person. Sentence-
   initial common words ("According", "Some") are dropped.
3. *Votes*: each occurrence gets evidence for each type from its shape (organisation
   heads, given names and surnames, East Asian name order), from gazetteers, from the
   reference list, and from its context (a title, a role noun, "X said", "in X",
   apposition). Votes are summed per surface over the whole document (one sense per
   discourse), and short forms take the type of the full names they belong to, so a
   later "Small said" is the Andrew Small named before.

Upper-case headlines and datelines are not read as names wholesale: their words are
matched against the names the body established and against the gazetteer.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from newsreader.analysis import lexicon, names, tables, vocab
from newsreader.analysis.model import GROUP, ORGANIZATION, PERSON, PLACE, Span

OTHER = "other"  # events, laws, works: named but not person/organization/place


# Capital letters of the Latin, Greek and Cyrillic scripts. The Latin Extended blocks mix
# cases, so a run's tokens are checked with str.isupper() as well; a full Unicode class
# would cost 50 ms to compile at every start.
_UP = "A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u024f\u0386-\u03ab\u0400-\u042f"
_ABBREVIATIONS = (
    "Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Col|Lt|Sgt|Capt|Cmdr|Adm|Gov|Sen|Rep|Prof|Rev|Inc|Corp|Co|Ltd|Mt|Ft|Bros"
)
_TOKEN = (
    rf"(?:(?:{_ABBREVIATIONS})\.(?=[ \u00a0]?[{_UP}])"  # Mr. Smith, St. Petersburg
    rf"|[{_UP}]\.(?:[{_UP}]\.)+"  # U.S., U.N.
    rf"|[{_UP}]\.(?=[ \u00a0][{_UP}])"  # the initial in John F. Kennedy
    rf"|(?:(?:al|el|ad|an|ar|as|ash|at|az|abu|ibn|bin)-)?[{_UP}](?:[\w&]|['’.](?=\w)|-(?=\w))*)"
)
_CONNECTOR = (
    r"(?:of the|of|for|and|&|de|del|della|der|den|van|von|da|di|du|dos|das|la|le|al|el|bin|ibn|bint|y|ter|zu)"
)
_GAP = rf"[ \u00a0](?:{_CONNECTOR}[ \u00a0]){{0,2}}"
_RUN = re.compile(rf"(?<![\w’']){_TOKEN}(?:{_GAP}{_TOKEN})*")
_TOKEN_IN_RUN = re.compile(rf"{_TOKEN}|(?<=[ \u00a0]){_CONNECTOR}(?=[ \u00a0])")
_POSSESSIVE = re.compile(r"(?:['’]s|(?<=s)['’])$")
_WORD_AFTER = re.compile(r"[ \u00a0]*([,;:]?)[ \u00a0]*([\w’'-]+)?")
_WORD_BEFORE = re.compile(r"([\w’'-]+)[ \u00a0]*$")
_CAPS_LINE_MIN_LETTERS = 8

# Acronyms that are common nouns in news, not names.
NOT_ACRONYMS = frozenset(
    """
    CEO CFO COO CTO GDP GNP TV PM AM OK ID IQ DNA RNA HIV AIDS COVID SARS IPO VAT GMT BST EST
    EDT PST PDT UTC CET FAQ PDF URL USD EUR GBP JPY CNY RUB SUV MP MPs MEP MEPs QC KC MD PhD BA
    MA MBA BSc MSc LLB ATM PIN SMS GPS USB CD DVD PC IT AI VR UN-backed NB PS PPS RIP AKA DIY
    TBA TBC ET AD BC BCE CE II III IV VI VII VIII IX XI XII XIII XIV XV XX HQ HR PR RSVP ASAP
    FYI LOL OMG NHS-run GCSE A-level ICU ER CPR MRI CT LGBT LGBTQ ESG ETF IMO MVP NBA-style
    """.split()
)


@dataclass(frozen=True, slots=True)  # a long text has hundreds of thousands
class Mention:
    start: int
    end: int
    text: str
    type: str
    evidence: str = ""


@dataclass(slots=True)
class _Occurrence:
    start: int
    end: int
    text: str
    tokens: tuple[str, ...]
    initial: bool
    votes: dict[str, float] = field(default_factory=dict)
    reasons: list[str] = field(default_factory=list)
    titled: bool = False
    reason_kinds: list[str] = field(default_factory=list)

    def vote(self, kind: str, weight: float, reason: str) -> None:
        self.votes[kind] = self.votes.get(kind, 0.0) + weight
        if reason and len(self.reasons) < 6:
            self.reasons.append(reason)
            self.reason_kinds.append(kind)

    def reasons_for(self, kind: str) -> str:
        return "; ".join(r for r, k in zip(self.reasons, self.reason_kinds, strict=True) if k == kind)


_SHAPES_KEPT = 20_000


def find_mentions(
    text: str,
    *,
    skip: Iterable[Span] = (),
    known: Mapping[str, str] | None = None,
    progress: Callable[[float], None] | None = None,
) -> list[Mention]:
    """Typed name mentions in `text`, sorted, never overlapping.

    `skip` spans (page boilerplate) are not read. `known` maps names from reference lists
    to their types; they count as strong evidence. `progress` is told the fraction of
    the text read, every 2% of it (and 64 KB at least).
    """
    known = known or {}
    skip = sorted(skip)
    caps_lines = _shouted_lines(text)
    teams = [span for span in tables.team_spans(text) if not _inside(span[0], skip)]
    team_at = {span: _team_type(text[span[0] : span[1]]) for span in teams}
    sports = bool(teams) or _is_sports_report(text)
    labels = _speaker_labels(text, skip)
    # each occurrence's votes are summed into its surface's as soon as they are known, so
    # a long text keeps only the span of each occurrence, not its votes and reasons
    tally = _Tally()
    found: list[tuple[int, int, str]] = []
    dropped_initials: list[tuple[int, int, str]] = []
    # a run's segments and shape votes depend only on its words and whether a sentence
    # starts there; names recur, so each distinct run is worked out once per text
    shapes: dict[tuple[str, bool], _Shape] = {}
    step = max(len(text) // 50, 1 << 16)
    next_report = step
    for m in _RUN.finditer(text):
        start = m.start()
        if progress is not None and start >= next_report:
            progress(start / len(text))
            next_report = start + step
        if _inside(start, skip) or _inside(start, caps_lines):
            continue
        key = (m.group(), _is_initial(text, start))
        shape = shapes.get(key)
        if shape is None:
            if len(shapes) >= _SHAPES_KEPT:
                shapes.clear()  # a long text of ever new names would keep them all
            shape = shapes[key] = _shape_run(*key, known)
        for occ in shape.place(start):
            _vote_context(text, occ)
            if sports:
                _vote_team(text, occ)
            if team_at.get((occ.start, occ.end)) == ORGANIZATION:
                occ.vote(ORGANIZATION, 8.0, _IN_TABLE)
            if (occ.start, occ.end) in labels:
                occ.vote(PERSON, 8.0, _LABELLED)
            tally.add(occ)
            found.append((occ.start, occ.end, occ.text))
        dropped_initials.extend((start + s, start + e, t) for s, e, t in shape.dropped)
    types = tally.decide()
    mentions = [
        Mention(s, e, surface, types[surface][0], types[surface][1])
        for s, e, surface in found
        if types.get(surface, (None,))[0] in _EMITTED
    ]
    del found
    mentions += _propagate(text, mentions, dropped_initials, caps_lines, skip, known, sports)
    if teams:
        mentions = _with_table_teams(text, mentions, team_at)
    if labels:
        covered = sorted((m.start, m.end) for m in mentions)
        mentions += [
            Mention(s, e, text[s:e], PERSON, _LABELLED)
            for s, e in labels
            if not _overlaps_any(Mention(s, e, "", PERSON), covered)
        ]
    return _without_overlaps([_with_abbreviation_point(text, m) for m in mentions])


def _with_abbreviation_point(text: str, m: Mention) -> Mention:
    """ "NationsBank Corp." keeps its point: the abbreviation's, not the sentence's."""
    if text[m.end : m.end + 1] == "." and m.text.rsplit(" ", 1)[-1] in vocab.ABBREVIATED_LEGAL_FORMS:
        return Mention(m.start, m.end + 1, m.text + ".", m.type, m.evidence)
    return m


_IN_TABLE = "a team in a results table"

# "WALLACE: Let's start…" opening a line (inside a quote mark, often): a transcript's
# speaker label
_LABEL = re.compile(r"^[\"“'‘]?([A-Z][A-Z'’.-]+(?:[ \t][A-Z][A-Z'’.-]+){0,2}):[ \t]", re.MULTILINE)


def _speaker_labels(text: str, skip: list[Span]) -> set[Span]:
    """The speaker labels of a transcript. A label must come back (an interview has two
    voices at least) and not be a common word ("NOTE:", "UPDATE:")."""
    found = [m.span(1) for m in _LABEL.finditer(text) if not _inside(m.start(), skip)]
    counts: dict[str, int] = defaultdict(int)
    for s, e in found:
        counts[text[s:e]] += 1
    return {
        (s, e)
        for s, e in found
        if counts[text[s:e]] >= 2
        and not any(w in vocab.NOT_NAMES for w in text[s:e].title().split())
        and lexicon.zipf(text[s:e]) < 4.5
        and not _is_country(text[s:e].title())  # "LATVIA: yes" in a roll call
    }


_LABELLED = "a speaker's label in a transcript"


def _is_country(name: str) -> bool:
    place = lexicon.place(name)
    return place is not None and place.kind in ("country", "continent")


def _team_type(name: str) -> str:
    """A results table's name is a club, but a country's is its national team, which news
    and its annotation conventions keep as the country."""
    return PLACE if _is_country(name) or _is_country(name.title()) else ORGANIZATION


def _with_table_teams(text: str, mentions: list[Mention], team_at: Mapping[Span, str]) -> list[Mention]:
    """Every name of a results table as one mention of its team: a shouted line's names
    (ST LOUIS 5 DETROIT 3), short ones (LG 2 OB 0) and words at a line's start are not
    found as names by the passes above, and a name may have been cut short there."""
    covered = {(m.start, m.end) for m in mentions}
    teams = sorted(team_at)
    kept = [m for m in mentions if (m.start, m.end) in team_at or not _overlaps_any(m, teams)]
    for (start, end), kind in team_at.items():
        if (start, end) not in covered:
            kept.append(Mention(start, end, text[start:end], kind, _IN_TABLE))
    return kept


def _overlaps_any(m: Mention, spans: list[Span]) -> bool:
    i = bisect.bisect_right(spans, (m.start, 1 << 62)) - 1
    if i >= 0 and spans[i][1] > m.start:
        return True
    return i + 1 < len(spans) and spans[i + 1][0] < m.end


_EMITTED = {PERSON, ORGANIZATION, PLACE, GROUP}


def _inside(pos: int, spans: list[Span]) -> bool:
    """Is `pos` inside one of the sorted, non-overlapping `spans`?"""
    i = bisect.bisect_right(spans, (pos, 1 << 62)) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


_LOWER_WORD = re.compile(r"\b[a-z]{3,}\b")
_DROP_LOWER = str.maketrans("", "", "abcdefghijklmnopqrstuvwxyzàáâãäåæçèéêëìíîïñòóôõöøùúûüýÿ")
_DROP_UPPER = str.maketrans("", "", "ABCDEFGHIJKLMNOPQRSTUVWXYZÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝ")


def _shouted_lines(text: str) -> list[Span]:
    """Lines written in capitals (headlines, datelines, section labels)."""
    spans = []
    for m in re.finditer(r"[^\n]+", text):
        line = m.group()
        if len(_LOWER_WORD.findall(line, 0, 120)) > 2:
            continue  # ordinary prose: counting its letters would only confirm it
        upper = len(line) - len(line.translate(_DROP_UPPER))
        if upper < 2:
            continue
        lower = len(line) - len(line.translate(_DROP_LOWER))
        letters = upper + lower
        if letters < _CAPS_LINE_MIN_LETTERS:
            # short lines: a dateline such as "LONDON 1996-08-30" is shouted too
            if lower == 0 and len(line.split()) >= 2:
                spans.append(m.span())
            continue
        if upper / letters > 0.7 and len(line.split()) >= 2:
            spans.append(m.span())
    return spans


# --- pass 2: segments -------------------------------------------------------------


@dataclass(frozen=True)
class _Shape:
    """A run's segments with their shape votes, at offsets relative to the run."""

    occurrences: tuple[_Occurrence, ...]
    dropped: tuple[tuple[int, int, str], ...]

    def place(self, offset: int) -> list[_Occurrence]:
        return [
            _Occurrence(
                o.start + offset,
                o.end + offset,
                o.text,
                o.tokens,
                o.initial,
                dict(o.votes),
                list(o.reasons),
                o.titled,
            )
            for o in self.occurrences
        ]


def _shape_run(run: str, initial: bool, known: Mapping[str, str]) -> _Shape:
    frame = ("\n" if initial else ",") + run  # one character of context: a sentence start or not
    dropped: list[tuple[int, int, str]] = []
    occurrences = _segments(frame, 1, len(frame), known, dropped)
    for occ in occurrences:
        _vote_shape(occ, known)
        occ.start -= 1
        occ.end -= 1
    return _Shape(tuple(occurrences), tuple((s - 1, e - 1, t) for s, e, t in dropped))


def _is_initial(text: str, pos: int) -> bool:
    """Does a sentence (or a quotation, or a line) start at `pos`?"""
    j = pos - 1
    while j >= 0 and text[j] in " \t\u00a0\"“‘'([{*•·":
        j -= 1
    return j < 0 or text[j] in ".!?:;\n…"


def _segments(
    text: str, start: int, end: int, known: Mapping[str, str], dropped: list[tuple[int, int, str]]
) -> list[_Occurrence]:
    toks = [(m.start(), m.end(), m.group()) for m in _TOKEN_IN_RUN.finditer(text, start, end)]
    pieces = _split_pieces(text, toks)
    out: list[_Occurrence] = []
    for piece in pieces:
        out.extend(_shape_piece(text, piece, known, dropped))
    return out


Tok = tuple[int, int, str]


def _split_pieces(text: str, toks: list[Tok]) -> list[list[Tok]]:
    """Cut a run at possessives, hyphen-lowercase compounds and unjustified connectors."""
    pieces: list[list[Tok]] = [[]]
    for i, (s, e, t) in enumerate(toks):
        cur = pieces[-1]
        if _is_connector(t):
            if not cur or i + 1 >= len(toks) or not _keep_connector(cur, t, toks[i + 1 :]):
                pieces.append([])
            else:
                cur.append((s, e, t))
            continue
        # "Chinese-proposed", "US-based": the name is the part before the hyphen
        cut = re.search(r"-(?=[a-z])", t)
        if (
            cut
            and not t.startswith(("al-", "el-", "bin-", "ibn-", "abu-"))
            and _english_suffix(t[cut.end() :])
        ):
            e = s + cut.start()
            t = t[: cut.start()]
            cur.append((s, e, t))
            pieces.append([])
            continue
        poss = _POSSESSIVE.search(t)
        if poss and len(t) > 2:
            stem = t[: poss.start()]
            following = toks[i + 1][2] if i + 1 < len(toks) else ""
            if following and _possessive_inside_name(stem, following):
                cur.append((s, e, t))
            else:
                cur.append((s, s + len(stem), stem))
                pieces.append([])
            continue
        cur.append((s, e, t))
    cleaned: list[list[Tok]] = []
    for piece in pieces:
        while piece and _is_connector(piece[-1][2]):
            piece.pop()
        if piece:
            cleaned.append(piece)
    return cleaned


def _english_suffix(rest: str) -> bool:
    """ "-proposed", "-based", "-style" are English; "-myung", "-ho" are syllables of a name."""
    head = re.split(r"[-'’]", rest)[0]
    return lexicon.zipf(head) >= 3.0 or head.endswith(("ed", "ing"))


def _is_connector(token: str) -> bool:
    return token[0].islower() or token == "&"


def _keep_connector(before: list[Tok], connector: str, after: list[Tok]) -> bool:
    if len(before) > 1 and before[0][2] in ("The", "A", "An"):
        before = before[1:]  # "The Organisation for Security and ...": the article is not the name
    first = before[0][2]
    last = before[-1][2]
    if connector == "&":
        return True
    if connector.lower() in vocab.PARTICLES:
        return True  # "Charles de Gaulle", "Ursula von der Leyen"
    openers = vocab.ORG_OPENERS | _PLACE_OPENERS | vocab.PERSON_TITLES
    if connector == "of the" and last in vocab.ORG_HEADS and after[-1][2] in vocab.ORG_HEADS:
        return False  # "Eurasia Department | of the | Foreign Ministry": one body inside another
    if connector in ("of", "of the"):
        return (
            first in openers or last in openers or last in vocab.ORG_HEADS or first in vocab.TITLE_MODIFIERS
        )
    if connector == "for":
        return first in vocab.ORG_OPENERS or last in vocab.ORG_HEADS or first in vocab.ORG_HEADS
    if connector == "and":
        # "Bosnia and Herzegovina"; "Department of Health and Human Services"
        joined = " ".join(t for _, _, t in before) + " and " + " ".join(t for _, _, t in after)
        if lexicon.place(joined):
            return True
        words = [t for _, _, t in before]
        if ("of" in words or "for" in words) and (first in vocab.ORG_OPENERS or first in vocab.ORG_HEADS):
            return True
        # "Test and County Cricket Board", "Securities and Exchange Commission": a body whose
        # name pairs two words before its head
        rest = [t for _, _, t in after]
        return (
            len(words) == 1
            and rest[-1] in vocab.ORG_HEADS
            and len(rest) <= 3
            and all(t[:1].isupper() for t in rest)
            and lexicon.place(first) is None
        )
    return False


_PLACE_OPENERS = frozenset(
    """
    Gulf Bay Sea Isle Isles Strait Straits Cape Mount Lake Republic Kingdom Province City Island
    Islands Sultanate Emirate Commonwealth Principality Duchy Port
    """.split()
)


def _possessive_inside_name(stem: str, following: str) -> bool:
    """ "People's Republic", "Workers' Party": a common noun's possessive inside a name."""
    if following not in vocab.ORG_HEADS and following not in vocab.PLACE_HEADS:
        return False
    return (
        lexicon.zipf(stem) >= 4.0
        and lexicon.place(stem) is None
        and names.given_name_strength(stem) < 5
        and stem not in vocab.DEMONYMS
    )


def _shape_piece(
    text: str, toks: list[Tok], known: Mapping[str, str], dropped: list[tuple[int, int, str]]
) -> list[_Occurrence]:
    """Trim, split at titles and country adjectives; return the name segments."""
    words = [t for _, _, t in toks]
    whole = " ".join(words)
    initial = _is_initial(text, toks[0][0])
    if whole in known or (lexicon.place(whole) is not None and not _common_word_start(words, initial)):
        return [_occ(text, toks, initial)]
    # leading words that are not names: "The", "But", sentence-initial "According";
    # an opener with its "of" stays ("Ministry of Health", "Bank of England"), also after "The"
    # "Hillary Clinton arrived": a common word that opens a personal name stays
    personal = len(words) >= 2 and names.person_name_score(words) >= 4
    # "Barnett Banks Inc.", "First Albany Corp.": a company's legal form vouches for the
    # words before it at a sentence's start; function words and dates still go
    company = len(words) >= 2 and words[-1] in vocab.LEGAL_FORMS
    while (
        toks
        and not _opens_a_body(toks)
        and not personal
        and not _opens_with_place(toks)
        and (_not_a_company_start(toks[0][2]) if company else _not_a_name_start(toks[0][2], initial, known))
    ):
        s, e, t = toks.pop(0)
        if initial:
            dropped.append((s, e, t))
        initial = False
        while toks and _is_connector(toks[0][2]):
            toks.pop(0)
    while toks and (_trailing_non_name(toks) or _is_connector(toks[-1][2])):
        toks.pop()
    if not toks:
        return []
    words = [t for _, _, t in toks]
    # titles: "NATO Secretary General Jens Stoltenberg"
    if words[-1] not in vocab.ORG_HEADS and " ".join(words) not in known:
        cut = _title_span(words)
        if cut is not None:
            a, b = cut
            out = []
            if a > 0:
                out.extend(_shape_piece(text, toks[:a], known, dropped))
            if b < len(toks):
                rest = toks[b:]
                occ = _occ(text, rest, False)
                occ.titled = True
                occ.vote(PERSON, 6.0, f"after the title '{' '.join(words[a:b])}'")
                out.append(occ)
            return out
    # a country adjective before a person's name: "Chinese Xi Jinping" is two things
    if len(words) >= 3 and words[0] in vocab.DEMONYMS and words[-1] not in vocab.ORG_HEADS:
        rest_words = words[1:]
        if names.person_name_score(rest_words) >= 5 or known.get(" ".join(rest_words)) == PERSON:
            return [_occ(text, toks[:1], initial), _occ(text, toks[1:], False)]
    return [_occ(text, toks, initial)]


def _trailing_non_name(toks: list[Tok]) -> bool:
    """ "Wednesday", "Month" at the end of a run are not part of the name; heads are."""
    last = toks[-1][2]
    if last not in vocab.NOT_NAMES or last in vocab.PERSON_TITLES:
        return False
    return len(toks) == 1 or not (last in vocab.ORG_HEADS or last in vocab.PLACE_HEADS)


def _common_word_start(words: list[str], initial: bool) -> bool:
    return initial and len(words) == 1 and lexicon.zipf(words[0]) >= 5.0


def _opens_a_body(toks: list[Tok]) -> bool:
    return len(toks) > 2 and toks[0][2] in vocab.ORG_OPENERS | _PLACE_OPENERS and _is_connector(toks[1][2])


def _opens_with_place(toks: list[Tok]) -> bool:
    """ "New York Stock Exchange", "South Africa's": a place's name begins with a word
    that alone would be dropped."""
    return any(lexicon.place(" ".join(t for _, _, t in toks[:k])) for k in (2, 3) if k <= len(toks))


def _not_a_company_start(token: str) -> bool:
    return token in vocab.NOT_NAMES and token not in _COMPANY_OPENERS


_COMPANY_OPENERS = frozenset("First Second Third New United General National Central Western Eastern".split())


def _not_a_name_start(token: str, initial: bool, known: Mapping[str, str]) -> bool:
    if token in ("The", "A", "An") or (token in vocab.NOT_NAMES and token not in vocab.PERSON_TITLES):
        return not (token in known or lexicon.place(token))
    if not initial or token in known or token.isupper():
        return False
    if lexicon.place(token) is not None or token in vocab.DEMONYMS:
        return lexicon.zipf(token) >= 5.2  # "Of", "Best" as sentence openers are words
    if names.given_name_strength(token) >= 6:
        return False
    return lexicon.zipf(token) >= 3.3


# After these the next word is a name whatever else it could be ("Mr. King", "Dr. Major").
_HONORIFICS = frozenset("Mr Mrs Ms Miss Mx Dr Prof Sir Dame Lord Lady".split())


def _title_span(words: list[str]) -> tuple[int, int] | None:
    """[a, b) of the title words in a run, when a name follows or the title ends it."""
    for i, w in enumerate(words):
        if w in vocab.PERSON_TITLES and not (w in vocab.ORG_HEADS or (w == "General" and i == 0)):
            a = i
            while a > 0 and (words[a - 1] in vocab.TITLE_MODIFIERS or words[a - 1] in vocab.PERSON_TITLES):
                a -= 1
            b = i + 1
            honorific = w.rstrip(".") in _HONORIFICS
            while (
                not honorific
                and b < len(words)
                and (
                    words[b] in vocab.PERSON_TITLES
                    or words[b] in vocab.TITLE_MODIFIERS
                    or words[b] in ("of", "of the", "for")
                )
            ):
                b += 1
            while b > i + 1 and words[b - 1] in ("of", "of the", "for"):
                b -= 1
            return a, b
    return None


def _occ(text: str, toks: list[Tok], initial: bool) -> _Occurrence:
    start, end = toks[0][0], toks[-1][1]
    surface = text[start:end]
    return _Occurrence(start, end, surface, tuple(t for _, _, t in toks if not _is_connector(t)), initial)


# --- pass 3: votes ----------------------------------------------------------------


def _vote_shape(occ: _Occurrence, known: Mapping[str, str]) -> None:
    words = list(occ.tokens)
    surface = occ.text
    if surface in known:
        occ.vote(known[surface], 8.0, "in the reference list")
    last = words[-1]
    place = lexicon.place(surface)
    if place is not None:
        weight = _place_weight(place, surface)
        occ.vote(
            PLACE,
            weight,
            f"gazetteer: {place.kind}" + (f" ({place.canonical})" if place.canonical != surface else ""),
        )
    if len(surface.rstrip(".")) == 1:
        occ.vote(OTHER, 10.0, "")  # a lone letter: a list item, a grade, an initial
        return
    if _is_acronym(surface):
        if surface in NOT_ACRONYMS:
            occ.vote(OTHER, 10.0, "")
        elif place is None:
            occ.vote(ORGANIZATION, 3.5, "acronym")
        return
    if len(words) == 1 and (surface in vocab.DEMONYMS or surface.rstrip("s") in vocab.DEMONYMS):
        occ.vote(GROUP, 7.0, "country adjective or group")
        return
    if (last in vocab.ORG_HEADS and len(words) > 1) or (words[0] in vocab.ORG_OPENERS and " of " in surface):
        if words[0] in _PLACE_OPENERS and " of " in surface and last not in vocab.ORG_HEADS:
            occ.vote(PLACE, 5.0, f"'{words[0]} of …'")
        elif not (
            last in ("Bank", "Sea") and words[0] in ("West", "East", "North", "South", "Red", "Black", "Dead")
        ):
            occ.vote(
                ORGANIZATION, 6.0, f"ends in '{last}'" if last in vocab.ORG_HEADS else f"'{words[0]} of …'"
            )
    elif len(words) > 1 and last in vocab.PLACE_HEADS:
        occ.vote(PLACE, 5.0, f"ends in '{last}'")
    elif len(words) > 1 and last in _EVENT_HEADS:
        occ.vote(OTHER, 5.0, f"ends in '{last}'")
    if words[0] in vocab.DEMONYMS and len(words) > 1 and last not in vocab.ORG_HEADS:
        occ.vote(OTHER, 2.0, "")
    person = names.person_name_score(words)
    if person:
        occ.vote(PERSON, min(person, 8) * 0.8, _person_reason(words))
    if len(words) == 1 and not place and surface not in known:
        if names.is_surname(surface):
            occ.vote(PERSON, 1.5, "a surname")
        elif names.given_name_strength(surface) >= 6:
            occ.vote(PERSON, 1.0, "a given name")
        elif lexicon.zipf(surface) >= 5.0 and not surface.isupper():
            occ.vote(OTHER, 2.0, "")  # "Women", "Market": a very common word, capitalised
        elif occ.initial and (lexicon.zipf(surface) >= 3.0 or surface.lower().endswith(_COMMON_ENDINGS)):
            # a capital that only the sentence start explains ("Dockers voted",
            # "Nevertheless"): not a name unless the word is capitalised elsewhere too
            occ.vote(OTHER, 2.0, "")
        else:
            occ.vote(ORGANIZATION, 0.8, "")
            occ.vote(PERSON, 0.7, "")


# Endings of English common nouns, verbs and adverbs, rare in names.
_COMMON_ENDINGS = ("ers", "ing", "ings", "ed", "ly", "tion", "tions", "ment", "ments", "ness", "ities", "ism")

_EVENT_HEADS = frozenset(
    """
    War Wars Crisis Revolution Summit Olympics Games Election Elections Agreement Accord Accords
    Treaty Act Bill Plan Initiative Protocol Convention Doctrine Declaration Charter Award
    Awards Prize Day Week Festival Conference Talks Process Deal Pact Movement Spring Era Age
    Code Constitution Amendment
    """.split()
)


def _person_reason(words: list[str]) -> str:
    if names.looks_like_east_asian_name(words):
        return "East Asian name order (family name first)"
    if names.given_name_strength(words[0]) >= 4:
        return f"'{words[0]}' is a given name"
    return "shaped like a personal name"


def _place_weight(place: lexicon.Place, surface: str) -> float:
    if place.kind in ("country", "continent", "region"):
        weight = 7.0
    elif place.kind == "admin":
        weight = 5.0
    elif place.population >= 1_000_000:
        weight = 6.0
    elif place.population >= 100_000:
        weight = 4.0
    else:
        weight = 2.5
    if " " not in surface:
        if names.given_name_strength(surface) >= 5 or names.is_surname(surface):
            # a person's name too (Jordan, Kent); an administrative area less often so
            weight -= 1.0 if place.kind == "admin" else 2.5
        if lexicon.zipf(surface) >= 4.0 and place.kind == "city" and place.population < 1_000_000:
            weight -= 2.0  # a common word too (Reading, Mobile, Nice)
    return max(weight, 0.5)


def _is_acronym(surface: str) -> bool:
    letters = surface.replace(".", "").replace("&", "")
    return 2 <= len(letters) <= 6 and letters.isupper() and letters.isalpha()


_SPEECH_AFTER = vocab.SPEECH_VERBS
_PLACE_PREPS = frozenset(
    """
    in at near from to into across throughout outside inside via toward towards
    """.split()
)


_SPORTS_WORDS = re.compile(
    r"\b(?:beat|beats|drew|innings|wickets?|goals?|scored|halftime|half-time|league|cup|"
    r"championship|tournament|semi-finals?|quarter-finals?|playoffs?|standings|striker|midfielder|"
    r"goalkeeper|batsman|bowler|pitcher|touchdown|inning|rebounds|seeded|referee|penalty|match|"
    r"matches|points|season|coach|victory|defeat)\b",
    re.I,
)
_TEAM_AFTER = re.compile(
    r"[ \t]*(?:\d|(?:beat|beats|drew|draw|won|lost|lead|led|v|vs|vs\.|held|edged|"
    r"thrashed|routed|crushed|downed|defeated|blanked|rallied|clinched)\b)"
)
_TEAM_BEFORE = re.compile(r"\b(?:beat|v|vs\.?|against|over|at home to|draw with|drew with|lost to)[ \t]*$")


_SCORE_AFTER = re.compile(r"[ \t]+\d{1,3}\b(?![-/.]\d)")  # "NEW YORK 5", not a dateline's date
_LOCATIVE_BEFORE = re.compile(r"\b(?:in|at|near|from|to|into|of|across|outside|around)[ \t]+$", re.I)


def _is_sports_report(text: str) -> bool:
    """Sports news names teams after their towns ("Surrey beat Kent"); a text is read as
    one when sports vocabulary is dense in it."""
    sample = text[:20000]
    words = max(len(sample.split()), 1)
    return len(_SPORTS_WORDS.findall(sample)) / words > 0.015


def _vote_team(text: str, occ: _Occurrence) -> None:
    """In a sports report a town or county followed by a score or by "beat" is a team.
    Countries keep their type: news and its annotation conventions treat national teams
    by their country."""
    if PLACE not in occ.votes or occ.votes.get(PLACE, 0) <= 0:
        return
    place = lexicon.place(occ.text) or lexicon.place(occ.text.title())
    if place is None or place.kind in ("country", "continent", "region"):
        return
    if _TEAM_AFTER.match(text, occ.end) or _TEAM_BEFORE.search(text, max(0, occ.start - 20), occ.start):
        occ.vote(ORGANIZATION, 6.0, "a team named after its town (sports report)")
    elif not _LOCATIVE_BEFORE.search(text, max(0, occ.start - 12), occ.start):
        # "Surrey reached 372", "Essex, however, look certain": a town doing things is its team
        occ.vote(ORGANIZATION, 5.5, "a team named after its town (sports report)")


def _vote_context(text: str, occ: _Occurrence) -> None:
    before = text[max(0, occ.start - 40) : occ.start]
    after = text[occ.end : occ.end + 60]
    for kind, weight, reason in _context_votes(before, after, len(occ.tokens) == 1):
        occ.vote(kind, weight, reason)


@lru_cache(maxsize=16384)
def _context_votes(before: str, after: str, single: bool) -> tuple[tuple[str, float, str], ...]:
    """Votes from the words around a name: a title or role noun before it, a speech verb,
    a preposition of place, "the", an apposition after it."""
    occ = _Occurrence(0, 0, "", (), False)
    wb = _WORD_BEFORE.search(before)
    prev = wb.group(1).lower() if wb else ""
    wa = _WORD_AFTER.match(after)
    punct, nxt = (wa.group(1), (wa.group(2) or "").lower()) if wa else ("", "")
    if prev in vocab.ROLE_NOUNS and not punct:
        occ.vote(PERSON, 3.5, f"after '{prev}'")
    if nxt in _SPEECH_AFTER and not punct and nxt not in ("reports", "reported", "calls", "called", "posted"):
        occ.vote(PERSON, 2.0, f"'{nxt}' follows")
        occ.vote(ORGANIZATION, 0.8, "")
    if prev in _SPEECH_AFTER and before.rstrip().endswith(prev) and not after.startswith(("'s", "’s")):
        occ.vote(PERSON, 1.0, f"after '{prev}'")
    if prev in _PLACE_PREPS:
        occ.vote(PLACE, 1.5 if single else 1.0, f"after '{prev}'")
        occ.vote(ORGANIZATION, 0.5, "")
    if prev == "the":
        occ.vote(ORGANIZATION, 1.5, "after 'the'")
        occ.vote(PLACE, 0.3, "")
        occ.vote(PERSON, -2.0, "")
    if (punct == "," and nxt in ("a", "an", "the", "who", "whose", "aged")) or (
        punct == "," and nxt.isdigit() and len(nxt) <= 2
    ):
        tail = after[wa.end() if wa else 0 :][:40].lower() if wa else ""
        role = tail.split()[0] if tail.split() else ""
        if (
            nxt in ("who", "whose", "aged")
            or nxt.isdigit()
            or role in vocab.ROLE_NOUNS
            or any(w in vocab.ROLE_NOUNS for w in tail.split()[:3])
        ):
            occ.vote(PERSON, 2.5, "apposition")
    if punct == "," and nxt in vocab.ROLE_NOUNS:
        occ.vote(PERSON, 3.0, f"apposition: '{nxt}'")
    if nxt in ("inc", "corp", "ltd", "plc", "llc", "co"):
        occ.vote(ORGANIZATION, 4.0, f"'{nxt}' follows")
    if nxt == "-based" or after.startswith("-based"):
        occ.vote(PLACE, 2.0, "")
    return tuple((kind, weight, occ.reasons_for(kind)) for kind, weight in occ.votes.items())


class _Tally:
    """One type per surface for the whole document: the evidence of all its occurrences,
    added one occurrence at a time."""

    def __init__(self) -> None:
        self.totals: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
        self.reasons: dict[str, dict[str, str]] = defaultdict(dict)

    def add(self, occ: _Occurrence) -> None:
        for kind, weight in occ.votes.items():
            self.totals[occ.text][kind] += weight  # a surface without votes gets no entry
        for reason in occ.reasons:
            self.reasons[occ.text].setdefault(reason, reason)

    def decide(self) -> dict[str, tuple[str, str]]:
        """surface -> (type, the reasons for it), for the surfaces the evidence types."""
        return _decide_types(self.totals, self.reasons)


def _decide_types(
    totals: dict[str, dict[str, float]], reasons: dict[str, dict[str, str]]
) -> dict[str, tuple[str, str]]:
    # full person names lend their type to their parts ("Andrew Small" -> "Small")
    person_parts: dict[str, float] = defaultdict(float)
    for surface, votes in totals.items():
        if " " in surface and votes and max(votes, key=lambda k: votes[k]) == PERSON:
            for part in surface.split():
                if part[:1].isupper() and part not in vocab.NOT_NAMES:
                    person_parts[_strip_possessive(part)] += votes[PERSON]
    # a company's name without its legal form or last word is the company ("NationsBank
    # Corp." -> "NationsBank", "Nissan Motor" -> "Nissan")
    company_bases: set[str] = set()
    for surface, votes in totals.items():
        words = surface.rstrip(".").split()
        if (
            len(words) >= 2
            and (words[-1] in vocab.LEGAL_FORMS or words[-1] in vocab.COMPANY_TAILS)
            and votes
            and max(votes, key=votes.__getitem__) == ORGANIZATION
        ):
            company_bases.add(" ".join(words[:-1]))
    decided: dict[str, tuple[str, str]] = {}
    for surface, votes in totals.items():
        if " " not in surface and surface in person_parts:
            votes[PERSON] += min(person_parts[surface], 6.0) + 2.0
            reasons[surface]["part of a person's name in this text"] = ""
        if surface in company_bases:
            votes[ORGANIZATION] += 8.0
            reasons[surface]["a company named in full in this text"] = ""
        if not votes:
            continue
        kind = max(votes, key=lambda k: votes[k])
        if votes[kind] <= 0.6:
            continue
        decided[surface] = (kind, "; ".join(reasons[surface])[:200])
    return decided


def _strip_possessive(word: str) -> str:
    m = _POSSESSIVE.search(word)
    return word[: m.start()] if m and len(word) > 2 else word


# --- propagation ------------------------------------------------------------------


def _propagate(
    text: str,
    mentions: list[Mention],
    dropped: list[tuple[int, int, str]],
    caps_lines: list[Span],
    skip: list[Span],
    known: Mapping[str, str],
    sports: bool,
) -> list[Mention]:
    """Names the body established, found again where the first pass could not decide:
    sentence-initial words ("Small said") and upper-case headlines."""
    by_surface: dict[str, tuple[str, str]] = {}
    for m in mentions:
        by_surface.setdefault(m.text, (m.type, m.evidence))
    parts: dict[str, str] = {}
    for surface, (kind, _) in by_surface.items():
        if kind == PERSON and " " in surface:
            for part in surface.split():
                if part[:1].isupper() and part not in vocab.NOT_NAMES:
                    parts.setdefault(part, PERSON)
    out: list[Mention] = []
    for s, e, t in dropped:
        known_kind = by_surface[t][0] if t in by_surface else parts.get(t)
        if known_kind in (PERSON, ORGANIZATION, PLACE):
            out.append(Mention(s, e, t, known_kind, "named so elsewhere in this text"))
    if caps_lines:
        lookup = {k.upper(): (k, v[0]) for k, v in by_surface.items() if v[0] in _EMITTED}
        for part, kind in parts.items():
            lookup.setdefault(part.upper(), (part, kind))
        for s, e in caps_lines:
            if _inside(s, skip):
                continue
            out.extend(_match_shouted(text, s, e, lookup, known, sports))
    return out


_SHOUTED_WORD = re.compile(r"[\w.&'’-]+")


def _match_shouted(
    text: str,
    start: int,
    end: int,
    lookup: dict[str, tuple[str, str]],
    known: Mapping[str, str],
    sports: bool,
) -> list[Mention]:
    words = [(m.start() + start, m.end() + start, m.group()) for m in _SHOUTED_WORD.finditer(text[start:end])]
    out: list[Mention] = []
    i = 0
    while i < len(words):
        hit = None
        for n in (4, 3, 2, 1):
            if i + n > len(words):
                continue
            s, e = words[i][0], words[i + n - 1][1]
            phrase = text[s:e]
            key = phrase.upper()
            if key in lookup:
                hit = (s, e, lookup[key][1], "named so in the body")
            else:
                titled = phrase.title()
                place = lexicon.place(titled)
                if place is not None and (
                    place.kind in ("country", "continent", "region", "admin") or place.population >= 200_000
                ):
                    hit = (s, e, PLACE, f"gazetteer: {place.kind}")
                    if sports and place.kind in ("admin", "city") and _SCORE_AFTER.match(text, e):
                        hit = (s, e, ORGANIZATION, "a team named after its town (sports report)")
                elif phrase in known or titled in known:
                    hit = (s, e, known.get(phrase) or known[titled], "in the reference list")
            if hit:
                out.append(Mention(hit[0], hit[1], text[hit[0] : hit[1]], hit[2], hit[3]))
                i += n
                break
        else:
            i += 1
    return out


def _without_overlaps(mentions: list[Mention]) -> list[Mention]:
    mentions.sort(key=lambda m: (m.start, -(m.end - m.start)))
    out: list[Mention] = []
    last_end = -1
    for m in mentions:
        if m.start >= last_end:
            out.append(m)
            last_end = m.end
    return out

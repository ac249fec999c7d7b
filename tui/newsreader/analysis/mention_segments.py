"""Pass 2 of the mention finder: a run cut into the names it holds.

A run is cut where English puts two names side by side: before a title ("NATO |
Secretary General | Jens Stoltenberg"), at a possessive ("China's | Foreign Ministry"),
at "and", after a country adjective before a person. Sentence-initial common words
("According", "Some") are dropped, and reported so that a later pass can find them again
when the text names them elsewhere.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from newsreader.analysis import lexicon, names, vocab
from newsreader.analysis.mention_evidence import Occurrence, Tok
from newsreader.analysis.mention_runs import (
    FORMAT_CHARACTERS,
    POSSESSIVE,
    TOKEN_IN_RUN,
    is_acronym,
    is_initial,
    without_format,
)
from newsreader.analysis.model import PERSON
from newsreader.analysis.weights import CUTOFFS, WEIGHTS


def segments(
    text: str, start: int, end: int, known: Mapping[str, str], dropped: list[Tok]
) -> list[Occurrence]:
    """The name segments of the run `text[start:end]`; sentence-initial words cut off are
    added to `dropped`."""
    toks = [(m.start(), m.end(), m.group()) for m in TOKEN_IN_RUN.finditer(text, start, end)]
    if _FORMAT_CHARACTER.search(text, start, end):  # rare: a run read past a soft hyphen
        toks = [(s, e, without_format(t)) for s, e, t in toks]
    pieces = _split_pieces(text, toks)
    out: list[Occurrence] = []
    for piece in pieces:
        out.extend(_shape_piece(text, piece, known, dropped))
    return out


def _split_pieces(text: str, toks: list[Tok]) -> list[list[Tok]]:
    """Cut a run at possessives, hyphen-lowercase compounds and unjustified connectors."""
    pieces: list[list[Tok]] = [[]]
    for i, (s, e, t) in enumerate(toks):
        cur = pieces[-1]
        apostrophe = "'" in t or "’" in t  # a contraction and a possessive have one
        if (apostrophe and _CONTRACTION.fullmatch(t)) or (cur and _is_speech_verb(t)):
            # "I’m", "We’ll" are no names; "Dana Whitfield Says …": the verb ends the name
            pieces.append([])
            continue
        if _is_connector(t):
            if not cur or i + 1 >= len(toks) or not _keep_connector(cur, t, toks[i + 1 :]):
                pieces.append([])
            else:
                cur.append((s, e, t))
            continue
        # "Chinese-proposed", "US-based": the name is the part before the hyphen
        cut = _HYPHEN_LOWER.search(t) if "-" in t else None
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
        poss = POSSESSIVE.search(t) if apostrophe else None
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


_FORMAT_CHARACTER = re.compile(f"[{FORMAT_CHARACTERS}]")
_HYPHEN_LOWER = re.compile(r"-(?=[a-z])")
# a pronoun's contraction: "I’m", "We’ll", "They’re", "You’ve", "I’d"
_CONTRACTION = re.compile(r"[^\W\d_]+['’](?:m|ll|re|ve|d)")


def _is_speech_verb(token: str) -> bool:
    """ "Says", "Tells" in a title-case headline: a speech verb, written with a capital,
    after the name of its speaker; "Reports", "Notes", which name things too, are not, nor
    is "Said", a person's name too (Edward Said)."""
    word = token.lower()
    return (
        token[:1].isupper()
        and not token.isupper()
        and word in vocab.SPEECH_VERBS
        and word not in _SPEECH_NOUNS_TOO
        and names.given_name_strength(token) == 0
        and not names.is_surname(token)
    )


# speech verbs that are nouns too, and end names ("Consumer Reports", "Cliffs Notes")
_SPEECH_NOUNS_TOO = frozenset("reports notes posts calls comments remarks claims states statements".split())


def _english_suffix(rest: str) -> bool:
    """ "-proposed", "-based", "-style" are English; "-myung", "-ho" are syllables of a name."""
    head = re.split(r"[-'’]", rest)[0]
    return lexicon.zipf(head) >= CUTOFFS.english_suffix or head.endswith(("ed", "ing"))


def _is_connector(token: str) -> bool:
    return token[0].islower() or token == "&"


def _keep_connector(before: list[Tok], connector: str, after: list[Tok]) -> bool:
    if len(before) > 1 and before[0][2] in ("The", "A", "An"):
        before = before[1:]  # "The Organisation for Security and ...": the article is not the name
    first = before[0][2]
    last = before[-1][2]
    if connector == "&":
        return True
    if last in vocab.LEGAL_FORMS:
        return False  # a legal form ends a company's name: "Harrowgate Paper Co | of the | United States"
    if connector.lower() in vocab.PARTICLES:
        return True  # "Charles de Gaulle", "Ursula von der Leyen"
    openers = _OPENERS_AND_TITLES
    if connector == "of the" and last in vocab.ORG_HEADS and after[-1][2] in vocab.ORG_HEADS:
        return False  # "Eurasia Department | of the | Foreign Ministry": one body inside another
    if connector in ("of", "of the"):
        return (
            first in openers or last in openers or last in vocab.ORG_HEADS or first in vocab.TITLE_MODIFIERS
        )
    if connector == "in":
        return _body_named_in_place(before, after)
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
            and not is_acronym(first)  # "the KPB and Transport Department": two bodies
            and rest[-1] in vocab.ORG_HEADS
            and len(rest) <= 3
            and all(t[:1].isupper() for t in rest)
            and lexicon.place(first) is None
        )
    return False


_OPENERS = vocab.ORG_OPENERS | vocab.PLACE_OPENERS
_OPENERS_AND_TITLES = _OPENERS | vocab.PERSON_TITLES


def _body_named_in_place(before: list[Tok], after: list[Tok]) -> bool:
    """ "Human Rights in China": a body named for its cause and its country. Kept whole
    only when two or more everyday words come before "in", none a place, a title, a given
    name or a surname ("Tom Hill in Texas" is a person, and where he is), and the rest of
    the run is a place. A body whose name ends in a head ("Ministry of Health in Lima") or a
    legal form is the body, and the place where it acts another name."""
    words = [t for _, _, t in before]
    rest = " ".join(t for _, _, t in after)
    return (
        len(words) >= 2
        and lexicon.place(" ".join(words)) is None  # "The Big Apple in New York": two places
        and words[-1] not in vocab.ORG_HEADS
        and words[-1] not in vocab.LEGAL_FORMS
        and all(
            lexicon.zipf(w) >= CUTOFFS.org_phrase_in_place
            and lexicon.place(w) is None
            and w not in vocab.NOT_NAMES
            and w not in vocab.PERSON_TITLES
            and names.given_name_strength(w) == 0
            and not names.is_surname(w)
            for w in words
        )
        and lexicon.place(rest) is not None
    )


def _possessive_inside_name(stem: str, following: str) -> bool:
    """ "People's Republic", "Workers' Party": a common noun's possessive inside a name."""
    if following not in vocab.ORG_HEADS and following not in vocab.PLACE_HEADS:
        return False
    return (
        lexicon.zipf(stem) >= CUTOFFS.possessive_in_name
        and lexicon.place(stem) is None
        and names.given_name_strength(stem) < WEIGHTS.given_name_too
        and stem not in vocab.DEMONYMS
    )


def _shape_piece(
    text: str, toks: list[Tok], known: Mapping[str, str], dropped: list[Tok]
) -> list[Occurrence]:
    """Trim, split at titles and country adjectives; return the name segments."""
    words = [t for _, _, t in toks]
    whole = " ".join(words)
    initial = is_initial(text, toks[0][0])
    if whole in known or (lexicon.place(whole) is not None and not _common_word_start(words, initial)):
        return [_occ(text, toks, initial)]
    # leading words that are not names: "The", "But", sentence-initial "According";
    # an opener with its "of" stays ("Ministry of Health", "Bank of England"), also after "The"
    # "Hillary Clinton arrived": a common word that opens a personal name stays
    personal = len(words) >= 2 and names.person_name_score(words) >= WEIGHTS.personal_name
    # "Barnett Banks Inc.", "First Albany Corp.": a company's legal form vouches for the
    # words before it at a sentence's start; function words and dates still go
    company = len(words) >= 2 and words[-1] in vocab.LEGAL_FORMS
    while (
        toks
        # a first word that could stay is the common case, and the cheapest test: the
        # gazetteer is asked only about a word that would be dropped
        and (_not_a_company_start(toks[0][2]) if company else _not_a_name_start(toks[0][2], initial, known))
        and not personal
        and not _opens_a_body(toks)
        and not _opens_with_place(toks)
    ):
        s, e, t = toks.pop(0)
        if initial:
            dropped.append((s, e, t))
        initial = False
        while toks and _is_connector(toks[0][2]):
            toks.pop(0)
    while toks and (_trailing_non_name(toks) or _is_connector(toks[-1][2]) or _stray_capital(toks)):
        if _ends_in_place(toks):
            break  # "The United States": "States" ends a place's name
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
            if b < len(toks) and _is_connector(toks[b][2]):
                # "Lord of the Rings", "Duke of Kent": what follows the title is its domain
                rest = toks[b:]
                while rest and _is_connector(rest[0][2]):
                    rest = rest[1:]
                if rest:
                    out.extend(_shape_piece(text, rest, known, dropped))
            elif b < len(toks):
                occ = _occ(text, toks[b:], False)
                occ.vote(PERSON, WEIGHTS.after_title, f"after the title '{' '.join(words[a:b])}'")
                out.append(occ)
            return out
    # "Harlow United Dominic Farrell", "KPB Thomas Ridley": a body's name before a person's
    person_at = _person_after_body(words)
    if person_at is not None:
        occ = _occ(text, toks[person_at:], False)
        return [*_shape_piece(text, toks[:person_at], known, dropped), occ]
    # a country adjective before a person's name: "Chinese Xi Jinping" is two things
    if len(words) >= 3 and words[0] in vocab.DEMONYMS and words[-1] not in vocab.ORG_HEADS:
        rest_words = words[1:]
        if (
            names.person_name_score(rest_words) >= WEIGHTS.person_after_demonym
            or known.get(" ".join(rest_words)) == PERSON
        ):
            return [_occ(text, toks[:1], initial), _occ(text, toks[1:], False)]
    return [_occ(text, toks, initial)]


def _person_after_body(words: list[str]) -> int | None:
    """Where a personal name of two words or more starts after a body's name
    in one run ("Harlow United | Dominic Farrell", "KPB | Thomas Ridley"): the words
    before it hold an acronym or end in an organisation head, and are not one given name;
    the name after ends in neither a head nor a country adjective ("UN Roman Catholic").
    The last such start is taken."""
    for i in range(len(words) - 2, 0, -1):
        before = words[:i]
        if (
            names.given_name_strength(words[i]) > 0
            and names.person_name_score(words[i:]) > 0
            and words[-1] not in vocab.ORG_HEADS
            and words[-1] not in vocab.DEMONYMS
            and not (len(before) == 1 and names.given_name_strength(before[0]) >= WEIGHTS.given_name_too)
            and (any(is_acronym(w) for w in before) or before[-1] in vocab.ORG_HEADS)
        ):
            return i
    return None


def _stray_capital(toks: list[Tok]) -> bool:
    """ "Elena Marsh Whitcombe T": a lone capital without its point after a name of two words or more
    is a typing slip or a truncation, not an initial; roman numerals (World War I) stay."""
    last = toks[-1][2]
    return len(toks) >= 3 and len(last) == 1 and last.isupper() and last not in "IVX"


def _ends_in_place(toks: list[Tok]) -> bool:
    return any(
        lexicon.place(" ".join(t for _, _, t in toks[-k:])) is not None for k in (2, 3) if k <= len(toks)
    )


def _trailing_non_name(toks: list[Tok]) -> bool:
    """ "Wednesday", "Month" at the end of a run are not part of the name; heads are."""
    last = toks[-1][2]
    if last not in vocab.NOT_NAMES or last in vocab.PERSON_TITLES:
        return False
    return len(toks) == 1 or not (last in vocab.ORG_HEADS or last in vocab.PLACE_HEADS)


def _common_word_start(words: list[str], initial: bool) -> bool:
    return initial and len(words) == 1 and lexicon.zipf(words[0]) >= CUTOFFS.common_word_start


def _opens_a_body(toks: list[Tok]) -> bool:
    return len(toks) > 2 and toks[0][2] in _OPENERS and _is_connector(toks[1][2])


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
        return lexicon.zipf(token) >= CUTOFFS.place_word_start  # "Of", "Best" as sentence openers are words
    if names.given_name_strength(token) >= WEIGHTS.strong_given_name:
        return False
    return lexicon.zipf(token) >= CUTOFFS.sentence_start_word


def _title_span(words: list[str]) -> tuple[int, int] | None:
    """[a, b) of the title words in a run, when a name follows or the title ends it."""
    for i, w in enumerate(words):
        if w in vocab.PERSON_TITLES and not (w in vocab.ORG_HEADS or (w == "General" and i == 0)):
            a = i
            while a > 0 and (words[a - 1] in vocab.TITLE_MODIFIERS or words[a - 1] in vocab.PERSON_TITLES):
                a -= 1
            b = i + 1
            honorific = w.rstrip(".") in vocab.HONORIFICS
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


def _occ(text: str, toks: list[Tok], initial: bool) -> Occurrence:
    start, end = toks[0][0], toks[-1][1]
    surface = without_format(text[start:end])  # the offsets still index the text as it is
    return Occurrence(start, end, surface, tuple(t for _, _, t in toks if not _is_connector(t)), initial)

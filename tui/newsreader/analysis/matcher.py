"""Are two names the same name? A score 0-100, a verdict and the reasons.

Plain string similarity cannot decide this: "Lu Shaye"/"Liu Shaye" differ by one letter
and are different people; "Wolodymyr Selenskyj"/"Volodymyr Zelenskyy" differ by four
and are one. So names are compared token by token:

1. Normalise: any script to ASCII (anyascii), "SURNAME, Given" reordered, case, accents,
   punctuation, titles ("President", "Dr") and particles (al, bin, de, van) set apart.
2. Align tokens one to one, in any order (Chinese and Hungarian put the family name
   first), by the best similarity: equal, an initial ("V." for Vladimir), the same
   sound (a consonant skeleton that folds transliteration variants: Zelensky, Selenskyj,
   Zelenskiy), or edit similarity for typos.
3. Score the shorter name's tokens: every one must find its counterpart. A token that
   meets a clearly different one ("Roman"/"Robert" Fico) makes the names different;
   missing middle names cost little.

`compare` is pure and cached per name, a few tens of microseconds a pair.
"""

from __future__ import annotations

import itertools
import operator
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from rapidfuzz.distance import Hamming, Indel, Levenshtein

from newsreader.analysis import legalforms, lexicon, numberwords, vocab
from newsreader.analysis.namerules import (
    NEAR_MISS,
    WEIGHTS,
    Aligned,
    Pair,
    Weights,
    apply_rules,
    common_given_name,
    kinds_apart,
)
from newsreader.analysis.translit import to_ascii

SAME = "same"
MAYBE = "maybe"
DIFFERENT = "different"


@dataclass(frozen=True)
class Thresholds:
    """Verdict cut-offs; tuned for F1 of `same` on labelled name pairs (see the README)."""

    same: float = 70.0
    maybe: float = 55.0

    def verdict(self, score: float) -> str:
        return SAME if score >= self.same else MAYBE if score >= self.maybe else DIFFERENT


DEFAULT_THRESHOLDS = Thresholds()

# Titles in the languages names reach us in ("Presiden Putin", "Putyin elnök").
TITLES = frozenset(
    """mr mrs ms miss mx dr prof sir dame lord lady president presiden presidente praesident
    prasident prezident prezydent predsjednik presedintele presedinte elnok presidentti premier
    chancellor minister secretary senator sen rep gov governor mayor general gen colonel col
    captain capt king queen prince princess sheikh shaikh sheik emir imam ayatollah pope saint st
    excellency honourable honorable rt hon judge justice ambassador commander admiral marshal
    comrade herr frau monsieur madame mme mlle senor senora don dona""".split()
)
PARTICLES = frozenset(
    "al el ul ad ar as ash at az bin ben ibn bint abu ould de del della der den van von da di du dos "
    "das la le y e und and of the".split()
)
# Particles that also begin hyphenated Arabic names (al-Assad): split off, not joined.
_ARTICLES = frozenset("al el ul ad ar as ash at az an".split())
_PATRONYMIC = frozenset("bin ben ibn bint ould".split())
SUFFIXES = frozenset("jr sr ii iii iv junior senior".split())
# Legal forms of companies, compared apart from the name (Siemens AG = Siemens), in many
# languages (data/legal_forms.tsv)
LEGAL_FORMS = legalforms.SHORT
# Words joining two names into one mention ("Health and Education Department")
_CONJUNCTIONS = frozenset("and und et".split())


class NameForm(NamedTuple):
    """A name normalised for comparison (a tuple: built for every new name, so cheap)."""

    original: str
    tokens: tuple[str, ...]  # folded content tokens, in order
    particles: tuple[str, ...]
    suffix: str  # jr / sr / roman numeral, when written
    transliterated: bool  # the name was not in Latin script
    accented: bool  # written with letters beyond ASCII (Vlagyimir Putyin, Dmitrović)
    ideographic: bool  # Chinese, Japanese or Korean script: every character is a syllable
    patronymic: bool  # has bin / ibn / ben: the order of the parts carries meaning
    joined: str  # the tokens written together (Jeanmarie for Jean-Marie, Jean Marie)
    distinct: bool  # no part written twice (Mohammad ... Mohammad), so parts align by value
    letters: bool  # only single letters, two or more (U.S.S.R., D.C.): an abbreviation
    bigrams: frozenset[str]  # adjacent parts written together (jeanmarie of Jean Marie)
    titles: tuple[str, ...]  # titles set apart (president, prince)
    legal: bool  # a company's legal form was written (AG, Limited, OOO)
    conjoined: bool  # "and" or "&" between its words: two names run together, or one body's
    adjectival: bool  # nationality adjectives joined (Russian-Swiss): a description, not a name
    spelt: str  # the parts and particles written together (vanderbilt of Van der Bilt)

    @property
    def key(self) -> str:
        return " ".join(self.tokens)


_NO_BIGRAMS: frozenset[str] = frozenset()
_SPLIT = re.compile(r"[^a-z0-9-]+")
_WORD = re.compile(r"[a-z0-9]+")
_DIGIT = re.compile(r"\d")
_POSSESSIVE = re.compile(r"(?<=[a-z])'s(?=\s+[a-z])")  # Japan's Foreign Ministry; McDonald's keeps its s
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_OPENING_HAMZA = re.compile(r"(?<![^\s-])['`]")
# Abbreviations in the names of companies and bodies, written out (Kaspersky Lab = Kaspersky
# Laboratory); none is also a common given name or surname.
_ABBREVIATIONS = {
    "intl": "international", "natl": "national", "mfg": "manufacturing", "assn": "association",
    "assoc": "association", "dept": "department", "univ": "university", "inst": "institute",
    "lab": "laboratory", "labs": "laboratories", "grp": "group", "hldgs": "holdings",
    "hldg": "holding", "svcs": "services", "svc": "service", "pharm": "pharmaceutical",
    "ctr": "center", "centre": "center", "mgmt": "management", "bros": "brothers",
    "tech": "technology", "chem": "chemical", "elec": "electric",
}  # fmt: skip
_ABBREVIATED = frozenset(_ABBREVIATIONS)
# Words that are not content tokens, or not always: one set test skips the per-word rules
_FUNCTION_WORDS = TITLES | PARTICLES | SUFFIXES | LEGAL_FORMS
_DROPPED = TITLES | SUFFIXES | LEGAL_FORMS
# Words that may begin a spelt-out legal form or a number: one set test skips both rewrites
_REWRITTEN_FROM = legalforms.PHRASE_STARTS | numberwords.WORDS


@lru_cache(maxsize=262_144)
def name_form(name: str, titles_apart: bool = True) -> NameForm:
    """`name` normalised for comparison. `titles_apart`: a person's titles are set apart
    (President Putin); a body's name keeps them (General Motors, Premier Oil)."""
    text = name.strip()
    if "," in text and text.count(",") == 1:
        family, given = (part.strip() for part in text.split(","))
        if family and given and len(given.split()) <= 4 and not _is_legal_form(given):
            text = f"{given} {family}"
    transliterated = ideographic = False
    if text.isascii():
        ascii_text = text
    elif (top := max(text)) < "\u0370":  # Latin letters with accents (Nicușor, Vučić) only
        ascii_text = to_ascii(text)
    else:
        if "\u0627\u0644" in text and _ARABIC_ARTICLE.search(text):
            text = _ARABIC_ARTICLE.sub("", text)  # الأسد is "the Assad": al- is an article
        if top >= "\u0391" and _GREEK_STOP.search(text):
            text = _GREEK_STOP.sub(_greek_stop, text)
        transliterated = _non_latin(text)
        ideographic = top >= "\u3040" and _ideographic(text)
        ascii_text = _cjk_words(text) if ideographic else to_ascii(text)
        if transliterated and not ideographic:
            ascii_text = _CAMEL.sub(" ", ascii_text)  # syllables run together (Thai, Khmer)
    if transliterated and ("'" in ascii_text or "`" in ascii_text):
        # a hamza or ain opening an Arabic word carries a vowel (أسد -> 'sd -> asd)
        ascii_text = _OPENING_HAMZA.sub("a", ascii_text)
    if _GLUED_FORM.search(ascii_text):
        ascii_text = _GLUED_FORM.sub(_unglue_legal_form, ascii_text)  # AcmeAG = Acme AG
    lowered = ascii_text.lower()
    if "'" in lowered or "`" in lowered:
        # Japan's Foreign Ministry: a possessive before another word, not a part "japans"
        lowered = _POSSESSIVE.sub("", lowered).replace("'", "").replace("`", "")
    if "." in lowered:
        lowered = _DOTTED.sub(_undot_legal_form, lowered)  # S.A. -> sa, N.V. -> nv
    raw = _WORD.findall(lowered)  # the tokens, unless rewritten below
    rewritten = "-" in lowered
    if not _REWRITTEN_FROM.isdisjoint(raw) or _DIGIT.search(lowered):
        if not legalforms.PHRASE_STARTS.isdisjoint(raw):
            lowered = legalforms.spell_short(lowered)
        lowered = numberwords.as_digits(lowered)  # Brigade Forty-Four = Brigade 44
        rewritten = True
    adjectival = "-" in lowered and _adjectival(lowered)
    if rewritten:
        raw = _raw_tokens(lowered)
    if "abd" in lowered:
        raw = _theophoric(raw)
    if not _ABBREVIATED.isdisjoint(raw):
        raw = [_ABBREVIATIONS.get(tok, tok) for tok in raw]
    particles: list[str] = []
    titles: list[str] = []
    if ideographic or _FUNCTION_WORDS.isdisjoint(raw):  # CJK syllables (la, de) are not particles
        tokens, suffix, legal = raw, "", False
    else:
        # a legal form leads a company's name in capitals (AB Volvo, OOO Vostok), but Asa
        # Hutchinson is a person
        lead = ascii_text.lstrip().split(" ", 1)[0]
        tokens, particles, suffix, titles, legal = _set_apart(
            raw, lead.isupper() and not ascii_text.isupper(), titles_apart
        )
    conjoined = "&" in text or not _CONJUNCTIONS.isdisjoint(raw[1:-1])
    parts = tuple(tokens)
    joined = "".join(parts)
    return NameForm(
        name,
        parts,
        tuple(particles),
        suffix,
        transliterated,
        not text.isascii(),
        ideographic,
        not _PATRONYMIC.isdisjoint(particles),
        joined,
        len(set(parts)) == len(parts),
        len(parts) > 1 and len(joined) == len(parts),
        frozenset(map(operator.add, parts, parts[1:])) if len(parts) > 1 else _NO_BIGRAMS,
        tuple(titles),
        legal,
        conjoined,
        adjectival,
        "".join(t for t in raw if t not in _DROPPED) if particles else joined,
    )


def _raw_tokens(lowered: str) -> list[str]:
    if "-" not in lowered:
        return _WORD.findall(lowered)
    raw: list[str] = []
    for part in _SPLIT.split(lowered):
        if "-" not in part:
            if part:
                raw.append(part)
            continue
        pieces = [p for p in part.split("-") if p]
        if not pieces:
            continue
        if pieces[0] in _ARTICLES and len(pieces) > 1:
            raw.append(pieces[0])
            pieces = pieces[1:]
        raw.append("".join(pieces))  # Jean-Marie, Chin-ping: one name part
    return raw


def _set_apart(
    raw: list[str], lead_form: bool, titles_apart: bool
) -> tuple[list[str], list[str], str, list[str], bool]:
    """Content tokens, particles, suffix, the titles dropped, and whether a legal form was.
    `lead_form`: the first word may be a legal form even if it is also a given name;
    `titles_apart`: titles are dropped (a person's name), else kept as parts."""
    tokens: list[str] = []
    particles: list[str] = []
    titles: list[str] = []
    suffix = ""
    legal = False
    for i, tok in enumerate(raw):
        if tok in SUFFIXES and i > 0:
            suffix = {"junior": "jr", "senior": "sr"}.get(tok, tok)
        elif tok in TITLES and len(raw) > 1 and titles_apart:
            titles.append(tok)
        elif tok in PARTICLES and i < len(raw) - 1 and (i > 0 or tok in _ARTICLES or tok == "the"):
            particles.append(tok)  # "E. Macron": a first "e" is an initial, not Portuguese "e"
        elif (
            tok in LEGAL_FORMS
            and len(raw) > 1
            and (i > 0 or lead_form or lexicon.given_name(tok.title()) is None)
        ):
            legal = True  # "PJSC Gazprom", "Siemens AG"
        else:
            tokens.append(tok)
    if not tokens and raw:
        tokens = raw[-1:]
    return tokens, particles, suffix, titles, legal


# Theophoric Arabic names: Abd al-Rahman, Abdul Rahman, Abdelrahman are one name ("servant
# of the Merciful"), its halves written apart or together, with or without the article:
# each is written "abd rahman".
_ABD = ("abdoul", "abdul", "abdel", "abdal", "abdol", "abdu", "abd")


def _theophoric(raw: list[str]) -> list[str]:
    out: list[str] = []
    for tok in raw:
        if tok in _ABD:
            out.append("abd")
            continue
        prefix = next((p for p in _ABD[:-1] if tok.startswith(p)), "") if tok.startswith("abd") else ""
        if prefix and len(tok) >= len(prefix) + 4:  # not Abdullah / Abdallah
            out += ["abd", tok[len(prefix) :]]
        else:
            out.append(tok)
    return out


def _adjectival(lowered: str) -> bool:
    """A word of nationality adjectives joined by hyphens (Russian-Swiss, Sino-Soviet)?"""
    return any(
        all(piece.title() in vocab.DEMONYMS for piece in word.split("-") if piece)
        for word in lowered.split()
        if "-" in word.strip("-")
    )


# Greek writes b, d and g as μπ, ντ, γκ at the start of a word and after a consonant
# (Ντόναλντ is Donald, Μπάιντεν Biden); after a vowel they are mb, nd, ng (Τραμπ, Tramp).
_GREEK_STOP = re.compile("(?<![αεηιουωάέήίόύώϊϋΐΰΑΕΗΙΟΥΩΆΈΉΊΌΎΏΪΫ])(?:[νΝ][τΤ]|[μΜ][πΠ]|[γΓ][κΚ])")
_GREEK_STOP_SOUND = {"ν": "d", "Ν": "D", "μ": "b", "Μ": "B", "γ": "g", "Γ": "G"}


def _greek_stop(m: re.Match[str]) -> str:
    return _GREEK_STOP_SOUND[m.group()[0]]


# Between the words of a name Chinese and Japanese write an interpunct, not a space
_CJK_SEPARATORS = re.compile("[\\s\u00b7\u2022\u2027\u30a0\u30fb\uff1d\uff65=]+")


def _cjk_words(text: str) -> str:
    """Chinese, Japanese or Korean script in Latin letters, one token per word. A name
    written as one run (习近平, 김정은) is a family name and a given name, a syllable a
    character; in a name of several words (블라디미르 푸틴, ウラジーミル・プーチン)
    each word is one name part, its syllables together."""
    words = [w for w in _CJK_SEPARATORS.split(text) if w]
    if len(words) == 1:
        return _CAMEL.sub(" ", to_ascii(words[0]))
    return " ".join(to_ascii(w) for w in words)


_ARABIC_ARTICLE = re.compile("(?<![\u0600-\u06ff])\u0627\u0644(?=[\u0600-\u06ff]{2})")
_DOTTED = re.compile(r"\b(?:[a-z]\.){2,}")


# A legal form run into the name before it, told by its capital (AcmeAG, NordwindGmbH)
_GLUED_FORM = re.compile(r"(?<=[a-z])[A-Z][A-Za-z]{1,4}\b")


def _unglue_legal_form(m: re.Match[str]) -> str:
    form = m.group()
    return f" {form}" if form.lower() in LEGAL_FORMS and form.lower() != "co" else form


def _undot_legal_form(m: re.Match[str]) -> str:
    joined = m.group().replace(".", "")
    return f" {joined} " if joined in LEGAL_FORMS else m.group()


def _is_legal_form(text: str) -> bool:
    return all(t in LEGAL_FORMS for t in re.split(r"[^a-z]+", text.lower()) if t)


def _ideographic(text: str) -> bool:
    """Chinese, Japanese kana or Korean Hangul in the text?"""
    return any(
        "\u3040" <= c <= "\u30ff" or "\u3400" <= c <= "\u9fff" or "\uac00" <= c <= "\ud7af" for c in text
    )


def _non_latin(text: str) -> bool:
    """Letters of a script other than Latin (Greek and on; punctuation blocks left out)?
    Plain comparisons: a regex class this wide costs 15 ms to compile at every start."""
    return any(
        "\u0370" <= c <= "\u1dff" or "\u2c00" <= c <= "\u2dff" or "\u3040" <= c <= "\ud7ff" or c >= "\uf900"
        for c in text
    )


# Transliteration variants folded to one spelling: Zelensky/Selenskyj, Hsi/Xi, Bwtyn/Putin
# (Arabic script has no p and writes v as f), Poytin/Putin. Plain str operations: this
# runs for every new name part, and regular expressions cost five times as much.
_DIGRAPH_SOUNDS = (
    ("tsch", "j"), ("sch", "j"), ("tch", "j"), ("dzh", "j"), ("sh", "j"), ("zh", "j"), ("dj", "j"),
    ("ch", "j"), ("tz", "s"), ("ts", "s"),
    ("ph", "f"), ("th", "t"), ("dh", "d"), ("kh", "h"), ("gh", "h"), ("ck", "k"),
)  # fmt: skip
# g/h: Ukrainian writes h where Russian writes g (Bohdan/Bogdan, Olha/Olga, Hryhoriy/Grigoriy)
_LETTER_SOUND = str.maketrans(
    {"c": "k", "q": "k", "x": "ks", "z": "s", "w": "f", "v": "f", "p": "b", "g": "h"}
)
_DROP_VOWELS = str.maketrans("", "", "aeiouyj")
_VOWEL_W = re.compile(r"(?<=[bcdfghjklmnpqrstvxz])w")  # a vowel w (Persian pwtyn)


@lru_cache(maxsize=262_144)
def sound(token: str) -> str:
    """A consonant skeleton: the first letter, then consonants, transliteration-folded."""
    s = token
    if s.startswith("hs") and s[2:3] in ("a", "e", "i", "o", "u", "y"):
        s = s[1:]  # Wade-Giles: Hsi = Xi (not Arabic hsn, Hasan)
    elif s.startswith("x"):
        s = "s" + s[1:]
    if "h" in s or "t" in s or "dj" in s or "ck" in s:
        for digraph, repl in _DIGRAPH_SOUNDS:
            if digraph in s:
                s = s.replace(digraph, repl)
    if "w" in s:
        s = _VOWEL_W.sub("", s)
    s = s.translate(_LETTER_SOUND)
    if not s:
        return token
    out = "a" if s[0] in "aeiouy" else s[0]
    last = ""
    for ch in s[1:].translate(_DROP_VOWELS):
        if ch != last:  # doubled consonants, and those meeting once vowels are gone
            out += ch
            last = ch
    return out


# Across scripts only the classes of consonants survive: Korean and Japanese have one
# letter for l and r and none for v (블라디미르, beulladimireu, is Vladimir), s, z, sh
# and j fall together (젤렌스키, jellenseuki, is Zelensky), Arabic and Hebrew write p as
# f or b, voicing comes and goes (Donald, 도널드 doneoldeu, ドナルド donarudo), and vowels
# are added to break up consonants. n before b or p is said m (トランプ, toranpu, Trump).
_COARSE_CLASSES = str.maketrans({
    "p": "b", "f": "b", "v": "b", "w": "b", "c": "k", "q": "k", "g": "k", "x": "ks",
    "z": "s", "j": "s", "d": "t", "l": "r",
})  # fmt: skip
_COARSE_DROP = str.maketrans("", "", "aeiouyh")
_DOUBLED = re.compile(r"(.)\1+")
_VOWEL_GROUP = re.compile("[aeiouy]+")


def _vowel_poor(token: str) -> bool:
    """Written the way Arabic and Hebrew script write it: short vowels left out."""
    return len("".join(_VOWEL_GROUP.findall(token))) < 0.3 * len(token)


def _same_syllables(a: str, b: str) -> bool:
    """As many syllables in both, where both were written with their vowels? Arabic and
    Hebrew script leave short vowels out (روحاني, rwhny, is Rouhani): no count there."""
    if _vowel_poor(a) or _vowel_poor(b):
        return True
    return len(_VOWEL_GROUP.findall(a)) == len(_VOWEL_GROUP.findall(b))


@lru_cache(maxsize=65_536)
def coarse_sound(token: str, dentals_apart: bool = False) -> str:
    """The consonant classes of a token, for comparing names written in different scripts."""
    s = token.replace("gh", "g")  # Arabic ghain writes a foreign g (غوتيريش, Guterres)
    if s.endswith("j"):
        s = s[:-1]  # a closing glide: Selenskyj, Zelenskiy
    if "h" in s or "t" in s or "dj" in s or "ck" in s:
        for digraph, repl in _DIGRAPH_SOUNDS:
            if digraph in s:
                s = s.replace(digraph, repl)
    if "np" in s or "nb" in s:
        s = s.replace("np", "mp").replace("nb", "mb")
    if dentals_apart:
        s = s.replace("d", "\0")  # kept out of the d -> t class, put back below
    s = s.translate(_COARSE_CLASSES)
    if dentals_apart:
        s = s.replace("\0", "d")
    return _DOUBLED.sub(r"\1", s).translate(_COARSE_DROP)  # doubled letters, not a vowel apart


class Comparison(NamedTuple):  # a tuple: one is made for every pair compared
    score: float
    verdict: str
    why: str
    held_against: tuple[str, ...] = ()  # contrary evidence: never "same", whatever the score


# Edit costs in "typo units": a substitution is one, an added or dropped letter one and a
# half. A typo keeps the letters' count ("Tim"/"Tom", "Messi"/"Bessi"); an added syllable
# makes another name ("Albano"/"Albanese", "Ronaldo"/"Ronaldinho").
_EDIT_WEIGHTS = (3, 3, 2)
_UNIT_SIMILARITY = {0: 100.0, 1: 90.0, 2: 86.0, 3: 82.0, 4: 80.0, 5: 68.0, 6: 62.0}


@lru_cache(maxsize=262_144)
def token_similarity(
    a: str, b: str, transliterated: bool = False, cross_script: bool = False
) -> tuple[float, str]:
    """Similarity of two folded tokens (0-100) and what made it. Transliterations from other
    scripts are compared more loosely: "Vlagyimir", "Uladzimir" and "Vladimiras" are
    Vladimir in Hungarian, Belarusian and Lithuanian spelling. `cross_script`: one token
    was transliterated from another script and the other written in Latin letters, so
    only the classes of their consonants need agree (beulladimireu / vladimir)."""
    if a == b:
        return 100.0, "equal"
    if len(a) == 1 or len(b) == 1:
        return (90.0, "initial") if a[0] == b[0] else (0.0, "")
    indel = Indel.normalized_similarity(a, b)
    if cross_script:
        ka, kb = coarse_sound(a), coarse_sound(b)
        # the classes agree, and some letters too (Putin and Biden share only b-t-n);
        # a name written without its vowels (Hebrew פוטין, fvtyn, is Putin) has its
        # consonants only, but those keep d and t apart (بوتين is not Biden)
        if _vowel_poor(a) or _vowel_poor(b):
            ka, kb = coarse_sound(a, True), coarse_sound(b, True)
            alike = ka == kb
        else:
            alike = ka == kb and indel > 0.4
        if alike and len(ka) >= 3:
            if _different_genders(a, b):
                return 40.0, "given names"  # Ивана / Ivan: one sound, two people
            return max(90.0, 100.0 * indel), "same sound"
        if (
            min(len(ka), len(kb)) >= 4
            and abs(len(ka) - len(kb)) == 1
            and (ka.startswith(kb) or kb.startswith(ka))
        ):
            return 80.0, "transliteration"  # a closing consonant lost (bladimiya / vladimir)
    if indel < 0.45 and not transliterated and a[0] != b[0]:
        return 100.0 * indel, "edit"  # nothing alike: skip the finer measures
    shorter = min(len(a), len(b))
    if indel >= 0.6 and _different_genders(a, b):
        return 40.0, "given names"  # Peter / Petra: sound alike, two people
    # a transliteration keeps the syllables: Putin is not Potanin in any script
    close_enough = (
        indel >= 0.7 or (indel >= 0.6 and shorter >= 8) or (transliterated and _same_syllables(a, b))
    )
    if close_enough and len(sa := sound(a)) >= 3 and sa == sound(b):
        return max(92.0, 100.0 * indel), "same sound"
    if transliterated and indel >= 0.75 and shorter >= 4:
        return 85.0, "transliteration"
    if shorter <= 3:
        # short tokens (Lu / Liu, Lin / Liu, Xi / Xu) are different names, not typos
        return min(100.0 * indel, 50.0), "edit"
    if _distinct_given_names(a, b) and sound(a) != sound(b):
        return 40.0, "given names"  # Maria / Marta, Peter / Petra: two people
    if sorted(a) == sorted(b):
        return 88.0, "letters swapped"
    if shorter >= 5 and (a.startswith(b) or b.startswith(a)) and abs(len(a) - len(b)) >= 3:
        return 55.0, "edit"  # Ronaldo / Ronaldinho: a longer name, not a typo
    half_units = Levenshtein.distance(a, b, weights=_EDIT_WEIGHTS)
    if len(a) == len(b) <= 4 and Hamming.distance(a, b) >= 2:
        return min(100.0 * indel, 55.0), "edit"  # Niro / Fico: half the letters, not a typo
    if half_units >= 4 and (a[0] != b[0] or (_vowel_poor(a) and _vowel_poor(b))):
        # Sanani / Madani: the first letter and more; pzshkfr / pzshkyn: two of the few
        # letters a script without short vowels writes
        return min(100.0 * indel, 62.0), "edit"
    return _UNIT_SIMILARITY.get(half_units, min(100.0 * indel, 55.0)), "edit"


def _different_genders(a: str, b: str) -> bool:
    return {common_given_name(a), common_given_name(b)} == {"m", "f"}


def _distinct_given_names(a: str, b: str) -> bool:
    """Both are common given names in their own right (so not a typo of each other)."""
    if a.startswith(b) or b.startswith(a):
        return False  # Vladimir / Vladimiras: one name in two languages' forms
    return common_given_name(a) is not None and common_given_name(b) is not None


def compare(
    a: str,
    b: str,
    thresholds: Thresholds = DEFAULT_THRESHOLDS,
    *,
    kind: str = "",
    kind_b: str = "",
    weights: Weights = WEIGHTS,
) -> Comparison:
    """Compare two names. `kind` "organization" or "place" makes added words count more:
    "Council of the European Union" is not the European Union, though a middle name
    left out of a person's name changes nothing. `kind_b`: what b names, when known and
    possibly not `kind` (two kinds are contrary evidence). `weights`: the rules' numbers.
    With contrary evidence (`held_against`) the verdict is at most "maybe"."""
    against: list[str] = []
    person = kind in ("", "person")
    fa, fb = name_form(a, person), name_form(b, person)
    score, reasons = score_forms(fa, fb, kind, weights, against)
    if (kind_b or fa.legal or fb.legal) and (apart := kinds_apart(fa, fb, kind, kind_b, weights)) is not None:
        score = min(score, apart.value)
        against.append(apart.reason)
        reasons.append("held against: " + apart.reason)
    verdict = thresholds.verdict(score)
    if against and verdict == SAME:
        verdict = MAYBE
    return Comparison(round(score, 1), verdict, "; ".join(reasons), tuple(against))


def score_forms(
    fa: NameForm,
    fb: NameForm,
    kind: str = "",
    weights: Weights = WEIGHTS,
    against: list[str] | None = None,
) -> tuple[float, list[str]]:
    """The score of two normalised names and its reasons: a decisive rule (the same parts,
    an abbreviation) or the parts' mean similarity after the rules of `namerules.RULES`.
    Contrary evidence is added to `against` as well."""
    if not fa.tokens or not fb.tokens:
        return 0.0, ["nothing to compare"]
    if fa.ideographic and fb.ideographic:
        return _compare_characters(fa.original, fb.original)
    if fa.tokens == fb.tokens or fa.joined == fb.joined or fa.spelt == fb.spelt:
        return _same_parts(fa, fb, weights)
    ta, tb = fa.tokens, fb.tokens
    if not (fa.bigrams.isdisjoint(tb) and fb.bigrams.isdisjoint(ta)):  # rare: Jean Marie / Jeanmarie
        ta, tb = _merge_to_match(ta, tb), _merge_to_match(tb, ta)
    if not _ARTICLES.isdisjoint(fb.particles):
        ta = _article_apart(ta, tb)
    if not _ARTICLES.isdisjoint(fa.particles):
        tb = _article_apart(tb, ta)
    if len(ta) <= len(tb):
        short, long_, s_form, l_form = ta, tb, fa, fb
    else:
        short, long_, s_form, l_form = tb, ta, fb, fa
    person = kind in ("", "person")
    if not person and _acronym_of(short, long_, s_form):
        return weights.acronym, [f"{short[0].upper()} is the initials of '{l_form.original}'"]
    if fa.letters != fb.letters:
        letters, other = (fa.tokens, fb.tokens) if fa.letters else (fb.tokens, fa.tokens)
        if any(len(t) > 1 for t in other):
            # U.S.S.R., D.C.: an abbreviation, not a person's initials ("R Sidoli")
            if "".join(letters) == "".join(t[0] for t in other):
                return weights.acronym, [f"{''.join(letters).upper()} is the initials of the other name"]
            return weights.other_abbreviation, ["an abbreviation of another name"]
    # a nickname for the given name, which comes first (Bill Clinton / William Clinton);
    # elsewhere, Jack and Will are surnames of their own (Michael Jack, Harold Will)
    nickname = person and short[0] != long_[0] and _is_nickname(short[0], long_[0])
    if nickname:
        given, short = short[0], (long_[0], *short[1:])
    # other scripts, and Latin spelt another language's way (Vlagyimir Putyin), compare loosely
    distinct = (
        fa.distinct and fb.distinct and short in (fa.tokens, fb.tokens) and long_ in (fa.tokens, fb.tokens)
    )
    cross_script = fa.transliterated != fb.transliterated
    aligned, used_j = _align(short, long_, fa.accented or fb.accented, cross_script, distinct)
    reasons: list[str] = []
    total = weighted = 0.0
    worst = 100.0
    order: list[int] = []
    whole = False  # a part longer than an initial in common
    for i, x in enumerate(short):
        weight = weights.initial_weight if len(x) == 1 else 1.0
        total += weight
        found = aligned.get(i)
        if found is None:
            worst = 0.0
            reasons.append(f"{x} has no counterpart")
            continue
        sim, j, how = found
        if nickname and i == 0 and j == 0:
            x, sim, how = given, weights.nickname, "nickname"
            aligned[i] = Aligned(sim, j, how)  # the rules see the nickname, not the name it stands for
        if not person and how == "edit" and (_inflected(x, long_[j]) or _inflected(long_[j], x)):
            sim, how = weights.plural, "plural"  # Technology / Technologies: one word
            aligned[i] = Aligned(sim, j, how)
        elif not person and how == "edit" and sim < 90 and _other_word(x, long_[j]):
            sim, how = min(sim, weights.other_word), "other word"  # Deutsche Bank / Deutsche Bahn: not a typo
        weighted += weight * sim
        if sim < worst:
            worst = sim
        order.append(j)
        if how != "initial" and len(x) > 1:
            whole = True
        if how != "equal":
            reasons.append(_token_reason(x, long_[j], sim, how))
    spellings = frozenset(
        i
        for i, a in aligned.items()
        if a.how in NEAR_MISS and len(sa := sound(short[i])) >= 2 and sa == sound(long_[a.j])
    )  # Noor / Nour; but Lu / Liu, one consonant, are two names
    pair = Pair(short, long_, s_form, l_form, fa, fb, person, aligned, used_j, order, worst, whole, spellings)
    score = apply_rules(weighted / total, pair, reasons, [] if against is None else against, weights)
    return score, reasons or ["same name parts"]


def _same_parts(fa: NameForm, fb: NameForm, weights: Weights) -> tuple[float, list[str]]:
    """The same parts, or the same letters written together or apart (VladimirPutin)."""
    if fa.tokens != fb.tokens:
        same = "same name, written together or apart"
    else:
        same = "same name" + (" after normalising" if fa.original != fb.original else "")
    if fa.suffix != fb.suffix and fa.suffix and fb.suffix:
        return weights.same_but_suffix, [same, f"different suffix ({fa.suffix} / {fb.suffix})"]
    return (weights.same_parts if fa.tokens == fb.tokens else weights.written_together), [same]


def _align(
    short: tuple[str, ...], long_: tuple[str, ...], loose: bool, cross_script: bool, distinct: bool
) -> tuple[dict[int, Aligned], set[int]]:
    """Pair each part of the shorter name with one of the longer, best similarity first and,
    among equals, the nearer position. Equal parts are the only ones scoring 100, so they
    are paired first without scoring the rest: most pairs of names share most parts.
    `distinct`: no part occurs twice in either name, so equal parts pair by value."""
    aligned: dict[int, Aligned] = {}
    used_j: set[int] = set()
    if distinct:
        for i, x in enumerate(short):
            if x in long_:
                j = long_.index(x)
                used_j.add(j)
                aligned[i] = Aligned(100.0, j, "equal")
    else:
        equal = sorted((abs(i - j), i, j) for i, x in enumerate(short) for j, y in enumerate(long_) if x == y)
        for _, i, j in equal:
            if i not in aligned and j not in used_j:
                used_j.add(j)
                aligned[i] = Aligned(100.0, j, "equal")
    if len(aligned) == len(short):
        return aligned, used_j
    rest_i = [i for i in range(len(short)) if i not in aligned]
    rest_j = [j for j in range(len(long_)) if j not in used_j]
    if len(rest_i) == 1 and len(rest_j) == 1:  # one part differs (Putin / Pulin): no ranking
        i, j = rest_i[0], rest_j[0]
        sim, how = token_similarity(short[i], long_[j], loose, cross_script)
        if sim > 0:
            aligned[i] = Aligned(sim, j, how)
            used_j.add(j)
        return aligned, used_j
    pairs = [
        (-sim, abs(i - j), i, j, how)
        for i in rest_i
        for j in rest_j
        for sim, how in (token_similarity(short[i], long_[j], loose, cross_script),)
        if sim > 0
    ]
    pairs.sort()
    for neg_sim, _, i, j, how in pairs:
        if i not in aligned and j not in used_j:
            used_j.add(j)
            aligned[i] = Aligned(-neg_sim, j, how)
    return aligned, used_j


def _token_reason(x: str, y: str, sim: float, how: str) -> str:
    if how == "initial":
        return f"initial {x if len(x) == 1 else y} for {y if len(x) == 1 else x}"
    if how == "given names":
        return f"{x} and {y} are different names (two given names)"
    if how == "nickname":
        return f"{x}/{y}: a nickname"
    if how in ("same sound", "transliteration"):
        return f"{x}/{y}: same sound, spelt differently"
    if how == "letters swapped":
        return f"{x}/{y}: letters swapped"
    if how == "other word":
        return f"{x} and {y} are different words"
    if how == "plural":
        return f"{x}/{y}: one word, singular and plural"
    if sim >= 75:
        return f"{x}/{y}: {_edit_words(x, y)}"
    if sim >= 60:
        return f"{x}/{y}: {_edit_words(x, y)}, more than a typo"
    return f"{x} and {y} are different names"


def _article_apart(tokens: tuple[str, ...], other: tuple[str, ...]) -> tuple[str, ...]:
    """Parts with the Arabic article written into them (Albayati) where the other name
    writes it apart (al-Bayati): the article is set apart here too."""
    if not any(t[:2] in ("al", "el") for t in tokens):
        return tokens
    return tuple(
        t[2:]
        if t[:2] in ("al", "el") and t[2:] in other and t not in other and not common_given_name(t)
        else t
        for t in tokens
    )


def _merge_to_match(tokens: tuple[str, ...], other: tuple[str, ...]) -> tuple[str, ...]:
    """Join adjacent parts that the other name writes as one (Jean Marie / Jeanmarie)."""
    for left, right in itertools.pairwise(tokens):
        if left + right in other:
            break
    else:
        return tokens  # the usual case: nothing to join
    if max(map(len, other)) <= 5:
        return tokens
    merged = list(tokens)
    i = 0
    while i < len(merged) - 1:
        if merged[i] + merged[i + 1] in other:
            merged[i : i + 2] = [merged[i] + merged[i + 1]]
        i += 1
    return tuple(merged)


def _acronym_of(short: tuple[str, ...], long_: tuple[str, ...], s_form: NameForm) -> bool:
    """IBM for International Business Machines: written in capitals, the initials in order."""
    if len(short) != 1 or not 2 <= len(short[0]) <= 6 or len(long_) < 2:
        return False
    written = s_form.original.strip()
    return written.isupper() and short[0] == "".join(t[0] for t in long_)


def _is_nickname(a: str, b: str) -> bool:
    return lexicon.are_nicknames(a, b) and not _different_genders(a, b)


def _other_word(a: str, b: str) -> bool:
    """Is either an everyday word (bank, steel), and the other a word too (power / tower)
    or more than a letter away (bank / bahn)? Then it is another word, not a typo of one
    (peoole for people)."""
    if (lexicon.zipf(a) < 4.5 and lexicon.zipf(b) < 4.5) or _inflected(a, b) or _inflected(b, a):
        return False
    return (lexicon.zipf(a) > 0 and lexicon.zipf(b) > 0) or Levenshtein.distance(a, b) > 1


def _inflected(a: str, b: str) -> bool:
    """Is b the plural of a (holding / holdings, technology / technologies)? One word."""
    return b in (a + "s", a + "es") or (a.endswith("y") and b == a[:-1] + "ies")


def _compare_characters(a: str, b: str) -> tuple[float, list[str]]:
    """In Chinese, Japanese and Korean script a different character is a different name."""
    ca = [c for c in a if not c.isspace() and c not in "·・"]
    cb = [c for c in b if not c.isspace() and c not in "·・"]
    if ca == cb:
        return 100.0, ["same characters"]
    diff = Levenshtein.distance(ca, cb)
    return max(0.0, 55.0 - 10 * (diff - 1)), [f"{diff} character{'s' if diff > 1 else ''} differ"]


def _edit_words(a: str, b: str) -> str:
    if len(a) == len(b):
        diff = Hamming.distance(a, b)
        return f"{diff} letter{'s' if diff > 1 else ''} changed"
    n = abs(len(a) - len(b))
    more = "added" if len(b) > len(a) else "dropped"
    return f"{n} letter{'s' if n > 1 else ''} {more}" if Indel.distance(a, b) == n else "spelt differently"

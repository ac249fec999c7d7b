"""Names normalised for comparison: `name_form` and what it sets apart.

Any script to ASCII, "SURNAME, Given" reordered, case, accents and punctuation folded;
titles ("President", "Dr"), particles (al, bin, de, van), suffixes (Jr, III) and legal
forms (AG, Limited) set apart; numbers written as words made digits; abbreviations in
bodies' names written out. The matcher compares the resulting parts (`matcher.compare`);
the reference index keys its entries by them (`refindex`).
"""

from __future__ import annotations

import operator
import re
from functools import lru_cache
from typing import NamedTuple

from newsreader.analysis import legalforms, lexicon, numberwords, vocab
from newsreader.analysis.translit import to_ascii

# Titles in the languages names reach us in ("Presiden Putin", "Putyin elnök"), set apart
# where they lead a name. Not "don": in English news Don is a given name (Don Lemon).
# Not vocab.PERSON_TITLES: that is the mention finder's English, roles as well as titles
# (Striker, Editor), which a name in a reference list does not carry. The honorifics are
# in both, so they are taken from vocab.
# Source: compiled by hand from general knowledge, no published list copied: the word for
# president in the languages of sanctions and reference lists (Indonesian presiden, Polish
# prezydent, Hungarian elnök …), English civil, military and religious titles, and the
# abbreviations English news writes before a name (Gen., Col., Sgt., Rev.).
TITLES = frozenset(h.lower() for h in vocab.HONORIFICS) | frozenset(
    """president presiden presidente praesident
    prasident prezident prezydent predsjednik presedintele presedinte elnok presidentti premier
    chancellor minister secretary senator sen rep gov governor mayor general gen colonel col
    captain capt king queen prince princess sheikh shaikh sheik emir imam ayatollah pope saint st
    excellency honourable honorable rt hon judge justice ambassador commander admiral marshal
    comrade herr frau monsieur madame mme mlle senor senora dona sergeant sgt corporal cpl lt
    reverend rev pastor rabbi bishop archbishop cardinal mullah mufti maulana maulvi""".split()
)
# Words that make a title of the title after them (Prime Minister, Vice President, Crown
# Prince, Lt. Gen.): set apart only in front of one, so John Major keeps his surname.
# Not vocab.TITLE_MODIFIERS: that one widens a title found in running text to the left
# (Trade Minister, Health Secretary); these are taken off the front of a list's name
# before one of the TITLES above, so they are the modifiers those titles take.
# Source: compiled by hand from general knowledge, as TITLES.
TITLE_MODIFIERS = frozenset(
    """prime vice deputy foreign crown acting former interim chief lieutenant brigadier major
    field grand state home attorney supreme defence defense interior finance""".split()
)
# Titles and honours written after the name: Hungarian puts the office there (Orbán Viktor
# miniszterelnök, Putyin elnök), English its letters (Boris Johnson MP, Keir Starmer KC).
TRAILING_TITLES = frozenset("elnok miniszterelnok mp mep msp mla kc qc obe mbe cbe kbe dbe phd esq".split())
# The small words of a name, compared apart from its parts. Not vocab.PARTICLES: that one
# says which small words join a name in running text (de Gaulle, von der Leyen); list
# names also hold the Arabic articles, patronymic words (ould, abu) and joining words
# (y, und, and, of, the), all set apart here.
PARTICLES = frozenset(
    "al el ul ad ar as ash at az bin ben ibn bint abu ould de del della der den van von da di du dos "
    "das la le y e und and of the".split()
)
# Particles that also begin hyphenated Arabic names (al-Assad): split off, not joined.
# The articles alone: vocab.HYPHENED_PARTICLES, which the mention finder reads a name
# past, holds abu, ibn and bin too; here those stay one part with what follows (bin-Salman).
ARTICLES = frozenset("al el ul ad ar as ash at az an".split())
_PATRONYMIC = frozenset("bin ben ibn bint ould".split())
# vocab's name suffixes, and spelt out as a list may write them (Ken Griffey Junior)
SUFFIXES = frozenset(suffix.lower() for suffix in vocab.NAME_SUFFIXES) | {"junior", "senior"}
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
# Laboratory); none is also a common given name or surname. Source: compiled by hand from
# general knowledge of the abbreviations in company and agency names, no published list
# copied; so are the group, concern and airline words below.
_ABBREVIATIONS = {
    "intl": "international", "natl": "national", "mfg": "manufacturing", "assn": "association",
    "assoc": "association", "dept": "department", "univ": "university", "inst": "institute",
    "lab": "laboratory", "labs": "laboratories", "grp": "group", "hldgs": "holdings",
    "hldg": "holding", "svcs": "services", "svc": "service", "pharm": "pharmaceutical",
    "ctr": "center", "centre": "center", "mgmt": "management", "bros": "brothers",
    "tech": "technology", "chem": "chemical", "elec": "electric",
}  # fmt: skip
# How a business is held, in the languages a group's companies are registered in: one
# word (Kalashnikov Concern = Kalashnikov Konzern, Grupo Villar = Villar Group)
_ABBREVIATIONS |= dict.fromkeys(("groupe", "grupo", "gruppe", "gruppo", "gruppa", "grupa"), "group")
_ABBREVIATIONS |= dict.fromkeys(("konzern", "kontsern", "koncern"), "concern")
# An airline is called by its name and Air, Airlines or Airways alike (Mahan Air)
_ABBREVIATIONS |= dict.fromkeys(("airlines", "airways", "airline"), "air")
_ABBREVIATED = frozenset(_ABBREVIATIONS)
# Words that are not content tokens, or not always: one set test skips the per-word rules
_FUNCTION_WORDS = TITLES | TITLE_MODIFIERS | TRAILING_TITLES | PARTICLES | SUFFIXES | LEGAL_FORMS
# Words that may begin a spelt-out legal form or a number: one set test skips both rewrites
_REWRITTEN_FROM = legalforms.PHRASE_STARTS | numberwords.WORDS


# About 0.8 kB an entry: the names of an article and its candidates fit many times over,
# and a 20 MB article's hundreds of thousands of names cost ~25 MB, not 800
@lru_cache(maxsize=32_768)
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
    spelt = ""
    if ideographic or _FUNCTION_WORDS.isdisjoint(raw):  # CJK syllables (la, de) are not particles
        tokens, suffix, legal = raw, "", False
    else:
        # a legal form leads a company's name in capitals (AB Volvo, OOO Vostok), but Asa
        # Hutchinson is a person
        lead = ascii_text.lstrip().split(" ", 1)[0]
        tokens, particles, suffix, titles, legal, spelt = _set_apart(
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
        spelt if particles and spelt else joined,
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
        if pieces[0] in ARTICLES and len(pieces) > 1:
            raw.append(pieces[0])
            pieces = pieces[1:]
        raw.append("".join(pieces))  # Jean-Marie, Chin-ping: one name part
    return raw


def _set_apart(
    raw: list[str], lead_form: bool, titles_apart: bool
) -> tuple[list[str], list[str], str, list[str], bool, str]:
    """Content tokens, particles, suffix, the titles dropped, whether a legal form was, and
    the parts and particles written together.
    `lead_form`: the first word may be a legal form even if it is also a given name;
    `titles_apart`: titles are dropped (a person's name), else kept as parts."""
    tokens: list[str] = []
    particles: list[str] = []
    titles: list[str] = []
    spelt: list[str] = []  # the parts and particles, in order
    suffix = ""
    legal = False
    # a title leads the name (King Charles); after it, the word is a name (Stephen King)
    leading = titles_apart and len(raw) > 1
    for i, tok in enumerate(raw):
        if leading and (tok in TITLES or (tok in TITLE_MODIFIERS and _title_follows(raw, i))):
            titles.append(tok)
            continue
        leading = False
        if tok in SUFFIXES and i > 0:
            suffix = {"junior": "jr", "senior": "sr"}.get(tok, tok)
        elif titles_apart and tokens and tok in TRAILING_TITLES and _honours_only(raw[i:]):
            titles.append(tok)
        elif tok in PARTICLES and i < len(raw) - 1 and (i > 0 or tok in ARTICLES or tok == "the"):
            particles.append(tok)  # "E. Macron": a first "e" is an initial, not Portuguese "e"
            spelt.append(tok)
        elif (
            tok in LEGAL_FORMS
            and len(raw) > 1
            and (i > 0 or lead_form or lexicon.given_name(tok.title()) is None)
        ):
            legal = True  # "PJSC Gazprom", "Siemens AG"
        else:
            tokens.append(tok)
            spelt.append(tok)
    if not tokens and raw:
        tokens = raw[-1:]
    return tokens, particles, suffix, titles, legal, "".join(spelt)


def _title_follows(raw: list[str], i: int) -> bool:
    """Is raw[i] the first word of a title (Prime Minister, Vice Prime Minister)?"""
    for tok in raw[i + 1 :]:
        if tok in TITLES:
            return True
        if tok not in TITLE_MODIFIERS:
            return False
    return False


def _honours_only(rest: list[str]) -> bool:
    """Only titles written after a name, or a suffix, from here to the end?"""
    return all(tok in TRAILING_TITLES or tok in SUFFIXES for tok in rest)


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
        if _HANGUL_RUN.fullmatch(words[0]):
            # a syllable a part: to_ascii's capitals do not part 이재명, "IJaeMyeong"
            return " ".join(map(to_ascii, words[0]))
        return _CAMEL.sub(" ", to_ascii(words[0]))
    return " ".join(to_ascii(w) for w in words)


_HANGUL_RUN = re.compile("[\uac00-\ud7a3]+")
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
    """Only a legal form, short or spelt out in its language ("Inc.", "Sociedad Anónima")."""
    folded = (text if text.isascii() else to_ascii(text)).lower()
    return all(t in LEGAL_FORMS for t in re.split(r"[^a-z]+", legalforms.spell_short(folded)) if t)


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

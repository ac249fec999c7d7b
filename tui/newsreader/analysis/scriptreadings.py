"""Names in Hebrew, Hangul and Katakana read as the Latin spellings they may have.

`translit.to_ascii` gives a name one spelling: בנימין is "bnimin", 김정은 "gim jeong eun",
プーチン "puchin". Against a name in Latin letters that is one spelling of several.
Hebrew leaves vowels out, writes some with ו and י, and ב, כ, פ, ש each stand for two
sounds (Benjamin, Binyamin); Korean is romanized two ways besides the spellings families
use (Kim Jong-un, Gim Jeong-eun); Japanese renders a foreign name with the consonants it
has (r for l, b for v) and a vowel after each (ウラジーミル, urajimiru, is Vladimir).
So a word in those scripts is read as a pattern its Latin spellings match: Hebrew by its
consonants, each with the letters that write it and any vowels or none between them;
Katakana kana by kana, a consonant's spellings and the vowel letters Japanese reads as
the kana's vowel, or none where Japanese adds it; a Korean name syllable by syllable,
through the romanization tables. The
matcher tries a name part's pattern before its looser consonant classes
(`partsimilarity.token_similarity`), and a Korean name's before its parts
(`matcher.score_forms`).
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Mapping
from functools import lru_cache
from typing import NamedTuple

from newsreader.analysis.nameforms import name_form
from newsreader.analysis.namesounds import coarse_sound


class Reading(NamedTuple):
    """A word's Latin spellings as a pattern, how many consonants it must show (a word of
    one or two, בני, Benny, says less than a word of four, ウラジーミル), and the consonant
    classes (`namesounds.coarse_sound`) of those spellings: a reference index looks the
    word up by them."""

    pattern: re.Pattern[str]
    consonants: int
    keys: frozenset[str]

    def matches(self, latin: str) -> bool:
        return self.pattern.fullmatch(latin) is not None


_VOWELS = "[aeiouy]*"  # vowels a script does not write, or writes other than English does
_MAX_KEYS = 256  # a word read so many ways has no keys: any consonants would do
_DOUBLED = re.compile(r"(.)\1+")
_VOWEL_CLASS = re.compile(r"\[[^]]*\]")  # a vowel in a spelling ([ou] for vav): no class


def _keys(slots: list[str]) -> frozenset[str]:
    """The consonant classes of the spellings a word's letters allow, each letter's
    spellings `|`-separated: every way of choosing one class a letter."""
    keys = {""}
    for spellings in slots:
        # a vowel after each spelling: a closing j is a glide to coarse_sound, not a consonant
        classes = {coarse_sound(_VOWEL_CLASS.sub("", alt) + "a") for alt in spellings.split("|")}
        keys = {k + c for k in keys for c in classes}
        if len(keys) > _MAX_KEYS:
            return frozenset()
    # letters of one class meet with or without a vowel between (Bennett, בנט; Anna, אנה)
    return frozenset(k for key in keys for k in (key, _DOUBLED.sub(r"\1", key)) if len(k) >= 3)


_WORD_SEPARATORS = re.compile("[\\s\u00b7\u2027\u30a0\u30fb\u05be=-]+")  # space, interpunct, maqaf


@lru_cache(maxsize=4096)
def readings(name: str) -> Mapping[str, Reading]:
    """The words of `name` in Hebrew or Katakana, keyed by the name part `name_form` makes
    of each (בנימין -> "bnimin")."""
    out: dict[str, Reading] = {}
    for word in _WORD_SEPARATORS.split(name):
        reading = _hebrew(word) if _is_hebrew(word) else _kana(word) if _is_kana(word) else None
        if reading is None:
            continue
        tokens = name_form(word).tokens
        if len(tokens) == 1:  # one word, one part: a title or particle is no name part
            out[tokens[0]] = reading
    return out


def has_readings(name: str) -> bool:
    """Any Hebrew or kana letter in `name`? (Only those have `readings`.)"""
    return any("\u0590" <= c <= "\u05ff" or "\u3040" <= c <= "\u30ff" for c in name)


def _is_hebrew(word: str) -> bool:
    return any("\u05d0" <= c <= "\u05ea" for c in word)


def _is_kana(word: str) -> bool:
    return any("\u3041" <= c <= "\u30fa" for c in word)


# --- Hebrew ---------------------------------------------------------------------------

# The Latin letters each Hebrew letter is written with in names in English. Source:
# compiled by hand from the standard romanization of Hebrew (ISO 259 and the Academy of
# the Hebrew Language's 2006 rules, simplified as news writes them) and the English forms
# of Biblical names, where yod is j (Benjamin, Joseph); no published table copied. ב, כ,
# פ are b/v, k/kh, p/f with or without a dagesh, which unpointed text does not write; ש is
# sh or s. ו and י are consonants or the vowels o/u and i/e, so either; ה ends a word as a
# vowel; א and ע carry a vowel and write none. A geresh makes another sound (ג׳ is j).
_HEBREW = {
    "א": "", "ע": "",
    "ב": "bb|b|vv|v", "ג": "gg|gh|g", "ד": "dd|dh|d", "ה": "h|[aeiou]", "ו": "vv|v|w|[ou]",
    "ז": "zz|z|s", "ח": "ch|kh|h|", "ט": "tt|th|t", "י": "y|j|[ie]", "כ": "kh|ch|ck|kk|k|c|q|h",
    "ל": "ll|l", "מ": "mm|m", "נ": "nn|n", "ס": "ss|sc|s|c", "פ": "pp|ph|p|ff|f",
    "צ": "tz|ts|zz|z|s|c", "ק": "ck|kk|k|q|c", "ר": "rr|r", "ש": "sch|sh|ss|s", "ת": "tt|th|t",
}  # fmt: skip
_HEBREW_FINAL = str.maketrans("ךםןףץ", "כמנפצ")
_GERESH = {"ג": "j|dj|g", "ז": "zh|j|g|s", "צ": "tch|ch|c", "ת": "th|t", "ד": "th|dh|d"}
_HEBREW_VOWEL_LETTERS = frozenset("אעהוחי")  # not counted as consonants a reading must show


def _hebrew(word: str) -> Reading | None:
    letters = [c for c in word.translate(_HEBREW_FINAL) if c in _HEBREW or c in "'\u05f3\u2019"]
    parts = [_VOWELS]  # a name may open with a vowel (אהוד, Ehud)
    slots: list[str] = []
    consonants = 0
    for i, c in enumerate(letters):
        if c not in _HEBREW:
            continue  # a geresh: read with the letter before it
        geresh = i + 1 < len(letters) and letters[i + 1] not in _HEBREW
        spellings = _GERESH.get(c, _HEBREW[c]) if geresh else _HEBREW[c]
        if spellings:
            parts.append(f"(?:{spellings})")
            slots.append(spellings)
        parts.append(_VOWELS)
        consonants += c not in _HEBREW_VOWEL_LETTERS
    if consonants == 0:
        return None
    return Reading(re.compile("".join(parts)), consonants, _keys(slots))


# --- Katakana (and hiragana) ----------------------------------------------------------

# How Japanese writes the consonants of foreign names, by the kana's row (its Nihon-shiki
# romanization, the letter's Unicode name: KATAKANA LETTER TI is チ). Source: compiled by
# hand from the Cabinet's 1991 rules for writing foreign words in katakana (外来語の表記,
# 内閣告示第二号), no published table copied: l and r are both r, v is b or ヴ, th is s or
# z, di and ti are ヂ/ディ and チ/ティ.
_KANA_CONSONANTS = {
    "k": "ck|kh|kk|k|c|q|ch", "g": "gh|gg|g", "s": "ss|sc|s|c|th|z", "z": "zz|z|s|th",
    "t": "tt|th|t|d", "d": "dd|d|th", "n": "nn|n", "h": "h|wh|ch|kh", "b": "bb|b|v",
    "p": "pp|p", "m": "mm|m", "y": "y|j|i", "r": "rr|ll|r|l", "w": "w|v|wh", "v": "v|w|b",
}  # fmt: skip
# syllables whose consonant is not the row's (Hepburn shi, chi, tsu, fu, ji)
_KANA_SYLLABLES = {
    "si": "sch|sh|s|c", "ti": "tsch|tch|ch|cz|tj|t|c", "tu": "tz|ts|t|z", "hu": "ph|f|h|v",
    "zi": "dzh|dj|zh|j|g|z|d", "di": "dj|d|j", "du": "dz|d|z",
}  # fmt: skip
# The letters that write each kana vowel in European spellings, by the same rules: a is
# any vowel (Trump, トランプ; Starmer, スターマー), o is not a (ジョンソン is Johnson, not
# Jansen), e may be a or ai (Blair, ブレア), u the e of French le (ルペン, Le Pen).
# Japanese adds a vowel after a closing consonant, u, or o after t and d (Donald,
# ドナルド), i after ch and j: that one may be written with no vowel at all. フ is also a
# closing v (Lavrov, ラブロフ), as Russian says it.
_KANA_VOWEL_LETTERS = {
    "a": "[aeiouy]+", "i": "(?:[iy]|e[eiy]?|ie|ea)", "u": "(?:u|oo|ou|ue|ew|eu|o|y|e)",
    "e": "(?:e|a|ai|ay|ea|ei|ey|ae|eu|oe)", "o": "(?:o[aeouw]?|au|aw|eau|eo|ou)",
}  # fmt: skip
_ADDED_VOWEL = frozenset("tu to do si ti zi di hu ku su zu bu pu mu ru gu nu".split())  # kana it may be
_KANA_VOWELS = frozenset("aiueo")


@lru_cache(maxsize=512)
def _kana_sound(c: str) -> str | None:
    """The kana's romanization from its Unicode name ("ti", "small a", "n"), or None."""
    try:
        name = unicodedata.name(c)
    except ValueError:
        return None
    if "PROLONGED SOUND MARK" in name:
        return "-"
    if not name.startswith(("KATAKANA LETTER ", "HIRAGANA LETTER ")):
        return None
    return name.split(" LETTER ", 1)[1].lower()


class _Kana(NamedTuple):
    """A consonant's spellings ("" for none), the vowel after it, the kana's sound, and
    whether a small ャ, ュ, ョ put a glide between (ニュ, nyu)."""

    consonant: str
    vowel: str
    sound: str
    glide: bool = False


def _kana_units(word: str) -> list[_Kana | str] | None:
    """The word as syllables, a small kana's vowel put in the one before it (ジョ, jo),
    and marks: "-" a long vowel, "n" ン, "q" ッ. None for a letter no table has."""
    units: list[_Kana | str] = []
    for c in word:
        sound = _kana_sound(c)
        if sound is None:
            continue
        if sound.startswith("small "):
            small = sound[6:]
            if small == "tu":
                units.append("q")
            elif small[-1] in _KANA_VOWELS and units and isinstance(last := units[-1], _Kana):
                # ティ, ファ, ウォ: the consonant before it and this vowel; ニュ: a glide too
                consonant = "w|v" if last.consonant == "" and last.vowel == "u" else last.consonant
                units[-1] = _Kana(consonant, small[-1], last.sound[:-1] + small[-1], small[0] == "y")
            elif small[-1] in _KANA_VOWELS:
                units.append(_Kana("", small[-1], small))
            else:
                return None
        elif sound in ("-", "n"):
            units.append(sound)
        elif sound in _KANA_VOWELS:
            units.append(_Kana("", sound, sound))
        elif sound in _KANA_SYLLABLES:
            units.append(_Kana(_KANA_SYLLABLES[sound], sound[-1], sound))
        elif sound[:-1] in _KANA_CONSONANTS and sound[-1] in _KANA_VOWELS:
            units.append(_Kana(_KANA_CONSONANTS[sound[:-1]], sound[-1], sound))
        else:
            return None  # ヵ, archaic ゐ: no reading
    return units


def _kana(word: str) -> Reading | None:
    units = _kana_units(word)
    if not units:
        return None
    parts: list[str] = []
    slots: list[str] = []  # the consonants' spellings, for the keys
    consonants = 0
    after_vowel = False  # the unit before ended in a vowel
    for i, unit in enumerate(units):
        if unit == "q":
            parts.append("[bcdfgkpstz]?")  # ッ: the next consonant doubled, or not
        elif unit == "-":
            parts.append("[aeiouy]*[rhwy]?")  # ー: a long vowel, often English r (Parker)
            slots.append("r|h|w|y|")
        elif unit == "n":
            parts.append("(?:ng|nn|mm|n|m)")
            slots.append("ng|n|m")
            consonants += 1
        elif isinstance(unit, _Kana):
            pattern, spellings = _kana_syllable(unit, i == 0, after_vowel)
            parts.append(pattern)
            slots += [spellings] if spellings else []
            consonants += unit.consonant != ""
        after_vowel = isinstance(unit, _Kana) or unit == "-"
    if consonants == 0:
        return None
    parts.append("[eh]?")  # a closing e or h English does not say (Blake, Sarah)
    return Reading(re.compile("".join(parts)), consonants, _keys(slots))


def _kana_syllable(unit: _Kana, first: bool, after_vowel: bool) -> tuple[str, str]:
    """The pattern of one kana, its consonant and its vowel, and the spellings of the
    consonant ("" for none)."""
    vowel = f"(?:{_KANA_VOWEL_LETTERS[unit.vowel]}h?)"  # a silent h after it: John, Sarah
    if not unit.consonant:
        if unit.vowel == "u" and first:
            return "(?:v|w|b|u)?" + vowel + "?", "v|w|b|"  # ウラジーミル: Vladimir, Uladzimir
        if after_vowel and unit.vowel in "iu":
            return vowel + "?", ""  # バイデン, Biden: ai is one vowel; ou a long o
        if after_vowel and unit.vowel == "a":
            return "[aeiouy]*r?", "r|"  # キア, Keir; ブレア, Blair: an English r after a vowel
        return vowel, ""
    consonant = f"(?:{unit.consonant}){'[yi]?' if unit.glide else ''}"
    return consonant + vowel + ("?" if unit.sound in _ADDED_VOWEL else ""), unit.consonant


# --- Korean ---------------------------------------------------------------------------

# A Hangul syllable's letters romanized, each letter the ways names in Latin letters write
# it. Source: compiled by hand from the two romanizations' tables, the Revised Romanization
# of Korean (Ministry of Culture and Tourism, 2000) and McCune-Reischauer (1939), MR
# without its breves and apostrophes as news prints it (Chong, not Chŏng), and the
# customary spellings names keep beside both (Park, Lee, Yoon, Moon: u written oo, eo u);
# no published table copied.
_INITIALS = (  # ㄱ ㄲ ㄴ ㄷ ㄸ ㄹ ㅁ ㅂ ㅃ ㅅ ㅆ ㅇ ㅈ ㅉ ㅊ ㅋ ㅌ ㅍ ㅎ
    "g|k", "kk|gg|k", "n", "d|t", "tt|dd", "r|l|n", "m", "b|p", "pp|bb", "s|sh", "ss|s", "",
    "j|ch", "jj|tch|j", "ch", "k", "t", "p", "h",
)  # fmt: skip
_MEDIALS = (  # ㅏ ㅐ ㅑ ㅒ ㅓ ㅔ ㅕ ㅖ ㅗ ㅘ ㅙ ㅚ ㅛ ㅜ ㅝ ㅞ ㅟ ㅠ ㅡ ㅢ ㅣ
    "a|ah", "ae|ai|e", "ya", "yae|ye", "eo|o|u|uh", "e|ae", "yeo|yo|you|yu", "ye", "o|oh", "wa",
    "wae", "oe|oi|we", "yo", "u|oo|ou", "wo|weo", "we", "wi|wee", "yu|yoo|you", "eu|u",
    "ui|eui|i|ee", "i|ee",
)  # fmt: skip
_FINALS = (  # none ㄱ ㄲ ㄳ ㄴ ㄵ ㄶ ㄷ ㄹ ㄺ ㄻ ㄼ ㄽ ㄾ ㄿ ㅀ ㅁ ㅂ ㅄ ㅅ ㅆ ㅇ ㅈ ㅊ ㅋ ㅌ ㅍ ㅎ
    "", "k|g|ck", "k|kk", "k", "n", "n", "n", "t|d", "l|r", "k|l", "m", "l|p", "l", "l", "p",
    "l", "m", "p|b", "p", "t|s", "t|ss", "ng", "t|j", "t", "k", "t", "p", "t|h",
)  # fmt: skip
# A syllable that opens with no consonant before u is also written woo (우, Woo)
_SILENT_U = "woo|wu"
# Family names spelt as neither romanization writes them (이 is Lee, 박 Park), the common
# ones. Source: compiled by hand from the spellings in common use in passports and the
# press (the National Institute of Korean Language's 2009 survey of surname spellings
# reports Lee, Park, Choi, Jung, Yoon, Kang, Cho, Lim, Shin, Ahn, Moon, Roh and Ryu as the
# most used), no published table copied.
_SURNAMES = {
    "이": "lee|yi|rhee|ri|li|yee|rhie", "박": "park|pak|bak|bahk", "최": "choi|choe|chey",
    "정": "jung|chung|joung|jeong|cheong|chong|jong", "강": "kang|gang", "조": "cho|jo|joh",
    "윤": "yoon|yun|youn", "장": "jang|chang", "임": "lim|im|rim|yim", "한": "han|hahn",
    "오": "oh|o", "서": "seo|suh|so|suh", "신": "shin|sin|shinn", "권": "kwon|gwon",
    "황": "hwang", "안": "ahn|an", "송": "song", "류": "ryu|yoo|yu|rhyu|you", "유": "yoo|yu|you",
    "전": "jeon|jun|chun|chon", "홍": "hong", "고": "ko|go|koh", "문": "moon|mun",
    "양": "yang", "손": "son|sohn", "배": "bae|pae", "백": "baek|paek|paik|baik",
    "허": "heo|hur|huh|ho", "노": "noh|no|roh|ro", "심": "shim|sim", "하": "ha|hah",
    "곽": "kwak|gwak", "성": "sung|seong|song", "차": "cha", "주": "joo|ju|chu", "우": "woo|wu|u",
    "구": "koo|ku|gu", "나": "na|ra|rha", "민": "min", "진": "jin|chin", "지": "ji|chi",
    "엄": "eom|um|uhm", "채": "chae", "원": "won", "천": "cheon|chun", "방": "bang|pang",
    "공": "kong|gong", "현": "hyun|hyeon", "함": "ham|hahm", "변": "byun|byeon|pyon",
    "염": "yeom|yum", "여": "yeo|yoh|yo", "추": "choo|chu", "도": "do|doh|to", "석": "seok|suk",
    "반": "ban|pan", "기": "ki|gi|kee", "김": "kim|gim",
}  # fmt: skip
_HANGUL_NAME = re.compile("[\uac00-\ud7a3]{2,5}")


def _letters(c: str) -> tuple[str, str, str]:
    """The spellings of a Hangul syllable's three letters, each `|`-separated."""
    code = ord(c) - 0xAC00
    initial, medial, final = code // 588, code % 588 // 28, code % 28
    vowels = _MEDIALS[medial] + (f"|{_SILENT_U}" if initial == 11 and medial == 13 else "")
    return _INITIALS[initial], vowels, _FINALS[final]


def _syllable(c: str) -> str:
    """The Latin spellings of one Hangul syllable, as a pattern."""
    return "".join(f"(?:{letter})" for letter in _letters(c))


def _spelt(syllables: str) -> frozenset[str]:
    """Every spelling of a run of Hangul syllables, the syllables written together."""
    out = {""}
    for c in syllables:
        letters = itertools.product(*(spellings.split("|") for spellings in _letters(c)))
        out = {"".join((s, *spelt)) for s in out for spelt in letters}
        if len(out) > _MAX_SPELLINGS:
            return frozenset()
    return frozenset(out)


_MAX_SPELLINGS = 1024  # a given name of more syllables is looked up by its first


def korean_spellings(name: str) -> tuple[frozenset[str], frozenset[str]] | None:
    """For a name written as one run of Hangul, the name parts a romanization of it may
    have: its family name's (kim, gim), and its given name's, written together (jongun,
    jeongeun) or its first syllable apart (jong of Kim Jong Un). None for no such name."""
    name = name.strip()
    if not _HANGUL_NAME.fullmatch(name):
        return None
    family = _spelt(name[0]) | frozenset(_SURNAMES.get(name[0], "").split("|")) - {""}
    return family, _spelt(name[1:]) | _spelt(name[1])


@lru_cache(maxsize=4096)
def korean_name(name: str) -> re.Pattern[str] | None:
    """For a name written as one run of Hangul (김정은, 삼성), a pattern its spellings in
    Latin letters match, their parts written together (as `NameForm.spelt`): kimjongun,
    gimjeongeun, jongunkim. The first syllable is the family name: its customary spellings
    count too, and it may come last (Jae-myung Lee)."""
    name = name.strip()
    if not _HANGUL_NAME.fullmatch(name):
        return None
    first = _syllable(name[0])
    family = f"(?:{_SURNAMES[name[0]]}|{first})" if name[0] in _SURNAMES else first
    given = "".join(_syllable(c) for c in name[1:])
    return re.compile(f"{family}{given}|{given}{family}")

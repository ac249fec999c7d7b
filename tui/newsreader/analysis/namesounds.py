"""What a name part sounds like, as keys that fold its spellings together.

`sound` is a consonant skeleton that folds transliteration variants (Zelensky, Selenskyj,
Zelenskiy); `coarse_sound` keeps only classes of consonants, for names that crossed
scripts (블라디미르, beulladimireu, is Vladimir). The matcher compares parts by them and
the reference index looks names up by them.
"""

from __future__ import annotations

import re
from functools import lru_cache

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


@lru_cache(maxsize=65_536)  # about 0.2 kB an entry
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


def vowel_poor(token: str) -> bool:
    """Written the way Arabic and Hebrew script write it: short vowels left out."""
    return len("".join(_VOWEL_GROUP.findall(token))) < 0.3 * len(token)


def same_syllables(a: str, b: str) -> bool:
    """As many syllables in both, where both were written with their vowels? Arabic and
    Hebrew script leave short vowels out (روحاني, rwhny, is Rouhani): no count there."""
    if vowel_poor(a) or vowel_poor(b):
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

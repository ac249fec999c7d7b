"""Any script to ASCII, with anyascii's tables read straight from its data files.

anyascii finds its tables through importlib.resources, whose first use imports the
resource readers (zipfile, pathlib and more): 8 ms, a tenth of a pair-scoring run's
budget, paid by every process that meets its first non-Latin name. Where the tables are
plain files beside the package (any normal install) they are read directly, one
256-character block at a time as anyascii does; anywhere else anyascii does the work.
"""

from __future__ import annotations

import os
import re
import zlib

import anyascii as _anyascii

_DATA = os.path.join(os.path.dirname(_anyascii.__file__), "_data")
_DIRECT = os.path.isdir(_DATA)


class _Table(dict[int, str | None]):
    """Code point -> ASCII for `str.translate`, filled on first sight of each character;
    translate does the per-character work in C, a Python loop costs twice as much."""

    def __missing__(self, code: int) -> str | None:
        if code < 0x80:
            value: str | None = chr(code)
        else:
            block = _blocks.get(code >> 8)
            if block is None:
                block = _blocks[code >> 8] = _load_block(code >> 8)
            low = code & 0xFF
            # a character past the block's table has no transliteration: it is dropped
            value = block[low] if low < len(block) else None
        self[code] = value
        return value


_blocks: dict[int, tuple[str, ...]] = {}
_TABLE = _Table()


def to_ascii(text: str) -> str:
    """`text` transliterated to ASCII ("Владимир" -> "Vladimir", "习近平" -> "XiJinping")."""
    if text.isascii():
        return text
    if max(text) >= "\u05d0" and _HEBREW_WORD.search(text):
        text = _HEBREW_WORD.sub(_hebrew_word, text)
    if not _DIRECT:
        return _anyascii.anyascii(text)
    return text.translate(_TABLE)


def _load_block(number: int) -> tuple[str, ...]:
    try:
        with open(os.path.join(_DATA, f"{number:03x}"), "rb") as fh:
            packed = fh.read()
    except FileNotFoundError:
        return ()  # anyascii has nothing for this block: its characters are dropped
    return tuple(zlib.decompress(packed, -zlib.MAX_WBITS).decode("ascii").split("\t"))


# Hebrew a word at a time, as its names are written in Latin letters, where anyascii gives
# each letter one value (בנימין "vnymyn", פוטין "fvtyn": neither has Benjamin's or Putin's
# sound key, so the mention finder never put them to the matcher). Source: compiled by
# hand from the Academy of the Hebrew Language's simplified romanization (2006), no
# published table copied: ב, כ, פ open a word as b, k, p and are v, kh, f after a vowel,
# which unpointed text does not write; ו and י open a word as v and y, are o and i inside
# it, and doubled are the consonant; א and ע carry a vowel (a, or none before ו or י); ה
# closes a word as a; a geresh makes ג, ז, צ, ת j, zh, ch, th. So פוטין is "potin",
# נתניהו "ntniho", and the matcher reads the letters themselves for the other spellings
# (`scriptreadings`).
_HEBREW_LETTERS = {
    "א": "a", "ב": "v", "ג": "g", "ד": "d", "ה": "h", "ו": "o", "ז": "z", "ח": "h", "ט": "t",
    "י": "i", "כ": "kh", "ל": "l", "מ": "m", "נ": "n", "ס": "s", "ע": "a", "פ": "f", "צ": "tz",
    "ק": "k", "ר": "r", "ש": "sh", "ת": "t",
}  # fmt: skip
_HEBREW_OPENING = {"ב": "b", "כ": "k", "פ": "p", "ו": "v", "י": "y"}
_HEBREW_GERESH = {"ג": "j", "ז": "zh", "צ": "ch", "ת": "th"}
_FINAL_FORMS = "ךםןףץ"
_HEBREW_FINAL_FORMS = str.maketrans(_FINAL_FORMS, "כמנפצ")
_GERESHES = "'\u05f3\u2019"
_HEBREW_WORD = re.compile("[\u05d0-\u05ea][\u05d0-\u05ea\u0591-\u05c7\u05f3\u05f4'\u2019]*")


def _hebrew_word(m: re.Match[str]) -> str:
    letters = [c for c in m.group() if c in _HEBREW_LETTERS or c in _GERESHES or c in _FINAL_FORMS]
    out: list[str] = []
    i = 0
    while i < len(letters):
        written = letters[i]
        c = written.translate(_HEBREW_FINAL_FORMS)
        after = letters[i + 1] if i + 1 < len(letters) else ""
        i += 1
        if c in _GERESHES:
            continue
        if after and after in _GERESHES and c in _HEBREW_GERESH:
            out.append(_HEBREW_GERESH[c])
        elif c in "וי" and after == c:
            out.append("v" if c == "ו" else "y")  # וו, יי: the consonant
            i += 1
        elif not out and c in _HEBREW_OPENING:
            out.append(_HEBREW_OPENING[c])
        elif c in "אע" and after in ("ו", "י"):
            continue  # the vowel letter after it writes the vowel
        elif c == "ה" and not after and out:
            out.append("a")  # a closing he is a vowel (גולדה, Golda)
        elif written == "פ" and not after:
            out.append("p")  # a word of another language closing in p keeps the open form (טראמפ)
        else:
            out.append(_HEBREW_LETTERS[c])
    return "".join(out)

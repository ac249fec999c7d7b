"""Chinese names in Wade-Giles romanisation rewritten in pinyin (Mao Tse-tung: Mao Zedong).

Older sources and many lists write Chinese names the Wade-Giles way: Hsi Chin-p'ing for
Xi Jinping, Teng Hsiao-p'ing for Deng Xiaoping. The two systems spell the same syllables
with other letters, so the matcher sees two names. A name is rewritten only when every
word of it is a Chinese syllable, or two or three joined by hyphens, and what only
Wade-Giles writes is in it (syllables hyphenated, or two of hs, ts or tz, a final -ung,
-ieh or -ih, an aspirate's apostrophe): Tang Ming or Li Na are left as written.

Source of the correspondences: compiled by hand from general knowledge of the two
systems, not copied from a table; they are the standard ones, which can be checked against
the Library of Congress's Wade-Giles to pinyin conversion table (its Pinyin Conversion
Project, 2000). Only initials and finals that differ are kept, fewer than that table has:
-o after k and h, yu and yü, erh and -ien are left as written. The ambiguous initials,
whose aspirate's apostrophe is usually lost, are taken as unaspirated.
"""

from __future__ import annotations

import re

# initial, final, and an optional aspirate mark: one Wade-Giles syllable
_SYLLABLE = re.compile(
    r"(?P<initial>ch|hs|ts|tz|sh|ss|[pmftnlkhjyw])?(?P<asp>['’`]?)"
    r"(?P<final>iung|uang|iang|ung|ang|eng|ing|ieh|ueh|uei|uai|uan|ian|iao|ai|ei|ao|ou|an|en|in|un"
    r"|ih|ui|uo|ia|iu|ai|a|e|o|i|u)$"
)
# unaspirated -> pinyin, aspirated (with the apostrophe) -> pinyin
_INITIALS = {
    "p": ("b", "p"), "t": ("d", "t"), "k": ("g", "k"), "ts": ("z", "c"), "tz": ("z", "c"),
    "hs": ("x", "x"), "j": ("r", "r"), "ss": ("s", "s"),
}  # fmt: skip
_FINALS = {"ung": "ong", "iung": "iong", "ieh": "ie", "ueh": "ue", "uei": "ui", "ih": "i"}
_MARKERS = re.compile(r"hs|ts|tz|ung\b|ieh|ih\b|[ptk]['’`]")
_HYPHENATED = re.compile(r"[a-z]-[a-z]")


def to_pinyin(text: str) -> str:
    """`text` (lower case) in pinyin if it is a Chinese name written the Wade-Giles way,
    else `text` unchanged. Wade-Giles's mark is a given name's syllables hyphenated
    (Chou En-lai), or two of its own spellings (Hsi Chin-p'ing): one alone (Ken Tsai)
    is no proof."""
    if not _HYPHENATED.search(text) and len(_MARKERS.findall(text)) < 2:
        return text
    words = text.split()
    if not 2 <= len(words) <= 4:
        return text
    converted = []
    for word in words:
        pieces = word.split("-")
        if len(pieces) > 3:
            return text
        out = [_syllable(p) for p in pieces]
        if any(s is None for s in out):
            return text
        converted.append("-".join(s for s in out if s is not None))
    return " ".join(converted)


def _syllable(piece: str) -> str | None:
    m = _SYLLABLE.match(piece)
    if m is None:
        return None
    initial, aspirated, final = m.group("initial") or "", bool(m.group("asp")), m.group("final")
    if initial == "ch":
        palatal = final.startswith(("i", "ü")) and final != "ih"
        initial = ("q" if palatal else "ch") if aspirated else ("j" if palatal else "zh")
    elif initial in _INITIALS:
        initial = _INITIALS[initial][aspirated]
    if initial in ("z", "c", "s") and final == "u" and m.group("initial") in ("ts", "tz", "ss"):
        final = "i"  # tzu, ssu: zi, si
    return initial + _FINALS.get(final, final)

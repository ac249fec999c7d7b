"""Pass 1 of the mention finder: runs of capitalised tokens, where sentences start, and the
lines written in capitals.

A run is a maximal sequence of capitalised tokens with the connectors names use ("Bank of
England", "Ursula von der Leyen"), found by one regular expression.
"""

from __future__ import annotations

import bisect
import re

from newsreader.analysis import vocab
from newsreader.analysis.model import Span

# Capital letters of the Latin, Greek and Cyrillic scripts. The Latin Extended blocks mix
# cases, so a run's tokens are checked with str.isupper() as well; a full Unicode class
# would cost 50 ms to compile at every start.
_UP = "A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u024f\u0386-\u03ab\u0400-\u042f"
# Invisible format characters (soft hyphen, zero-width space and joiners, word joiner, BOM)
# that editors and pasted web text leave inside words: a name read past them stays one name
FORMAT_CHARACTERS = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_WITHOUT_FORMAT = str.maketrans("", "", FORMAT_CHARACTERS)
_ABBREVIATIONS = "|".join(vocab.POINTED_ABBREVIATIONS)
_PREFIXES = "|".join(vocab.HYPHENED_PARTICLES)
_TOKEN = (
    rf"(?:(?:{_ABBREVIATIONS})\.(?=[ \u00a0]?[{_UP}])"  # Mr. Smith, St. Petersburg
    rf"|[{_UP}]\.(?:[{_UP}]\.)+"  # U.S., U.N.
    rf"|[{_UP}]\.(?=[ \u00a0][{_UP}])"  # the initial in John F. Kennedy
    rf"|(?:(?:{_PREFIXES})-)?[{_UP}](?:[\w&{FORMAT_CHARACTERS}]|['’.](?=\w)|-(?=\w))*)"
)
_CONNECTOR = f"(?:{'|'.join(vocab.NAME_CONNECTORS)})"
_GAP = rf"[ \u00a0](?:{_CONNECTOR}[ \u00a0]){{0,2}}"
RUN = re.compile(rf"(?<![\w’']){_TOKEN}(?:{_GAP}{_TOKEN})*")
TOKEN_IN_RUN = re.compile(rf"{_TOKEN}|(?<=[ \u00a0]){_CONNECTOR}(?=[ \u00a0])")
POSSESSIVE = re.compile(r"(?:['’]s|(?<=s)['’])$")
_CAPS_LINE_MIN_LETTERS = 8


def without_format(text: str) -> str:
    """`text` without the invisible format characters a name may hold ("Mar\u200bco")."""
    return text.translate(_WITHOUT_FORMAT)


def is_acronym(surface: str) -> bool:
    """ "NATO", "U.N.", "AT&T": two to six capitals, points and ampersands aside."""
    letters = surface.replace(".", "").replace("&", "")
    return 2 <= len(letters) <= 6 and letters.isupper() and letters.isalpha()


def strip_possessive(word: str) -> str:
    """ "China's" -> "China", "Workers'" -> "Workers"; other words as they are."""
    m = POSSESSIVE.search(word)
    return word[: m.start()] if m and len(word) > 2 else word


def is_initial(text: str, pos: int) -> bool:
    """Does a sentence (or a quotation, or a line) start at `pos`?"""
    j = pos - 1
    while j >= 0 and text[j] in " \t\u00a0\"“‘'([{*•·":
        j -= 1
    return j < 0 or text[j] in ".!?:;\n…"


def inside(pos: int, spans: list[Span]) -> bool:
    """Is `pos` inside one of the sorted, non-overlapping `spans`?"""
    i = bisect.bisect_right(spans, (pos, 1 << 62)) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


_LOWER_WORD = re.compile(r"\b[a-z]{3,}\b")
_DROP_LOWER = str.maketrans("", "", "abcdefghijklmnopqrstuvwxyzàáâãäåæçèéêëìíîïñòóôõöøùúûüýÿ")
_DROP_UPPER = str.maketrans("", "", "ABCDEFGHIJKLMNOPQRSTUVWXYZÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝ")


def shouted_lines(text: str) -> list[Span]:
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

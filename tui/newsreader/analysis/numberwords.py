"""Numbers written as English words, as digits: "Brigade Forty-Four" is Brigade 44.

Cardinals and ordinals up to the thousands ("One Hundred and One", "Twenty-First");
"21st" becomes 21 too, so every way of writing a number in a name meets as digits.
"""

from __future__ import annotations

import re

_UNITS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen"
).split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_ORDINAL_UNITS = (
    "zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
    "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth"
).split()
_ORDINAL_TENS = "twentieth thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth".split()

VALUES: dict[str, int] = {
    **{w: n for n, w in enumerate(_UNITS)},
    **{w: n for n, w in enumerate(_ORDINAL_UNITS)},
    **{w: 20 + 10 * n for n, w in enumerate(_TENS)},
    **{w: 20 + 10 * n for n, w in enumerate(_ORDINAL_TENS)},
}
_SCALES = {"hundred": 100, "hundredth": 100, "thousand": 1000, "thousandth": 1000}
WORDS = frozenset(VALUES) | frozenset(_SCALES)

_NUMBER = "|".join(sorted(WORDS, key=len, reverse=True))
# a run of number words, hyphens or "and" between them (one hundred and one)
_RUN = re.compile(rf"\b(?:{_NUMBER})(?:(?:[\s-]+|[\s-]+and[\s-]+)(?:{_NUMBER}))*\b")
_ORDINAL_DIGITS = re.compile(r"\b(\d+)(?:st|nd|rd|th)\b")


def _value(words: list[str]) -> int:
    total = current = 0
    for word in words:
        if word in _SCALES:
            current = max(current, 1) * _SCALES[word]
            if _SCALES[word] >= 1000:
                total, current = total + current, 0
        else:
            current += VALUES[word]
    return total + current


def _as_digits(m: re.Match[str]) -> str:
    """One number; "and" joins a number's parts only after hundred or thousand (one
    hundred and one), otherwise two numbers (one and two)."""
    numbers: list[list[str]] = [[]]
    for word in re.split(r"[\s-]+", m.group()):
        if word == "and":
            if numbers[-1][-1] not in _SCALES:
                numbers.append([])
        elif word:
            numbers[-1].append(word)
    return " and ".join(str(_value(words)) for words in numbers)


def as_digits(lowered: str) -> str:
    """`lowered` (lower case) with its number words and ordinals as digits."""
    lowered = _ORDINAL_DIGITS.sub(r"\1", lowered)
    return _RUN.sub(_as_digits, lowered)

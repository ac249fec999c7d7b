"""Legal forms of companies in many languages (data/legal_forms.tsv, after ISO 20275).

A company's name is compared without its legal form: "Siemens AG", "Siemens
Aktiengesellschaft" and "Siemens" are one name. `SHORT` holds every one-word form
(AG, GmbH, OOO, Limited); `spell_short` rewrites the spelt-out forms ("sociedad
anonima", "obshchestvo s ogranichennoy otvetstvennostyu") as their short form, so both
are set apart alike. The file is small and read once, on import.
"""

from __future__ import annotations

import re
from pathlib import Path

DATA_FILE = Path(__file__).resolve().parent / "data" / "legal_forms.tsv"
_SEPARATORS = re.compile(r"[\s./-]+")


def _read() -> tuple[frozenset[str], dict[str, str]]:
    """(one-word forms, {spelt-out or multi-word form, words space-separated: short form})."""
    short: set[str] = set()
    phrases: dict[str, str] = {}
    for line in DATA_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        forms, spelt = line.split("\t")[:2]
        abbreviations = [f for f in forms.split("|") if f]
        name = abbreviations[0].replace(".", "")
        for form in [*abbreviations, *(s for s in spelt.split("|") if s)]:
            words = [w for w in _SEPARATORS.split(form.lower()) if w]
            if len(words) == 1 or (all(len(w) == 1 for w in words) and "." in form):
                short.add("".join(words))  # S.A. and a.s. are written as sa and as
            if len(words) > 1:
                phrases[" ".join(words)] = name
    return frozenset(short), phrases


SHORT, _PHRASES = _read()
# the first word of each phrase: a name without any of them needs no regex
PHRASE_STARTS = frozenset(p.split(" ", 1)[0] for p in _PHRASES)
_PHRASE = re.compile(
    r"(?<![a-z0-9])(?:"
    + "|".join(
        r"[\s./-]*".join(map(re.escape, p.split(" "))) + r"\.?"
        for p in sorted(_PHRASES, key=len, reverse=True)
    )
    + r")(?![a-z0-9])"
)


# a phrase found by its letters alone: "l.l.c." and "llc" are one form, however written
_BY_LETTERS = {p.replace(" ", ""): short for p, short in _PHRASES.items()}


def spell_short(lowered: str) -> str:
    """`lowered` (ASCII, lower case) with each spelt-out legal form as its short form."""
    return _PHRASE.sub(lambda m: f" {_BY_LETTERS[_SEPARATORS.sub('', m.group())]} ", lowered)

"""Results tables in sports news: the names in a score line or a standings row are teams.

Wire sports pages carry tables such as

    Rovers 6 Hyundai 2                a result: two names, each followed by its score
    Kestrels 58 3 41 .586 -           a standings row: a name, then three or more columns

Whatever their names look like, a town (Barnsley), a company (Hyundai) or a word
(Albion), in such a line they name clubs. Two such lines make a table; one alone may be
prose. The tables of individual sports name people ("Ernie Els 68 70 72"): a table
whose names mostly begin with a given name is left alone.
"""

from __future__ import annotations

import re

from newsreader.analysis import lexicon
from newsreader.analysis.model import Span
from newsreader.analysis.weights import CUTOFFS

# A team's name: capitalised words, with the small words club names have (Queen of the
# South, Queen 's Park, Heriot 's F.P.); no digits, no brackets.
_NAME = r"[A-Z][A-Za-z'.&-]*(?:[ \t]+(?:[A-Z][A-Za-z'.&-]*|of|the|de|del|la|'s))*"
_SCORE = r"[ \t]+\d{1,3}"
_RESULT = re.compile(rf"^({_NAME}){_SCORE}[ \t]+({_NAME}){_SCORE}[ \t]*$", re.MULTILINE)
_STANDING = re.compile(rf"^({_NAME})(?:[ \t]+(?:\d[\d./]*|\.\d+|-)){{3,}}[ \t]*$", re.MULTILINE)
MIN_LINES = 2


def team_spans(text: str) -> list[Span]:
    """The spans of the names in the text's results tables, in order."""
    if text.count("\n") < MIN_LINES - 1:
        return []
    spans = [m.span(g) for m in _RESULT.finditer(text) for g in (1, 2)]
    lines = len(spans) // 2
    standings = [m.span(1) for m in _STANDING.finditer(text)]
    if lines + len(standings) < MIN_LINES:
        return []
    found = sorted(spans + standings)
    people = sum(1 for s, e in found if _person_like(text[s:e]))
    return [] if people * 2 > len(found) else found


def _person_like(name: str) -> bool:
    """A given name and more: Ernie Els, not Crystal Palace (a given name, then a noun)."""
    words = name.split()
    if len(words) < 2 or not words[-1][:1].isupper():
        return False
    given = lexicon.given_name(words[0].title())
    return given is not None and given[1] >= 3 and lexicon.zipf(words[-1]) < CUTOFFS.table_person_last_below

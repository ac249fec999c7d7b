"""The last pass of the mention finder: names the body established, found again where the
first passes could not decide.

Sentence-initial words that segmenting dropped ("Small said") and the words of upper-case
headlines and datelines are not read as names by their looks: they are matched against the
names the body typed, the parts of its people's full names, the gazetteer and the
reference list.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from newsreader.analysis import lexicon, vocab
from newsreader.analysis.mention_evidence import Mention, Tok
from newsreader.analysis.mention_runs import inside
from newsreader.analysis.model import ENTITY_TYPES, ORGANIZATION, PERSON, PLACE, Span
from newsreader.analysis.weights import WEIGHTS


def found_again(
    text: str,
    mentions: list[Mention],
    dropped: list[Tok],
    caps_lines: list[Span],
    skip: list[Span],
    known: Mapping[str, str],
    sports: bool,
) -> list[Mention]:
    """Mentions of names in `mentions` at the `dropped` sentence starts and in the
    `caps_lines` outside `skip`."""
    by_surface: dict[str, tuple[str, str]] = {}
    for m in mentions:
        by_surface.setdefault(m.text, (m.type, m.evidence))
    parts: dict[str, str] = {}
    for surface, (kind, _) in by_surface.items():
        if kind == PERSON and " " in surface:
            for part in surface.split():
                if part[:1].isupper() and part not in vocab.NOT_NAMES:
                    parts.setdefault(part, PERSON)
    out: list[Mention] = []
    for s, e, t in dropped:
        known_kind = by_surface[t][0] if t in by_surface else parts.get(t)
        if known_kind in (PERSON, ORGANIZATION, PLACE):
            out.append(Mention(s, e, t, known_kind, "named so elsewhere in this text"))
    if caps_lines:
        lookup = {k.upper(): (k, v[0]) for k, v in by_surface.items() if v[0] in ENTITY_TYPES}
        for part, kind in parts.items():
            lookup.setdefault(part.upper(), (part, kind))
        for s, e in caps_lines:
            if inside(s, skip):
                continue
            out.extend(_match_shouted(text, s, e, lookup, known, sports))
    return out


_SHOUTED_WORD = re.compile(r"[\w.&'’-]+")
_SCORE_AFTER = re.compile(r"[ \t]+\d{1,3}\b(?![-/.]\d)")  # "NEW YORK 5", not a dateline's date


def _match_shouted(
    text: str,
    start: int,
    end: int,
    lookup: dict[str, tuple[str, str]],
    known: Mapping[str, str],
    sports: bool,
) -> list[Mention]:
    words = [(m.start() + start, m.end() + start, m.group()) for m in _SHOUTED_WORD.finditer(text[start:end])]
    out: list[Mention] = []
    i = 0
    while i < len(words):
        hit = None
        for n in (4, 3, 2, 1):
            if i + n > len(words):
                continue
            s, e = words[i][0], words[i + n - 1][1]
            phrase = text[s:e]
            key = phrase.upper()
            if key in lookup:
                hit = (s, e, lookup[key][1], "named so in the body")
            else:
                titled = phrase.title()
                place = lexicon.place(titled)
                if place is not None and (
                    place.is_large
                    or place.kind == "admin"
                    or place.population >= WEIGHTS.shouted_place_population
                ):
                    hit = (s, e, PLACE, f"gazetteer: {place.kind}")
                    if sports and place.kind in ("admin", "city") and _SCORE_AFTER.match(text, e):
                        hit = (s, e, ORGANIZATION, "a team named after its town (sports report)")
                elif phrase in known or titled in known:
                    hit = (s, e, known.get(phrase) or known[titled], "in the reference list")
            if hit:
                out.append(Mention(hit[0], hit[1], text[hit[0] : hit[1]], hit[2], hit[3]))
                i += n
                break
        else:
            i += 1
    return out

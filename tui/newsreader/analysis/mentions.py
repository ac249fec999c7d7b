"""Candidate names in text, typed person / organization / place / group.

The method, in passes, each in its own module:

1. *Runs* (`mention_runs`): maximal sequences of capitalised tokens, with the connectors
   names use ("Bank of England", "Ursula von der Leyen"); and short runs of scripts
   without capitals inside Latin prose ("Xi Jinping (习近平)"), typed by their own votes.
2. *Segments* (`mention_segments`): each run cut where English puts two names side by
   side (before a title, at a possessive, at "and", after a country adjective before a
   person); sentence-initial common words ("According", "Some") dropped.
3. *Votes* (`mention_votes`): evidence for each type from each occurrence's shape, the
   gazetteer, the reference list and its context, summed per surface over the whole
   document (one sense per discourse); short forms take the type of the full names they
   belong to. The weights are in `weights`.
4. *Echoes* (`mention_echoes`): upper-case headlines and datelines, and the sentence
   starts segmenting dropped, matched against the names the body established.

This module runs the passes over a text, with what holds for a text as a whole: results
tables, whether it is a sports report, a transcript's speaker labels.
"""

from __future__ import annotations

import bisect
import re
from array import array
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from newsreader.analysis import lexicon, names, tables, vocab
from newsreader.analysis.mention_echoes import found_again
from newsreader.analysis.mention_evidence import Mention, Occurrence, Tok
from newsreader.analysis.mention_runs import RUN, inside, is_initial, shouted_lines, uncased_runs
from newsreader.analysis.mention_segments import segments
from newsreader.analysis.mention_votes import (
    Tally,
    is_sports_report,
    vote_context,
    vote_shape,
    vote_team,
    vote_uncased,
)
from newsreader.analysis.model import ENTITY_TYPES, ORGANIZATION, PERSON, PLACE, Span
from newsreader.analysis.weights import CUTOFFS, WEIGHTS

__all__ = ["Mention", "find_mentions"]

_SHAPES_KEPT = 20_000
_SHAPES_KEPT_BETWEEN_TEXTS = 5_000  # about 1 KB each, kept while no text is read


def find_mentions(
    text: str,
    *,
    skip: Iterable[Span] = (),
    known: Mapping[str, str] | None = None,
    progress: Callable[[float], None] | None = None,
) -> list[Mention]:
    """Typed name mentions in `text`, sorted, never overlapping.

    `skip` spans (page boilerplate) are not read. `known` maps names from reference lists
    to their types; they count as strong evidence. `progress` is told the fraction of
    the text read, every 2% of it (and 64 KB at least).
    """
    known = _NO_NAMES if known is None else known
    skip = sorted(skip)
    caps_lines = shouted_lines(text)
    teams = [span for span in tables.team_spans(text) if not inside(span[0], skip)]
    team_at = {span: _team_type(text[span[0] : span[1]]) for span in teams}
    sports = bool(teams) or is_sports_report(text)
    labels = _speaker_labels(text, skip)
    # each occurrence's votes are summed into its surface's as soon as they are known, so
    # a long text keeps only the span of each occurrence, not its votes and reasons
    tally = Tally()
    # the occurrences found: offsets in arrays of machine integers, not a tuple each
    found_starts, found_ends = array("q"), array("q")
    found_texts: list[str] = []
    dropped_initials: list[Tok] = []
    shapes = _shapes_for(known)
    step = max(len(text) // 50, 1 << 16)
    next_report = step
    for m in RUN.finditer(text):
        start = m.start()
        if progress is not None and start >= next_report:
            progress(start / len(text))
            next_report = start + step
        if (skip and inside(start, skip)) or (caps_lines and inside(start, caps_lines)):
            continue
        key = (m.group(), is_initial(text, start))
        shape = shapes.get(key)
        if shape is None:
            if len(shapes) >= _SHAPES_KEPT:
                shapes.clear()  # a long text of ever new names would keep them all
            shape = shapes[key] = _shape_run(*key, known)
        for occ in shape.place(start):
            vote_context(text, occ)
            if sports:
                vote_team(text, occ)
            if team_at or labels:  # a results table's teams, a transcript's speakers
                _vote_table_or_label(occ, team_at, labels)
            tally.add(occ)
            found_starts.append(occ.start)
            found_ends.append(occ.end)
            found_texts.append(occ.text)
        if shape.dropped:
            dropped_initials.extend((start + s, start + e, t) for s, e, t in shape.dropped)
    if len(shapes) > _SHAPES_KEPT_BETWEEN_TEXTS:
        shapes.clear()  # a long text's names, most of them its own
    # names in scripts without capitals, which no run holds: Arabic, Hebrew, Han, Hangul, Kana
    for start, end, script in uncased_runs(text):
        if inside(start, skip):
            continue
        surface = text[start:end]
        occ = Occurrence(start, end, surface, tuple(surface.split()), is_initial(text, start))
        vote_uncased(occ, script, known)
        vote_context(text, occ)
        tally.add(occ)
        found_starts.append(start)
        found_ends.append(end)
        found_texts.append(surface)
    types = tally.decide()
    del tally  # the votes of every surface, let go before the mentions are made
    mentions = []
    for s, e, surface in zip(found_starts, found_ends, found_texts, strict=True):
        typed = types.get(surface)
        if typed is not None and typed[0] in ENTITY_TYPES:
            # the surface's string as the tally kept it: one for all its mentions
            mentions.append(Mention(s, e, typed[2], typed[0], typed[1]))
    del found_starts, found_ends, found_texts, types
    mentions += found_again(text, mentions, dropped_initials, caps_lines, skip, known, sports)
    if teams:
        mentions = _with_table_teams(text, mentions, team_at)
    if labels:
        covered = sorted((m.start, m.end) for m in mentions)
        mentions += [
            Mention(s, e, text[s:e], PERSON, _LABELLED)
            for s, e in labels
            if not _overlaps_any(Mention(s, e, "", PERSON), covered)
        ]
    return _without_overlaps([_with_abbreviation_point(text, m) for m in mentions])


def _vote_table_or_label(occ: Occurrence, team_at: Mapping[Span, str], labels: set[Span]) -> None:
    if team_at.get((occ.start, occ.end)) == ORGANIZATION:
        occ.vote(ORGANIZATION, WEIGHTS.table_team, _IN_TABLE)
    if (occ.start, occ.end) in labels:
        occ.vote(PERSON, WEIGHTS.speaker_label, _LABELLED)


_NO_NAMES: Mapping[str, str] = MappingProxyType({})
# A run's segments and shape votes depend only on its words, whether a sentence starts
# there and the reference list's names; names and sentence openers ("The", "But") recur
# within a text and from one text to the next, so each distinct run is worked out once
# for as long as the same `known` mapping is passed (an analyser's, for all its texts).
_kept_shapes: list[tuple[Mapping[str, str], int, dict[tuple[str, bool], _Shape]]] = []


def _shapes_for(known: Mapping[str, str]) -> dict[tuple[str, bool], _Shape]:
    """The shapes kept for `known`: new ones when it is another mapping than the last
    call's, or has changed size (a mapping changed in place keeps its identity). A text
    analysed meanwhile with the other mapping keeps the shapes it was given."""
    kept = _kept_shapes[0] if _kept_shapes else None
    if kept is None or kept[0] is not known or kept[1] != len(known):
        kept = (known, len(known), {})
        _kept_shapes[:] = [kept]
    return kept[2]


@dataclass(frozen=True)
class _Shape:
    """A run's segments with their shape votes, at offsets relative to the run."""

    occurrences: tuple[Occurrence, ...]
    dropped: tuple[Tok, ...]

    def place(self, offset: int) -> list[Occurrence]:
        return [o.moved(offset) for o in self.occurrences]


def _shape_run(run: str, initial: bool, known: Mapping[str, str]) -> _Shape:
    frame = ("\n" if initial else ",") + run  # one character of context: a sentence start or not
    dropped: list[Tok] = []
    occurrences = segments(frame, 1, len(frame), known, dropped)
    for occ in occurrences:
        vote_shape(occ, known)
        occ.start -= 1
        occ.end -= 1
    return _Shape(tuple(occurrences), tuple((s - 1, e - 1, t) for s, e, t in dropped))


def _with_abbreviation_point(text: str, m: Mention) -> Mention:
    """ "NationsBank Corp." keeps its point: the abbreviation's, not the sentence's."""
    if text[m.end : m.end + 1] == "." and m.text.rsplit(" ", 1)[-1] in vocab.ABBREVIATED_LEGAL_FORMS:
        return Mention(m.start, m.end + 1, m.text + ".", m.type, m.evidence)
    return m


_IN_TABLE = "a team in a results table"

# "WALLACE: Let's start…" opening a line (inside a quote mark, often): a transcript's
# speaker label
_LABEL = re.compile(r"^[\"“'‘]?([A-Z][A-Z'’.-]+(?:[ \t][A-Z][A-Z'’.-]+){0,2}):[ \t]", re.MULTILINE)


def _speaker_labels(text: str, skip: list[Span]) -> set[Span]:
    """The speaker labels of a transcript. A label must come back (an interview has two
    voices at least) or be a surname ("GONZALEZ:" once, in an excerpt), and not be a common
    word ("NOTE:", "UPDATE:")."""
    found = [m.span(1) for m in _LABEL.finditer(text) if not inside(m.start(), skip)]
    counts: dict[str, int] = defaultdict(int)
    for s, e in found:
        counts[text[s:e]] += 1
    return {
        (s, e)
        for s, e in found
        if (counts[text[s:e]] >= 2 or names.is_surname(text[s:e].split()[-1].title()))
        and not any(w in vocab.NOT_NAMES for w in text[s:e].title().split())
        and lexicon.zipf(text[s:e]) < CUTOFFS.speaker_label_below
        and not lexicon.is_country(text[s:e])  # "LATVIA: yes" in a roll call
    }


_LABELLED = "a speaker's label in a transcript"


def _team_type(name: str) -> str:
    """A results table's name is a club, but a country's is its national team, which news
    and its annotation conventions keep as the country."""
    return PLACE if lexicon.is_country(name) else ORGANIZATION


def _with_table_teams(text: str, mentions: list[Mention], team_at: Mapping[Span, str]) -> list[Mention]:
    """Every name of a results table as one mention of its team: a shouted line's names
    (ST LOUIS 5 DETROIT 3), short ones (LG 2 OB 0) and words at a line's start are not
    found as names by the passes above, and a name may have been cut short there."""
    covered = {(m.start, m.end) for m in mentions}
    teams = sorted(team_at)
    kept = [m for m in mentions if (m.start, m.end) in team_at or not _overlaps_any(m, teams)]
    for (start, end), kind in team_at.items():
        if (start, end) not in covered:
            kept.append(Mention(start, end, text[start:end], kind, _IN_TABLE))
    return kept


def _overlaps_any(m: Mention, spans: list[Span]) -> bool:
    i = bisect.bisect_right(spans, (m.start, 1 << 62)) - 1
    if i >= 0 and spans[i][1] > m.start:
        return True
    return i + 1 < len(spans) and spans[i + 1][0] < m.end


def _without_overlaps(mentions: list[Mention]) -> list[Mention]:
    mentions.sort(key=lambda m: (m.start, -(m.end - m.start)))
    out: list[Mention] = []
    last_end = -1
    for m in mentions:
        if m.start >= last_end:
            out.append(m)
            last_end = m.end
    return out

"""What is highlighted where in the article, cut into runs for one display line.

The article view asks for the runs of a line and styles each run from its `RunStyle`;
this module knows nothing of colours or Textual, so the tests check it directly.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from itertools import pairwise
from typing import NamedTuple

from newsreader.ui.navigation import MentionIndex

Span = tuple[int, int]


class RunStyle(NamedTuple):
    """How one run of text is shown; the view turns it into a terminal style."""

    type: str | None = None  # entity type of the mention under it
    marked: bool = False  # another mention of the followed entity, a search hit, the chosen quote
    current: bool = False  # under the cursor
    boilerplate: bool = False


PLAIN = RunStyle()


class Highlights:
    """Mentions, boilerplate, marks and the cursor of one article, queried by line."""

    def __init__(self, mentions: MentionIndex, boilerplate: Sequence[Span] = ()) -> None:
        self.mentions = mentions
        self._mention_starts = [m.start for m in mentions.mentions]
        self._boilerplate = sorted(boilerplate)
        self.marked_entity: str | None = None
        self.marked_spans: list[Span] = []
        self.cursor: Span | None = None

    def entities_between(self, start: int, end: int) -> frozenset[str]:
        """The entities with a mention on `[start, end)`: lines to redraw when marks change."""
        return frozenset(self.mentions.mentions[i].entity_id for i in self._mentions_between(start, end))

    def has_marked_span(self, start: int, end: int) -> bool:
        """Whether a marked span (a search hit, the chosen quote) overlaps `[start, end)`."""
        return start < end and bool(_overlapping(self.marked_spans, start, end))

    def runs(self, start: int, end: int) -> list[tuple[int, int, RunStyle]]:
        """`[start, end)` cut where its style changes, as (start, end, style) in text offsets."""
        if start >= end:
            return []
        mentions = [self.mentions.mentions[i] for i in self._mentions_between(start, end)]
        marked = _overlapping(self.marked_spans, start, end)
        boilerplate = _overlapping(self._boilerplate, start, end)
        cursor = self.cursor if self.cursor and self.cursor[0] < end and self.cursor[1] > start else None

        cuts = {start, end}
        for a, b in [
            *((m.start, m.end) for m in mentions),
            *marked,
            *boilerplate,
            *([cursor] if cursor else []),
        ]:
            cuts.update(x for x in (a, b) if start < x < end)
        edges = sorted(cuts)

        runs: list[tuple[int, int, RunStyle]] = []
        for a, b in pairwise(edges):
            mention = next((m for m in mentions if m.start <= a < m.end), None)
            style = RunStyle(
                type=mention.type if mention else None,
                marked=bool((mention and mention.entity_id == self.marked_entity) or _covers(marked, a)),
                current=bool(cursor and cursor[0] <= a < cursor[1]),
                boilerplate=_covers(boilerplate, a),
            )
            if runs and runs[-1][2] == style:
                runs[-1] = (runs[-1][0], b, style)
            else:
                runs.append((a, b, style))
        return runs

    def _mentions_between(self, start: int, end: int) -> range:
        # Mentions do not overlap one another, so only the one before `start` can reach in.
        first = max(0, bisect_right(self._mention_starts, start) - 1)
        if first < len(self._mention_starts) and self.mentions.mentions[first].end <= start:
            first += 1
        return range(first, bisect_left(self._mention_starts, end))


def _overlapping(spans: Sequence[Span], start: int, end: int) -> list[Span]:
    """The spans of a sorted, non-overlapping list that overlap `[start, end)`."""
    first = max(0, bisect_right(spans, (start, start)) - 1)
    out = []
    for span in spans[first:]:
        if span[0] >= end:
            break
        if span[1] > start:
            out.append(span)
    return out


def _covers(spans: Sequence[Span], offset: int) -> bool:
    return any(a <= offset < b for a, b in spans)

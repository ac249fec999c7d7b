"""Finding a typed query in the article: every hit, and stepping through them with wrap."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

Span = tuple[int, int]


class Hits:
    """The places `query` occurs, in text order."""

    __slots__ = ("_starts", "query", "spans")

    def __init__(self, query: str, spans: tuple[Span, ...]) -> None:
        self.query = query
        self.spans = spans
        self._starts = [s for s, _ in spans]

    def __len__(self) -> int:
        return len(self.spans)

    def after(self, offset: int) -> int | None:
        """Index of the first hit starting after `offset`, wrapping to the first."""
        if not self.spans:
            return None
        index = bisect_right(self._starts, offset)
        return index if index < len(self.spans) else 0

    def index_of(self, start: int) -> int | None:
        """Index of the hit starting at `start`, if there is one."""
        index = bisect_left(self._starts, start)
        return index if index < len(self.spans) and self._starts[index] == start else None

    def before(self, offset: int) -> int | None:
        """Index of the last hit starting before `offset`, wrapping to the last."""
        if not self.spans:
            return None
        index = bisect_left(self._starts, offset) - 1
        return index if index >= 0 else len(self.spans) - 1


def find(text: str, query: str) -> Hits:
    """All non-overlapping occurrences of `query`; case matters only if it has capitals.

    This is vim's "smartcase": `xi` finds "Xi" and "xi", `Xi` finds only "Xi".
    """
    if not query:
        return Hits(query, ())
    flags = 0 if any(c.isupper() for c in query) else re.IGNORECASE
    pattern = re.compile(re.escape(query), flags)
    return Hits(query, tuple(m.span() for m in pattern.finditer(text)))

"""Reviewers' decisions on proposed matches, and the seam the review store plugs into.

A pane asks for a decision with a `DecisionRequested` message; the app records it in a
`DecisionLog` and the panes show the verdict. `MemoryDecisions` keeps them for the
session; the SQLite store of issue 6 implements the same three methods.
"""

from __future__ import annotations

from typing import NamedTuple, Protocol

ACCEPT = "accept"
REJECT = "reject"
UNSURE = "unsure"
VERDICTS = (ACCEPT, REJECT, UNSURE)

MATCH = "match"  # an entity and a reference-list entry
MERGE = "merge"  # two entities of the article that may be one


class Subject(NamedTuple):
    """What a decision is about: an entity and a candidate (a list entry's name, or for
    a merge the other entity's id)."""

    entity_id: str
    candidate: str
    kind: str = MATCH


class Decision(NamedTuple):
    subject: Subject
    verdict: str


class DecisionLog(Protocol):
    def record(self, decision: Decision) -> None: ...

    def undo(self) -> Decision | None:
        """Take back the most recent decision; returns it, or None if there is none."""
        ...

    def verdict(self, subject: Subject) -> str | None: ...


class MemoryDecisions:
    """Decisions for this session only, newest last."""

    def __init__(self) -> None:
        self._log: list[Decision] = []
        self._current: dict[Subject, str] = {}

    def record(self, decision: Decision) -> None:
        self._log.append(decision)
        self._current[decision.subject] = decision.verdict

    def undo(self) -> Decision | None:
        if not self._log:
            return None
        undone = self._log.pop()
        earlier = [d.verdict for d in self._log if d.subject == undone.subject]
        if earlier:
            self._current[undone.subject] = earlier[-1]
        else:
            del self._current[undone.subject]
        return undone

    def verdict(self, subject: Subject) -> str | None:
        return self._current.get(subject)

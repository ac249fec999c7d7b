"""What the reader asks of a review, and the one class that asks the review store.

A pane row's `a` / `x` / `z` is a `Decision` in the reader's own terms (an entity id and
a candidate's name); a review key (`T` `M` `X` `w` `c` `S`, accepting the exact matches)
builds the review's own decision (newsreader.review.decisions) and asks for it as a
change. The app hands either to its `DecisionLog`; `ReviewDecisions` is that log over an
`ArticleReview`, which commits each one at once. Nothing here imports the review package
but its vocabulary until a decision is made: the reader starts without it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple, NoReturn, Protocol

from newsreader.review.vocabulary import ACCEPT, MATCH, MERGE, REJECT, VERDICTS

if TYPE_CHECKING:
    from newsreader.analysis.model import Entity, Match
    from newsreader.review.decisions import Decision as Change
    from newsreader.review.decisions import Recorded
    from newsreader.review.overlay import ReviewedAnalysis
    from newsreader.review.session import ArticleReview


class Subject(NamedTuple):
    """What a decision is about: an entity and a candidate (a list entry's name, and its
    list, or for a merge suggestion the other entity's id)."""

    entity_id: str
    candidate: str
    kind: str = MATCH  # or MERGE (review.vocabulary)
    list: str = ""


class Decision(NamedTuple):
    """A verdict (review.vocabulary's ACCEPT, REJECT, UNSURE_VERDICT) on a pane row."""

    subject: Subject
    verdict: str


class DecisionLog(Protocol):
    """Where the reader's decisions go; every call is committed before it returns."""

    @property
    def reviewed(self) -> ReviewedAnalysis:
        """The analysis with every standing decision laid over it: what the panes show."""
        ...

    def record(self, decision: Decision) -> Recorded: ...

    def change(self, change: Change) -> Recorded:
        """Record a decision a review key built."""
        ...

    def undo(self) -> Recorded | None:
        """Withdraw the latest decision (of any kind, also one made before a restart)."""
        ...


class ReviewDecisions:
    """A `DecisionLog` over one article's `ArticleReview`.

    Raises the review's `DecisionError` for a request that makes no sense and its
    `StoreError` when the store cannot be written; both read as one line.
    """

    def __init__(self, review: ArticleReview) -> None:
        self.review = review

    @property
    def reviewed(self) -> ReviewedAnalysis:
        return self.review.reviewed

    def record(self, decision: Decision) -> Recorded:
        """The row's verdict as the review's decision: on a candidate, a match decision; on
        a merge suggestion, a merge (accept) or the two kept apart (reject)."""
        from newsreader.review import decisions as made

        subject, verdict = decision
        entity = self._entity(subject.entity_id)
        if subject.kind == MERGE:
            pair = (made.EntityRef.of(entity), made.EntityRef.of(self._entity(subject.candidate)))
            if verdict == ACCEPT:
                return self.review.record(made.MergeDecision(*pair))
            if verdict == REJECT:
                return self.review.record(made.ApartDecision(*pair))
            _refuse("a merge suggestion is accepted or rejected, not marked unsure")
        match = _candidate(entity, subject)
        known = next((v for v in VERDICTS if v == verdict), None)
        if known is None:
            _refuse(f"unknown verdict {verdict!r}")
        return self.review.record(made.MatchDecision(made.EntityRef.of(entity), match, known))

    def change(self, change: Change) -> Recorded:
        return self.review.record(change)

    def undo(self) -> Recorded | None:
        return self.review.undo()

    def _entity(self, entity_id: str) -> Entity:
        entity = self.reviewed.analysis.entity(entity_id)
        if entity is None:
            _refuse(f"no entity {entity_id!r} in this article")
        return entity


def _candidate(entity: Entity, subject: Subject) -> Match:
    for match in entity.candidates:
        if match.name == subject.candidate and subject.list in ("", match.list):
            return match
    _refuse(f"{entity.name} has no candidate {subject.candidate!r}")


def _refuse(reason: str) -> NoReturn:
    """Raise the review's own error, so the app reports it like the review's."""
    from newsreader.review.decisions import DecisionError

    raise DecisionError(reason)

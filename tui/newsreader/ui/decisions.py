"""What the reader asks of a review, and the one class that asks the review store.

Panes and keys describe a decision in the reader's own terms: a `Decision` on a pane row
(`a` / `x` / `z`: an entity id and a candidate's name), or a `Change` from a review key
(`T` `M` `X` `w` `c` `S`). The app hands either to its `DecisionLog`; `ReviewDecisions`
is that log over an `ArticleReview` (newsreader.review), which commits each one at once.
Nothing here imports the review package until a decision is made: the reader starts
without it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple, NoReturn, Protocol

if TYPE_CHECKING:
    from newsreader.analysis.model import Entity, Match, Span
    from newsreader.review.decisions import Recorded
    from newsreader.review.overlay import ReviewedAnalysis
    from newsreader.review.session import ArticleReview

ACCEPT = "accept"
REJECT = "reject"
UNSURE = "unsure"
VERDICTS = (ACCEPT, REJECT, UNSURE)

MATCH = "match"  # an entity and a reference-list entry
MERGE = "merge"  # two entities of the article that may be one


class Subject(NamedTuple):
    """What a decision is about: an entity and a candidate (a list entry's name, and its
    list, or for a merge suggestion the other entity's id)."""

    entity_id: str
    candidate: str
    kind: str = MATCH
    list: str = ""


class Decision(NamedTuple):
    subject: Subject
    verdict: str


# -- the review keys' changes --------------------------------------------------------


class SetType(NamedTuple):
    entity_id: str
    type: str


class Merge(NamedTuple):
    """`other`'s mentions join `keep`, which keeps its name."""

    keep: str
    other: str


class SplitMention(NamedTuple):
    span: Span


class SetSpeaker(NamedTuple):
    quote: Span
    entity_id: str | None  # None: nobody named in the text said it


class Note(NamedTuple):
    on: Span | None  # a mention's span, or None for the article
    text: str  # "" clears the note
    quote: bool = False  # `on` is a quote's span


class SetStatus(NamedTuple):
    status: str


Change = SetType | Merge | SplitMention | SetSpeaker | Note | SetStatus


class DecisionLog(Protocol):
    """Where the reader's decisions go; every call is committed before it returns."""

    @property
    def reviewed(self) -> ReviewedAnalysis:
        """The analysis with every standing decision laid over it: what the panes show."""
        ...

    def record(self, decision: Decision) -> Recorded: ...

    def change(self, change: Change) -> Recorded: ...

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
        subject, verdict = decision
        review = self.review
        if subject.kind == MERGE:
            if verdict == ACCEPT:
                return review.merge(subject.entity_id, subject.candidate)
            if verdict == REJECT:
                return review.keep_apart(subject.entity_id, subject.candidate)
            _refuse("a merge suggestion is accepted or rejected, not marked unsure")
        entity = self._entity(subject.entity_id)
        match = _candidate(entity, subject)
        if verdict == ACCEPT:
            return review.accept(entity, match)
        if verdict == REJECT:
            return review.reject(entity, match)
        return review.unsure(entity, match)

    def change(self, change: Change) -> Recorded:
        review = self.review
        if isinstance(change, SetType):
            return review.set_type(change.entity_id, change.type)
        if isinstance(change, Merge):
            return review.merge(change.keep, change.other)
        if isinstance(change, SplitMention):
            return review.split_mention(change.span)
        if isinstance(change, SetSpeaker):
            return review.set_speaker(change.quote, change.entity_id)
        if isinstance(change, Note):
            if not change.quote or change.on is None:
                return review.note(change.text, on=change.on)
            quote = next((q for q in self.reviewed.analysis.quotes if (q.start, q.end) == change.on), None)
            if quote is None:
                _refuse(f"no quote at {change.on[0]}–{change.on[1]}")
            return review.note(change.text, on=quote)
        return review.set_status(change.status)

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

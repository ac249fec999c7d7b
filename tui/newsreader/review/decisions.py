"""The decisions a reviewer makes: one frozen class per kind, which says all there is about it.

A kind's class knows its `kind` (the name the store files it under) and `stage` (when the
overlay applies it), and says
- `encode` / `decode`: its store (target, value) JSON; equal targets mean "the same question";
- `describe`: how it reads to the user;
- `checked`: whether it makes sense in this article (else `DecisionError`);
- `lay_over`: what it does to the analysis the overlay builds (through a `Layer`);
- `lessons`: the match and keep-apart decisions it teaches other articles (`teaches`).
Subclassing `Decision` registers the kind: a new kind of decision is one class here, and
the key that makes it.

Entity ids change when the analysis improves, so a decision names what it is about by
content: an entity by its name and mention offsets, a mention or quote by its offsets
and text, a candidate by its name and list. Offsets are stable because an article is
keyed by the hash of its text.
"""

from __future__ import annotations

import json
import re
from abc import ABC, abstractmethod
from dataclasses import asdict, dataclass, fields, replace
from enum import IntEnum
from typing import TYPE_CHECKING, Any, ClassVar, Protocol

from newsreader.analysis.model import SAME, Analysis, Entity, Match, Quote, Span
from newsreader.cleaning import clean, normalise_newlines
from newsreader.review.vocabulary import (
    ACCEPT,
    CANDIDATE,
    STATE_OF_VERDICT,
    STATE_WORDS,
    STATUSES,
    VERDICTS,
    Verdict,
)

if TYPE_CHECKING:
    from newsreader.review.overlay import ReviewedAnalysis

_TYPE = re.compile(r"[a-z][a-z_-]{0,31}")


class DecisionError(ValueError):
    """A decision that cannot be made (unknown entity, bad status); `str()` is for the user."""


@dataclass(frozen=True)
class EntityRef:
    """An entity as it was when decided about: found again by its mentions, then its name."""

    name: str
    mentions: tuple[Span, ...]

    @classmethod
    def of(cls, entity: Entity) -> EntityRef:
        return cls(entity.name, tuple(entity.mentions))


@dataclass(frozen=True)
class MentionRef:
    start: int
    end: int
    text: str

    @classmethod
    def at(cls, text: str, span: Span) -> MentionRef:
        """The mention at `span` of the article `text`."""
        return cls(span[0], span[1], text[span[0] : span[1]])

    @property
    def span(self) -> Span:
        return (self.start, self.end)


@dataclass(frozen=True)
class QuoteRef:
    start: int
    end: int

    @classmethod
    def of(cls, quote: Quote) -> QuoteRef:
        return cls(quote.start, quote.end)

    @property
    def span(self) -> Span:
        return (self.start, self.end)


class Stage(IntEnum):
    """When the overlay applies a kind: the entities' shape first, in the order decided."""

    SHAPE = 0  # split, merge, type
    APART = 1
    MATCH = 2
    SPEAKER = 3
    NOTE = 4
    STATUS = 5


class Layer(Protocol):
    """What a decision may do to the analysis the overlay is building (review.overlay).
    Each returns False when it finds nothing to attach to: the decision is then stale."""

    def split(self, mention: MentionRef, type: str | None) -> bool: ...
    def merge(self, keep: EntityRef, other: EntityRef) -> bool: ...
    def retype(self, entity: EntityRef, type: str) -> bool: ...
    def keep_apart(self, a: EntityRef, b: EntityRef) -> bool: ...
    def vote(self, decision: MatchDecision, rec: Recorded) -> bool: ...
    def set_speaker(self, quote: QuoteRef, speaker: EntityRef | None) -> bool: ...
    def note(self, target: MentionRef | QuoteRef | None, text: str) -> bool: ...
    def set_status(self, status: str) -> bool: ...


BY_KIND: dict[str, type[Decision]] = {}  # every kind of decision, by the name the store files it under


class Decision(ABC):
    """One kind of decision; subclasses are frozen dataclasses named in `BY_KIND`."""

    kind: ClassVar[str]
    stage: ClassVar[Stage]
    teaches: ClassVar[bool]  # memory reads this kind's rows from every article

    def __init_subclass__(cls, *, kind: str, stage: Stage, teaches: bool = False, **kw: Any) -> None:
        super().__init_subclass__(**kw)
        if kind in BY_KIND:
            raise TypeError(f"two decision kinds named {kind!r}")
        cls.kind, cls.stage, cls.teaches = kind, stage, teaches
        BY_KIND[kind] = cls

    @abstractmethod
    def encode(self) -> tuple[Any, Any]:
        """(target, value) as JSON data: what it is about, and what was decided."""

    @classmethod
    @abstractmethod
    def decode(cls, target: Any, value: Any) -> Decision:
        """The decision `encode` wrote; KeyError, TypeError or ValueError for data it did not."""

    @abstractmethod
    def describe(self, text: str | None) -> str:
        """How it reads: with the article's `text`, a quote by its first words (see `describe`)."""

    @abstractmethod
    def lay_over(self, layer: Layer, rec: Recorded) -> bool:
        """Apply it to the analysis being built; False: it found nothing to attach to."""

    def checked(self, text: str, analysis: Analysis) -> Decision:
        """This decision as it is recorded for an article of `text` whose reviewed analysis is
        `analysis`; DecisionError when it makes no sense there."""
        return self

    def lessons(self) -> tuple[MatchDecision | ApartDecision, ...]:
        """What it teaches other articles (for a kind that `teaches`)."""
        return ()


@dataclass(frozen=True)
class Recorded:
    """A decision as the store holds it, and who made it."""

    id: int
    created: str
    decision: Decision
    reviewer: str = ""  # '' for a decision made before reviewers were recorded
    curator: bool = False  # it settles what reviewers decided differently


# -- the kinds ------------------------------------------------------------------------


@dataclass(frozen=True)
class MatchDecision(Decision, kind="match", stage=Stage.MATCH, teaches=True):
    """accept / reject / unsure: is this reference-list entry the entity?"""

    entity: EntityRef
    candidate: Match
    verdict: Verdict

    def encode(self) -> tuple[Any, Any]:
        target = {"entity": _entity(self.entity), "candidate": _candidate(self.candidate)}
        return target, {"verdict": self.verdict, "match": asdict(self.candidate)}

    @classmethod
    def decode(cls, target: Any, value: Any) -> Decision:
        verdict = value["verdict"]
        if verdict not in VERDICTS:
            raise ValueError(f"unknown verdict {verdict!r}")
        return cls(_entity_ref(target["entity"]), _known_fields(value["match"]), verdict)

    def describe(self, text: str | None) -> str:
        c = self.candidate
        return f"{STATE_WORDS[STATE_OF_VERDICT[self.verdict]]} {c.name} ({c.list}) for {self.entity.name}"

    def lay_over(self, layer: Layer, rec: Recorded) -> bool:
        return layer.vote(self, rec)

    def checked(self, text: str, analysis: Analysis) -> Decision:
        if self.verdict not in VERDICTS:
            raise DecisionError(f"unknown verdict {self.verdict!r}")
        return self

    def lessons(self) -> tuple[MatchDecision | ApartDecision, ...]:
        return (self,)


EXACT_NAMED = 3  # how many of the accepted names a message lists


@dataclass(frozen=True)
class ExactMatchesDecision(Decision, kind="exact", stage=Stage.MATCH, teaches=True):
    """Every candidate left to decide that is spelt as its entity is, accepted as one
    decision (one undo takes them all back); each lays itself over as an accepted match."""

    matches: tuple[tuple[EntityRef, Match], ...]

    @classmethod
    def of(cls, reviewed: ReviewedAnalysis) -> ExactMatchesDecision:
        """The exact matches waiting in `reviewed`: a candidate named as its entity is,
        which the matcher holds the same. An entity offered two such entries of one list
        (two people of one name) is left to the reviewer. DecisionError when there is none."""
        found: dict[str, list[Match]] = {}
        for item in reviewed.pending:
            entity = reviewed.analysis.entity(item.entity_id or "")
            c = item.candidate
            if item.kind == CANDIDATE and entity is not None and c is not None and _exact(entity, c):
                found.setdefault(entity.id, []).append(c)
        matches = []
        for entity_id, candidates in found.items():
            entity = reviewed.analysis.entity(entity_id)
            lists = [c.list for c in candidates]
            if entity is not None and len(set(lists)) == len(lists):
                matches += [(EntityRef.of(entity), c) for c in candidates]
        if not matches:
            raise DecisionError("no exact match is left to accept")
        return cls(tuple(matches))

    def encode(self) -> tuple[Any, Any]:
        target = {"exact": [{"entity": _entity(e), "candidate": _candidate(c)} for e, c in self.matches]}
        return target, {"matches": [asdict(c) for _, c in self.matches]}

    @classmethod
    def decode(cls, target: Any, value: Any) -> Decision:
        pairs = zip(target["exact"], value["matches"], strict=True)
        return cls(tuple((_entity_ref(ref["entity"]), _known_fields(match)) for ref, match in pairs))

    def describe(self, text: str | None) -> str:
        names = [c.name for _, c in self.matches]
        shown = ", ".join(names[:EXACT_NAMED]) + (", …" if len(names) > EXACT_NAMED else "")
        return f"accepted {len(names)} exact match{'es' if len(names) != 1 else ''} ({shown})"

    def lay_over(self, layer: Layer, rec: Recorded) -> bool:
        applied = [layer.vote(d, rec) for d in self._accepted()]  # each, not the first that fails
        return any(applied)

    def checked(self, text: str, analysis: Analysis) -> Decision:
        if not self.matches:
            raise DecisionError("no exact match is left to accept")
        return self

    def lessons(self) -> tuple[MatchDecision | ApartDecision, ...]:
        return self._accepted()

    def _accepted(self) -> tuple[MatchDecision, ...]:
        return tuple(MatchDecision(e, c, ACCEPT) for e, c in self.matches)


def _exact(entity: Entity, candidate: Match) -> bool:
    return candidate.name == entity.name and candidate.verdict == SAME


@dataclass(frozen=True)
class TypeDecision(Decision, kind="type", stage=Stage.SHAPE):
    entity: EntityRef
    type: str

    def encode(self) -> tuple[Any, Any]:
        return {"entity": _entity(self.entity)}, {"type": self.type}

    @classmethod
    def decode(cls, target: Any, value: Any) -> Decision:
        return cls(_entity_ref(target["entity"]), str(value["type"]))

    def describe(self, text: str | None) -> str:
        return f"typed {self.entity.name} as {self.type}"

    def lay_over(self, layer: Layer, rec: Recorded) -> bool:
        return layer.retype(self.entity, self.type)

    def checked(self, text: str, analysis: Analysis) -> Decision:
        if not _TYPE.fullmatch(self.type):
            raise DecisionError(f"not an entity type: {self.type!r} (use a lower-case word such as person)")
        return self


@dataclass(frozen=True)
class MergeDecision(Decision, kind="merge", stage=Stage.SHAPE):
    """`other`'s mentions belong to `keep`, which keeps its name."""

    keep: EntityRef
    other: EntityRef

    def encode(self) -> tuple[Any, Any]:
        return {"keep": _entity(self.keep), "other": _entity(self.other)}, {}

    @classmethod
    def decode(cls, target: Any, value: Any) -> Decision:
        return cls(_entity_ref(target["keep"]), _entity_ref(target["other"]))

    def describe(self, text: str | None) -> str:
        return f"merged {self.other.name} into {self.keep.name}"

    def lay_over(self, layer: Layer, rec: Recorded) -> bool:
        return layer.merge(self.keep, self.other)

    def checked(self, text: str, analysis: Analysis) -> Decision:
        if self.keep == self.other:
            raise DecisionError("an entity cannot be merged with itself")
        return self


@dataclass(frozen=True)
class ApartDecision(Decision, kind="apart", stage=Stage.APART, teaches=True):
    """`a` and `b` are different: the suggestion to merge them was wrong."""

    a: EntityRef
    b: EntityRef

    def encode(self) -> tuple[Any, Any]:
        # the pair in a fixed order: "a apart from b" and "b apart from a" are one question
        return {"apart": sorted((_entity(self.a), _entity(self.b)), key=_json)}, {}

    @classmethod
    def decode(cls, target: Any, value: Any) -> Decision:
        a, b = target["apart"]
        return cls(_entity_ref(a), _entity_ref(b))

    def describe(self, text: str | None) -> str:
        return f"kept {self.a.name} and {self.b.name} apart"

    def lay_over(self, layer: Layer, rec: Recorded) -> bool:
        return layer.keep_apart(self.a, self.b)

    def checked(self, text: str, analysis: Analysis) -> Decision:
        if self.a == self.b:
            raise DecisionError("an entity cannot be kept apart from itself")
        return self

    def lessons(self) -> tuple[MatchDecision | ApartDecision, ...]:
        return (self,)


@dataclass(frozen=True)
class SplitDecision(Decision, kind="split", stage=Stage.SHAPE):
    """This mention is a different entity from the one the analysis put it in."""

    mention: MentionRef
    type: str | None = None

    def encode(self) -> tuple[Any, Any]:
        return {"mention": asdict(self.mention)}, {"type": self.type}

    @classmethod
    def decode(cls, target: Any, value: Any) -> Decision:
        return cls(MentionRef(**target["mention"]), value["type"])

    def describe(self, text: str | None) -> str:
        kind = f" as a {self.type}" if self.type else ""
        return f"split {_mention(self.mention, text)} off its entity{kind}"

    def lay_over(self, layer: Layer, rec: Recorded) -> bool:
        return layer.split(self.mention, self.type)

    def checked(self, text: str, analysis: Analysis) -> Decision:
        span = self.mention.span
        found = any(span in e.mentions for e in analysis.entities)
        if not found or text[span[0] : span[1]] != self.mention.text:
            raise DecisionError(f"no mention at {span[0]}–{span[1]}")
        if self.type is not None and not _TYPE.fullmatch(self.type):
            raise DecisionError(f"not an entity type: {self.type!r}")
        return self


@dataclass(frozen=True)
class SpeakerDecision(Decision, kind="speaker", stage=Stage.SPEAKER):
    quote: QuoteRef
    speaker: EntityRef | None  # None: nobody in the text said it

    def encode(self) -> tuple[Any, Any]:
        return {"quote": asdict(self.quote)}, {"speaker": _entity(self.speaker) if self.speaker else None}

    @classmethod
    def decode(cls, target: Any, value: Any) -> Decision:
        speaker = value["speaker"]
        return cls(QuoteRef(**target["quote"]), _entity_ref(speaker) if speaker else None)

    def describe(self, text: str | None) -> str:
        who = self.speaker.name if self.speaker else "nobody named"
        return f"set the speaker of {_quote(self.quote, text)} to {who}"

    def lay_over(self, layer: Layer, rec: Recorded) -> bool:
        return layer.set_speaker(self.quote, self.speaker)


@dataclass(frozen=True)
class NoteDecision(Decision, kind="note", stage=Stage.NOTE):
    target: MentionRef | QuoteRef | None  # None: the article
    text: str  # "" clears the note

    def encode(self) -> tuple[Any, Any]:
        return {"on": _note_target(self.target)}, {"text": self.text}

    @classmethod
    def decode(cls, target: Any, value: Any) -> Decision:
        return cls(_note_target_ref(target["on"]), str(value["text"]))

    def describe(self, text: str | None) -> str:
        on = _note_place(self.target, text)
        return f"cleared the note on {on}" if not self.text else f"noted on {on}: {self.text}"

    def lay_over(self, layer: Layer, rec: Recorded) -> bool:
        return layer.note(self.target, self.text)

    def checked(self, text: str, analysis: Analysis) -> Decision:
        """The note on one line of printable text, on a mention that is in the text."""
        if isinstance(self.target, MentionRef):
            start, end = self.target.span
            if not 0 <= start < end <= len(text) or text[start:end] != self.target.text:
                raise DecisionError(f"no mention at {start}–{end}")
        return replace(self, text=clean(normalise_newlines(self.text)).text.strip())


@dataclass(frozen=True)
class StatusDecision(Decision, kind="status", stage=Stage.STATUS):
    status: str

    def encode(self) -> tuple[Any, Any]:
        return {}, {"status": self.status}

    @classmethod
    def decode(cls, target: Any, value: Any) -> Decision:
        return cls(str(value["status"]))

    def describe(self, text: str | None) -> str:
        return f"set the status to {self.status}"

    def lay_over(self, layer: Layer, rec: Recorded) -> bool:
        return layer.set_status(self.status)

    def checked(self, text: str, analysis: Analysis) -> Decision:
        if self.status not in STATUSES:
            raise DecisionError(f"unknown status {self.status!r} (use one of: {', '.join(STATUSES)})")
        return self


# -- writing down -------------------------------------------------------------------


def encode(decision: Decision) -> tuple[str, str, str]:
    """(kind, target, value) for the store; equal targets mean "the same question"."""
    target, value = decision.encode()
    return decision.kind, _json(target), _json(value)


def decode(kind: str, target_json: str, value_json: str) -> Decision:
    """The decision a store row holds; raises DecisionError for a row this version cannot read."""
    cls = BY_KIND.get(kind)
    if cls is None:
        raise DecisionError(f"unknown decision kind {kind!r}")
    try:
        return cls.decode(json.loads(target_json), json.loads(value_json))
    except (KeyError, TypeError, ValueError) as err:
        raise DecisionError(f"unreadable {kind} decision: {err}") from None


def teaching_kinds() -> tuple[str, ...]:
    """The kinds whose decisions teach other articles: what memory reads from the store."""
    return tuple(kind for kind, cls in BY_KIND.items() if cls.teaches)


def _json(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _entity(ref: EntityRef) -> dict[str, Any]:
    return {"name": ref.name, "mentions": [list(m) for m in ref.mentions]}


def _entity_ref(data: dict[str, Any]) -> EntityRef:
    return EntityRef(str(data["name"]), tuple((int(s), int(e)) for s, e in data["mentions"]))


def _candidate(match: Match) -> dict[str, str]:
    """A candidate as a question names it: its entry, not what the matcher said of it."""
    return {"name": match.name, "list": match.list, "entry_id": match.entry_id}


def _note_target(target: MentionRef | QuoteRef | None) -> dict[str, Any] | None:
    if isinstance(target, MentionRef):
        return {"mention": asdict(target)}
    if isinstance(target, QuoteRef):
        return {"quote": asdict(target)}
    return None


def _note_target_ref(data: dict[str, Any] | None) -> MentionRef | QuoteRef | None:
    if data is None:
        return None
    if "mention" in data:
        return MentionRef(**data["mention"])
    return QuoteRef(**data["quote"])


_MATCH_FIELDS = frozenset(f.name for f in fields(Match))


def _known_fields(data: dict[str, Any]) -> Match:
    # a newer Match may carry fields this version does not know; keep what it does
    return Match(**{k: v for k, v in data.items() if k in _MATCH_FIELDS})


# -- saying it ----------------------------------------------------------------------

QUOTE_WORDS = 4  # how many of a quote's first words name it in a message


def describe(decision: Decision, text: str | None = None) -> str:
    """One line for notifications and the report: "accepted Lu Shaye (bundled) for Lu Shai".

    Given the article's `text`, a quote is named by its first words ("the quote
    “Negotiation is…”") and a mention by itself, as a reader says them; without it, by
    their offsets, which stay exact in a report.
    """
    return decision.describe(text)


def _mention(mention: MentionRef, text: str | None) -> str:
    return f"“{mention.text}”" if text is not None else f"“{mention.text}” at {mention.start}–{mention.end}"


def _quote(quote: QuoteRef, text: str | None) -> str:
    if text is None:
        return f"the quote at {quote.start}–{quote.end}"
    words = text[quote.start : quote.end].strip("\"'“”‘’„«» \n").split()
    opening = " ".join(words[:QUOTE_WORDS]) + ("…" if len(words) > QUOTE_WORDS else "")
    return f"the quote “{opening}”"


def _note_place(target: MentionRef | QuoteRef | None, text: str | None = None) -> str:
    if isinstance(target, MentionRef):
        return _mention(target, text)
    if isinstance(target, QuoteRef):
        return _quote(target, text)
    return "the article"

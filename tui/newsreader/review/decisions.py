"""The decisions a reviewer makes, as frozen records, and how they are written down.

Entity ids change when the analysis improves, so a decision names what it is about by
content: an entity by its name and mention offsets, a mention or quote by its offsets
and text, a candidate by its name and list. Offsets are stable because an article is
keyed by the hash of its text. `encode` / `decode` turn a decision into the store's
(kind, target, value) JSON and back; `describe` says it in words for the user.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields
from typing import Any, Literal, TypeAlias

from newsreader.analysis.model import Entity, Match, Quote, Span

Verdict = Literal["accept", "reject", "unsure"]
VERDICTS: tuple[Verdict, ...] = ("accept", "reject", "unsure")
STATUSES = ("new", "in review", "reviewed", "flagged")


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


@dataclass(frozen=True)
class MatchDecision:
    """accept / reject / unsure: is this reference-list entry the entity?"""

    entity: EntityRef
    candidate: Match
    verdict: Verdict


@dataclass(frozen=True)
class TypeDecision:
    entity: EntityRef
    type: str


@dataclass(frozen=True)
class MergeDecision:
    """`other`'s mentions belong to `keep`."""

    keep: EntityRef
    other: EntityRef


@dataclass(frozen=True)
class ApartDecision:
    """`a` and `b` are different: the suggestion to merge them was wrong."""

    a: EntityRef
    b: EntityRef


@dataclass(frozen=True)
class SplitDecision:
    """This mention is a different entity from the one the analysis put it in."""

    mention: MentionRef
    type: str | None = None


@dataclass(frozen=True)
class SpeakerDecision:
    quote: QuoteRef
    speaker: EntityRef | None  # None: nobody in the text said it


@dataclass(frozen=True)
class NoteDecision:
    target: MentionRef | QuoteRef | None  # None: the article
    text: str  # "" clears the note


@dataclass(frozen=True)
class StatusDecision:
    status: str


Decision: TypeAlias = (
    MatchDecision
    | TypeDecision
    | MergeDecision
    | ApartDecision
    | SplitDecision
    | SpeakerDecision
    | NoteDecision
    | StatusDecision
)


@dataclass(frozen=True)
class Recorded:
    """A decision as the store holds it, and who made it."""

    id: int
    created: str
    decision: Decision
    reviewer: str = ""  # '' for a decision made before reviewers were recorded
    curator: bool = False  # it settles what reviewers decided differently


# -- writing down -------------------------------------------------------------------

KINDS: dict[type, str] = {
    MatchDecision: "match",
    TypeDecision: "type",
    MergeDecision: "merge",
    ApartDecision: "apart",
    SplitDecision: "split",
    SpeakerDecision: "speaker",
    NoteDecision: "note",
    StatusDecision: "status",
}


def encode(decision: Decision) -> tuple[str, str, str]:
    """(kind, target, value) for the store; equal targets mean "the same question"."""
    d = decision
    if isinstance(d, MatchDecision):
        candidate = {"name": d.candidate.name, "list": d.candidate.list, "entry_id": d.candidate.entry_id}
        target: Any = {"entity": _entity(d.entity), "candidate": candidate}
        value: Any = {"verdict": d.verdict, "match": asdict(d.candidate)}
    elif isinstance(d, TypeDecision):
        target, value = {"entity": _entity(d.entity)}, {"type": d.type}
    elif isinstance(d, MergeDecision):
        target, value = {"keep": _entity(d.keep), "other": _entity(d.other)}, {}
    elif isinstance(d, ApartDecision):
        # the pair in a fixed order: "a apart from b" and "b apart from a" are one question
        pair = sorted((_entity(d.a), _entity(d.b)), key=_json)
        target, value = {"apart": pair}, {}
    elif isinstance(d, SplitDecision):
        target, value = {"mention": asdict(d.mention)}, {"type": d.type}
    elif isinstance(d, SpeakerDecision):
        target = {"quote": asdict(d.quote)}
        value = {"speaker": _entity(d.speaker) if d.speaker else None}
    elif isinstance(d, NoteDecision):
        target, value = {"on": _note_target(d.target)}, {"text": d.text}
    else:
        target, value = {}, {"status": d.status}
    return KINDS[type(d)], _json(target), _json(value)


def decode(kind: str, target_json: str, value_json: str) -> Decision:
    """The decision a store row holds; raises DecisionError for a row this version cannot read."""
    try:
        target, value = json.loads(target_json), json.loads(value_json)
        if kind == "match":
            match = _known_fields(Match, value["match"])
            verdict = value["verdict"]
            if verdict not in VERDICTS:
                raise ValueError(f"unknown verdict {verdict!r}")
            return MatchDecision(_entity_ref(target["entity"]), match, verdict)
        if kind == "type":
            return TypeDecision(_entity_ref(target["entity"]), str(value["type"]))
        if kind == "merge":
            return MergeDecision(_entity_ref(target["keep"]), _entity_ref(target["other"]))
        if kind == "apart":
            a, b = target["apart"]
            return ApartDecision(_entity_ref(a), _entity_ref(b))
        if kind == "split":
            return SplitDecision(MentionRef(**target["mention"]), value["type"])
        if kind == "speaker":
            speaker = value["speaker"]
            return SpeakerDecision(QuoteRef(**target["quote"]), _entity_ref(speaker) if speaker else None)
        if kind == "note":
            return NoteDecision(_note_target_ref(target["on"]), str(value["text"]))
        if kind == "status":
            return StatusDecision(str(value["status"]))
    except (KeyError, TypeError, ValueError) as err:
        raise DecisionError(f"unreadable {kind} decision: {err}") from None
    raise DecisionError(f"unknown decision kind {kind!r}")


def _json(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _entity(ref: EntityRef) -> dict[str, Any]:
    return {"name": ref.name, "mentions": [list(m) for m in ref.mentions]}


def _entity_ref(data: dict[str, Any]) -> EntityRef:
    return EntityRef(str(data["name"]), tuple((int(s), int(e)) for s, e in data["mentions"]))


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


def _known_fields(cls: type[Match], data: dict[str, Any]) -> Match:
    # a newer Match may carry fields this version does not know; keep what it does
    return cls(**{k: v for k, v in data.items() if k in _MATCH_FIELDS})


# -- saying it ----------------------------------------------------------------------

_VERBS = {"accept": "accepted", "reject": "rejected", "unsure": "marked unsure"}


QUOTE_WORDS = 4  # how many of a quote's first words name it in a message


def describe(decision: Decision, text: str | None = None) -> str:
    """One line for notifications and the report: "accepted Lu Shaye (bundled) for Lu Shai".

    Given the article's `text`, a quote is named by its first words ("the quote
    “Negotiation is…”") and a mention by itself, as a reader says them; without it, by
    their offsets, which stay exact in a report.
    """
    d = decision
    if isinstance(d, MatchDecision):
        return f"{_VERBS[d.verdict]} {d.candidate.name} ({d.candidate.list}) for {d.entity.name}"
    if isinstance(d, TypeDecision):
        return f"typed {d.entity.name} as {d.type}"
    if isinstance(d, MergeDecision):
        return f"merged {d.other.name} into {d.keep.name}"
    if isinstance(d, ApartDecision):
        return f"kept {d.a.name} and {d.b.name} apart"
    if isinstance(d, SplitDecision):
        kind = f" as a {d.type}" if d.type else ""
        return f"split {_mention(d.mention, text)} off its entity{kind}"
    if isinstance(d, SpeakerDecision):
        who = d.speaker.name if d.speaker else "nobody named"
        return f"set the speaker of {_quote(d.quote, text)} to {who}"
    if isinstance(d, NoteDecision):
        on = _note_place(d.target, text)
        return f"cleared the note on {on}" if not d.text else f"noted on {on}: {d.text}"
    return f"set the status to {d.status}"


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

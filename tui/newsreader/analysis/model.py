"""What analysis returns: frozen records the UI renders and the CLI serialises.

Offsets are indices into `Article.text`, end-exclusive.
"""

from __future__ import annotations

from dataclasses import dataclass, field

Span = tuple[int, int]

PERSON = "person"
ORGANIZATION = "organization"
PLACE = "place"
GROUP = "group"  # nationalities and other groups of people ("Chinese", "Democrats")
OTHER = "other"  # events, laws, works: named, but no entity is found of this type
ENTITY_TYPES = (PERSON, ORGANIZATION, PLACE, GROUP)  # the types an entity has
NAMED_TYPES = (PERSON, ORGANIZATION, PLACE)


def compared_as_person(kind: str) -> bool:
    """Whether the matcher compares a name of type `kind` as a person's: a person's, or
    one whose type is not known (""), as a list entry without a schema."""
    return kind in ("", PERSON)


# The matcher's verdict on a name and a list entry (`Match.verdict`): the review accepts
# "same" alone without a reviewer, and shows "maybe" for a decision.
SAME = "same"
MAYBE = "maybe"
DIFFERENT = "different"

# What a quotation is (`Quote.kind`): someone's words, or a short term in quotation marks
# that nobody need have said (the quote finder's TERM_MAX_WORDS tells them apart).
STATEMENT = "statement"
TERM = "term"


@dataclass(frozen=True, slots=True)
class Match:
    """A reference-list entry proposed for a name, with the matcher's reasons."""

    name: str
    score: float
    list: str
    verdict: str  # SAME | MAYBE | DIFFERENT
    why: str
    type: str = ""
    description: str = ""
    source: str = ""  # citation of the list entry
    entry_id: str = ""


@dataclass(frozen=True, slots=True)  # a long text has hundreds of thousands of these
class Entity:
    id: str
    name: str  # canonical: the fullest form in the text
    type: str
    mentions: tuple[Span, ...]
    reference: Match | None = None  # accepted best match
    candidates: tuple[Match, ...] = ()  # shown to the reviewer in the cross-reference pane
    flags: tuple[str, ...] = ()  # e.g. "ambiguous-short-form"
    evidence: str = ""  # why it was typed so, for the reviewer


@dataclass(frozen=True, slots=True)  # a long text has hundreds of thousands of these
class Quote:
    start: int  # the opening quote mark
    end: int  # just after the closing mark (or the paragraph end for an open quote)
    speaker: str | None  # entity id
    cue: str | None  # the speech verb or phrase that decided the speaker
    rule: str  # which attribution rule decided
    kind: str  # STATEMENT | TERM
    speaker_span: Span | None = None  # the mention of the speaker the rule used
    cue_span: Span | None = None


@dataclass(frozen=True, slots=True)
class MergeSuggestion:
    """Two entities of the same article whose names look like variants of one name."""

    a: str
    b: str
    score: float
    why: str


@dataclass(frozen=True, slots=True)  # a long text has hundreds of thousands of these
class Ambiguity:
    """A short form that could belong to more than one entity, left unlinked."""

    span: Span
    text: str
    candidates: tuple[str, ...]  # entity ids


@dataclass(frozen=True)
class Analysis:
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    merges: tuple[MergeSuggestion, ...] = ()
    ambiguities: tuple[Ambiguity, ...] = ()
    timings: dict[str, float] = field(default_factory=dict, compare=False)

    def entity(self, entity_id: str) -> Entity | None:
        for ent in self.entities:
            if ent.id == entity_id:
                return ent
        return None

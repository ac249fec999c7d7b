"""The Entities pane: names grouped by type, with counts, references and review marks."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.binding import BindingType
from textual.content import Content

from newsreader.analysis.model import GROUP, ORGANIZATION, PERSON, PLACE
from newsreader.review.vocabulary import DECIDED, DECIDED_STATES, LEARNED, OPEN
from newsreader.ui import keys
from newsreader.ui.decisions import Subject
from newsreader.ui.entity_styles import STYLED_TYPES, name_style
from newsreader.ui.panes.base import (
    EDITED,
    DecidingPane,
    Row,
    RowTarget,
    differ_mark,
    heading,
    state_mark,
)
from newsreader.ui.plain_text import printable

if TYPE_CHECKING:
    from newsreader.analysis.model import Entity, Match
    from newsreader.review.overlay import ReviewedAnalysis

HEADINGS = {PERSON: "People", ORGANIZATION: "Organisations", PLACE: "Places", GROUP: "Groups"}


def decidable_match(entity: Entity) -> Match | None:
    """What `a`/`x` on an entity decide: its reference match, else its best candidate."""
    return entity.reference or (entity.candidates[0] if entity.candidates else None)


def entity_state(reviewed: ReviewedAnalysis, entity: Entity) -> str | None:
    """The mark of an entity's row: the verdict on its match, else "edited" if the
    reviewer typed, merged or split it, else None."""
    match = decidable_match(entity)
    if match is not None:
        state = reviewed.candidate_mark(entity, match).state
        if state in DECIDED_STATES:
            return state
    return EDITED if reviewed.entity_mark(entity).state == DECIDED else None


def is_noted(reviewed: ReviewedAnalysis, entity: Entity) -> bool:
    notes = reviewed.mention_notes
    return bool(notes) and any(m in notes for m in entity.mentions)


def entity_row(entity: Entity, reviewed: ReviewedAnalysis) -> Row:
    marker: tuple[str, str] | str = ""
    reference = entity.reference
    if reference is not None:
        same = reference.name == entity.name
        learned = reviewed.candidate_mark(entity, reference).state == LEARNED
        name = printable(reference.name, one_line=True)  # from a list file
        shown = ("✓" if same else f"✓ {name}") + (" learned" if learned else "")
        marker = ("  " + shown, "$text-success")
    elif reviewed.entity_mark(entity).state == OPEN:
        marker = ("  ? check", "$text-warning")
    match = decidable_match(entity)
    # reviewers who differ on what `a`/`x` here decide: said on a line of its own, uncut
    differ = differ_mark(reviewed.candidate_mark(entity, match)) if match is not None else Content("")
    prompt = Content.assemble(
        state_mark(entity_state(reviewed, entity), is_noted(reviewed, entity)),
        (f"{len(entity.mentions):>3} ", "$text-muted"),
        (entity.name, name_style(entity.type)),
        marker,
        *(("\n      ", differ) if differ else ()),
    )
    return Row(entity.id, prompt, f"{entity.name} {entity.type}")


class EntitiesPane(DecidingPane):
    TITLE = "Entities"
    BINDINGS: ClassVar[list[BindingType]] = [*keys.ENTITIES]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.entities: dict[str, Entity] = {}
        self.type_filter: str | None = None
        self.reviewed: ReviewedAnalysis | None = None

    def show(self, reviewed: ReviewedAnalysis) -> None:
        self.reviewed = reviewed
        self.entities = {e.id: e for e in reviewed.analysis.entities}
        if self.type_filter not in self.types():
            self.type_filter = None
        self._rebuild()

    def types(self) -> list[str]:
        present = {e.type for e in self.entities.values()}
        return [t for t in STYLED_TYPES if t in present] + sorted(present - set(STYLED_TYPES))

    def cycle_type_filter(self) -> str | None:
        """All types, then each type in turn; returns the type now shown (None: all)."""
        choices: list[str | None] = [None, *self.types()]
        self.type_filter = choices[(choices.index(self.type_filter) + 1) % len(choices)]
        self._rebuild()
        return self.type_filter

    def row_target(self, row_id: str) -> RowTarget | None:
        return RowTarget(entity_id=row_id) if row_id in self.entities else None

    def subject(self) -> Subject | None:
        entity = self.entities.get(self.highlighted_id or "")
        match = decidable_match(entity) if entity else None
        return Subject(entity.id, match.name, list=match.list) if entity and match else None

    def _rebuild(self) -> None:
        reviewed = self.reviewed
        if reviewed is None or not self.entities:
            self.show_message("no names found")
            return
        rows: list[Row] = []
        shown = 0
        for entity_type in self.types():
            if self.type_filter not in (None, entity_type):
                continue
            group = [e for e in self.entities.values() if e.type == entity_type]
            group.sort(key=lambda e: (-len(e.mentions), e.mentions[0] if e.mentions else (0, 0)))
            rows.append(heading(f"{HEADINGS.get(entity_type, entity_type.capitalize())} {len(group)}"))
            rows += [entity_row(entity, reviewed) for entity in group]
            shown += len(group)
        title = f"{shown}" if self.type_filter is None else f"{shown} · {self.type_filter}"
        self.show_rows(rows, title=title)

"""The Entities pane: names grouped by type, with counts and reference markers."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from textual.binding import BindingType
from textual.content import Content

from newsreader.ui import keys
from newsreader.ui.decisions import Subject
from newsreader.ui.entity_styles import STYLED_TYPES, name_style
from newsreader.ui.panes.base import (
    DecidingPane,
    Row,
    RowTarget,
    VerdictOf,
    heading,
    no_verdicts,
    verdict_mark,
)

if TYPE_CHECKING:
    from newsreader.analysis.model import Entity, Match

HEADINGS = {"person": "People", "organization": "Organisations", "place": "Places", "group": "Groups"}


def decidable_match(entity: Entity) -> Match | None:
    """What `a`/`x` on an entity decide: its reference match, else its best candidate."""
    return entity.reference or (entity.candidates[0] if entity.candidates else None)


def entity_row(entity: Entity, verdict: str | None) -> Row:
    marker: tuple[str, str] | str = ""
    if entity.reference is not None:
        same = entity.reference.name == entity.name
        marker = ("  ✓" if same else f"  ✓ {entity.reference.name}", "$text-success")
    elif entity.candidates:
        marker = ("  ? check", "$text-warning")
    prompt = Content.assemble(
        verdict_mark(verdict),
        (f"{len(entity.mentions):>3} ", "$text-muted"),
        (entity.name, name_style(entity.type)),
        marker,
    )
    return Row(entity.id, prompt, f"{entity.name} {entity.type}")


class EntitiesPane(DecidingPane):
    TITLE = "Entities"
    BINDINGS: ClassVar[list[BindingType]] = [*keys.ENTITIES]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.entities: dict[str, Entity] = {}
        self.type_filter: str | None = None
        self._verdict_of: VerdictOf = no_verdicts

    def show(self, entities: Sequence[Entity], verdict_of: VerdictOf = no_verdicts) -> None:
        self.entities = {e.id: e for e in entities}
        self._verdict_of = verdict_of
        if self.type_filter not in self.types():
            self.type_filter = None
        self._rebuild()

    def refresh_verdicts(self) -> None:
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
        return Subject(entity.id, match.name) if entity and match else None

    def _rebuild(self) -> None:
        if not self.entities:
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
            for entity in group:
                match = decidable_match(entity)
                verdict = self._verdict_of(Subject(entity.id, match.name)) if match else None
                rows.append(entity_row(entity, verdict))
            shown += len(group)
        title = f"{shown}" if self.type_filter is None else f"{shown} · {self.type_filter}"
        self.show_rows(rows, title=title)

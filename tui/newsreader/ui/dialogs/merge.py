"""`M`: another entity of the same type, whose mentions are to join this one."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from textual.content import Content

from newsreader.ui.dialogs.chooser import Choice, Chooser
from newsreader.ui.entity_styles import name_style

if TYPE_CHECKING:
    from newsreader.analysis.model import Entity


def entity_choice(entity: Entity) -> Choice:
    count = len(entity.mentions)
    label = Content.assemble(
        (entity.name, name_style(entity.type)), (f"  {count} mention{'s' * (count != 1)}", "$text-muted")
    )
    return Choice(entity.id, label, entity.name)


class MergeDialog(Chooser):
    PLACEHOLDER = "type part of the name"

    def __init__(self, keep: Entity, others: Sequence[Entity]) -> None:
        ordered = sorted(others, key=lambda e: (-len(e.mentions), e.name.casefold()))
        title = Content.assemble("Merge into ", (keep.name, "bold"))
        about = f"its mentions join {keep.name}, which keeps its name"
        super().__init__(
            title, [entity_choice(e) for e in ordered], hint="{cancel_dialog} cancels", about=about
        )

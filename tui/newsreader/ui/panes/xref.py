"""The Cross-reference pane: names to check against the lists, and names that may be one.

A candidate row reads "Lu Shai → Lu Shaye  85 same", with the matcher's reason below;
a merge row reads "Xi ↔ Xi Jinping  88 one?". `a`/`x`/`z` decide the highlighted row.
Rows a reviewer should look at come first, under "To check"; plain matches follow.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from textual.binding import BindingType
from textual.content import Content

from newsreader.ui import keys
from newsreader.ui.decisions import MATCH, MERGE, Subject
from newsreader.ui.entity_styles import name_style
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
    from newsreader.analysis.model import Analysis, Entity, Match, MergeSuggestion


def needs_check(entity: Entity) -> bool:
    """A name a reviewer should look at: its list entry is spelt otherwise, or is uncertain."""
    if not entity.candidates:
        return False
    reference = entity.reference
    return (
        reference is None
        or reference.name != entity.name
        or any(c.verdict != "same" for c in entity.candidates)
    )


def _name(entity: Entity) -> Content:
    return Content.styled(entity.name, name_style(entity.type))


def candidate_row(entity: Entity, index: int, match: Match, verdict: str | None) -> Row:
    prompt = Content.assemble(
        verdict_mark(verdict),
        _name(entity),
        " → ",
        (match.name, "bold"),
        (f"  {match.score:.0f} {match.verdict}", "$text-muted"),
        "\n    ",
        (f"{match.why} · {match.list}" if match.why else match.list, "$text-muted italic"),
    )
    return Row(f"c:{entity.id}:{index}", prompt, f"{entity.name} {match.name} {match.why}")


def merge_row(index: int, a: Entity, b: Entity, merge: MergeSuggestion, verdict: str | None) -> Row:
    prompt = Content.assemble(
        verdict_mark(verdict),
        _name(a),
        " ↔ ",
        _name(b),
        (f"  {merge.score:.0f} one?", "$text-muted"),
        "\n    ",
        (merge.why, "$text-muted italic"),
    )
    return Row(f"m:{index}", prompt, f"{a.name} {b.name} {merge.why}")


class XrefPane(DecidingPane):
    TITLE = "Cross-reference"
    BINDINGS: ClassVar[list[BindingType]] = [*keys.XREF]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.entities: dict[str, Entity] = {}
        self.merges: Sequence[MergeSuggestion] = ()
        self.to_check = 0  # rows under "To check"
        self._verdict_of: VerdictOf = no_verdicts

    def show(self, analysis: Analysis, verdict_of: VerdictOf = no_verdicts) -> None:
        self.entities = {e.id: e for e in analysis.entities}
        self.merges = analysis.merges
        self._verdict_of = verdict_of
        self._rebuild()

    def refresh_verdicts(self) -> None:
        self._rebuild()

    def row_target(self, row_id: str) -> RowTarget | None:
        subject = self._subject_of(row_id)
        if subject is None:
            return None
        if subject.kind == MERGE:
            return RowTarget(entity_id=subject.entity_id, other_entity=subject.candidate)
        return RowTarget(entity_id=subject.entity_id)

    def subject(self) -> Subject | None:
        return self._subject_of(self.highlighted_id or "")

    def _subject_of(self, row_id: str) -> Subject | None:
        kind, _, rest = row_id.partition(":")
        if kind == "c":
            entity_id, _, index = rest.rpartition(":")
            entity = self.entities.get(entity_id)
            if entity is not None and int(index) < len(entity.candidates):
                return Subject(entity_id, entity.candidates[int(index)].name, MATCH)
        elif kind == "m" and int(rest) < len(self.merges):
            merge = self.merges[int(rest)]
            return Subject(merge.a, merge.b, MERGE)
        return None

    def _rebuild(self) -> None:
        to_check: list[Row] = []
        matched: list[Row] = []
        for entity in self.entities.values():
            group = to_check if needs_check(entity) else matched
            for index, match in enumerate(entity.candidates):
                verdict = self._verdict_of(Subject(entity.id, match.name, MATCH))
                group.append(candidate_row(entity, index, match, verdict))
        for index, merge in enumerate(self.merges):
            a, b = self.entities.get(merge.a), self.entities.get(merge.b)
            if a is not None and b is not None:
                verdict = self._verdict_of(Subject(merge.a, merge.b, MERGE))
                to_check.append(merge_row(index, a, b, merge, verdict))
        self.to_check = len(to_check)
        if not to_check and not matched:
            self.show_message("nothing to check")
            return
        rows: list[Row] = []
        if to_check:
            rows += [heading(f"To check {len(to_check)}"), *to_check]
        if matched:
            rows += [heading(f"Matched {len(matched)}"), *matched]
        self.show_rows(rows, title=str(len(to_check) + len(matched)))

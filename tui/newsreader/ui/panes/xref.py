"""The Cross-reference pane: names to check against the lists, and names that may be one.

A candidate row reads "Lu Shai → Lu Shaye  85 same", with the matcher's reason below;
a merge row reads "Xi ↔ Xi Jinping  88 one?". `a`/`x`/`z` decide the highlighted row;
a decided row carries ✔ ✘ ~ (or ≈, learned in another article) and says when or where,
and a rejected name is struck through. Where reviewers differ the second line starts
with who said what ("✔ ana · ✘ ben · one letter apart"). Candidates the store has
learned to keep out are not shown; the title counts them.
Rows a reviewer should look at come first, under "To check"; plain matches follow.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from textual.binding import BindingType
from textual.content import Content

from newsreader.review.vocabulary import DECIDED_STATES, MATCH, MERGE, REJECTED
from newsreader.ui import keys
from newsreader.ui.decisions import Subject
from newsreader.ui.entity_styles import name_style
from newsreader.ui.panes.base import (
    DecidingPane,
    Row,
    RowTarget,
    differ_mark,
    heading,
    message_row,
    state_mark,
)
from newsreader.ui.plain_text import plain

if TYPE_CHECKING:
    from newsreader.analysis.model import Entity, Match, MergeSuggestion
    from newsreader.review.overlay import Mark, ReviewedAnalysis


def _name(entity: Entity) -> Content:
    return Content.styled(entity.name, name_style(entity.type))


def candidate_row(entity: Entity, index: int, match: Match, mark: Mark) -> Row:
    decided = mark.state in DECIDED_STATES and not mark.disputed  # disputed: the votes say it
    why = " · ".join(p for p in (mark.why if decided else "", match.why, match.list) if p)
    # the entry's name, why and list name come from a list file: shown through `plain`
    prompt = Content.assemble(
        state_mark(mark.state),
        _name(entity),
        " → ",
        plain(match.name, "bold strike" if mark.state == REJECTED else "bold", one_line=True),
        (f"  {match.score:.0f} {match.verdict}", "$text-muted"),
        "\n    ",
        differ_mark(mark, " · " if why else ""),
        plain(why, "$text-muted italic", one_line=True),
    )
    words = " ".join([entity.name, match.name, match.why, mark.state, *(who for who, _ in mark.votes)])
    return Row(f"c:{entity.id}:{index}", prompt, words)


def merge_row(index: int, a: Entity, b: Entity, merge: MergeSuggestion) -> Row:
    prompt = Content.assemble(
        state_mark(None),
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
        self.reviewed: ReviewedAnalysis | None = None

    def show(self, reviewed: ReviewedAnalysis) -> None:
        self.reviewed = reviewed
        self.entities = {e.id: e for e in reviewed.analysis.entities}
        self.merges = reviewed.analysis.merges
        self._rebuild()

    def row_target(self, row_id: str) -> RowTarget | None:
        kind, _, rest = row_id.partition(":")
        if kind == "m":
            subject = self._subject_of(row_id)
            if subject is None:
                return None
            return RowTarget(entity_id=subject.entity_id, other_entity=subject.candidate)
        entity_id, _, index = rest.rpartition(":")
        if kind == "c" and entity_id in self.entities:
            return RowTarget(entity_id=entity_id, candidate=int(index))
        return None

    def row_id_of(self, entity_id: str, match: Match) -> str | None:
        """The row of one candidate of an entity."""
        entity = self.entities.get(entity_id)
        if entity is None or match not in entity.candidates:
            return None
        return f"c:{entity_id}:{entity.candidates.index(match)}"

    def row_id_of_merge(self, a: str, b: str) -> str | None:
        """The row of the merge suggestion between two entities, either way round."""
        pair = {a, b}
        return next((f"m:{i}" for i, m in enumerate(self.merges) if {m.a, m.b} == pair), None)

    def subject(self) -> Subject | None:
        return self._subject_of(self.highlighted_id or "")

    def _subject_of(self, row_id: str) -> Subject | None:
        kind, _, rest = row_id.partition(":")
        if kind == "c":
            entity_id, _, index = rest.rpartition(":")
            entity = self.entities.get(entity_id)
            if entity is not None and int(index) < len(entity.candidates):
                match = entity.candidates[int(index)]
                return Subject(entity_id, match.name, MATCH, match.list)
        elif kind == "m" and int(rest) < len(self.merges):
            merge = self.merges[int(rest)]
            return Subject(merge.a, merge.b, MERGE)
        return None

    def _rebuild(self) -> None:
        reviewed = self.reviewed
        if reviewed is None:
            self.show_message("nothing to check")
            return
        # the review's own test, so "To check" lists what `d` and the header count
        from newsreader.review.overlay import needs_check

        to_check: list[Row] = []
        matched: list[Row] = []
        for entity in self.entities.values():
            group = to_check if needs_check(entity) else matched
            for index, match in enumerate(entity.candidates):
                group.append(candidate_row(entity, index, match, reviewed.candidate_mark(entity, match)))
        for index, merge in enumerate(self.merges):
            a, b = self.entities.get(merge.a), self.entities.get(merge.b)
            if a is not None and b is not None:
                to_check.append(merge_row(index, a, b, merge))
        hidden = len(reviewed.hidden)
        title = f"{len(to_check) + len(matched)}" + (f" · {hidden} hidden" if hidden else "")
        rows: list[Row] = []
        if to_check:
            rows += [heading(f"To check {len(to_check)}"), *to_check]
        if matched:
            rows += [heading(f"Matched {len(matched)}"), *matched]
        self.show_rows(rows or [message_row("nothing to check")], title=title)

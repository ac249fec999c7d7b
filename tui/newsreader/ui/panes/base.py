"""A pane: a keyboard list of rows that keeps its place when its rows are rebuilt.

Rows reach the list as `Content` built from plain strings (never parsed as markup), and
the list is created with `markup=False` as a second guard. A row the reviewer has
decided on starts with a glyph in a colour (✔ ✘ ~ ≈ *), so it stands out on a
monochrome terminal too, and with ¶ when it carries a note. A row reviewers decided
differently on says who gave which verdict ("✔ ana · ✘ ben", `differ_mark`) at the start
of its second line, where a narrow pane's cut does not reach.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from newsreader.review.vocabulary import ACCEPTED, LEARNED, REJECTED, UNSURE
from newsreader.ui.cursor_list import CursorList
from newsreader.ui.decisions import Decision, Subject
from newsreader.ui.detail import votes_marks
from newsreader.ui.messages import DecisionRequested
from newsreader.ui.plain_text import plain

if TYPE_CHECKING:
    from newsreader.review.overlay import Mark

EDITED = "edited"  # otherwise decided on: typed, merged, split, a speaker set, another candidate

# How a decided row is marked: a glyph for monochrome terminals, a colour for the rest.
STATE_MARKS = {
    ACCEPTED: ("✔", "$text-success bold"),
    REJECTED: ("✘", "$text-error bold"),
    UNSURE: ("~", "$text-warning bold"),
    LEARNED: ("≈", "$text-accent bold"),
    EDITED: ("*", "$text-primary bold"),
}
NOTE_MARK = ("¶", "$text-accent")


class Row(NamedTuple):
    """One row: `id` None for a heading or a placeholder, which cannot be chosen."""

    id: str | None
    prompt: Content
    words: str = ""  # what `/` looks through in this row

    @property
    def heading(self) -> bool:
        return self.id is None


class RowTarget(NamedTuple):
    """What a row points at in the article."""

    entity_id: str | None = None
    quote: int | None = None  # index into Analysis.quotes
    other_entity: str | None = None  # a merge's second entity, marked too
    candidate: int | None = None  # index into the entity's candidates


@lru_cache(maxsize=32)
def state_mark(state: str | None, noted: bool = False) -> Content:
    """Two cells at the start of a row: the decision's glyph (or a blank), then ¶ if noted."""
    glyph = Content.styled(*STATE_MARKS[state]) if state in STATE_MARKS else Content(" ")
    return Content.assemble(glyph, Content.styled(*NOTE_MARK) if noted else " ")


def differ_mark(mark: Mark, then: str = "") -> Content:
    """ "✔ ana · ✘ ben" (and `then` after it) when reviewers decided differently and no
    curator settled it, else nothing; reviewers' names come from outside, shown as written."""
    if not mark.disputed:
        return Content("")
    return Content.assemble(plain(votes_marks(mark), "$text-warning bold", one_line=True), then)


def message_row(text: str) -> Row:
    return Row(None, Content.styled(text, "$text-muted italic"))


def heading(text: str) -> Row:
    return Row(None, Content.styled(text, "$text-muted bold"))


class Pane(CursorList, inherit_bindings=False):
    """The rows of a pane; the screen listens for highlighted and selected rows. Its
    cursor row shows without colour too (`CursorList`)."""

    TITLE = ""
    DECIDES = False  # whether its rows take accept / reject / unsure

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self.rows: list[Row] = []
        self.search_query = ""
        self.matches: list[int] = []
        self.border_title = Content(self.TITLE)

    def show_rows(self, rows: Sequence[Row], *, title: str = "") -> None:
        """Replace the rows, keeping the highlighted row if it is still there, else the
        place it was at (a merged or decided row gone: the one that took its place)."""
        keep, at = self.highlighted_id, self.highlighted
        self.rows = list(rows)
        self.set_options(Option(row.prompt, id=row.id, disabled=row.heading) for row in self.rows)
        self.border_title = Content(f"{self.TITLE} {title}".strip())
        ids = [row.id for row in self.rows]
        if keep is not None and keep in ids:
            # the same row again: not news, so the screen is not told (it would redo marks)
            with self.prevent(OptionList.OptionHighlighted):
                self.highlighted = ids.index(keep)
        else:
            self.highlighted = self._row_near(at or 0)
        if self.search_query:
            self.matches = self._matching(self.search_query)

    def _row_near(self, index: int) -> int | None:
        """The first row that can be chosen at or after `index`, else the last before it."""
        choosable = [i for i, row in enumerate(self.rows) if not row.heading]
        after = [i for i in choosable if i >= index]
        return after[0] if after else (choosable[-1] if choosable else None)

    def row_target(self, row_id: str) -> RowTarget | None:
        """What the row with this id points at; each pane knows its own rows."""
        raise NotImplementedError

    def request_decision(self, verdict: str) -> Subject | None:
        """Ask for a decision on the highlighted row; this pane has none to take."""
        return None

    def show_message(self, text: str) -> None:
        """A pane with no rows says why ("analysing…", "no quotes found")."""
        self.show_rows([message_row(text)])

    @property
    def highlighted_id(self) -> str | None:
        option = self.highlighted_option
        return None if option is None else option.id

    def highlight_id(self, row_id: str) -> bool:
        for index, row in enumerate(self.rows):
            if row.id == row_id:
                self.highlighted = index
                return True
        return False

    # -- search within the rows ------------------------------------------------------

    def find(self, query: str) -> int:
        """Highlight the first row after this one containing `query`; returns the count."""
        self.search_query = query
        self.matches = self._matching(query)
        if self.matches:
            self.step_match(forward=True)
        return len(self.matches)

    def step_match(self, *, forward: bool) -> bool:
        if not self.matches:
            return False
        here = -1 if self.highlighted is None else self.highlighted
        if forward:
            following = [i for i in self.matches if i > here]
            self.highlighted = following[0] if following else self.matches[0]
        else:
            preceding = [i for i in self.matches if i < here]
            self.highlighted = preceding[-1] if preceding else self.matches[-1]
        return True

    def clear_search(self) -> bool:
        had = bool(self.search_query)
        self.search_query, self.matches = "", []
        return had

    def match_position(self) -> tuple[int, int] | None:
        if self.highlighted in self.matches:
            return self.matches.index(self.highlighted) + 1, len(self.matches)
        return None

    def _matching(self, query: str) -> list[int]:
        needle = query.casefold()
        return [i for i, row in enumerate(self.rows) if not row.heading and needle in row.words.casefold()]


class DecidingPane(Pane):
    """A pane whose rows are matches a reviewer accepts, rejects or is unsure of."""

    DECIDES = True

    def subject(self) -> Subject | None:
        """The match on the highlighted row, if it has one."""
        raise NotImplementedError

    def request_decision(self, verdict: str) -> Subject | None:
        """Ask the app to record `verdict` for the highlighted row's match."""
        subject = self.subject()
        if subject is not None:
            self.post_message(DecisionRequested(Decision(subject, verdict)))
        return subject

"""The column beside the article: the Entities, Quotes and Cross-reference panes.

On a large terminal the three are stacked; on a small one they share the column, the
screen's `-narrow`/`-short` class hides all but the active one, and a line of tabs says
which is shown. The column turns the lists' own messages into two of its own, carrying
what the row points at: `RowHighlighted` (mark it) and `RowSelected` (jump to it).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.events import DescendantFocus
from textual.message import Message
from textual.widget import Widget
from textual.widgets import OptionList

from newsreader.ui.chrome import PaneTabs
from newsreader.ui.panes import EntitiesPane, Pane, QuotesPane, XrefPane

if TYPE_CHECKING:
    from newsreader.review.overlay import ReviewedAnalysis
    from newsreader.ui.panes.base import RowTarget

PANES = {"entities": "Entities", "quotes": "Quotes", "xref": "X-ref"}  # id: tab label


class RowMessage(Message):
    def __init__(self, pane: Pane, target: RowTarget) -> None:
        super().__init__()
        self.pane = pane
        self.target = target


class PaneColumn(Vertical):
    class RowHighlighted(RowMessage):
        """A row became the chosen one in its pane (moved onto, or its pane focused)."""

    class RowSelected(RowMessage):
        """Enter on a row."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.active = "entities"

    def compose(self) -> ComposeResult:
        yield PaneTabs(id="pane-tabs")
        yield EntitiesPane(id="entities")
        yield QuotesPane(id="quotes")
        yield XrefPane(id="xref")

    def on_mount(self) -> None:
        self.activate(self.active)

    @property
    def entities(self) -> EntitiesPane:
        return self.query_one("#entities", EntitiesPane)

    @property
    def quotes(self) -> QuotesPane:
        return self.query_one("#quotes", QuotesPane)

    @property
    def xref(self) -> XrefPane:
        return self.query_one("#xref", XrefPane)

    def panes(self) -> Iterator[Pane]:
        return iter(self.query(Pane))

    def pane(self, widget: Widget | None) -> Pane | None:
        """`widget` if it is one of the panes."""
        return widget if isinstance(widget, Pane) else None

    def show_review(self, reviewed: ReviewedAnalysis, text: str) -> None:
        """Show the analysis with the reviewer's decisions laid over it (again after each)."""
        self.entities.show(reviewed)
        self.quotes.show(reviewed, text)
        self.xref.show(reviewed)

    def show_message(self, text: str) -> None:
        for pane in self.panes():
            pane.show_message(text)

    def activate(self, pane_id: str) -> None:
        """Make a pane the one shown when the column holds one at a time."""
        self.active = pane_id
        for pane in self.panes():
            pane.set_class(pane.id == pane_id, "-active")
        self.query_one(PaneTabs).show(list(PANES.values()), list(PANES).index(pane_id))

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        # only the reviewer's own moves count: rows moved by code (following the cursor)
        # happen in a pane without focus
        if event.option_list is self.screen.focused:
            self._tell(event.option_list, event.option.id, self.RowHighlighted)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self._tell(event.option_list, event.option.id, self.RowSelected)

    def on_descendant_focus(self, event: DescendantFocus) -> None:
        pane = self.pane(event.widget)
        if pane is None:
            return
        self.activate(pane.id or "entities")
        # the row already highlighted when a pane gets focus counts as chosen
        self._tell(pane, pane.highlighted_id, self.RowHighlighted)

    def _tell(self, widget: OptionList, row_id: str | None, message: type[RowMessage]) -> None:
        pane = self.pane(widget)
        target = pane.row_target(row_id) if pane is not None and row_id is not None else None
        if pane is not None and target is not None:
            self.post_message(message(pane, target))

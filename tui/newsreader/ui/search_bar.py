"""The `/` field: the screen opens it where the search should look, then reads the query."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import BindingType
from textual.message import Message
from textual.widgets import Input

from newsreader.ui import keys


class SearchBar(Input):
    """The `/` field; the screen opens it, reads the query and closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [keys.CANCEL_SEARCH]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, placeholder="search")
        self.scope = "article"

    def open(self, scope: str, label: str) -> None:
        self.scope = scope
        self.placeholder = f"search {label} (enter to search, esc to cancel)"
        self.value = ""
        self.add_class("-open")
        # Focus now, not after the next refresh as focus() does: keys typed in one burst
        # ("/lu shai", or over a slow SSH link) would reach the pane behind and run its
        # bindings: the 'a' of "shai" would accept a match. And again after the refresh,
        # so a focus change still on its way (a tab typed just before) does not take it.
        self.screen.set_focus(self)
        self.focus()

    def close(self) -> None:
        self.remove_class("-open")

    def action_cancel(self) -> None:
        self.close()
        self.post_message(self.Cancelled())

    class Cancelled(Message):
        """The search field was closed without searching."""

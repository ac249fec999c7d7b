"""The `/` field: the screen opens it where the search should look, then reads the query."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import BindingType
from textual.message import Message

from newsreader.ui import keys
from newsreader.ui.keymap import hint
from newsreader.ui.one_line_input import OneLineInput
from newsreader.ui.typeahead import hold_keys_in, want_keys


class SearchBar(OneLineInput):
    """The `/` field; the screen opens it, reads the query and closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [keys.CANCEL_SEARCH]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, placeholder="search")
        self.scope = "article"

    def open(self, scope: str, label: str) -> None:
        self.scope = scope
        keys_said = hint("(enter to search, {cancel_search} to cancel)", getattr(self.app, "keymap", {}))
        self.placeholder = f"search {label} {keys_said}"
        self.value = ""
        self.add_class("-open")
        # Keys typed in one burst ("/lu shai", or over a slow SSH link) are held from now
        # (newsreader.ui.typeahead): they would reach the pane behind and run its bindings,
        # the 'a' of "shai" accepting a match. Focus now, and again after the refresh, so a
        # focus change still on its way (a tab typed just before) does not take it; then
        # the held keys are typed into the field.
        hold_keys_in(self.screen)
        self.screen.set_focus(self)
        self.focus()
        want_keys(self, after_refresh=True)

    def close(self) -> None:
        """Close the field; keys typed after its enter or esc go where the focus goes next."""
        self.remove_class("-open")
        want_keys(self, after_refresh=True)

    def action_cancel(self) -> None:
        self.close()
        self.post_message(self.Cancelled())

    class Cancelled(Message):
        """The search field was closed without searching."""

"""`c`: a note on a mention, a quote or the article; an empty note clears it."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Input, Static

from newsreader.ui import keys
from newsreader.ui.keymap import hint
from newsreader.ui.typeahead import FieldScreen


class NoteDialog(FieldScreen[str | None], inherit_bindings=False):
    """Dismisses with the note as written (stripped), or None when cancelled; what is typed
    while it opens goes into the note."""

    BINDINGS: ClassVar[list[BindingType]] = [keys.CANCEL_DIALOG]
    HINT = "enter keeps it · an empty note clears it · {cancel_dialog} cancels"

    def __init__(self, title: Content, note: str = "") -> None:
        super().__init__()
        self.title_content = title
        self.note = note

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog") as box:
            box.border_title = self.title_content
            yield Input(self.note, placeholder="your note", id="note")
            shown = hint(self.HINT, getattr(self.app, "keymap", {}))
            yield Static(Content.styled(shown, "$text-muted"), classes="dialog-hint")

    def on_mount(self) -> None:
        self.take_typing(self.query_one("#note", Input))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value.strip())

    def action_cancel(self) -> None:
        self.dismiss(None)

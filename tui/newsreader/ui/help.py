"""The `?` screen: every key, as remapped by the user, grouped by where it works."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from newsreader import config as settings
from newsreader.ui import keys
from newsreader.ui.keymap import hint
from newsreader.ui.plain_text import plain

KEY_COLUMN = 14


class HelpScreen(ModalScreen[None], inherit_bindings=False):
    BINDINGS: ClassVar[list[BindingType]] = [keys.CLOSE_HELP]

    def __init__(self, keymap: Mapping[str, str], config_path: Path | None) -> None:
        super().__init__()
        self.keymap = keymap
        self.config_path = config_path

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body") as body:
            body.border_title = Content("Keys")
            body.border_subtitle = Content(hint("{close_help} closes", self.keymap))
            yield Static(self.text(), id="help-text")

    def shown_keys(self, binding: Binding) -> str:
        shown = keys.keys_for(binding, self.keymap)
        return ", ".join(self.app.get_key_display(binding.with_key(key)) for key in shown)

    def text(self) -> Content:
        lines: list[Content] = []
        for title, bindings in keys.HELP_SECTIONS:
            if lines:
                lines.append(Content(""))
            lines.append(Content.styled(title, "bold $accent"))
            for binding in bindings:
                lines.append(
                    Content.assemble(
                        (f"  {self.shown_keys(binding):<{KEY_COLUMN}}", "bold"),
                        hint(binding.tooltip, self.keymap),
                    )
                )
        where = self.config_path or settings.config_dir() / settings.FILE_NAME
        lines += [
            Content(""),
            # the config file's path is outside text
            plain(f'Remap keys in {where}, [keys] section: id = "key".', "$text-muted"),
            Content.styled("The ids: " + ", ".join(sorted(keys.binding_ids())), "$text-muted"),
        ]
        return Content("\n").join(lines)

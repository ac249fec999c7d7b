"""A small modal list to choose from, narrowed by typing: the base of the review dialogs.

The field on top filters the choices as you type; ↓ ↑ move, enter takes the highlighted
choice, esc closes without one. What is typed while the dialog opens goes into the
field (`FieldScreen`), and enter takes a choice of the list as filtered by what the
field holds, never one shown before the filter caught up. Labels are `Content` built
from plain strings (names are never read as markup) and the list is made with
`markup=False` as well. The dialog dismisses with the chosen id, or None when cancelled.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar, NamedTuple

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from newsreader.ui import keymap, keys
from newsreader.ui.cursor_list import CursorList
from newsreader.ui.typeahead import FieldScreen


class Choice(NamedTuple):
    id: str
    label: Content
    words: str  # what typing in the field looks through


class Chooser(FieldScreen[str | None], inherit_bindings=False):
    """Choose one of `choices`; `current` is highlighted first and marked "(now)"."""

    BINDINGS: ClassVar[list[BindingType]] = [*keys.DIALOG]
    HINT = "type to narrow · {choice_down} {choice_up} move · enter chooses · {cancel_dialog} cancels"
    PLACEHOLDER = "type to narrow the list"

    def __init__(
        self,
        title: Content,
        choices: Sequence[Choice],
        *,
        current: str | None = None,
        hint: str = "",
        about: str = "",
    ) -> None:
        """`hint`: the keys line under the list, its "{binding_id}"s written as the keys in
        force; `about`: text put before it as it is (it may hold names)."""
        super().__init__()
        self.title_content = title
        self.hint = hint or self.HINT
        self.about = about
        self.choices = list(choices)
        self.current = current
        self.shown: list[Choice] = []
        self.shown_for = ""  # the field's text the list is filtered by

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog") as box:
            box.border_title = self.title_content
            yield Input(placeholder=self.PLACEHOLDER, id="filter")
            yield CursorList(id="choices", markup=False)
            keys_said = keymap.hint(self.hint, getattr(self.app, "keymap", {}))
            shown = f"{self.about} · {keys_said}" if self.about else keys_said
            yield Static(Content.styled(shown, "$text-muted"), classes="dialog-hint")

    def on_mount(self) -> None:
        self._fill("")
        self.take_typing(self.query_one("#filter", Input))

    @property
    def choice_list(self) -> OptionList:
        return self.query_one("#choices", OptionList)

    def extra_choice(self, query: str) -> Choice | None:
        """A choice made of what was typed (a new type, say); none by default."""
        return None

    def _fill(self, query: str) -> None:
        needle = query.strip().casefold()
        shown = [c for c in self.choices if needle in c.words.casefold()]
        extra = self.extra_choice(query.strip()) if needle else None
        if extra is not None and all(c.id != extra.id for c in shown):
            shown.append(extra)
        self.shown, self.shown_for = shown, query
        options = [Option(self._label(c), id=c.id) for c in shown]
        if not options:
            options = [Option(Content.styled("nothing matches", "$text-muted italic"), disabled=True)]
        choices = self.choice_list
        choices.set_options(options)
        ids = [c.id for c in shown]
        if not needle and self.current in ids:
            choices.highlighted = ids.index(self.current)
        elif ids:
            # what the typing spells from its start: "re" is reviewed, not "in review"
            spelt = [i for i, c in enumerate(shown) if c.words.casefold().startswith(needle)]
            choices.highlighted = spelt[0] if spelt else 0

    def _label(self, choice: Choice) -> Content:
        if choice.id == self.current:
            return Content.assemble(choice.label, ("  (now)", "$text-muted"))
        return choice.label

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._fill(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.value != self.shown_for:  # the field's last letters are not filtered yet
            self._fill(event.value)
        option = self.choice_list.highlighted_option
        if option is not None and option.id is not None and not option.disabled:
            self.dismiss(option.id)
        else:
            self.stay_open()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.dismiss(event.option.id)

    def action_choice_down(self) -> None:
        self.choice_list.action_cursor_down()

    def action_choice_up(self) -> None:
        self.choice_list.action_cursor_up()

    def action_cancel(self) -> None:
        self.dismiss(None)

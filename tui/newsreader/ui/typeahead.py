"""Keys typed while a field opens reach that field, in order, whatever the link's timing.

Over a slow SSH link a reviewer's `M` + "twit" + enter arrives as one burst. Textual
delivers each key to whatever has the focus when the key is read, so the letters after
`M` reach the list behind the dialog (or nothing, while the dialog mounts) and the
enter picks the dialog's first entry. Here the app holds every key from the moment a
field starts to open (`TypeAheadApp.push_screen` of a `FieldScreen`, or `hold_keys`
from the search bar) until the field says it can take them (`KeysWanted`), then
hands them over in the order they were typed.

A key that closes a field (enter, or its cancel key) is handed over last: the keys
after it wait until the field has closed (the dialog is popped, the search bar closed)
or has stayed open, and then go to whatever has the focus. So a note's enter cannot
take the letters typed after it, and the reader's keys act on the screen they were
typed for.
"""

from __future__ import annotations

from typing import Any, TypeVar

from textual import events
from textual.app import App
from textual.message import Message
from textual.message_pump import MessagePump
from textual.screen import ModalScreen, Screen
from textual.widget import Widget
from textual.widgets import Input

from newsreader.ui import keys

ReturnType = TypeVar("ReturnType")
ResultType = TypeVar("ResultType")

# Keys that close a field: enter submits it, the cancel keys close it (as remapped).
CLOSING_BINDINGS = (keys.CANCEL_DIALOG, keys.CANCEL_SEARCH)
# If a field neither closes nor says it stayed open after a closing key (a bug of
# ours), the keys after it are handed to whatever has the focus after this long.
SETTLE_SECONDS = 0.5


class KeysWanted(Message):
    """A field has the focus and takes the keys held for it (posted to the app).

    `hold`: the hold it was sent for; sent late, for a hold that is over, it is ignored."""

    def __init__(self, hold: int) -> None:
        super().__init__()
        self.hold = hold


class TypeAhead:
    """The keys held while a field opens; the app's event loop is its only user."""

    def __init__(self, closing: frozenset[str]) -> None:
        self.closing = closing
        self.holding = False
        self.holds = 0  # how many holds began: a late timer's `KeysWanted` names an old one
        self._held: list[events.Key] = []
        self._handed: list[events.Key] = []  # copies on their way, not to be held again

    def hold(self) -> None:
        self.holding = True
        self.holds += 1
        self._handed.clear()

    def keeps(self, event: events.Key) -> bool:
        """Hold `event` if keys are being held and it is not one handed over already."""
        for index, handed in enumerate(self._handed):
            if handed is event:
                del self._handed[index]
                return False
        if self.holding:
            self._held.append(event)
        return self.holding

    def hand_over(self, *, into_field: bool) -> list[events.Key]:
        """Fresh copies of the held keys, in the order they were typed; for a field
        (`into_field`), up to the first key that closes it, the keys after it staying
        held (until the next call)."""
        # Keys reach the app by two ways (read from the terminal, or back from the widget
        # that had the focus before the field opened): the time each was read orders them.
        ordered = sorted(self._held, key=lambda event: event.time)
        cut = len(ordered)
        if into_field:
            cut = next((i + 1 for i, e in enumerate(ordered) if e.key in self.closing), cut)
        now, self._held = ordered[:cut], ordered[cut:]
        self.holding = into_field and any(e.key in self.closing for e in now)
        copies = []
        for event in now:
            copy = events.Key(event.key, event.character)
            copy.time = event.time  # typed then, if it is held again by the next field
            copies.append(copy)
        self._handed.extend(copies)
        return copies


class TypeAheadApp(App[ReturnType]):
    """An app whose fields take the keys typed while they open (see the module's doc)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._typeahead: TypeAhead | None = None

    @property
    def typeahead(self) -> TypeAhead:
        if self._typeahead is None:  # after the keymap is known
            keymap: dict[str, str] = getattr(self, "keymap", {})  # the reader's, remaps checked
            closing = {"enter"}
            for binding in CLOSING_BINDINGS:
                assert binding.id is not None
                closing.update(k.strip() for k in keymap.get(binding.id, binding.key).split(","))
            self._typeahead = TypeAhead(frozenset(closing))
        return self._typeahead

    def hold_keys(self) -> None:
        """Hold the keys from now until a field posts `KeysWanted`."""
        self.typeahead.hold()

    def push_screen(self, screen: Any, *args: Any, **kwargs: Any) -> Any:
        if isinstance(screen, FieldScreen):
            self.hold_keys()
        return super().push_screen(screen, *args, **kwargs)

    def pop_screen(self) -> Any:
        popped = super().pop_screen()
        if self.typeahead.holding:  # keys typed after the dialog's enter: for the screen below
            want_keys(self, after_refresh=True)
        return popped

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and self.typeahead.keeps(event):
            return
        await super().on_event(event)

    async def on_keys_wanted(self, message: KeysWanted) -> None:
        message.stop()
        typeahead = self.typeahead
        if message.hold != typeahead.holds:
            return  # sent for a hold that is over: another field is opening
        handed = typeahead.hand_over(into_field=isinstance(self.focused, Input))
        for key in handed:
            await super().on_event(key)  # as if just read from the terminal
        if typeahead.holding and handed:
            hold = typeahead.holds
            self.set_timer(SETTLE_SECONDS, lambda: self.post_message(KeysWanted(hold)))


class FieldScreen(ModalScreen[ResultType]):
    """A dialog with a field that takes what is typed while it opens."""

    def take_typing(self, field: Widget) -> None:
        """Focus `field` now (not after the next refresh) and hand it the held keys."""
        self.set_focus(field)
        want_keys(self)

    def stay_open(self) -> None:
        """After a closing key that closed nothing (enter on "nothing matches")."""
        want_keys(self)


def hold_keys_in(screen: Screen[Any]) -> None:
    """Hold the keys for a field that opens on `screen` (the search bar)."""
    app = screen.app
    if isinstance(app, TypeAheadApp):
        app.hold_keys()


def want_keys(node: MessagePump, *, after_refresh: bool = False) -> None:
    """Say that the focus (a field, or what has it once a field closed) takes the held
    keys: now, or after the next refresh, when a focus change on its way has happened."""
    app = node.app
    if not isinstance(app, TypeAheadApp):
        return
    message = KeysWanted(app.typeahead.holds)
    if after_refresh:
        node.call_after_refresh(app.post_message, message)
    else:
        app.post_message(message)

"""A text field of one fixed line that draws only itself as it is typed in."""

from __future__ import annotations

from textual.geometry import Size
from textual.reactive import Reactive
from textual.widgets import Input


class OneLineInput(Input):
    """Textual's `Input` sets its virtual size on every letter, and that size is a layout
    reactive: the whole screen is laid out again per key (~5-7 ms behind a list of 10,000
    rows). A field of fixed size (a height of 1, a width of its own) needs only itself drawn
    again; the size is still kept, so the text scrolls sideways as before."""

    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)

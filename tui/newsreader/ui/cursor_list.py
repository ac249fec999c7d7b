"""A keyboard list whose cursor row can be seen without colour: the panes' and dialogs'.

The theme says how the cursor row looks (`block-cursor-text-style`, and `-blurred-` for
a list without the focus); mono's is reverse video. Textual 8.2.8 builds a row's style
without `reverse` (`Widget.get_visual_style` keeps bold, dim, italic, underline and
strike), so in mono, and under NO_COLOR, the cursor was drawn like any other row and
a / x / w acted on a row nobody could see. Here the row gets the reverse its theme asks
for; and where colour is off (NO_COLOR, TERM=dumb) the cursor is reversed in any
theme, underlined in a list without the focus, as a background colour is gone there.
"""

from __future__ import annotations

import dataclasses

from textual.style import Style
from textual.widgets import OptionList

HIGHLIGHTED = "option-list--option-highlighted"


class CursorList(OptionList):
    def get_visual_style(self, *component_classes: str, partial: bool = False) -> Style:
        style = super().get_visual_style(*component_classes, partial=partial)
        if HIGHLIGHTED not in component_classes:
            return style
        if self.app.no_color and not self.has_focus:
            return dataclasses.replace(style, underline=True)
        if self.app.no_color or self.get_component_styles(HIGHLIGHTED).text_style.reverse:
            return dataclasses.replace(style, reverse=True)
        return style

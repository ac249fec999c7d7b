"""The one place that decides how the reader's marks look on a terminal without them.

The panes, header and messages are written with Unicode marks (✔ ✘ ≈ ¶ ⚑ → ↔ … ·) and
Textual draws rounded borders; a terminal whose font lacks them (the Linux console,
see `newsreader.ui.terminal`) gets each as one ASCII character instead, as the line
filter `AsciiMarks` rewrites every line the app draws. One cell for one cell, so the
layout is the same. Letters of the article itself (é, ж, 中) are left as they are.
"""

from __future__ import annotations

from rich.segment import Segment
from textual.color import Color
from textual.filter import LineFilter

# mark -> ASCII. The review marks first: accepted, rejected, learned, noted, flagged.
ASCII_MARKS = {
    "✔": "+",
    "✘": "x",
    "✓": "+",  # a reference matched
    "✗": "x",
    "≈": "=",
    "¶": "#",
    "⚑": "!",
    "→": ">",
    "←": "<",
    "↔": "=",
    "↑": "^",
    "↓": "v",
    "…": ".",
    "·": ".",
    "–": "-",
    "—": "-",
    "“": '"',
    "”": '"',
    "‘": "'",
    "’": "'",
    "×": "x",
    "▶": ">",
}
# Box drawing (U+2500-257F), as Textual's borders use it: lines - and |, the rest +.
HORIZONTAL_LINES = "─━╌╍═┄┅┈┉╴╶╸╺"
VERTICAL_LINES = "│┃╎╏║┆┇┊┋╵╷╹╻"
for box in map(chr, range(0x2500, 0x2580)):
    ASCII_MARKS.setdefault(box, "-" if box in HORIZONTAL_LINES else "|" if box in VERTICAL_LINES else "+")
# Block elements (U+2580-259F), as Textual's scrollbars, footer and toasts use them.
for block, stand_in in zip("▀▔▁▂▃▄▅▆▇▏▎▍▌▋▊▉▐▕", "--_______|||||||||", strict=True):
    ASCII_MARKS[block] = stand_in
for block in map(chr, range(0x2580, 0x25A0)):
    ASCII_MARKS.setdefault(block, "#")
TABLE = str.maketrans(ASCII_MARKS)


def to_ascii(text: str) -> str:
    """`text` with each of the reader's marks as its ASCII stand-in."""
    return text.translate(TABLE)


class AsciiMarks(LineFilter):
    """Draws the reader's marks and Textual's borders in ASCII (see the module's doc)."""

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        return [Segment(text.translate(TABLE), style, control) for text, style, control in segments]

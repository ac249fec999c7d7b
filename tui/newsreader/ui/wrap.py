"""Word-wrapping the article into display lines, as offsets into its text.

The article view never copies the text into lines: a `LineLayout` says where each
display line starts and ends in `Article.text`, so a mention's offsets map to a line with
one bisection, and a 1 MB article wraps once per width without building styled lines.
Paragraph breaks ("\\n\\n") stay as blank lines; a single "\\n" ends a line.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import NamedTuple

from rich.cells import cell_len, get_character_cell_size

_WORD = re.compile(r"\S+")


class LineLayout(NamedTuple):
    """Display lines of a text at one width: line `i` shows `text[starts[i]:ends[i]]`."""

    width: int
    starts: list[int]
    ends: list[int]

    @property
    def line_count(self) -> int:
        return len(self.starts)

    def line_of(self, offset: int) -> int:
        """The display line showing `offset` (the last line for offsets past the end)."""
        return max(0, bisect_right(self.starts, offset) - 1)

    def lines_of(self, start: int, end: int) -> range:
        """The display lines a span `[start, end)` covers (at least one)."""
        first = self.line_of(start)
        last = self.line_of(max(start, end - 1))
        return range(first, last + 1)


def wrap(text: str, width: int) -> LineLayout:
    """Wrap `text` greedily at spaces to `width` terminal cells.

    Spaces where a line breaks are not shown; a word wider than the line is cut. Tabs
    count as one cell, as the view shows them as a space.
    """
    text = text.replace("\t", " ")
    width = max(1, width)
    starts: list[int] = []
    ends: list[int] = []
    position = 0
    for source_line in text.split("\n"):
        line_end = position + len(source_line)
        if _is_narrow(source_line):
            _wrap_narrow(text, position, line_end, width, starts, ends)
        else:
            _wrap_cells(text, position, line_end, width, starts, ends)
        position = line_end + 1
    return LineLayout(width, starts, ends)


def _is_narrow(line: str) -> bool:
    """True when every character takes one cell, so characters can be counted as cells."""
    return line.isascii() or all(get_character_cell_size(c) == 1 for c in set(line))


def _wrap_narrow(text: str, start: int, end: int, width: int, starts: list[int], ends: list[int]) -> None:
    # One search per display line rather than one step per word: this is the path
    # nearly all news text takes, and what keeps a 1 MB article quick to wrap.
    position = start
    while end - position > width:
        limit = position + width
        cut = text.rfind(" ", position, limit + 1)
        if cut > position and not text[position:cut].isspace():
            line_end = cut
            while text[line_end - 1] == " ":
                line_end -= 1
            starts.append(position)
            ends.append(line_end)
            position = cut
            while position < end and text[position] == " ":
                position += 1
        else:  # a word longer than the line
            starts.append(position)
            ends.append(limit)
            position = limit
    if position < end or not starts or starts[-1] < start:
        starts.append(position)
        ends.append(end)


def _wrap_cells(text: str, start: int, end: int, width: int, starts: list[int], ends: list[int]) -> None:
    # Lines with wide (CJK, emoji) or zero-width characters are measured word by word.
    line_start = start
    line_end = start  # end of the last word placed on the current line
    used = 0  # cells from line_start to line_end
    for match in _WORD.finditer(text, start, end):
        word_start, word_end = match.span()
        gap = cell_len(text[line_end:word_start])
        word = cell_len(text[word_start:word_end])
        if line_end > line_start and used + gap + word <= width:
            line_end, used = word_end, used + gap + word
            continue
        if line_end > line_start:  # the word does not fit: close the current line
            starts.append(line_start)
            ends.append(line_end)
            line_start = word_start
        indent = cell_len(text[line_start:word_start])
        if indent + word <= width:
            line_end, used = word_end, indent + word
            continue
        line_start, line_end, used = _cut_long_word(text, line_start, word_end, width, starts, ends)
    if line_end > line_start:
        starts.append(line_start)
        ends.append(line_end)
    elif not starts or starts[-1] < start:  # a line of only spaces still takes a row
        starts.append(start)
        ends.append(start)


def _cut_long_word(
    text: str, start: int, end: int, width: int, starts: list[int], ends: list[int]
) -> tuple[int, int, int]:
    """Emit full-width pieces of `text[start:end]`; returns the unfinished last piece."""
    piece_start, used = start, 0
    for index in range(start, end):
        size = get_character_cell_size(text[index])
        if used + size > width and index > piece_start:
            starts.append(piece_start)
            ends.append(index)
            piece_start, used = index, 0
        used += size
    return piece_start, end, used

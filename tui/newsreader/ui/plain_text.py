"""Strings from outside (titles, file names, list entries, feed fields) made safe to show.

The article's own text is cleaned when it is loaded; every other string that reaches a
widget goes through `printable` first: the escape sequences, controls and bidi overrides
that `newsreader.cleaning` removes from articles are removed by the same rule, and `plain`
hands the result on as `Content`, which no widget reads as markup.
"""

from __future__ import annotations

from textual.content import Content

from newsreader.cleaning import clean, normalise_newlines


def printable(text: str, *, one_line: bool = False) -> str:
    """`text` without anything a terminal acts on; `one_line`: each line break and tab a
    space (other spacing is kept: the status line's "/lu  1/2" has two on purpose)."""
    shown = clean(normalise_newlines(text)).text
    return " ".join(shown.replace("\t", " ").splitlines()) if one_line else shown


def plain(text: str, style: str = "", *, one_line: bool = False) -> Content:
    """`text` as Content shown as written: never parsed as markup, no terminal controls."""
    shown = printable(text, one_line=one_line)
    return Content.styled(shown, style) if style else Content(shown)

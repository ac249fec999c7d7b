"""The cursor row of every list (the three panes, a dialog's choices) can be seen without
colour: reversed in mono and under NO_COLOR (underlined in a list without the focus).

Snapshots of each pane in mono show it; update them with `--snapshot-update`, then look.
"""

from __future__ import annotations

import pytest
from textual.color import Color
from textual.widgets import OptionList

PANES = ("entities", "quotes", "xref")
WIDE = (120, 40)


def drawn_rows(app, pane) -> dict[int, set[tuple[bool, bool]]]:
    """(reverse, underline) of the text cells of each option shown, line filters applied."""
    rows: dict[int, set[tuple[bool, bool]]] = {}
    for y in range(pane.size.height):
        line = pane.scroll_offset.y + y
        if line >= len(pane._lines):
            break
        strip = pane.render_line(y)
        for line_filter in app.get_line_filters():
            strip = strip.apply_filter(line_filter, Color(0, 0, 0))
        cues = {(bool(s.style.reverse), bool(s.style.underline)) for s in strip if s.text.strip() and s.style}
        rows.setdefault(pane._lines[line][0], set()).update(cues)
    return rows


def assert_cursor_shows(app, pane, *, focused: bool) -> None:
    rows = drawn_rows(app, pane)
    cursor = pane.highlighted
    assert cursor in rows, "the cursor row is on screen"
    if focused:
        assert all(reverse for reverse, _ in rows[cursor]), f"{pane.id}: cursor row not reversed"
    else:
        assert all(underline for _, underline in rows[cursor]), f"{pane.id}: cursor row not underlined"
    others = [cues for index, cues in rows.items() if index != cursor and cues]
    assert others and not all(all(r for r, _ in cues) for cues in others), "only the cursor is reversed"


@pytest.mark.parametrize("colour", ["mono", "NO_COLOR with dark"])
async def test_the_cursor_row_shows_without_colour_in_every_pane_and_dialog(
    started, make_app, seed, frozen_analysis, monkeypatch, colour
) -> None:
    if colour == "mono":
        app = make_app(seed, frozen_analysis, theme="mono")
    else:
        monkeypatch.setenv("NO_COLOR", "1")
        app = make_app(seed, frozen_analysis, theme="dark")
    async with started(app, size=WIDE) as pilot:  # the panes stacked, each on screen
        panes = app.reader.panes
        for name in PANES:
            pane = getattr(panes, name)
            pane.focus()
            await pilot.pause()
            pane.action_cursor_down()
            await pilot.pause()
            assert_cursor_shows(app, pane, focused=True)
        assert_cursor_shows(app, panes.entities, focused=False)
        await pilot.press("tab")  # the article
        await pilot.press("S")
        await pilot.pause()
        choices = app.screen.query_one(OptionList)
        assert_cursor_shows(app, choices, focused=False)  # the field has the focus
        await pilot.press("down")
        choices.focus()
        await pilot.pause()
        assert_cursor_shows(app, choices, focused=True)


async def on_pane(pilot, name: str) -> None:
    """The pane focused, its cursor a few rows down."""
    from test_ui_snapshots import ready

    await ready(pilot)
    pane = getattr(pilot.app.reader.panes, name)
    pane.focus()
    await pilot.pause()
    for _ in range(3):
        pane.action_cursor_down()
    await pilot.pause()


@pytest.mark.parametrize("name", PANES)
def test_each_pane_in_mono_shows_its_cursor(snap_compare, make_app, seed, frozen_analysis, name) -> None:
    app = make_app(seed, frozen_analysis, theme="mono")

    async def before(pilot) -> None:
        await on_pane(pilot, name)

    assert snap_compare(app, terminal_size=WIDE, run_before=before)

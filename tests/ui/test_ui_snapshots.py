"""SVG snapshots of the reader. Update with `pytest tests/ui --snapshot-update`, then look.

The app gets the frozen seed analysis (tests/ui/data), so better analysis does not change
the pictures; the cursor blink is off, and the reader has no clocks.
"""

from __future__ import annotations

from ui_waits import pause_until


async def ready(pilot) -> None:
    """The panes are mounted just after the first frame; blink is off."""
    await pause_until(pilot, lambda: pilot.app.reader.panes_ready, "the panes")
    pilot.app.reader.search_bar.cursor_blink = False


async def on_xi_and_following(pilot) -> None:
    """The cursor on Xi Jinping's second mention: current, marked and typed mentions show."""
    await ready(pilot)
    await pilot.press("right_square_bracket", "n")


def test_main_screen_80x24(snap_compare, make_app, seed, frozen_analysis) -> None:
    app = make_app(seed, frozen_analysis)
    assert snap_compare(app, terminal_size=(80, 24), run_before=on_xi_and_following)


def test_main_screen_120x40(snap_compare, make_app, seed, frozen_analysis) -> None:
    app = make_app(seed, frozen_analysis)
    assert snap_compare(app, terminal_size=(120, 40), run_before=on_xi_and_following)


def test_help_screen(snap_compare, make_app, seed, frozen_analysis) -> None:
    app = make_app(seed, frozen_analysis)
    assert snap_compare(app, terminal_size=(80, 24), press=["question_mark"], run_before=ready)


def test_monochrome_theme(snap_compare, make_app, seed, frozen_analysis) -> None:
    app = make_app(seed, frozen_analysis, theme="mono")
    assert snap_compare(app, terminal_size=(80, 24), run_before=on_xi_and_following)


async def on_a_candidates_detail(pilot) -> None:
    """The detail view of Yu Jun's second candidate: entry, source, why, the others."""
    await ready(pilot)
    await pilot.press("tab", "tab", "tab")
    xref = pilot.app.reader.panes.xref
    yu = next(e for e in pilot.app.reader.analysis.entities if e.name == "Yu Jun")
    xref.highlight_id(xref.row_id_of(yu.id, yu.candidates[1]))
    await pilot.press("i")


def test_detail_view_80x24(snap_compare, make_app, seed, frozen_analysis) -> None:
    app = make_app(seed, frozen_analysis)
    assert snap_compare(app, terminal_size=(80, 24), run_before=on_a_candidates_detail)

"""The article list of a folder: rows, sort, filters, statuses, opening and coming back.

The rows' summaries are put in the analysis cache first and the list is started with
`workers=0` (the cache only), so what the rows show does not wait on the analysis;
tests/core/test_analysis_cache.py runs the real pool. Snapshots: `--snapshot-update`.
"""

from __future__ import annotations

import contextlib
import os
import time
from pathlib import Path
from typing import Any

import pytest
from ui_waits import pause_until

from newsreader import article, batch, resources
from newsreader.analysis.model import Analysis
from newsreader.config import Config
from newsreader.review import ArticleReview, store_path

STAMP = 1_780_000_000  # every file's modification time, so the date column is the same each run
STORIES = {
    "a-budget.txt": "Budget talks [bold]resume[/]\n\nAngela Merkel said: “We act.” Olaf Scholz agreed.\n",
    "b-floods.txt": "Floods in \x1b[31mthe north\u202e\n\nThe mayor spoke. “Water rises,” one said.\n",
    "c-match.txt": "Cup final report\n\nThe coach praised the team after the match in Lyon.\n",
    "d-summit.txt": "Summit in Paris\n\nEmmanuel Macron met Olaf Scholz. “It went well,” Macron said.\n",
}
# names, quotes, to decide, maybe-matches, unattributed quotes: as if analysed
SUMMARIES = {
    "a-budget.txt": batch.Summary(2, 1, 3, 3, 0),
    "b-floods.txt": batch.Summary(1, 1, 1, 0, 1),
    "c-match.txt": batch.Summary(1, 0, 0, 0, 0),
    "d-summit.txt": batch.Summary(2, 1, 2, 1, 1),
}


@pytest.fixture(autouse=True)
def _utc_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSREADER_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()


@pytest.fixture
def folder(tmp_path: Path) -> list[str]:
    root = tmp_path / "wire"
    root.mkdir()
    for name, text in STORIES.items():
        path = root / name
        path.write_text(text, encoding="utf-8")
        os.utime(path, (STAMP, STAMP))
    return [str(p) for p in article.articles_in(root)]


def cache_summaries(paths: list[str], names: set[str] | None = None) -> None:
    """Put the summaries of `names` (all by default) where the list looks first."""
    cache = batch.SummaryCache()
    version = batch.analysis_version(batch.Options())
    for path in paths:
        name = os.path.basename(path)
        if names is not None and name not in names:
            continue
        doc = article.load(path)
        st = os.stat(path)
        filled = batch.Filled(0, batch.text_hash(doc), doc.title, SUMMARIES[name])
        cache.put(version, filled, (os.path.abspath(path), st.st_size, st.st_mtime_ns))
    cache.close()


def make_triage(paths: list[str], **options: Any) -> Any:
    from newsreader.ui.triage_app import TriageApp

    options.setdefault("config", Config())
    options.setdefault("theme_folders", [resources.bundled_dir("themes")])
    options.setdefault("workers", 0)
    return TriageApp(article.load(paths[0]), triage=batch.Options(), articles=paths, **options)


async def filled(pilot: Any, count: int | None = None) -> None:
    screen = pilot.app.article_list
    wanted = len(screen.rows.rows) if count is None else count
    for _ in range(200):
        if screen.filled >= wanted and not screen._inbox:
            break
        await pilot.pause(0.05)
    await pilot.pause()


def titles(app: Any) -> list[str]:
    return [r.title for r in app.article_list.rows.visible]


def status_line(app: Any) -> str:
    return str(app.article_list.query_one("#list-status").render())


async def test_rows_show_titles_as_written_without_terminal_controls(folder: list[str]) -> None:
    cache_summaries(folder)
    app = make_triage(folder)
    async with app.run_test(size=(120, 30)) as pilot:
        await filled(pilot)
        shown = titles(app)
        assert shown[0] == "Budget talks [bold]resume[/]"  # not read as markup
        assert shown[1] == "Floods in the north"  # the escape sequence and the bidi override gone
        row = app.article_list.rows.visible[0]
        assert (row.summary, row.mark, row.status) == (SUMMARIES["a-budget.txt"], "?", "new")
        assert app.article_list.rows.visible[3].mark == "?“"
        header = str(app.article_list.query_one("#list-header").render())
        assert "0 of 4 reviewed · 3 to decide" in header


async def test_the_last_column_shows_beside_the_scrollbar_under_its_head(folder: list[str]) -> None:
    cache_summaries(folder)
    app = make_triage(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await filled(pilot)
        table = app.article_list.table
        screen_lines = [strip.text for strip in app.screen._compositor.render_strips()]
        row_line = screen_lines[table.region.y]  # a-budget.txt: 3 to decide, in the last column
        head_line = screen_lines[app.article_list.heads.region.y]
        assert table.scrollable_content_region.width < table.size.width  # a scrollbar takes cells
        assert row_line[: table.line_width].rstrip().endswith(" 3")
        assert head_line.rstrip().endswith("to decide")
        assert len(head_line.rstrip()) == len(row_line[: table.line_width].rstrip())  # head over the column


async def test_o_cycles_the_sort_column_and_capital_o_reverses(folder: list[str]) -> None:
    cache_summaries(folder)
    app = make_triage(folder)
    async with app.run_test(size=(100, 30)) as pilot:
        await filled(pilot)
        await pilot.press("o")  # title
        assert titles(app) == sorted(titles(app), key=str.casefold)
        await pilot.press("o", "o", "o", "o", "o", "o")  # source, date, status, names, quotes, to decide
        assert app.article_list.rows.sort == "to decide"
        assert [r.to_decide for r in app.article_list.rows.visible] == [0, 1, 2, 3]
        await pilot.press("O")
        assert [r.to_decide for r in app.article_list.rows.visible] == [3, 2, 1, 0]
        assert "sorted by to decide ↑" in status_line(app)


async def test_filters_by_text_by_what_is_left_to_decide_and_by_status(folder: list[str]) -> None:
    cache_summaries(folder)
    app = make_triage(folder)
    async with app.run_test(size=(100, 30)) as pilot:
        await filled(pilot)
        await pilot.press("slash", *"PARIS", "enter")
        assert titles(app) == ["Summit in Paris"]
        await pilot.press("slash", "escape")  # the filter closed and emptied
        assert len(titles(app)) == 4
        await pilot.press("d")
        assert titles(app) == ["Budget talks [bold]resume[/]", "Floods in the north", "Summit in Paris"]
        await pilot.press("d", "f")
        assert titles(app) == []  # nothing is flagged yet
        await pilot.press("f", "s")
        assert app.article_list.rows.status == "new" and len(titles(app)) == 4


async def test_f_flags_from_the_list_as_the_readers_s_would(folder: list[str]) -> None:
    cache_summaries(folder)
    app = make_triage(folder)
    async with app.run_test(size=(100, 30)) as pilot:
        await filled(pilot)
        await pilot.press("j", "F")
        assert app.article_list.rows.visible[1].status == "flagged"
        await pilot.press("f")
        assert titles(app) == ["Floods in the north"]
    # the reader opening the article later sees the status the list set
    review = ArticleReview.open(article.load(folder[1]), Analysis(), store=store_path())
    try:
        assert review.status == "flagged"
    finally:
        review.close()


async def test_enter_opens_the_article_and_escape_returns_to_the_same_row(folder: list[str]) -> None:
    cache_summaries(folder)
    app = make_triage(folder)
    async with app.run_test(size=(100, 30)) as pilot:
        await filled(pilot)
        await pilot.press("o")  # by title: the cursor follows the row, not the position
        await pilot.press("j", "j", "enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "ReaderScreen"
        assert app.article.title == "Floods in the north"
        await pause_until(pilot, lambda: app.decisions is not None, "the review", delay=0.05)
        await pilot.press("escape")
        assert app.screen is app.article_list
        assert app.article_list.table.current.title == "Floods in the north"
        # the row now shows the review as the reader left it: opened, so in its real state
        assert app.article_list.table.current.summary.names == len(app.analysis.entities)


async def test_capital_d_goes_on_to_the_next_article_left_to_decide(folder: list[str]) -> None:
    cache_summaries(folder)
    app = make_triage(folder)
    async with app.run_test(size=(100, 30)) as pilot:
        await filled(pilot)
        await pilot.press("j", "j", "enter")  # the match report: nothing to decide in it
        await pilot.pause()
        assert app.article.title == "Cup final report"
        await pilot.press("D")
        await pilot.pause()
        assert app.article.title == "Summit in Paris"
        assert type(app.screen).__name__ == "ReaderScreen"


async def test_a_reopened_folder_starts_on_the_row_last_opened(folder: list[str]) -> None:
    cache_summaries(folder)
    first = make_triage(folder)
    async with first.run_test(size=(100, 30)) as pilot:
        await filled(pilot)
        await pilot.press("j", "j", "j", "enter")
        await pilot.pause()
    again = make_triage(folder)
    async with again.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert again.article_list.table.current.source == "d-summit.txt"  # before any row is filled


async def test_rows_fill_in_from_the_cache_and_the_rest_wait(folder: list[str]) -> None:
    cache_summaries(folder, {"a-budget.txt", "c-match.txt"})
    app = make_triage(folder)
    async with app.run_test(size=(100, 30)) as pilot:
        await filled(pilot, 2)
        rows = app.article_list.rows.rows
        assert [r.summary is not None for r in rows] == [True, False, True, False]
        assert "analysed 2 of 4" in str(app.article_list.query_one("#list-header").render())
        await pilot.press("j")  # usable meanwhile
        assert app.article_list.table.cursor == 1


# -- pictures ----------------------------------------------------------------------------------


def test_snapshot_empty_80x24(snap_compare, folder: list[str]) -> None:
    assert snap_compare(make_triage(folder), terminal_size=(80, 24), run_before=filled_none)


def test_snapshot_filling_in_80x24(snap_compare, folder: list[str]) -> None:
    cache_summaries(folder, {"a-budget.txt", "c-match.txt"})
    assert snap_compare(make_triage(folder), terminal_size=(80, 24), run_before=filled_two)


def test_snapshot_filling_in_120x40(snap_compare, folder: list[str]) -> None:
    cache_summaries(folder, {"a-budget.txt", "c-match.txt"})
    assert snap_compare(make_triage(folder), terminal_size=(120, 40), run_before=filled_two)


def test_snapshot_filtered_80x24(snap_compare, folder: list[str]) -> None:
    cache_summaries(folder)
    assert snap_compare(make_triage(folder), terminal_size=(80, 24), run_before=filtered)


def test_snapshot_filtered_120x40(snap_compare, folder: list[str]) -> None:
    cache_summaries(folder)
    assert snap_compare(make_triage(folder), terminal_size=(120, 40), run_before=filtered)


def test_snapshot_mono_80x24(snap_compare, folder: list[str]) -> None:
    cache_summaries(folder)
    app = make_triage(folder, theme="mono")
    assert snap_compare(app, terminal_size=(80, 24), run_before=flagged_one)


async def filled_none(pilot: Any) -> None:
    await pilot.pause(0.2)


async def filled_two(pilot: Any) -> None:
    await filled(pilot, 2)


async def filtered(pilot: Any) -> None:
    await filled(pilot)
    await pilot.press("d", "o", "o", "o", "o", "o", "o", "o")  # to decide only, by to decide
    pilot.app.article_list.query_one("#list-filter").cursor_blink = False


async def flagged_one(pilot: Any) -> None:
    await filled(pilot)
    await pilot.press("j", "F", "j")


def test_a_sorted_list_places_rows_as_they_fill_in_and_keeps_the_unanalysed_last() -> None:
    from newsreader.ui.article_list import TriageRow, TriageRows

    rows = [TriageRow(n, f"/w/{n}.txt", f"{n}.txt", f"story {n}") for n in range(4)]
    rows[0].summary = batch.Summary(5, 0, 0, 0, 0)
    rows[2].summary = batch.Summary(1, 0, 0, 0, 0)
    listed = TriageRows(rows, sort="names")
    assert [r.index for r in listed.visible] == [2, 0, 1, 3]
    listed.descending = True
    listed.arrange()
    assert [r.index for r in listed.visible] == [0, 2, 1, 3]  # not analysed: last either way
    rows[3].summary = batch.Summary(3, 0, 0, 0, 0)
    listed.changed()
    listed.arrange()
    assert [r.index for r in listed.visible] == [0, 3, 2, 1]


@pytest.mark.parametrize("listed", [False, True])
def test_a_folder_or_list_opens_on_the_list_and_one_article_on_the_reader(
    folder: list[str], monkeypatch: pytest.MonkeyPatch, listed: bool
) -> None:
    """`newsreader FOLDER` and `newsreader --list FILE` open the list; `newsreader FILE` the reader."""
    from newsreader import cli
    from newsreader.ui import terminal
    from newsreader.ui.app import ReaderApp
    from newsreader.ui.triage_app import TriageApp

    ran: list[ReaderApp] = []
    monkeypatch.setattr(terminal, "check", lambda: None)
    monkeypatch.setattr(terminal, "keys_and_screen_on_terminal", contextlib.nullcontext)
    monkeypatch.setattr(ReaderApp, "run", lambda app, **kw: ran.append(app))
    folder_arg = os.path.dirname(folder[0])
    assert cli.run_reader([folder_arg]) == 0
    assert cli.run_reader(["--list", folder[0]] if listed else [folder[0]]) == 0
    assert isinstance(ran[0], TriageApp) and len(ran[0].articles) == 4
    assert isinstance(ran[1], TriageApp) == listed

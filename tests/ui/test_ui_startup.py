"""Start-up: the article paints before the analysis, which runs in a worker thread."""

from __future__ import annotations

import re
import subprocess
import sys
import threading

import pytest

from newsreader.analysis.model import Analysis, Entity
from newsreader.article import from_text
from newsreader.ui.chrome import ReaderHeader, StatusLine

TEXT = "Ann Lee met Bob Ray in Paris.\n\nAnn Lee left."
ANN = Entity("e1", "Ann Lee", "person", ((0, 7), (31, 38)))


async def test_the_article_shows_while_the_analysis_runs(started, make_app) -> None:
    gate = threading.Event()

    def slow_analysis(article, progress) -> Analysis:
        assert gate.wait(10)
        return Analysis(entities=(ANN,))

    app = make_app(from_text(TEXT), analyse=slow_analysis)
    async with started(app, size=(80, 24)) as pilot:
        await pilot.pause()
        view = app.reader.article_view
        assert view.render_line(0).text.strip().startswith("Ann Lee met Bob Ray in Paris.")
        assert app.reader.query_one(StatusLine).text == "analysing…"
        assert [r.prompt.plain for r in app.reader.panes.entities.rows] == ["analysing…"]
        await pilot.press("right_square_bracket")
        assert app.reader.query_one(StatusLine).text == "still analysing…"
        gate.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert [r.id for r in app.reader.panes.entities.rows if r.id] == ["e1"]
        await pilot.press("right_square_bracket")
        assert app.reader.navigator.cursor.start == 0


def counts(app) -> str:
    return str(app.reader.query_one(ReaderHeader).query_one("#counts").render())


async def test_a_long_analysis_shows_how_far_it_has_got(started, make_app, monkeypatch) -> None:
    from newsreader.ui import progress as progress_module

    monkeypatch.setattr(progress_module, "SHOWN_AFTER_SECONDS", 0.0)
    halfway, gate = threading.Event(), threading.Event()

    def slow_analysis(article, progress) -> Analysis:
        progress(0.4)
        halfway.set()
        assert gate.wait(10)
        return Analysis(entities=(ANN,))

    app = make_app(from_text(TEXT), analyse=slow_analysis)
    app.PROGRESS_SECONDS = 0.05
    async with started(app, size=(100, 24)) as pilot:
        assert halfway.wait(10)
        for _ in range(200):
            if "40%" in counts(app):
                break
            await pilot.pause(0.02)
        assert re.fullmatch(r"analysing… 40% · \d+ s", counts(app)), counts(app)
        gate.set()
        await app.workers.wait_for_complete()
        await pilot.pause(0.2)  # a tick of the progress timer after the counts came
        assert counts(app).startswith("1 names · 0 quotes")
        assert app._progress is None and app._progress_timer is None


async def test_a_failed_analysis_is_reported_and_the_text_stays(started, make_app) -> None:
    def broken(article, progress) -> Analysis:
        raise OSError("references.csv: permission denied")

    app = make_app(from_text(TEXT), analyse=broken)
    async with started(app, size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.reader.query_one(StatusLine).text == "analysis failed: references.csv: permission denied"
        assert any("permission denied" in n.message for n in app._notifications)
        assert app.reader.article_view.render_line(0).text.strip().startswith("Ann Lee")


def imported_after(statement: str) -> set[str]:
    code = f"import sys; {statement}; print('\\n'.join(sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    return set(out.split())


def test_launch_does_not_import_textual() -> None:
    modules = imported_after("import newsreader.ui.launch")
    assert not {m for m in modules if m.split(".")[0] in ("textual", "rich")}


# The result types and their names (entity types, verdicts) are the one part of the analysis
# the UI may load at start: `analysis.model` imports only the standard library.
RESULT_TYPES = {"newsreader.analysis", "newsreader.analysis.model"}


def test_the_reader_leaves_the_analysis_to_its_worker() -> None:
    modules = imported_after("import newsreader.ui.app")
    assert not {m for m in modules if m.startswith("newsreader.analysis")} - RESULT_TYPES


def test_the_analysis_result_types_import_nothing_but_the_standard_library() -> None:
    modules = imported_after("import newsreader.analysis.model")
    assert {m for m in modules if m.startswith("newsreader")} == {"newsreader", *RESULT_TYPES}


def test_the_config_module_does_not_import_textual() -> None:
    modules = imported_after("import newsreader.config")
    assert "textual" not in modules


def test_the_readers_lists_are_held_to_max_list_size(tmp_path, monkeypatch) -> None:
    """`newsreader --max-list-size 0.001 -r big.csv story.txt`: the reader's analysis refuses
    the list as `analyze` does, rather than reading it whatever its size."""
    import argparse
    import contextlib

    from newsreader.analysis.references import ReferenceError
    from newsreader.ui import launch, terminal
    from newsreader.ui.app import ReaderApp

    listed = tmp_path / "big.csv"
    listed.write_text("name,aliases,type,description\nAnn Lee,,person,a name" + " " * 2000 + "\n")
    ran: list[ReaderApp] = []
    monkeypatch.setattr(ReaderApp, "run", lambda app: ran.append(app))
    monkeypatch.setattr(terminal, "keys_and_screen_on_terminal", contextlib.nullcontext)
    args = argparse.Namespace(
        theme=None, references=[str(listed)], no_bundled=True, store=None, max_list_size=1024
    )
    assert launch.run(from_text(TEXT), args) == 0
    with pytest.raises(ReferenceError, match="too large"):
        ran[0]._analyse(from_text(TEXT), lambda done: None)
    ran.clear()
    assert launch.run(from_text(TEXT), argparse.Namespace(**{**vars(args), "max_list_size": None})) == 0
    found = ran[0]._analyse(from_text(TEXT), lambda done: None).entities
    assert [e.reference.description.strip() for e in found if e.reference] == ["a name"]  # the list was read


def test_a_folders_list_analyses_hold_its_lists_to_max_list_size(tmp_path, monkeypatch) -> None:
    """The article list's pool loads the lists too: `--max-list-size` holds them there as well."""
    import argparse
    import contextlib

    from newsreader import batch
    from newsreader.ui import launch, terminal
    from newsreader.ui.app import ReaderApp

    listed = tmp_path / "big.csv"
    listed.write_text("name,aliases,type,description\nAnn Lee,,person,a name" + " " * 2000 + "\n")
    story = tmp_path / "story.txt"
    story.write_text(TEXT, encoding="utf-8")
    ran: list[ReaderApp] = []
    monkeypatch.setattr(ReaderApp, "run", lambda app: ran.append(app))
    monkeypatch.setattr(terminal, "keys_and_screen_on_terminal", contextlib.nullcontext)
    args = argparse.Namespace(
        theme=None, references=[str(listed)], no_bundled=True, store=None, max_size=None, max_list_size=1024
    )
    assert launch.run(from_text(TEXT), args, articles=[str(story), str(story)]) == 0
    cache = batch.SummaryCache(tmp_path / "summaries.sqlite3")
    (row, *_) = batch.summarise_all([str(story)], ran[0].triage, cache, workers=1)
    cache.close()
    assert row.summary is None and "too large" in row.error

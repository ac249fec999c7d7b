"""Start-up: the article paints before the analysis, which runs in a worker thread."""

from __future__ import annotations

import subprocess
import sys
import threading

from newsreader.analysis.model import Analysis, Entity
from newsreader.article import from_text
from newsreader.ui.chrome import StatusLine

TEXT = "Ann Lee met Bob Ray in Paris.\n\nAnn Lee left."
ANN = Entity("e1", "Ann Lee", "person", ((0, 7), (31, 38)))


async def test_the_article_shows_while_the_analysis_runs(started, make_app) -> None:
    gate = threading.Event()

    def slow_analysis(article) -> Analysis:
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


async def test_a_failed_analysis_is_reported_and_the_text_stays(started, make_app) -> None:
    def broken(article) -> Analysis:
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


def test_the_reader_leaves_the_analysis_to_its_worker() -> None:
    modules = imported_after("import newsreader.ui.app")
    assert not {m for m in modules if m.startswith("newsreader.analysis")}


def test_the_config_module_does_not_import_textual() -> None:
    modules = imported_after("import newsreader.config")
    assert "textual" not in modules

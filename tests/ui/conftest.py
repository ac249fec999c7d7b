"""Fixtures for the reader's tests.

Every test runs with an empty config folder (the user's own settings and themes stay
out), a review store of its own in a temporary folder (never the user's), and without
NO_COLOR, in an xterm, unless the test sets it. Apps get an Analysis up front, so
they never depend on the analysis worker's timing; snapshots use a frozen copy of the
seed's analysis so that improvements to the analysis do not change the pictures.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest
from ui_waits import pause_until

from newsreader import article, resources
from newsreader.analysis.model import Ambiguity, Analysis, Entity, Match, MergeSuggestion, Quote
from newsreader.article import Article
from newsreader.config import Config

DATA = Path(__file__).parent / "data"


@pytest.fixture(autouse=True)
def _isolated_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSREADER_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("NEWSREADER_STORE", str(tmp_path / "store" / "review.sqlite3"))
    monkeypatch.delenv("NO_COLOR", raising=False)
    # what the terminal can show comes from TERM (newsreader.ui.terminal): a CI's "dumb" would
    # turn every picture monochrome and ASCII
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.delenv("TEXTUAL_THEME", raising=False)


@pytest.fixture(scope="session")
def seed() -> Article:
    return article.load(resources.seed_article())


@pytest.fixture(scope="session")
def seed_analysis(seed: Article) -> Analysis:
    """The analysis as the core computes it today."""
    from newsreader.analysis.service import Analyzer

    return Analyzer.from_options([]).analyze(seed)


@pytest.fixture(scope="session")
def frozen_analysis() -> Analysis:
    """The seed's analysis as it was when the snapshots were made."""
    return analysis_from_dict(json.loads((DATA / "seed_analysis.json").read_text(encoding="utf-8")))


def analysis_from_dict(data: dict[str, Any]) -> Analysis:
    def match(d: dict[str, Any] | None) -> Match | None:
        return Match(**d) if d else None

    def span(value: list[int] | None) -> tuple[int, int] | None:
        return (value[0], value[1]) if value else None

    entities = tuple(
        Entity(
            id=e["id"],
            name=e["name"],
            type=e["type"],
            mentions=tuple((s, t) for s, t in e["mentions"]),
            reference=match(e["reference"]),
            candidates=tuple(Match(**c) for c in e["candidates"]),
            flags=tuple(e["flags"]),
            evidence=e["evidence"],
        )
        for e in data["entities"]
    )
    quotes = tuple(
        Quote(**{**q, "speaker_span": span(q["speaker_span"]), "cue_span": span(q["cue_span"])})
        for q in data["quotes"]
    )
    merges = tuple(MergeSuggestion(**m) for m in data["merges"])
    ambiguities = tuple(
        Ambiguity(span=(a["span"][0], a["span"][1]), text=a["text"], candidates=tuple(a["candidates"]))
        for a in data["ambiguities"]
    )
    return Analysis(entities=entities, quotes=quotes, merges=merges, ambiguities=ambiguities)


@pytest.fixture
def make_app() -> Callable[..., Any]:
    """Build a reader on an article, with the bundled themes only and default settings.

    Without an `analysis` the app runs its analysis worker, as it does for users.
    """
    from newsreader.ui.app import ReaderApp

    def build(doc: Article, analysis: Analysis | None = None, **options: Any) -> ReaderApp:
        options.setdefault("config", Config())
        options.setdefault("theme_folders", [resources.bundled_dir("themes")])
        return ReaderApp(doc, analysis=analysis, **options)

    return build


@pytest.fixture
def started() -> Callable[..., Any]:
    """`async with started(app, size=...) as pilot`: run_test, then wait for the panes.

    The reader draws the article first and mounts its panes just after; tests that
    look at the panes or at the analysis start from there.
    """

    @asynccontextmanager
    async def run(app: Any, size: tuple[int, int] = (100, 30), **options: Any) -> AsyncIterator[Any]:
        async with app.run_test(size=size, **options) as pilot:
            await pause_until(pilot, lambda: app.reader.panes_ready, "the panes")
            yield pilot

    return run

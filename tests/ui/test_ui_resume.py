"""Reopening takes the reviewer back: the list's row, the article's place, the theme.

Each app here is a fresh reader on the same review store (the test's own), as a reopened
folder or article is; nothing is kept between them but the store's folder.
"""

from __future__ import annotations

import argparse
import contextlib
import os
from pathlib import Path
from typing import Any

import pytest
from ui_waits import pause_until

from newsreader import article, batch, resources
from newsreader.config import Config
from newsreader.resume import ReaderState, state_path
from newsreader.review import store_path
from newsreader.ui import launch
from newsreader.ui.app import ReaderApp

SIZE = (100, 30)


def long_story(title: str) -> str:
    paragraphs = [f"Paragraph {n} of {title}: the council met and the mayor spoke again." for n in range(120)]
    return f"{title}\n\n" + "\n\n".join(paragraphs) + "\n"


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    monkeypatch.setenv("NEWSREADER_CACHE", str(tmp_path / "cache"))
    root = tmp_path / "wire"
    root.mkdir()
    for name in ("a-budget", "b-floods", "c-harbour"):
        (root / f"{name}.txt").write_text(long_story(name), encoding="utf-8")
    return [str(p) for p in article.articles_in(root)]


def triage(paths: list[str]) -> Any:
    from newsreader.ui.triage_app import TriageApp

    return TriageApp(
        article.load(paths[0]),
        triage=batch.Options(bundled=False),
        workers=0,
        articles=paths,
        config=Config(),
        theme_folders=[resources.bundled_dir("themes")],
    )


async def opened(pilot: Any) -> Any:
    """The reader screen of the article just opened, once its text is laid out."""
    app = pilot.app
    await pause_until(pilot, lambda: type(app.screen).__name__ == "ReaderScreen", "the article")
    await pause_until(pilot, lambda: app.reader.article_view.wrapped is not None, "its layout")
    await pilot.pause()
    return app.reader.article_view


def top_offset(view: Any) -> int:
    return view.wrapped.starts[round(view.scroll_y)]


async def test_a_reopened_folder_returns_to_the_row_and_the_article_to_its_place(folder: list[str]) -> None:
    first = triage(folder)
    async with first.run_test(size=SIZE) as pilot:
        await pilot.press("j", "enter")
        view = await opened(pilot)
        assert first.article.source == folder[1] and view.scroll_y == 0
        await pilot.press("pagedown", "pagedown", "j")
        left_at = top_offset(view)
        assert left_at > 0
        await pilot.press("escape")  # back to the list; the place is kept on leaving
        await pause_until(pilot, lambda: first.screen is first.article_list, "the list")
        await pilot.press("j", "enter")  # another article opens at its top: places are per article
        assert top_offset(await opened(pilot)) == 0

    again = triage(folder)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert again.article_list.table.current.source == "c-harbour.txt"  # the row last opened
        await pilot.press("k", "enter")
        view = await opened(pilot)
        await pause_until(pilot, lambda: top_offset(view) == left_at, "the place it was left at")
        assert view.scroll_y > 0


async def test_an_article_reopened_on_a_narrower_terminal_opens_at_the_same_words(
    tmp_path: Path, started
) -> None:
    path = tmp_path / "story.txt"
    path.write_text(long_story("story"), encoding="utf-8")
    doc = article.load(path)
    first = ReaderApp(doc, config=Config(), theme_folders=[resources.bundled_dir("themes")])
    async with started(first, size=(120, 30)) as pilot:
        view = first.reader.article_view
        await pilot.press("pagedown", "pagedown")
        left_at = top_offset(view)
    again = ReaderApp(article.load(path), config=Config(), theme_folders=[resources.bundled_dir("themes")])
    async with started(again, size=(70, 30)) as pilot:
        view = again.reader.article_view
        await pause_until(pilot, lambda: view.scroll_y > 0, "the place it was left at")
        # the line at the top holds the words that were at the top, wrapped differently
        assert view.wrapped.line_of(left_at) == round(view.scroll_y)


def run_args(**overrides: object) -> argparse.Namespace:
    values = {"theme": None, "references": [], "no_bundled": True, "store": None, **overrides}
    return argparse.Namespace(**values)


def headless(monkeypatch: pytest.MonkeyPatch, then: Any) -> list[str]:
    """`launch.run` runs the real app, headless, `then(app)` once it is up; the themes it started with."""
    started: list[str] = []
    real_run = ReaderApp.run

    def run(self: ReaderApp, **_: Any) -> Any:
        async def drive(pilot: Any) -> None:
            await pilot.pause()
            started.append(pilot.app.theme)
            then(pilot.app)
            pilot.app.exit()

        return real_run(self, headless=True, auto_pilot=drive, size=(80, 24))

    monkeypatch.setattr(ReaderApp, "run", run)
    # no terminal to hand Textual here (CI has none): the headless app draws nowhere
    monkeypatch.setattr(launch.terminal, "keys_and_screen_on_terminal", contextlib.nullcontext)
    return started


def test_the_theme_chosen_in_the_reader_is_the_next_openings_until_the_config_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "story.txt"
    path.write_text(long_story("story"), encoding="utf-8")
    doc = article.load(path)

    def choose_light(app: ReaderApp) -> None:
        app.theme = "light"  # what the palette's theme command sets

    started = headless(monkeypatch, choose_light)
    assert launch.run(doc, run_args()) == 0
    assert launch.run(doc, run_args()) == 0
    assert started == ["dark", "light"]
    assert launch.run(doc, run_args(theme="mono")) == 0  # --theme still wins
    assert started[-1] == "mono"

    config = Path(os.environ["NEWSREADER_CONFIG_DIR"])
    config.mkdir(parents=True, exist_ok=True)
    (config / "config.toml").write_text('theme = "high-contrast"\n', encoding="utf-8")
    assert launch.run(doc, run_args()) == 0  # the config file edited since: it wins
    assert started[-1] == "high-contrast"


def test_a_remembered_theme_that_is_gone_opens_with_the_configured_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ReaderState(state_path()).put_theme("sepia, since deleted", None)
    started = headless(monkeypatch, lambda app: None)
    doc = article.from_text("Some text.")
    assert launch.run(doc, run_args()) == 0
    assert started == ["dark"]
    assert store_path().parent == state_path().parent  # the state sits beside the test's own store


async def test_a_scroll_that_arrives_after_its_article_closed_is_passed_over(folder: list[str]) -> None:
    from newsreader.ui.article_view import ArticleView

    app = triage(folder)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await opened(pilot)
        await pilot.press("escape")
        await pause_until(pilot, lambda: app.screen is app.article_list, "the list")
        app.post_message(ArticleView.Scrolled("42%"))  # as one posted just before the escape
        await pilot.pause()
        assert app.is_running and app.screen is app.article_list

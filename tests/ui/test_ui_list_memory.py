"""Memory of the article list: opening one article after another leaves nothing behind
(the reader screens, their reviews, the list footer's keys, which Textual's Footer kept
for ever, see newsreader/ui/footer.py, and the lines closed screens drew, which a cache of
Textual's kept, see newsreader/ui/closed_screens.py). benchmarks/triage_speed.py measures
the MB."""

from __future__ import annotations

import gc
from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest
from test_ui_article_list import folder, make_triage  # noqa: F401 - `folder` is a fixture
from textual._styles_cache import StylesCache
from textual.dom import DOMNode
from ui_waits import pause_until

from newsreader.ui.app import analyser


def live_nodes() -> Counter[str]:
    """The widgets and screens alive, by class, after a collection."""
    gc.collect()
    return Counter(type(o).__name__ for o in gc.get_objects() if isinstance(o, DOMNode))


def live_drawn_lines() -> Counter[str]:
    """The widgets' caches of the lines they drew alive (Textual's StylesCache, one a
    widget), after a collection."""
    gc.collect()
    return Counter(type(o).__name__ for o in gc.get_objects() if isinstance(o, StylesCache))


async def round_trips(pilot: Any, count: int) -> None:
    """Open the next article, wait for its review, and come back to the list; `count` times."""
    app = pilot.app
    for _ in range(count):
        await pilot.press("j", "enter")
        await pause_until(pilot, lambda: app.decisions is not None, "the article's review")
        await pilot.press("escape")
        await pause_until(pilot, lambda: app.screen is app.article_list, "the list")
    await pilot.pause()


@pytest.mark.parametrize(
    "alive",
    [live_nodes, live_drawn_lines],
    # e.g. {"FooterKey": 96}, 16 keys an article, before footer.py; {"StylesCache": 246},
    # about 40 an article, before closed_screens.py
    ids=["widgets", "drawn lines"],
)
async def test_articles_opened_one_after_another_leave_nothing_behind(
    folder: list[str],  # noqa: F811
    alive: Callable[[], Counter[str]],
) -> None:
    app = make_triage(folder, analyse=analyser([], bundled=False))
    async with app.run_test(size=(100, 30)) as pilot:
        await round_trips(pilot, 2)
        before = alive()
        await round_trips(pilot, 3)
        await pilot.press("g")  # the first row again, then three more
        await round_trips(pilot, 3)
        after = alive()
    grown = {name: after[name] - before[name] for name in after if after[name] > before[name]}
    assert not grown, grown


async def test_moving_between_panes_leaves_no_footer_key_behind(
    started, make_app, seed, frozen_analysis
) -> None:
    app = make_app(seed, frozen_analysis)
    async with started(app, size=(120, 40)) as pilot:
        for _ in range(4):  # each pane once: every footer the reader draws
            await pilot.press("tab")
        await pilot.pause()
        before = live_nodes()["FooterKey"]
        for _ in range(12):  # the footer is drawn again for each pane the focus reaches
            await pilot.press("tab")
        await pilot.pause()
        assert live_nodes()["FooterKey"] <= before

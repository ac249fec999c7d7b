"""Waits in the UI tests, each with a bound: what never comes fails the test, saying what
was waited for, instead of hanging the run."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

WAIT_SECONDS = 30.0  # far past any wait of a passing test, on a machine shared by several runs
MOST_PRESSES = 40  # far past the keys a passing test needs (e.g. tab over every pane)


async def pause_until(
    pilot: Any,
    condition: Callable[[], object],
    what: str,
    *,
    seconds: float = WAIT_SECONDS,
    delay: float | None = None,
) -> None:
    """Let the app run (`pilot.pause(delay)`) until `condition()` holds; fail after `seconds`."""
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, f"still waiting for {what} after {seconds:g} s"
        await pilot.pause(delay)


async def press_until(
    pilot: Any, key: str, condition: Callable[[], object], what: str, *, most: int = MOST_PRESSES
) -> None:
    """Press `key` until `condition()` holds; fail after `most` presses."""
    for _ in range(most):
        if condition():
            return
        await pilot.press(key)
    assert condition(), f"no {what} after {most} presses of {key}"

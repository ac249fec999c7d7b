"""Ending cleanly on SIGHUP (the SSH connection dropped) and SIGTERM.

Decisions are committed as they are made, so there is nothing to save: the handler
lets a write in progress commit, closes the store (which folds the WAL back into the
database), then exits, or calls `then(signum)` so an app can shut down its own way.
"""

from __future__ import annotations

import signal
from collections.abc import Callable
from types import FrameType
from typing import Any

from newsreader.review.decision_log import DecisionLog

_SIGNALS = tuple(getattr(signal, name) for name in ("SIGHUP", "SIGTERM") if hasattr(signal, name))


def close_on_exit_signals(
    store: DecisionLog, then: Callable[[int], None] | None = None
) -> Callable[[], None]:
    """Install the handlers (main thread only); returns a function that puts the old ones back.

    Without `then` the process exits with status 128 + the signal number.
    """
    previous: dict[int, Any] = {}

    def finish(signum: int) -> None:
        store.close()
        if then is not None:
            then(signum)
        else:
            raise SystemExit(128 + signum)

    def handler(signum: int, frame: FrameType | None) -> None:
        store.when_idle(lambda: finish(signum))

    for sig in _SIGNALS:
        previous[sig] = signal.signal(sig, handler)

    def restore() -> None:
        for sig, old in previous.items():
            signal.signal(sig, old)

    return restore

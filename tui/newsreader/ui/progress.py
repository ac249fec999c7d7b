"""How far the analysis of the article open has got, for the header to say.

The analysis worker writes here (a float and a str, each one assignment, so no lock is
needed) and a timer on the app's thread reads it: the worker never waits for the screen.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from newsreader.article import Article

SHOWN_AFTER_SECONDS = 1.0  # a quick analysis ends before any progress is worth a repaint


@dataclass
class AnalysisProgress:
    article: Article
    stage: str = "analysing"
    done: float | None = None  # the fraction the analysis reported; None before it says
    started: float = field(default_factory=time.monotonic)

    def report(self, done: float) -> None:
        """The analysis's progress callback: `done` from 0 to 1."""
        self.done = min(1.0, max(0.0, done))

    def label(self, now: float | None = None) -> str | None:
        """ "analysing… 40% · 12 s", or None while it is too early to say anything."""
        elapsed = (time.monotonic() if now is None else now) - self.started
        if elapsed < SHOWN_AFTER_SECONDS:
            return None
        parts = [f"{self.stage}…"]
        if self.done is not None and self.stage == "analysing":
            parts.append(f"{self.done:.0%} ·")
        return " ".join([*parts, f"{elapsed:.0f} s"])

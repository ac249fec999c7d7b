"""Review state: decisions, notes and statuses in an SQLite store, laid over a fresh analysis.

Never imports Textual. The reader calls `ArticleReview` (session.py), one method per key;
`overlay.overlay` turns decisions into the reviewed analysis; `export` writes it out.
(The submodules keep their names: nothing here shadows `overlay` or `export`.)

The names below are loaded on first use, so `review.vocabulary` costs the reader
nothing: importing it does not open the store's modules or the analysis.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from newsreader.review.decisions import DecisionError, Recorded, describe
    from newsreader.review.overlay import Mark, Pending, ReviewedAnalysis
    from newsreader.review.paths import store_path
    from newsreader.review.session import ArticleReview, article_key
    from newsreader.review.signals import close_on_exit_signals
    from newsreader.review.store import Store, StoreError
    from newsreader.review.vocabulary import STATUSES

_HOMES = {
    "STATUSES": "vocabulary",
    "ArticleReview": "session",
    "DecisionError": "decisions",
    "Mark": "overlay",
    "Pending": "overlay",
    "Recorded": "decisions",
    "ReviewedAnalysis": "overlay",
    "Store": "store",
    "StoreError": "store",
    "article_key": "session",
    "close_on_exit_signals": "signals",
    "describe": "decisions",
    "store_path": "paths",
}

__all__ = [
    "STATUSES",
    "ArticleReview",
    "DecisionError",
    "Mark",
    "Pending",
    "Recorded",
    "ReviewedAnalysis",
    "Store",
    "StoreError",
    "article_key",
    "close_on_exit_signals",
    "describe",
    "store_path",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"newsreader.review.{home}"), name)

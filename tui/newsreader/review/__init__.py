"""Review state: decisions, notes and statuses in an SQLite store, laid over a fresh analysis.

Never imports Textual. The reader calls `ArticleReview` (session.py), one method per key;
`overlay.overlay` turns decisions into the reviewed analysis; `export` writes it out.
(The submodules keep their names: nothing here shadows `overlay` or `export`.)
"""

from __future__ import annotations

from newsreader.review.decisions import STATUSES, DecisionError, Recorded, describe
from newsreader.review.overlay import Mark, Pending, ReviewedAnalysis
from newsreader.review.paths import store_path
from newsreader.review.session import ArticleReview, article_key
from newsreader.review.signals import close_on_exit_signals
from newsreader.review.store import Store, StoreError

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

"""Helpers for the review tests of the reader: the store read afresh, rows, the status line."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from newsreader.analysis.model import Analysis, Entity
from newsreader.article import Article
from newsreader.review import ArticleReview, describe
from newsreader.ui.chrome import StatusLine
from newsreader.ui.panes.base import Row

SIZE = (100, 30)
# The tests built on Lu Shai's match fail, not skip, when the analysis stops offering it.
LU_SHAYE_GONE = "the analysis no longer offers Lu Shaye as Lu Shai's first candidate (xref.py)"


def store_file() -> Path:
    """The test's own store (conftest points `NEWSREADER_STORE` into its tmp folder)."""
    return Path(os.environ["NEWSREADER_STORE"])


def stored(doc: Article, analysis: Analysis, store: Path | None = None) -> list[str]:
    """The article's standing decisions as the store holds them, read with a fresh review."""
    review = ArticleReview.open(doc, analysis, store=store or store_file())
    try:
        return [describe(rec.decision) for rec in review.reviewed.decisions]
    finally:
        review.close()


def entity(analysis: Analysis, name: str) -> Entity:
    return next(e for e in analysis.entities if e.name == name)


def status(app: Any) -> str:
    return app.reader.query_one(StatusLine).text


def row(pane: Any, row_id: str) -> Row:
    return next(r for r in pane.rows if r.id == row_id)


def rows_named(pane: Any, name: str) -> list[Row]:
    """The entity rows whose name (after the count) is `name`."""
    return [r for r in pane.rows if r.id and r.prompt.plain[2:].split(maxsplit=1)[-1].startswith(name)]


def notifications(app: Any) -> list[str]:
    return [n.message for n in app._notifications]

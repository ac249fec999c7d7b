"""Fixtures for the review tests: a temporary store (never the user's), the sample article."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from review_support import TEXT, make_analysis

from newsreader import article
from newsreader.analysis.model import Analysis
from newsreader.review.store import Store


@pytest.fixture(autouse=True)
def _no_user_store(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # No test may touch the user's own store: the default location points into tmp_path.
    monkeypatch.setenv("NEWSREADER_STORE", str(tmp_path / "env-store.sqlite3"))
    # nor the user's config file (it may name the reviewer recorded with each decision)
    monkeypatch.setenv("NEWSREADER_CONFIG_DIR", str(tmp_path / "config"))


@pytest.fixture
def store_file(tmp_path: Path) -> Path:
    return tmp_path / "data" / "review.sqlite3"


@pytest.fixture
def store(store_file: Path) -> Iterator[Store]:
    s = Store.open(store_file)
    yield s
    s.close()


@pytest.fixture
def doc() -> article.Article:
    return article.from_text(TEXT, "story.txt")


@pytest.fixture
def analysis() -> Analysis:
    return make_analysis()

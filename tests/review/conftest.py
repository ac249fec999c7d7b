"""Fixtures for the review tests: a temporary store (never the user's), the sample article,
and the same store on a PostgreSQL server for the tests both backends must pass."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from pg_support import REQUIRE_ENV, Cluster, missing_reason
from review_support import TEXT, make_analysis

from newsreader import article
from newsreader.analysis.model import Analysis
from newsreader.review.backends import open_store
from newsreader.review.decision_log import DecisionLog
from newsreader.review.store import Store


@pytest.fixture(autouse=True)
def _no_user_store(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # No test may touch the user's own store: the default location points into tmp_path.
    monkeypatch.setenv("NEWSREADER_STORE", str(tmp_path / "env-store.sqlite3"))
    # nor the user's config file (it may name the reviewer recorded with each decision)
    monkeypatch.setenv("NEWSREADER_CONFIG_DIR", str(tmp_path / "config"))
    # nor the user's data folder, where a server store's spool of unsent decisions lives
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data-home"))


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


# -- both stores: the SQLite file and a PostgreSQL server of the tests' own ------------


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[Cluster]:
    """One throwaway PostgreSQL server for the run; skipped (with the reason) where there
    is none, failed instead when NEWSREADER_REQUIRE_POSTGRES is set (CI)."""
    reason = missing_reason()
    if reason is not None:
        if os.environ.get(REQUIRE_ENV):
            pytest.fail(f"PostgreSQL tests are required here, but {reason}")
        pytest.skip(reason)
    cluster = Cluster()
    try:
        cluster.start()
        yield cluster
    finally:
        cluster.remove()


@pytest.fixture
def pg_address(pg_cluster: Cluster) -> str:
    """The server's database, emptied: each test starts with no review store there."""
    pg_cluster.reset()
    return pg_cluster.address


@pytest.fixture(params=["sqlite", "postgresql"])
def location(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where a store is, once as an SQLite file and once on the PostgreSQL server."""
    if request.param == "sqlite":
        return str(tmp_path / "data" / "review.sqlite3")
    return str(request.getfixturevalue("pg_address"))


@pytest.fixture
def shared_store(location: str) -> Iterator[DecisionLog]:
    s = open_store(location)
    yield s
    s.close()

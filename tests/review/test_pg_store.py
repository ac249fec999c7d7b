"""The PostgreSQL store's own promises: a server stopped mid-session loses and doubles
nothing, a database that is not ours (or is newer) is left alone, others' decisions are
seen. (Without the driver a postgresql:// store is one message: see test_review_store.)"""

from __future__ import annotations

import time

import pytest
from pg_support import Cluster
from review_support import LU_SHA, LU_SHAYE

from newsreader.analysis.model import Analysis
from newsreader.article import Article
from newsreader.review import backends
from newsreader.review.decision_log import DecisionLog, StoreError
from newsreader.review.session import ArticleReview

psycopg = pytest.importorskip("psycopg", reason="the PostgreSQL driver is not installed")


def back_in_touch(store: DecisionLog, timeout: float = 20.0) -> None:
    """Poll as the reader does until the store has found its server again."""
    deadline = time.monotonic() + timeout
    while True:
        store.decisions_version()
        if store.trouble is None or time.monotonic() > deadline:
            return
        time.sleep(0.2)


def reviewer(address: str, name: str, doc: Article, analysis: Analysis) -> ArticleReview:
    """A reader of its own (a session of its own, as a second process would be)."""
    return ArticleReview(backends.open_store(address, reviewer=name, session=name), doc, analysis)


def rows(address: str) -> list[tuple[str, str, str | None]]:
    """Every row of the decision log (uid, value, undone), read past the store."""
    with psycopg.connect(address) as conn:
        return [(u, v, d) for u, v, d in conn.execute("SELECT uid, value, undone FROM decisions ORDER BY id")]


def test_a_server_stopped_mid_session_loses_and_doubles_nothing(
    pg_cluster: Cluster, pg_address: str, doc: Article, analysis: Analysis
) -> None:
    review = reviewer(pg_address, "ana", doc, analysis)
    review.accept("e1", LU_SHAYE)
    pg_cluster.stop(hard=True)
    try:
        review.reject("e1", LU_SHA)  # kept here while the server is away
        review.note("checked by phone")
        review.set_status("flagged")
        assert review.undo() is not None  # the status, never sent: it is simply dropped
        trouble = review.store.trouble
        assert trouble is not None and "unreachable" in trouble and "2 decisions" in trouble
        shown = review.reviewed  # the reader goes on showing what it has, and the queue
        assert shown.candidate_mark("e1", LU_SHA).state == "rejected" and shown.status == "in review"
    finally:
        pg_cluster.start()
    back_in_touch(review.store)
    assert review.store.trouble is None and review.store.queued == 0
    stored = rows(pg_address)
    assert len(stored) == 3 and len({uid for uid, _, _ in stored}) == 3
    other = reviewer(pg_address, "ben", doc, analysis)
    seen = other.reviewed
    assert seen.candidate_mark("e1", LU_SHA).state == "rejected" and seen.note_for() == "checked by phone"
    assert seen.status == "in review"
    other.close()
    review.close()
    assert len(rows(pg_address)) == 3


def test_an_undo_made_while_away_withdraws_the_stored_decision_once_back(
    pg_cluster: Cluster, pg_address: str, doc: Article, analysis: Analysis
) -> None:
    review = ArticleReview.open(doc, analysis, store=pg_address, reviewer="ana")
    review.accept("e1", LU_SHAYE)
    assert review.reviewed.candidate_mark("e1", LU_SHAYE).state == "accepted"  # read, as the reader does
    pg_cluster.stop(hard=True)
    try:
        assert review.undo() is not None
        assert review.reviewed.candidate_mark("e1", LU_SHAYE).state == "open"
    finally:
        pg_cluster.start()
    back_in_touch(review.store)
    ((_, _, undone),) = rows(pg_address)
    assert undone is not None
    review.close()


def test_a_decision_sent_twice_is_stored_once(pg_address: str) -> None:
    store = backends.open_store(pg_address, reviewer="ana")
    art = store.article("abc", "a.txt", "A").id
    first, new = store.record(art, "status", "{}", '{"status":"flagged"}', uid="u-1")
    again, second_new = store.record(art, "status", "{}", '{"status":"flagged"}', uid="u-1")
    assert new and not second_new and again.id == first.id
    assert [uid for uid, _, _ in rows(pg_address)] == ["u-1"]
    store.close()


def test_another_readers_decisions_are_noticed_and_ones_own_are_not(
    pg_address: str, doc: Article, analysis: Analysis
) -> None:
    ana, ben = reviewer(pg_address, "ana", doc, analysis), reviewer(pg_address, "ben", doc, analysis)
    assert ana.reviewed.decisions == ben.reviewed.decisions == ()
    ben.accept("e1", LU_SHAYE)
    assert ben.reviewed.candidate_mark("e1", LU_SHAYE).state == "accepted"
    assert not ben.changed_elsewhere()
    assert ana.changed_elsewhere()
    assert ana.reviewed.candidate_mark("e1", LU_SHAYE).votes == (("ben", "accept"),)
    assert not ana.changed_elsewhere()
    ana.close()
    ben.close()


def test_a_newer_store_on_the_server_is_refused_and_left_as_it_is(pg_address: str) -> None:
    backends.open_store(pg_address).close()
    with psycopg.connect(pg_address) as conn:
        conn.execute("UPDATE newsreader_schema SET version = 99")
    with pytest.raises(StoreError, match="newer newsreader") as err:
        backends.open_store(pg_address)
    assert "\n" not in str(err.value)
    with psycopg.connect(pg_address) as conn:
        assert conn.execute("SELECT version FROM newsreader_schema").fetchone() == (99,)


def test_a_database_with_another_programs_tables_is_refused_and_left_alone(pg_address: str) -> None:
    with psycopg.connect(pg_address) as conn:
        conn.execute("CREATE TABLE articles (x INTEGER)")
        conn.execute("INSERT INTO articles VALUES (7)")
    with pytest.raises(StoreError, match="another program"):
        backends.open_store(pg_address)
    with psycopg.connect(pg_address) as conn:
        assert conn.execute("SELECT x FROM articles").fetchall() == [(7,)]
        assert conn.execute("SELECT to_regclass('newsreader_schema')").fetchone() == (None,)


def test_a_server_that_cannot_be_reached_is_one_line_without_the_password(pg_cluster: Cluster) -> None:
    address = f"postgresql://newsreader:secret@/postgres?host={pg_cluster.root}&port=1"
    with pytest.raises(StoreError) as err:
        backends.open_store(address, read_only=True)
    message = str(err.value)
    assert message.startswith("cannot reach the review store postgres on") and "\n" not in message
    assert "secret" not in message
    store = backends.open_store(address)  # a reader: it spools until the server answers
    trouble = store.trouble
    assert trouble is not None and trouble.startswith("the review store postgres on")
    assert "unreachable" in trouble and "\n" not in trouble and "secret" not in trouble
    store.close()

"""Others' decisions on a PostgreSQL store wake a reader as they commit (LISTEN/NOTIFY)
instead of waiting for its next poll; a file store still polls."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from pg_support import Cluster

from newsreader.review.backends import open_store
from newsreader.review.pgstore import PgStore

psycopg = pytest.importorskip("psycopg", reason="the PostgreSQL driver is not installed")
WAKE_SECONDS = 2.0  # the bound: another reviewer's decision shows within two seconds


def ben_decides_past_the_store(address: str) -> None:
    """Another program (ben's reader, say) writes an article and a decision."""
    with psycopg.connect(address, autocommit=True) as conn:
        (art,) = conn.execute(
            "INSERT INTO articles (text_hash, path, title, first_seen, last_seen)"
            " VALUES ('h', 'a.txt', 'A', 'now', 'now') RETURNING id"
        ).fetchone()
        conn.execute(
            "INSERT INTO decisions (article_id, kind, target, value, created, reviewer, session, uid)"
            " VALUES (%s, 'status', '{}', '{}', 'now', 'ben', 'ben', 'u1')",
            (art,),
        )


def test_another_connections_insert_wakes_the_store_within_two_seconds(pg_address: str) -> None:
    ana = PgStore.open(pg_address, reviewer="ana", session="ana")
    woke = threading.Event()
    assert ana.watch(woke.set)
    before = ana.data_version()
    ben_decides_past_the_store(pg_address)
    assert woke.wait(WAKE_SECONDS)
    assert ana.data_version() != before
    ana.close()


def test_a_store_without_the_trigger_is_polled_not_listened_to(pg_address: str) -> None:
    ana = PgStore.open(pg_address, reviewer="ana", session="ana")
    with psycopg.connect(pg_address, autocommit=True) as conn:  # as a role that may not make it
        conn.execute("DROP TRIGGER newsreader_decided ON decisions")
    assert not ana.watch(lambda: None)
    before = ana.data_version()
    ben_decides_past_the_store(pg_address)
    assert ana.data_version() != before  # seen by the next poll
    ana.close()


def test_ones_own_decisions_do_not_wake_and_an_undo_elsewhere_does(pg_address: str) -> None:
    ana = PgStore.open(pg_address, reviewer="ana", session="ana")
    ben = PgStore.open(pg_address, reviewer="ben", session="ben")
    woke = threading.Event()
    assert ana.watch(woke.set)
    art = ana.article("h", "a.txt", "A").id
    ana.record(art, "status", "{}", '{"status":"flagged"}')
    assert not woke.wait(1.0)  # ana's own: nothing to show anew
    ben.record(art, "status", "{}", '{"status":"reviewed"}')
    assert woke.wait(WAKE_SECONDS)
    woke.clear()
    seen = ana.data_version()
    assert ben.undo(art) is not None
    assert woke.wait(WAKE_SECONDS) and ana.data_version() != seen
    ana.close()
    ben.close()


def test_a_lost_server_is_told_too_and_listening_starts_again(pg_cluster: Cluster, pg_address: str) -> None:
    ana = PgStore.open(pg_address, reviewer="ana", session="ana")
    woke = threading.Event()
    assert ana.watch(woke.set)
    pg_cluster.stop(hard=True)
    try:
        assert woke.wait(10.0)  # the reader polls at once, and so finds the server away
        ana.data_version()
        assert ana.trouble is not None
        woke.clear()
    finally:
        pg_cluster.start()
    assert woke.wait(20.0)  # listening again: what was missed is read now
    ben = open_store(pg_address, reviewer="ben", session="ben")
    woke.clear()
    ben.article("h", "a.txt", "A")
    ben.record(ben.article("h", "a.txt", "A").id, "status", "{}", '{"status":"flagged"}')
    assert woke.wait(WAKE_SECONDS)
    ben.close()
    ana.close()


def test_a_file_store_cannot_tell_at_once_and_is_polled(tmp_path: Path) -> None:
    store = open_store(tmp_path / "review.sqlite3")
    assert store.watch(lambda: None) is False
    store.close()


async def test_the_reader_shows_another_reviewers_decision_within_two_seconds_without_polling(
    pg_address: str,
) -> None:
    import time

    from review_support import LU_SHAYE, TEXT, make_analysis

    from newsreader import article, resources
    from newsreader.config import Config
    from newsreader.review.session import ArticleReview
    from newsreader.ui.app import ReaderApp

    doc, analysis = article.from_text(TEXT, "story.txt"), make_analysis()
    app = ReaderApp(
        doc,
        analysis=analysis,
        store=pg_address,
        config=Config(reviewer="ana"),
        theme_folders=[resources.bundled_dir("themes")],
    )
    app.STORE_POLL_SECONDS = 600.0  # the poll cannot be what shows it
    async with app.run_test(size=(100, 30)) as pilot:
        while app.decisions is None:
            await pilot.pause(0.05)
        ben = ArticleReview(open_store(pg_address, reviewer="ben", session="ben"), doc, analysis)
        ben.reject("e1", LU_SHAYE)
        decided = time.monotonic()
        while app.reader.reviewed is None or not app.reader.reviewed.candidate_mark("e1", LU_SHAYE).votes:
            assert time.monotonic() - decided < WAKE_SECONDS, "ben's decision did not show in time"
            await pilot.pause(0.05)
        assert app.reader.reviewed.candidate_mark("e1", LU_SHAYE).votes == (("ben", "reject"),)
        ben.close()

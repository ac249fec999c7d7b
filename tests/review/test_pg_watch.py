"""Others' decisions on a PostgreSQL store wake a reader as they commit (LISTEN/NOTIFY)
instead of waiting for its next poll; a file store still polls. How soon is measured by
benchmarks/live_view.py, not here: these wait generously and assert what wakes."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from pg_support import Cluster

from newsreader.review.backends import open_store
from newsreader.review.pgstore import PgStore
from newsreader.review.pgwatch import CHANNEL

psycopg = pytest.importorskip("psycopg", reason="the PostgreSQL driver is not installed")
PATIENCE = 30.0  # seconds: far more than a wake takes on a loaded machine (no latency bound here)


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


def test_another_connections_insert_wakes_the_store(pg_address: str) -> None:
    ana = PgStore.open(pg_address, reviewer="ana", session="ana")
    woke = threading.Event()
    assert ana.watch(woke.set)
    before = ana.data_version()
    ben_decides_past_the_store(pg_address)
    assert woke.wait(PATIENCE)
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
    ben_decides = threading.Event()
    woke: list[bool] = []  # at each wake: whether ben had begun deciding
    told = threading.Event()

    def wake() -> None:
        woke.append(ben_decides.is_set())
        told.set()

    assert ana.watch(wake)
    art = ana.article("h", "a.txt", "A").id
    with psycopg.connect(pg_address, autocommit=True) as listener:  # what every listener is sent
        listener.execute(f"LISTEN {CHANNEL}")
        ana.record(art, "status", "{}", '{"status":"flagged"}')
        assert [n.payload for n in listener.notifies(timeout=PATIENCE, stop_after=1)] == ["ana"]
    ben_decides.set()  # ana's own was sent to her listener before ben decides
    ben.record(art, "status", "{}", '{"status":"reviewed"}')
    assert told.wait(PATIENCE)
    assert woke == [True]  # ben's woke her; her own did not
    assert ana.data_version() == -2  # one told: ben's (ana's own, sent before it, was not counted)
    told.clear()
    assert ben.undo(art) is not None
    assert told.wait(PATIENCE) and ana.data_version() == -3
    ana.close()
    ben.close()


def test_a_lost_server_is_told_too_and_listening_starts_again(pg_cluster: Cluster, pg_address: str) -> None:
    ana = PgStore.open(pg_address, reviewer="ana", session="ana")
    woke = threading.Event()
    assert ana.watch(woke.set)
    pg_cluster.stop(hard=True)
    try:
        assert woke.wait(PATIENCE)  # the reader polls at once, and so finds the server away
        ana.data_version()
        assert ana.trouble is not None
        woke.clear()
    finally:
        pg_cluster.start()
    assert woke.wait(PATIENCE)  # listening again: what was missed is read now
    ben = open_store(pg_address, reviewer="ben", session="ben")
    woke.clear()
    ben.article("h", "a.txt", "A")
    ben.record(ben.article("h", "a.txt", "A").id, "status", "{}", '{"status":"flagged"}')
    assert woke.wait(PATIENCE)
    ben.close()
    ana.close()


def test_a_file_store_cannot_tell_at_once_and_is_polled(tmp_path: Path) -> None:
    store = open_store(tmp_path / "review.sqlite3")
    assert store.watch(lambda: None) is False
    store.close()


async def test_the_reader_shows_another_reviewers_decision_without_polling(
    pg_address: str,
) -> None:
    from pg_support import wait_for
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
        await wait_for(pilot, lambda: app.decisions is not None, "the review", PATIENCE)

        def listening() -> bool:  # once the reader's own call set the listener up: ben's is told
            store = app.review.store if app.review is not None else None
            set_up = getattr(store, "_watcher", None) is not None
            return set_up and store is not None and store.watch(lambda: None)

        await wait_for(pilot, listening, "the reader listening", PATIENCE)
        ben = ArticleReview(open_store(pg_address, reviewer="ben", session="ben"), doc, analysis)
        ben.reject("e1", LU_SHAYE)

        def shown() -> bool:
            reviewed = app.reader.reviewed
            return reviewed is not None and bool(reviewed.candidate_mark("e1", LU_SHAYE).votes)

        await wait_for(pilot, shown, "ben's decision shown", PATIENCE)
        assert app.reader.reviewed is not None
        assert app.reader.reviewed.candidate_mark("e1", LU_SHAYE).votes == (("ben", "reject"),)
        ben.close()


async def test_the_reader_answers_while_its_listener_is_still_connecting(
    pg_address: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pg_support import server_reader, wait_for

    connected = threading.Event()  # the listener's server answers once the reader was seen to answer
    answered_first: list[bool] = []
    real_watch = PgStore.watch

    def slow_watch(store: PgStore, changed: Callable[[], None]) -> bool:
        answered_first.append(connected.wait(PATIENCE))  # a screen's thread waiting here stops the test
        return real_watch(store, changed)

    monkeypatch.setattr(PgStore, "watch", slow_watch)
    app = server_reader(pg_address)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: app.decisions is not None, "the review", PATIENCE)
        await pilot.press("j")  # the reader takes a key meanwhile
        connected.set()
        await wait_for(pilot, lambda: bool(answered_first), "the watch to return", PATIENCE)
    assert answered_first == [True]

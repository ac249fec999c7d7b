"""What goes wrong around a server store besides the server going away: a spool file that
refuses an entry, a queued entry the server refuses, a listener refused by the server, a
server that does not answer. None of them loses a decision, raises a driver's error or
keeps a caller (the reader's screen) waiting."""

from __future__ import annotations

import contextlib
import socket
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from pg_support import Cluster, spooled

from newsreader.review import paths
from newsreader.review.decision_log import DecisionLog, DecisionRow, StoreError
from newsreader.review.pgstore import PgStore
from newsreader.review.spool import Spool, spool_file

psycopg = pytest.importorskip("psycopg", reason="the PostgreSQL driver is not installed")
PATIENCE = 30.0  # seconds: far more than any of these takes on a loaded machine


def until(condition: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + PATIENCE
    while not condition():
        assert time.monotonic() < deadline, f"still waiting for {what}"
        time.sleep(0.1)


def found_again(store: DecisionLog) -> bool:
    store.decisions_version()  # as the reader's poll does
    return store.trouble is None


def stored_uids(address: str) -> list[str]:
    with psycopg.connect(address) as conn:
        return [uid for (uid,) in conn.execute("SELECT uid FROM decisions ORDER BY id")]


def set_aside(address: str) -> list[tuple[str, str]]:
    """The spool's entries set aside (the row as JSON, the server's reason)."""
    with sqlite3.connect(spool_file(paths.state_dir(address), address)) as db:
        return [(row, why) for row, why in db.execute("SELECT row, why FROM set_aside")]


def status(article_id: int, uid: str) -> DecisionRow:
    return DecisionRow(
        0, article_id, "status", "{}", '{"status":"flagged"}', "2026-01-01T00:00:00", reviewer="ana", uid=uid
    )


def reading(address: str) -> tuple[PgStore, int]:
    """Ana's store, an article's decisions read (as the reader does before deciding)."""
    store = PgStore.open(address, reviewer="ana", session="ana")
    art = store.article("h1", "a.txt", "A").id
    store.decisions(art)
    return store, art


def test_a_decision_the_spool_file_refuses_is_said_kept_in_memory_and_sent_when_the_server_answers(
    pg_cluster: Cluster, pg_address: str
) -> None:
    store, art = reading(pg_address)
    assert store._spool.path is not None
    store._spool._db.execute("PRAGMA busy_timeout = 100")  # the lock waited for briefly, not 15 s
    holder = sqlite3.connect(store._spool.path, isolation_level=None)  # another reader here, stuck
    pg_cluster.stop(hard=True)
    try:
        holder.execute("BEGIN IMMEDIATE")
        with pytest.raises(StoreError, match="kept in memory only") as refused:
            store.record(art, "status", "{}", '{"status":"flagged"}', uid="unwritten")
        assert "lost if the reader quits" in str(refused.value)
        assert store.queued == 1
        assert store.trouble is not None and "kept in memory" in store.trouble
        holder.execute("ROLLBACK")
    finally:
        holder.close()
        pg_cluster.start()
    until(lambda: found_again(store), "the server found again")
    assert stored_uids(pg_address) == ["unwritten"] and store.queued == 0
    store.close()


def test_an_orphan_the_server_refuses_is_set_aside_said_once_and_the_rest_sent(pg_address: str) -> None:
    first = PgStore.open(pg_address, reviewer="ana", session="ana")
    art = first.article("h1", "a.txt", "A").id
    first.close()
    left = Spool(spool_file(paths.state_dir(pg_address), pg_address))  # a reader since closed left:
    left.add(status(art + 1000, "orphan"))  # one for an article the database (made anew) lacks
    left.add(status(art, "fine"))
    left.close()
    later = PgStore.open(pg_address, reviewer="ben", session="ben")
    assert later.notice is not None and "1 decisions made while" in later.notice  # the rest sent
    assert "1 decisions or undos" in later.notice and "set aside" in later.notice
    assert stored_uids(pg_address) == ["fine"] and spooled(pg_address) == 0
    ((row, why),) = set_aside(pg_address)
    assert '"orphan"' in row and "foreign key" in why
    later.close()
    again = PgStore.open(pg_address, reviewer="ben", session="ben")
    assert again.notice is None  # said once; kept, not sent again
    assert len(set_aside(pg_address)) == 1
    again.close()


def test_a_queued_decision_refused_when_the_server_is_back_is_set_aside_not_raised(
    pg_cluster: Cluster, pg_address: str
) -> None:
    store, art = reading(pg_address)
    pg_cluster.stop(hard=True)
    try:
        store.record(art, "status", "{}", '{"status":"flagged"}', uid="refused")
    finally:
        pg_cluster.start()
    with psycopg.connect(pg_address, autocommit=True) as conn:  # the article removed meanwhile
        conn.execute("DELETE FROM articles")
    until(lambda: found_again(store), "the server found again")
    assert store.notice is not None and "set aside" in store.notice
    assert store.queued == 0 and stored_uids(pg_address) == []
    assert ['"refused"' in row for row, _ in set_aside(pg_address)] == [True]
    store.close()


def test_a_listener_the_server_refuses_hands_over_to_the_poll_and_listens_again(
    pg_address: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    listen = psycopg.Connection.notifies
    refusals: list[str] = []

    def refused_once(conn: object, *args: object, **kwargs: object) -> object:
        if not refusals:  # as a standby says: not an OperationalError
            refusals.append("refused")
            raise psycopg.errors.FeatureNotSupported("cannot execute LISTEN during recovery")
        return listen(conn, *args, **kwargs)

    monkeypatch.setattr(psycopg.Connection, "notifies", refused_once)
    ana = PgStore.open(pg_address, reviewer="ana", session="ana")
    ben = PgStore.open(pg_address, reviewer="ben", session="ben")
    told: list[int | None] = []
    ana.watch(lambda: told.append(None))
    until(lambda: len(told) >= 2, "the listener down (told) and up again (told)")
    assert refusals == ["refused"] and ana.watch(lambda: None)
    seen = ana.data_version()
    ben.record(ben.article("h1", "a.txt", "A").id, "status", "{}", '{"status":"flagged"}')
    until(lambda: len(told) >= 3 and ana.data_version() != seen, "ben's decision told")
    ana.close()
    ben.close()


def test_a_server_slow_to_answer_keeps_no_call_waiting(tmp_path: Path) -> None:
    with socket.socket() as hole:  # a server that answers only when the test says so
        hole.bind(("127.0.0.1", 0))
        hole.listen(8)
        hole.setblocking(False)
        port = hole.getsockname()[1]
        address = f"postgresql://ana@127.0.0.1:{port}/review?sslmode=disable&gssencmode=disable"
        store = PgStore.open(address, reviewer="ana", spool_folder=tmp_path)  # waits, in a worker
        assert store.trouble is not None and "starting up" not in store.trouble
        with pytest.raises(BlockingIOError):  # open's attempt, given up: off the backlog
            while True:
                hole.accept()[0].close()
        attempt: list[socket.socket] = []

        def polled_until_tried_again() -> bool:
            store.data_version()  # the reader's poll, on its screen's thread
            with contextlib.suppress(BlockingIOError):  # not yet
                attempt.append(hole.accept()[0])
            return bool(attempt)

        until(polled_until_tried_again, "the connection tried again")
        # The poll that started the attempt has returned: the attempt still waits, and
        # takes the server's answer now. A poll that waited would have given up first.
        attempt[0].settimeout(PATIENCE)
        attempt[0].recv(4096)  # the startup packet
        attempt[0].sendall(refusal("the database system is starting up"))
        until(lambda: "starting up" in (store.trouble or ""), "the late answer taken by the attempt")
        attempt[0].close()
        store.close()


def refusal(message: str) -> bytes:
    """A server's FATAL ErrorResponse (protocol 3) saying `message`."""
    fields = b"SFATAL\0VFATAL\0C57P03\0M" + message.encode() + b"\0\0"
    return b"E" + (len(fields) + 4).to_bytes(4, "big") + fields

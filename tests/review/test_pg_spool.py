"""A server that goes away: the decisions made meanwhile are kept in a spool file on this
machine, survive the reader being killed, and reach the server exactly once when it is back;
the reader says the server is away and when it answers again."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from pg_support import Cluster, notified, server_reader, spooled, wait_for

from newsreader.review.pgstore import PgStore
from newsreader.review.spool import FOLDER, Spool, spool_file

psycopg = pytest.importorskip("psycopg", reason="the PostgreSQL driver is not installed")

CHILD = textwrap.dedent(
    """
    import sys
    from newsreader.review.pgstore import PgStore

    store = PgStore.open(sys.argv[1], reviewer="ana", session="ana-run")
    art = store.article("h1", "a.txt", "A").id
    store.record(art, "status", "{}", '{"status":"flagged"}', uid="before")
    store.decisions(art)  # read, as the reader does before deciding again
    print("ready", flush=True)
    sys.stdin.readline()  # the server is stopped now
    assert store.undo(art).uid == "before"
    store.record(art, "note", "{}", '{"text":"by phone"}', uid="away-1")
    store.record(art, "status", "{}", '{"status":"reviewed"}', uid="away-2")
    assert store.queued == 3 and store.trouble is not None
    print("decided", flush=True)
    sys.stdin.readline()  # killed before it could send anything
    """
)


def stored(address: str) -> list[tuple[str, str, bool]]:
    """Every row of the decision log (uid, who, undone), read past the store."""
    with psycopg.connect(address) as conn:
        rows = conn.execute("SELECT uid, reviewer, undone IS NOT NULL FROM decisions ORDER BY id").fetchall()
    return [(u, r, d) for u, r, d in rows]


def test_a_reader_killed_while_the_server_is_away_loses_nothing(pg_cluster: Cluster, pg_address: str) -> None:
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, pg_address], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert child.stdin is not None and child.stdout is not None
    try:
        assert child.stdout.readline().strip() == "ready"
        pg_cluster.stop(hard=True)
        child.stdin.write("go\n")
        child.stdin.flush()
        assert child.stdout.readline().strip() == "decided"
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    finally:
        if not _running(pg_cluster):
            pg_cluster.start()
        if child.poll() is None:
            child.kill()
    assert spooled(pg_address) == 3  # on disk, not in the killed process's memory
    assert stored(pg_address) == [("before", "ana", False)]
    later = PgStore.open(pg_address, reviewer="ben", session="ben-run")  # the next reader here
    assert later.notice is not None and "2 decisions" in later.notice
    later.close()
    expected = [("before", "ana", True), ("away-1", "ana", False), ("away-2", "ana", False)]
    assert stored(pg_address) == expected
    assert spooled(pg_address) == 0
    PgStore.open(pg_address, reviewer="cat", session="cat-run").close()  # nothing is sent twice
    assert stored(pg_address) == expected


def test_a_reader_that_quits_while_away_leaves_its_decisions_for_the_next(
    pg_cluster: Cluster, pg_address: str, capsys: pytest.CaptureFixture[str]
) -> None:
    store = PgStore.open(pg_address, reviewer="ana")
    art = store.article("h1", "a.txt", "A").id
    pg_cluster.stop(hard=True)
    try:
        store.record(art, "status", "{}", '{"status":"flagged"}', uid="quit-1")
        store.close()
    finally:
        pg_cluster.start()
    assert "are kept in" in capsys.readouterr().err
    assert stored(pg_address) == []
    PgStore.open(pg_address, reviewer="ana").close()
    assert stored(pg_address) == [("quit-1", "ana", False)]


def test_a_spool_another_running_reader_holds_is_left_to_it(pg_cluster: Cluster, pg_address: str) -> None:
    first = PgStore.open(pg_address, reviewer="ana", session="one")
    art = first.article("h1", "a.txt", "A").id
    pg_cluster.stop(hard=True)
    try:
        first.record(art, "status", "{}", '{"status":"flagged"}', uid="held")
    finally:
        pg_cluster.start()
    second = PgStore.open(pg_address, reviewer="ben", session="two")
    assert second.notice is None and stored(pg_address) == []  # still ana's reader's to send
    deadline = time.monotonic() + 20
    while first.trouble is not None and time.monotonic() < deadline:
        first.decisions_version()
        time.sleep(0.2)
    assert stored(pg_address) == [("held", "ana", False)]
    first.close()
    second.close()


async def test_the_reader_says_the_server_is_away_and_sends_what_was_decided_once_back(
    pg_cluster: Cluster, pg_address: str, tmp_path: Path
) -> None:
    app = server_reader(pg_address)
    said = lambda: notified(app)  # noqa: E731
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: app.decisions is not None and app.reader.panes_ready, "the review")
        await pilot.press("tab", "tab", "tab")
        pg_cluster.stop(hard=True)
        try:
            await pilot.press("a", "j", "x")
            await wait_for(pilot, lambda: any("unreachable" in m for m in said()), "the trouble said")
            assert app.review.store.queued == 2
            trouble = next(m for m in said() if "unreachable" in m)
            assert "kept on this machine" in trouble
        finally:
            pg_cluster.start()
        await wait_for(pilot, lambda: any("answers again" in m for m in said()), "the server back")
        assert app.review.store.queued == 0
    rows = stored(pg_address)
    assert len(rows) == 2 and len({uid for uid, _, _ in rows}) == 2
    assert {who for _, who, _ in rows} == {"ana"}


def _running(cluster: Cluster) -> bool:
    return (cluster.data / "postmaster.pid").exists()


def test_the_spool_is_named_by_server_without_the_password(tmp_path: Path) -> None:
    a = spool_file(tmp_path, "postgresql://ana:secret@desk/review")
    b = spool_file(tmp_path, "postgresql://ana:other@desk/review")
    c = spool_file(tmp_path, "postgresql://ana@desk/other")
    assert a == b != c and a.parent == tmp_path / FOLDER and "secret" not in str(a)


def test_a_spool_folder_that_cannot_be_written_keeps_decisions_in_memory_and_says_so(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder", encoding="utf-8")
    spool = Spool(blocked / "spool" / "x.sqlite3")
    assert spool.path is None and spool.problem is not None and "cannot be kept" in spool.problem
    spool.close()
    assert os.path.isfile(blocked)

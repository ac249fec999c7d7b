"""Real processes: a decision survives SIGKILL, two writers lose nothing, signals end cleanly,
each on the SQLite file and on a PostgreSQL server (the tests given `location`).

The reader's keys are not wired yet, so the workers take "the same action path" the app
will: load the article, analyse it, `ArticleReview.open` on the store, call the action.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from review_support import REPO, SEED

from newsreader.review.backends import open_store
from newsreader.review.paths import is_server_address
from newsreader.review.store import Store

PRELUDE = textwrap.dedent(
    """
    import json, sys, time
    from newsreader import article
    from newsreader.analysis.service import Analyzer
    from newsreader.analysis.model import Match
    from newsreader.review import ArticleReview, close_on_exit_signals

    store_file, article_path = sys.argv[1], sys.argv[2]
    doc = article.load(article_path)
    review = ArticleReview.open(doc, Analyzer.from_options().analyze(doc), store=store_file)
    lu = next(e for e in review.reviewed.analysis.entities if e.name == "Lu Shai")

    def say(line):
        sys.stdout.write(line + "\\n")
        sys.stdout.flush()
    """
)

DECIDE_AND_HANG = """
for i in range(5):
    review.accept(lu, Match(f"Lu Shaye {i}", 90.0, "kill", "maybe", ""))
    say(f"decided {i}")
time.sleep(60)
"""

WRITE_MANY = """
tag, count = sys.argv[3], int(sys.argv[4])
say("ready")
sys.stdin.readline()  # start together
for i in range(count):
    review.accept(lu, Match(f"{tag} {i}", 90.0, "stress", "maybe", ""))
say("done")
"""

REPORT = """
r = review.reviewed
lu = r.analysis.entity(lu.id)
say(json.dumps([[c.name, r.candidate_mark(lu, c).state] for c in lu.candidates]))
"""

WAIT_FOR_SIGNAL = """
close_on_exit_signals(review.store)
review.set_status("flagged")
say("ready")
time.sleep(60)
"""


def spawn(script: str, *args: str, stdin: int | None = None) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO / "tui")}
    return subprocess.Popen(
        [sys.executable, "-c", PRELUDE + script, *args],
        stdin=stdin,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def report(store_file: Path | str) -> dict[str, str]:
    proc = spawn(REPORT, str(store_file), str(SEED))
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    return dict(json.loads(out))


def count_decisions(location: str) -> int:
    """How many rows the decision log holds, read past the store's own code."""
    if is_server_address(location):
        import psycopg

        with psycopg.connect(location) as conn:
            row = conn.execute("SELECT count(*) FROM decisions").fetchone()
    else:
        with contextlib.closing(sqlite3.connect(location)) as conn:
            row = conn.execute("SELECT count(*) FROM decisions").fetchone()
    assert row is not None
    return int(row[0])


@pytest.mark.parametrize("after", [0, 4])
def test_a_decision_survives_sigkill_right_after_it_is_made(location: str, after: int) -> None:
    store_file = location
    proc = spawn(DECIDE_AND_HANG, str(store_file), str(SEED))
    assert proc.stdout is not None
    while True:
        line = proc.stdout.readline()
        assert line, proc.stderr.read() if proc.stderr else "worker died"
        if line.strip() == f"decided {after}":
            proc.send_signal(signal.SIGKILL)
            break
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    states = report(store_file)
    for i in range(after + 1):
        assert states[f"Lu Shaye {i}"] == "accepted"


def test_two_processes_writing_at_once_lose_nothing(location: str) -> None:
    store_file = location
    open_store(location).close()  # both workers then open an existing store
    count = 300
    workers = [
        spawn(WRITE_MANY, str(store_file), str(SEED), tag, str(count), stdin=subprocess.PIPE) for tag in "AB"
    ]
    for w in workers:
        assert w.stdout is not None and w.stdout.readline().strip() == "ready"
    for w in workers:
        assert w.stdin is not None
        w.stdin.write("go\n")
        w.stdin.flush()
    for w in workers:
        out, err = w.communicate(timeout=300)
        assert w.returncode == 0 and out.strip() == "done", err
    states = report(store_file)
    for tag in "AB":
        assert all(states[f"{tag} {i}"] == "accepted" for i in range(count))
    assert count_decisions(location) == 2 * count


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
def test_sighup_and_sigterm_close_the_store_and_exit_cleanly(location: str, sig: signal.Signals) -> None:
    proc = spawn(WAIT_FOR_SIGNAL, location, str(SEED))
    assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 128 + sig and err == ""
    if not is_server_address(location):
        assert not Path(f"{location}-wal").exists()  # closed: the WAL was folded back in
    assert count_decisions(location) == 1


def test_a_signal_in_the_middle_of_a_write_lets_it_commit_first(store: Store) -> None:
    from newsreader.review.signals import close_on_exit_signals

    art = store.article("abc", "a.txt", "A").id
    got: list[int] = []
    restore = close_on_exit_signals(store, then=got.append)

    def interrupt(sql: str) -> None:
        if sql.startswith("INSERT INTO decisions"):
            os.kill(os.getpid(), signal.SIGTERM)

    assert store._conn is not None
    store._conn.set_trace_callback(interrupt)
    try:
        store.record(art, "status", "{}", '{"status":"flagged"}')
    finally:
        restore()
    assert got == [signal.SIGTERM] and store.closed
    assert store.path is not None
    conn = sqlite3.connect(store.path)
    assert conn.execute("SELECT count(*) FROM decisions").fetchone()[0] == 1
    conn.close()


def test_the_review_core_and_export_never_import_textual(tmp_path: Path) -> None:
    code = textwrap.dedent(
        f"""
        import sys
        import newsreader.review
        from newsreader.review import decisions, export, memory, overlay, paths, session, signals, store
        from newsreader.commands import export as command
        sys.stdout = open("{tmp_path / "out.md"}", "w")
        assert command.run(["--store", "{tmp_path / "s.sqlite3"}", "{SEED}"]) == 0
        bad = sorted(m for m in sys.modules if m == "textual" or m.startswith("textual."))
        assert not bad, bad
        """
    )
    env = {**os.environ, "PYTHONPATH": str(REPO / "tui")}
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60)
    assert proc.returncode == 0, proc.stderr

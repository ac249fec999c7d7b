"""The store: what every backend must do (the tests given `shared_store` or `location`
run on the SQLite file and on a PostgreSQL server), then the SQLite file's own: WAL,
schema versions, moving damaged or newer stores aside, busy waits."""

from __future__ import annotations

import os
import sqlite3
import sys
import threading
import time
from pathlib import Path

import pytest

from newsreader.review import backends, paths, schema
from newsreader.review import store as store_module
from newsreader.review.backends import open_store
from newsreader.review.decision_log import DecisionLog, statements
from newsreader.review.store import Store, StoreError


def test_a_new_store_is_created_in_wal_mode_at_the_latest_version(store_file: Path) -> None:
    s = Store.open(store_file)
    s.close()
    conn = sqlite3.connect(store_file)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.latest_version()
    conn.close()
    assert s.notice is None


def test_articles_are_keyed_by_text_hash_and_keep_the_latest_path(shared_store: DecisionLog) -> None:
    store = shared_store
    first = store.article("abc", "old/name.txt", "Title")
    again = store.article("abc", "new/name.txt", "Title")
    assert again.id == first.id
    assert again.path == "new/name.txt"
    assert store.find_article("abc") == again
    assert store.find_article("nope") is None


def test_a_decision_repeating_the_standing_one_is_not_stacked(shared_store: DecisionLog) -> None:
    store = shared_store
    art = store.article("abc", "a.txt", "A").id
    row, new = store.record(art, "status", "{}", '{"status":"flagged"}')
    same, again = store.record(art, "status", "{}", '{"status":"flagged"}')
    assert new and not again and same.id == row.id
    assert len(store.decisions(art)) == 1


def test_undo_withdraws_the_latest_and_the_previous_stands_again(shared_store: DecisionLog) -> None:
    store = shared_store
    art = store.article("abc", "a.txt", "A").id
    store.record(art, "status", "{}", '{"status":"flagged"}')
    store.record(art, "status", "{}", '{"status":"reviewed"}')
    undone = store.undo(art)
    assert undone is not None and undone.value == '{"status":"reviewed"}'
    assert [r.value for r in store.decisions(art)] == ['{"status":"flagged"}']
    assert store.undo(art) is not None
    assert store.undo(art) is None


def test_undo_is_per_article(shared_store: DecisionLog) -> None:
    store = shared_store
    a = store.article("a", "a.txt", "A").id
    b = store.article("b", "b.txt", "B").id
    store.record(a, "status", "{}", '{"status":"flagged"}')
    store.record(b, "status", "{}", '{"status":"flagged"}')
    store.undo(a)
    assert store.decisions(a) == [] and len(store.decisions(b)) == 1


@pytest.mark.parametrize(
    "content",
    [b"this is not sqlite at all\n" * 200, b"SQLite format 3\x00 but only a few bytes"],
    ids=["an article", "a short file with the magic"],
)
def test_a_file_that_is_not_a_store_is_refused_and_left_as_it_is(store_file: Path, content: bytes) -> None:
    store_file.parent.mkdir(parents=True)
    store_file.write_bytes(content)
    with pytest.raises(StoreError) as err:
        Store.open(store_file)
    message = str(err.value)
    assert "not a review store" in message and "left as it is" in message and "\n" not in message
    assert store_file.read_bytes() == content
    assert sorted(p.name for p in store_file.parent.iterdir()) == [store_file.name]
    with pytest.raises(StoreError):
        Store.open(store_file, read_only=True)
    assert store_file.read_bytes() == content


def test_a_database_with_another_programs_application_id_is_refused(store_file: Path) -> None:
    store_file.parent.mkdir(parents=True)
    conn = sqlite3.connect(store_file)
    conn.execute("PRAGMA application_id = 1234")
    conn.execute("PRAGMA user_version = 1")  # looks like our version, yet it is not ours
    conn.execute("CREATE TABLE articles (x)")
    conn.commit()
    conn.close()
    before = store_file.read_bytes()
    with pytest.raises(StoreError, match="another program"):
        Store.open(store_file)
    assert store_file.read_bytes() == before


def test_a_fifo_as_the_store_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(StoreError, match="not a regular file"):
        Store.open(fifo)


def test_a_new_store_carries_our_application_id(store_file: Path) -> None:
    Store.open(store_file).close()
    conn = sqlite3.connect(store_file)
    assert conn.execute("PRAGMA application_id").fetchone()[0] == schema.APPLICATION_ID
    conn.close()


def _store_with_a_decision(store_file: Path) -> int:
    s = Store.open(store_file)
    art = s.article("abc", "a.txt", "A").id
    s.record(art, "status", "{}", '{"status":"flagged"}')
    s.close()
    return art


def test_read_only_opening_creates_nothing_beside_the_store(store_file: Path) -> None:
    art = _store_with_a_decision(store_file)
    before = store_file.read_bytes()
    s = Store.open(store_file, read_only=True)
    assert [r.value for r in s.decisions(art)] == ['{"status":"flagged"}']
    s.close()
    assert sorted(p.name for p in store_file.parent.iterdir()) == [store_file.name]
    assert store_file.read_bytes() == before


def test_read_only_opening_of_a_missing_store_creates_nothing(tmp_path: Path) -> None:
    s = Store.open(tmp_path / "none" / "review.sqlite3", read_only=True)
    assert s.find_article("abc") is None
    s.close()
    assert list(tmp_path.iterdir()) == []


def test_read_only_opening_sees_what_a_running_writer_committed(store_file: Path) -> None:
    writer = Store.open(store_file)
    art = writer.article("abc", "a.txt", "A").id
    writer.record(art, "status", "{}", '{"status":"flagged"}')  # in the -wal, not yet checkpointed
    reader = Store.open(store_file, read_only=True)
    assert len(reader.decisions(art)) == 1
    reader.close()
    writer.close()


def test_a_store_this_process_cannot_write_is_shown_from_memory(
    store_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    art = _store_with_a_decision(store_file)
    store_file.chmod(0o444)
    store_file.parent.chmod(0o555)
    try:
        if os.access(store_file, os.W_OK):  # root writes anyway: pretend the permissions hold
            monkeypatch.setattr(store_module, "_writable", lambda path: False)
        s = Store.open(store_file)
        assert s.notice is not None and "read-only" in s.notice and "until you quit" in s.notice
        assert len(s.decisions(art)) == 1
        s.record(art, "status", "{}", '{"status":"reviewed"}')  # kept in memory
        assert len(s.decisions(art)) == 2
        s.close()
        assert sorted(p.name for p in store_file.parent.iterdir()) == [store_file.name]
    finally:
        store_file.parent.chmod(0o755)
        store_file.chmod(0o644)
    s = Store.open(store_file)
    assert len(s.decisions(art)) == 1  # the file was not written
    s.close()


def test_a_truncated_store_is_moved_aside(store_file: Path) -> None:
    s = Store.open(store_file)
    art = s.article("abc", "a.txt", "A").id
    for i in range(300):
        s.record(art, "note", f'{{"i":{i}}}', '{"text":"' + "x" * 200 + '"}')
    s.close()
    data = store_file.read_bytes()
    store_file.write_bytes(data[: len(data) // 2])
    fresh = Store.open(store_file)
    assert fresh.notice is not None
    assert fresh.find_article("abc") is None
    fresh.close()


def test_a_store_from_a_newer_version_is_moved_aside(store_file: Path) -> None:
    Store.open(store_file).close()
    conn = sqlite3.connect(store_file)
    conn.execute(f"PRAGMA user_version = {schema.latest_version() + 1}")
    conn.close()
    s = Store.open(store_file)
    assert s.notice is not None and "newer newsreader" in s.notice
    assert any(p.name.startswith("review.sqlite3.newer-v") for p in store_file.parent.iterdir())
    s.close()


def test_another_programs_database_is_left_alone(store_file: Path) -> None:
    store_file.parent.mkdir(parents=True)
    conn = sqlite3.connect(store_file)
    conn.execute("CREATE TABLE theirs (x)")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="another program"):
        Store.open(store_file)
    conn = sqlite3.connect(store_file)
    assert conn.execute("SELECT name FROM sqlite_master").fetchall() == [("theirs",)]
    conn.close()


def test_a_store_that_cannot_be_created_is_one_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreError) as err:
        Store.open(blocker / "review.sqlite3")
    assert "\n" not in str(err.value)


def test_migrations_run_in_order_and_keep_the_data(store_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    s = Store.open(store_file)
    art = s.article("abc", "a.txt", "A").id
    s.record(art, "status", "{}", '{"status":"flagged"}')
    s.close()
    after = len(schema.MIGRATIONS) + 1
    step = "ALTER TABLE decisions ADD COLUMN author TEXT NOT NULL DEFAULT ''"
    monkeypatch.setattr(schema, "MIGRATIONS", (*schema.MIGRATIONS, step))
    s = Store.open(store_file)
    assert s.notice is None
    assert len(s.decisions(art)) == 1
    s.close()
    conn = sqlite3.connect(store_file)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == after
    assert "author" in [r[1] for r in conn.execute("PRAGMA table_info(decisions)")]
    conn.close()


def test_a_writer_waits_for_another_instead_of_failing(store_file: Path) -> None:
    s = Store.open(store_file)
    art = s.article("abc", "a.txt", "A").id
    other = sqlite3.connect(store_file, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    threading.Timer(0.5, lambda: other.execute("COMMIT")).start()
    started = time.monotonic()
    s.record(art, "status", "{}", '{"status":"flagged"}')
    assert time.monotonic() - started >= 0.4
    other.close()
    s.close()


def test_a_closed_store_says_so(store: Store) -> None:
    store.close()
    store.close()
    with pytest.raises(StoreError, match="closed"):
        store.find_article("x")


def test_data_version_changes_with_another_connections_commit(store_file: Path) -> None:
    a, b = Store.open(store_file), Store.open(store_file)
    before = a.data_version()
    a.article("own", "a.txt", "A")
    assert a.data_version() == before
    b.article("abc", "b.txt", "B")
    assert a.data_version() != before
    a.close()
    b.close()


def test_store_path_prefers_the_option_then_the_environment_then_the_data_folder(tmp_path: Path) -> None:
    env = {paths.ENV_VAR: str(tmp_path / "env.sqlite3")}
    assert paths.store_path(str(tmp_path / "opt.sqlite3"), env) == tmp_path / "opt.sqlite3"
    assert paths.store_path(None, env) == tmp_path / "env.sqlite3"
    default = paths.store_path(None, {})
    assert default == paths.default_store_path()
    assert default.name == paths.FILE_NAME and "newsreader" in default.parts


def test_busy_timeout_is_long_enough_for_keyboard_use() -> None:
    assert store_module.BUSY_TIMEOUT_SECONDS >= 5


def test_a_store_path_that_is_a_folder_is_one_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError) as err:
        Store.open(tmp_path)
    assert "\n" not in str(err.value) and str(tmp_path) in str(err.value)
    assert tmp_path.is_dir()


# -- who decided, and whose decision undo takes back --------------------------------------


def test_each_decision_records_its_reviewer_and_session(store_file: Path) -> None:
    s = Store.open(store_file, reviewer="Ann Lee")
    art = s.article("abc", "a.txt", "A").id
    row, _ = s.record(art, "status", "{}", '{"status":"flagged"}')
    assert (row.reviewer, row.session) == ("Ann Lee", s.session) and s.session
    s.undo(art)
    s.close()
    conn = sqlite3.connect(store_file)
    assert conn.execute("SELECT reviewer, undone_by FROM decisions").fetchall() == [("Ann Lee", "Ann Lee")]
    conn.close()


def test_undo_takes_back_this_readers_decision_not_anothers(location: str) -> None:
    mine = open_store(location, reviewer="Ann", session="one")
    theirs = open_store(location, reviewer="Bo", session="two")
    art = mine.article("abc", "a.txt", "A").id
    mine.record(art, "status", "{}", '{"status":"flagged"}')
    theirs.record(art, "note", "{}", '{"text":"theirs"}')  # the latest, but not mine
    undone = mine.undo(art)
    assert undone is not None and undone.value == '{"status":"flagged"}'
    assert [r.value for r in mine.decisions(art)] == ['{"text":"theirs"}']
    assert mine.undo(art) is None  # nothing of Ann's is left: Bo's note stands
    assert theirs.undo(art) is not None
    mine.close()
    theirs.close()


def test_after_a_restart_undo_takes_back_the_reviewers_earlier_decision(location: str) -> None:
    before = open_store(location, reviewer="Ann", session="yesterday")
    art = before.article("abc", "a.txt", "A").id
    before.record(art, "status", "{}", '{"status":"flagged"}')
    other = open_store(location, reviewer="Bo", session="bo")
    other.record(art, "note", "{}", '{"text":"theirs"}')
    before.close()
    today = open_store(location, reviewer="Ann", session="today")
    undone = today.undo(art)
    assert undone is not None and undone.reviewer == "Ann" and undone.session == "yesterday"
    today.close()
    other.close()


def test_a_version_1_store_gains_reviewers_and_its_decisions_stay_undoable(store_file: Path) -> None:
    store_file.parent.mkdir(parents=True)
    conn = sqlite3.connect(store_file, isolation_level=None)
    for statement in statements(schema.MIGRATIONS[0]):
        conn.execute(statement)
    conn.execute("PRAGMA user_version = 1")
    conn.execute("INSERT INTO articles VALUES (1, 'abc', 'a.txt', 'A', 'then', 'then')")
    conn.execute(
        "INSERT INTO decisions (article_id, kind, target, value, created)"
        " VALUES (1, 'status', '{}', '{}', 'then')"
    )
    conn.close()
    s = Store.open(store_file, reviewer="Ann")
    (old,) = s.decisions(1)
    assert old.reviewer == "" and old.session == ""
    assert s.undo(1) is not None  # made before reviewers were recorded: the user's own
    s.close()
    conn = sqlite3.connect(store_file)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.latest_version()
    conn.close()


def test_without_the_driver_a_server_store_is_one_clear_message(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "psycopg", None)  # import psycopg now fails
    monkeypatch.delitem(sys.modules, "newsreader.review.pgstore", raising=False)
    with pytest.raises(StoreError) as err:
        backends.open_store("postgresql://desk.example/review")
    assert str(err.value) == backends.NO_DRIVER

"""The review store: one SQLite file (WAL) holding articles and the log of decisions.

Every write is its own short `BEGIN IMMEDIATE` transaction, committed before the call
returns, so a killed process loses nothing and two processes on one store both get
their writes in (the busy timeout makes the second wait its turn).

The file at the store's path is never harmed: one that is not an SQLite database of
ours (an article given to `--store` by mistake, another program's database) is refused
with `StoreError` and left exactly as it is. Only a store of ours that is damaged, or
was written by a newer newsreader, is moved aside and a fresh one started; `notice`
then holds the sentence to show the user. A store this process may not write is read
into memory (nothing is created beside it) and `notice` says decisions made now last
until the reader closes. Problems the user must fix (an unwritable folder, a store
locked for too long) raise `StoreError`, whose text is one line.
"""

from __future__ import annotations

import os
import sqlite3
import stat
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

from newsreader.review import identity, schema
from newsreader.review.decision_log import ArticleRow, DecisionLog, DecisionRow, StoreError, now, statements

__all__ = ["ArticleRow", "DecisionRow", "Store", "StoreError", "now"]  # where callers find them

BUSY_TIMEOUT_SECONDS = 15.0
# The first 100 bytes of an SQLite file are its header: the magic string, then (at 60)
# `PRAGMA user_version` and (at 68) `PRAGMA application_id`, both big-endian.
_SQLITE_MAGIC = b"SQLite format 3\x00"
_HEADER_SIZE = 100


class _Unusable(Exception):
    """The file is not a store this version can use; it gets moved aside."""

    def __init__(self, label: str, reason: str) -> None:
        super().__init__(reason)
        self.label = label
        self.reason = reason


class Store(DecisionLog):
    """The review store in an SQLite file; safe to share between threads of one process."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        path: Path | None,
        notice: str | None = None,
        *,
        reviewer: str | None = None,
        session: str = identity.SESSION,
    ) -> None:
        super().__init__(reviewer=reviewer, session=session)
        self._conn: sqlite3.Connection | None = conn
        self.path = path
        self.notice = notice  # said to the user once: the store was moved aside
        self._lock = threading.RLock()

    # -- opening and closing -------------------------------------------------------

    @classmethod
    def open(
        cls,
        path: str | Path,
        *,
        read_only: bool = False,
        reviewer: str | None = None,
        session: str = identity.SESSION,
    ) -> Store:
        """Open (creating or migrating) the store at `path`, moving a damaged one of ours aside.

        `read_only` (export): nothing is created, migrated or moved; a missing store is an
        empty one. A file that is not our store raises `StoreError` and is left alone.
        """
        target = Path(path)
        found = what_is_at(target)
        if read_only or (found == "ours" and not _writable(target)):
            if found == "nothing":
                return cls.in_memory(reviewer=reviewer, session=session)
            return cls._copied(target, said_read_only=not read_only, reviewer=reviewer, session=session)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise StoreError(f"cannot create {target.parent} for the review store: {err.strerror}") from None
        notice = None
        for attempt in (1, 2):
            seen = _identity(target)
            try:
                return cls(_connect(target), target, notice=notice, reviewer=reviewer, session=session)
            except _Unusable as bad:
                if attempt == 2:
                    raise StoreError(f"cannot start a fresh review store at {target}: {bad.reason}") from None
                if _identity(target) != seen:
                    continue  # another newsreader has just moved it aside and started afresh
                moved = _move_aside(target, bad.label)
                notice = (
                    f"the review store {target} {bad.reason}; it was moved to {moved.name} "
                    "and a fresh one started"
                )
        raise AssertionError("unreachable")

    @classmethod
    def _copied(cls, target: Path, *, said_read_only: bool, reviewer: str | None, session: str) -> Store:
        """The store at `target` read into memory, leaving no file behind (not even -wal/-shm)."""
        conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        try:
            with _closed_on_failure(conn, target):
                _read_into(target, conn)
                _check_and_migrate(conn)  # in memory only: the file keeps its schema
        except _Unusable as bad:  # nothing is moved aside when only reading
            raise StoreError(f"the review store {target} {bad.reason}") from None
        notice = None
        if said_read_only:
            notice = (
                f"the review store {target} is read-only: its decisions are shown, "
                "and decisions made now last only until you quit"
            )
        return cls(conn, target, notice=notice, reviewer=reviewer, session=session)

    @classmethod
    def in_memory(cls, *, reviewer: str | None = None, session: str = identity.SESSION) -> Store:
        """A private, empty store that vanishes on close (tests; exporting without a store)."""
        conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        _migrate(conn)
        return cls(conn, None, reviewer=reviewer, session=session)

    @property
    def closed(self) -> bool:
        return self._conn is None

    def close(self) -> None:
        """Close the connection (decisions are already committed). Safe to call twice."""
        with self._lock:
            if self._conn is not None:
                conn, self._conn = self._conn, None
                conn.close()

    def data_version(self) -> int:
        """A number that changes whenever another connection commits (not for this one's commits);
        SQLite counts them itself."""
        with self._reading() as conn:
            return int(conn.execute("PRAGMA data_version").fetchone()[0])

    # -- plumbing ------------------------------------------------------------------

    def _live(self) -> sqlite3.Connection:
        if self._conn is None:
            raise StoreError("the review store is closed")
        return self._conn

    @contextmanager
    def _using(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            conn = self._live()
            with self._counted_use():
                try:
                    yield conn
                except sqlite3.Error as err:
                    raise StoreError(_describe(err, self.path)) from None

    _reading = _using  # autocommit: each read is its own short transaction

    @contextmanager
    def _writing_transaction(self) -> Iterator[sqlite3.Connection]:
        with self._using() as conn:
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")


def what_is_at(path: Path) -> str:
    """ "nothing" (no file, or an empty one), "ours" (an SQLite file that is or may be a
    review store); anything else raises `StoreError` so that the file is never touched."""
    try:
        st = path.stat()
    except (FileNotFoundError, NotADirectoryError):  # creating its folder says what is wrong
        return "nothing"
    except OSError as err:
        raise StoreError(f"cannot use {path} as the review store: {err.strerror or err}") from None
    if stat.S_ISDIR(st.st_mode):
        raise StoreError(f"{path} is a folder; give the review store a file name (--store PATH)")
    if not stat.S_ISREG(st.st_mode):
        raise StoreError(f"{path} is not a regular file, so it cannot be the review store")
    if st.st_size == 0:
        return "nothing"
    try:
        with path.open("rb") as fh:
            header = fh.read(_HEADER_SIZE)
    except OSError as err:
        raise StoreError(f"cannot read the review store {path}: {err.strerror or err}") from None
    if not header.startswith(_SQLITE_MAGIC) or len(header) < _HEADER_SIZE:
        raise StoreError(
            f"{path} is not a review store (not an SQLite database); it was left as it is: "
            "give another path with --store or NEWSREADER_STORE"
        )
    application_id = int.from_bytes(header[68:72], "big")
    if application_id not in (0, schema.APPLICATION_ID):
        raise StoreError(f"{path} is an SQLite database of another program, not a review store")
    return "ours"  # another program's database with application id 0 is caught by _migrate


def _writable(path: Path) -> bool:
    # WAL needs the folder too: SQLite creates the -wal and -shm files beside the store
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def _read_into(path: Path, memory: sqlite3.Connection) -> None:
    """Copy the store at `path` into `memory` without creating anything beside it.

    With no -wal file nobody has the store open, so it is read as immutable (no -shm or
    -wal is made); with one, its committed pages must be read too, and SQLite's read-only
    mode uses the files already there.
    """
    wal = path.with_name(path.name + "-wal")
    uri = path.resolve().as_uri() + ("?mode=ro" if wal.exists() else "?mode=ro&immutable=1")
    source = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_SECONDS)
    try:
        source.backup(memory)
    finally:
        source.close()


def _connect(path: Path) -> sqlite3.Connection:
    try:
        conn = sqlite3.connect(
            str(path), timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None, check_same_thread=False
        )
    except sqlite3.Error as err:
        raise StoreError(_describe(err, path)) from None
    with _closed_on_failure(conn, path):
        conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_SECONDS * 1000)}")
        # WAL lets readers and one writer work at once; on a file system without shared
        # memory SQLite keeps its rollback journal, which is slower but just as safe.
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        _check_and_migrate(conn)
    return conn


@contextmanager
def _closed_on_failure(conn: sqlite3.Connection, path: Path) -> Iterator[None]:
    """Close `conn` if opening fails, and say why as `StoreError` or `_Unusable` (damaged)."""
    try:
        yield
    except _Unusable:
        conn.close()
        raise
    except StoreError as err:
        conn.close()
        raise StoreError(f"{path} {err}") from None
    except sqlite3.OperationalError as err:
        # locked, read-only, out of space: the file may be fine, so never move it aside
        conn.close()
        raise StoreError(_describe(err, path)) from None
    except sqlite3.DatabaseError:
        conn.close()
        raise _Unusable("damaged", "is damaged") from None


def _check_and_migrate(conn: sqlite3.Connection) -> None:
    check = conn.execute("PRAGMA quick_check").fetchone()
    if check is None or check[0] != "ok":
        raise _Unusable("damaged", "is damaged")
    _migrate(conn)


def _migrate(conn: sqlite3.Connection) -> None:
    conn.execute("BEGIN IMMEDIATE")
    try:
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        latest = schema.latest_version()
        if version > latest:
            raise _Unusable(
                f"newer-v{version}",
                f"was written by a newer newsreader (schema {version}; this one reads up to {latest})",
            )
        if version == 0 and conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
            # someone else's database: leave it exactly as it is
            raise StoreError("is an SQLite database of another program, not a review store")
        for step in range(version, latest):
            for statement in statements(schema.MIGRATIONS[step]):
                conn.execute(statement)
        conn.execute(f"PRAGMA user_version = {latest}")
        conn.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not tables >= schema.REQUIRED_TABLES:
            raise _Unusable("damaged", "is not a review store (tables are missing)")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_dev, st.st_ino)


def _move_aside(path: Path, label: str) -> Path:
    stamp = datetime.now(timezone.utc).strftime("%Y%m%d-%H%M%S")
    moved = path.with_name(f"{path.name}.{label}-{stamp}")
    n = 1
    while moved.exists():
        n += 1
        moved = path.with_name(f"{path.name}.{label}-{stamp}-{n}")
    try:
        path.replace(moved)
        for suffix in ("-wal", "-shm"):
            side = path.with_name(path.name + suffix)
            if side.exists():
                side.replace(moved.with_name(moved.name + suffix))
    except OSError as err:
        reason = err.strerror or str(err)
        raise StoreError(f"the review store {path} is unusable and cannot be moved aside: {reason}") from None
    return moved


def _describe(err: sqlite3.Error, path: Path | None) -> str:
    where = f"the review store {path}" if path else "the review store"
    message = str(err).splitlines()[0] if str(err) else type(err).__name__
    if "locked" in message or "busy" in message:
        return f"{where} is busy (another newsreader is writing); try again"
    return f"{where}: {message}"

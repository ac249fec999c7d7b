"""Decisions made while a server store is away, kept in a small SQLite file until they are sent.

One file per server (named by a hash of its address, the password left out) in the
reader's state folder. Each entry is committed before the call that made it returns, so
a reader killed while the server is away loses nothing: the next reader of that server on
this machine sends what a reader no longer running left behind (`orphans`). An entry is
the decision row itself, with its `uid`, so one sent twice is stored once, and, for an
article first opened while the server was away (so that the server has not numbered it
yet), the article's row: the server's article of that text takes the decision when sent.

A folder that cannot be written leaves the spool in memory; `problem` then says so. An
entry the file refuses (a full disk, a lock held too long) is kept in memory all the same,
and sent with the rest, but `add` says so (`StoreError`): it is lost if the reader quits
before the server answers. An entry the server refuses (its article gone from a database
made anew, say) is set aside in the file's table `set_aside`, with the server's reason,
never deleted.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import threading
import uuid
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from newsreader.review.decision_log import ArticleRow, DecisionRow, StoreError

FOLDER = "spool"
_LIVE: set[str] = set()  # the spools open in this process, by owner
_TABLE = """
CREATE TABLE IF NOT EXISTS queued (
    seq    INTEGER PRIMARY KEY AUTOINCREMENT,
    owner  TEXT NOT NULL,      -- the spool that queued it (one per store opened)
    pid    INTEGER NOT NULL,   -- its process: an entry of a process gone is an orphan
    undo   INTEGER NOT NULL,   -- 1: withdraw the row of this uid, 0: store the row
    row    TEXT NOT NULL       -- the DecisionRow, as JSON (with "article": an ArticleRow
)                              -- when the server had not numbered its article yet)
"""
_SET_ASIDE = """
CREATE TABLE IF NOT EXISTS set_aside (
    undo   INTEGER NOT NULL,
    row    TEXT NOT NULL,      -- as in `queued`
    why    TEXT NOT NULL,      -- what the server said when it refused it
    at     TEXT NOT NULL       -- when (UTC, ISO 8601)
)
"""


@dataclass(frozen=True)
class Queued:
    """A decision made, or one withdrawn (`undo`), while the server was away."""

    row: DecisionRow
    undo: bool = False
    seq: int = 0  # its place in the spool (0: not yet written)
    article: ArticleRow | None = None  # its article, when the server has not numbered it yet


def spool_file(folder: Path, address: str) -> Path:
    """The spool of the server at `address`: the same file for every reader of it here."""
    from psycopg import conninfo

    try:
        parts = conninfo.conninfo_to_dict(address)
    except Exception:  # an address libpq cannot read never reached a server: any name will do
        parts = {"address": address}
    parts.pop("password", None)
    digest = hashlib.sha256(json.dumps(sorted(parts.items())).encode()).hexdigest()[:16]
    return folder / FOLDER / f"{digest}.sqlite3"


class Spool:
    """The entries one store queued, written through to the file; safe between threads."""

    def __init__(self, path: Path | None) -> None:
        """`path`: the spool file (created with its folder), None for memory only."""
        self.owner = uuid.uuid4().hex
        self.problem: str | None = None
        self._lock = threading.Lock()
        self._entries: list[Queued] = []
        self.path = path
        try:
            if path is None:
                raise OSError("no file given")
            path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(path, timeout=15, isolation_level=None, check_same_thread=False)
            self._db.execute("PRAGMA journal_mode = WAL")
            self._db.execute("PRAGMA synchronous = FULL")  # an entry is on disk when `add` returns
            self._make_tables()
        except (OSError, sqlite3.Error) as err:
            if path is not None:
                self.problem = f"decisions made while it is away cannot be kept in {path} ({err})"
            self.path = None
            self._db = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
            self._make_tables()
        self._unwritten = 0  # entries the file refused, kept in memory only (numbered -1, -2, …)
        _LIVE.add(self.owner)

    def _make_tables(self) -> None:
        self._db.execute(_TABLE)
        self._db.execute(_SET_ASIDE)

    @property
    def entries(self) -> list[Queued]:
        """This store's entries, oldest first."""
        return list(self._entries)

    def __len__(self) -> int:
        return len(self._entries)

    def add(self, row: DecisionRow, *, undo: bool = False, article: ArticleRow | None = None) -> None:
        """Queue `row` (`article`: its article, not yet on the server), on disk on return.
        `StoreError` when the file refuses it: it is queued in memory only then."""
        with self._lock:
            try:
                cursor = self._db.execute(
                    "INSERT INTO queued (owner, pid, undo, row) VALUES (?, ?, ?, ?)",
                    (self.owner, os.getpid(), int(undo), _as_json(row, article)),
                )
            except sqlite3.Error as err:
                self._unwritten += 1
                self._entries.append(Queued(row, undo, -self._unwritten, article))
                self.problem = f"the spool {self.path or 'in memory'} could not be written ({err})"
                raise StoreError(
                    f"{'an undo' if undo else 'a decision'} kept in memory only, as {self.problem}: "
                    "it is sent when the review store answers, and lost if the reader quits before"
                ) from None
            self._entries.append(Queued(row, undo, int(cursor.lastrowid or 0), article))

    def drop(self, entry: Queued) -> None:
        """Forget an entry never sent (a decision withdrawn before the server saw it);
        `StoreError`, the entry kept, when the file refuses."""
        with self._lock:
            try:
                self._db.execute("DELETE FROM queued WHERE seq = ?", (entry.seq,))
            except sqlite3.Error as err:
                raise StoreError(f"not undone: the spool {self.path} could not be written ({err})") from None
            self._entries = [e for e in self._entries if e.seq != entry.seq]

    def orphans(self) -> list[Queued]:
        """The entries that readers no longer running left behind, oldest first."""
        with self._lock:
            rows = self._db.execute("SELECT seq, owner, pid, undo, row FROM queued ORDER BY seq").fetchall()
        return [
            _queued(seq, bool(undo), json.loads(row))
            for seq, owner, pid, undo, row in rows
            if owner not in _LIVE and (pid == os.getpid() or not _running(pid))
        ]

    def sent(self, entries: list[Queued]) -> None:
        """`entries` are on the server now: they leave the spool. Should the file refuse,
        they leave this store's queue all the same; a later reader sends them again, and
        the server keeps each decision once (by its uid)."""
        with self._lock:
            try:
                self._db.executemany("DELETE FROM queued WHERE seq = ?", [(e.seq,) for e in entries])
            except sqlite3.Error as err:
                self.problem = f"the spool {self.path} could not be written ({err})"
            done = {e.seq for e in entries}
            self._entries = [e for e in self._entries if e.seq not in done]

    def set_aside(self, refused: list[tuple[Queued, str]], when: str) -> bool:
        """Entries the server refused, each with its reason, leave the queue for the table
        `set_aside` (kept, never deleted); False, and they stay queued, when the file refuses."""
        with self._lock:
            try:
                with self._db:  # one transaction: an entry is in one table or the other
                    self._db.execute("BEGIN IMMEDIATE")
                    for entry, why in refused:
                        self._db.execute(
                            "INSERT INTO set_aside (undo, row, why, at) VALUES (?, ?, ?, ?)",
                            (int(entry.undo), _as_json(entry.row, entry.article), why, when),
                        )
                        self._db.execute("DELETE FROM queued WHERE seq = ?", (entry.seq,))
            except sqlite3.Error as err:
                self.problem = f"the spool {self.path} could not be written ({err})"
                return False
            gone = {entry.seq for entry, _ in refused}
            self._entries = [e for e in self._entries if e.seq not in gone]
        return True

    def close(self) -> None:
        """Close the file; what was not sent stays in it for the next reader."""
        with self._lock:
            _LIVE.discard(self.owner)
            self._db.close()


def _as_json(row: DecisionRow, article: ArticleRow | None) -> str:
    stored = {**asdict(row), "article": asdict(article)} if article is not None else asdict(row)
    return json.dumps(stored)


def _queued(seq: int, undo: bool, stored: dict[str, Any]) -> Queued:
    article = stored.pop("article", None)
    return Queued(DecisionRow(**stored), undo, seq, ArticleRow(**article) if article else None)


def _running(pid: int) -> bool:
    """Whether the process that queued an entry still runs (and so will send it itself)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process of that number: it runs
        return True
    return True

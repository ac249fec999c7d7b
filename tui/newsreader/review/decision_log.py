"""The store's interface: articles and the append-only log of decisions, whatever holds them.

`DecisionLog` is what the reader, the exports and the tests call. Its queries are
written once, in the SQL both SQLite and PostgreSQL read (`?` placeholders; the
PostgreSQL store turns them into its own); a backend supplies the connection through
`_reading()` and `_writing_transaction()` and says how it notices other writers
(`data_version`). The SQLite file is `store.Store`, a PostgreSQL server `pgstore.PgStore`.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Protocol

from newsreader.cleaning import printable
from newsreader.review import identity

# Columns named, never `*`: a later migration may add columns these rows do not hold.
ARTICLE_BY_HASH = "SELECT id, text_hash, path, title, first_seen, last_seen FROM articles WHERE text_hash = ?"
DECISIONS = (
    "SELECT id, article_id, kind, target, value, created, undone, reviewer, session, undone_by,"
    " curator, uid FROM decisions"
)
INSERT_DECISION = (
    "INSERT INTO decisions (article_id, kind, target, value, created, reviewer, session, curator, uid)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


class StoreError(Exception):
    """The store cannot be used right now; `str()` is the user's message (printable)."""

    def __init__(self, message: str) -> None:
        super().__init__(printable(message))


@dataclass(frozen=True)
class ArticleRow:
    id: int
    text_hash: str
    path: str
    title: str
    first_seen: str
    last_seen: str


@dataclass(frozen=True)
class DecisionRow:
    id: int
    article_id: int
    kind: str
    target: str  # JSON: what the decision is about
    value: str  # JSON: what was decided
    created: str
    undone: str | None = None
    reviewer: str = ""  # who decided ('' before schema 2)
    session: str = ""  # in which run of newsreader
    undone_by: str | None = None  # who withdrew it
    curator: bool = False  # settles what reviewers decided differently (schema 3)
    uid: str | None = None  # the decision's own name, the same in every store (schema 3)


def decision_row(row: tuple[Any, ...]) -> DecisionRow:
    """A row of `DECISIONS` as a `DecisionRow`."""
    id_, article_id, kind, target, value, created, undone, reviewer, session, undone_by, curator, uid = row
    return DecisionRow(
        id_,
        article_id,
        kind,
        target,
        value,
        created,
        undone,
        reviewer,
        session,
        undone_by,
        bool(curator),
        uid,
    )


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def new_uid() -> str:
    return uuid.uuid4().hex


class Cursor(Protocol):
    def fetchone(self) -> Any: ...
    def fetchall(self) -> list[Any]: ...


class Connection(Protocol):
    def execute(self, sql: str, params: Any = ..., /) -> Any: ...


class DecisionLog:
    """Articles and decisions; a backend subclass supplies the connection. Safe to share
    between threads of one process (backends serialise calls on a lock)."""

    path: Path | None  # the file, for messages; None for a server or memory
    notice: str | None  # said to the user once: the store was moved aside, is read-only
    session: str

    def __init__(self, *, reviewer: str | None, session: str) -> None:
        """`reviewer`: the name recorded with each decision (None: the config file's, else
        the login name); `session`: this reader, whose decisions `undo` takes back."""
        self._reviewer = None if reviewer is None else identity.reviewer_name(reviewer)
        self.session = session
        self._busy = 0  # > 0 while a call is using the connection
        self._after_use: Callable[[], None] | None = None

    @property
    def reviewer(self) -> str:
        """The name recorded with this store's decisions (resolved when first needed)."""
        if self._reviewer is None:
            self._reviewer = identity.configured_reviewer()
        return self._reviewer

    # -- what a backend supplies ---------------------------------------------------

    def _reading(self) -> AbstractContextManager[Connection]:
        raise NotImplementedError

    def _writing_transaction(self) -> AbstractContextManager[Connection]:
        raise NotImplementedError

    def data_version(self) -> int:
        """A number that changes whenever another reader writes (not for this one's writes)."""
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    def watch(self, changed: Callable[[], None]) -> bool:
        """Call `changed` (from another thread) as soon as another reader decides or undoes,
        where the store can tell at once; False where it cannot (an SQLite file), and
        `data_version` is to be polled."""
        return False

    def when_idle(self, action: Callable[[], None]) -> None:
        """Run `action` now, or as soon as the call in progress is done (a write has committed).

        For signal handlers, which may interrupt this very thread inside a transaction.
        """
        if self._busy:
            self._after_use = action
        else:
            action()

    @contextmanager
    def _counted_use(self) -> Iterator[None]:
        """Around each use of the connection: what `when_idle` put off runs when it ends."""
        self._busy += 1
        try:
            yield
        finally:
            self._busy -= 1
            if not self._busy and self._after_use is not None:
                action, self._after_use = self._after_use, None
                action()

    @property
    def trouble(self) -> str | None:
        """What keeps the store from being written right now (a lost connection), for the
        reader to show; None when all is well."""
        return None

    @property
    def queued(self) -> int:
        """How many decisions and undos wait to be sent to the store (made while it was away)."""
        return 0

    # -- what every store answers --------------------------------------------------

    def decisions_version(self) -> tuple[int, int, int]:
        """Changes whenever any decision is made or undone, by any process (articles
        opened elsewhere do not count: only their `last seen` changes)."""
        with self._reading() as conn:
            row = conn.execute(
                "SELECT COUNT(*), COALESCE(MAX(id), 0), COUNT(undone) FROM decisions"
            ).fetchone()
        return (int(row[0]), int(row[1]), int(row[2]))

    def article(self, text_hash: str, path: str, title: str) -> ArticleRow:
        """The article with this text, created or updated with where it was seen last."""
        with self._writing_transaction() as conn:
            return put_article(conn, text_hash, path, title, now())

    def find_article(self, text_hash: str) -> ArticleRow | None:
        with self._reading() as conn:
            row = conn.execute(ARTICLE_BY_HASH, (text_hash,)).fetchone()
        return ArticleRow(*row) if row else None

    def titles(self) -> dict[int, str]:
        with self._reading() as conn:
            return {int(i): str(t) for i, t in conn.execute("SELECT id, title FROM articles").fetchall()}

    def article_states(self) -> dict[str, tuple[int, str | None, int]]:
        """Every article's text hash -> (id, the value of its standing status decision or
        None, how many decisions stand): a folder's statuses in one read."""
        with self._reading() as conn:
            rows = conn.execute(
                "SELECT a.text_hash, a.id, (SELECT d.value FROM decisions d WHERE d.article_id = a.id"
                " AND d.kind = 'status' AND d.undone IS NULL ORDER BY d.id DESC LIMIT 1),"
                " (SELECT COUNT(*) FROM decisions d WHERE d.article_id = a.id AND d.undone IS NULL)"
                " FROM articles a"
            ).fetchall()
        return {str(h): (int(i), v, int(n)) for h, i, v, n in rows}

    def record(
        self,
        article_id: int,
        kind: str,
        target: str,
        value: str,
        *,
        curator: bool = False,
        uid: str | None = None,
    ) -> tuple[DecisionRow, bool]:
        """Commit a decision of this reviewer's (`curator`: one settling what reviewers
        decided differently); `(row, False)` when it only repeats the one of theirs standing
        for `target`, or a decision of this `uid` is already stored."""
        uid = uid or new_uid()
        with self._writing_transaction() as conn:
            same = conn.execute(f"{DECISIONS} WHERE uid = ?", (uid,)).fetchone()
            if same is None:
                same = conn.execute(
                    f"{DECISIONS} WHERE article_id = ? AND kind = ? AND target = ? AND undone IS NULL"
                    " AND reviewer = ? AND curator = ? ORDER BY id DESC LIMIT 1",
                    (article_id, kind, target, self.reviewer, int(curator)),
                ).fetchone()
                if same is not None and same[4] != value:
                    same = None
            if same is not None:
                return decision_row(same), False
            conn.execute(
                INSERT_DECISION,
                (article_id, kind, target, value, now(), self.reviewer, self.session, int(curator), uid),
            )
            row = conn.execute(f"{DECISIONS} WHERE uid = ?", (uid,)).fetchone()
        return decision_row(row), True

    def undo(self, article_id: int) -> DecisionRow | None:
        """Withdraw this reader's latest standing decision on the article: this session's,
        else (after a restart) the latest of this reviewer's or of no one recorded (made
        before reviewers were); never another reviewer's. None when there is none."""
        with self._writing_transaction() as conn:
            last = self._latest_own(conn, article_id)
            if last is None:
                return None
            conn.execute(
                "UPDATE decisions SET undone = ?, undone_by = ? WHERE id = ?", (now(), self.reviewer, last[0])
            )
        return decision_row(last)

    def _latest_own(self, conn: Connection, article_id: int) -> Any:
        latest = f"{DECISIONS} WHERE article_id = ? AND undone IS NULL AND {{}} ORDER BY id DESC LIMIT 1"
        last = conn.execute(latest.format("session = ?"), (article_id, self.session)).fetchone()
        if last is None:
            last = conn.execute(latest.format("reviewer IN (?, '')"), (article_id, self.reviewer)).fetchone()
        return last

    def decisions(self, article_id: int) -> list[DecisionRow]:
        """The article's standing decisions, every reviewer's, oldest first."""
        with self._reading() as conn:
            rows = conn.execute(
                f"{DECISIONS} WHERE article_id = ? AND undone IS NULL ORDER BY id", (article_id,)
            ).fetchall()
        return [decision_row(r) for r in rows]

    def decisions_of_kind(self, kind: str) -> list[DecisionRow]:
        """Standing decisions of one kind across every article, oldest first."""
        with self._reading() as conn:
            rows = conn.execute(
                f"{DECISIONS} WHERE kind = ? AND undone IS NULL ORDER BY id", (kind,)
            ).fetchall()
        return [decision_row(r) for r in rows]


def put_article(conn: Connection, text_hash: str, path: str, title: str, seen: str) -> ArticleRow:
    """The article with this text, created or updated with where and when (`seen`) it
    was seen last, in the caller's transaction."""
    conn.execute(
        "INSERT INTO articles (text_hash, path, title, first_seen, last_seen) VALUES (?, ?, ?, ?, ?)"
        " ON CONFLICT (text_hash) DO UPDATE SET path = excluded.path, title = excluded.title,"
        " last_seen = excluded.last_seen",
        (text_hash, path, title, seen, seen),
    )
    return ArticleRow(*conn.execute(ARTICLE_BY_HASH, (text_hash,)).fetchone())


def statements(script: str) -> Iterator[str]:
    """A migration's statements one by one, comments dropped (executescript() would commit
    the open transaction)."""
    lines = [line.split("--", 1)[0] for line in script.splitlines()]
    return (s.strip() for s in "\n".join(lines).split(";") if s.strip())

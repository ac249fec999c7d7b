"""The review store on a PostgreSQL server (`--store postgresql://…`), for a desk across machines.

The same tables and migrations as the SQLite file (`schema.MIGRATIONS`, with SQLite's
key column spelt as PostgreSQL's identity column); the version is kept in the table
`newsreader_schema`, and migrating holds an advisory lock so two readers starting at once
migrate once. Every write is its own transaction, committed before the call returns.

A lost connection does not lose decisions: while the server is away they are queued
(with their undos) in a spool file on this machine (`spool.Spool`, committed before each
call returns) and the reader keeps showing what it last read plus the queue; `trouble`
says so. The next call after the server is back (tried at most once a second) sends the
queue in one transaction. Each decision carries its own `uid`, unique in the table, so a
decision sent again (its commit was lost with the connection, a queue replayed) is stored
once. A reader that quits or is killed while the server is away leaves its queue in the
spool; the next reader of that server here sends it. While it is away, the connection is
tried again in a thread of its own, so that no call (the reader's poll, a decision) waits
for a server that does not answer; the call after it answers sends the queue. A queued
entry the server refuses (its article is gone from a database made anew at the same
address, say) is set aside in the spool (`Spool.set_aside`), `notice` says so once, and
the rest is sent; any other error the server gives is a `StoreError`.

A server already away when the store is opened is the same case from the start (unless
the store is opened to read only: then it is a `StoreError`). An article first opened
while it is away has a provisional id here; its decisions are queued with the article
itself, which is created on the server (or found there, by its text) when the queue is
sent, and the provisional id is the server's from then on.

Another reader's decisions are told as they commit: a trigger notifies, and `watch`
listens (`pgwatch`); `data_version` counts what was told, and while nothing listens it
is a fingerprint of the decisions of every other session, polled.
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import replace
from pathlib import Path
from typing import Any

import psycopg
from psycopg import conninfo

from newsreader.review import identity, paths, schema
from newsreader.review.decision_log import (
    INSERT_DECISION,
    ArticleRow,
    DecisionLog,
    DecisionRow,
    StoreError,
    new_uid,
    now,
    put_article,
    statements,
)
from newsreader.review.pgwatch import Watcher, has_trigger, install_trigger
from newsreader.review.spool import Queued, Spool, spool_file

CONNECT_TIMEOUT_SECONDS = 5
RETRY_SECONDS = 1.0
_LOCK_KEY = schema.APPLICATION_ID  # the advisory lock taken while migrating
_LOST = (psycopg.OperationalError, psycopg.InterfaceError)
# Above any id the server gives: a queued decision counts as the latest, as it is (and
# an article opened while the server is away is told from the server's).
_PROVISIONAL_ID = 1 << 62


class _Offline(Exception):
    """The server cannot be reached right now: the caller falls back to the queue."""


class _Statements:
    """A psycopg connection that takes the `?` placeholders of `DecisionLog`'s SQL."""

    def __init__(self, conn: psycopg.Connection[Any]) -> None:
        self.conn = conn

    def execute(self, sql: str, params: Any = (), /) -> Any:
        return self.conn.execute(sql.replace("?", "%s"), params)


class PgStore(DecisionLog):
    """A connection to a review store on a PostgreSQL server; safe to share between threads."""

    def __init__(
        self, address: str, *, read_only: bool, reviewer: str | None, session: str, spool: Spool
    ) -> None:
        super().__init__(reviewer=reviewer, session=session)
        self.address = address
        self.path = None
        self.notice = None
        self.read_only = read_only
        self._lock = threading.RLock()
        self._conn: psycopg.Connection[Any] | None = None
        self._closed = False
        self._spool = spool
        self._articles: dict[str, ArticleRow] = {}  # by text hash: what was last read
        self._provisional: dict[int, ArticleRow] = {}  # articles first opened while away, by id here
        self._server_ids: dict[int, int] = {}  # a provisional article id -> the server's, once sent
        self._rows: dict[int, list[DecisionRow]] = {}  # standing decisions last read, by article
        self._data_version = 0  # the last answers of the version calls, kept while away
        self._decisions_version = (0, 0, 0)
        self._lost_since: str | None = None
        self._lost_why = ""  # the first line of what the driver said when it was lost
        self._next_try = 0.0
        self._attempt: threading.Thread | None = None  # a connection being tried while away
        self._attempted: psycopg.Connection[Any] | StoreError | None = None  # what it gave
        self._attempt_lock = threading.Lock()  # `_attempted` is handed over under it
        self._watcher: Watcher | None = None

    @classmethod
    def open(
        cls,
        address: str,
        *,
        read_only: bool = False,
        reviewer: str | None = None,
        session: str = identity.SESSION,
        spool_folder: Path | None = None,
    ) -> PgStore:
        """Connect to the store at `address` (a libpq URI), creating or migrating its tables
        unless `read_only`, and send what readers no longer running left in the spool
        (kept in `spool_folder`, default the reader's state folder). A server that cannot
        be reached leaves the store spooling from the start (`trouble` says so), as when
        it is lost later; `StoreError` when, opened to read only, it cannot be reached, or
        when the database is not a review store; nothing of another program's is changed."""
        folder = spool_folder or paths.state_dir(address)
        spool = Spool(None if read_only else spool_file(folder, address))
        store = cls(address, read_only=read_only, reviewer=reviewer, session=session, spool=spool)
        try:
            store._conn = store._connect()
            left = spool.orphans()
            if left:
                refused = store._send_queue(store._conn, left)
                sent = sum(not q.undo for q in left) - sum(not q.undo for q, _ in refused)
                said = [_set_aside_notice(refused, spool)] if refused else []
                if sent:
                    said.insert(
                        0,
                        f"{sent} decisions made while the review store {store.where} was unreachable, "
                        "in a reader since closed, were sent now",
                    )
                store.notice = "; ".join(said) or None
        except _LOST as err:
            if read_only:
                spool.close()
                raise StoreError(f"cannot reach the review store {store.where}: {_first_line(err)}") from None
            store._lost(err)  # decisions are spooled until it answers, as when it is lost later
        except psycopg.Error as err:
            spool.close()
            raise StoreError(f"the review store {store.where}: {_first_line(err)}") from None
        except BaseException:
            spool.close()
            raise
        if spool.problem:
            store.notice = spool.problem
        return store

    @property
    def where(self) -> str:
        """The server and database, for messages (never the password)."""
        try:
            parts = conninfo.conninfo_to_dict(self.address)
        except psycopg.ProgrammingError:
            return "server (its address cannot be read)"
        host = str(parts.get("host") or "localhost")
        port = f":{parts['port']}" if parts.get("port") else ""
        return f"{parts.get('dbname') or parts.get('user') or 'database'} on {host}{port}"

    @property
    def closed(self) -> bool:
        return self._closed

    @property
    def trouble(self) -> str | None:
        if self._lost_since is None:
            return None
        waiting = sum(not q.undo for q in self._spool.entries)
        kept = "in memory" if self._spool.path is None or self._spool.problem else "on this machine"
        made = (
            f"{waiting} decision{'s' if waiting != 1 else ''} made since"
            if waiting
            else "decisions made meanwhile"
        )
        why = f" ({self._lost_why})" if self._lost_why else ""
        return (
            f"the review store {self.where} is unreachable since {self._lost_since[11:19]} UTC{why}; "
            f"{made} are kept {kept} and sent when it is back"
        )

    @property
    def queued(self) -> int:
        return len(self._spool)

    def close(self) -> None:
        """Send what is queued if the server is back, then close; what cannot be sent stays
        in the spool for the next reader of the server. Safe to call twice."""
        with self._lock:
            if self._closed:
                return
            if len(self._spool):
                try:
                    self._online(wait=True)
                except (_Offline, StoreError):
                    kept = (
                        f"are kept in {self._spool.path} and sent by the next reader of it here"
                        if self._spool.path is not None
                        else "could not be kept and are lost"
                    )
                    sys.stderr.write(
                        f"newsreader: {self.queued} decisions and undos made while the review store "
                        f"{self.where} was unreachable {kept}\n"
                    )
            self._closed = True
            self._spool.close()
            if self._watcher is not None:
                self._watcher.stop()
            with self._attempt_lock:
                if isinstance(self._attempted, psycopg.Connection):
                    self._attempted.close()
            if self._conn is not None:
                conn, self._conn = self._conn, None
                conn.close()

    def watch(self, changed: Callable[[], None]) -> bool:
        """Call `changed` from a thread of its own as soon as another session's decision
        or undo commits (and when listening stops or starts again); True once listening."""
        with self._lock:
            if self._watcher is None:
                if not self._told_by_trigger():
                    return False  # nothing would tell: `data_version` polls
                self._watcher = Watcher(self.address, self.session, changed)
                self._watcher.start()
            watcher = self._watcher
        return watcher.listening(CONNECT_TIMEOUT_SECONDS)  # the store's calls need not wait for it

    def _told_by_trigger(self) -> bool:
        """Whether the server has the trigger that notifies decisions (a role that may not
        make it has none); False too while the server is away, so a reader started then
        polls rather than wait for a listener."""
        with suppress(_Offline), self._reading() as db:
            return has_trigger(db.conn)
        return False

    def data_version(self) -> int:
        """Changes when another reader decides or undoes, not for this one's decisions:
        the count of what `watch` was told, else a fingerprint of every other session's
        decisions, read from the server. While the server is away each call tries it
        again (at most once a second), so what is queued is sent as soon as it answers,
        also when the watcher is the first to find it back."""
        if self._lost_since is not None:
            with suppress(_Offline), self._using():
                pass
        told = self._watcher.count if self._watcher is not None else None
        if told is not None:
            return -1 - told  # never one of the fingerprints' (which are what polling read last)
        with suppress(_Offline):  # nothing new can be seen while the server is away
            with self._reading() as conn:
                row = conn.execute(
                    "SELECT COUNT(*), COALESCE(MAX(id), 0), COUNT(undone) FROM decisions WHERE session <> ?",
                    (self.session,),
                ).fetchone()
            self._data_version = hash(tuple(int(x) for x in row))
        return self._data_version

    def decisions_version(self) -> tuple[int, int, int]:
        with suppress(_Offline):
            self._decisions_version = super().decisions_version()
        return self._decisions_version

    # -- what is kept working while the server is away -----------------------------

    def article(self, text_hash: str, path: str, title: str) -> ArticleRow:
        try:
            row = super().article(text_hash, path, title)
        except _Offline:
            with self._lock:
                known = self._articles.get(text_hash)
                if known is None:  # numbered here until the server has it (see `_send_queue`)
                    stamp = now()
                    known = ArticleRow(
                        _PROVISIONAL_ID + len(self._provisional), text_hash, path, title, stamp, stamp
                    )
                    self._provisional[known.id] = self._articles[text_hash] = known
                return known
        self._articles[text_hash] = row
        return row

    def find_article(self, text_hash: str) -> ArticleRow | None:
        try:
            row = super().find_article(text_hash)
        except _Offline:
            return self._articles.get(text_hash)
        if row is not None:
            self._articles[text_hash] = row
        return row

    def titles(self) -> dict[int, str]:
        try:
            return super().titles()
        except _Offline:
            return {a.id: a.title for a in self._articles.values()}

    def article_states(self) -> dict[str, tuple[int, str | None, int]]:
        try:
            return super().article_states()
        except _Offline:
            raise StoreError(self.trouble or "the review store is unreachable") from None

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
        uid = uid or new_uid()  # named before sending: if the commit is lost, the resend is the same
        try:
            return super().record(self._on_server(article_id), kind, target, value, curator=curator, uid=uid)
        except _Offline:
            pass
        with self._lock:
            article_id = self._known(article_id)
            standing = None
            for row in self._shown(article_id):
                same_question = (row.kind, row.target) == (kind, target)
                if same_question and (row.reviewer, row.curator) == (self.reviewer, curator):
                    standing = row
            if standing is not None and standing.value == value:
                return standing, False
            row = DecisionRow(
                _PROVISIONAL_ID + len(self._spool),  # the server numbers it when it is sent
                article_id,
                kind,
                target,
                value,
                now(),
                reviewer=self.reviewer,
                session=self.session,
                curator=curator,
                uid=uid,
            )
            self._spool.add(row, article=self._provisional.get(article_id))
        return row, True

    def undo(self, article_id: int) -> DecisionRow | None:
        try:
            return super().undo(self._on_server(article_id))
        except _Offline:
            pass
        with self._lock:
            shown = self._shown(self._known(article_id))
            mine = [r for r in shown if r.session == self.session] or [
                r for r in shown if r.reviewer in (self.reviewer, "")
            ]
            if not mine:
                return None
            last = mine[-1]
            queued = next((q for q in self._spool.entries if q.row.uid == last.uid and not q.undo), None)
            if queued is not None:
                self._spool.drop(queued)  # never sent: nothing to withdraw on the server
            else:
                self._spool.add(replace(last, undone=now(), undone_by=self.reviewer), undo=True)
        return last

    def decisions(self, article_id: int) -> list[DecisionRow]:
        try:
            server_id = self._on_server(article_id)
            rows = super().decisions(server_id)
        except _Offline:
            return self._shown(self._known(article_id))
        self._rows[server_id] = rows
        return rows

    def decisions_of_kind(self, kind: str) -> list[DecisionRow]:
        try:
            return super().decisions_of_kind(kind)
        except _Offline:
            articles = {*self._rows, *(q.row.article_id for q in self._spool.entries)}
            return [r for article in articles for r in self._shown(article) if r.kind == kind]

    def _known(self, article_id: int) -> int:
        """The id an article has here: the server's once it has the article."""
        return self._server_ids.get(article_id, article_id)

    def _on_server(self, article_id: int) -> int:
        """The server's id of an article, one first opened while it was away created
        there first (with the queue sent); `_Offline` while it is away."""
        if article_id < _PROVISIONAL_ID:
            return article_id
        with self._using() as db:
            if article_id not in self._server_ids:
                self._send_queue(db.conn, [])
        return self._server_ids[article_id]

    def _shown(self, article_id: int) -> list[DecisionRow]:
        """The article's standing decisions as last read, with the queue applied."""
        queue = self._spool.entries
        withdrawn = {q.row.uid for q in queue if q.undo}
        rows = [r for r in self._rows.get(article_id, []) if r.uid not in withdrawn]
        return rows + [q.row for q in queue if not q.undo and q.row.article_id == article_id]

    # -- plumbing ------------------------------------------------------------------

    def _connect(self) -> psycopg.Connection[Any]:
        conn = psycopg.connect(self.address, autocommit=True, connect_timeout=CONNECT_TIMEOUT_SECONDS)
        try:
            _migrate(conn, self.where, read_only=self.read_only)
        except BaseException:
            conn.close()
            raise
        return conn

    def _online(self, *, wait: bool = False) -> psycopg.Connection[Any]:
        """The live connection, sending the queue when the server is back; `_Offline`
        while it is not. While away, a connection is tried in a thread of its own (at most
        once a second), and this call does not wait for it unless asked to (`wait`)."""
        if self._conn is not None and not self._conn.closed:
            return self._conn
        self._try_again()
        attempt = self._attempt
        if wait and attempt is not None:
            attempt.join(CONNECT_TIMEOUT_SECONDS + 1)
        with self._attempt_lock:
            found, self._attempted = self._attempted, None
        if found is None:
            raise _Offline()
        if isinstance(found, StoreError):  # the server answered, with an error of its own
            raise found
        try:
            refused = self._send_queue(found, self._spool.entries + self._spool.orphans())
        except _LOST as err:
            found.close()
            self._lost_why = _first_line(err)
            raise _Offline() from None
        except psycopg.Error as err:
            found.close()
            raise StoreError(f"the review store {self.where}: {_first_line(err)}") from None
        if refused:
            self.notice = _set_aside_notice(refused, self._spool)
            sys.stderr.write(f"newsreader: {self.notice}\n")
        self._conn, self._lost_since, self._lost_why = found, None, ""
        return found

    def _try_again(self) -> None:
        """Start trying to connect in a thread of its own, unless one is trying or was
        started less than a second ago (a server that does not answer takes up to
        `CONNECT_TIMEOUT_SECONDS`, and its caller is the reader's screen)."""
        if (self._attempt is not None and self._attempt.is_alive()) or self._attempted is not None:
            return
        if time.monotonic() < self._next_try:
            return
        self._next_try = time.monotonic() + RETRY_SECONDS
        self._attempt = threading.Thread(target=self._attempt_connect, name="newsreader-connect", daemon=True)
        self._attempt.start()

    def _attempt_connect(self) -> None:
        found: psycopg.Connection[Any] | StoreError
        try:
            found = self._connect()
        except _LOST as err:
            self._lost_why = _first_line(err)
            return
        except psycopg.Error as err:
            found = StoreError(f"the review store {self.where}: {_first_line(err)}")
        except StoreError as err:  # not a review store now, or a newer one's
            found = err
        with self._attempt_lock:
            if self._closed and isinstance(found, psycopg.Connection):
                found.close()  # the store was closed meanwhile: nobody will take it
            else:
                self._attempted = found

    def _send_queue(self, conn: psycopg.Connection[Any], queue: list[Queued]) -> list[tuple[Queued, str]]:
        """Store `queue` in one transaction, then take it out of the spool; the articles
        first opened while the server was away (this store's and the queue's) are put
        there first, and this store's are known by the server's ids from then on. An
        entry the server refuses is set aside (see `Spool.set_aside`), not sent; those
        are returned, each with the server's reason."""
        db = _Statements(conn)
        server_ids: dict[str, int] = {}  # text hash -> the server's id of the article
        refused: list[tuple[Queued, str]] = []

        def on_server(article: ArticleRow) -> int:
            if article.text_hash not in server_ids:
                a = article
                server_ids[a.text_hash] = put_article(db, a.text_hash, a.path, a.title, a.last_seen).id
            return server_ids[article.text_hash]

        with conn.transaction():
            mine = {id_: on_server(a) for id_, a in self._provisional.items() if id_ not in self._server_ids}
            for q in queue:
                r = q.row if q.article is None else replace(q.row, article_id=on_server(q.article))
                try:
                    with conn.transaction():  # a savepoint: an entry refused is left out alone
                        _send_entry(db, r, undo=q.undo)
                except _LOST:
                    raise
                except psycopg.Error as err:
                    refused.append((q, _first_line(err)))
        left_out = {q.seq for q, _ in refused}
        self._spool.sent([q for q in queue if q.seq not in left_out])
        if refused:
            self._spool.set_aside(refused, now())
        self._server_ids.update(mine)
        for id_, server_id in mine.items():
            article = self._provisional[id_]
            self._articles[article.text_hash] = replace(article, id=server_id)
        return refused

    def _lost(self, err: Exception) -> None:
        if self._conn is not None:
            conn, self._conn = self._conn, None
            conn.close()
        self._lost_why = _first_line(err)
        if self._lost_since is None:
            self._lost_since = now()
        self._next_try = time.monotonic() + RETRY_SECONDS

    @contextmanager
    def _using(self) -> Iterator[_Statements]:
        with self._lock:
            if self._closed:
                raise StoreError("the review store is closed")
            try:
                conn = self._online()
            except _Offline:
                if self._lost_since is None:
                    self._lost_since = now()
                raise
            with self._counted_use():
                try:
                    yield _Statements(conn)
                except _LOST as err:
                    self._lost(err)
                    raise _Offline() from None
                except psycopg.Error as err:
                    raise StoreError(f"the review store {self.where}: {_first_line(err)}") from None

    _reading = _using  # autocommit: each read is its own short transaction

    @contextmanager
    def _writing_transaction(self) -> Iterator[_Statements]:
        if self.read_only:
            raise StoreError(f"the review store {self.where} was opened to read only")
        with self._using() as db, db.conn.transaction():
            yield db


def _send_entry(db: _Statements, r: DecisionRow, *, undo: bool) -> None:
    """One queued decision (stored once, by its uid) or undo (withdrawing it if it stands)."""
    if undo:
        db.execute(
            "UPDATE decisions SET undone = ?, undone_by = ? WHERE uid = ? AND undone IS NULL",
            (r.undone, r.undone_by, r.uid),
        )
    else:
        values = (r.article_id, r.kind, r.target, r.value, r.created, r.reviewer, r.session)
        db.execute(f"{INSERT_DECISION} ON CONFLICT (uid) DO NOTHING", (*values, int(r.curator), r.uid))


def _set_aside_notice(refused: list[tuple[Queued, str]], spool: Spool) -> str:
    """What to say, once, of queued entries the server refused."""
    where = f"in {spool.path} (its table set_aside)" if spool.path is not None else "in memory until you quit"
    return (
        f"{len(refused)} decisions or undos kept while the review store was unreachable were refused "
        f"by it ({refused[0][1]}) and are set aside {where}, not sent"
    )


def _migrate(conn: psycopg.Connection[Any], where: str, *, read_only: bool) -> None:
    """Bring the tables to the latest schema (one transaction, under an advisory lock)."""
    latest = schema.latest_version()
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (_LOCK_KEY,))
        found = conn.execute(
            "SELECT to_regclass('newsreader_schema'), to_regclass('articles'), to_regclass('decisions')"
        ).fetchone()
        assert found is not None
        if found[0] is None:
            if found[1] is not None or found[2] is not None:
                raise StoreError(f"the database {where} holds another program's tables, not a review store")
            if read_only:
                raise StoreError(f"the database {where} holds no review store yet")
            conn.execute("CREATE TABLE newsreader_schema (version INTEGER NOT NULL)")
            conn.execute("INSERT INTO newsreader_schema VALUES (0)")
        row = conn.execute("SELECT version FROM newsreader_schema").fetchone()
        version = int(row[0]) if row else 0
        if version > latest:
            raise StoreError(
                f"the review store {where} was written by a newer newsreader "
                f"(schema {version}; this one reads up to {latest}); it was left as it is"
            )
        if version < latest and read_only:
            raise StoreError(f"the review store {where} is at schema {version}; open it in the reader once")
        for step in range(version, latest):
            for statement in statements(_in_postgresql(schema.MIGRATIONS[step])):
                conn.execute(statement)
        conn.execute("UPDATE newsreader_schema SET version = %s", (latest,))
        if not read_only:
            install_trigger(conn)


def _in_postgresql(script: str) -> str:
    """A migration as PostgreSQL says it: SQLite's self-numbering key is an identity column."""
    identity_key = "INTEGER GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"
    return script.replace("INTEGER PRIMARY KEY AUTOINCREMENT", identity_key).replace(
        "INTEGER PRIMARY KEY", identity_key
    )


def _first_line(err: Exception) -> str:
    text = str(err).strip()
    return text.splitlines()[0] if text else type(err).__name__

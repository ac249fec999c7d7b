"""Others' decisions on a PostgreSQL store, told as they commit (LISTEN/NOTIFY), not polled.

A trigger on `decisions` (`install_trigger`, made with the tables) notifies the channel
with the deciding reader's session on every insert and update (a decision, an undo), from
any writer, this program or another. A `Watcher` holds a connection of its own that
LISTENs in a thread and counts what other sessions wrote; it calls back at once, so the
reader redraws within a moment of the commit. Lost, or refused with any error of the
server's, it tries again every second; while it is down `count` is None and the store
falls back to polling, and when it is back the callback runs once more (what was missed
is read then). Should the thread end for any other reason, `count` is None from then on:
the store polls.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from typing import Any

import psycopg

CHANNEL = "newsreader_decisions"
RETRY_SECONDS = 1.0
_WAIT_SECONDS = 0.5  # how often the thread looks whether it is to stop

_FUNCTION = f"""
CREATE OR REPLACE FUNCTION newsreader_decided() RETURNS trigger AS $$
BEGIN
    PERFORM pg_notify('{CHANNEL}', NEW.session);
    RETURN NULL;
END $$ LANGUAGE plpgsql
"""
_TRIGGER = """
CREATE TRIGGER newsreader_decided AFTER INSERT OR UPDATE ON decisions
    FOR EACH ROW EXECUTE FUNCTION newsreader_decided()
"""


def has_trigger(conn: psycopg.Connection[Any]) -> bool:
    """Whether the decisions table has the trigger that notifies (so listening tells)."""
    found = conn.execute(
        "SELECT 1 FROM pg_trigger WHERE tgname = 'newsreader_decided' AND tgrelid = 'decisions'::regclass"
    ).fetchone()
    return found is not None


def install_trigger(conn: psycopg.Connection[Any]) -> None:
    """Add the trigger if the table has none (inside the caller's transaction). A role
    that may not create it leaves the store to polling; nothing else fails."""
    if has_trigger(conn):
        return
    try:
        with conn.transaction():  # a savepoint: a refusal undoes this step only
            conn.execute(_FUNCTION)
            conn.execute(_TRIGGER)
    except psycopg.errors.InsufficientPrivilege:
        return


class Watcher:
    """Listens for other sessions' decisions on the server at `address`."""

    def __init__(self, address: str, session: str, changed: Callable[[], None]) -> None:
        self.address = address
        self.session = session
        self.changed = changed
        self._count = 0
        self._up = threading.Event()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="newsreader-listen", daemon=True)

    def start(self) -> None:
        """Start listening, in a thread of its own; returns at once."""
        self._thread.start()

    def listening(self, timeout: float) -> bool:
        """Whether it listens, waiting up to `timeout` seconds for it to start."""
        return self._up.wait(timeout)

    @property
    def count(self) -> int | None:
        """How many notifications of other sessions came; None while not listening."""
        return self._count if self._up.is_set() else None

    def stop(self) -> None:
        """Stop soon (within half a second); does not wait for the thread."""
        self._stop.set()

    def _run(self) -> None:
        try:
            self._listen()
        finally:  # however it ends, the store polls from now on
            self._down()

    def _listen(self) -> None:
        first = True
        while not self._stop.is_set():
            try:
                with psycopg.connect(self.address, autocommit=True, connect_timeout=5) as conn:
                    conn.execute(f"LISTEN {CHANNEL}")
                    self._up.set()
                    if not first:
                        self._tell()  # what was written while this was down is read now
                    first = False
                    while not self._stop.is_set():
                        for note in conn.notifies(timeout=_WAIT_SECONDS):
                            if note.payload != self.session:
                                self._tell()
            except psycopg.Error:  # lost, or refused: polled meanwhile, tried again in a second
                self._down()
                self._stop.wait(RETRY_SECONDS)

    def _down(self) -> None:
        if self._up.is_set():
            self._up.clear()
            self._call()  # the store polls meanwhile, and so finds the server away

    def _tell(self) -> None:
        self._count += 1
        self._call()

    def _call(self) -> None:
        if self._stop.is_set():  # the store is closed: its reader may be gone
            return
        with contextlib.suppress(Exception):  # the reader's trouble (it is closing, say), not ours
            self.changed()

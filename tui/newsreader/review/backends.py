"""Opening the store a location names: an SQLite file (the default) or a PostgreSQL server."""

from __future__ import annotations

from pathlib import Path

from newsreader.review import identity
from newsreader.review.decision_log import DecisionLog, StoreError
from newsreader.review.paths import is_server_address
from newsreader.review.store import Store

NO_DRIVER = (
    "a postgresql:// review store needs the PostgreSQL driver: "
    "pip install 'newsreader[postgres]' (or give --store a file)"
)


def open_store(
    location: Path | str,
    *,
    read_only: bool = False,
    reviewer: str | None = None,
    session: str = identity.SESSION,
) -> DecisionLog:
    """The store at `location` (see `Store.open` and `PgStore.open`); `StoreError` when it
    cannot be used, also when a server is named and the driver is not installed."""
    if isinstance(location, str) and is_server_address(location):
        try:
            from newsreader.review.pgstore import PgStore
        except ImportError:
            raise StoreError(NO_DRIVER) from None
        return PgStore.open(location, read_only=read_only, reviewer=reviewer, session=session)
    return Store.open(location, read_only=read_only, reviewer=reviewer, session=session)

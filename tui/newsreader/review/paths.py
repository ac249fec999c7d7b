"""Where the review store lives: `--store PATH`, else `$NEWSREADER_STORE`, else the config
file's `store = "…"`, else the data folder.

A `postgresql://` (or `postgres://`) address instead of a path names a PostgreSQL server,
wherever a path is taken.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

ENV_VAR = "NEWSREADER_STORE"
FILE_NAME = "review.sqlite3"
SERVER_SCHEMES = ("postgresql://", "postgres://")


def default_store_path() -> Path:
    """The store in the user's data folder (`~/.local/share/newsreader/` on Linux)."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("newsreader", appauthor=False)) / FILE_NAME


def store_path(
    option: str | os.PathLike[str] | None = None,
    env: Mapping[str, str] | None = None,
    configured: str | None = None,
) -> Path:
    """The store's file: the `--store` option wins over the environment, which wins over
    the config file's `store` (`configured`; None: read from the file), then the default."""
    location = store_location(option, env, configured)
    return Path(location) if isinstance(location, str) else location


def is_server_address(location: str | os.PathLike[str]) -> bool:
    """Whether `location` names a PostgreSQL server rather than a file."""
    return isinstance(location, str) and location.strip().lower().startswith(SERVER_SCHEMES)


def store_location(
    option: str | os.PathLike[str] | None = None,
    env: Mapping[str, str] | None = None,
    configured: str | None = None,
) -> Path | str:
    """As `store_path`, except that a server address is given back as it was written."""
    environ = os.environ if env is None else env
    chosen = os.fspath(option) if option else environ.get(ENV_VAR, "").strip()
    if not chosen:
        chosen = configured if configured is not None else _configured_store()
    if is_server_address(chosen):
        return chosen.strip()
    return Path(chosen).expanduser() if chosen else default_store_path()


def state_dir(location: Path | str) -> Path:
    """Where the reader keeps its own files beside a store (the places in a folder, the
    decisions waiting for a server): the file's folder, for a server the data folder."""
    return default_store_path().parent if isinstance(location, str) else location.parent


def _configured_store() -> str:
    """The config file's `store`, "" when it names none (its problems the reader shows)."""
    from newsreader import config

    return config.load().store or ""

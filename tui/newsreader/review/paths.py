"""Where the review store lives: `--store PATH`, else `$NEWSREADER_STORE`, else the data folder.

A `postgresql://` (or `postgres://`) address instead of a path names a PostgreSQL server.
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


def store_path(option: str | os.PathLike[str] | None = None, env: Mapping[str, str] | None = None) -> Path:
    """The store to use: the `--store` option wins over the environment, which wins over the default."""
    environ = os.environ if env is None else env
    chosen = os.fspath(option) if option else environ.get(ENV_VAR, "").strip()
    if chosen:
        return Path(chosen).expanduser()
    return default_store_path()


def is_server_address(location: str | os.PathLike[str]) -> bool:
    """Whether `location` names a PostgreSQL server rather than a file."""
    return isinstance(location, str) and location.strip().lower().startswith(SERVER_SCHEMES)


def store_location(
    option: str | os.PathLike[str] | None = None, env: Mapping[str, str] | None = None
) -> Path | str:
    """As `store_path`, except that a server address is given back as it was written."""
    environ = os.environ if env is None else env
    chosen = os.fspath(option) if option else environ.get(ENV_VAR, "").strip()
    if is_server_address(chosen):
        return chosen.strip()
    return store_path(option, env)

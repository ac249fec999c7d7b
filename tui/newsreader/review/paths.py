"""Where the review store lives: `--store PATH`, else `$NEWSREADER_STORE`, else the data folder."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

ENV_VAR = "NEWSREADER_STORE"
FILE_NAME = "review.sqlite3"


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

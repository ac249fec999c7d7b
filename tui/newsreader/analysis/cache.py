"""Where derived data (reference indexes, unpacked lexicons) is cached between runs."""

from __future__ import annotations

import os
from pathlib import Path


def cache_root() -> Path:
    """`NEWSREADER_CACHE` if set (tests, CI), else the platform's user cache folder."""
    override = os.environ.get("NEWSREADER_CACHE")
    if override:
        return Path(override)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("newsreader"))

"""Who decides: the reviewer's name and this run's session, recorded with every decision.

The name is `--reviewer`, else `reviewer` in the config file, else the login name; the
session is new for each process, so two readers of one person (two terminals) are told
apart too. Undo takes back this session's last decision (see `Store.undo`).
"""

from __future__ import annotations

import getpass
import secrets

from newsreader.cleaning import printable

SESSION = secrets.token_hex(8)  # this process
MAX_NAME = 100
UNKNOWN = "unknown"


def login_name() -> str:
    """The user's login name; "unknown" where there is none (a container with no passwd entry)."""
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):
        return UNKNOWN


def reviewer_name(option: str | None = None, configured: str | None = None) -> str:
    """The reviewer: the first of `option` (`--reviewer`), `configured` (the config file's
    `reviewer`) and the login name that is not blank, on one printable line."""
    for candidate in (option, configured):
        name = " ".join(printable(candidate or "").split())[:MAX_NAME]
        if name:
            return name
    return " ".join(printable(login_name()).split())[:MAX_NAME] or UNKNOWN


def configured_reviewer() -> str:
    """The reviewer when the caller was told none: the config file's, else the login name."""
    from newsreader import config

    return reviewer_name(None, config.load().reviewer)

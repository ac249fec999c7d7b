"""Who decides: the reviewer's name from the option, the config file or the login."""

from __future__ import annotations

import getpass
from pathlib import Path

import pytest

from newsreader import config
from newsreader.review import identity
from newsreader.review.store import Store


def test_the_option_wins_then_the_config_then_the_login(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(getpass, "getuser", lambda: "ann")
    assert identity.reviewer_name("Bo Chen", "Cy") == "Bo Chen"
    assert identity.reviewer_name(None, "Cy") == "Cy"
    assert identity.reviewer_name("  ", "") == "ann"


def test_a_name_is_one_printable_line(monkeypatch: pytest.MonkeyPatch) -> None:
    assert identity.reviewer_name("Ann\x1b]0;x\x07 \u202eLee\n") == "Ann Lee"
    assert len(identity.reviewer_name("x" * 500)) == identity.MAX_NAME


def test_no_login_name_is_unknown_not_a_crash(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_passwd_entry() -> str:
        raise KeyError("getpwuid(): uid not found: 4242")

    monkeypatch.setattr(getpass, "getuser", no_passwd_entry)
    assert identity.reviewer_name() == identity.UNKNOWN


def test_the_config_file_names_the_reviewer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(config.ENV_DIR, str(tmp_path))
    (tmp_path / config.FILE_NAME).write_text('reviewer = "Dana Roe"\n', encoding="utf-8")
    assert config.load().reviewer == "Dana Roe" and not config.load().problems
    s = Store.in_memory()  # given no reviewer: the config file's
    art = s.article("abc", "a.txt", "A").id
    row, _ = s.record(art, "status", "{}", '{"status":"flagged"}')
    assert row.reviewer == "Dana Roe"


def test_a_reviewer_that_is_not_a_name_is_a_problem() -> None:
    parsed = config.parse({"reviewer": 3})
    assert parsed.reviewer is None and any("reviewer" in p for p in parsed.problems)


def test_sessions_differ_between_processes_but_not_within_one() -> None:
    import subprocess
    import sys

    code = "from newsreader.review import identity; print(identity.SESSION)"
    runs = {
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout for _ in range(2)
    }
    assert len(runs) == 2 and Store.in_memory().session == identity.SESSION

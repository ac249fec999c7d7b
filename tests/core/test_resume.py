"""The reader's state file: rows per list, places per article, the theme; bounded, and
harmless when it is missing, damaged or cannot be written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsreader import resume
from newsreader.resume import ReaderState, state_path


def test_rows_are_remembered_per_list_and_stay_bounded(tmp_path: Path) -> None:
    state = ReaderState(tmp_path / "data" / resume.STATE_FILE)
    assert state.row("/wire") is None
    state.put_row("/wire", "/wire/b.txt")
    state.put_row("/other", "/other/a.txt")
    state.put_row("/wire", "/wire/c.txt")
    assert state.row("/wire") == "/wire/c.txt"
    for n in range(resume.MAX_LISTS + 5):
        state.put_row(f"/f{n}", "x")
    assert state.row("/wire") is None and state.row(f"/f{resume.MAX_LISTS + 4}") == "x"


def test_places_are_per_article_bounded_and_kept_beside_rows_and_theme(tmp_path: Path) -> None:
    state = ReaderState(tmp_path / resume.STATE_FILE)
    state.put_row("/wire", "/wire/a.txt")
    state.put_theme("light", None)
    state.put_place("hash-a", 1234)
    state.put_place("hash-b", -5)  # never negative
    assert (state.place("hash-a"), state.place("hash-b"), state.place("unknown")) == (1234, 0, 0)
    for n in range(resume.MAX_ARTICLES + 1):
        state.put_place(f"h{n}", n)
    assert state.place("hash-a") == 0 and state.place(f"h{resume.MAX_ARTICLES}") == resume.MAX_ARTICLES
    assert state.row("/wire") == "/wire/a.txt" and state.theme(None) == "light"


def test_the_theme_stands_until_the_config_files_theme_changes(tmp_path: Path) -> None:
    state = ReaderState(tmp_path / resume.STATE_FILE)
    assert state.theme(None) is None
    state.put_theme("light", "dark")
    assert state.theme("dark") == "light"
    assert state.theme("mono") is None and state.theme(None) is None


def test_a_damaged_file_means_starting_afresh_and_is_then_replaced(tmp_path: Path) -> None:
    path = tmp_path / resume.STATE_FILE
    path.write_text("[1, 2", encoding="utf-8")
    state = ReaderState(path)
    assert state.row("/wire") is None and state.place("h") == 0 and state.theme(None) is None
    path.write_text('{"lists": [1], "articles": {"h": "x"}, "theme": 3}', encoding="utf-8")
    assert state.row("/wire") is None and state.place("h") == 0 and state.theme(None) is None
    state.put_row("/wire", "/wire/a.txt")
    assert json.loads(path.read_text(encoding="utf-8"))["lists"] == {"/wire": "/wire/a.txt"}
    assert [p.name for p in tmp_path.iterdir()] == [resume.STATE_FILE]  # no partial file left


def test_a_place_that_cannot_be_written_is_no_error(tmp_path: Path) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("a file where the folder would go", encoding="utf-8")
    state = ReaderState(blocker / resume.STATE_FILE)
    state.put_row("/wire", "/wire/a.txt")  # cannot be written (even by root): no error
    assert state.row("/wire") is None
    assert blocker.read_text(encoding="utf-8") == "a file where the folder would go"  # left as it was


def test_the_rows_the_first_version_kept_are_read_until_the_new_file_is_written(tmp_path: Path) -> None:
    (tmp_path / resume.OLD_PLACES_FILE).write_text('{"/wire": "/wire/b.txt", "/x": 3}', encoding="utf-8")
    state = ReaderState(tmp_path / resume.STATE_FILE)
    assert state.row("/wire") == "/wire/b.txt" and state.row("/x") is None
    state.put_row("/other", "/other/a.txt")
    assert state.row("/wire") == "/wire/b.txt"  # carried into the new file


def test_the_state_file_is_beside_a_file_store_and_in_the_state_folder_for_a_server(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSREADER_STORE", str(tmp_path / "store" / "review.sqlite3"))
    assert state_path() == tmp_path / "store" / resume.STATE_FILE
    assert state_path(tmp_path / "other.sqlite3") == tmp_path / resume.STATE_FILE
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    server = state_path("postgresql://ana@db.example/news")
    assert server == tmp_path / "state" / "newsreader" / resume.STATE_FILE


def test_a_users_file_given_as_the_store_gets_no_state_file_beside_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    article = tmp_path / "notes" / "story.txt"
    article.parent.mkdir()
    article.write_text("an article, not a review store")
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    assert state_path(article) == tmp_path / "state" / "newsreader" / resume.STATE_FILE
    assert state_path(tmp_path / "notes" / "new.sqlite3") == tmp_path / "notes" / resume.STATE_FILE

"""Fixtures for the core tests: small articles written here, and an isolated cache."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path, monkeypatch):
    """Keep the user's cache, store and config out of every test."""
    monkeypatch.setenv("NEWSREADER_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("NEWSREADER_STORE", str(tmp_path / "store.db"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))


@pytest.fixture
def write(tmp_path):
    """write(name, data) -> path of a file made for the test (bytes or text)."""

    def _write(name: str, data: bytes | str):
        path = tmp_path / name
        if isinstance(data, str):
            data = data.encode("utf-8")
        path.write_bytes(data)
        return path

    return _write

"""The bundled lexicons: what a country is, and how their unpacked tables are kept."""

from __future__ import annotations

import os

import pytest

from newsreader.analysis import lexicon


@pytest.mark.parametrize("name", ["Latvia", "LATVIA", "ukraine", "England", "Burma"])
def test_countries_and_lands_news_names_as_countries(name: str) -> None:
    assert lexicon.is_country(name)


@pytest.mark.parametrize("name", ["Paris", "Texas", "Europe", "Kent", "Smith"])
def test_cities_states_continents_and_words_are_no_countries(name: str) -> None:
    assert not lexicon.is_country(name)


def test_a_place_and_the_name_agree() -> None:
    place = lexicon.place("France")
    assert place is not None and place.is_country and lexicon.is_country("France")


@pytest.mark.parametrize(
    ("name", "large"), [("Europe", True), ("France", True), ("Texas", False), ("Paris", False)]
)
def test_large_places_are_countries_continents_and_regions(name: str, large: bool) -> None:
    place = lexicon.place(name)
    assert place is not None and place.is_large is large


def test_reading_the_data_files_keeps_their_unpacked_tables(tmp_path, monkeypatch) -> None:
    """A data file's access time moves as it is read: the unpacked tables' key ignores it, so
    they are not unpacked anew (2.5 MB each time) on a later day."""
    monkeypatch.setenv("NEWSREADER_CACHE", str(tmp_path))
    before = lexicon._cached_tables_path()
    for name in lexicon._FILES:
        path = lexicon.DATA / name
        st = path.stat()
        os.utime(path, ns=(st.st_atime_ns + 86_400 * 10**9, st.st_mtime_ns))
    assert lexicon._cached_tables_path() == before


def test_tables_of_data_files_since_changed_are_removed(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("NEWSREADER_CACHE", str(tmp_path))
    stale = tmp_path / "lexicons-00000000000000000000.marshal"
    stale.write_bytes(b"unpacked from older data files")
    other = tmp_path / "refindex"
    other.mkdir()
    lexicon._tables.cache_clear()
    try:
        lexicon._tables()
    finally:
        lexicon._tables.cache_clear()
    assert [p.name for p in tmp_path.glob("lexicons-*")] == [lexicon._cached_tables_path().name]
    assert other.exists()

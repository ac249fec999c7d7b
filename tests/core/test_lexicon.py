"""The bundled gazetteer's one test of what a country is."""

from __future__ import annotations

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

"""The shapes of runs kept from one text to the next (`mentions._shapes_for`) are those of
the reference list in use: another list, or one changed in place, is not answered with
shapes worked out without its names."""

from __future__ import annotations

from newsreader.analysis.mentions import find_mentions

TEXT = "Talks went on. Quenby Marlowe Vantis spoke to reporters in the afternoon."
NAME = "Quenby Marlowe Vantis"


def type_of(known: dict[str, str] | None) -> str | None:
    found = {TEXT[m.start : m.end]: m.type for m in find_mentions(TEXT, known=known)}
    return found.get(NAME)


def test_another_list_is_read_anew() -> None:
    assert type_of(None) != "organization"
    assert type_of({NAME: "organization"}) == "organization"
    assert type_of({NAME: "place"}) == "place"
    assert type_of(None) != "organization"


def test_a_list_changed_in_place_is_read_anew() -> None:
    known: dict[str, str] = {}
    before = type_of(known)
    known[NAME] = "organization"
    assert type_of(known) == "organization"
    assert before != "organization"

"""Cutting a display line into styled runs."""

from __future__ import annotations

from newsreader.analysis.model import Entity
from newsreader.ui.highlights import PLAIN, Highlights, RunStyle
from newsreader.ui.navigation import MentionIndex

TEXT = "Xi met Putin in Moscow. Leave a reply"
XI = Entity("e1", "Xi", "person", ((0, 2),))
PUTIN = Entity("e2", "Putin", "person", ((7, 12),))
MOSCOW = Entity("e3", "Moscow", "place", ((16, 22),))
BOILERPLATE = ((24, 37),)


def highlights() -> Highlights:
    return Highlights(MentionIndex((XI, PUTIN, MOSCOW)), BOILERPLATE)


def words(runs: list[tuple[int, int, RunStyle]]) -> list[tuple[str, RunStyle]]:
    return [(TEXT[a:b], style) for a, b, style in runs]


def test_mentions_are_typed_and_the_rest_is_plain() -> None:
    assert words(highlights().runs(0, 23)) == [
        ("Xi", RunStyle(type="person")),
        (" met ", PLAIN),
        ("Putin", RunStyle(type="person")),
        (" in ", PLAIN),
        ("Moscow", RunStyle(type="place")),
        (".", PLAIN),
    ]


def test_marks_cursor_and_boilerplate_layer_on_top() -> None:
    h = highlights()
    h.marked_entity = "e2"
    h.cursor = (16, 22)
    h.marked_spans = [(26, 31)]
    assert words(h.runs(7, 37)) == [
        ("Putin", RunStyle(type="person", marked=True)),
        (" in ", PLAIN),
        ("Moscow", RunStyle(type="place", current=True)),
        (". ", PLAIN),
        ("Le", RunStyle(boilerplate=True)),
        ("ave a", RunStyle(marked=True, boilerplate=True)),
        (" reply", RunStyle(boilerplate=True)),
    ]


def test_a_line_starting_inside_a_mention_gets_its_tail() -> None:
    assert words(highlights().runs(9, 14)) == [("tin", RunStyle(type="person")), (" i", PLAIN)]


def test_entities_between_names_the_entities_on_a_line() -> None:
    h = highlights()
    assert h.entities_between(0, 12) == {"e1", "e2"}
    assert h.entities_between(12, 16) == frozenset()
    assert h.runs(5, 5) == []


def test_has_marked_span_says_whether_a_line_touches_a_hit() -> None:
    h = highlights()
    h.marked_spans = [(i, i + 1) for i in range(0, 30, 3)]  # hits at 0, 3, 6, ... 27
    assert h.has_marked_span(3, 4)
    assert not h.has_marked_span(4, 6)
    assert h.has_marked_span(5, 7)
    assert not h.has_marked_span(31, 37)
    assert not h.has_marked_span(27, 27)  # an empty line has nothing to mark

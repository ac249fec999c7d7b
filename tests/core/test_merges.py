"""Merge suggestions: each pair of names compared once, in order of first mention, however
many blocks (parts of one sound) the two share."""

from __future__ import annotations

import pytest

from newsreader.analysis import matcher, merges
from newsreader.analysis.model import Entity


def person(entity_id: str, name: str) -> Entity:
    return Entity(entity_id, name, "person", ((0, len(name)),))


@pytest.fixture
def compared(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """The pairs of names `suggest_merges` hands the matcher, in order."""
    calls: list[tuple[str, str]] = []

    def counting(a: str, b: str, kind: str = "", floor: float = 0.0) -> matcher.Comparison:
        calls.append((a, b))
        return matcher.compare(a, b, kind=kind, floor=floor)

    monkeypatch.setattr(merges, "compare", counting)
    return calls


def test_a_pair_sharing_every_part_is_compared_once(compared: list[tuple[str, str]]) -> None:
    ents = [person("e1", "Mykola Shevchuk"), person("e2", "Mykola Shevchuck")]
    assert [(m.a, m.b) for m in merges.suggest_merges(ents)] == [("e1", "e2")]
    assert compared == [("Mykola Shevchuk", "Mykola Shevchuck")]


def test_names_are_compared_in_order_of_first_mention_and_ids_in_order(
    compared: list[tuple[str, str]],
) -> None:
    # e10 is mentioned before e9: the matcher reads its name first (and says so in `why`);
    # the suggestion names the ids in text order ("e10" < "e9"), as the contract always had
    ents = [person("e10", "Xu Chang"), person("e9", "Xu Zhang")]
    [found] = merges.suggest_merges(ents)
    assert compared == [("Xu Chang", "Xu Zhang")]
    assert (found.a, found.b) == ("e10", "e9")
    assert "chang/zhang" in found.why


def test_a_name_with_two_parts_of_one_sound_is_not_paired_with_itself(
    compared: list[tuple[str, str]],
) -> None:
    ents = [person("e1", "Sasa Sasa"), person("e2", "Sasa Sassa")]
    merges.suggest_merges(ents)
    assert compared == [("Sasa Sasa", "Sasa Sassa")]

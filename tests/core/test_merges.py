"""Merge suggestions: each pair of names compared once, in order of first mention, however
many blocks (parts of one sound) the two share."""

from __future__ import annotations

import itertools

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


def entity(entity_id: str, name: str, kind: str) -> Entity:
    return Entity(entity_id, name, kind, ((0, len(name)),))


# Names the matcher finds alike by each of its paths (a nickname, a plural, Wade-Giles, an
# initial, an acronym, parts run together, an article written in, accents, a name cut at a
# record's width, sounds, typos), and names sharing only one part's sound (Maria Smith /
# Mario Jones), in one text: many pairs share a block
VARIANTS = [
    ("Bill Clinton", "person"),
    ("William Clinton", "person"),
    ("Sunrise Technology", "organization"),
    ("Sunrise Technologies", "organization"),
    ("Mao Tse-tung", "person"),
    ("Mao Zedong", "person"),
    ("Chou En-lai", "person"),
    ("Zhou Enlai", "person"),
    ("Maria Smith", "person"),
    ("Mario Jones", "person"),
    ("Marie Smyth", "person"),
    ("Volodymyr Zelensky", "person"),
    ("Wolodymyr Selenskyj", "person"),
    ("V. Putin", "person"),
    ("Vladimir Putin", "person"),
    ("Vladimir Pulin", "person"),
    ("UN Security Council", "organization"),
    ("United Nations Council", "organization"),
    ("Security Council", "organization"),
    ("Jean Marie Le Pen", "person"),
    ("Jeanmarie Le Pen", "person"),
    ("Ali Albayati", "person"),
    ("Ali al-Bayati", "person"),
    ("Ana Dmitrović", "person"),
    ("Ana Dmitrovic", "person"),
    ("Noureddine Ben Ali Ben Belkassem Dr", "person"),
    ("Noureddine Ben Ali Ben Belkassem Drissi", "person"),
    ("Khordorovsky Holdings", "organization"),
    ("Khodorkovsky Holdings", "organization"),
    ("Deutsche Bank", "organization"),
    ("Deutsche Bahn", "organization"),
    ("Владимир Путин", "person"),
    ("Kamagaya", "place"),
    ("Kumagaya", "place"),
    ("Lu Shaye", "person"),
    ("Liu Shaye", "person"),
    ("Songul Slaton", "person"),
    ("Sengul Waltmon", "person"),
]


def test_the_pre_test_leaves_the_suggestions_as_comparing_every_pair(monkeypatch: pytest.MonkeyPatch) -> None:
    ents = [entity(f"e{n}", name, kind) for n, (name, kind) in enumerate(VARIANTS)]
    found = merges.suggest_merges(ents)
    monkeypatch.setattr(merges, "_hopeless", lambda fa, fb: False)  # every pair of a block
    assert found == merges.suggest_merges(ents)
    assert len(found) >= 10  # the variants are found, not lost with the hopeless pairs


def test_a_pair_the_pre_test_leaves_out_scores_below_maybe() -> None:
    left_out = 0
    for (a, kind), (b, kind_b) in itertools.combinations(VARIANTS, 2):
        if kind != kind_b:
            continue
        ra, rb = (merges._read(entity("e", n, kind)) for n in (a, b))
        if merges._hopeless(ra.form, rb.form) and merges._reread_hopeless(ra, rb):
            left_out += 1
            assert matcher.compare(a, b, kind=kind).score < matcher.DEFAULT_THRESHOLDS.maybe, (a, b)
    assert left_out >= 20


def test_names_sharing_one_sound_and_nothing_else_go_uncompared(compared: list[tuple[str, str]]) -> None:
    # Maria / Mario share a block; Smith is like neither Jones nor any part of the other
    ents = [person("e1", "Maria Smith"), person("e2", "Mario Jones"), person("e3", "Marie Smyth")]
    found = merges.suggest_merges(ents)
    assert ("Maria Smith", "Mario Jones") not in compared
    assert ("Maria Smith", "Marie Smyth") in compared
    assert [(m.a, m.b) for m in found] == [("e1", "e3")]


def test_without_the_weakest_part_cap_below_maybe_every_pair_is_compared(
    compared: list[tuple[str, str]],
) -> None:
    # a 'maybe' threshold the cap of a poor part reaches: the pre-test would be wrong, so off
    ents = [person("e1", "Maria Smith"), person("e2", "Mario Jones")]
    merges.suggest_merges(ents, matcher.Thresholds(same=70.0, maybe=40.0))
    assert compared == [("Maria Smith", "Mario Jones")]

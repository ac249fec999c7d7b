"""Each rule of the matcher (namerules.RULES), pinned on its own.

A rule is shown to act by its reason in `why` and by its weight: the same pair compared
with that one weight changed scores differently, so the number in `Weights` is the one
the rule uses.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from newsreader.analysis import namerules
from newsreader.analysis.matcher import MAYBE, SAME, Thresholds, compare
from newsreader.analysis.namerules import WEIGHTS


def weighed(a: str, b: str, kind: str = "", **changed: object) -> tuple[float, float, str]:
    """The pair's score with the default weights, with `changed` weights, and the reasons."""
    plain = compare(a, b, kind=kind)
    other = compare(a, b, kind=kind, weights=replace(WEIGHTS, **changed))  # type: ignore[arg-type]
    return plain.score, other.score, plain.why


def test_every_rule_is_in_the_ordered_list_once() -> None:
    rules = namerules.RULES
    assert len(set(rules)) == len(rules)
    # the leftover parts' penalty comes before the caps that bound its result
    assert rules.index(namerules.extra_parts) < rules.index(namerules.country_apart)


def test_weights_are_frozen() -> None:
    with pytest.raises(AttributeError):
        WEIGHTS.acronym = 1.0  # type: ignore[misc]


def test_weakest_part_caps_a_name_with_one_other_part() -> None:
    plain, other, why = weighed("Roman Fico", "Robert Fico", poor_part_cap=0.0)
    assert plain < 55 and "different names" in why
    assert other < plain


def test_extra_parts_cost_a_person_little_and_a_body_more() -> None:
    plain, other, why = weighed("Vladimir Vladimirovich Putin", "Vladimir Putin", person_extra=(0.0, 10.0))
    assert plain >= 90 and "1 more name part" in why
    assert other == plain - 7.0
    body, _, _ = weighed("Acme Trading", "Acme Trading Logistics", kind="organization")
    assert body < plain


def test_a_country_sets_a_body_apart() -> None:
    plain, other, why = weighed(
        "Royal Dutch Shell Nigeria", "Royal Dutch Shell", kind="organization", country_apart=30.0
    )
    assert "a country sets it apart" in why
    assert (plain, other) == (60.0, 30.0)


def test_a_body_word_sets_a_body_apart() -> None:
    plain, other, why = weighed(
        "European Union", "Council of the European Union", kind="organization", body_apart=20.0
    )
    assert "a body within it" in why
    assert other < plain <= 50


def test_one_part_names_a_person_only_as_a_titled_surname() -> None:
    titled, lower, why = weighed("Presiden Putin", "Vladimir Putin", one_part_named=65.0)
    assert titled >= 70 and "one name part only" in why
    assert lower == 65.0
    # a king or a prince is called by his given name: no surname is named
    assert compare("King Frederik", "Frederic Magne").verdict != SAME
    given, lower_given, why = weighed("Charles", "Charles Kennedy", one_part_given=40.0)
    assert "a given name only" in why
    assert (given, lower_given) == (50.0, 40.0)


def test_different_suffixes_are_father_and_son() -> None:
    plain, other, why = weighed("John Smith Jr", "John Smyth Sr", suffix_apart=40.0)
    assert "different suffix (jr / sr)" in why
    assert (plain, other) == (60.0, 40.0)


def test_a_suffix_on_one_side_only_is_a_father_or_a_son() -> None:
    # made-up names: the names alone do not say which, so no more than "maybe"
    plain, other, why = weighed("Harold Quintrell", "Harold Quintrell Jr.", suffix_one_side=50.0)
    assert "'jr' on one side only" in why
    assert (plain, other) == (65.0, 50.0)
    assert compare("Harold Quintrell", "Harold Quintrell Jr.").verdict == MAYBE
    c = compare("Harold Quintrel III", "Harold Quintrell")  # and a typo
    assert c.verdict == MAYBE and "'iii' on one side only" in c.why
    assert compare("Harold Quintrell Junior", "Harold Quintrell Jr.").verdict == SAME  # one suffix, spelt out


def test_reordered_parts_are_the_same_person_but_not_around_bin() -> None:
    c = compare("Orban Viktor", "Viktor Orbán")
    assert c.verdict == SAME and "name parts in another order" in c.why
    plain, other, why = weighed("Mohammed bin Salman", "Salman bin Mohammed", patronymic_order=30.0)
    assert "around bin/ibn" in why
    assert (plain, other) == (55.0, 30.0)
    plain, other, why = weighed("R Williams", "William Ruto", initial_out_of_order=30.0)
    assert "an initial out of its name's order" in why
    assert other == 30.0 < plain


def test_initials_alone_are_not_a_name_in_common() -> None:
    plain, other, why = weighed("C Dominici", "Carlo D", initials_only=30.0)
    assert "only initials in common" in why
    assert (plain, other) == (55.0, 30.0)


def test_a_surname_left_for_an_initial_is_another_person() -> None:
    plain, other, why = weighed("George W Bush", "George Weah", surname_left=20.0)
    assert "bush, the last name part, has no counterpart" in why
    assert other == 20.0 < plain


def test_transliteration_is_noted_and_changes_nothing() -> None:
    c = compare("Владимир Путин", "Wladimir Putin")
    assert c.verdict == SAME and "transliterated" in c.why


def test_decisive_rules_use_their_weights() -> None:
    assert weighed("VladimirPutin", "Vladimir Putin", written_together=80.0)[:2] == (95.0, 80.0)
    assert weighed("IBM", "International Business Machines", "organization", acronym=75.0)[:2] == (85.0, 75.0)
    assert (
        weighed("Bill Clinton", "William Clinton", nickname=70.0)[1]
        < compare("Bill Clinton", "William Clinton").score
    )


# --- contrary evidence: at most "maybe", and the reason says what was held against it ---


def assert_held_against(a: str, b: str, words: str, kind: str = "", kind_b: str = "") -> None:
    c = compare(a, b, kind=kind, kind_b=kind_b)
    assert c.verdict != SAME, c
    assert c.score <= WEIGHTS.held_against
    assert any(words in reason for reason in c.held_against), c
    assert f"held against: {c.held_against[0]}" in c.why
    # the verdict stays "maybe" at most even when the bar is lowered
    assert compare(a, b, Thresholds(same=1, maybe=0), kind=kind, kind_b=kind_b).verdict == MAYBE


def test_two_given_names_that_look_alike_are_held_against() -> None:
    assert_held_against("Joan Stoner", "Jonas Støre", "joan and jonas are two given names")
    # one name in two languages' forms is not two names
    assert not compare("Vladimirs Putins", "Vladimir Putin").held_against


def test_a_part_that_is_another_real_name_is_held_against() -> None:
    assert_held_against("Thomas Cates", "Thomas Gates", "cates and gates are both names of their own")
    assert compare("Jorge Hartmann", "Jorge Hartman").verdict == SAME  # a typo of a name, not two names


def test_parts_both_reordered_and_misspelt_are_held_against() -> None:
    assert_held_against("Lenny Davids", "David Lenny", "parts both reordered and misspelt")
    assert compare("Orban Viktor", "Viktor Orbán").verdict == SAME  # reordered only


def test_parts_reordered_that_only_sound_alike_are_held_against() -> None:
    # two people whose parts each merely sound like the other's, in the other order
    assert_held_against("Bruce Snyder", "Sándor Burke", "parts both reordered and misspelt")
    assert_held_against("Will Young", "Young Wall", "parts both reordered and misspelt")
    assert compare("Путин В. В.", "Vladimir Putin").verdict == SAME  # initials are no misspelling
    assert compare("Sandor Burke", "Sándor Burke").verdict == SAME  # in order, one spelt two ways


def test_no_part_written_alike_is_held_against() -> None:
    assert_held_against("Mervyn Davies", "M. Danies", "no part written alike")
    assert_held_against("Charles G", "Carl Gustaf", "no part written alike")  # a nickname and an initial
    assert_held_against("Tom Hanks", "Tim Hanke", "no part written alike")  # a letter changed in each
    assert compare("M. Davies", "Mervyn Davies").verdict == SAME
    assert compare("Vladimirs Putins", "Vladimir Putin").verdict == SAME  # Latvian forms, not typos


def test_a_common_surname_alone_is_held_against() -> None:
    assert_held_against("Prince Harris", "Ray Harris", "harris alone is a common surname")
    assert compare("Minister Lavrov", "Sergey Viktorovich Lavrov").verdict == SAME


def test_a_type_disagreement_is_held_against() -> None:
    assert_held_against(
        "Acme Holdings", "Acme Holdings", "a organization and a person", "organization", "person"
    )
    assert_held_against("John Lewis", "John Lewis Ltd", "a company's legal form in a person's name", "person")
    assert_held_against("Paris", "Paris Herald", "paris is a place", "organization")


def test_a_conjunction_or_an_adjective_inside_a_mention_is_held_against() -> None:
    assert_held_against(
        "Health and Education Department", "Education Department", "'and' joins two names", "organization"
    )
    assert_held_against(
        "Russian-Swiss Chamber", "Swiss Chamber", "is a description, not a name", "organization"
    )
    assert compare("Procter & Gamble", "Procter and Gamble", kind="organization").verdict == SAME


def test_a_word_inside_a_bodys_name_is_held_against() -> None:
    assert_held_against(
        "Northern Atomic Power Board", "Northern Power Board", "'atomic' inside the name", "organization"
    )
    # a word before or after the shared ones may name the same body in full; a descriptor
    # inside says how a business is held
    assert not compare(
        "Northern Power Board", "Greater Northern Power Board", kind="organization"
    ).held_against
    assert not compare("Kestrel Group Trading", "Kestrel Trading", kind="organization").held_against


def test_a_country_or_its_adjective_sets_a_body_apart() -> None:
    c = compare("Foreign Ministry", "Indian Foreign Ministry", kind="organization")
    assert c.verdict != SAME and "a country sets it apart" in c.why


def test_the_gates_only_skip_rules_that_would_say_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    pairs = [
        ("Taiwan", "ROC", "organization"),
        ("Paris", "Paris Herald", "organization"),
        ("Prince Harris", "Ray Harris", ""),
        ("Lenny Davids", "David Lenny", ""),
        ("Royal Dutch Shell Nigeria", "Royal Dutch Shell", "organization"),
        ("George W Bush", "George Weah", ""),
        ("Mervyn Davies", "M. Danies", ""),
        ("Joan Stoner", "Jonas Støre", ""),
        ("Presiden Putin", "Vladimir Putin", ""),
        ("Kadyrov Ramzan Akhmatovich", "Ramzan Akhmadovich Kadyrov", ""),
    ]
    gated = [compare(a, b, kind=kind) for a, b, kind in pairs]
    monkeypatch.setattr(namerules, "GATED_RULES", tuple((rule, "") for rule, _ in namerules.GATED_RULES))
    assert [compare(a, b, kind=kind) for a, b, kind in pairs] == gated


def test_one_word_against_several_of_the_same_sound_is_one_name_run_together() -> None:
    plain, other, why = weighed("Nuruddin", "Noor ud Din", run_together=60.0)
    assert plain >= 70 and "written together or apart" in why
    assert other == 60.0
    assert compare("Almaz-Antey", "Almaz Antei", kind="organization").verdict == SAME
    # several words whose letters only look alike stay apart
    assert compare("Deutschebahn", "Deutsche Bank", kind="organization").verdict != SAME


@pytest.mark.parametrize(
    ("longer", "shorter", "same"),
    [
        ("Rosneft Oil Company", "Rosneft", True),  # what it does, then how it is held
        ("Lukoil Oil Company", "Lukoil", True),
        ("Sovmar Shipping Group", "Sovmar", True),
        ("Gazprom Neft", "Gazprom", False),  # what it does alone: a company of its own
        ("Siemens Energy AG", "Siemens AG", False),
    ],
)
def test_a_business_described_after_its_own_word_is_that_business(
    longer: str, shorter: str, same: bool
) -> None:
    assert (compare(longer, shorter, kind="organization").verdict == SAME) is same


def test_a_long_name_cut_at_a_records_width_is_the_name() -> None:
    full = "Tarek Ben Salem Ben Mokhtar Bouzidi"
    cut = full[:33]  # "... Bou": the list's field ended there
    plain, other, why = weighed(cut, full, cut_short=40.0)
    assert plain >= 70 and "cut short" in why
    assert other < 55
    # a short name whose surname begins another's is another person
    assert compare("Jo Smith", "Jo Smithson").verdict != SAME

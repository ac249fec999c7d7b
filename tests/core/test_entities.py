"""Grouping mentions into entities, and the invariants every analysis keeps."""

from __future__ import annotations

import itertools

from hypothesis import example, given, settings
from hypothesis import strategies as st

from newsreader.analysis import analyze_text, entities
from newsreader.analysis.mentions import Mention
from newsreader.analysis.model import PERSON


def groups(text: str) -> dict[str, set[str]]:
    """canonical name -> the surfaces grouped under it."""
    result = analyze_text(text)
    return {e.name: {text[s:t] for s, t in e.mentions} for e in result.entities}


def test_short_forms_join_the_full_name():
    text = "Andrea Russo chairs the panel. Russo said the budget was tight, and Russo’s aides agreed."
    assert groups(text)["Andrea Russo"] == {"Andrea Russo", "Russo"}


def test_family_name_first_short_form():
    text = "President Lee Jae-myung flew to Tokyo. Lee told reporters the trip went well."
    assert "Lee" in groups(text)["Lee Jae-myung"]


def test_a_shared_surname_stays_unlinked_and_is_flagged():
    text = "Hillary Clinton and Bill Clinton arrived together. Clinton spoke first."
    result = analyze_text(text)
    names = {e.name: e for e in result.entities}
    assert {text[s:t] for s, t in names["Hillary Clinton"].mentions} == {"Hillary Clinton"}
    assert {text[s:t] for s, t in names["Bill Clinton"].mentions} == {"Bill Clinton"}
    lone = next(e for e in result.entities if e.name == "Clinton")
    assert "ambiguous-short-form" in lone.flags
    assert result.ambiguities and result.ambiguities[0].text == "Clinton"


def test_spelling_variants_of_one_person_are_grouped():
    text = "Dmitriy Petrov spoke in Kazan. Later Dmitriy Petrow repeated the claim."
    assert groups(text)["Dmitriy Petrov"] >= {"Dmitriy Petrov", "Dmitriy Petrow"}


def test_organisation_short_form_follows_the_country_written_next_to_it():
    text = (
        "The Danish Foreign Ministry issued a note. The Swedish Foreign Ministry did not.\n\n"
        "Later Sweden's Foreign Ministry clarified its view."
    )
    g = groups(text)
    assert g["Danish Foreign Ministry"] == {"Danish Foreign Ministry"}
    assert g["Swedish Foreign Ministry"] == {"Swedish Foreign Ministry", "Foreign Ministry"}


def test_two_ministries_that_look_alike_are_never_merged():
    text = "The Danish Foreign Ministry and the Swedish Foreign Ministry both replied."
    result = analyze_text(text)
    for ent in result.entities:
        surfaces = {text[s:t] for s, t in ent.mentions}
        assert not {"Danish Foreign Ministry", "Swedish Foreign Ministry"} <= surfaces


def test_acronym_joins_its_expansion():
    text = "The World Health Organization issued guidance. WHO experts will visit."
    assert groups(text)["World Health Organization"] == {"World Health Organization", "WHO"}


def test_place_aliases_share_one_entity():
    text = "Exports to the United States rose, and the US market grew."
    assert groups(text)["United States"] == {"United States", "US"}


def test_ids_are_in_order_of_first_mention_and_stable():
    text = "Maria Costa met Jonas Berg in Oslo. Berg thanked Costa."
    first, second = analyze_text(text), analyze_text(text)
    assert first == second
    assert [e.id for e in first.entities] == [f"e{i}" for i in range(1, len(first.entities) + 1)]
    starts = [min(s for s, _ in e.mentions) for e in first.entities]
    assert starts == sorted(starts)


WORDS = st.sampled_from(
    "the said and “ ” \" ' Maria Costa Berg Oslo UN NATO Ministry of Health in Mr President Lee he she "
    "Kenyan . , : ; \n\n According Small Xi Jinping’s Bank O'Neil van der Berg ’s told reporters".split(" ")
)


@settings(max_examples=200, deadline=None)
@given(st.lists(WORDS, max_size=80).map(" ".join) | st.text(max_size=300))
def test_invariants_on_random_text(text):
    result = analyze_text(text)
    spans = []
    for ent in result.entities:
        assert ent.mentions
        for s, e in ent.mentions:
            assert 0 <= s < e <= len(text)
            spans.append((s, e, ent.id))
    spans.sort()
    for (_s1, e1, id1), (s2, _e2, id2) in itertools.pairwise(spans):
        assert e1 <= s2 or id1 == id2, "mentions of different entities overlap"
    ids = {e.id for e in result.entities}
    for q in result.quotes:
        assert 0 <= q.start < q.end <= len(text)
        assert q.speaker is None or q.speaker in ids
    assert analyze_text(text) == result


def test_spellings_of_one_given_name_join_the_person_and_the_surname_follows():
    text = "Viktor Orlov arrived in May. Later Victor Orlov spoke, and Orlov left."
    assert groups(text)["Viktor Orlov"] == {"Viktor Orlov", "Victor Orlov", "Orlov"}


def test_a_company_with_two_legal_forms_keeps_all_its_mentions():
    text = "Kettle Tools Co Inc. cut jobs. Kettle Tools Co said so, and Kettle Tools confirmed it."
    assert groups(text)["Kettle Tools Co Inc."] == {"Kettle Tools Co Inc.", "Kettle Tools Co", "Kettle Tools"}


def test_a_company_named_without_its_last_word_is_the_same_company():
    text = "Harbury Motors cut its forecast. Harbury said sales in Leeds fell, and Harbury shares slid."
    assert groups(text)["Harbury Motors"] == {"Harbury Motors", "Harbury"}


# --- grouping people: the indexed search finds what comparing every group finds -------

NAME_PARTS = st.sampled_from(
    "Viktor Victor V. Vladimir Vladimirovich Putin Orlov Orlova Zelensky Zelenskyy Anna Ana A. Lee Li "
    "Jinping Xi Maria Mariа Costa Kosta Phil Philip".split()
)


def _grouped_by_comparing_every_group(names: list[str]) -> list[set[str]]:
    """The rule as written: each new full name, longest first, joins the first group
    holding a name it is the same person as (a subset of its parts, or the same first
    name, initial or spelling and a surname of the same skeleton)."""
    groups: list[list[list[str]]] = []
    home: dict[str, int] = {}
    for name in sorted(names, key=lambda n: -len(entities._name_parts(n))):
        if name in home:
            continue
        parts = entities._name_parts(name)
        found = next(
            (
                i
                for i, members in enumerate(groups)
                if any(
                    set(parts) <= set(theirs)
                    or (
                        entities._same_first_name(parts[0], theirs[0])
                        and entities.skeleton(parts[-1]) == entities.skeleton(theirs[-1])
                    )
                    for theirs in members
                )
            ),
            None,
        )
        if found is None:
            groups.append([])
            found = len(groups) - 1
        groups[found].append(parts)
        home[name] = found
    return [{n for n, i in home.items() if i == g} for g in range(len(groups))]


@settings(max_examples=300, deadline=None)
# the earliest group wins, though a later one holds the name whole
@example(["Anna Orlov Zelensky", "Phil Anna Zelenskyy", "Anna Zelenskyy"])
@given(st.lists(st.lists(NAME_PARTS, min_size=2, max_size=4).map(" ".join), min_size=1, max_size=30))
def test_people_are_grouped_as_if_every_group_were_compared(names):
    mentions, at = [], 0
    for name in names:
        mentions.append(Mention(at, at + len(name), name, PERSON))
        at += len(name) + 2
    drafts, _ = entities.group(mentions, "  ".join(names))
    found = [{m.text for m in d.mentions} for d in drafts]
    expected = _grouped_by_comparing_every_group(names)
    assert sorted(map(sorted, found)) == sorted(map(sorted, expected))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="\na", max_size=40), st.integers(0, 45), st.integers(0, 45))
def test_paragraph_breaks_are_counted_as_str_count_does(text, start, end):
    assert entities._ParagraphBreaks(text).at_most_one(start, end) == (text.count("\n\n", start, end) <= 1)


def test_a_short_organisation_name_goes_to_the_nearest_longer_one_before_it():
    text = (
        "The Chinese Foreign Ministry spoke first. The Russian Foreign Ministry replied.\n\n"
        "The Foreign Ministry then said no more. Later the Foreign Ministry added a note."
    )
    assert groups(text)["Russian Foreign Ministry"] == {"Russian Foreign Ministry", "Foreign Ministry"}


def test_a_long_analysis_reports_its_progress_in_order_up_to_the_end():
    from newsreader.analysis.service import Analyzer
    from newsreader.article import from_text

    story = "Anna Lindqvist, a minister, met Omar Haddad in Lyon. “We agree,” Haddad said.\n\n"
    done: list[float] = []
    Analyzer.from_options([], bundled=False).analyze(from_text(story * 3000), progress=done.append)
    assert len(done) >= 5  # within the mention pass too, not only between passes
    assert done == sorted(done)
    assert 0 < done[0] < 0.2 and done[-1] == 1.0


def test_the_cycle_collector_is_left_as_the_analysis_found_it():
    import gc

    text = "Anna Lindqvist met Omar Haddad in Lyon."
    try:
        gc.disable()
        analyze_text(text)
        assert not gc.isenabled()
    finally:
        gc.enable()
    analyze_text(text)
    assert gc.isenabled()

"""Where a mention starts and ends: each edge rule, pinned with a sentence of our own."""

from __future__ import annotations

from newsreader.analysis import analyze_text
from newsreader.analysis.mention_segments import segments
from newsreader.analysis.mentions import find_mentions


def found(text: str) -> dict[str, str]:
    """surface as written -> type, for every mention the finder gives."""
    return {text[m.start : m.end]: m.type for m in find_mentions(text)}


def test_a_headline_speech_verb_ends_the_name_before_it() -> None:
    text = "Read more: Dana Whitfield Says the Vote Can Wait"
    assert found(text).get("Dana Whitfield") == "person"
    assert not any("Says" in surface for surface in found(text))


def test_a_speech_verb_that_is_also_a_noun_stays_inside_a_name() -> None:
    assert "Kettle Consumer Reports" in found("He read it in Kettle Consumer Reports on Monday.")


def test_a_stray_capital_after_a_full_name_is_not_part_of_it() -> None:
    text = "Senator Elena Marsh Whitcombe T said she would wait."
    assert "Elena Marsh Whitcombe" in found(text)
    assert "Elena Marsh Whitcombe T" not in found(text)


def test_a_roman_numeral_is_not_a_stray_capital() -> None:
    text = ",Henry Albert Fitzroy V"
    (occurrence,) = segments(text, 1, len(text), {}, [])
    assert occurrence.text == "Henry Albert Fitzroy V"


def test_a_club_before_a_player_is_its_own_name() -> None:
    text = "Fans watched Harlow United Dominic Farrell score twice."
    names = found(text)
    assert names.get("Dominic Farrell") == "person"
    assert "Harlow United Dominic Farrell" not in names


def test_an_acronym_before_a_person_is_its_own_name() -> None:
    names = found("Staff at the KPB Thomas Ridley office left early.")
    assert "KPB" in names
    assert names.get("Thomas Ridley") == "person"


def test_a_single_given_name_before_a_full_name_stays_one_person() -> None:
    assert found("We met Georgia Anne Whitcombe at the door.").get("Georgia Anne Whitcombe") == "person"


def test_an_acronym_and_a_department_are_two_bodies() -> None:
    names = found("Both the KPB and Transport Department said they would review it.")
    assert names.get("KPB") == "organization"
    assert "KPB and Transport Department" not in names


def test_a_body_whose_name_pairs_two_words_stays_whole() -> None:
    names = found("He was fined by the Securities and Exchange Commission on Monday.")
    assert names.get("Securities and Exchange Commission") == "organization"


def test_pronoun_contractions_are_no_names() -> None:
    names = found("“I’m not sure,” she said. “We’ll see, and they’re wrong.” I'd agree.")
    assert not any("’" in surface or "'" in surface for surface in names)


def test_a_surname_speaker_label_used_once_is_a_person() -> None:
    text = "Excerpts follow.\nGONZALEZ: We will not move on this.\nThe hearing ended."
    assert found(text).get("GONZALEZ") == "person"


def test_a_common_word_label_used_once_is_not_a_person() -> None:
    assert found("Early copy.\nUPDATE: the road is open.\nMore later.").get("UPDATE") != "person"


def test_a_legal_form_ends_a_company_before_of_the() -> None:
    names = found("Shares of Harrowgate Paper Co of the United States rose on Monday.")
    assert names.get("Harrowgate Paper Co") == "organization"
    assert names.get("United States") == "place"


def test_a_country_after_the_keeps_its_last_word() -> None:
    assert found("The United States last week named an envoy.").get("United States") == "place"


def test_format_characters_inside_a_name_keep_one_person_and_true_offsets() -> None:
    text = "Senator Dana Whit\u200bfield spoke first. Later Dana Whitfield left, and Whit\u00adfield smiled."
    result = analyze_text(text)
    people = [e for e in result.entities if e.type == "person"]
    assert len(people) == 1, [(e.name, e.mentions) for e in people]
    (person,) = people
    assert person.name == "Dana Whitfield"
    written = {text[s:e] for s, e in person.mentions}
    assert written == {"Dana Whit\u200bfield", "Dana Whitfield", "Whit\u00adfield"}


def test_a_fixture_list_is_a_sports_report_and_its_towns_are_teams() -> None:
    text = "Tour programme: May 4 v Westhampton ( three days ) May 9 v Harrowgate May 12 v Kent."
    assert found(text).get("Kent") == "organization"


def test_one_legal_citation_does_not_make_a_sports_report() -> None:
    assert found("The ruling in Roe v Wade was cited by lawyers in Kent.").get("Kent") == "place"


def test_a_transfer_verb_makes_a_town_its_club_in_a_sports_report() -> None:
    text = "The striker joined Newcastle for a fee and scored a goal in the league match on Saturday."
    assert found(text).get("Newcastle") == "organization"


def test_a_club_role_after_a_town_makes_it_the_club_in_a_sports_report() -> None:
    text = "The Southampton skipper scored a goal as the match ended in victory for the league leaders."
    assert found(text).get("Southampton") == "organization"


def test_a_town_with_a_transfer_verb_outside_sport_stays_a_place() -> None:
    assert found("She joined Newcastle council staff at the town hall.").get("Newcastle") == "place"


def test_a_speech_verb_that_is_a_name_too_stays_inside_a_name() -> None:
    assert found("The critic Edward Said wrote books.").get("Edward Said") == "person"


def test_what_follows_a_title_and_of_is_its_domain_not_a_person() -> None:
    names = found("Fans of The Lord of the Harrows queued. The Duke of Westshire arrived.")
    assert not any(surface.startswith("of ") for surface in names), names


def test_a_body_named_for_its_cause_and_country_keeps_its_place() -> None:
    names = found("A spokesman for the group Clean Water in Peru said on Monday.")
    assert names.get("Clean Water in Peru") == "organization"
    assert "Peru" not in names


def test_a_person_or_a_headed_body_before_in_a_place_is_cut_there() -> None:
    assert found("He called John Baker in Paris.") == {"John Baker": "person", "Paris": "place"}
    names = found("He met the Ministry of Health in Lima on Monday.")
    assert names.get("Ministry of Health") == "organization"
    assert names.get("Lima") == "place"

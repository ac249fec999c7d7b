"""Each mention rule, pinned with a sentence of our own."""

from __future__ import annotations

import pytest

from newsreader.analysis import analyze_text


def typed(text: str) -> dict[str, str]:
    """surface -> type for every mention in the text."""
    result = analyze_text(text)
    return {text[s:e]: ent.type for ent in result.entities for s, e in ent.mentions}


def entity_of(text: str, surface: str):
    result = analyze_text(text)
    start = text.index(surface)
    for ent in result.entities:
        if (start, start + len(surface)) in ent.mentions:
            return ent
    raise AssertionError(f"{surface!r} is not a mention: {typed(text)}")


@pytest.mark.parametrize(
    ("sentence", "surface", "kind"),
    [
        (
            "The delegation was received by Prime Minister Jacinda Ardern on Tuesday.",
            "Jacinda Ardern",
            "person",
        ),
        ("Officials said Mr Brandt would not attend the summit in Vienna.", "Brandt", "person"),
        (
            "The plan was drafted by the Ministry of Health in Lima last year.",
            "Ministry of Health",
            "organization",
        ),
        (
            "Aid was delayed, the Norwegian Refugee Council warned on Friday.",
            "Norwegian Refugee Council",
            "organization",
        ),
        ("Rates were left unchanged by the Bank of England yesterday.", "Bank of England", "organization"),
        ("Funding from UNICEF arrived after the floods.", "UNICEF", "organization"),
        ("Flights to Nairobi were cancelled because of the storm.", "Nairobi", "place"),
        ("Karen Oduya arrived late to the hearing.", "Karen Oduya", "person"),
        (
            "The vote was close, noted Tomas Lindqvist, an analyst at a bank in Malmo.",
            "Tomas Lindqvist",
            "person",
        ),
        ("The talks stalled again, and Okonjo said nothing more could be done.", "Okonjo", "person"),
        ("Foreign Minister Wang Yi met his counterpart in the afternoon.", "Wang Yi", "person"),
        ("The council agreed after Senator Maria Okafor intervened.", "Maria Okafor", "person"),
        ("Protesters marched through the Gaza Strip at dawn.", "Gaza Strip", "place"),
        ("Kenyan officials confirmed the figures on Monday.", "Kenyan", "group"),
    ],
)
def test_typing_rules(sentence, surface, kind):
    assert typed(sentence).get(surface) == kind


def test_titles_are_not_part_of_the_name():
    mentions = typed("Yesterday Secretary General Ines Moreau opened the session.")
    assert "Ines Moreau" in mentions
    assert not any("Secretary" in m for m in mentions)


def test_an_organisation_before_a_title_is_its_own_mention():
    mentions = typed("The alliance, said WHO Director General Anna Petrova, will respond.")
    assert mentions.get("WHO") == "organization" and mentions.get("Anna Petrova") == "person"


def test_sentence_initial_common_words_are_not_names():
    mentions = typed(
        "According to the report, shipping fell. Some analysts disagreed. Giving evidence, Ruth Kamau spoke."
    )
    assert "According" not in mentions and "Some" not in mentions and "Giving" not in mentions
    assert mentions.get("Ruth Kamau") == "person"


def test_common_acronyms_are_not_entities():
    mentions = typed("GDP grew while the CEO said TV sales fell in the US.")
    assert "GDP" not in mentions and "CEO" not in mentions and "TV" not in mentions
    assert mentions.get("US") == "place"


def test_propagation_makes_a_later_sentence_initial_surname_the_person():
    text = "Analyst Peter Small said exports fell. Small said the trend would last."
    ent = entity_of(text, "Peter Small")
    assert ent.type == "person"
    second = text.index("Small said the")
    assert (second, second + len("Small")) in ent.mentions


@pytest.mark.parametrize("apostrophe", ["'", "’"])
def test_possessive_is_not_part_of_the_mention(apostrophe):
    text = f"Helena Marsh won. Marsh{apostrophe}s lawyers welcomed it."
    ent = entity_of(text, "Helena Marsh")
    start = text.index("Marsh" + apostrophe)
    assert (start, start + len("Marsh")) in ent.mentions


def test_an_upper_case_headline_is_not_turned_into_entities_wholesale():
    text = "PORT STRIKE ENDS AS ROTTERDAM DOCKERS VOTE\n\nDockers in Rotterdam voted to return on Monday."
    mentions = typed(text)
    assert mentions.get("ROTTERDAM") == "place"
    assert not any(m in mentions for m in ("PORT", "PORT STRIKE", "STRIKE", "ENDS", "DOCKERS", "VOTE"))


def test_possessive_splits_a_country_from_its_ministry():
    mentions = typed("Critics said Peru's Foreign Ministry had been slow.")
    assert mentions.get("Peru") == "place"
    assert mentions.get("Foreign Ministry") == "organization"


def test_hyphen_compounds_keep_the_name_part():
    mentions = typed("The Swiss-brokered deal was signed in Geneva.")
    assert "Swiss-brokered" not in mentions
    assert mentions.get("Geneva") == "place"


def test_boilerplate_is_skipped():
    text = "Story\n\nThe mayor of Leeds spoke.\n\nLeave a Reply\n\nPosted by Jane Doe"
    from newsreader import article

    doc = article.from_text(text)
    result = analyze_text(doc.text, paragraphs=doc.paragraphs, skip=doc.boilerplate)
    names = {doc.text[s:e] for ent in result.entities for s, e in ent.mentions}
    assert "Leeds" in names and "Jane Doe" not in names


SPORTS = (
    "Rain spoiled the last day of the county season.\n"
    "Lancashire beat Yorkshire by six wickets at Old Trafford, and Sussex reached 310 for four "
    "against Devon before the match was abandoned. Fans in Yorkshire were furious with the league."
)


def test_in_a_sports_report_towns_and_counties_that_play_are_teams():
    mentions = typed(SPORTS)
    assert mentions.get("Lancashire") == "organization"
    assert mentions.get("Sussex") == "organization"


def test_countries_keep_their_type_in_sports_reports():
    text = "England beat Australia by six wickets in the final match of the season, scoring 310 points."
    mentions = typed(text)
    assert mentions.get("England") == "place" and mentions.get("Australia") == "place"


RESULTS = """FOOTBALL - NORTHERN LEAGUE RESULTS .
Results of matches played on Saturday :
Harbury Rovers 2 Kettleby 1
Oldcastle 0 Marsh Albion 3
ST BRENNOCK 4 DUNMORE 2
Standings :
Marsh Albion 5 4 1 0 12
Harbury Rovers 5 3 1 1 9
"""


def test_the_names_in_a_results_table_are_teams():
    mentions = typed(RESULTS)
    for team in ("Harbury Rovers", "Kettleby", "Oldcastle", "Marsh Albion", "ST BRENNOCK", "DUNMORE"):
        assert mentions.get(team) == "organization", (team, mentions)


def test_a_team_named_in_the_table_is_the_team_in_the_prose_too():
    text = RESULTS + "Kettleby said their coach would stay.\n"
    occurrences = [(s, e) for s, e in entity_of(text, "Kettleby").mentions if text[s:e] == "Kettleby"]
    assert entity_of(text, "Kettleby").type == "organization" and len(occurrences) == 2


def test_a_country_in_a_results_table_keeps_its_type():
    text = "WORLD CUP QUALIFIERS .\nResults :\nBrazil 3 Norway 1\nPeru 0 Chile 0\n"
    mentions = typed(text)
    assert mentions.get("Brazil") == "place" and mentions.get("Chile") == "place"


def test_a_leaderboard_of_players_is_not_read_as_teams():
    text = "GOLF - LEADING SCORES .\nLeading scores :\nThomas Berg 68 70 71\nDaniel Okafor 69 70 72\n"
    mentions = typed(text)
    assert mentions.get("Thomas Berg") == "person" and mentions.get("Daniel Okafor") == "person", mentions


def test_one_score_line_is_not_a_table_two_are():
    from newsreader.analysis.tables import team_spans

    one = "The vote in the committee ended:\nGordon 7 Hale 5\nThe bill goes to the floor.\n"
    assert team_spans(one) == []
    two = one + "Berwick 6 Marsh 6\n"
    assert [two[s:e] for s, e in team_spans(two)] == ["Gordon", "Hale", "Berwick", "Marsh"]


def test_a_company_keeps_the_words_before_its_legal_form_and_its_point():
    text = "Harbury Mills Inc. said on Friday it would buy a rival. Shares of First Kettleby Corp. fell."
    mentions = typed(text)
    assert mentions.get("Harbury Mills Inc.") == "organization", mentions
    assert mentions.get("First Kettleby Corp.") == "organization", mentions


def test_a_date_before_a_company_is_not_part_of_its_name():
    assert "Acme Tools Corp" in typed("Yesterday Acme Tools Corp said it would close a plant.")


def test_a_company_named_without_its_legal_form_is_the_same_company():
    text = "Dunmore Textiles Ltd. posted a loss. Later, Dunmore Textiles said it would cut jobs."
    company = entity_of(text, "Dunmore Textiles Ltd.")
    assert company.type == "organization"
    assert [text[s:e] for s, e in company.mentions] == ["Dunmore Textiles Ltd.", "Dunmore Textiles"]


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("The Trade and Tariffs Board said on Monday it would appeal.", "Trade and Tariffs Board"),
        ("The Council for Science and Culture met on Monday.", "Council for Science and Culture"),
        ("Shares fell, said the New Haven Port Authority on Monday.", "New Haven Port Authority"),
    ],
)
def test_a_body_keeps_every_word_of_its_name(sentence: str, name: str):
    assert typed(sentence).get(name) == "organization", typed(sentence)


def test_and_between_two_places_still_makes_two_mentions():
    mentions = typed("Officials from Hungary and Romania met in Vienna on Monday.")
    assert mentions.get("Hungary") == "place" and mentions.get("Romania") == "place"


def test_outside_sports_a_county_is_a_place():
    mentions = typed("The new hospital in Lancashire opened on Monday, said the health minister.")
    assert mentions.get("Lancashire") == "place"


def test_a_dateline_city_is_a_place():
    text = "TALKS RESUME\nGENEVA 2024-03-05\nNegotiators met again on Tuesday in the Swiss city."
    assert typed(text).get("GENEVA") == "place"


def test_lone_letters_and_very_common_words_are_not_names():
    mentions = typed("Group B results were strong, said the coach. Women and Men ran in heats.")
    assert "B" not in mentions and "Women" not in mentions and "Men" not in mentions


def test_a_recurring_runs_occurrences_keep_the_kind_of_each_reason() -> None:
    """A run's shape is worked out once and placed at each of its occurrences; a placed
    occurrence still tells which reasons were given for which type (it used to lose their
    kinds, so asking for them raised)."""
    from newsreader.analysis.mentions import _shape_run
    from newsreader.analysis.model import PERSON

    shape = _shape_run("Secretary General Ines Moreau", False, {})
    (placed,) = shape.place(100)
    assert (placed.start, placed.end, placed.text) == (118, 129, "Ines Moreau")
    assert "after the title 'Secretary General'" in placed.reasons_for(PERSON)
    assert placed.reasons_for("organization") == ""
    placed.vote(PERSON, 1.0, "'said' follows")  # a context vote after placing is told too
    assert placed.reasons_for(PERSON).endswith("; 'said' follows")
    again = shape.place(0)[0]
    assert "'said' follows" not in again.reasons_for(PERSON)  # each placing has its own

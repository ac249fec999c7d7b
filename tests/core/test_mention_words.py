"""Capitalised words that are no names: each rule, pinned with a sentence of our own."""

from __future__ import annotations

from newsreader.analysis.mentions import find_mentions


def found(text: str) -> dict[str, str]:
    """surface as written -> type, for every mention the finder gives."""
    return {text[m.start : m.end]: m.type for m in find_mentions(text)}


def test_month_abbreviations_before_a_day_are_no_names() -> None:
    names = found("The board meets on Sept. 14 and again on Oct 2 in Harrowgate.")
    assert "Sept" not in names and "Oct" not in names


def test_a_month_abbreviation_that_is_a_given_name_stays_a_name() -> None:
    assert found("Later Jan Kowalczyk said the vote was close.").get("Jan Kowalczyk") == "person"


def test_an_ordinal_alone_is_no_name() -> None:
    names = found("The tour resumes with the Fourth test, then the Fifth at Harrowgate.")
    assert "Fourth" not in names and "Fifth" not in names


def test_a_common_word_in_capitals_is_not_an_acronym() -> None:
    names = found("ISSUE: 40 million dollars of bonds.\nORDERS were strong, the KPB said.")
    assert "ISSUE" not in names and "ORDERS" not in names
    assert names.get("KPB") == "organization"


def test_an_acronym_that_is_no_common_word_stays_an_organisation() -> None:
    assert found("Ministers from NATO met in Oslo.").get("NATO") == "organization"


def test_a_head_before_of_makes_a_body() -> None:
    names = found("Talks with the rival Patriotic Union of Westmarch stalled.")
    assert names.get("Patriotic Union of Westmarch") == "organization"


def test_a_kind_of_body_before_a_name_makes_it_one() -> None:
    assert found("The report came from the news agency Kestra on Friday.").get("Kestra") == "organization"


def test_a_name_before_shares_or_a_newspaper_is_a_body() -> None:
    names = found("Kestrel shares rose, the Harrowgate Clarion newspaper said.")
    assert names.get("Kestrel") == "organization"


def test_a_newsroom_is_a_body() -> None:
    names = found("Reporting by Ann Lowe -- Harrowgate Newsroom +44 20 7542")
    assert names.get("Harrowgate Newsroom") == "organization"


def test_a_lone_name_said_in_a_statement_is_a_body() -> None:
    assert found("Kestra said in a statement on Monday that profits rose.").get("Kestra") == "organization"


def test_a_full_personal_name_said_in_a_statement_stays_a_person() -> None:
    assert found("Harlan Voss said in a statement that he would go.").get("Harlan Voss") == "person"


def test_a_name_that_owns_a_board_is_a_body() -> None:
    text = "Kestra shareholders met on Monday; later the Kestra board named a chairman."
    assert found(text).get("Kestra") == "organization"


def test_a_capital_inside_a_word_names_a_brand() -> None:
    assert found("Shares in KestraWorks fell on Monday.").get("KestraWorks") == "organization"


def test_a_surname_prefix_is_not_a_brand_capital() -> None:
    names = found("Later Douglas MacArthur met Ronald McDonald.")
    assert names.get("Douglas MacArthur") == "person" and names.get("Ronald McDonald") == "person"

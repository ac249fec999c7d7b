"""Quotes whose speaker is named by the line or the sentence around them, not by a verb.

Sentences of our own; each case failed before the rule it names was written.
"""

from __future__ import annotations

from newsreader.analysis import analyze_text


def attributions(text: str) -> list[tuple[str, str | None, str]]:
    """(quote text with its marks, speaker name or None, rule) for each quote."""
    result = analyze_text(text)
    names = {e.id: e.name for e in result.entities}
    return [(text[q.start : q.end], names.get(q.speaker or ""), q.rule) for q in result.quotes]


def test_a_headline_that_opens_with_a_name_and_a_colon_quotes_that_person() -> None:
    text = "Dana Whitfield: Rival Asking Voters to Trust Him ‘Reeks of Fear’\n\nThe mayor spoke on Monday."
    assert attributions(text) == [("‘Reeks of Fear’", "Dana Whitfield", "label")]


def test_a_line_signed_with_a_dash_is_the_signers_even_when_a_nested_quote_breaks_the_marks() -> None:
    text = (
        "“It was a fine speech.” ― Tom Baines\n"
        "“I would rather stay home than call this “progress” at all.” ― Marta Kowalski"
    )
    speakers = [speaker for _, speaker, _ in attributions(text)]
    assert speakers == ["Tom Baines", "Marta Kowalski", "Marta Kowalski"]


def test_a_quote_after_a_sentence_of_reported_speech_continues_its_speaker() -> None:
    text = (
        "The council may delay the vote while the mayor is away, Tom Baines said. "
        "“The other option is to vote now.”"
    )
    assert attributions(text) == [("“The other option is to vote now.”", "Tom Baines", "previous sentence")]


def test_no_speaker_from_a_sentence_before_that_reports_none() -> None:
    text = "The council may delay the vote while the mayor is away. “The other option is to vote now.”"
    assert attributions(text)[0][1] is None


def test_the_name_that_opens_a_sentence_is_its_subject() -> None:
    text = "Norway accused the rebel leader, Amir Haddad, of “reckless provocation.”"
    assert attributions(text)[0][1] == "Norway"


def test_a_datelines_place_is_not_the_subject() -> None:
    text = "OSLO, May 2 — Elena Ortega criticised the plan as a “reckless gamble” on Monday."
    assert attributions(text)[0][1] == "Elena Ortega"

"""Quotes whose speaker is named by the line or the sentence around them, not by a verb.

Sentences of our own; each case failed before the rule it names was written.
"""

from __future__ import annotations

from newsreader.analysis import analyze_text
from newsreader.analysis.model import PERSON
from newsreader.analysis.quotes import MentionRef, attribute


def attributions(text: str) -> list[tuple[str, str | None, str]]:
    """(quote text with its marks, speaker name or None, rule) for each quote."""
    result = analyze_text(text)
    names = {e.id: e.name for e in result.entities}
    return [(text[q.start : q.end], names.get(q.speaker or ""), q.rule) for q in result.quotes]


def test_a_headline_that_opens_with_a_name_and_a_colon_quotes_that_person() -> None:
    text = "Dana Whitfield: New Stadium Plan Is ‘A Fine Mess’\n\nThe mayor spoke on Monday."
    assert attributions(text) == [("‘A Fine Mess’", "Dana Whitfield", "label")]


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
    text = "Sweden faulted the rebel commander, Amir Haddad, for “needless delays.”"
    assert attributions(text)[0][1] == "Sweden"


def test_a_datelines_place_is_not_the_subject() -> None:
    text = "OSLO, May 2 — Elena Ortega criticised the plan as a “reckless gamble” on Monday."
    assert attributions(text)[0][1] == "Elena Ortega"


def test_a_label_found_as_two_mentions_of_one_person_still_labels() -> None:
    text = "Dana Whitfield: Budget Is ‘Dead on Arrival’"
    mentions = [MentionRef(0, 4, "p1", PERSON), MentionRef(5, 14, "p1", PERSON)]
    (quote,) = attribute(text, [(0, len(text))], mentions)
    assert (quote.speaker, quote.rule, quote.speaker_span) == ("p1", "label", (0, 14))


def test_a_person_named_before_a_colon_introduces_the_quote() -> None:
    text = "Advice from Dana Whitfield: ‘Keep your receipts for every claim.’\n\nThe auditor spoke."
    assert attributions(text) == [("‘Keep your receipts for every claim.’", "Dana Whitfield", "label")]


def test_a_speech_verb_before_the_colon_wins_over_the_name_before_it() -> None:
    assert attributions("Elena Ortega told Tom Baines: “We will not sign.”")[0][1] == "Elena Ortega"


def test_a_quote_paragraph_after_a_colon_takes_the_subject_of_the_sentence_it_ends() -> None:
    text = (
        "At the hearing, Tom Baines gave the council this warning:\n\n"
        "“Once the reserve is spent, the town cannot borrow again.”"
    )
    assert attributions(text)[0][1] == "Tom Baines"


def test_a_quote_in_an_opening_participle_phrase_is_the_main_subjects() -> None:
    text = "Fearing the “long winter,” Tom Baines stocked the shelters with blankets."
    assert attributions(text) == [("“long winter,”", "Tom Baines", "sentence subject")]


def test_a_quote_paragraph_continues_the_speaker_the_paragraph_before_reported() -> None:
    text = "Elena Ortega said the plan would fail.\n\n“It will not work. Nobody wants it.”"
    assert attributions(text)[0][1:] == ("Elena Ortega", "previous sentence")


def test_only_the_sentence_right_before_counts() -> None:
    text = "Elena Ortega said the plan would fail. Tom Baines arrived late.\n\n“It will not work.”"
    assert attributions(text)[0][1] is None

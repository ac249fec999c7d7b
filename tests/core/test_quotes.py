"""Quote finding and each attribution rule, with sentences of our own."""

from __future__ import annotations

import pytest

from newsreader.analysis import analyze_text


def quotes(text: str) -> list[tuple[str, str | None, str]]:
    """(quoted text, speaker name or None, rule) for each quote."""
    result = analyze_text(text)
    names = {e.id: e.name for e in result.entities}
    return [
        (text[q.start : q.end].strip("“”\"‘’'"), names.get(q.speaker or ""), q.rule) for q in result.quotes
    ]


def speaker_of(text: str, starts: str) -> str | None:
    for quoted, speaker, _ in quotes(text):
        if quoted.startswith(starts):
            return speaker
    raise AssertionError(f"no quote starting {starts!r}: {quotes(text)}")


@pytest.mark.parametrize(
    ("text", "starts", "speaker"),
    [
        ("“We will rebuild the bridge,” Elena Ortega said on Monday.", "We will", "Elena Ortega"),
        ("“We will rebuild the bridge,” said Elena Ortega, the mayor.", "We will", "Elena Ortega"),
        ("Elena Ortega told reporters: “We will rebuild the bridge.”", "We will", "Elena Ortega"),
        (
            "Union leader Tom Baines said that the offer was “an insult to every worker”.",
            "an insult",
            "Tom Baines",
        ),
        ("“Prices will fall,” according to Marcus Hale, an economist.", "Prices", "Marcus Hale"),
        ('"We will rebuild the bridge," Elena Ortega said.', "We will", "Elena Ortega"),
        ("‘Nobody warned us,’ said Amir Haddad.", "Nobody", "Amir Haddad"),
        ("“Nobody warned us.” ― Amir Haddad", "Nobody", "Amir Haddad"),
    ],
)
def test_attribution_rules(text: str, starts: str, speaker: str) -> None:
    assert speaker_of(text, starts) == speaker


def test_participle_takes_the_sentence_speaker() -> None:
    text = "Elena Ortega told the council: “The bridge is unsafe,” adding: “We close it tonight.”"
    assert speaker_of(text, "The bridge") == "Elena Ortega"
    assert speaker_of(text, "We close") == "Elena Ortega"


def test_pronoun_resolves_to_the_nearest_named_person_of_that_gender() -> None:
    text = "Mayor Elena Ortega met James Wright on Friday.\n\n“It was a good meeting,” she said."
    assert speaker_of(text, "It was") == "Elena Ortega"
    text = "Elena Ortega met James Wright on Friday.\n\n“It was a good meeting,” he said."
    assert speaker_of(text, "It was") == "James Wright"


def test_a_person_named_inside_a_quote_is_not_the_speaker() -> None:
    text = "Amir Haddad arrived.\n\n“I told Petra Lang it would fail,” he said."
    assert speaker_of(text, "I told") == "Amir Haddad"


def test_a_quote_paragraph_without_a_cue_continues_the_speaker() -> None:
    text = (
        "“The harbour will reopen,” said Ines Moreau, the port director.\n\n"
        "“But not before the inspection is over.”"
    )
    rows = quotes(text)
    assert rows[1][1] == "Ines Moreau" and rows[1][2] == "continued"


def test_a_quote_over_several_paragraphs_is_one_speakers() -> None:
    text = (
        "“The first problem is money. We do not have enough of it\n\n"
        "“The second problem is time,” said Ines Moreau."
    )
    rows = quotes(text)
    assert len(rows) == 2
    assert rows[0][1] == rows[1][1] == "Ines Moreau"


def test_two_quotes_in_one_paragraph_share_the_speaker() -> None:
    text = "“It is late,” Tom Baines said. “We should go home.”"
    assert [row[1] for row in quotes(text)] == ["Tom Baines", "Tom Baines"]


def test_scare_quotes_are_terms_and_statements_are_not() -> None:
    result = analyze_text(
        "Officials called it a “technical pause”. “We will resume next week and talk,” said Ann Lee."
    )
    kinds = [q.kind for q in result.quotes]
    assert kinds == ["term", "statement"]


def test_apostrophes_are_not_quotes() -> None:
    assert quotes("It’s Ortega’s plan, and the workers’ union isn't happy about the mayor's idea.") == []


def test_an_unattributed_quote_has_no_speaker() -> None:
    rows = quotes("The sign read “Closed for repairs” all week.")
    assert rows == [("Closed for repairs", None, "unknown")]


def test_a_description_is_not_resolved_to_a_random_name() -> None:
    text = "Elena Ortega left early. A spokesman said: “There is nothing to add.”"
    assert speaker_of(text, "There is") is None


def test_speech_verbs_used_as_nouns_are_not_cues() -> None:
    text = "Maria Costa dismissed the remarks as “pure theatre”."
    result = analyze_text(text)
    assert result.quotes[0].cue != "remarks"


@pytest.mark.parametrize(
    ("text", "starts", "speaker"),
    [
        ("“Growth will slow next year,” the IMF report stated.", "Growth", "IMF"),
        (
            "Ruth Kamau took the stage and began by saying she would “never quit” the race.",
            "never",
            "Ruth Kamau",
        ),
        (
            "Maria Costa says her rival’s late-night tweets were “beneath the office”.",
            "beneath",
            "Maria Costa",
        ),
        ("“The river froze every winter,” Mr. Hollis, 91, told me.", "The river", "Hollis"),
    ],
)
def test_subjects_behind_nouns_participles_and_honorifics(text: str, starts: str, speaker: str) -> None:
    assert speaker_of(text, starts) == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "“Rates will rise before spring,” Helen Marsh, an economist and bond analyst at Kettle "
            "Bank, told reporters.",
            "Helen Marsh",
        ),
        (
            "“The bill is dead,” Rep. Owen Castell (D-Ohio), a member of the budget panel, said on Monday.",
            "Owen Castell",
        ),
    ],
)
def test_a_speaker_named_after_the_quote_with_a_description_between_commas(text: str, speaker: str) -> None:
    assert speaker_of(text, quotes(text)[0][0][:10]) == speaker


TRANSCRIPT = """Governor Ada Lintz spoke to Tom Brack on Sunday. Partial transcript:

"BRACK: Will you run again?

"LINTZ: We have not decided. The family comes first.

"BRACK: And the budget?

"LINTZ: It will pass this month.

"We have the votes for it."
"""


def test_a_transcripts_labels_name_the_speakers() -> None:
    found = quotes(TRANSCRIPT)
    assert [(q[:12], speaker) for q, speaker, _ in found] == [
        ("BRACK: Will ", "Tom Brack"),
        ("LINTZ: We ha", "Ada Lintz"),
        ("BRACK: And t", "Tom Brack"),
        ("LINTZ: It wi", "Ada Lintz"),
        ("We have the ", "Ada Lintz"),  # a paragraph without a label goes on with the last voice
    ]


def test_a_label_said_once_is_not_a_speaker() -> None:
    text = '"NOTE: The figures are provisional," the ministry said.\n\nNothing else changed.'
    assert all(speaker != "NOTE" for _, speaker, _ in quotes(text))


def test_a_companys_pointed_abbreviation_does_not_end_the_sentence() -> None:
    # the speaker finder reads vocab's pointed abbreviations as the mention finder does
    text = "Marta Kowalski, a producer at Harbor Bros. Pictures, said: “The film opens in cinemas first.”"
    assert quotes(text) == [
        ("The film opens in cinemas first.", "Marta Kowalski", "before: X said (sentence subject)")
    ]

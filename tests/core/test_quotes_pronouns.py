"""A pronoun's speaker: gender from the given-name lexicon, the subject of the nearest
sentence that names someone compatible, organisations for "they". Sentences of our own."""

from __future__ import annotations

import pytest

from newsreader.analysis import analyze_text
from newsreader.analysis.quotes import gender_of_name


def speakers(text: str) -> list[tuple[str | None, str]]:
    result = analyze_text(text)
    names = {e.id: e.name for e in result.entities}
    return [(names.get(q.speaker or ""), q.rule) for q in result.quotes]


def test_she_is_the_subject_of_the_sentence_before_not_the_nearest_woman_named() -> None:
    text = (
        "Elena Ortega called a Tom Baines letter about Marta Kowalski “unfair.”\n\n"
        "She says the letter “misleads voters” and should be withdrawn."
    )
    assert speakers(text)[1] == ("Elena Ortega", "before: X said (pronoun)")


def test_he_skips_a_woman_named_nearer() -> None:
    text = "Tom Baines met Elena Ortega on Friday.\n\n“We agreed on nothing,” he said."
    assert speakers(text) == [("Tom Baines", "after: X said (pronoun)")]


def test_they_is_an_organisation() -> None:
    text = "Elena Ortega read the Harbor Institute report on Monday. “We stand by every figure,” they said."
    assert speakers(text) == [("Harbor Institute", "after: X said (pronoun)")]


@pytest.mark.parametrize(
    ("name", "gender"),
    [
        ("Elena Ortega", "f"),
        ("Tom Baines", "m"),
        ("Universe Elena Ortega", "f"),  # a name run into the word before it
        ("Ortega", "u"),  # one word: a surname, no gender to tell
        ("Zqxv Ortega", "u"),
    ],
)
def test_gender_of_a_full_name_from_its_first_given_name(name: str, gender: str) -> None:
    assert gender_of_name(name) == gender


def test_he_continues_the_speaker_a_sentence_reports_not_its_first_name() -> None:
    text = (
        "Tom Baines has asked for a meeting for months, said Amir Haddad, an analyst at a bank.\n\n"
        "“It was always going to happen,” he said."
    )
    assert speakers(text) == [("Amir Haddad", "after: X said (pronoun)")]

"""A role in place of a name ("the spokeswoman said") speaks for the person the text gave
that role before, by a title or an apposition. Sentences of our own."""

from __future__ import annotations

import pytest

from newsreader.analysis import analyze_text


def speakers(text: str) -> list[tuple[str | None, str]]:
    result = analyze_text(text)
    names = {e.id: e.name for e in result.entities}
    return [(names.get(q.speaker or ""), q.rule) for q in result.quotes]


@pytest.mark.parametrize(
    ("text", "speaker", "rule"),
    [
        (
            "Marta Kowalski, the ministry's spokeswoman, spoke on Monday.\n\n"
            "The spokeswoman said the talks were “going well.”",
            "Marta Kowalski",
            "before: X said (role: spokeswoman)",
        ),
        (
            "Gov. Tom Baines met farmers on Monday.\n\n“We will help,” the governor said.",
            "Tom Baines",
            "after: X said (role: governor)",
        ),
        (
            "Marta Kowalski, a spokeswoman for the city, opened the briefing.\n\n"
            "“No one was hurt,” said the spokeswoman.",
            "Marta Kowalski",
            "after: said X (role: spokeswoman)",
        ),
        (
            "Prime Minister Elena Ortega flew to Oslo.\n\n“The deal is close,” the prime minister said.",
            "Elena Ortega",
            "after: X said (role: prime minister)",
        ),
        (
            "Sen. Tom Baines and Gov. Elena Ortega met in March.\n\n“It went well,” the governor said.",
            "Elena Ortega",
            "after: X said (role: governor)",
        ),
    ],
)
def test_a_role_speaks_for_the_person_given_it(text: str, speaker: str, rule: str) -> None:
    assert speakers(text) == [(speaker, rule)]


def test_a_role_nobody_was_given_names_no_one() -> None:
    text = "Tom Baines met voters in March.\n\n“We will win,” the senator said."
    assert speakers(text) == [(None, "after: X said (role: senator)")]

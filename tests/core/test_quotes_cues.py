"""Speech verbs near a quote: which one is the quote's cue, and whose subject speaks.

Sentences of our own; each case failed before the rule it names was written.
"""

from __future__ import annotations

import pytest

from newsreader.analysis import analyze_text


def attributions(text: str) -> dict[str, tuple[str | None, str]]:
    """Each quote's text (marks stripped) -> (speaker name or None, rule)."""
    result = analyze_text(text)
    names = {e.id: e.name for e in result.entities}
    return {
        text[q.start : q.end].strip("“”\"‘’'"): (names.get(q.speaker or ""), q.rule) for q in result.quotes
    }


def speaker(text: str, quoted: str) -> str | None:
    found = attributions(text)
    assert quoted in found, found
    return found[quoted][0]


@pytest.mark.parametrize(
    ("text", "quoted", "expected"),
    [
        # a speech verb that is a word of a name is no cue: "States" in "United States"
        (
            "Secretary Dana Whitfield said the United States would send “more grain” next spring.",
            "more grain",
            "Dana Whitfield",
        ),
        # a quote that runs into its sentence is no '"…," said X': "suggests" is not its cue
        (
            "Mayor Elena Ortega said in a letter that the flyer “falsely and deliberately” suggests "
            "that Greenvale supports Tom Baines.",
            "falsely and deliberately",
            "Elena Ortega",
        ),
        # the next sentence's verb reports a clause of its own, with its own quote
        (
            "Elena Ortega accused the council of “gross negligence.” Councillor Tom Baines said the "
            "claim was “nonsense.”",
            "gross negligence.",
            "Elena Ortega",
        ),
        # more than one description between the name and the verb
        (
            "“We will appeal,” Marta Kowalski, the city's attorney, one of three lawyers on the case, "
            "said on Monday.",
            "We will appeal,",
            "Marta Kowalski",
        ),
        # a party and state abbreviation between commas keeps its dot
        (
            "“The deal is off,” Senator Paul Avery, D-Mass., said after the hearing.",
            "The deal is off,",
            "Paul Avery",
        ),
        # a country speaks through its government
        (
            "Norway condemned the test. Japan called the launch “a grave provocation.”",
            "a grave provocation.",
            "Japan",
        ),
        # "claims" after a group's adjective is a noun, not the verb
        (
            "The Harbor Institute found that most Labour claims were “misleading,” unlike its own.",
            "misleading,",
            "Harbor Institute",
        ),
        # a verb joined by "and" takes the pronoun that opens its sentence, not a later name
        (
            "Elena Ortega met the board on Monday. Though she welcomed Harbor Bank’s offer as “generous” "
            "and called for its terms to be “put in writing”, the talks broke up.",
            "put in writing",
            "Elena Ortega",
        ),
        # the name a comma closes right before the verb is its subject
        (
            "Despite Elena Ortega’s objections — which the club’s treasurer, Tom Baines, called “a waste "
            "of an evening” — the vote went ahead.",
            "a waste of an evening",
            "Tom Baines",
        ),
        # a description, then the name between commas, then the verb
        (
            "“It’s a disaster,” the former mayor of Oslo, Elena Ortega, said.",
            "It’s a disaster,",
            "Elena Ortega",
        ),
        # a time between the subject and its verb
        ("Tom Baines on Monday said the vote was “rigged.”", "rigged.", "Tom Baines"),
        ("Tom Baines last week told reporters the vote was “rigged.”", "rigged.", "Tom Baines"),
        # the author or the agent named by "by" right after the quote
        (
            "The plan was lifted from a paper titled “How We Pay” by Tom Baines and Elena Ortega.",
            "How We Pay",
            "Tom Baines",
        ),
        ("Her record was dismissed as “reckless” by Tom Baines on Monday.", "reckless", "Tom Baines"),
        # "as X put it" names the source of the words it introduces
        (
            "Tom Baines’s plan was, as the Daily Courier put it, “a bridge to nowhere.”",
            "a bridge to nowhere.",
            "Daily Courier",
        ),
        # a country described between commas before its verb speaks
        (
            "Even Iceland, a founding member of the pact, said it would “stay neutral” in the dispute.",
            "stay neutral",
            "Iceland",
        ),
        # a verb whose subject names no one gives way to an earlier verb that names someone
        (
            "Elena Ortega shrugged off the criticism on Monday, saying anyone who argues about the "
            "timetable “has not read it.”",
            "has not read it.",
            "Elena Ortega",
        ),
    ],
)
def test_the_cue_and_its_subject(text: str, quoted: str, expected: str) -> None:
    assert speaker(text, quoted) == expected


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("An official in Ohio said the plan was “unworkable.”", "unworkable."),  # Ohio is no subject
        ("Anyone who argues about the timetable “has not read it,” a critic said.", "has not read it,"),
    ],
)
def test_no_speaker_where_the_subject_names_no_one(text: str, quoted: str) -> None:
    assert speaker(text, quoted) is None

"""A small article with a hand-made analysis, shared by the review tests.

The analysis is built here rather than by the analyzer, so these tests pin the review
logic and not whatever the analysis finds this week.
"""

from __future__ import annotations

from pathlib import Path

from newsreader.analysis.model import Analysis, Entity, Match, MergeSuggestion, Quote

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "seeds" / "000_0eb4975a21467d31.txt"

TEXT = (
    "Lu Shai met Volodymyr Zelensky in Kyiv on Monday.\n\n"
    "“We will talk,” Zelensky said. Lu Shai added: “Peace comes first.”\n\n"
    "Reuters reported that Zelensky and Shai spoke for an hour."
)

LU_SHAYE = Match("Lu Shaye", 91.0, "bundled", "maybe", "one letter apart", type="person")
LU_SHA = Match("Lu Sha", 80.0, "bundled", "maybe", "prefix")
ZELENSKY = Match("Volodymyr Zelensky", 100.0, "bundled", "same", "exact", type="person")
KYIV = Match("Kyiv", 100.0, "bundled", "same", "exact", type="place")


def find(text: str, word: str, nth: int = 0) -> tuple[int, int]:
    """The span of the `nth` occurrence of `word` in `text`."""
    at = -1
    for _ in range(nth + 1):
        at = text.index(word, at + 1)
    return (at, at + len(word))


def make_analysis(text: str = TEXT) -> Analysis:
    q1 = find(text, "“We will talk,”")
    q2 = find(text, "“Peace comes first.”")
    return Analysis(
        entities=(
            Entity(
                "e1",
                "Lu Shai",
                "person",
                (find(text, "Lu Shai"), find(text, "Lu Shai", 1), find(text, "Shai", 2)),
                candidates=(LU_SHAYE, LU_SHA),
            ),
            Entity(
                "e2",
                "Volodymyr Zelensky",
                "person",
                (find(text, "Volodymyr Zelensky"), find(text, "Zelensky", 1), find(text, "Zelensky", 2)),
                reference=ZELENSKY,
                candidates=(ZELENSKY,),
            ),
            Entity("e3", "Kyiv", "place", (find(text, "Kyiv"),), reference=KYIV),
            Entity("e4", "Reuters", "person", (find(text, "Reuters"),)),
        ),
        quotes=(
            Quote(
                *q1,
                speaker="e2",
                cue="said",
                rule="after",
                kind="statement",
                speaker_span=find(text, "Zelensky", 1),
            ),
            Quote(*q2, speaker=None, cue=None, rule="none", kind="statement"),
        ),
        merges=(MergeSuggestion("e1", "e4", 50.0, "test"),),
    )

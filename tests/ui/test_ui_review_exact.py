"""`E`: every exact match of the article accepted as one decision, and one `u` taking it back.

On a hand-made analysis, so the test pins the review logic: which candidates count as
exact, the header's "to decide" count, the rows' marks, the store and the export.
"""

from __future__ import annotations

from typing import Any

from ui_review_support import SIZE, row, status, stored

from newsreader.analysis.model import Analysis, Entity, Match
from newsreader.article import from_text
from newsreader.review import ArticleReview
from newsreader.review import export as formats
from newsreader.review.vocabulary import ACCEPTED, MATCHED, OPEN

TEXT = "Ann Lee met Bob Stone at Acme Corp. Lu Shai joined Ann Lee later."
ANN_LEE = Match("Ann Lee", 100.0, "bundled", "same", "exact")
ANN_LEIGH = Match("Ann Leigh", 82.0, "bundled", "maybe", "sounds alike")
ACME = Match("Acme Corp", 100.0, "bundled", "same", "exact", entry_id="1")
ACME_SANCTIONS = Match("Acme Corp", 100.0, "sanctions", "same", "exact", entry_id="S9")
# two people of one name in one list: which is meant is the reviewer's call, not E's
BOB_1 = Match("Bob Stone", 100.0, "bundled", "same", "exact", entry_id="4")
BOB_2 = Match("Bob Stone", 100.0, "bundled", "same", "exact", entry_id="5")
LU_SHAYE = Match("Lu Shaye", 91.0, "bundled", "maybe", "one letter apart")


def span(word: str, nth: int = 0) -> tuple[int, int]:
    at = -1
    for _ in range(nth + 1):
        at = TEXT.index(word, at + 1)
    return (at, at + len(word))


def analysis() -> Analysis:
    return Analysis(
        entities=(
            Entity(
                "e1",
                "Ann Lee",
                "person",
                (span("Ann Lee"), span("Ann Lee", 1)),
                candidates=(ANN_LEE, ANN_LEIGH),
            ),
            Entity("e2", "Bob Stone", "person", (span("Bob Stone"),), candidates=(BOB_1, BOB_2)),
            Entity(
                "e3",
                "Acme Corp",
                "organization",
                (span("Acme Corp"),),
                reference=ACME,
                candidates=(ACME, ACME_SANCTIONS),
            ),
            Entity("e4", "Lu Shai", "person", (span("Lu Shai"),), candidates=(LU_SHAYE,)),
        )
    )


def states(app: Any) -> dict[tuple[str, str], str]:
    reviewed = app.decisions.reviewed
    return {
        (e.name, f"{c.list}:{c.entry_id}:{c.name}"): reviewed.candidate_mark(e, c).state
        for e in reviewed.analysis.entities
        for c in e.candidates
    }


def to_decide(app: Any) -> str:
    return str(app.reader.query_one("#counts").render())


EXACT = {
    ("Ann Lee", "bundled::Ann Lee"),
    ("Acme Corp", "bundled:1:Acme Corp"),
    ("Acme Corp", "sanctions:S9:Acme Corp"),
}


async def test_E_accepts_every_exact_match_as_one_decision_and_u_takes_them_all_back(
    started, make_app
) -> None:
    doc = from_text(TEXT, source="exact.txt")
    app = make_app(doc, analysis())
    async with started(app, size=SIZE) as pilot:
        before = states(app)
        assert set(before.values()) <= {OPEN, MATCHED}
        assert "7 to decide" in to_decide(app)

        await pilot.press("E")
        after = states(app)
        assert {k for k, state in after.items() if state == ACCEPTED} == EXACT
        assert {k: s for k, s in after.items() if k not in EXACT} == {
            k: s for k, s in before.items() if k not in EXACT
        }
        assert "4 to decide" in to_decide(app)  # Ann Leigh, the two Bob Stones, Lu Shaye
        assert status(app) == "accepted 3 exact matches (Ann Lee, Acme Corp, Acme Corp) · u undoes"
        assert row(app.reader.panes.xref, "c:e1:0").prompt.plain.startswith("✔ ")
        assert stored(doc, analysis()) == ["accepted 3 exact matches (Ann Lee, Acme Corp, Acme Corp)"]

        await pilot.press("E")  # nothing exact is left
        assert status(app) == "no exact match is left to accept"

        await pilot.press("u")  # one undo: all three
        assert states(app) == before
        assert "7 to decide" in to_decide(app)
        assert status(app).startswith("undone: accepted 3 exact matches")
    assert stored(doc, analysis()) == []


async def test_the_exact_matches_export_as_accepted_one_by_one(started, make_app) -> None:
    doc = from_text(TEXT, source="exact.txt")
    app = make_app(doc, analysis())
    async with started(app, size=SIZE) as pilot:
        await pilot.press("E")
    review = ArticleReview.open(doc, analysis())
    try:
        document = formats.to_json(doc, review.reviewed)
    finally:
        review.close()
    accepted = {
        (c["entity"], c["list"], c["name"])
        for c in document["review"]["candidates"]
        if c["state"] == ACCEPTED
    }
    assert accepted == {
        ("e1", "bundled", "Ann Lee"),
        ("e3", "bundled", "Acme Corp"),
        ("e3", "sanctions", "Acme Corp"),
    }
    (decided,) = document["review"]["decisions"]
    assert decided["kind"] == "exact"

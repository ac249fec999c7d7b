"""Any sequence of decisions, undone one by one, leads back to the plain analysis; and what
a running session shows always equals what a fresh one reads from the store."""

from __future__ import annotations

from collections.abc import Callable

from hypothesis import given, settings
from hypothesis import strategies as st
from review_support import LU_SHA, LU_SHAYE, TEXT, ZELENSKY, find, make_analysis

from newsreader import article
from newsreader.review import ArticleReview, DecisionError, Store
from newsreader.review.overlay import overlay

Action = Callable[[ArticleReview], object]

ACTIONS: list[Action] = [
    lambda r: r.accept("e1", LU_SHAYE),
    lambda r: r.reject("e1", LU_SHAYE),
    lambda r: r.unsure("e1", LU_SHA),
    lambda r: r.reject("e2", ZELENSKY),
    lambda r: r.set_type("e4", "organization"),
    lambda r: r.set_type("e4", "place"),
    lambda r: r.merge("e1", "e4"),
    lambda r: r.keep_apart("e1", "e4"),
    lambda r: r.split_mention(find(TEXT, "Shai", 2)),
    lambda r: r.set_speaker(r.reviewed.analysis.quotes[1], "e1"),
    lambda r: r.set_speaker(r.reviewed.analysis.quotes[0], None),
    lambda r: r.note("a note", on=find(TEXT, "Kyiv")),
    lambda r: r.note("on the article"),
    lambda r: r.set_status("flagged"),
]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(range(len(ACTIONS))), max_size=12))
def test_undoing_everything_returns_to_the_plain_analysis(picks: list[int]) -> None:
    doc = article.from_text(TEXT, "story.txt")
    analysis = make_analysis()
    store = Store.in_memory()
    review = ArticleReview(store, doc, analysis)
    for i in picks:
        try:
            ACTIONS[i](review)
        except DecisionError:
            continue  # e.g. the entity was merged away: the reader would say so
        fresh = ArticleReview(store, doc, analysis).reviewed
        assert fresh.analysis == review.reviewed.analysis
        assert fresh.candidate_marks == review.reviewed.candidate_marks
    undone = 0
    while review.undo() is not None:
        undone += 1
        assert undone <= len(picks), "undo goes on past the decisions made"
    assert review.reviewed.decisions == ()
    assert review.reviewed.analysis == overlay(doc.text, analysis, []).analysis
    assert review.status == "new"
    store.close()

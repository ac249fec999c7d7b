"""`ReviewDecisions`: the reader's requests (pane rows, review keys) turned into review calls."""

from __future__ import annotations

import pytest

from newsreader.analysis.model import Analysis, Entity, Match, MergeSuggestion, Quote
from newsreader.article import from_text
from newsreader.review import ArticleReview, DecisionError, Store, describe
from newsreader.review.decisions import (
    EntityRef,
    MentionRef,
    MergeDecision,
    NoteDecision,
    QuoteRef,
    SpeakerDecision,
    SplitDecision,
    StatusDecision,
    TypeDecision,
)
from newsreader.review.vocabulary import ACCEPT, MERGE, REJECT, UNSURE_VERDICT
from newsreader.ui.decisions import Decision, ReviewDecisions, Subject

TEXT = "Lu Shai met Ann Lee. “We talk,” Ann Lee said. Lu Shai left."
LU = ((0, 7), (47, 54))
ANN = ((12, 19), (32, 39))
BUNDLED = Match("Lu Shaye", 85.0, "bundled", "same", "one letter")
MINE = Match("Lu Shaye", 70.0, "my list", "maybe", "one letter")
QUOTE = Quote(21, 31, None, None, "none", "statement")


@pytest.fixture
def log() -> ReviewDecisions:
    analysis = Analysis(
        entities=(
            Entity("e1", "Lu Shai", "person", LU, candidates=(BUNDLED, MINE)),
            Entity("e2", "Ann Lee", "person", ANN),
        ),
        quotes=(QUOTE,),
        merges=(MergeSuggestion("e1", "e2", 60.0, "unlikely"),),
    )
    return ReviewDecisions(ArticleReview.open(from_text(TEXT), analysis, store=Store.in_memory()))


def states(log: ReviewDecisions) -> list[str]:
    reviewed = log.reviewed
    lu = reviewed.analysis.entity("e1")
    return [reviewed.candidate_mark(lu, c).state for c in lu.candidates]


def test_a_row_decision_finds_its_candidate_by_name_and_list(log: ReviewDecisions) -> None:
    recorded = log.record(Decision(Subject("e1", "Lu Shaye", list="my list"), ACCEPT))
    assert describe(recorded.decision) == "accepted Lu Shaye (my list) for Lu Shai"
    assert states(log)[1] == "accepted" and states(log)[0] != "accepted"
    log.undo()
    log.record(Decision(Subject("e1", "Lu Shaye", list="bundled"), UNSURE_VERDICT))
    assert states(log) == ["unsure", "open"]


def test_requests_that_make_no_sense_raise_the_reviews_error(log: ReviewDecisions) -> None:
    with pytest.raises(DecisionError, match="no candidate"):
        log.record(Decision(Subject("e1", "Lu Sha"), ACCEPT))
    with pytest.raises(DecisionError, match="no entity"):
        log.record(Decision(Subject("e9", "Lu Shaye"), ACCEPT))
    with pytest.raises(DecisionError, match="merge suggestion"):
        log.record(Decision(Subject("e1", "e2", MERGE), UNSURE_VERDICT))
    assert log.undo() is None  # nothing was recorded


def test_a_rejected_merge_suggestion_keeps_the_two_apart(log: ReviewDecisions) -> None:
    recorded = log.record(Decision(Subject("e1", "e2", MERGE), REJECT))
    assert describe(recorded.decision).startswith("kept ")
    assert len(log.reviewed.analysis.entities) == 2


def test_an_accepted_merge_suggestion_merges(log: ReviewDecisions) -> None:
    log.record(Decision(Subject("e1", "e2", MERGE), ACCEPT))
    assert [e.id for e in log.reviewed.analysis.entities] == ["e1"]


def test_each_change_reaches_the_review_and_undo_takes_the_latest_back(log: ReviewDecisions) -> None:
    ann = EntityRef("Ann Lee", ANN)
    changes = [
        TypeDecision(ann, "organization"),
        SpeakerDecision(QuoteRef(QUOTE.start, QUOTE.end), ann),
        NoteDecision(QuoteRef(QUOTE.start, QUOTE.end), "who is we?"),
        NoteDecision(MentionRef.at(TEXT, LU[1]), "same man?"),
        NoteDecision(None, "check later"),
        SplitDecision(MentionRef.at(TEXT, LU[1])),
        MergeDecision(ann, EntityRef("Lu Shai", LU[:1])),  # what is left of Lu Shai after the split
        StatusDecision("flagged"),
    ]
    said = [describe(log.change(change).decision) for change in changes]
    assert said[1] == "set the speaker of the quote at 21–31 to Ann Lee"
    assert said[2] == "noted on the quote at 21–31: who is we?"
    reviewed = log.reviewed
    assert reviewed.note_for(reviewed.analysis.quotes[0]) == "who is we?"
    assert reviewed.note_for(LU[1]) == "same man?"
    assert reviewed.note_for(None) == "check later"
    assert reviewed.status == "flagged"
    undone = [describe(log.undo().decision) for _ in changes]
    assert undone == said[::-1]
    assert log.reviewed.status == "new"

"""Each decision kind through `ArticleReview`, as the reader's keys will make them."""

from __future__ import annotations

from pathlib import Path

import pytest
from review_support import KYIV, LU_SHA, LU_SHAYE, ZELENSKY, find

from newsreader.analysis.model import Analysis
from newsreader.article import Article
from newsreader.review import ArticleReview, DecisionError, describe
from newsreader.review.store import Store
from newsreader.review.vocabulary import ACCEPTED, DECIDED, MATCHED, NONE, OPEN, REJECTED, UNSURE


@pytest.fixture
def review(doc: Article, analysis: Analysis, store: Store) -> ArticleReview:
    return ArticleReview(store, doc, analysis)


def test_accept_sets_the_reference_and_marks_the_row(review: ArticleReview) -> None:
    rec = review.accept("e1", LU_SHAYE)
    assert describe(rec.decision) == "accepted Lu Shaye (bundled) for Lu Shai"
    r = review.reviewed
    lu = r.analysis.entity("e1")
    assert lu is not None and lu.reference == LU_SHAYE
    assert r.candidate_mark("e1", LU_SHAYE).state == ACCEPTED
    assert r.candidate_mark("e1", LU_SHA).state == OPEN
    assert r.entity_mark("e1").state == OPEN  # Lu Sha is still to decide


def test_reject_keeps_the_row_visible_as_rejected(review: ArticleReview) -> None:
    review.reject("e1", LU_SHA)
    r = review.reviewed
    lu = r.analysis.entity("e1")
    assert lu is not None and LU_SHA in lu.candidates
    assert r.candidate_mark("e1", LU_SHA).state == REJECTED


def test_rejecting_the_analysis_reference_clears_it(review: ArticleReview) -> None:
    review.reject("e3", KYIV)
    kyiv = review.reviewed.analysis.entity("e3")
    assert kyiv is not None and kyiv.reference is None
    assert review.reviewed.candidate_mark("e3", KYIV).state == REJECTED


def test_unsure_is_decided_but_changes_nothing_else(review: ArticleReview) -> None:
    review.unsure("e1", LU_SHAYE)
    review.unsure("e1", LU_SHA)
    r = review.reviewed
    assert r.candidate_mark("e1", LU_SHAYE).state == UNSURE
    assert r.entity_mark("e1").state == DECIDED
    lu = r.analysis.entity("e1")
    assert lu is not None and lu.reference is None


def test_set_type(review: ArticleReview) -> None:
    review.set_type("e4", "organization")
    reuters = review.reviewed.analysis.entity("e4")
    assert reuters is not None and reuters.type == "organization"
    assert "typed as organization" in review.reviewed.entity_mark("e4").why


def test_merge_moves_mentions_and_quote_speakers(review: ArticleReview, analysis: Analysis) -> None:
    review.merge("e1", "e2")
    r = review.reviewed
    assert r.analysis.entity("e2") is None
    lu = r.analysis.entity("e1")
    assert lu is not None and len(lu.mentions) == 6 and ZELENSKY in lu.candidates
    assert r.analysis.quotes[0].speaker == "e1"
    assert all("e2" not in (m.a, m.b) for m in r.analysis.merges)


def test_keeping_two_entities_apart_withdraws_their_merge_suggestion(
    review: ArticleReview, store: Store, doc: Article, analysis: Analysis
) -> None:
    assert [(m.a, m.b) for m in review.reviewed.analysis.merges] == [("e1", "e4")]
    rec = review.keep_apart("e4", "e1")
    assert describe(rec.decision) == "kept Reuters and Lu Shai apart"
    assert review.reviewed.analysis.merges == ()
    assert [e.id for e in review.reviewed.analysis.entities] == ["e1", "e2", "e3", "e4"]
    # kept: a fresh review of the same article (the reader restarted) has no suggestion
    assert ArticleReview(store, doc, analysis).reviewed.analysis.merges == ()
    review.undo()
    assert [(m.a, m.b) for m in review.reviewed.analysis.merges] == [("e1", "e4")]


def test_an_entity_cannot_be_kept_apart_from_itself(review: ArticleReview) -> None:
    with pytest.raises(DecisionError, match="itself"):
        review.keep_apart("e1", "e1")


def test_split_makes_a_mention_its_own_entity(review: ArticleReview, doc: Article) -> None:
    shai = find(doc.text, "Shai", 2)
    review.split_mention(shai, type="place")
    r = review.reviewed
    lu = r.analysis.entity("e1")
    assert lu is not None and shai not in lu.mentions
    new = [e for e in r.analysis.entities if e.mentions == (shai,)]
    assert len(new) == 1 and new[0].name == "Shai" and new[0].type == "place"
    assert r.entity_mark(new[0]).state == DECIDED


def test_split_of_something_that_is_no_mention_is_refused(review: ArticleReview) -> None:
    with pytest.raises(DecisionError):
        review.split_mention((0, 5))


def test_set_and_clear_a_speaker(review: ArticleReview) -> None:
    q1, q2 = review.reviewed.analysis.quotes
    review.set_speaker(q2, "e1")
    got = review.reviewed.analysis.quotes[1]
    assert got.speaker == "e1" and got.rule == "reviewer"
    assert got.speaker_span == find(review.article.text, "Lu Shai", 1)  # the nearest mention
    assert review.reviewed.quote_mark(got).state == DECIDED
    review.set_speaker(q1, None)
    assert review.reviewed.analysis.quotes[0].speaker is None
    assert review.reviewed.quote_mark(review.reviewed.analysis.quotes[0]).decided


def test_notes_on_a_mention_a_quote_and_the_article(review: ArticleReview) -> None:
    lu = find(review.article.text, "Lu Shai")
    quote = review.reviewed.analysis.quotes[0]
    review.note("spelled Lu Shaye by the embassy", on=lu)
    review.note("check the recording", on=quote)
    review.note("second source\x1b[31m needed\x07")
    r = review.reviewed
    assert r.note_for(lu) == "spelled Lu Shaye by the embassy"
    assert r.note_for(quote) == "check the recording"
    assert r.note_for(None) == "second source needed"  # escapes never reach the store
    review.note("", on=lu)
    assert review.reviewed.note_for(lu) == ""


def test_status(review: ArticleReview) -> None:
    assert review.status == "new"
    review.note("first look")
    assert review.status == "in review"
    for status in ("reviewed", "flagged", "new"):
        review.set_status(status)
        assert review.status == status
    with pytest.raises(DecisionError, match="unknown status"):
        review.set_status("done")


def test_bad_requests_are_one_line_errors(review: ArticleReview) -> None:
    with pytest.raises(DecisionError, match="no entity"):
        review.accept("e99", LU_SHAYE)
    with pytest.raises(DecisionError, match="not an entity type"):
        review.set_type("e1", "Not A Type")
    with pytest.raises(DecisionError, match="itself"):
        review.merge("e1", "e1")


def test_undo_is_a_stack_several_deep(review: ArticleReview) -> None:
    review.accept("e1", LU_SHAYE)
    review.set_type("e4", "organization")
    review.set_status("flagged")
    assert review.undo() is not None and review.status == "in review"
    undone = review.undo()
    assert undone is not None and describe(undone.decision) == "typed Reuters as organization"
    reuters = review.reviewed.analysis.entity("e4")
    assert reuters is not None and reuters.type == "person"
    review.undo()
    lu = review.reviewed.analysis.entity("e1")
    assert lu is not None and lu.reference is None
    assert review.undo() is None


def test_undo_restores_the_previous_decision_on_the_same_row(review: ArticleReview) -> None:
    review.accept("e1", LU_SHAYE)
    review.reject("e1", LU_SHAYE)
    review.undo()
    assert review.reviewed.candidate_mark("e1", LU_SHAYE).state == ACCEPTED


def test_pressing_a_key_twice_stacks_one_decision(review: ArticleReview) -> None:
    review.accept("e1", LU_SHAYE)
    review.accept("e1", LU_SHAYE)
    review.undo()
    assert review.reviewed.candidate_mark("e1", LU_SHAYE).state == OPEN


def test_undo_works_across_a_restart(doc: Article, analysis: Analysis, store_file: Path) -> None:
    first = ArticleReview.open(doc, analysis, store=store_file)
    first.accept("e1", LU_SHAYE)
    first.set_type("e4", "organization")
    first.close()
    second = ArticleReview.open(doc, analysis, store=store_file)
    assert second.reviewed.candidate_mark("e1", LU_SHAYE).state == ACCEPTED
    second.undo()
    second.undo()
    second.close()
    third = ArticleReview.open(doc, analysis, store=store_file)
    assert third.reviewed.decisions == ()
    third.close()


def test_a_renamed_file_keeps_its_decisions(doc: Article, analysis: Analysis, store: Store) -> None:
    ArticleReview(store, doc, analysis).accept("e1", LU_SHAYE)
    moved = Article(**{**doc.__dict__, "source": "elsewhere/renamed.txt"})
    again = ArticleReview(store, moved, analysis)
    assert again.reviewed.candidate_mark("e1", LU_SHAYE).state == ACCEPTED
    assert again.row.path == "elsewhere/renamed.txt"


def test_the_default_store_comes_from_the_environment(
    doc: Article, analysis: Analysis, tmp_path: Path
) -> None:
    review = ArticleReview.open(doc, analysis)
    assert review.store_path == tmp_path / "env-store.sqlite3"
    review.close()


def test_next_undecided_walks_candidates_merges_and_speakerless_quotes(review: ArticleReview) -> None:
    first = review.next_undecided()
    assert first is not None and first.kind == "candidate" and first.entity_id == "e1"
    assert first.candidate == LU_SHAYE
    review.accept("e1", LU_SHAYE)
    review.reject("e1", LU_SHA)
    nxt = review.next_undecided(after=first.offset)
    assert nxt is not None and nxt.kind == "speaker"
    assert nxt.quote == review.reviewed.analysis.quotes[1]
    review.set_speaker(nxt.quote, "e1")
    left = review.next_undecided(after=nxt.offset)  # round again: the merge suggestion
    assert left is not None and left.kind == "merge" and {left.entity_id, left.other_entity} == {"e1", "e4"}
    review.keep_apart("e1", "e4")
    assert review.next_undecided(after=nxt.offset) is None


def test_next_undecided_wraps_to_the_top(review: ArticleReview) -> None:
    item = review.next_undecided(after=len(review.article.text))
    assert item is not None and item.entity_id == "e1"


def test_decisions_from_another_process_are_seen(doc: Article, analysis: Analysis, store_file: Path) -> None:
    a = ArticleReview.open(doc, analysis, store=store_file)
    b = ArticleReview.open(doc, analysis, store=store_file)
    assert a.reviewed.candidate_mark("e1", LU_SHAYE).state == OPEN
    b.accept("e1", LU_SHAYE)
    assert a.reviewed.candidate_mark("e1", LU_SHAYE).state == ACCEPTED
    a.close()
    b.close()


def test_two_articles_on_one_store_both_see_another_process(
    doc: Article, analysis: Analysis, store_file: Path
) -> None:
    shared = Store.open(store_file)
    one = ArticleReview(shared, doc, analysis)
    two = ArticleReview(shared, doc, analysis)
    assert one.reviewed.candidate_mark("e1", LU_SHAYE).state == OPEN
    assert two.reviewed.candidate_mark("e1", LU_SHAYE).state == OPEN
    other = ArticleReview.open(doc, analysis, store=store_file)
    other.accept("e1", LU_SHAYE)
    assert one.reviewed.candidate_mark("e1", LU_SHAYE).state == ACCEPTED
    assert two.reviewed.candidate_mark("e1", LU_SHAYE).state == ACCEPTED
    for r in (one, two, other):
        r.close()


def test_the_analysis_own_reference_needs_no_decision(review: ArticleReview) -> None:
    mark = review.reviewed.candidate_mark("e2", ZELENSKY)
    assert mark.state == MATCHED and not mark.decided
    assert review.reviewed.entity_mark("e2").state == NONE


def test_another_reader_opening_an_article_is_no_change_but_its_decision_is(
    store_file: Path, doc: Article, analysis: Analysis
) -> None:
    mine = ArticleReview.open(doc, analysis, store=store_file)
    theirs = ArticleReview.open(doc, analysis, store=store_file)
    try:
        assert mine.reviewed.status == "new"  # laid out once
        assert not mine.changed_elsewhere()
        ArticleReview.open(doc, analysis, store=store_file).close()  # a third reader opens it
        assert not mine.changed_elsewhere()
        theirs.accept("e1", LU_SHAYE)
        assert mine.changed_elsewhere()
        assert mine.reviewed.candidate_mark("e1", LU_SHAYE).state == ACCEPTED
        assert not mine.changed_elsewhere()
    finally:
        mine.close()
        theirs.close()


def test_undo_in_one_reader_leaves_another_readers_decision_standing(
    store_file: Path, doc: Article, analysis: Analysis
) -> None:
    mine = ArticleReview(Store.open(store_file, reviewer="Ann", session="ann-1"), doc, analysis)
    theirs = ArticleReview(Store.open(store_file, reviewer="Bo", session="bo-1"), doc, analysis)
    mine.accept("e1", LU_SHAYE)
    theirs.set_status("flagged")  # later, on the same article and store
    undone = mine.undo()
    assert undone is not None and "Lu Shaye" in describe(undone.decision)
    assert theirs.status == "flagged" and mine.status == "flagged"
    assert mine.reviewed.candidate_mark("e1", LU_SHAYE).state == OPEN
    mine.close()
    theirs.close()


def test_open_records_the_reviewer_given(store_file: Path, doc: Article, analysis: Analysis) -> None:
    review = ArticleReview.open(doc, analysis, store=store_file, reviewer="Ann Lee")
    rec = review.set_status("flagged")
    assert review.store.decisions(review.row.id)[-1].reviewer == "Ann Lee" and rec.id
    review.close()

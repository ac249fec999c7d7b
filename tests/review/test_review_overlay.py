"""Decisions laid over a fresh analysis: a better analysis never loses a decision."""

from __future__ import annotations

from dataclasses import replace

import pytest
from review_support import LU_SHAYE, TEXT, ZELENSKY, find, make_analysis

from newsreader.analysis.model import Analysis, Entity, Quote
from newsreader.article import Article
from newsreader.review import ArticleReview
from newsreader.review.decisions import (
    ApartDecision,
    Decision,
    EntityRef,
    MatchDecision,
    MentionRef,
    NoteDecision,
    QuoteRef,
    Recorded,
    SpeakerDecision,
    SplitDecision,
    StatusDecision,
    TypeDecision,
    decode,
    describe,
    encode,
)
from newsreader.review.overlay import overlay
from newsreader.review.store import Store
from newsreader.review.vocabulary import ACCEPTED, OPEN, REJECTED


def improved(analysis: Analysis) -> Analysis:
    """The same text analysed by a better version: new ids, new order, other mention and quote bounds."""
    renamed = {"e1": "e4", "e2": "e3", "e3": "e2", "e4": "e1"}
    entities = []
    for e in reversed(analysis.entities):
        mentions = e.mentions
        if e.name == "Volodymyr Zelensky":  # the first mention loses the given name
            mentions = (find(TEXT, "Zelensky"), *mentions[1:])
        entities.append(replace(e, id=renamed[e.id], mentions=mentions))
    quotes = tuple(replace(q, end=q.end - 1, speaker=renamed.get(q.speaker or "")) for q in analysis.quotes)
    return Analysis(entities=tuple(entities), quotes=quotes)


def test_every_decision_survives_an_improved_analysis(store: Store, doc: Article, analysis: Analysis) -> None:
    review = ArticleReview(store, doc, analysis)
    q1, q2 = analysis.quotes
    review.accept("e1", LU_SHAYE)
    review.reject("e2", ZELENSKY)
    review.set_type("e4", "organization")
    review.split_mention(find(TEXT, "Shai", 2))
    review.set_speaker(q2, "e1")
    review.note("a note", on=q1)
    review.note("on Kyiv", on=find(TEXT, "Kyiv"))
    before = review.reviewed

    review.use_analysis(improved(analysis))
    after = review.reviewed
    assert after.stale == ()
    by_name = {e.name: e for e in after.analysis.entities}
    assert by_name["Lu Shai"].id == "e4" and by_name["Lu Shai"].reference == LU_SHAYE
    assert after.candidate_mark(by_name["Lu Shai"], LU_SHAYE).state == ACCEPTED
    assert by_name["Volodymyr Zelensky"].reference is None
    assert by_name["Reuters"].type == "organization"
    assert by_name["Shai"].mentions == (find(TEXT, "Shai", 2),)
    assert after.analysis.quotes[1].speaker == "e4"
    assert after.note_for(after.analysis.quotes[0]) == "a note"
    assert after.note_for(find(TEXT, "Kyiv")) == "on Kyiv"
    assert after.status == before.status == "in review"


def test_a_decision_about_something_gone_is_kept_as_not_applied(doc: Article, analysis: Analysis) -> None:
    gone = EntityRef("Nobody Here", ((500, 510),))
    decisions = [Recorded(1, "2024-01-01T00:00:00+00:00", TypeDecision(gone, "place"))]
    r = overlay(doc.text, analysis, decisions)
    assert r.stale == tuple(decisions)
    assert r.analysis.entities == analysis.entities


def test_entities_are_found_by_name_when_mentions_moved(doc: Article, analysis: Analysis) -> None:
    ref = EntityRef("Lu Shai", ((1000, 1007),))
    r = overlay(doc.text, analysis, [Recorded(1, "2024-01-01", MatchDecision(ref, LU_SHAYE, "accept"))])
    lu = r.analysis.entity("e1")
    assert lu is not None and lu.reference == LU_SHAYE


def test_overlay_is_pure(doc: Article) -> None:
    analysis = make_analysis()
    decisions = [Recorded(1, "2024-01-01", TypeDecision(EntityRef.of(analysis.entities[0]), "group"))]
    one, two = overlay(doc.text, analysis, decisions), overlay(doc.text, analysis, decisions)
    assert one.analysis == two.analysis
    assert analysis == make_analysis()


def test_a_split_mention_that_spoke_takes_the_quote_with_it(doc: Article) -> None:
    analysis = make_analysis()
    zel = find(TEXT, "Zelensky", 1)
    split = SplitDecision(MentionRef(*zel, "Zelensky"), None)
    r = overlay(doc.text, analysis, [Recorded(1, "2024-01-01", split)])
    speaker = r.analysis.quotes[0].speaker
    assert speaker is not None and speaker != "e2"
    new = r.analysis.entity(speaker)
    assert new is not None and new.mentions == (zel,)


def test_a_reference_rejected_then_accepted_again_is_back(doc: Article, analysis: Analysis) -> None:
    ref = EntityRef.of(analysis.entities[1])
    decisions = [
        Recorded(1, "2024-01-01", MatchDecision(ref, ZELENSKY, "reject")),
        Recorded(2, "2024-01-02", MatchDecision(ref, ZELENSKY, "accept")),
    ]
    zel = overlay(doc.text, analysis, decisions).analysis.entity("e2")
    assert zel is not None and zel.reference == ZELENSKY


def test_quotes_are_found_by_overlap(doc: Article, analysis: Analysis) -> None:
    q = analysis.quotes[1]
    moved = SpeakerDecision(QuoteRef(q.start + 1, q.end - 1), EntityRef.of(analysis.entities[0]))
    r = overlay(doc.text, analysis, [Recorded(1, "2024-01-01", moved)])
    assert r.analysis.quotes[1].speaker == "e1"


DECISIONS: list[Decision] = [
    MatchDecision(EntityRef("Lu Shai", ((0, 7),)), LU_SHAYE, "accept"),
    MatchDecision(EntityRef("Lu Shai", ((0, 7),)), LU_SHAYE, "unsure"),
    TypeDecision(EntityRef("Reuters", ((3, 9),)), "organization"),
    ApartDecision(EntityRef("Lu Shai", ((0, 7),)), EntityRef("Reuters", ((3, 9),))),
    SplitDecision(MentionRef(3, 9, "abc“def"), "place"),
    SplitDecision(MentionRef(3, 9, "abcdef"), None),
    SpeakerDecision(QuoteRef(10, 20), EntityRef("X", ())),
    SpeakerDecision(QuoteRef(10, 20), None),
    NoteDecision(MentionRef(1, 2, "x"), "a [note] with\nlines"),
    NoteDecision(QuoteRef(1, 2), ""),
    NoteDecision(None, "the article"),
    StatusDecision("flagged"),
]


@pytest.mark.parametrize("decision", DECISIONS, ids=lambda d: describe(d)[:40])
def test_every_decision_kind_is_written_and_read_back(decision: Decision) -> None:
    assert decode(*encode(decision)) == decision


def test_keeping_a_apart_from_b_is_the_same_question_as_b_from_a() -> None:
    lu, reuters = EntityRef("Lu Shai", ((0, 7),)), EntityRef("Reuters", ((3, 9),))
    assert encode(ApartDecision(lu, reuters)) == encode(ApartDecision(reuters, lu))


def test_a_pair_kept_apart_and_merged_later_is_stale_not_lost(doc: Article, analysis: Analysis) -> None:
    from newsreader.review.decisions import MergeDecision

    lu, reuters = EntityRef.of(analysis.entities[0]), EntityRef.of(analysis.entities[3])
    apart = Recorded(1, "2024-01-01", ApartDecision(lu, reuters))
    merged = Recorded(2, "2024-01-02", MergeDecision(lu, reuters))
    r = overlay(doc.text, analysis, [apart, merged])
    assert r.analysis.merges == ()
    assert r.stale == (apart,)


def test_a_quote_built_by_hand_still_has_its_speaker_fields() -> None:
    q = Quote(0, 5, "e1", "said", "after", "statement")
    assert QuoteRef.of(q).span == (0, 5)


def test_merge_of_an_entity_into_one_already_gone_is_not_applied(doc: Article, analysis: Analysis) -> None:
    from newsreader.review.decisions import MergeDecision

    keep = EntityRef.of(analysis.entities[0])
    gone = EntityRef("Ghost", ((400, 405),))
    r = overlay(doc.text, analysis, [Recorded(1, "2024-01-01", MergeDecision(keep, gone))])
    assert len(r.stale) == 1 and len(r.analysis.entities) == len(analysis.entities)


def test_entities_of_the_overlay_are_ordinary_entities(doc: Article, analysis: Analysis) -> None:
    assert all(isinstance(e, Entity) for e in overlay(doc.text, analysis, []).analysis.entities)


def test_a_decision_finds_its_entry_when_the_list_renumbered_it(doc: Article, analysis: Analysis) -> None:
    old = replace(LU_SHAYE, entry_id="bundled:19")
    new = replace(LU_SHAYE, entry_id="bundled:20", score=85.0)
    fresh = replace(
        analysis, entities=(replace(analysis.entities[0], candidates=(new,)), *analysis.entities[1:])
    )
    ref = EntityRef.of(analysis.entities[0])
    r = overlay(doc.text, fresh, [Recorded(1, "2024-01-01", MatchDecision(ref, old, "accept"))])
    lu = r.analysis.entity("e1")
    assert lu is not None and lu.candidates == (new,) and lu.reference == new
    assert r.candidate_mark(lu, new).state == ACCEPTED


def test_two_entries_of_one_name_keep_their_own_decisions(doc: Article, analysis: Analysis) -> None:
    one = replace(LU_SHAYE, entry_id="os-1")
    two = replace(LU_SHAYE, entry_id="os-2")
    fresh = replace(
        analysis, entities=(replace(analysis.entities[0], candidates=(one, two)), *analysis.entities[1:])
    )
    ref = EntityRef.of(analysis.entities[0])
    r = overlay(doc.text, fresh, [Recorded(1, "2024-01-01", MatchDecision(ref, two, "reject"))])
    assert r.candidate_mark("e1", one).state == OPEN
    assert r.candidate_mark("e1", two).state == REJECTED

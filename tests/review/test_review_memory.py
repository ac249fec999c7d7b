"""Memory across articles: learned aliases, rejections never offered again, implied decisions."""

from __future__ import annotations

import pytest
from review_support import LU_SHA, LU_SHAYE, find

from newsreader import article
from newsreader.analysis.model import Analysis, Entity, Match
from newsreader.article import Article
from newsreader.review import ArticleReview
from newsreader.review.decisions import EntityRef, MatchDecision
from newsreader.review.memory import Memory, normalise
from newsreader.review.store import Store
from newsreader.review.vocabulary import LEARNED, OPEN, REJECTED, Verdict

SECOND = "Ambassador Lu Shai defended the remarks.\n\nLu Shai later spoke to reporters in Paris."


def second_article(*candidates: Match) -> tuple[Article, Analysis]:
    doc = article.from_text(SECOND, "second.txt")
    lu = Entity(
        "e1",
        "Lu Shai",
        "person",
        (find(SECOND, "Lu Shai"), find(SECOND, "Lu Shai", 1)),
        candidates=candidates,
    )
    paris = Entity("e2", "Paris", "place", (find(SECOND, "Paris"),))
    return doc, Analysis(entities=(lu, paris))


def test_an_accepted_match_is_learned_by_the_next_article(
    store: Store, doc: Article, analysis: Analysis
) -> None:
    ArticleReview(store, doc, analysis).accept("e1", LU_SHAYE)
    doc2, analysis2 = second_article(LU_SHA)  # the analysis does not even offer Lu Shaye here
    r = ArticleReview(store, doc2, analysis2).reviewed
    lu = r.analysis.entity("e1")
    assert lu is not None and lu.reference == LU_SHAYE
    mark = r.candidate_mark(lu, LU_SHAYE)
    assert mark.state == LEARNED and doc.title in mark.why
    assert LU_SHAYE in lu.candidates  # shown, so the reviewer can still reject it here
    assert r.entity_mark(lu).state == OPEN  # Lu Sha is still open


def test_a_learned_alias_is_marked_when_the_analysis_offers_it(
    store: Store, doc: Article, analysis: Analysis
) -> None:
    ArticleReview(store, doc, analysis).accept("e1", LU_SHAYE)
    doc2, analysis2 = second_article(LU_SHAYE)
    r = ArticleReview(store, doc2, analysis2).reviewed
    assert r.candidate_mark("e1", LU_SHAYE).state == LEARNED
    assert r.entity_mark("e1").state == LEARNED
    assert r.next_undecided() is None


def test_a_rejected_pair_is_never_offered_again(store: Store, doc: Article, analysis: Analysis) -> None:
    ArticleReview(store, doc, analysis).reject("e1", LU_SHA)
    doc2, analysis2 = second_article(LU_SHA, LU_SHAYE)
    r = ArticleReview(store, doc2, analysis2).reviewed
    lu = r.analysis.entity("e1")
    assert lu is not None and LU_SHA not in lu.candidates and LU_SHAYE in lu.candidates
    assert [(eid, c.name) for eid, c, _ in r.hidden] == [("e1", "Lu Sha")]
    assert "rejected in" in r.hidden[0][2]


def test_in_its_own_article_a_rejection_stays_visible(store: Store, doc: Article, analysis: Analysis) -> None:
    review = ArticleReview(store, doc, analysis)
    review.reject("e1", LU_SHA)
    assert review.reviewed.candidate_mark("e1", LU_SHA).state == REJECTED
    assert review.reviewed.hidden == ()


def test_undoing_an_accept_forgets_the_alias(store: Store, doc: Article, analysis: Analysis) -> None:
    first = ArticleReview(store, doc, analysis)
    first.accept("e1", LU_SHAYE)
    first.undo()
    doc2, analysis2 = second_article(LU_SHA)
    lu = ArticleReview(store, doc2, analysis2).reviewed.analysis.entity("e1")
    assert lu is not None and lu.reference is None and LU_SHAYE not in lu.candidates


def test_the_latest_decision_about_a_pair_wins(store: Store, doc: Article, analysis: Analysis) -> None:
    ArticleReview(store, doc, analysis).accept("e1", LU_SHAYE)
    doc2, analysis2 = second_article(LU_SHAYE)
    ArticleReview(store, doc2, analysis2).reject("e1", LU_SHAYE)
    third = article.from_text("Lu Shai again.", "third.txt")
    lu3 = Entity("e1", "Lu Shai", "person", ((0, 7),), candidates=(LU_SHAYE,))
    r = ArticleReview(store, third, Analysis(entities=(lu3,))).reviewed
    lu = r.analysis.entity("e1")
    assert lu is not None and lu.reference is None and LU_SHAYE not in lu.candidates


def test_implied_different_through_the_store(store: Store, doc: Article, analysis: Analysis) -> None:
    # A ≠ B in the first article ("Lu Shai" is not "Lu Sha"); B = C in the second
    # ("Lu Sha" is "Lu Shah"): the third never offers C for A.
    ArticleReview(store, doc, analysis).reject("e1", LU_SHA)
    text = "Lu Sha arrived."
    lu_shah = Match("Lu Shah", 88.0, "extra", "maybe", "close")
    b = Entity("e1", "Lu Sha", "person", ((0, 6),), candidates=(lu_shah,))
    ArticleReview(store, article.from_text(text, "b.txt"), Analysis(entities=(b,))).accept("e1", lu_shah)
    doc3, analysis3 = second_article(lu_shah, LU_SHAYE)
    r = ArticleReview(store, doc3, analysis3).reviewed
    lu = r.analysis.entity("e1")
    assert lu is not None and [c.name for c in lu.candidates] == ["Lu Shaye"]
    assert "implied" in r.hidden[0][2] and "Lu Shai ≠ Lu Sha" in r.hidden[0][2]


# -- the memory itself ------------------------------------------------------------


def decision(
    name: str, candidate: str, verdict: Verdict, list_: str = "bundled"
) -> tuple[MatchDecision, str]:
    return MatchDecision(
        EntityRef(name, ()), Match(candidate, 90.0, list_, "maybe", ""), verdict
    ), "an article"


def m(name: str, list_: str = "bundled") -> Match:
    return Match(name, 90.0, list_, "maybe", "")


def test_same_and_same_make_same() -> None:
    memory = Memory([decision("A B", "B C", "accept"), decision("B C", "C D", "accept")])
    judged = memory.judge("A B", m("C D"))
    assert judged is not None and judged.same and "implied" in judged.why


def test_different_and_same_make_different() -> None:
    memory = Memory([decision("A B", "B C", "reject"), decision("B C", "C D", "accept")])
    judged = memory.judge("A B", m("C D"))
    assert judged is not None and not judged.same and "A B ≠ B C" in judged.why
    assert memory.judge("E F", m("C D")) is None


def test_a_direct_decision_beats_what_is_implied() -> None:
    memory = Memory(
        [decision("A", "B", "accept"), decision("B", "C", "accept"), decision("A", "C", "reject")]
    )
    judged = memory.judge("A", m("C"))
    assert judged is not None and not judged.same
    assert memory.judge("A", m("Z")) is None
    # the class now holds a contradiction, so nothing more is implied inside it
    assert memory.judge("B", m("A")) is None
    direct = memory.judge("A", m("B"))
    assert direct is not None and direct.same


def test_unsure_teaches_nothing() -> None:
    assert Memory([decision("A", "B", "unsure")]).judge("A", m("B")) is None


def test_decisions_about_identical_names_stay_in_their_article() -> None:
    memory = Memory(
        [
            decision("John Smith", "John Smith", "reject", "sanctions"),
            decision("Jane Doe", "Jane Doe", "accept"),
        ]
    )
    assert memory.judge("John Smith", m("John Smith", "sanctions")) is None
    assert memory.alias("Jane Doe") is None


def test_alias_finds_the_newest_accepted_reference() -> None:
    memory = Memory([decision("Lu Shai", "Lu Shaye", "accept")])
    found = memory.alias("LU SHAI")
    assert found is not None and found[0].name == "Lu Shaye"
    assert memory.alias("Someone Else") is None


@pytest.mark.parametrize("variant", ["lu shai", "LU  SHAI", "Lú Shai", "Lu-Shai", " Lu Shai "])
def test_names_are_compared_without_case_accents_or_punctuation(variant: str) -> None:
    assert normalise(variant) == normalise("Lu Shai")


def test_a_pair_kept_apart_is_not_suggested_again_in_the_next_article(
    store: Store, doc: Article, analysis: Analysis
) -> None:
    from newsreader.analysis.model import MergeSuggestion

    first = ArticleReview(store, doc, analysis)
    first.keep_apart("e1", "e4")  # Lu Shai and Reuters, suggested as one in review_support
    text = "Lu Shai spoke. Reuters reported it.\n"
    doc2 = article.from_text(text, "third.txt")
    lu = Entity("e1", "Lu Shai", "person", (find(text, "Lu Shai"),))
    reuters = Entity("e2", "Reuters", "organization", (find(text, "Reuters"),))
    analysis2 = Analysis(entities=(lu, reuters), merges=(MergeSuggestion("e1", "e2", 60.0, "test"),))
    assert ArticleReview(store, doc2, analysis2).reviewed.analysis.merges == ()
    first.undo()  # withdrawn there, offered here again
    assert len(ArticleReview(store, doc2, analysis2).reviewed.analysis.merges) == 1


def test_two_entities_of_one_name_kept_apart_teach_nothing_elsewhere() -> None:
    from newsreader.review.decisions import ApartDecision

    smith = EntityRef("John Smith", ((0, 10),))
    other = EntityRef("John Smith", ((50, 60),))
    memory = Memory(apart=[(ApartDecision(smith, other), "an article")])
    assert memory.kept_apart("John Smith", "John Smith") is None
    kept = Memory(apart=[(ApartDecision(smith, EntityRef("Reuters", ((70, 77),))), "an article")])
    assert kept.kept_apart("reuters", "JOHN SMITH") == "an article"

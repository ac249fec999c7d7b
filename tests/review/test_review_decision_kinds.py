"""The table of decision kinds: each kind reads the rows earlier versions wrote, byte for byte.

The rows below are written out literally as a store of the version before the kinds became
classes holds them; decoding and encoding again must give the same decision and the
same bytes, or a store written before would change meaning (or stop loading).
"""

from __future__ import annotations

import pytest
from review_support import LU_SHAYE, TEXT, find

from newsreader.analysis.model import Analysis, Match
from newsreader.article import Article
from newsreader.review import ArticleReview
from newsreader.review.decisions import (
    BY_KIND,
    ApartDecision,
    Decision,
    DecisionError,
    EntityRef,
    ExactMatchesDecision,
    MatchDecision,
    MentionRef,
    MergeDecision,
    NoteDecision,
    QuoteRef,
    SpeakerDecision,
    SplitDecision,
    StatusDecision,
    TypeDecision,
    decode,
    encode,
    teaching_kinds,
)
from newsreader.review.store import Store
from newsreader.review.vocabulary import ACCEPTED

LU = EntityRef("Lu Shai", ((0, 7),))
REUTERS = EntityRef("Reuters", ((3, 9),))
MATCH_TARGET = (
    '{"candidate":{"entry_id":"","list":"bundled","name":"Lu Shaye"},'
    '"entity":{"mentions":[[0,7]],"name":"Lu Shai"}}'
)
MATCH_VALUE = (
    '{"match":{"description":"","entry_id":"","list":"bundled","name":"Lu Shaye","score":91.0,"source":"",'
    '"type":"person","verdict":"maybe","why":"one letter apart"},"verdict":"accept"}'
)

OLD_ROWS: list[tuple[tuple[str, str, str], Decision]] = [
    (("match", MATCH_TARGET, MATCH_VALUE), MatchDecision(LU, LU_SHAYE, "accept")),
    (
        ("type", '{"entity":{"mentions":[[3,9]],"name":"Reuters"}}', '{"type":"organization"}'),
        TypeDecision(REUTERS, "organization"),
    ),
    (
        (
            "apart",
            '{"apart":[{"mentions":[[0,7]],"name":"Lu Shai"},{"mentions":[[3,9]],"name":"Reuters"}]}',
            "{}",
        ),
        ApartDecision(LU, REUTERS),
    ),
    (
        (
            "merge",
            '{"keep":{"mentions":[[0,7]],"name":"Lu Shai"},"other":{"mentions":[[3,9]],"name":"Reuters"}}',
            "{}",
        ),
        MergeDecision(LU, REUTERS),
    ),
    (
        ("split", '{"mention":{"end":9,"start":3,"text":"abc“def"}}', '{"type":"place"}'),
        SplitDecision(MentionRef(3, 9, "abc“def"), "place"),
    ),
    (
        ("split", '{"mention":{"end":9,"start":3,"text":"abcdef"}}', '{"type":null}'),
        SplitDecision(MentionRef(3, 9, "abcdef")),
    ),
    (
        ("speaker", '{"quote":{"end":20,"start":10}}', '{"speaker":{"mentions":[],"name":"X"}}'),
        SpeakerDecision(QuoteRef(10, 20), EntityRef("X", ())),
    ),
    (
        ("speaker", '{"quote":{"end":20,"start":10}}', '{"speaker":null}'),
        SpeakerDecision(QuoteRef(10, 20), None),
    ),
    (
        ("note", '{"on":{"mention":{"end":2,"start":1,"text":"x"}}}', '{"text":"a [note] with\\nlines"}'),
        NoteDecision(MentionRef(1, 2, "x"), "a [note] with\nlines"),
    ),
    (("note", '{"on":{"quote":{"end":2,"start":1}}}', '{"text":""}'), NoteDecision(QuoteRef(1, 2), "")),
    (("note", '{"on":null}', '{"text":"the article"}'), NoteDecision(None, "the article")),
    (("status", "{}", '{"status":"flagged"}'), StatusDecision("flagged")),
]


@pytest.mark.parametrize(("row", "decision"), OLD_ROWS, ids=lambda x: x[0] if isinstance(x, tuple) else "")
def test_a_row_an_earlier_version_wrote_reads_as_the_same_decision_and_writes_the_same_bytes(
    row: tuple[str, str, str], decision: Decision
) -> None:
    assert decode(*row) == decision
    assert encode(decision) == row


def test_every_kind_before_the_table_is_still_named_as_it_was() -> None:
    kinds = {kind for (kind, _, _), _ in OLD_ROWS}
    assert kinds <= set(BY_KIND)
    assert set(teaching_kinds()) == {"match", "apart", "exact"}


def test_a_newer_match_with_fields_this_version_does_not_know_still_reads() -> None:
    newer = MATCH_VALUE.replace('"why":', '"confidence":0.9,"why":')
    assert decode("match", MATCH_TARGET, newer) == MatchDecision(LU, LU_SHAYE, "accept")


@pytest.mark.parametrize(
    "row",
    [
        ("match", MATCH_TARGET, MATCH_VALUE.replace('"verdict":"accept"', '"verdict":"maybe"')),
        ("exact", '{"exact":[]}', '{"matches":[{}]}'),  # a match for no entity
        ("verdict", "{}", "{}"),  # a kind from a later version
        ("type", "not json", "{}"),
    ],
)
def test_a_row_this_version_cannot_read_is_one_decision_error(row: tuple[str, str, str]) -> None:
    with pytest.raises(DecisionError):
        decode(*row)


def test_an_old_row_in_a_store_is_laid_over_the_analysis(
    store: Store, doc: Article, analysis: Analysis
) -> None:
    """A match decision stored as the earlier version wrote it (not through `record`)."""
    lu = analysis.entities[0]
    ref = EntityRef.of(lu)
    target = MATCH_TARGET.replace(
        '"mentions":[[0,7]]', '"mentions":' + str([list(m) for m in ref.mentions]).replace(" ", "")
    )
    row = store.article(ArticleReview(store, doc, analysis).row.text_hash, doc.source, doc.title)
    store.record(row.id, "match", target, MATCH_VALUE)
    reviewed = ArticleReview(store, doc, analysis).reviewed
    assert reviewed.candidate_mark(lu, LU_SHAYE).state == ACCEPTED
    assert reviewed.analysis.entity(lu.id).reference == LU_SHAYE


def test_the_exact_matches_are_written_and_read_back_as_one_decision() -> None:
    other = Match("Kyiv", 100.0, "bundled", "same", "exact", type="place", entry_id="7")
    decision = ExactMatchesDecision(((LU, LU_SHAYE), (EntityRef("Kyiv", (find(TEXT, "Kyiv"),)), other)))
    assert decode(*encode(decision)) == decision
    assert encode(decision)[0] == "exact"

"""The in-memory decision log the review store will replace."""

from __future__ import annotations

from newsreader.ui.decisions import ACCEPT, MERGE, REJECT, Decision, MemoryDecisions, Subject

LU = Subject("e18", "Lu Shaye")


def test_the_latest_verdict_counts_and_undo_restores_the_one_before() -> None:
    log = MemoryDecisions()
    assert log.verdict(LU) is None
    log.record(Decision(LU, ACCEPT))
    log.record(Decision(LU, REJECT))
    assert log.verdict(LU) == REJECT
    assert log.undo() == Decision(LU, REJECT)
    assert log.verdict(LU) == ACCEPT
    assert log.undo() == Decision(LU, ACCEPT)
    assert log.verdict(LU) is None
    assert log.undo() is None


def test_a_merge_and_a_match_of_the_same_names_are_different_subjects() -> None:
    log = MemoryDecisions()
    log.record(Decision(Subject("e1", "e2", MERGE), ACCEPT))
    assert log.verdict(Subject("e1", "e2")) is None

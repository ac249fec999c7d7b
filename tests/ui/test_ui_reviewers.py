"""How several reviewers' verdicts on one candidate are said in the detail view and status."""

from __future__ import annotations

from newsreader.analysis.model import Match
from newsreader.review.overlay import Mark
from newsreader.ui.detail import candidate_block, votes_said


def test_reviewers_who_differ_are_named_with_their_verdicts() -> None:
    mark = Mark("rejected", "rejected by ben", by="ben", votes=(("ana", "accept"), ("ben", "reject")))
    assert votes_said(mark) == "✔ ana · ✘ ben (they differ)"


def test_a_settled_candidate_names_its_curator_and_one_reviewer_alone_says_nothing() -> None:
    settled = Mark("accepted", by="cat", votes=(("ana", "accept"), ("ben", "unsure")), settled_by="cat")
    assert votes_said(settled) == "✔ ana · ? ben (settled by cat)"
    assert votes_said(Mark("accepted", by="ana", votes=(("ana", "accept"),))) == ""


def test_the_detail_block_has_a_reviewers_line_only_when_there_is_something_to_say() -> None:
    match = Match("Lu Shaye", 91.0, "bundled", "maybe", "one letter apart")
    disputed = Mark("rejected", by="ben", votes=(("ana", "accept"), ("ben", "reject")))
    labels = [line.label for line in candidate_block(match, disputed) if line is not None]
    assert "reviewers" in labels
    alone = Mark("accepted", by="ana", votes=(("ana", "accept"),))
    assert "reviewers" not in [line.label for line in candidate_block(match, alone) if line is not None]

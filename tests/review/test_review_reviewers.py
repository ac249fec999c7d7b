"""Several reviewers on one store: who decided what, where they differ, a curator settling
it, and how far they agree (raw agreement, Cohen's kappa) in exports and `newsreader agreement`."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from review_support import LU_SHA, LU_SHAYE, TEXT

from newsreader.analysis.model import Analysis
from newsreader.article import Article
from newsreader.review import export as formats
from newsreader.review.agreement import cohen_kappa, pairwise
from newsreader.review.session import ArticleReview
from newsreader.review.store import Store


def reviewer(store_file: Path, doc: Article, analysis: Analysis, name: str, **kw: bool) -> ArticleReview:
    return ArticleReview(Store.open(store_file, reviewer=name, session=name), doc, analysis, **kw)


def test_every_decision_note_and_status_records_its_reviewer(
    store_file: Path, doc: Article, analysis: Analysis
) -> None:
    ana, ben = (reviewer(store_file, doc, analysis, n) for n in ("ana", "ben"))
    ana.accept("e1", LU_SHAYE)
    ben.note("check the spelling", on=analysis.quotes[0])
    ben.note("from the readout")
    ana.set_status("flagged")
    who = {(type(r.decision).__name__, r.reviewer) for r in ana.reviewed.decisions}
    assert who == {("MatchDecision", "ana"), ("NoteDecision", "ben"), ("StatusDecision", "ana")}
    assert {r.reviewer for r in ana.store.decisions(ana.row.id)} == {"ana", "ben"}
    ana.close()
    ben.close()


def test_reviewers_who_differ_are_shown_and_a_curator_settles_it(
    store_file: Path, doc: Article, analysis: Analysis
) -> None:
    ana, ben, cat = (reviewer(store_file, doc, analysis, n) for n in ("ana", "ben", "cat"))
    ana.accept("e1", LU_SHAYE)
    ben.reject("e1", LU_SHAYE)
    ana.reject("e1", LU_SHA)
    ben.reject("e1", LU_SHA)  # the same verdict: no disagreement
    mark = ana.reviewed.candidate_mark("e1", LU_SHAYE)
    assert mark.votes == (("ana", "accept"), ("ben", "reject")) and mark.disputed
    assert not ana.reviewed.candidate_mark("e1", LU_SHA).disputed
    assert [(e.id, c.name) for e, c, _ in ana.reviewed.disagreements()] == [("e1", "Lu Shaye")]

    cat.settle("e1", LU_SHAYE, "accept")
    ana.reject("e1", LU_SHAYE)  # ana changes her mind after the curator: a vote, not the verdict
    settled = ben.reviewed.candidate_mark("e1", LU_SHAYE)
    assert settled.state == "accepted" and settled.settled_by == "cat" and settled.by == "cat"
    assert settled.votes == (("ana", "reject"), ("ben", "reject")) and not settled.disputed
    assert ben.reviewed.disagreements() == []
    assert [r.curator for r in ben.reviewed.decisions if r.reviewer == "cat"] == [True]
    assert cat.undo() is not None  # the curator takes it back: the reviewers' word stands again
    assert ben.reviewed.candidate_mark("e1", LU_SHAYE).state == "rejected"
    for r in (ana, ben, cat):
        r.close()


def test_each_reviewers_repeat_of_anothers_verdict_is_their_own_vote(
    store_file: Path, doc: Article, analysis: Analysis
) -> None:
    ana, ben = (reviewer(store_file, doc, analysis, n) for n in ("ana", "ben"))
    ana.accept("e1", LU_SHAYE)
    ben.accept("e1", LU_SHAYE)  # the standing verdict already, yet ben's own
    assert ana.reviewed.candidate_mark("e1", LU_SHAYE).votes == (("ana", "accept"), ("ben", "accept"))
    assert len(ana.store.decisions(ana.row.id)) == 2
    ana.close()
    ben.close()


def test_exports_carry_every_reviewers_verdict_and_who_settled(
    store_file: Path, doc: Article, analysis: Analysis
) -> None:
    ana, ben, cat = (reviewer(store_file, doc, analysis, n) for n in ("ana", "ben", "cat"))
    ana.accept("e1", LU_SHAYE)
    ben.reject("e1", LU_SHAYE)
    ana.reject("e1", LU_SHA)
    ben.reject("e1", LU_SHA)
    doc_json = json.loads(json.dumps(formats.to_json(doc, ana.reviewed)))["review"]
    (disputed,) = doc_json["disagreements"]
    assert disputed["name"] == "Lu Shaye" and [v["reviewer"] for v in disputed["votes"]] == ["ana", "ben"]
    (pair,) = doc_json["agreement"]
    # two candidates both decided, one agreed; kappa: p_o = 1/2, ana gave accept and
    # reject once each, ben reject twice, so p_e = (0*2 + 1*2) / 4 = 1/2 and kappa = 0
    assert pair == {"reviewers": ["ana", "ben"], "items": 2, "agreed": 1, "raw": 0.5, "kappa": 0.0}
    assert {d["reviewer"] for d in doc_json["decisions"]} == {"ana", "ben"}

    cat.settle("e1", LU_SHAYE, "reject")
    reviewed = ana.reviewed
    doc_json = json.loads(json.dumps(formats.to_json(doc, reviewed)))["review"]
    shaye = next(c for c in doc_json["candidates"] if c["name"] == "Lu Shaye")
    assert shaye["settled_by"] == "cat" and shaye["state"] == "rejected"
    assert [(v["reviewer"], v["verdict"]) for v in shaye["votes"]] == [("ana", "accept"), ("ben", "reject")]
    assert doc_json["disagreements"] == []
    rows = list(
        csv.DictReader(io.StringIO(formats.FORMATS[2].stream([formats.csv_rows(doc, reviewed)], False)))
    )
    by_candidate = {r["reference"]: (r["state"], r["decided_by"]) for r in rows if r["record"] == "candidate"}
    assert by_candidate["Lu Shaye"] == ("rejected", "cat") and by_candidate["Lu Sha"] == ("rejected", "ben")
    cat.settle("e1", LU_SHA, "accept")
    _, ann = formats.to_brat(doc, ana.reviewed)
    assert "AnnotatorNotes T1\taccepted by cat" in ann  # Lu Shai's reference, and who settled it
    for r in (ana, ben, cat):
        r.close()


def test_cohen_kappa_on_a_case_worked_by_hand() -> None:
    # ana / ben on six candidates: accept/accept, accept/accept, reject/reject,
    # accept/reject, reject/reject, unsure/accept. Agreed 4 of 6: p_o = 24/36.
    # ana: accept 3, reject 2, unsure 1; ben: accept 3, reject 3, unsure 0.
    # p_e = (3*3 + 2*3 + 1*0) / 36 = 15/36; kappa = (24 - 15) / (36 - 15) = 9/21 = 3/7.
    pairs = [
        ("accept", "accept"),
        ("accept", "accept"),
        ("reject", "reject"),
        ("accept", "reject"),
        ("reject", "reject"),
        ("unsure", "accept"),
    ]
    assert cohen_kappa(pairs) == pytest.approx(3 / 7)
    votes = [{"ana": a, "ben": b} for a, b in pairs] + [{"ana": "accept"}]  # only ana: not counted
    (pair,) = pairwise(votes)
    assert (pair.a, pair.b, pair.items, pair.agreed) == ("ana", "ben", 6, 4)
    assert pair.raw == pytest.approx(4 / 6) and pair.kappa == pytest.approx(3 / 7)


def test_kappa_is_none_when_chance_agreement_is_certain() -> None:
    assert cohen_kappa([("accept", "accept")] * 3) is None
    assert cohen_kappa([]) is None
    assert cohen_kappa([("accept", "reject"), ("reject", "accept")]) == pytest.approx(-1.0)


def test_the_agreement_command_reports_each_article_and_the_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from newsreader import article
    from newsreader.analysis.service import Analyzer
    from newsreader.commands import agreement

    folder = tmp_path / "desk"
    folder.mkdir()
    store_file = tmp_path / "review.sqlite3"
    texts = {"one.txt": TEXT, "two.txt": TEXT.replace("Monday", "Tuesday")}
    analyzer = Analyzer.from_options()
    decided = 0
    for i, (name, text) in enumerate(texts.items()):
        (folder / name).write_text(text, encoding="utf-8")
        doc = article.load(folder / name)
        analysis = analyzer.analyze(doc)
        ana, ben = (reviewer(store_file, doc, analysis, n) for n in ("ana", "ben"))
        lu = next(e for e in ana.reviewed.analysis.entities if e.candidates)
        c = lu.candidates[0]
        ana.accept(lu, c)
        (ben.accept if i == 0 else ben.reject)(lu, c)  # agree on the first, differ on the second
        decided += 1
        ana.close()
        ben.close()
    assert agreement.run(["--store", str(store_file), str(folder)]) == 0
    out = capsys.readouterr().out
    assert "one.txt: 1 candidates decided, 0 disputed" in out
    assert "two.txt: 1 candidates decided, 1 disputed" in out
    assert out.count("  disputed: ") == 1 and "(ana accept, ben reject)" in out
    # the folder pools both: 1 of 2 agree; ana accepted both, ben one of each, so
    # p_e = (2*1 + 0*1) / 4 = 1/2 = p_o and kappa = 0
    assert f"folder {folder}: {decided} candidates decided" in out
    assert "ana · ben: 1 of 2 agree (raw 0.500), kappa 0.000" in out

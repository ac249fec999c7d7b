"""The curator view (`C`): two reviewers' decisions in one store, a curator settling one.

The reviewers' decisions are written with their own reviews (sessions of their own, as
two readers would), then a reader run as the curator opens the view, settles, and the
store read afresh says it was recorded as the curator's, over both reviewers'.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from ui_review_support import store_file
from ui_waits import pause_until

from newsreader import batch, resources
from newsreader.analysis.model import Analysis, Match
from newsreader.article import Article
from newsreader.config import Config
from newsreader.review.backends import open_store
from newsreader.review.session import ArticleReview, article_key
from newsreader.ui.curator import CuratorScreen, folder_disputes


def candidate(analysis: Analysis, name: str) -> tuple[str, Match]:
    entity = next(e for e in analysis.entities if e.name == name)
    return entity.id, entity.candidates[0]


def two_reviewers_differ(doc: Article, analysis: Analysis, store: Path) -> None:
    """ana and ben differ on Lu Shai and on Yu Jun, and agree on Xi Jinping."""
    verdicts = {"ana": ("accept", "accept", "accept"), "ben": ("reject", "unsure", "accept")}
    for who, said in verdicts.items():
        review = ArticleReview(open_store(store, reviewer=who, session=who), doc, analysis)
        for name, verdict in zip(("Lu Shai", "Yu Jun", "Xi Jinping"), said, strict=True):
            entity_id, match = candidate(analysis, name)
            getattr(review, verdict)(entity_id, match)
        review.close()


def stored_rows(store: Path) -> list[tuple[str, str, bool]]:
    log = open_store(store, read_only=True)
    try:
        found = log.find_article(article_key(resources_seed()))
        assert found is not None
        return [(r.reviewer, r.value, r.curator) for r in log.decisions(found.id) if r.kind == "match"]
    finally:
        log.close()


def resources_seed() -> Article:
    from newsreader import article

    return article.load(resources.seed_article())


async def open_curator(pilot) -> CuratorScreen:
    await pause_until(pilot, lambda: pilot.app.reader.panes_ready, "the panes")
    await pause_until(pilot, lambda: pilot.app.review is not None, "the review")
    await pilot.press("C")
    await pause_until(pilot, lambda: isinstance(pilot.app.screen, CuratorScreen), "the curator view")
    return pilot.app.screen


async def test_the_curator_lists_the_disagreements_and_settles_one(
    started, make_app, seed, frozen_analysis
) -> None:
    two_reviewers_differ(seed, frozen_analysis, store_file())
    app = make_app(seed, frozen_analysis, config=Config(reviewer="cat"))
    async with started(app, size=(100, 30)) as pilot:
        view = await open_curator(pilot)
        listed = [(d.entity.name, d.candidate.name) for d in view.disputes]
        assert listed == [("Yu Jun", "Yu Jun"), ("Lu Shai", "Lu Shaye")]  # not Xi Jinping: they agree
        first_row = view.rows.get_option_at_index(0).prompt.plain
        assert "✔ ana · ? ben (they differ)" in first_row
        await pilot.press("j", "a")  # Lu Shai's: accepted, as ana had it
        assert view.disputes[1].mark.settled_by == "cat"
        assert view.disputes[1].mark.state == "accepted"
        assert "(settled by cat)" in view.rows.get_option_at_index(1).prompt.plain
        await pilot.press("escape")
        assert app.screen is app.reader
        lu_id, lu_shaye = candidate(frozen_analysis, "Lu Shai")
        assert app.reader.reviewed.candidate_mark(lu_id, lu_shaye).settled_by == "cat"
        settled = row_lines(app.reader.panes.xref, app.reader.panes.xref.row_id_of(lu_id, lu_shaye))
        assert settled[1].startswith("accepted · settled by cat 20")  # and no longer who differs
    curators = [row for row in stored_rows(store_file()) if row[2]]
    assert [(who, json.loads(value)["verdict"]) for who, value, _ in curators] == [("cat", "accept")]
    other = ArticleReview(open_store(store_file(), reviewer="ben", session="ben-2"), seed, frozen_analysis)
    assert [e.name for e, _, _ in other.reviewed.disagreements()] == ["Yu Jun"]  # ben's reader too
    other.close()


def row_lines(pane: Any, row_id: str | None) -> list[str]:
    """A pane row's lines as shown, the indent of its second line left out."""
    row = next(r for r in pane.rows if r.id == row_id)
    return [line.strip() for line in row.prompt.plain.split("\n")]


async def test_a_row_reviewers_differ_on_says_who_said_what_where_it_is_seen(
    started, make_app, seed, frozen_analysis
) -> None:
    two_reviewers_differ(seed, frozen_analysis, store_file())
    app = make_app(seed, frozen_analysis, config=Config(reviewer="ana"))
    async with started(app, size=(80, 24)) as pilot:
        await pause_until(pilot, lambda: app.reader.panes_ready and app.review is not None, "the review")
        panes = app.reader.panes
        lu_id, lu_shaye = candidate(frozen_analysis, "Lu Shai")
        lu_row = row_lines(panes.xref, panes.xref.row_id_of(lu_id, lu_shaye))
        assert lu_row[1].startswith("✔ ana · ✘ ben · ")  # before the matcher's why, which the pane cuts
        yu_id, yu_jun = candidate(frozen_analysis, "Yu Jun")
        assert row_lines(panes.xref, panes.xref.row_id_of(yu_id, yu_jun))[1].startswith("✔ ana · ? ben")
        assert row_lines(panes.entities, lu_id)[1] == "✔ ana · ✘ ben"  # a line of its own under the name
        xi_id, xi = candidate(frozen_analysis, "Xi Jinping")  # both accepted: nothing to say
        assert "✔ ana" not in " ".join(row_lines(panes.xref, panes.xref.row_id_of(xi_id, xi)))
        assert len(row_lines(panes.entities, xi_id)) == 1


async def test_a_curator_view_with_nothing_disputed_says_so(started, make_app, seed, frozen_analysis) -> None:
    app = make_app(seed, frozen_analysis)
    async with started(app, size=(100, 30)) as pilot:
        view = await open_curator(pilot)
        assert view.disputes == []
        await pilot.press("a")  # nothing to settle: nothing recorded
        await pilot.press("escape")
    log = open_store(store_file(), read_only=True)
    assert log.decisions_of_kind("match") == []
    log.close()


def test_the_folder_view_analyses_only_articles_two_reviewers_decided(tmp_path: Path, seed_analysis) -> None:
    seed = resources_seed()
    two_reviewers_differ(seed, seed_analysis, store_file())
    other = tmp_path / "other.txt"
    other.write_text("Nobody reviewed this one. Lu Shai spoke in Paris.\n", encoding="utf-8")
    log = open_store(store_file())
    items = [(str(resources.seed_article()), article_key(seed)), (str(other), "0" * 64)]
    found = folder_disputes(log, items, batch.Options())
    assert {d.entity.name for d in found} == {"Lu Shai", "Yu Jun"}
    assert {d.review.article.title for d in found} == {seed.title}
    log.close()


def test_curator_view_80x24(snap_compare, make_app, seed, frozen_analysis) -> None:
    two_reviewers_differ(seed, frozen_analysis, store_file())
    app = make_app(seed, frozen_analysis, config=Config(reviewer="cat"))

    async def settled_one(pilot) -> None:
        await open_curator(pilot)
        pilot.app.reader.search_bar.cursor_blink = False
        await pilot.press("j", "x")

    assert snap_compare(app, terminal_size=(80, 24), run_before=settled_one)


async def test_c_in_the_article_list_settles_a_disagreement_of_the_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seed_analysis
) -> None:
    import os
    import shutil

    from newsreader import article
    from newsreader.ui.triage_app import TriageApp

    monkeypatch.setenv("NEWSREADER_CACHE", str(tmp_path / "cache"))  # the summary is put where the list looks
    folder = tmp_path / "wire"
    folder.mkdir()
    copy = folder / "seed.txt"
    shutil.copy(resources.seed_article(), copy)
    seed = article.load(copy)
    two_reviewers_differ(seed, seed_analysis, store_file())
    cache = batch.SummaryCache()
    st = os.stat(copy)
    filled = batch.Filled(0, batch.text_hash(seed), seed.title, batch.Summary(31, 23, 8, 7, 1))
    cache.put(
        batch.analysis_version(batch.Options()), filled, (os.path.abspath(copy), st.st_size, st.st_mtime_ns)
    )
    cache.close()
    app = TriageApp(
        seed,
        triage=batch.Options(),
        articles=[str(copy)],
        config=Config(reviewer="cat"),
        theme_folders=[resources.bundled_dir("themes")],
        workers=0,
    )
    async with app.run_test(size=(100, 30)) as pilot:
        listing = app.article_list
        await pause_until(pilot, lambda: listing.filled >= 1 and not listing._inbox, "the list")
        await pilot.press("C")
        await pause_until(pilot, lambda: isinstance(app.screen, CuratorScreen), "the curator view")
        view = app.screen
        await pause_until(pilot, lambda: len(view.disputes) == 2, "the folder's disagreements", seconds=120)
        assert seed.title in view.rows.get_option_at_index(0).prompt.plain  # which article each is in
        await pilot.press("x")
        assert view.disputes[0].mark.settled_by == "cat" and view.disputes[0].mark.state == "rejected"
        await pilot.press("escape")
        assert app.screen is listing
    curators = [
        (who, json.loads(value)["verdict"]) for who, value, curator in stored_rows(store_file()) if curator
    ]
    assert curators == [("cat", "reject")]

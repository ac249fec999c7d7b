"""A server already away when an article is opened: the reader spools from the start, as
when the server is lost mid-session, says so, and nothing decided meanwhile is lost or
doubled, whether the server comes back while the reader runs or only after it quit."""

from __future__ import annotations

import time

import pytest
from pg_support import Cluster, notified, server_reader, spooled, wait_for
from review_support import LU_SHA, LU_SHAYE, TEXT, make_analysis

from newsreader import article
from newsreader.analysis.model import Analysis
from newsreader.article import Article
from newsreader.review import backends
from newsreader.review.session import ArticleReview, article_key

psycopg = pytest.importorskip("psycopg", reason="the PostgreSQL driver is not installed")


def on_server(address: str) -> tuple[list[tuple[str, str]], list[tuple[int, str, str]]]:
    """The server's articles (id, text hash) and decision rows (article id, uid, reviewer),
    read past the store."""
    with psycopg.connect(address) as conn:
        articles = conn.execute("SELECT id, text_hash FROM articles ORDER BY id").fetchall()
        rows = conn.execute("SELECT article_id, uid, reviewer FROM decisions ORDER BY id").fetchall()
    return [(i, h) for i, h in articles], [(a, u, r) for a, u, r in rows]


def reviewer(address: str, name: str, session: str, doc: Article, analysis: Analysis) -> ArticleReview:
    return ArticleReview(backends.open_store(address, reviewer=name, session=session), doc, analysis)


def test_an_article_opened_while_the_server_is_away_reaches_it_once_when_it_answers(
    pg_cluster: Cluster, pg_address: str, doc: Article, analysis: Analysis
) -> None:
    backends.open_store(pg_address).close()  # a review store there, as a desk's would be
    pg_cluster.stop(hard=True)
    try:
        review = reviewer(pg_address, "ana", "ana", doc, analysis)
        trouble = review.store.trouble
        assert trouble is not None and "unreachable" in trouble
        review.accept("e1", LU_SHAYE)
        review.note("checked by phone")
        shown = review.reviewed
        assert (
            shown.candidate_mark("e1", LU_SHAYE).state == "accepted"
            and shown.note_for() == "checked by phone"
        )
    finally:
        pg_cluster.start()
    deadline = time.monotonic() + 20
    while review.store.trouble is not None:  # the reader's poll finds the server back
        assert time.monotonic() < deadline, "the server was not found again"
        review.changed_elsewhere()
        time.sleep(0.2)
    review.reject("e1", LU_SHA)  # straight to the server now, on the same article
    articles, rows = on_server(pg_address)
    assert [h for _, h in articles] == [article_key(doc)]
    assert len(rows) == 3 and len({uid for _, uid, _ in rows}) == 3
    assert {a for a, _, _ in rows} == {articles[0][0]}
    assert review.undo() is not None  # this reader's last, on the server's article
    other = reviewer(pg_address, "ben", "ben", doc, analysis)
    seen = other.reviewed
    assert seen.candidate_mark("e1", LU_SHAYE).state == "accepted" and seen.note_for() == "checked by phone"
    assert seen.candidate_mark("e1", LU_SHA).state == "open"
    other.close()
    review.close()
    assert len(on_server(pg_address)[1]) == 3


def test_a_read_only_store_on_a_server_away_is_one_line(pg_cluster: Cluster) -> None:
    from newsreader.review.decision_log import StoreError

    address = f"postgresql://newsreader:secret@/postgres?host={pg_cluster.root}&port=1"
    with pytest.raises(StoreError) as err:
        backends.open_store(address, read_only=True)  # an export: nothing to spool, nothing to show
    assert str(err.value).startswith("cannot reach the review store postgres on") and "secret" not in str(
        err.value
    )


async def test_a_reader_started_while_the_server_is_away_keeps_what_is_decided_for_the_next(
    pg_cluster: Cluster, pg_address: str
) -> None:
    doc = article.from_text(TEXT, "story.txt")
    backends.open_store(pg_address).close()  # a review store there, as a desk's would be
    pg_cluster.stop(hard=True)
    try:
        app = server_reader(pg_address)
        said = lambda: notified(app)  # noqa: E731
        async with app.run_test(size=(100, 30)) as pilot:
            await wait_for(pilot, lambda: app.decisions is not None and app.reader.panes_ready, "the review")
            await wait_for(pilot, lambda: any("unreachable" in m for m in said()), "the trouble said")
            assert not any("kept only until you quit" in m for m in said())  # not a store in memory
            await pilot.press("tab", "tab", "tab", "a", "j", "x")
            await wait_for(pilot, lambda: app.review.store.queued == 2, "two decisions spooled")
        assert spooled(pg_address) == 2  # quit while the server is still away: kept on disk
    finally:
        pg_cluster.start()
    assert on_server(pg_address) == ([], [])  # nothing reached it while it was away
    for session in ("ana-2", "ana-3"):  # opened again, and again: the decisions arrive once
        again = reviewer(pg_address, "ana", session, doc, make_analysis())
        shown = again.reviewed
        again.close()
        assert shown.candidate_mark("e1", LU_SHAYE).state == "accepted"
        assert shown.candidate_mark("e1", LU_SHA).state == "rejected"
        articles, rows = on_server(pg_address)
        assert [h for _, h in articles] == [article_key(doc)]
        assert len(rows) == 2 and len({uid for _, uid, _ in rows}) == 2 and {r for _, _, r in rows} == {"ana"}
        assert spooled(pg_address) == 0

"""The triage list's summaries: the pool, the cache on disk, statuses and places."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from newsreader import article, batch
from newsreader.analysis.model import Analysis
from newsreader.review import ArticleReview, Store

STORY = (
    "Talks in Paris\n\nAngela Merkel met Emmanuel Macron. “We agree,” Merkel said. “Fine,” someone added.\n"
)


@pytest.fixture
def folder(tmp_path: Path) -> list[str]:
    root = tmp_path / "wire"
    root.mkdir()
    (root / "one.txt").write_text(STORY, encoding="utf-8")
    (root / "two.txt").write_text(
        STORY.replace("Paris", "Rome").replace("Merkel", "Scholz"), encoding="utf-8"
    )
    # three.txt was listed, then removed before it was read: a row that says why
    return [str(root / n) for n in ("one.txt", "two.txt", "three.txt")]


def test_the_pool_summarises_every_article_and_a_second_run_analyses_nothing(
    folder: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = batch.SummaryCache()
    rows = {f.index: f for f in batch.summarise_all(folder, batch.Options(), cache, workers=2)}
    cache.close()
    assert sorted(rows) == [0, 1, 2]
    doc = article.load(folder[0])
    from newsreader.analysis.service import Analyzer

    expected = batch.summarise(doc, Analyzer.from_options([]).analyze(doc))
    assert rows[0].summary == expected and rows[0].text_hash == batch.text_hash(doc)
    assert rows[0].title == "Talks in Paris"
    assert expected.names >= 2 and expected.quotes == 2
    assert rows[2].summary is None and rows[2].error

    def no_analysis(*args: object, **kwargs: object) -> None:
        raise AssertionError("a cached article was analysed again")

    monkeypatch.setattr(batch, "_analysed", no_analysis)
    again = batch.SummaryCache()
    cached = {f.index: f for f in batch.summarise_all(folder[:2], batch.Options(), again, workers=2)}
    again.close()
    assert cached[0] == rows[0] and cached[1] == rows[1]


def test_a_changed_file_or_reference_list_is_not_taken_from_the_cache(
    folder: list[str], tmp_path: Path
) -> None:
    cache = batch.SummaryCache()
    options = batch.Options()
    first = next(batch.summarise_all(folder[:1], options, cache, workers=1))
    path = Path(folder[0])
    path.write_text(STORY.replace("Emmanuel Macron", "Olaf Scholz and Emmanuel Macron"), encoding="utf-8")
    changed = next(batch.summarise_all(folder[:1], options, cache, workers=1))
    assert changed.text_hash != first.text_hash
    refs = tmp_path / "refs.csv"
    refs.write_text("name\nAngela Merkel\n", encoding="utf-8")
    with_list = batch.analysis_version(batch.Options(reference_paths=(str(refs),)))
    assert with_list != batch.analysis_version(options)
    refs.write_text("name\nAngela Merkel\nOlaf Scholz\n", encoding="utf-8")
    assert batch.analysis_version(batch.Options(reference_paths=(str(refs),))) != with_list
    cache.close()


def test_the_cache_keeps_at_most_its_limit(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite3"
    cache = batch.SummaryCache(path, limit=5)
    for n in range(12):
        filled = batch.Filled(n, f"hash{n}", f"title {n}", batch.Summary(n, 0, 0, 0, 0))
        cache.put("v", filled, (f"/f{n}", 1, 1))
    cache.close()
    kept = batch.SummaryCache(path, limit=5)
    assert [kept.summary("v", f"hash{n}") is not None for n in range(12)] == [False] * 7 + [True] * 5
    assert kept.known_file("/f11", 1, 1) == ("hash11", "title 11")
    assert kept.known_file("/f11", 1, 2) is None  # modified since
    kept.close()


def test_a_damaged_cache_is_said_and_the_list_still_works(tmp_path: Path, folder: list[str]) -> None:
    path = tmp_path / "c.sqlite3"
    path.write_bytes(b"not a database" * 100)
    cache = batch.SummaryCache(path)
    assert "cannot be used" in cache.problem
    rows = list(batch.summarise_all(folder[:1], batch.Options(), cache, workers=1))
    assert rows[0].summary is not None
    cache.close()
    assert path.read_bytes() == b"not a database" * 100  # left as it was


def test_statuses_are_read_and_set_as_the_reader_does(tmp_path: Path, folder: list[str]) -> None:
    doc = article.load(folder[0])
    digest = batch.text_hash(doc)
    store = Store.open(tmp_path / "store.sqlite3")
    assert batch.review_states(store) == {}
    review = ArticleReview(store, doc, Analysis())
    review.note("checked the names")
    assert batch.review_states(store)[digest].status == "in review"  # a decision, no status
    before = batch.review_states(store)[digest]
    after = batch.record_status(store, digest, doc.source, doc.title, "flagged", before)
    assert after == batch.review_states(store)[digest]
    assert after.status == "flagged" and after.decisions == 2
    review.use_analysis(Analysis())
    assert review.status == "flagged"  # what the reader shows
    review.set_status("reviewed")
    assert batch.review_states(store)[digest].status == "reviewed"
    review.undo()
    assert batch.review_states(store)[digest].status == "flagged"
    store.close()


def test_worker_count_follows_the_cores() -> None:
    assert 1 <= batch.default_workers() <= (os.cpu_count() or 1)


def test_the_cache_file_is_an_sqlite_database_under_newsreader_cache(tmp_path: Path) -> None:
    cache = batch.SummaryCache()
    cache.close()
    assert cache.path == Path(os.environ["NEWSREADER_CACHE"]) / batch.CACHE_FILE
    sqlite3.connect(cache.path).execute("SELECT COUNT(*) FROM summaries").fetchone()

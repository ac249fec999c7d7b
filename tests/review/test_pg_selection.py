"""Choosing the store: `--store`, then NEWSREADER_STORE, then the config file's `store`,
then the data folder; a postgresql:// address works wherever a path does, the article
list included."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from review_support import LU_SHAYE

from newsreader import article, batch, config, resources
from newsreader.analysis.model import Analysis
from newsreader.article import Article
from newsreader.review import paths
from newsreader.review.backends import open_store
from newsreader.review.session import ArticleReview


def write_config(text: str) -> None:
    folder = Path(os.environ[config.ENV_DIR])
    folder.mkdir(parents=True, exist_ok=True)
    (folder / config.FILE_NAME).write_text(text, encoding="utf-8")


def test_the_config_files_store_comes_after_the_option_and_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(paths.ENV_VAR)
    write_config(f'store = "{tmp_path / "desk.sqlite3"}"\n')
    assert paths.store_location() == tmp_path / "desk.sqlite3"
    assert (
        paths.store_location(None, {paths.ENV_VAR: str(tmp_path / "env.sqlite3")}) == tmp_path / "env.sqlite3"
    )
    assert paths.store_location(str(tmp_path / "opt.sqlite3")) == tmp_path / "opt.sqlite3"
    write_config('store = "postgresql://desk.example/review"\n')
    assert paths.store_location() == "postgresql://desk.example/review"  # as written, not a Path
    assert paths.state_dir("postgresql://desk.example/review") == paths.default_store_path().parent
    write_config("")
    assert paths.store_location() == paths.default_store_path()


def test_a_store_setting_that_is_not_a_name_is_a_problem_not_a_crash() -> None:
    parsed = config.parse({"store": 7})
    assert parsed.store is None and parsed.problems == (
        "store must be a file name or a postgresql:// address in quotes",
    )
    assert config.parse({"store": "  ~/r.sqlite3 "}).store == "~/r.sqlite3"


def test_the_reader_opens_the_server_the_config_file_names(
    pg_address: str, monkeypatch: pytest.MonkeyPatch, doc: Article, analysis: Analysis
) -> None:
    from newsreader.review.pgstore import PgStore

    monkeypatch.delenv(paths.ENV_VAR)
    write_config(f'store = "{pg_address}"\nreviewer = "ana"\n')
    review = ArticleReview.open(doc, analysis)
    assert isinstance(review.store, PgStore)
    review.accept("e1", LU_SHAYE)
    review.close()
    again = open_store(pg_address, read_only=True)
    assert [r.reviewer for r in again.decisions_of_kind("match")] == ["ana"]
    again.close()


async def test_the_article_list_reads_and_sets_statuses_on_a_server(
    pg_address: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsreader.config import Config
    from newsreader.review.pgstore import PgStore
    from newsreader.ui.triage_app import TriageApp

    monkeypatch.setenv(paths.ENV_VAR, pg_address)
    monkeypatch.setenv("NEWSREADER_CACHE", str(tmp_path / "cache"))
    folder = tmp_path / "wire"
    folder.mkdir()
    docs = []
    for name, text in (
        ("a.txt", "Budget talks\n\nOlaf Scholz spoke.\n"),
        ("b.txt", "Floods\n\nThe mayor spoke.\n"),
    ):
        (folder / name).write_text(text, encoding="utf-8")
        docs.append(article.load(folder / name))
    files = [str(p) for p in article.articles_in(folder)]
    cached(files)
    flagged_elsewhere = open_store(pg_address, reviewer="ben")
    batch.record_status(flagged_elsewhere, batch.text_hash(docs[0]), files[0], docs[0].title, "flagged")
    flagged_elsewhere.close()

    app: Any = TriageApp(
        docs[0],
        triage=batch.Options(),
        articles=files,
        config=Config(reviewer="ana"),
        workers=0,
        theme_folders=[resources.bundled_dir("themes")],
    )
    async with app.run_test(size=(100, 30)) as pilot:
        listing = app.article_list
        assert isinstance(listing.store, PgStore)
        for _ in range(200):
            if listing.filled >= 2 and not listing._inbox and listing.rows.rows[0].status == "flagged":
                break
            await pilot.pause(0.05)
        assert [r.status for r in listing.rows.rows] == ["flagged", "new"]
        await pilot.press("j", "R")
        assert listing.rows.rows[1].status == "reviewed"
    seen = open_store(pg_address, read_only=True)
    assert sorted(v for _, (_, v, _) in seen.article_states().items()) == [
        '{"status":"flagged"}',
        '{"status":"reviewed"}',
    ]
    seen.close()


def cached(files: list[str]) -> None:
    """Their summaries where the list looks first, so no analysis runs."""
    cache = batch.SummaryCache()
    version = batch.analysis_version(batch.Options())
    for path in files:
        doc = article.load(path)
        st = os.stat(path)
        filled = batch.Filled(0, batch.text_hash(doc), doc.title, batch.Summary(1, 0, 0, 0, 0))
        cache.put(version, filled, (os.path.abspath(path), st.st_size, st.st_mtime_ns))
    cache.close()

"""The palette's "Export review as …": where the files go, what they hold, and failures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from ui_review_support import SIZE, notifications

from newsreader import article
from newsreader.analysis.model import Analysis
from newsreader.article import Article, from_text
from newsreader.review import export
from newsreader.review.export_files import export_folder, export_stem, write_export
from newsreader.review.overlay import overlay


@pytest.fixture
def story(tmp_path: Path, seed: Article) -> Article:
    """The seed's text in a folder of the user's, as story.txt."""
    folder = tmp_path / "desk"
    folder.mkdir()
    (folder / "story.txt").write_text(seed.text, encoding="utf-8")
    return article.load(folder / "story.txt")


async def export_with_the_palette(pilot, label: str) -> None:
    """ctrl+p, the format's name (it picks "Export review as …"), enter."""
    await pilot.press("ctrl+p", *label, "enter")
    await pilot.pause()


async def test_markdown_goes_next_to_the_article_with_the_decisions(
    started, make_app, story, frozen_analysis
) -> None:
    app = make_app(story, frozen_analysis)
    async with started(app, size=SIZE) as pilot:
        await pilot.press("S", *"flagged", "enter")
        await export_with_the_palette(pilot, "markdown")
        folder = Path(story.source).parent
        assert notifications(app)[-1] == f"wrote story.review.md in {folder}"
    report = (folder / "story.review.md").read_text(encoding="utf-8")
    assert report.startswith("# Xi Jinping sends Chinese peace talks")
    assert "- Status: **flagged**" in report
    assert "set the status to flagged" in report


async def test_every_format_is_offered_and_brat_leaves_the_article_alone(
    started, make_app, story, frozen_analysis
) -> None:
    source = Path(story.source)
    original = source.read_bytes()
    app = make_app(story, frozen_analysis)
    async with started(app, size=SIZE):
        for fmt in ("json", "csv", "spans", "brat"):  # what each palette command runs
            await app.run_action(f"export('{fmt}')")
    written = sorted(p.name for p in source.parent.iterdir())
    assert written == [
        "annotation.conf",
        "story.review.ann",
        "story.review.csv",
        "story.review.json",
        "story.review.jsonl",
        "story.review.txt",
        "story.txt",
    ]
    assert source.read_bytes() == original
    assert json.loads((source.parent / "story.review.json").read_text())["review"]["status"] == "new"


async def test_text_without_a_file_is_exported_into_the_current_folder(
    started, make_app, tmp_path, monkeypatch
) -> None:
    monkeypatch.chdir(tmp_path)
    doc = from_text("Ann Lee spoke.", source="<stdin>")
    app = make_app(doc, Analysis())
    async with started(app, size=SIZE) as pilot:
        await export_with_the_palette(pilot, "csv")
        assert notifications(app)[-1] == f"wrote untitled.review.csv in {tmp_path}"
    assert (tmp_path / "untitled.review.csv").read_text().startswith("source,record,id")


async def test_an_export_already_there_is_kept_and_the_new_one_numbered(
    started, make_app, story, frozen_analysis
) -> None:
    folder = Path(story.source).parent
    (folder / "story.review.md").write_text("my own report\n", encoding="utf-8")
    (folder / "story.review-2.md").mkdir()  # a folder of the name: taken too
    app = make_app(story, frozen_analysis)
    async with started(app, size=SIZE) as pilot:
        await export_with_the_palette(pilot, "markdown")
        assert notifications(app)[-1] == f"wrote story.review-3.md in {folder}"
    assert (folder / "story.review.md").read_text(encoding="utf-8") == "my own report\n"
    assert (folder / "story.review-3.md").read_text(encoding="utf-8").startswith("# Xi Jinping")


async def test_brat_writes_the_folders_annotation_conf_and_keeps_one_of_the_users(
    started, make_app, story, frozen_analysis
) -> None:
    folder = Path(story.source).parent
    app = make_app(story, frozen_analysis)
    async with started(app, size=SIZE) as pilot:
        await app.run_action("export('brat')")
        await pilot.pause()
        said = f"wrote story.review.txt, story.review.ann, annotation.conf in {folder}"
        assert notifications(app)[-1] == said
        conf = (folder / "annotation.conf").read_text(encoding="utf-8")
        assert "[entities]" in conf and "Verdict" in conf
        (folder / "annotation.conf").write_text("[entities]\nMine\n", encoding="utf-8")
        await app.run_action("export('brat')")
        await pilot.pause()
        said = f"wrote story.review-2.txt, story.review-2.ann in {folder}; annotation.conf was there"
        assert notifications(app)[-1].startswith(said)
    assert (folder / "annotation.conf").read_text(encoding="utf-8") == "[entities]\nMine\n"


async def test_a_failed_write_is_a_notification_not_a_crash(
    started, make_app, seed, frozen_analysis, tmp_path
) -> None:
    long_named = tmp_path / "desk" / f"{'n' * 250}.txt"  # a name the system takes, not with .review.md
    long_named.parent.mkdir()
    long_named.write_text(seed.text, encoding="utf-8")
    app = make_app(article.load(long_named), frozen_analysis)
    async with started(app, size=SIZE) as pilot:
        await export_with_the_palette(pilot, "markdown")
        assert notifications(app)[-1].startswith("cannot write ")
        assert app.is_running
    assert sorted(p.name for p in long_named.parent.iterdir()) == [long_named.name]


def test_the_bundled_sample_is_exported_into_the_current_folder(seed, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert export_folder(seed) == tmp_path
    assert export_stem(seed) == "000_0eb4975a21467d31.review"


def test_write_export_names_each_file_and_says_where(story, frozen_analysis) -> None:
    reviewed = overlay(story.text, frozen_analysis, [])
    folder = Path(story.source).parent
    written = write_export(export.named("brat"), story, reviewed)
    assert written.paths == [
        folder / "story.review.txt",
        folder / "story.review.ann",
        folder / "annotation.conf",
    ]
    assert (folder / "story.review.txt").read_text(encoding="utf-8") == story.text


async def test_the_palette_offers_every_format_by_its_label(
    started, make_app, story, frozen_analysis
) -> None:
    from newsreader.ui.commands import ReaderCommands

    app = make_app(story, frozen_analysis)
    async with started(app, size=SIZE):
        names = [name for name, _, _ in ReaderCommands(app.screen).commands()]
    assert [n for n in names if n.startswith("Export review as ")] == [
        f"Export review as {fmt.label}…" for fmt in export.FORMATS
    ]

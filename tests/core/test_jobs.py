"""`newsreader analyze --jobs N`: N processes, the output of one, in input order."""

from __future__ import annotations

import io
import json
import multiprocessing
from pathlib import Path

import pytest

from newsreader import cli, jobs
from newsreader.analysis.service import Analyzer

STORIES = {
    "a.txt": 'Harbour talks resume\n\n"We will reopen," said Mayor Ada Lintz of Portsmouth on Monday.\n',
    "b.md": "# Bridge plan\n\n**Tom Brack** met officials in Leeds. The council in Leeds voted.\n",
    "c.txt": "Budget passes\n\nThe finance minister, Clara Oduya, told reporters in Nairobi it was fair.\n",
    "d.html": "<html><head><title>Port</title></head><body><p>Dockers in Rotterdam voted, "
    "said union leader Pieter de Vries.</p></body></html>",
    "e.txt": "Rail strike\n\nUnion chief Mick Lynch said the talks in London had failed.\n",
}
FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
<item><title>Ferry resumes</title>
<description>Captain Ines Moura said the ferry would sail.</description></item>
<item><title>Dock vote</title><description>Dockers in Antwerp voted, said Jan Peeters.</description></item>
</channel></rss>"""
REFERENCES = "name,aliases,type,description\nAda Lintz,,person,Mayor of Portsmouth (a test entry)\n"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "wire"
    root.mkdir()
    for name, text in STORIES.items():
        (root / name).write_text(text, encoding="utf-8")
    (root / "broken.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 32)  # refused, said, skipped
    return root


def analyze(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = cli.main(["analyze", *args])
    out, err = capsys.readouterr()
    return status, out, err


@pytest.mark.parametrize("form", ["jsonl", "json", "table"])
def test_two_processes_print_what_one_prints(capsys, folder: Path, tmp_path: Path, form: str) -> None:
    refs = tmp_path / "refs.csv"
    refs.write_text(REFERENCES, encoding="utf-8")
    feed = tmp_path / "wire.rss"  # its items go to the workers as articles, not paths
    feed.write_text(FEED, encoding="utf-8")
    common = ["--format", form, "--references", str(refs), str(folder), str(feed)]
    one = analyze(capsys, "--jobs", "1", *common)
    two = analyze(capsys, "--jobs", "2", *common)
    assert two == one
    status, out, err = one
    assert status == cli.EXIT_PARTIAL and "broken.txt: not a text file" in err
    if form == "jsonl":
        docs = [json.loads(line) for line in out.splitlines()]
        wanted = sorted(str(folder / name) for name in STORIES)
        wanted += [f"{feed}#1", f"{feed}#2"]
        assert [d["source"] for d in docs] == wanted  # in input order
        # the user's list reached the workers: their analyzer is the parent's
        found = [e["reference"] for e in docs[0]["entities"] if e["reference"]]
        assert [(r["name"], r["list"]) for r in found] == [("Ada Lintz", "refs")]


def test_the_pool_keeps_input_order_beyond_its_window(tmp_path: Path) -> None:
    # more articles than the workers are handed at once, each a different length
    paths = []
    for number in range(40):
        path = tmp_path / f"{number:02}.txt"
        path.write_text(f"Story {number}\n\n" + "Mayor Ada Lintz spoke. " * (40 - number), encoding="utf-8")
        paths.append(str(path))
    analyzer = Analyzer.from_options([], bundled=False)
    options = jobs.Options(format="jsonl")
    pooled, workers = [], set()
    for outcome in jobs.analyze_all(paths, analyzer, options, workers=2):
        pooled.append(outcome.output)
        workers.update(child.pid for child in multiprocessing.active_children())
    assert len(workers) == 2  # two processes did the work
    alone = [jobs.analyze_one(p, analyzer, options).output for p in paths]
    assert pooled == alone
    assert [doc["source"] for doc in pooled] == paths


def test_spawned_workers_are_given_the_analyzer_too(tmp_path: Path) -> None:
    # where processes are not forked (macOS, Windows) the analyzer travels to each worker
    refs = tmp_path / "refs.csv"
    refs.write_text(REFERENCES, encoding="utf-8")
    paths = []
    for name, text in list(STORIES.items())[:3]:
        (tmp_path / name).write_text(text, encoding="utf-8")
        paths.append(str(tmp_path / name))
    analyzer = Analyzer.from_options([str(refs)], bundled=False)
    options = jobs.Options(format="jsonl")
    spawn = multiprocessing.get_context("spawn")
    spawned = [o.output for o in jobs.analyze_all(paths, analyzer, options, workers=2, start=spawn)]
    assert spawned == [jobs.analyze_one(p, analyzer, options).output for p in paths]
    assert any(c["list"] == "refs" for x in spawned[0]["xref"] for c in x["candidates"])


def test_jobs_must_be_a_positive_number(capsys, folder: Path) -> None:
    for bad in ("0", "-2", "many"):
        with pytest.raises(SystemExit) as exited:
            cli.main(["analyze", "--jobs", bad, str(folder)])
        assert exited.value.code == cli.EXIT_USAGE
        assert "--jobs" in capsys.readouterr().err


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_progress_bar_shows_on_a_terminal_and_is_cleared() -> None:
    screen = Terminal()
    with jobs.Progress(4, screen, after=0.0) as progress:
        for _ in range(4):
            progress.step()
        drawn = screen.getvalue()
        assert "analysed 1/4" in drawn and "analysed 4/4 [" in drawn and "100%" in drawn
    cleared = screen.getvalue()[len(drawn) :]
    assert cleared.startswith("\r") and cleared.endswith("\r") and not cleared.strip()


def test_no_progress_bar_off_a_terminal_or_for_quick_work() -> None:
    piped = io.StringIO()
    with jobs.Progress(4, piped, after=0.0) as progress:
        for _ in range(4):
            progress.step()
    assert piped.getvalue() == ""
    quick = Terminal()
    with jobs.Progress(4, quick, after=60.0) as progress:
        for _ in range(4):
            progress.step()
    assert quick.getvalue() == ""

"""The archive run on Dask: JSONL shards analysed on a local cluster of processes, each
line's document the one `analyze --format jsonl` prints, and a rerun that skips the
shards finished. Dask is the `distributed` extra: without it these tests are skipped,
except in CI (`CI` set), whose `.ci/run` installs it, so there they must run."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from newsreader import archive, batch, jobs
from newsreader.analysis.service import Analyzer

if not os.environ.get("CI"):
    pytest.importorskip("dask.bag", reason="Dask is not installed: pip install -e '.[distributed]'")

OPTIONS = batch.Options(bundled=False)
STORY = "Harbour talks resume\n\nMayor Ada Lintz said: “The harbour will reopen on Monday.”\n"
PAGE = (
    "<html><head><title>Docks</title></head><body><article><h1>Docks</h1>"
    "<p>Tom Brack, the union's leader, said the strike was over.</p></article></body></html>"
)


def write_shard(path: Path, records: list[object]) -> str:
    lines = [r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def read_lines(path: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines()]


@pytest.fixture
def shards(tmp_path: Path) -> list[str]:
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    root = tmp_path / "shards"
    root.mkdir()
    made = [
        write_shard(root / "a.jsonl", [{"id": "a1", "path": str(story)}, {"id": "a2", "text": STORY}]),
        write_shard(root / "b.jsonl", [{"id": 7, "text": PAGE, "format": "html", "source": "docks.html"}]),
        write_shard(
            root / "c.jsonl",
            ['{"id": "c1", "text": ', {"id": "c2"}, "", {"id": "c3", "text": "Bob Ray said so.\n"}],
        ),
        write_shard(
            root / "d.jsonl", [{"id": "d1", "text": "# Notes\n\nAda Lintz spoke.\n", "format": "markdown"}]
        ),
    ]
    return made


def test_shards_on_a_local_cluster_of_processes_give_analyzes_documents_and_load_once_per_worker(
    shards: list[str], tmp_path: Path
) -> None:
    out = tmp_path / "out"
    found = archive.shards_in([str(Path(shards[0]).parent)], out)
    assert [Path(s.path).name for s in found] == ["a.jsonl", "b.jsonl", "c.jsonl", "d.jsonl"]
    results = archive.run(found, OPTIONS, scheduler="processes", workers=2)

    assert [(r.articles, r.errors, r.skipped, r.failure) for r in results] == [
        (2, 0, False, ""), (1, 0, False, ""), (1, 2, False, ""), (1, 0, False, ""),
    ]  # fmt: skip
    workers = {r.worker for r in results}
    assert os.getpid() not in workers and 1 <= len(workers) <= 2  # the cluster's processes ran them
    assert all(r.loads == 1 for r in results)  # each worker loaded the lists once, for all its shards

    # the same document as `newsreader analyze --format jsonl` on the file, with the line's id
    first, second = read_lines(str(out / "a.jsonl"))
    expected = jobs.analyze_one(str(tmp_path / "story.txt"), Analyzer.from_options([], bundled=False),
                                jobs.Options("jsonl")).output  # fmt: skip
    assert first == {"id": "a1", **json.loads(json.dumps(expected))}
    assert second["id"] == "a2" and second["entities"] == first["entities"]
    [page] = read_lines(str(out / "b.jsonl"))
    assert page["id"] == 7 and page["source"] == "docks.html" and "Tom Brack" in page["text"]
    bad_json, no_text, fine = read_lines(str(out / "c.jsonl"))
    assert bad_json["line"] == 1 and bad_json["id"] is None and bad_json["error"]
    assert no_text == {"id": "c2", "line": 2, "error": 'neither "text" nor "path" is given'}
    assert fine["id"] == "c3" and fine["quotes"] == []
    marker = json.loads((out / "a.done.json").read_text(encoding="utf-8"))
    assert marker["articles"] == 2 and marker["version"] == batch.analysis_version(OPTIONS)


def test_a_rerun_skips_finished_shards_and_redoes_a_changed_or_half_done_one(
    shards: list[str], tmp_path: Path
) -> None:
    out = tmp_path / "out"
    found = archive.shards_in(shards, out)
    archive.run(found, OPTIONS, scheduler="threads", workers=2)
    again = archive.run(found, OPTIONS, scheduler="threads", workers=2)
    assert all(r.skipped for r in again)

    write_shard(Path(shards[1]), [{"id": 8, "text": STORY}])  # the shard changed
    (out / "d.jsonl").unlink()  # a killed run's: its marker without its output
    (out / "d.jsonl.partial").write_text("{half", encoding="utf-8")
    third = archive.run(found, OPTIONS, scheduler="threads", workers=2)
    assert [r.skipped for r in third] == [True, False, True, False]
    assert read_lines(str(out / "b.jsonl"))[0]["id"] == 8
    assert len(read_lines(str(out / "d.jsonl"))) == 1 and not (out / "d.jsonl.partial").exists()

    other = batch.Options(bundled=True)  # another analysis (the bundled list): every shard again
    assert not any(r.skipped for r in archive.run(found, other, scheduler="synchronous"))


def test_the_command_says_each_shard_and_refuses_what_cannot_run(
    shards: list[str], tmp_path: Path, capsys
) -> None:
    out = str(tmp_path / "out")
    argv = [*shards, "--out", out, "--scheduler", "threads", "--workers", "2", "--no-bundled"]
    assert archive.main(argv) == 1  # two lines of c.jsonl could not be analysed
    said = capsys.readouterr().err.splitlines()
    assert said[0] == f"{shards[0]}: 2 articles in " + said[0].split(" in ")[1]
    assert said[2].endswith(", 2 lines could not be analysed")
    assert archive.main(argv) == 1  # as the shards finished before said: c.jsonl's two lines
    again = capsys.readouterr().err.splitlines()
    assert again[0] == f"{shards[0]}: finished before, skipped (2 articles)"
    assert again[2].endswith("skipped (1 articles, 2 lines could not be analysed)")

    assert archive.main([str(tmp_path / "none.jsonl"), "--out", out]) == 2
    assert "no such shard" in capsys.readouterr().err
    twin = tmp_path / "twin"
    twin.mkdir()
    write_shard(twin / "a.jsonl", [{"id": 1, "text": STORY}])
    assert archive.main([shards[0], str(twin / "a.jsonl"), "--out", out]) == 2
    assert "two shards named a" in capsys.readouterr().err


def test_a_reference_list_that_cannot_be_read_stops_the_run_in_one_line(
    shards: list[str], tmp_path: Path, capsys
) -> None:
    binary = tmp_path / "list.csv"
    binary.write_bytes(b"name\x00\xff\n")
    for listed in (str(tmp_path / "missing.csv"), str(binary)):
        argv = [
            shards[0],
            "--out",
            str(tmp_path / "out"),
            "--scheduler",
            "synchronous",
            "--references",
            listed,
        ]
        assert archive.main(argv) == 2
        said = capsys.readouterr().err
        assert said.count("\n") == 1 and said.startswith(f"newsreader: {listed}: "), said
    assert not (tmp_path / "out").exists()  # no shard was started


def test_a_shard_whose_output_cannot_be_written_leaves_no_half_file(
    shards: list[str], tmp_path: Path
) -> None:
    out = tmp_path / "out"
    (out / "a.jsonl").mkdir(parents=True)  # the output's place is taken by a folder
    [result] = archive.run(archive.shards_in(shards[:1], out), OPTIONS, scheduler="synchronous")
    assert result.failure.startswith("cannot be analysed (") and not result.articles
    assert sorted(p.name for p in out.iterdir()) == ["a.jsonl"]  # no .partial, no done marker


def test_a_scheduler_that_is_not_an_address_is_one_message(shards: list[str], tmp_path: Path, capsys) -> None:
    pytest.importorskip("distributed", reason="dask.distributed is not installed: pip install distributed")
    argv = [shards[0], "--out", str(tmp_path / "out"), "--scheduler", "bogus://x", "--no-bundled"]
    assert archive.main(argv) == 2
    assert capsys.readouterr().err.startswith(
        "newsreader: cannot reach the scheduler bogus://x: unknown address"
    )

"""The command line as a user meets it: real processes, exit codes, one-line errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from newsreader import __version__, resources

SEED = resources.seed_article()


def run(*args: str, stdin: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env.pop("NEWSREADER_DEBUG", None)
    proc = subprocess.run(
        [sys.executable, "-m", "newsreader", *args],
        input=stdin.decode() if stdin is not None else None,
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=cwd,
    )
    assert "Traceback" not in proc.stderr
    return proc


def test_version():
    proc = run("--version")
    assert proc.returncode == 0 and __version__ in proc.stdout


def test_help_has_examples_and_commands():
    proc = run("--help")
    assert proc.returncode == 0
    assert "examples:" in proc.stdout and "newsreader analyze" in proc.stdout and "compare" in proc.stdout


def test_analyze_seed_json_contract():
    proc = run("analyze", "--format", "json", str(SEED))
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    assert doc["schema"] == 1
    assert doc["title"] == "Xi Jinping sends Chinese peace talks delegation to Ukraine | Ukraine"
    text = doc["text"]
    assert not any(ord(c) < 32 and c not in "\n\t" for c in text)
    covered = " ".join(text[s:e] for s, e in doc["boilerplate"])
    assert "Leave a Reply" in covered and "Your email address will not be published" in covered
    for key in ("paragraphs", "entities", "quotes", "xref"):
        assert isinstance(doc[key], list)
    for ent in doc["entities"]:
        assert ent["type"] and ent["id"] and ent["mentions"]
        for s, e in ent["mentions"]:
            assert 0 <= s < e <= len(text)
    ids = {e["id"] for e in doc["entities"]}
    for q in doc["quotes"]:
        assert q["speaker"] is None or q["speaker"] in ids
        assert q["kind"] in ("statement", "term") and q["rule"]


def test_jsonl_one_line_per_document_and_a_bad_path_carries_on(tmp_path):
    other = tmp_path / "other.txt"
    other.write_text("Brief\n\nThe council in Leeds met on Friday, said Mary Hall.\n")
    proc = run("analyze", "--format", "jsonl", str(SEED), str(tmp_path / "missing.txt"), str(other))
    assert proc.returncode == 1
    lines = proc.stdout.splitlines()
    assert len(lines) == 2 and all(json.loads(line)["schema"] == 1 for line in lines)
    assert proc.stderr.count("\n") == 1 and "missing.txt: no such file" in proc.stderr


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda p: p / "nope.txt", "no such file"),
        (lambda p: (p / "empty").mkdir() or p / "empty", "no articles in it"),
        (lambda p: (p / "b.bin").write_bytes(b"\x00\x01binary") and p / "b.bin", "not a text file"),
    ],
)
def test_single_bad_path_exits_2_with_one_line(tmp_path, make, reason):
    path = make(tmp_path)
    proc = run("analyze", str(path))
    assert proc.returncode == 2
    assert proc.stderr.strip().count("\n") == 0 and reason in proc.stderr and proc.stdout == ""


def test_a_folder_is_read_article_by_article(tmp_path):
    tmp_path = tmp_path / "articles"  # the test's cache folder lives in tmp_path itself
    (tmp_path / "sub").mkdir(parents=True)
    (tmp_path / ".drafts").mkdir()
    (tmp_path / "a.txt").write_text("Brief\n\nMayor Ada Lintz opened the bridge on Friday.\n")
    (tmp_path / "sub" / "b.md").write_text("# Talks\n\nTom Brack met officials in Leeds.\n")
    (tmp_path / ".drafts" / "c.txt").write_text("a hidden draft\n")
    (tmp_path / "list.csv").write_text("not,an,article\n")
    proc = run("analyze", "--format", "jsonl", str(tmp_path))
    assert proc.returncode == 0, proc.stderr
    sources = [json.loads(line)["source"] for line in proc.stdout.splitlines()]
    assert sources == [str(tmp_path / "a.txt"), str(tmp_path / "sub" / "b.md")]
    as_json = json.loads(run("analyze", str(tmp_path)).stdout)
    assert isinstance(as_json, list) and len(as_json) == 2  # a folder gives a list, even of one
    out = tmp_path.parent / "out"
    exported = run("export", "--output", str(out), str(tmp_path))
    assert exported.returncode == 0, exported.stderr
    assert sorted(p.name for p in out.iterdir()) == ["a.md", "b.md"]


def test_a_feed_is_read_item_by_item(tmp_path):
    feed = tmp_path / "wire.rss"
    feed.write_text(
        "<rss version='2.0'><channel><title>Wire</title>"
        "<item><title>Harbour</title><description>Mayor Ada Lintz spoke.</description></item>"
        "<item><title>Bridge</title><description>Tom Brack spoke in Leeds.</description></item>"
        "</channel></rss>",
        encoding="utf-8",
    )
    proc = run("analyze", "--format", "jsonl", str(feed))
    assert proc.returncode == 0, proc.stderr
    docs = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [d["title"] for d in docs] == ["Harbour", "Bridge"]
    assert [d["source"] for d in docs] == [f"{feed}#1", f"{feed}#2"]
    out = tmp_path / "out"
    assert run("export", "--output", str(out), str(feed)).returncode == 0
    assert sorted(p.name for p in out.iterdir()) == ["wire-1.md", "wire-2.md"]


def test_size_limit_flag(tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(b"word " * 300_000)  # 1.5 MB
    proc = run("analyze", "--max-size", "1", str(big))
    assert proc.returncode == 2 and "too large" in proc.stderr


def test_stdin_and_table_format():
    story = "Port deal\n\n“We are pleased,” said Maria Costa, the mayor of Lisbon.\n"
    proc = run("analyze", "--format", "table", "-", stdin=story.encode())
    assert proc.returncode == 0, proc.stderr
    assert "Maria Costa" in proc.stdout and "person" in proc.stdout and "Lisbon" in proc.stdout


def test_hostile_text_is_escaped_in_every_output(tmp_path):
    path = tmp_path / "hostile.txt"
    path.write_bytes(b"Title\n\nEvil \x1b]52;c;AAAA\x07 text \x9b31m and [bold]kept[/bold].\n")
    table = run("analyze", "--format", "table", str(path))
    assert "\x1b" not in table.stdout and "\x9b" not in table.stdout
    data = run("analyze", "--format", "json", str(path))
    assert "\x1b" not in data.stdout and "\x9b" not in data.stdout
    doc = json.loads(data.stdout)
    clean = json.loads(run("analyze", "--text", "clean", str(path)).stdout)
    assert "\x1b" not in clean["text"] and "[bold]kept[/bold]" in clean["text"]
    assert doc["cleaned"]  # offsets index the original, and the output says so


def test_offsets_index_the_original_when_controls_were_removed(tmp_path):
    path = tmp_path / "dirty.txt"
    original = "Report\n\nMinister Anna Berg\x85 visited Oslo on Monday.\n"
    path.write_text(original, encoding="utf-8")
    doc = json.loads(run("analyze", str(path)).stdout)
    assert doc["text"] == original
    spans = {original[s:e] for ent in doc["entities"] for s, e in ent["mentions"]}
    assert "Oslo" in spans and "Anna Berg" in spans


def test_reader_on_a_missing_file_exits_2():
    proc = run("/nonexistent/story.txt")
    assert proc.returncode == 2 and "no such file" in proc.stderr


def test_installed_resources_are_found_outside_the_checkout(tmp_path):
    proc = run("analyze", "--format", "jsonl", str(SEED), cwd=tmp_path)
    assert proc.returncode == 0 and json.loads(proc.stdout)["entities"]


def test_reader_with_a_missing_reference_list_exits_2_before_starting(tmp_path):
    proc = run("--references", str(tmp_path / "none.csv"), str(SEED))
    assert proc.returncode == 2 and "none.csv: no such file" in proc.stderr

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
    original = "Report\n\nMinister Anna Berg\x8e visited Oslo on Monday.\n"  # C1 SS2
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


# -- internal errors that were tracebacks or leaks, now messages ------------------------


@pytest.mark.parametrize("value", ["inf", "1e20", "nan", "-1", "0"])
def test_a_size_limit_that_is_no_size_is_one_message(value):
    proc = run("analyze", "--max-size", value, str(SEED))
    assert proc.returncode == 2 and "--max-size" in proc.stderr
    assert "_size" not in proc.stderr and "megabytes" in proc.stderr
    assert "internal error" not in proc.stderr


def _run_bytes(args: list[bytes], env_extra: dict[str, str]) -> subprocess.CompletedProcess[bytes]:
    env = {k: v for k, v in os.environ.items() if k != "NEWSREADER_DEBUG"}
    env.update(env_extra)
    proc = subprocess.run(
        [sys.executable.encode(), b"-m", b"newsreader", *args], capture_output=True, timeout=120, env=env
    )
    assert b"Traceback" not in proc.stderr and b"internal error" not in proc.stderr
    return proc


@pytest.mark.parametrize(
    "env_extra",
    [{"PYTHONIOENCODING": "utf-8:strict"}, {"LC_ALL": "C.UTF-8", "PYTHONIOENCODING": ""}],
    ids=["strict-utf8", "c-utf8"],
)
def test_a_file_name_that_is_not_utf8_gives_valid_output(tmp_path, env_extra):
    name = os.fsencode(tmp_path) + b"/caf\xe9-story.txt"
    with open(name, "wb") as fh:
        fh.write(b"Talks\n\nAnna Berg visited Oslo on Monday.\n")
    for fmt in (b"json", b"jsonl", b"table"):
        proc = _run_bytes([b"analyze", b"-f", fmt, name], env_extra)
        assert proc.returncode == 0, proc.stderr
        text = proc.stdout.decode("utf-8")  # strictly valid UTF-8
        if fmt == b"json":
            assert json.loads(text)["source"].endswith("-story.txt")
    missing = os.fsencode(tmp_path) + b"/gone\xff.txt"
    proc = _run_bytes([b"analyze", missing], env_extra)
    assert proc.returncode == 2 and b"no such file" in proc.stderr
    proc.stderr.decode("utf-8")


def test_compare_pairs_on_a_binary_file_is_one_message(tmp_path):
    path = tmp_path / "pairs.jsonl"
    path.write_bytes(bytes(range(256)) * 40)
    proc = run("compare", "--pairs", str(path))
    assert proc.returncode == 2 and "not JSON lines" in proc.stderr and proc.stderr.count("\n") == 1


def test_compare_pairs_skips_a_line_that_is_not_utf8(tmp_path):
    path = tmp_path / "pairs.jsonl"
    path.write_bytes(b'{"a": "Lu Shai", "b": "Lu Shaye"}\n{"a": "\xff\xfe", "b": "x"}\n')
    proc = run("compare", "--pairs", str(path))
    assert proc.returncode == 1 and "line 2" in proc.stderr
    assert json.loads(proc.stdout)["a"] == "Lu Shai"


@pytest.mark.parametrize("value", ["nan", "inf", "101", "-5", "x"])
def test_compare_thresholds_must_be_scores(value):
    proc = run("compare", "--same", value, "Lu Shai", "Lu Shaye")
    assert proc.returncode == 2 and "not a score from 0 to 100" in proc.stderr


def test_compare_maybe_above_same_is_refused(tmp_path):
    path = tmp_path / "pairs.jsonl"
    path.write_text('{"a": "x", "b": "y"}\n')
    proc = run("compare", "--same", "50", "--maybe", "60", "--pairs", str(path))
    assert proc.returncode == 2 and "--maybe" in proc.stderr

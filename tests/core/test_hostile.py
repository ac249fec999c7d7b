"""A corpus of hostile inputs through every command-line output: nothing a terminal acts on
gets out, and nothing is a traceback.

The corpus: names, titles, file names and reference-list entries holding 7-bit and 8-bit
escape sequences (CSI, OSC that sets the title, OSC 8 links), lone C0 and C1 controls,
bidi controls and Textual/rich markup; FIFOs where files are expected; a huge line. Each
command runs as a real process with its output taken as bytes, which must be valid UTF-8
with no control character but tab and newline and no bidi control.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

# What must never reach a terminal: the cleaning rule, spelt out again here on purpose.
FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")

HOSTILE = (
    "\x1b[31mred\x1b[0m",  # CSI colours
    "\x1b]0;owned\x07",  # OSC: sets the terminal title
    "\x1b]8;;file:///etc/passwd\x1b\\link\x1b]8;;\x1b\\",  # OSC 8 hyperlink
    "\x9b2J",  # 8-bit CSI: clear the screen
    "\x9d0;t\x9c",  # 8-bit OSC
    "\u202eevil\u202c",  # right-to-left override
    "\u2067x\u2069\u200f\u061c",  # isolate, RLM, ALM
    "\x7f\x07\x08",  # DEL, BEL, backspace
    "[/]",
    "[link=file:///etc/passwd]x[/link]",
    "[@click=app.quit]q[/]",
)
SPICE = "".join(HOSTILE)
# In file names too: everything but / (and NUL, which no file name can hold).
FILE_SPICE = SPICE.replace("/", "|")

ARTICLE = (
    f"Talks in Kyiv {SPICE}\n\n"
    f"Ivan Pet\x1b[1mrov met Lu Shai{HOSTILE[1]} in Kyiv on Monday. "
    f"“We will {HOSTILE[5]}talk{HOSTILE[3]},” Petrov said. "
    f"Reuters reported{HOSTILE[9]} that the two men spoke for an hour.\n"
)
LIST = (
    "name,aliases,type,description\n"
    f'"Ivan{HOSTILE[1]} Petrov","I.{HOSTILE[5]} Petrov;Vanya{HOSTILE[3]}",person,"{SPICE}"\n'
    f'"Lu Shai{HOSTILE[0]}",,person,"envoy {HOSTILE[2]}"\n'
)


def _env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "NEWSREADER_DEBUG"}
    env.update(
        NEWSREADER_CACHE=str(tmp_path / "cache"),
        NEWSREADER_STORE=str(tmp_path / "store.sqlite3"),
        NEWSREADER_CONFIG_DIR=str(tmp_path / "config"),
        PYTHONIOENCODING="utf-8:strict",
    )
    return env


def run(tmp_path: Path, *args: str | bytes, stdin: bytes | None = None) -> tuple[int, str, str]:
    """Run newsreader; its stdout and stderr, checked to be safe for a terminal."""
    argv = [os.fsencode(a) for a in (sys.executable, "-m", "newsreader", *args)]
    proc = subprocess.run(
        argv, input=stdin, capture_output=True, timeout=180, env=_env(tmp_path), cwd=tmp_path
    )
    out, err = proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")  # strictly valid UTF-8
    assert "Traceback" not in err and "internal error" not in err, err
    for stream, text in (("stdout", out), ("stderr", err)):
        bad = FORBIDDEN.search(text)
        assert bad is None, (
            f"{stream} holds {bad.group()!r} near {text[max(0, bad.start() - 40) : bad.end() + 40]!r}"
        )
    return proc.returncode, out, err


@pytest.fixture
def corpus(tmp_path: Path) -> dict[str, Path]:
    story = tmp_path / f"story{FILE_SPICE}.txt"
    story.write_text(ARTICLE, encoding="utf-8")
    untitled = tmp_path / f"no-title{FILE_SPICE}.txt"  # the title falls back to the file stem
    untitled.write_text(ARTICLE.split("\n\n", 1)[1].replace(". ", ".\n", 1), encoding="utf-8")
    listed = tmp_path / f"list{FILE_SPICE}.csv"
    listed.write_text(LIST, encoding="utf-8")
    fifo = tmp_path / f"fifo{FILE_SPICE}"
    os.mkfifo(fifo)
    return {"story": story, "untitled": untitled, "list": listed, "fifo": fifo}


@pytest.mark.parametrize("fmt", ["table", "json", "jsonl"])
def test_analyze_output(tmp_path: Path, corpus: dict[str, Path], fmt: str) -> None:
    code, out, _ = run(
        tmp_path, "analyze", "-f", fmt, "-r", corpus["list"], corpus["story"], corpus["untitled"]
    )
    assert code == 0
    if fmt == "table":
        assert "Ivan Petrov" in out and "no title" in out
    else:
        docs = [json.loads(line) for line in out.splitlines()] if fmt == "jsonl" else json.loads(out)
        assert {d["source"] for d in docs} == {str(corpus["story"]), str(corpus["untitled"])}


@pytest.mark.parametrize("fmt", ["md", "csv", "json", "spans"])
def test_export_to_stdout(tmp_path: Path, corpus: dict[str, Path], fmt: str) -> None:
    code, out, _ = run(tmp_path, "export", "-f", fmt, "-r", corpus["list"], corpus["story"])
    assert code == 0 and out
    if fmt in ("json", "spans"):
        assert json.loads(out)["text"].startswith("Talks in Kyiv \x1b[31m")  # kept, as escapes


@pytest.mark.parametrize("fmt", ["brat", "md", "csv"])
def test_export_to_files_says_where_safely(tmp_path: Path, corpus: dict[str, Path], fmt: str) -> None:
    out_dir = tmp_path / f"out{FILE_SPICE}"
    code, out, err = run(tmp_path, "export", "-f", fmt, "-o", out_dir, corpus["story"], corpus["untitled"])
    assert code == 0 and out == "" and "wrote" in err
    written = list(out_dir.iterdir())
    assert len(written) == (5 if fmt == "brat" else 2)  # brat: two pairs and annotation.conf
    assert not any(FORBIDDEN.search(p.name) for p in written)


@pytest.mark.parametrize("fmt", ["table", "jsonl"])
def test_match_output(tmp_path: Path, corpus: dict[str, Path], fmt: str) -> None:
    code, out, _ = run(
        tmp_path, "match", "-f", fmt, "--no-bundled", "-r", corpus["list"], "Ivan Petrov", SPICE
    )
    assert code == 0 and "Petrov" in out


def test_compare_output(tmp_path: Path) -> None:
    code, out, _ = run(tmp_path, "compare", f"Lu{HOSTILE[3]} Shai", f"Lu Shaye{HOSTILE[1]}")
    assert code == 0 and out.strip()
    pairs = tmp_path / "pairs.jsonl"
    lines = [
        json.dumps({"a": f"Ivan{SPICE} Petrov", "b": "Ivan Petrov", SPICE: SPICE}, ensure_ascii=False),
        json.dumps({"a": "x" * 2_000_000, "b": "y"}),  # a huge line: skipped, not held
        f"not json {SPICE}",
    ]
    pairs.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out, err = run(tmp_path, "compare", "--pairs", pairs)
    assert code == 1 and "line 2" in err and "line 3" in err
    (record,) = [json.loads(line) for line in out.splitlines()]
    assert record["b"] == "Ivan Petrov"


def test_error_messages(tmp_path: Path, corpus: dict[str, Path]) -> None:
    cases: list[tuple[str | bytes | Path, ...]] = [
        ("analyze", tmp_path / f"gone{FILE_SPICE}.txt"),  # no such file
        ("analyze", corpus["fifo"]),  # an article that is a FIFO
        ("analyze", "-r", corpus["fifo"], corpus["story"]),  # a list that is a FIFO: would block
        ("analyze", "-r", "/dev/zero", corpus["story"]),  # would read until memory ran out
        ("analyze", "-f", SPICE, corpus["story"]),  # argparse quotes the bad value
        ("analyze", "--max-size", SPICE, corpus["story"]),
        ("match", "--limit", SPICE, "x"),
        ("compare", "--same", SPICE, "a", "b"),
        ("export", "--store", corpus["story"], corpus["story"]),  # an article is not a store
        ("export", "--store", corpus["fifo"], corpus["story"]),
        ("compare", "--pairs", tmp_path / f"none{FILE_SPICE}"),
    ]
    for args in cases:
        code, out, err = run(tmp_path, *args)
        assert code == 2 and out == "" and err.strip(), args
    assert corpus["story"].read_text(encoding="utf-8") == ARTICLE  # the store never touched it


def test_a_hostile_config_is_reported_safely(tmp_path: Path, corpus: dict[str, Path]) -> None:
    config = tmp_path / "config"  # where _env points NEWSREADER_CONFIG_DIR
    config.mkdir()
    settings = config / "config.toml"
    # json.dumps writes the controls as \\uXXXX, which TOML reads back as the controls
    settings.write_text(
        f"theme = 3\nreferences = [{json.dumps(str(tmp_path / FILE_SPICE))}]\n{json.dumps(SPICE)} = 1\n",
        encoding="utf-8",
    )
    code, _, err = run(tmp_path, "analyze", "-f", "table", corpus["story"])
    assert code == 2 and "theme must be" in err and "unknown setting" in err and "no such file" in err
    settings.write_text(f"theme = {json.dumps(SPICE)}\n[keys\n", encoding="utf-8")  # not TOML
    code, _, err = run(tmp_path, "analyze", "-f", "table", corpus["story"])
    assert code == 0 and "not valid TOML" in err


def test_a_file_name_that_is_not_utf8(tmp_path: Path) -> None:
    name = os.fsencode(tmp_path) + b"/caf\xe9\x1b[2J.txt"
    with open(name, "wb") as fh:
        fh.write(ARTICLE.encode("utf-8"))
    for fmt in ("table", "json", "jsonl"):
        code, _, _ = run(tmp_path, "analyze", "-f", fmt, name)
        assert code == 0
    code, _, _ = run(tmp_path, "export", "-f", "md", name)
    assert code == 0


def test_a_huge_line_of_marks_and_controls(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_text("Zalgo" + "\u0301" * 60_000 + SPICE * 2_000 + " Ivan Petrov spoke.\n", encoding="utf-8")
    code, out, _ = run(tmp_path, "analyze", "-f", "table", path)
    assert code == 0 and "Ivan Petrov" in out

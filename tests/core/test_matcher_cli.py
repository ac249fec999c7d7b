"""`newsreader compare` and `newsreader match` as a user runs them: a subprocess, exit codes,
stdout for data and stderr for problems."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from newsreader.analysis.matcher import compare


@pytest.fixture(autouse=True)
def _own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSREADER_CACHE", str(tmp_path / "cache"))


def run_cli(args: list[str], tmp_path: Path, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env.pop("NEWSREADER_DEBUG", None)
    env["NEWSREADER_CACHE"] = str(tmp_path / "cache")
    env["NEWSREADER_STORE"] = str(tmp_path / "store.sqlite3")
    env["NEWSREADER_CONFIG_DIR"] = str(tmp_path / "config")
    env["PYTHONIOENCODING"] = "utf-8"
    return subprocess.run(
        [sys.executable, "-m", "newsreader", *args],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=tmp_path,
        env=env,
        timeout=120,
    )


PAIRS = [
    {"a": "Radoslav Kvetnik", "b": "Radoslav Kvetnyk", "id": 1},  # 1
    "this is not json",  # 2
    {"a": "Lu Jianguo", "b": "Liu Jianguo", "id": 3, "note": "kept as is"},  # 3
    {"a": "only one name"},  # 4
    "",  # 5: blank lines are skipped quietly
    {"a": "Владимир Путин", "b": "Vladimir Putin", "id": 6},  # 6
    [1, 2],  # 7: JSON, but not an object
]


def pairs_text() -> str:
    lines = [p if isinstance(p, str) else json.dumps(p, ensure_ascii=False) for p in PAIRS]
    return "\n".join(lines) + "\n"


def test_compare_pairs_from_stdin(tmp_path: Path) -> None:
    result = run_cli(["compare", "--pairs", "-"], tmp_path, stdin=pairs_text())
    assert result.returncode == 1  # some lines were bad
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["id"] for r in out] == [1, 3, 6]  # the good lines, in order
    for record in out:
        want = compare(record["a"], record["b"])
        assert record["score"] == want.score
        assert record["same"] is (want.verdict == "same")
        assert record["why"] == want.why
    assert [r["same"] for r in out] == [True, False, True]
    assert out[1]["note"] == "kept as is"  # the input's own fields are written back
    assert out[2]["a"] == "Владимир Путин"  # unicode written as is
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 3
    for line, number in zip(errors, (2, 4, 7), strict=True):
        assert f"line {number}:" in line
    assert "Traceback" not in result.stderr


def test_compare_pairs_all_good_exits_0(tmp_path: Path) -> None:
    good = json.dumps({"a": "Scholz, Olaf", "b": "Olaf Scholz"}) + "\n"
    result = run_cli(["compare", "--pairs", "-"], tmp_path, stdin=good)
    assert result.returncode == 0
    assert result.stderr == ""
    [record] = [json.loads(line) for line in result.stdout.splitlines()]
    assert record["same"] is True
    assert record["score"] == 100.0


def test_compare_pairs_from_a_file_honours_thresholds_and_schema(tmp_path: Path) -> None:
    (tmp_path / "pairs.jsonl").write_text(
        json.dumps({"a": "Radoslav Kvetnik", "b": "Radoslav Kvetnyk"})
        + "\n"
        + json.dumps({"a": "Nordic Timber", "b": "Nordic Timber Holdings", "schema": "Company"})
        + "\n",
        encoding="utf-8",
    )
    typo = compare("Radoslav Kvetnik", "Radoslav Kvetnyk").score
    result = run_cli(["compare", "--same", str(typo + 1), "--pairs", "pairs.jsonl"], tmp_path)
    assert result.returncode == 0, result.stderr
    first, second = (json.loads(line) for line in result.stdout.splitlines())
    assert first["score"] == typo
    assert first["same"] is False
    assert first["verdict"] == "maybe"
    # the OpenSanctions schema says what is named: a company
    assert second["score"] == compare("Nordic Timber", "Nordic Timber Holdings", kind="organization").score


def test_compare_pairs_reads_an_address_as_a_place(tmp_path: Path) -> None:
    """The OpenSanctions schemata are read as the reference lists read them: an Address is
    a place, whose added words count (this verb's own copy of the map had no Address)."""
    pair = {"a": "Tverskaya Street", "b": "Tverskaya Street Moscow", "schema": "Address"}
    result = run_cli(["compare", "--pairs", "-"], tmp_path, stdin=json.dumps(pair) + "\n")
    assert result.returncode in (0, 1), result.stderr
    (line,) = result.stdout.splitlines()
    place = compare(pair["a"], pair["b"], kind="place").score
    assert place != compare(pair["a"], pair["b"]).score
    assert json.loads(line)["score"] == place


def test_compare_pairs_missing_file_is_one_line_exit_2(tmp_path: Path) -> None:
    result = run_cli(["compare", "--pairs", "absent.jsonl"], tmp_path)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "absent.jsonl" in lines[0]


def test_compare_two_names(tmp_path: Path) -> None:
    result = run_cli(["compare", "KVETNIK, Radoslav", "Radoslav Kvetnik"], tmp_path)
    assert result.returncode == 0
    score, verdict, why = result.stdout.strip().split("  ", 2)
    want = compare("KVETNIK, Radoslav", "Radoslav Kvetnik")
    assert (float(score), verdict, why) == (want.score, want.verdict, want.why)
    wrong = run_cli(["compare", "only one"], tmp_path)
    assert wrong.returncode == 2
    assert len(wrong.stderr.strip().splitlines()) == 1


def test_match_finds_the_entry_in_a_user_list(tmp_path: Path) -> None:
    (tmp_path / "mine.csv").write_text(
        "name,aliases,type,description\n"
        "Radoslav Kvetnik,R. Kvetnik,person,Slovak transport minister\n"
        "Milan Kvetnik,,person,Slovak ice hockey player\n",
        encoding="utf-8",
    )
    args = ["match", "--no-bundled", "-r", "mine.csv", "-f", "jsonl", "Радослав Кветник", "Zzyzx Qwerty"]
    result = run_cli(args, tmp_path)
    assert result.returncode == 0, result.stderr
    first, second = (json.loads(line) for line in result.stdout.splitlines())
    assert first["query"] == "Радослав Кветник"
    top = first["candidates"][0]
    assert top["name"] == "Radoslav Kvetnik"
    assert top["verdict"] == "same"
    assert all(c["name"] != "Milan Kvetnik" or c["verdict"] != "same" for c in first["candidates"])
    assert all(c["verdict"] != "same" for c in second["candidates"])

"""The JSON contract written in pieces: the same characters as one `dumps`, for any document
and for a long article through `newsreader analyze`."""

from __future__ import annotations

import io
import itertools
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsreader import cli, jobs
from newsreader.analysis import contract
from newsreader.analysis.service import Analyzer
from newsreader.commands.common import EXIT_PARTIAL, EXIT_USAGE

# Strings with what JSON escapes and what `json_safe` escapes after it: quotes, backslashes,
# line breaks, C0 and C1 controls, bidi overrides, lone surrogates, non-ASCII letters.
TEXT = st.text(st.sampled_from('ab "\\\n\t\x00\x1b\x85\u202e\ud800\udfffé語'), max_size=12)
SCALARS = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | TEXT
DOCUMENTS = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(TEXT, inner, max_size=5),
    max_leaves=40,
)


@settings(max_examples=300, deadline=None)
@given(DOCUMENTS, st.sampled_from([None, 0, 2, 4]), st.integers(1, 3), st.integers(1, 5), st.integers(0, 2))
def test_written_in_pieces_is_dumps_character_for_character(
    doc: Any, indent: int | None, items: int, chars: int, depth: int
) -> None:
    out = io.StringIO()
    contract.write(doc, out, indent=indent, items=items, chars=chars, depth=depth)
    whole = contract.dumps(doc, indent=indent)
    pad = "\n" + " " * ((indent or 0) * depth)
    assert out.getvalue() == (whole.replace("\n", pad) if indent is not None else whole)


def test_a_document_with_keys_json_would_convert_is_written_whole_and_the_same() -> None:
    doc = {"entities": [{"id": "e1"}] * 4, "by number": {1: "one", None: "none", 2.5: "x"}}
    out = io.StringIO()
    contract.write(doc, out, indent=2, items=1, chars=1)
    assert out.getvalue() == contract.dumps(doc, indent=2)


def long_story(paragraphs: int) -> str:
    """News-like text naming a different person in each paragraph, controls included."""
    given_names = ["Ada", "Tomas", "Clara", "Pieter", "Ines", "Jan", "Mick", "Olga"]
    surnames = ["Lintz", "Brack", "Oduya", "Moura", "Peeters", "Lynch", "Berg", "Varga", "Novak", "Sato"]
    people = itertools.cycle(f"{g} {s}" for s in surnames for g in given_names)
    lines = [
        f'"We will reopen the harbour by May," said {next(people)}, the mayor, \x1b[31mon Monday.\n\n'
        f"{next(people)} met officials in Leeds; \u202ethe council voted.\n\n"
        for _ in range(paragraphs)
    ]
    return "Harbour talks resume\n\n" + "".join(lines)


@pytest.fixture
def story(tmp_path: Path) -> Path:
    path = tmp_path / "long.txt"
    path.write_text(long_story(600), encoding="utf-8")  # ~90,000 characters, more than a piece
    return path


def test_analyze_writes_a_long_article_as_one_dumps_would(
    story: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    expected = jobs.analyze_one(str(story), Analyzer.from_options([], bundled=False), jobs.Options()).output
    assert len(expected["text"]) > contract.PIECE_CHARS
    assert len(expected["entities"]) + len(expected["quotes"]) > contract.PIECE_ITEMS
    for fmt, wanted in (
        ("json", contract.dumps(expected, indent=2) + "\n"),
        ("jsonl", contract.dumps(expected) + "\n"),
    ):
        assert cli.main(["analyze", "--no-bundled", "--format", fmt, str(story)]) == 0
        out = capsys.readouterr().out
        assert out == wanted
        assert "\x1b" not in out and "\u202e" not in out


def test_analyze_writes_a_folder_as_one_list(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "wire"
    folder.mkdir()
    (folder / "a.txt").write_text(long_story(300), encoding="utf-8")
    (folder / "b.txt").write_text("Short\n\nMayor Ada Lintz spoke in Leeds.\n", encoding="utf-8")
    (folder / "c.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 32)  # refused: not in the list
    analyzer = Analyzer.from_options([], bundled=False)
    docs = [
        jobs.analyze_one(str(folder / name), analyzer, jobs.Options()).output for name in ("a.txt", "b.txt")
    ]
    assert cli.main(["analyze", "--no-bundled", str(folder)]) == EXIT_PARTIAL
    out = capsys.readouterr().out
    assert out == contract.dumps(docs, indent=2) + "\n"
    assert [d["source"] for d in json.loads(out)] == [str(folder / "a.txt"), str(folder / "b.txt")]


def test_a_run_whose_every_article_fails_writes_no_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "picture.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 32)
    assert cli.main(["analyze", "--no-bundled", str(bad), str(tmp_path / "missing.txt")]) == EXIT_USAGE
    assert capsys.readouterr().out == ""


@pytest.mark.parametrize(("indent", "depth"), [(None, 0), (2, 0), (2, 1)])
def test_a_document_made_as_written_is_the_dict_written_character_for_character(
    story: Path, indent: int | None, depth: int
) -> None:
    from newsreader import article

    analyzer = Analyzer.from_options([], bundled=False)
    doc = article.load(story)
    assert doc.source_text is not None  # its controls were cleaned: offsets map to the source
    analysis = analyzer.analyze(doc)
    lazy = contract.document(doc, analysis)
    whole = contract.to_dict(doc, analysis)
    # the long lists are made as they are read, not held
    assert isinstance(lazy["entities"], contract.Rows) and isinstance(whole["entities"], list)
    assert len(lazy["entities"]) == len(whole["entities"]) > 8
    assert lazy == whole and list(lazy["quotes"]) == whole["quotes"]
    expected = contract.dumps(whole, indent=indent)
    assert contract.dumps(lazy, indent=indent) == expected
    pad = "\n" + " " * ((indent or 0) * depth)
    for items in (8, contract.PIECE_ITEMS, 100_000):  # lists written in pieces, or each in one call
        out = io.StringIO()
        contract.write(lazy, out, indent=indent, depth=depth, items=items)
        assert out.getvalue() == (expected.replace("\n", pad) if indent is not None else expected)

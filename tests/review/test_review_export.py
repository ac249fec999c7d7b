"""Every export format, parsed back; and the `newsreader export` command."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from review_support import LU_SHA, LU_SHAYE, SEED, find

from newsreader import article, cli
from newsreader.analysis.contract import dumps
from newsreader.analysis.model import Analysis, Entity, Match
from newsreader.article import Article
from newsreader.review import ArticleReview, ReviewedAnalysis
from newsreader.review import export as formats
from newsreader.review.store import Store

Capsys = pytest.CaptureFixture[str]


@pytest.fixture
def reviewed(store: Store, doc: Article, analysis: Analysis) -> ReviewedAnalysis:
    review = ArticleReview(store, doc, analysis)
    q1, q2 = analysis.quotes
    review.accept("e1", LU_SHAYE)
    review.reject("e1", LU_SHA)
    review.set_type("e4", "organization")
    review.set_speaker(q2, "e1")
    review.note("spelling [sic] *checked*", on=find(doc.text, "Lu Shai"))
    review.note("from the readout", on=q1)
    review.note("=HYPERLINK(1)")
    review.set_status("reviewed")
    return review.reviewed


def mention_texts(doc: Article, reviewed: ReviewedAnalysis) -> set[tuple[int, int, str]]:
    return {(s, e, doc.text[s:e]) for ent in reviewed.analysis.entities for s, e in ent.mentions}


def test_json_is_the_analyze_contract_plus_the_review(doc: Article, reviewed: ReviewedAnalysis) -> None:
    data = json.loads(dumps(formats.to_json(doc, reviewed)))
    assert data["schema"] == 1 and data["text"] == doc.text
    lu = next(e for e in data["entities"] if e["name"] == "Lu Shai")
    assert lu["reference"]["name"] == "Lu Shaye"
    assert next(e for e in data["entities"] if e["name"] == "Reuters")["type"] == "organization"
    assert data["quotes"][1]["speaker"] == lu["id"]
    review = data["review"]
    assert review["status"] == "reviewed" and review["note"] == "=HYPERLINK(1)"
    states = {(c["name"], c["state"]) for c in review["candidates"]}
    assert {("Lu Shaye", "accepted"), ("Lu Sha", "rejected")} <= states
    assert len(review["decisions"]) == 8
    assert {n["on"] for n in review["notes"]} == {"article", "mention", "quote"}


def test_spans_slice_to_the_mention_texts(doc: Article, reviewed: ReviewedAnalysis) -> None:
    line = dumps(formats.to_spans(doc, reviewed))
    record = json.loads(line)
    assert "\n" not in line and record["text"] == doc.text
    got = {(s["start"], s["end"], record["text"][s["start"] : s["end"]]) for s in record["spans"]}
    assert got == mention_texts(doc, reviewed)
    assert {s["label"] for s in record["spans"]} == {"PERSON", "PLACE", "ORGANIZATION"}
    assert record["meta"]["status"] == "reviewed"


def parse_ann(ann: str) -> dict[str, list[list[str]]]:
    kinds: dict[str, list[list[str]]] = {}
    for line in ann.splitlines():
        fields = line.split("\t")
        kinds.setdefault(fields[0][0], []).append(fields)
    return kinds


def test_brat_ann_parses_and_its_offsets_index_the_txt(doc: Article, reviewed: ReviewedAnalysis) -> None:
    txt, ann = formats.to_brat(doc, reviewed)
    assert txt == doc.text
    kinds = parse_ann(ann)
    ids = set()
    spans = set()
    for tid, body, shown in kinds["T"]:
        label, where = body.split(" ", 1)
        pieces = [tuple(map(int, p.split())) for p in where.split(";")]
        assert " ".join(txt[a:b] for a, b in pieces) == shown
        assert re.fullmatch(r"[A-Z][A-Za-z0-9_-]*", label)
        ids.add(tid)
        if label != "Quote":
            spans.add((pieces[0][0], pieces[-1][1], shown))
    assert spans == mention_texts(doc, reviewed)
    assert len([t for t in kinds["T"] if t[1].startswith("Quote ")]) == 2
    for _, body in kinds["R"]:
        label, arg1, arg2 = body.split(" ")
        assert label == "Speaker" and arg1[5:] in ids and arg2[5:] in ids
    for fields in kinds["*"]:
        assert all(t in ids for t in fields[1].split(" ")[1:])
    (norm,) = [n for n in kinds["N"] if n[2] == "Lu Shaye"]
    assert norm[1].startswith("Reference T") and norm[1].split(" ")[1] in ids
    notes = {n[2] for n in kinds["#"]}
    who = reviewed.decisions[0].reviewer
    assert notes == {"spelling [sic] *checked*", "from the readout", f"accepted by {who}"}


def csv_of(doc: Article, reviewed: ReviewedAnalysis) -> list[dict[str, str]]:
    buf = io.StringIO()
    formats.write_csv(formats.csv_rows(doc, reviewed), buf)
    return list(csv.DictReader(io.StringIO(buf.getvalue())))


def test_csv_parses_back_with_a_row_per_entity_candidate_and_quote(
    doc: Article, reviewed: ReviewedAnalysis
) -> None:
    rows = csv_of(doc, reviewed)
    assert [r["record"] for r in rows] == [
        *("entity", "candidate", "candidate"),  # Lu Shai and the two names offered for it
        *("entity", "candidate", "entity", "entity"),
        *("quote", "quote"),
    ]
    lu = rows[0]
    assert (lu["name"], lu["reference"], lu["note"]) == ("Lu Shai", "Lu Shaye", "spelling [sic] *checked*")
    assert doc.text[int(lu["start"]) : int(lu["end"])] == lu["text"]
    assert rows[-1]["speaker_name"] == "Lu Shai"


def test_csv_and_brat_keep_every_verdict_apart(store: Store, doc: Article, analysis: Analysis) -> None:
    review = ArticleReview(store, doc, analysis)
    fresh = {(r["record"], r["name"], r["reference"]): r["state"] for r in csv_of(doc, review.reviewed)}
    assert fresh[("entity", "Lu Shai", "")] == "undecided"
    assert fresh[("candidate", "Lu Shai", "Lu Sha")] == "undecided"
    assert fresh[("entity", "Volodymyr Zelensky", "Volodymyr Zelensky")] == "matched"
    review.unsure("e1", LU_SHAYE)
    review.reject("e1", LU_SHA)
    states = {(r["record"], r["name"], r["reference"]): r["state"] for r in csv_of(doc, review.reviewed)}
    assert states[("candidate", "Lu Shai", "Lu Shaye")] == "unsure"
    assert states[("candidate", "Lu Shai", "Lu Sha")] == "rejected"
    assert states[("entity", "Lu Shai", "")] == "unsure"
    review.reject("e1", LU_SHAYE)
    rows = csv_of(doc, review.reviewed)
    assert next(r for r in rows if r["name"] == "Lu Shai")["state"] == "rejected"
    review.accept("e1", LU_SHAYE)
    rows = csv_of(doc, review.reviewed)
    assert next(r for r in rows if r["name"] == "Lu Shai")["state"] == "accepted"
    assert "decided" not in {r["state"] for r in rows if r["record"] != "quote"}
    _, ann = formats.to_brat(doc, review.reviewed)
    verdicts = [f[1].split(" ") for f in parse_ann(ann)["A"]]
    lu_first = parse_ann(ann)["T"][0][0]
    assert ["Verdict", lu_first, "accepted"] in verdicts
    assert {v[2] for v in verdicts} == {"accepted", "matched"}


def test_brat_reference_ids_name_their_list_once(doc: Article) -> None:
    lu = find(doc.text, "Lu Shai")
    listed = Match("Lu Shaye", 99.0, "bundled", "same", "exact", entry_id="bundled:19")
    other = Match("Kyiv", 99.0, "my list", "same", "exact", entry_id="Q1899")
    kyiv = find(doc.text, "Kyiv")
    analysis = Analysis(
        entities=(
            Entity("e1", "Lu Shai", "person", (lu,), reference=listed),
            Entity("e2", "Kyiv", "place", (kyiv,), reference=other),
        )
    )
    _, ann = formats.to_brat(doc, ArticleReview(Store.in_memory(), doc, analysis).reviewed)
    refs = [n[1].split(" ")[2] for n in parse_ann(ann)["N"]]
    assert refs == ["bundled:19", "my_list:Q1899"]


def test_annotation_conf_declares_every_label_and_verdict(doc: Article, reviewed: ReviewedAnalysis) -> None:
    _, ann = formats.to_brat(doc, reviewed)
    conf = formats.annotation_conf([ann])
    sections = re.split(r"^\[(\w+)\]$", conf, flags=re.M)
    body = dict(zip(sections[1::2], sections[2::2], strict=True))
    used = {t[1].split(" ", 1)[0] for t in parse_ann(ann)["T"]}
    assert used <= set(body["entities"].split())
    assert body["relations"].split("\t")[0].strip() == "Speaker"
    (verdict,) = body["attributes"].strip().splitlines()
    values = set(verdict.split("Value:")[1].split("|"))
    assert {"accepted", "rejected", "unsure", "undecided"} <= values


def test_csv_cells_cannot_become_spreadsheet_formulas() -> None:
    buf = io.StringIO()
    formats.write_csv([{"name": "=1+1", "note": "@SUM(A1)", "text": "-2", "start": 3}], buf)
    row = next(csv.DictReader(io.StringIO(buf.getvalue())))
    assert (row["name"], row["note"], row["text"], row["start"]) == ("'=1+1", "'@SUM(A1)", "'-2", "3")


def test_markdown_report_has_everything_and_no_live_markup(doc: Article, reviewed: ReviewedAnalysis) -> None:
    md = formats.to_markdown(doc, reviewed)
    assert md.startswith("# Lu Shai met Volodymyr Zelensky in Kyiv on Monday.\n")
    assert "- Status: **reviewed**" in md
    assert "**Lu Shai** — person, 3 mentions; reference: Lu Shaye (bundled, 91, accepted)" in md
    assert "Lu Sha (rejected)" in md
    assert "— **Lu Shai** — speaker set by the reviewer" in md
    assert "spelling \\[sic\\] \\*checked\\*" in md
    assert "## Decisions (8)" in md and "accepted Lu Shaye (bundled) for Lu Shai" in md


def test_source_offsets_index_the_text_as_decoded() -> None:
    raw = "Intro \x1b[31mred\x1b[0m text.\n\nLu Shai spoke."
    doc = article.from_text(raw, "dirty.txt")
    assert doc.source_text is not None and doc.text != raw
    lu = find(doc.text, "Lu Shai")
    analysis = Analysis(entities=(Entity("e1", "Lu Shai", "person", (lu,)),))
    reviewed = ArticleReview(Store.in_memory(), doc, analysis).reviewed
    record = formats.to_spans(doc, reviewed)
    (span,) = record["spans"]
    assert record["text"] == raw and raw[span["start"] : span["end"]] == "Lu Shai"
    txt, ann = formats.to_brat(doc, reviewed, text="clean")
    start, end = map(int, ann.split("\t")[1].split(" ")[1:])
    assert txt == doc.text and txt[start:end] == "Lu Shai"


@pytest.mark.parametrize(
    ("fmt", "suffixes"),
    [
        ("md", [".md"]),
        ("json", [".json"]),
        ("csv", [".csv"]),
        ("spans", [".jsonl"]),
        ("brat", [".txt", ".ann"]),
    ],
)
def test_each_format_gives_the_files_of_a_palette_export(
    doc: Article, reviewed: ReviewedAnalysis, fmt: str, suffixes: list[str]
) -> None:
    files = formats.named(fmt).files(doc, reviewed)
    assert list(files) == suffixes and all(files.values())


def test_a_file_of_one_article_holds_what_the_format_streams_for_it(
    doc: Article, reviewed: ReviewedAnalysis
) -> None:
    for fmt in formats.FORMATS:
        if fmt.stream is None:
            continue
        (content,) = fmt.files(doc, reviewed).values()
        assert content == fmt.stream([fmt.render(doc, reviewed, text="source")], False)


def test_an_unknown_format_is_refused_by_name(doc: Article, reviewed: ReviewedAnalysis) -> None:
    with pytest.raises(ValueError, match="unknown export format 'xml'"):
        formats.named("xml")


def test_the_command_offers_every_format_and_only_those(capsys: Capsys) -> None:
    with pytest.raises(SystemExit):
        cli.main(["export", "--help"])
    shown = " ".join(capsys.readouterr().out.split())
    for fmt in formats.FORMATS:
        assert f"{fmt.name}: {fmt.help}" in shown
    with pytest.raises(SystemExit, match="2"):
        cli.main(["export", "-f", "xml", str(SEED)])
    assert "invalid choice: 'xml'" in capsys.readouterr().err


# -- the command ------------------------------------------------------------------


@pytest.fixture
def seed_with_decisions(tmp_path: Path) -> tuple[Path, Path]:
    """The bundled sample, copied, with decisions stored for it as the reader would make them."""
    from newsreader.analysis.service import Analyzer

    path = tmp_path / "story.txt"
    path.write_bytes(SEED.read_bytes())
    store_file = tmp_path / "store.sqlite3"
    doc = article.load(path)
    review = ArticleReview.open(doc, Analyzer.from_options().analyze(doc), store=store_file)
    lu = next(e for e in review.reviewed.analysis.entities if e.name == "Lu Shai")
    review.accept(lu, Match("Lu Shaye", 91.0, "bundled", "maybe", "one letter apart"))
    review.note("the ambassador to France", on=lu.mentions[0])
    review.set_status("flagged")
    review.close()
    return path, store_file


def run(args: list[str], capsys: Capsys) -> tuple[int, str, str]:
    code = cli.main(["export", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_export_markdown_to_stdout(seed_with_decisions: tuple[Path, Path], capsys: Capsys) -> None:
    path, store_file = seed_with_decisions
    code, out, err = run(["--store", str(store_file), str(path)], capsys)
    assert code == 0 and err == ""
    assert "- Status: **flagged**" in out
    assert re.search(
        r"\*\*Lu Shai\*\* — person, 1 mention; reference: Lu Shaye \(bundled, \d+, accepted\)", out
    )
    assert "the ambassador to France" in out


@pytest.mark.parametrize("fmt", ["json", "csv", "spans"])
def test_export_formats_to_stdout_parse(
    fmt: str, seed_with_decisions: tuple[Path, Path], capsys: Capsys
) -> None:
    path, store_file = seed_with_decisions
    code, out, _ = run(["--store", str(store_file), "-f", fmt, str(path)], capsys)
    assert code == 0
    if fmt == "json":
        assert json.loads(out)["review"]["status"] == "flagged"
    elif fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(out)))
        assert any(r["name"] == "Lu Shai" and r["reference"] == "Lu Shaye" for r in rows)
    else:
        record = json.loads(out)
        assert all(record["text"][s["start"] : s["end"]].strip() for s in record["spans"])


def test_export_brat_writes_txt_and_ann(
    seed_with_decisions: tuple[Path, Path], tmp_path: Path, capsys: Capsys
) -> None:
    path, store_file = seed_with_decisions
    out_dir = tmp_path / "ann"
    code, _, err = run(["--store", str(store_file), "-f", "brat", "-o", str(out_dir), str(path)], capsys)
    assert code == 0 and "wrote" in err
    txt = (out_dir / "story.txt").read_text(encoding="utf-8")
    kinds = parse_ann((out_dir / "story.ann").read_text(encoding="utf-8"))
    assert any(n[2] == "Lu Shaye" for n in kinds["N"])
    for _, body, shown in kinds["T"]:
        pieces = [tuple(map(int, p.split())) for p in body.split(" ", 1)[1].split(";")]
        assert " ".join(txt[a:b] for a, b in pieces) == shown


def test_export_files_one_per_article(
    seed_with_decisions: tuple[Path, Path], tmp_path: Path, capsys: Capsys
) -> None:
    path, store_file = seed_with_decisions
    other = tmp_path / "sub" / "story.txt"
    other.parent.mkdir()
    other.write_text("Angela Merkel spoke in Berlin.\n", encoding="utf-8")
    out_dir = tmp_path / "out"
    code, out, _ = run(
        ["--store", str(store_file), "-f", "md", "-o", str(out_dir), str(path), str(other)], capsys
    )
    assert code == 0 and out == ""
    assert sorted(p.name for p in out_dir.iterdir()) == ["story-2.md", "story.md"]


def test_export_never_overwrites_an_article(seed_with_decisions: tuple[Path, Path], capsys: Capsys) -> None:
    path, store_file = seed_with_decisions
    before = path.read_bytes()
    code, _, err = run(["--store", str(store_file), "-f", "brat", "-o", str(path.parent), str(path)], capsys)
    assert code == 0 and "Traceback" not in err
    assert path.read_bytes() == before
    assert (path.parent / "story-2.txt").exists() and (path.parent / "story-2.ann").exists()
    assert f"wrote {path.parent / 'story-2.txt'}" in err


def test_export_to_a_folder_adds_a_number_instead_of_overwriting(
    seed_with_decisions: tuple[Path, Path], tmp_path: Path, capsys: Capsys
) -> None:
    path, store_file = seed_with_decisions
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    (out_dir / "story.md").write_text("my own report\n", encoding="utf-8")
    for _ in range(2):
        code, _, err = run(["--store", str(store_file), "-o", str(out_dir), str(path)], capsys)
        assert code == 0
    assert (out_dir / "story.md").read_text(encoding="utf-8") == "my own report\n"
    assert sorted(p.name for p in out_dir.iterdir()) == ["story-2.md", "story-3.md", "story.md"]
    assert f"wrote {out_dir / 'story-3.md'}" in err


def test_export_brat_writes_annotation_conf_once(
    seed_with_decisions: tuple[Path, Path], tmp_path: Path, capsys: Capsys
) -> None:
    path, store_file = seed_with_decisions
    out_dir = tmp_path / "ann"
    run(["--store", str(store_file), "-f", "brat", "-o", str(out_dir), str(path)], capsys)
    conf = (out_dir / "annotation.conf").read_text(encoding="utf-8")
    assert "[entities]" in conf and "Verdict" in conf
    (out_dir / "annotation.conf").write_text("[entities]\nMine\n", encoding="utf-8")
    code, _, err = run(["--store", str(store_file), "-f", "brat", "-o", str(out_dir), str(path)], capsys)
    assert code == 0 and "left as it is" in err
    assert (out_dir / "annotation.conf").read_text(encoding="utf-8") == "[entities]\nMine\n"


def test_export_names_files_by_the_input_not_by_a_hash_in_it(tmp_path: Path, capsys: Capsys) -> None:
    tricky = tmp_path / "in" / "a#..#..#escaped.txt"
    tricky.parent.mkdir()
    tricky.write_text("Angela Merkel spoke in Berlin.\n", encoding="utf-8")
    deep = tmp_path / "in" / "x#" / ".." / "b#3.txt"
    (tmp_path / "in" / "x#").mkdir()
    deep.write_text("Olaf Scholz spoke in Bonn.\n", encoding="utf-8")
    up = tmp_path / "in" / "x#" / ".." / ".." / "c.txt"  # read as FEED#N, its tail climbs out
    up.write_text("Emmanuel Macron spoke in Paris.\n", encoding="utf-8")
    out_dir = tmp_path / "deep" / "out"
    inputs = [str(tricky), str(deep), str(up)]
    code, _, err = run(["--store", str(tmp_path / "s"), "-o", str(out_dir), *inputs], capsys)
    assert code == 0, err
    assert sorted(p.name for p in out_dir.iterdir()) == ["a#..#..#escaped.md", "b#3.md", "c.md"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.txt", "deep", "in"]
    assert sorted(p.name for p in (tmp_path / "deep").iterdir()) == ["out"]


def test_export_without_a_store_exports_the_plain_analysis(tmp_path: Path, capsys: Capsys) -> None:
    missing = tmp_path / "no-store.sqlite3"
    code, out, _ = run(["--store", str(missing), str(SEED)], capsys)
    assert code == 0 and "- Status: **new**" in out
    assert not missing.exists()


def test_export_errors_are_one_line(tmp_path: Path, capsys: Capsys) -> None:
    code, out, err = run(["--store", str(tmp_path / "s"), str(tmp_path / "missing.txt")], capsys)
    assert code == 2 and out == "" and err.count("\n") == 1 and "no such file" in err
    code, _, err = run(["-f", "brat", "-o", "-", str(SEED)], capsys)
    assert code == 2 and "--output DIR" in err
    code, out, err = run(["--store", str(tmp_path / "s"), str(SEED), str(tmp_path / "missing.txt")], capsys)
    assert code == 1 and out.startswith("# ")


def test_export_refuses_a_store_path_that_is_a_users_file(tmp_path: Path, capsys: Capsys) -> None:
    mine = tmp_path / "notes.txt"
    mine.write_bytes(b"my own notes, not a database\n" * 100)
    code, out, err = run(["--store", str(mine), str(SEED)], capsys)
    assert code == 2 and out == "" and err.count("\n") == 1 and "not a review store" in err
    assert mine.read_bytes() == b"my own notes, not a database\n" * 100
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


def test_export_with_a_damaged_store_says_so_and_leaves_it(
    seed_with_decisions: tuple[Path, Path], capsys: Capsys
) -> None:
    path, store_file = seed_with_decisions
    data = store_file.read_bytes()
    store_file.write_bytes(data[:100] + b"\xff" * (len(data) - 100))  # our header, pages gone
    code, _, err = run(["--store", str(store_file), str(path)], capsys)
    assert code == 2 and "damaged" in err and "Traceback" not in err
    assert store_file.read_bytes()[:100] == data[:100]


def test_export_from_a_store_leaves_no_files_beside_it(
    seed_with_decisions: tuple[Path, Path], capsys: Capsys
) -> None:
    path, store_file = seed_with_decisions
    before = store_file.read_bytes()
    store_file.chmod(0o444)
    try:
        code, out, _ = run(["--store", str(store_file), str(path)], capsys)
    finally:
        store_file.chmod(0o644)
    assert code == 0 and "- Status: **flagged**" in out
    assert not store_file.with_name(store_file.name + "-wal").exists()
    assert not store_file.with_name(store_file.name + "-shm").exists()
    assert store_file.read_bytes() == before

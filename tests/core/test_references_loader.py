"""Reference-list loading: our CSV format, OpenSanctions targets.simple.csv, bad rows, bad files.

Every list here is made up for the test; a malformed row must be reported with the line a
user would find it on in an editor, and skipped, while the rest of the list loads.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from newsreader.analysis import references
from newsreader.analysis.references import ReferenceError, ReferenceList

OUR_HEADER = "name,aliases,type,description,source\n"
OS_HEADER = (
    "id,schema,name,aliases,birth_date,countries,addresses,identifiers,"
    "sanctions,phones,emails,dataset,first_seen,last_seen,last_change\n"
)


def os_row(
    id_: str, schema: str, name: str, aliases: str = "", countries: str = "", sanctions: str = ""
) -> str:
    """One OpenSanctions row with the 15 columns of OS_HEADER."""
    cells = [id_, schema, name, aliases, "", countries, "", "", sanctions, "", "", "test-set", "", "", ""]
    return ",".join(cells) + "\n"


@pytest.fixture(autouse=True)
def _own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSREADER_CACHE", str(tmp_path / "cache"))


def names(refs: ReferenceList) -> list[str]:
    return [e.name for e in refs.entries]


def problem_lines(refs: ReferenceList) -> list[int]:
    """The line numbers the problems name ("line 12: ...")."""
    out = []
    for p in refs.problems:
        assert p.startswith("line "), p
        out.append(int(p.split(":", 1)[0].removeprefix("line ")))
    return out


def write_file(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# --- our format -------------------------------------------------------------------


def test_our_format_reports_each_bad_row_by_line_and_loads_the_rest(tmp_path: Path) -> None:
    text = (
        OUR_HEADER  # line 1
        + "Anna Kowalczyk,A. Kowalczyk;Kowalczyk Anna,person,Polish finance minister,https://a.example\n"  # 2
        + "Only Two,fields\n"  # 3: too few fields
        + ",Nobody,person,a row without a name,\n"  # 4: no name
        + "Sea Breeze,,vessel,a ship,\n"  # 5: unknown type
        + "Jan Nowak,,person,Mayor of Gdansk, Poland,https://b.example\n"  # 6: unquoted comma
        + "Nordvik Energy ASA,Nordvik,organization,Norwegian power company,\n"  # 7
        + "\n"  # 8: blank lines are not problems
        + "Lake Orrin,,place,a lake,\n"  # 9
    )
    refs = references.load(write_file(tmp_path, "mine.csv", text))

    assert names(refs) == ["Anna Kowalczyk", "Nordvik Energy ASA", "Lake Orrin"]
    assert problem_lines(refs) == [3, 4, 5, 6]
    assert all("skipped" in p for p in refs.problems)
    assert "vessel" in refs.problems[2]
    assert "name" in refs.problems[1]
    # the entries carry what the row said
    anna = refs.entries[0]
    assert anna.type == "person"
    assert anna.aliases == ("A. Kowalczyk", "Kowalczyk Anna")
    assert anna.description == "Polish finance minister"
    assert anna.source == "https://a.example"
    assert anna.list == "mine"
    assert [e.type for e in refs.entries] == ["person", "organization", "place"]


def test_our_format_without_the_optional_source_column() -> None:
    text = "name,aliases,type,description\nLena Varga,,person,Hungarian judge\nToo,many,fields,here,now,x\n"
    refs = references.parse(text, "short")
    assert names(refs) == ["Lena Varga"]
    assert refs.entries[0].source == ""
    assert problem_lines(refs) == [3]


def test_aliases_split_on_semicolons_trimmed_and_deduplicated() -> None:
    text = OUR_HEADER + 'Gamma Holdings,"Gamma; ;gamma holdings;  Gamma   Group ;GAMMA",organization,,\n'
    refs = references.parse(text, "t")
    # empty parts dropped, inner spaces collapsed, the name itself and repeats (any case) left out
    assert refs.entries[0].aliases == ("Gamma", "Gamma Group")
    assert refs.entries[0].names == ("Gamma Holdings", "Gamma", "Gamma Group")


def test_header_is_case_and_space_insensitive_and_type_is_case_insensitive() -> None:
    text = " Name , Aliases , TYPE , Description \nIrena Sopel,,Person,Croatian poet\n"
    refs = references.parse(text, "t")
    assert names(refs) == ["Irena Sopel"]
    assert refs.entries[0].type == "person"


def test_excel_style_file_with_bom_and_crlf_loads(tmp_path: Path) -> None:
    path = tmp_path / "excel.csv"
    path.write_bytes("\ufeffname,aliases,type,description\r\nÉva Szabó,Szabó Éva,person,mayor\r\n".encode())
    refs = references.load(path)
    assert names(refs) == ["Éva Szabó"]
    assert refs.entries[0].aliases == ("Szabó Éva",)
    assert refs.problems == []


def test_an_overlong_field_is_reported_and_the_next_row_loads() -> None:
    text = (
        OUR_HEADER + "Anna Kowalczyk,,person,a,\nHuge,,person," + "x" * 1_000_001 + ",\nLast One,,place,b,\n"
    )
    refs = references.parse(text, "t")
    assert names(refs) == ["Anna Kowalczyk", "Last One"]
    assert problem_lines(refs) == [3]


def test_text_after_a_closing_quote_is_a_reported_problem() -> None:
    # `"Nowak" Jan` is not valid CSV; loading it as the name 'Nowak Jan' hides the damage
    text = (
        OUR_HEADER + "Anna Kowalczyk,,person,a,\n" + '"Nowak" Jan,,person,mayor,\n' + "Last One,,place,b,\n"
    )
    refs = references.parse(text, "t")
    assert problem_lines(refs) == [3]
    assert names(refs) == ["Anna Kowalczyk", "Last One"]


def test_an_unterminated_quote_is_reported_and_the_rows_after_it_still_load() -> None:
    text = (
        OUR_HEADER
        + "Anna Kowalczyk,,person,a,\n"  # 2
        + '"Jan Nowak,,person,mayor of Gdansk,\n'  # 3: the quote is never closed
        + "Piotr Zielinski,,person,b,\n"  # 4
        + "Lake Orrin,,place,c,\n"  # 5
    )
    refs = references.parse(text, "t")
    assert problem_lines(refs)[:1] == [3]
    assert "Piotr Zielinski" in names(refs)
    assert "Lake Orrin" in names(refs)


def test_a_quoted_description_may_span_lines() -> None:
    text = OUR_HEADER + 'Anna Kowalczyk,,person,"Finance minister,\nformerly a judge",\nLast One,,place,b,\n'
    refs = references.parse(text, "t")
    assert names(refs) == ["Anna Kowalczyk", "Last One"]
    assert refs.problems == []
    assert "formerly a judge" in refs.entries[0].description


def test_line_numbers_stay_right_after_a_multi_line_field() -> None:
    text = (
        OUR_HEADER  # 1
        + 'Anna Kowalczyk,,person,"Finance minister,\nformerly a judge",\n'  # 2-3
        + "Only Two,fields\n"  # 4
    )
    refs = references.parse(text, "t")
    assert problem_lines(refs) == [4]


def test_entry_ids_are_stable_per_line_and_list() -> None:
    text = OUR_HEADER + "Bad,row\nAnna Kowalczyk,,person,a,\n"
    first = references.parse(text, "one")
    second = references.parse(text, "one")
    other = references.parse(text, "two")
    assert first.entries[0].id == second.entries[0].id
    assert first.entries[0].id != other.entries[0].id


# --- OpenSanctions ----------------------------------------------------------------


def test_opensanctions_schema_mapping_vessels_skipped_and_bad_rows_reported(tmp_path: Path) -> None:
    text = (
        OS_HEADER  # 1
        + os_row(
            "t-1", "Person", "Ivan Petrenko", "Иван Петренко;Ivan PETRENKO;I. Petrenko", "ru", "EU list"
        )  # 2
        + os_row("t-2", "Vessel", "SEA BREEZE")  # 3: not a name in news, skipped silently
        + os_row("t-3", "Company", "Kestrel Trading LLC", "Kestrel Trading", "ae")  # 4
        + os_row("t-4", "Organization", "Blue Harbour Front")  # 5
        + os_row("t-5", "Person", "")  # 6: no name
        + "t-6,Person,Too Few\n"  # 7: wrong field count
        + os_row("t-7", "Airplane", "RA-00001")  # 8: skipped silently
        + os_row("t-8", "LegalEntity", "Orrin Capital")  # 9
    )
    refs = references.load(write_file(tmp_path, "targets.simple.csv", text))

    by_name = {e.name: e for e in refs.entries}
    assert list(by_name) == ["Ivan Petrenko", "Kestrel Trading LLC", "Blue Harbour Front", "Orrin Capital"]
    assert by_name["Ivan Petrenko"].type == "person"
    assert by_name["Kestrel Trading LLC"].type == "organization"
    assert by_name["Blue Harbour Front"].type == "organization"
    assert by_name["Orrin Capital"].type == "organization"
    assert problem_lines(refs) == [6, 7]
    # aliases split on ';', a case-only repeat of the name dropped
    assert by_name["Ivan Petrenko"].aliases == ("Иван Петренко", "I. Petrenko")
    assert by_name["Kestrel Trading LLC"].aliases == ("Kestrel Trading",)
    # the OpenSanctions id is kept, and the entry cites its page
    assert by_name["Ivan Petrenko"].id == "t-1"
    assert "t-1" in by_name["Ivan Petrenko"].source
    # what the row says about the target is kept for the reviewer
    assert "ru" in by_name["Ivan Petrenko"].description
    assert "EU list" in by_name["Ivan Petrenko"].description


def test_opensanctions_header_is_recognised_with_extra_columns_in_any_order() -> None:
    text = "schema,name,id,aliases,extra\nPerson,Lena Varga,x-1,L. Varga,whatever\n"
    refs = references.parse(text, "os")
    assert names(refs) == ["Lena Varga"]
    assert refs.entries[0].id == "x-1"
    assert refs.entries[0].aliases == ("L. Varga",)


# --- files that cannot be read at all ----------------------------------------------


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"first,second,third\n1,2,3\n", "unknown columns"),
        (b"", "empty"),
        (b"name,aliases,type\x00\x00\x01\x02binary", "not a text file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not a text file"),
    ],
    ids=["unknown-header", "empty", "nul-bytes", "png"],
)
def test_unusable_files_raise_reference_error_with_one_line(
    tmp_path: Path, content: bytes, words: str
) -> None:
    path = tmp_path / "list.csv"
    path.write_bytes(content)
    with pytest.raises(ReferenceError) as err:
        references.load(path)
    message = str(err.value)
    assert "\n" not in message
    assert words in message
    assert "list.csv" in message


def test_an_unknown_header_is_told_every_format_that_is_read() -> None:
    with pytest.raises(ReferenceError) as err:
        references.parse("first,second\n1,2\n", "mine", source_label="mine.csv")
    assert [f.described in str(err.value) for f in references.FORMATS] == [True] * len(references.FORMATS)


def test_missing_file_and_directory_raise_reference_error(tmp_path: Path) -> None:
    with pytest.raises(ReferenceError, match="no such file") as err:
        references.load(tmp_path / "absent.csv")
    assert "\n" not in str(err.value)
    with pytest.raises(ReferenceError, match="directory") as err:
        references.load(tmp_path)
    assert "\n" not in str(err.value)


def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "list.csv"
    os.mkfifo(fifo)
    with pytest.raises(ReferenceError, match="not a regular file"):
        references.load(fifo)  # opening it would wait forever for a writer


def test_a_device_that_never_ends_is_refused() -> None:
    with pytest.raises(ReferenceError, match="not a regular file"):
        references.load("/dev/zero")


def test_a_list_over_the_size_limit_is_refused_and_says_how_to_raise_it(tmp_path: Path) -> None:
    path = write_file(tmp_path, "big.csv", OUR_HEADER + "Anna Kowalczyk,,person,a,\n" * 100)
    with pytest.raises(ReferenceError) as err:
        references.load(path, max_bytes=1000)
    assert "too large" in str(err.value) and "--max-list-size" in str(err.value)
    assert len(references.load(path, max_bytes=10_000).entries) == 100
    assert references.DEFAULT_MAX_LIST_BYTES >= 500 * 1024 * 1024  # OpenSanctions' exports fit


def test_a_latin1_list_is_decoded_as_such_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "latin.csv"
    path.write_bytes((OUR_HEADER + "José Müller,Jose Muller,person,café owner,\n").encode("latin-1"))
    refs = references.load(path)
    assert names(refs) == ["José Müller"] and refs.entries[0].description == "café owner"
    assert "\ufffd" not in refs.entries[0].name
    assert len(refs.problems) == 1 and "not valid UTF-8" in refs.problems[0]


def test_a_utf16_list_with_its_bom_loads(tmp_path: Path) -> None:
    path = tmp_path / "excel.csv"
    path.write_bytes((OUR_HEADER + "Zoë Łukasz,,person,x,\n").encode("utf-16"))
    assert names(references.load(path)) == ["Zoë Łukasz"]


def test_cli_refuses_a_fifo_list_and_the_limit_can_be_raised(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.csv")
    write_file(tmp_path, "x.txt", "Anna Kowalczyk spoke.\n")
    result = run_cli(["analyze", "--references", "pipe.csv", "x.txt"], tmp_path)
    assert result.returncode == 2 and "pipe.csv: is not a regular file" in result.stderr
    write_file(tmp_path, "l.csv", OUR_HEADER + "Anna Kowalczyk,,person,a,\n" * 2000)
    result = run_cli(["analyze", "--max-list-size", "0.01", "--references", "l.csv", "x.txt"], tmp_path)
    assert result.returncode == 2 and "too large" in result.stderr
    result = run_cli(["analyze", "--max-list-size", "1", "--references", "l.csv", "x.txt"], tmp_path)
    assert result.returncode == 0, result.stderr
    result = run_cli(["analyze", "--max-list-size", "inf", "x.txt"], tmp_path)
    assert result.returncode == 2 and "Traceback" not in result.stderr


def test_digest_follows_content_not_path(tmp_path: Path) -> None:
    a = write_file(tmp_path, "a.csv", OUR_HEADER + "Anna Kowalczyk,,person,a,\n")
    b = write_file(tmp_path, "b.csv", OUR_HEADER + "Anna Kowalczyk,,person,a,\n")
    c = write_file(tmp_path, "c.csv", OUR_HEADER + "Anna Kowalczyk,,person,changed,\n")
    da, db, dc = (references.load(p).digest for p in (a, b, c))
    assert da == db
    assert da != dc


# --- the command line ---------------------------------------------------------------


def run_cli(args: list[str], tmp_path: Path, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env.pop("NEWSREADER_DEBUG", None)
    env["NEWSREADER_CACHE"] = str(tmp_path / "cache")
    env["NEWSREADER_STORE"] = str(tmp_path / "store.sqlite3")
    env["NEWSREADER_CONFIG_DIR"] = str(tmp_path / "config")
    return subprocess.run(
        [sys.executable, "-m", "newsreader", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=120,
    )


def test_cli_analyze_reports_bad_rows_on_stderr_and_still_succeeds(tmp_path: Path) -> None:
    write_file(
        tmp_path,
        "bad.csv",
        "name,aliases,type,description\n"
        "Radoslav Kvetnik,,person,Slovak transport minister\n"
        "Only Two,fields\n"
        ",Nobody,person,no name\n"
        "Sea Breeze,,vessel,a ship\n",
    )
    write_file(
        tmp_path, "x.txt", "Radoslav Kvetnik, the transport minister, opened a new bridge on Monday.\n"
    )
    result = run_cli(["analyze", "--references", "bad.csv", "x.txt"], tmp_path)

    assert result.returncode == 0, result.stderr
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 3
    assert all("bad.csv" in line for line in errors)
    for line, number in zip(errors, (3, 4, 5), strict=True):
        assert f"line {number}:" in line
    assert "Traceback" not in result.stderr
    # the good row of the list was used
    data = json.loads(result.stdout)
    refs = {e["name"]: e["reference"] for e in data["entities"]}
    assert refs["Radoslav Kvetnik"]["name"] == "Radoslav Kvetnik"
    assert refs["Radoslav Kvetnik"]["list"] == "bad"


@pytest.mark.parametrize(
    ("setup", "words"),
    [
        (lambda d: None, "no such file"),
        (lambda d: (d / "missing.csv").mkdir(), "directory"),
        (lambda d: (d / "missing.csv").write_text("first,second\n1,2\n"), "unknown columns"),
    ],
    ids=["missing", "directory", "unknown-columns"],
)
def test_cli_unusable_list_is_one_line_and_exit_2(
    tmp_path: Path, setup: Callable[[Path], object], words: str
) -> None:
    setup(tmp_path)
    write_file(tmp_path, "x.txt", "Radoslav Kvetnik opened a bridge.\n")
    result = run_cli(["analyze", "--references", "missing.csv", "x.txt"], tmp_path)
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "missing.csv" in lines[0]
    assert words in lines[0]
    assert "Traceback" not in result.stderr


def test_an_unreadable_cache_folder_costs_a_rebuild_not_a_crash(tmp_path: Path) -> None:
    """As the user the cache folder is not readable by (as root: another user, since root
    reads every folder)."""
    shared = Path(os.environ.get("TMPDIR", "/tmp")) / f"nr-cache-test-{os.getpid()}"
    shared.mkdir(mode=0o777)
    try:
        shared.chmod(0o777)
        cache = shared / "cache"
        env = dict(os.environ, NEWSREADER_CACHE=str(cache), NEWSREADER_CONFIG_DIR=str(shared / "config"))
        env.pop("NEWSREADER_DEBUG", None)
        command = [sys.executable, "-m", "newsreader", "match", "Lu Shai"]
        if os.geteuid() == 0:
            if not Path("/usr/bin/setpriv").exists():
                pytest.skip("running as root without setpriv: no other user to be")
            command = ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", *command]
        subprocess.run(command, env=env, capture_output=True, timeout=120, check=True, cwd=shared)
        assert (cache / "refindex").is_dir()  # the index was cached by that user
        cache.chmod(0o000)
        result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120, cwd=shared)
        assert result.returncode == 0 and "Lu Shaye" in result.stdout, result.stderr
        assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    finally:
        if (shared / "cache").exists():
            (shared / "cache").chmod(0o700)
        shutil.rmtree(shared, ignore_errors=True)

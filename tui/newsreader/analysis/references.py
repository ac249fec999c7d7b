"""Reference lists: the bundled list of world-affairs names and the user's own.

The formats read are `FORMATS`, told apart by their header:
- OpenSanctions "targets.simple.csv": `id,schema,name,aliases,birth_date,countries,...`;
- ours: `name,aliases,type,description[,source]`, aliases `;`-separated.
A malformed row is reported with its line number and skipped; the rest loads. A new
format is one reader of rows and one entry in `FORMATS`.
"""

from __future__ import annotations

import csv
import hashlib
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from newsreader.analysis.model import ORGANIZATION, PERSON, PLACE
from newsreader.article import size_text
from newsreader.cleaning import BinaryContent, decode, printable

OUR_COLUMNS = ("name", "aliases", "type", "description")
OPENSANCTIONS_COLUMNS = ("id", "schema", "name", "aliases")
TYPES = {PERSON, ORGANIZATION, PLACE}
# FollowTheMoney schemata to our types; vessels, aircraft and the like are not names in news
SCHEMA_TYPES = {
    "Person": PERSON,
    "Organization": ORGANIZATION,
    "Company": ORGANIZATION,
    "LegalEntity": ORGANIZATION,
    "PublicBody": ORGANIZATION,
    "Address": PLACE,
}
MAX_FIELD = 1_000_000  # the OpenSanctions lists carry long alias fields


class ReferenceError(Exception):
    """A reference list that cannot be read at all (missing, binary, unknown columns)."""


@dataclass(frozen=True)
class Entry:
    id: str
    name: str
    aliases: tuple[str, ...]
    type: str
    description: str
    source: str = ""
    list: str = ""

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass
class ReferenceList:
    name: str  # shown to the reviewer: "bundled" or the file's name
    path: Path | None
    entries: list[Entry] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # "line 12: no name" ...
    digest: str = ""  # content hash: the on-disk index is keyed by it


DEFAULT_MAX_LIST_BYTES = 1024 * 1024 * 1024  # 1 GB: OpenSanctions' largest export fits


def load(
    path: str | Path, *, list_name: str | None = None, max_bytes: int = DEFAULT_MAX_LIST_BYTES
) -> ReferenceList:
    """Read a reference list of at most `max_bytes`; raises ReferenceError when nothing can
    be read. Only a regular file is read (a FIFO would block, a device never end). The
    encoding is found as an article's is (`cleaning.decode`); a guess is in `problems`."""
    p = Path(path)
    label = printable(str(p))
    data = _read_regular(p, label, max_bytes)
    try:
        decoded = decode(data)
    except BinaryContent as err:
        raise ReferenceError(f"{label}: not a text file ({err})") from None
    name = list_name or p.stem
    refs = parse(decoded.text, name, source_label=label)
    if decoded.note:
        refs.problems.insert(0, decoded.note)
    refs.path = p
    refs.digest = hashlib.sha256(data).hexdigest()
    return refs


def _read_regular(p: Path, label: str, max_bytes: int) -> bytes:
    try:
        st = p.stat()
        if stat.S_ISDIR(st.st_mode):
            raise ReferenceError(f"{label}: is a directory, not a file")
        if not stat.S_ISREG(st.st_mode):
            raise ReferenceError(f"{label}: is not a regular file (a pipe or a device cannot be a list)")
        if st.st_size > max_bytes:
            raise ReferenceError(f"{label}: too large ({size_text(st.st_size)}; {_limit(max_bytes)})")
        with p.open("rb") as fh:
            data = fh.read(max_bytes + 1)  # the file may have grown since stat()
    except FileNotFoundError:
        raise ReferenceError(f"{label}: no such file") from None
    except OSError as err:
        raise ReferenceError(f"{label}: cannot be read ({err.strerror or err})") from None
    if len(data) > max_bytes:
        raise ReferenceError(f"{label}: too large ({_limit(max_bytes)})")
    return data


def _limit(max_bytes: int) -> str:
    return f"the limit is {size_text(max_bytes)}; --max-list-size MB raises it"


MAX_RECORD_LINES = 20  # a quoted field may span lines; an unclosed quote must not eat the file


def _records(text: str) -> Iterator[tuple[int, list[str] | str]]:
    """(first line number, fields) per CSV record, or (line, problem) for a broken one.

    Records are gathered line by line, so a quote left open is reported at its line and
    reading resumes on the next, instead of swallowing the rest of the file."""
    lines = text.splitlines(keepends=True)
    i = 0
    while i < len(lines):
        start = i
        record = lines[i]
        i += 1
        while record.count('"') % 2 and i < len(lines) and i - start < MAX_RECORD_LINES:
            record += lines[i]
            i += 1
        if record.count('"') % 2:
            yield start + 1, "a quote is opened and never closed"
            i = start + 1
            continue
        try:
            rows = list(csv.reader([record], strict=True))
        except csv.Error as err:
            yield start + 1, str(err)
            continue
        if rows:
            yield start + 1, rows[0]


def parse(text: str, list_name: str, *, source_label: str = "<list>") -> ReferenceList:
    csv.field_size_limit(MAX_FIELD)
    records = _records(text)
    try:
        _, first = next(records)
    except StopIteration:
        raise ReferenceError(f"{source_label}: empty file") from None
    if isinstance(first, str):
        raise ReferenceError(f"{source_label}: not CSV ({first})")
    header = [h.strip().lower() for h in first]
    refs = ReferenceList(list_name, None, digest=hashlib.sha256(text.encode()).hexdigest())
    fmt = next((f for f in FORMATS if all(c in header for c in f.needs)), None)
    if fmt is None:
        found = ", ".join(header[:6])
        raise ReferenceError(f"{source_label}: unknown columns ({found}); expected {described_formats()}")
    refs.entries.extend(fmt.rows(records, header, list_name, refs.problems))
    return refs


Records = Iterator[tuple[int, "list[str] | str"]]


def _split_aliases(value: str, name: str) -> tuple[str, ...]:
    seen = {name.casefold()}
    out = []
    for alias in value.split(";"):
        alias = " ".join(alias.split())
        if alias and alias.casefold() not in seen:
            seen.add(alias.casefold())
            out.append(alias)
    return tuple(out)


def _well_formed(
    records: Records, header: list[str], problems: list[str], *, optional_last: bool
) -> Iterator[tuple[int, list[str]]]:
    """Records that parsed and have the header's number of fields (or one fewer when the
    last column is optional); the others are reported by line and skipped."""
    for line, row in records:
        if isinstance(row, str):
            problems.append(f"line {line}: {row}; skipped")
        elif not any(cell.strip() for cell in row):
            continue
        elif len(row) > len(header) or len(row) < len(header) - (1 if optional_last else 0):
            problems.append(f"line {line}: {len(row)} fields, expected {len(header)}; skipped")
        else:
            yield line, row


def _our_rows(records: Records, header: list[str], list_name: str, problems: list[str]) -> Iterator[Entry]:
    col = {h: i for i, h in enumerate(header)}
    for line, row in _well_formed(records, header, problems, optional_last=True):

        def get(key: str, row: list[str] = row) -> str:
            i = col.get(key)
            return row[i].strip() if i is not None and i < len(row) else ""

        name = " ".join(get("name").split())
        kind = get("type").lower()
        if not name:
            problems.append(f"line {line}: no name; skipped")
            continue
        if kind not in TYPES:
            problems.append(f"line {line}: type {kind!r} is not person, organization or place; skipped")
            continue
        yield Entry(
            id=f"{list_name}:{line}",
            name=name,
            aliases=_split_aliases(get("aliases"), name),
            type=kind,
            description=get("description"),
            source=get("source"),
            list=list_name,
        )


def _opensanctions_rows(
    records: Records, header: list[str], list_name: str, problems: list[str]
) -> Iterator[Entry]:
    col = {h: i for i, h in enumerate(header)}
    for line, row in _well_formed(records, header, problems, optional_last=False):
        schema = row[col["schema"]].strip()
        kind = SCHEMA_TYPES.get(schema)
        name = " ".join(row[col["name"]].split())
        if kind is None:
            continue  # vessels, aircraft, securities: not names a news text uses
        if not name:
            problems.append(f"line {line}: no name; skipped")
            continue
        parts = [schema]
        for key in ("countries", "birth_date", "sanctions", "dataset"):
            if key in col and row[col[key]].strip():
                parts.append(f"{key.replace('_', ' ')}: {row[col[key]].strip()[:120]}")
        yield Entry(
            id=row[col["id"]].strip() or f"{list_name}:{line}",
            name=name,
            aliases=_split_aliases(row[col["aliases"]], name),
            type=kind,
            description="; ".join(parts),
            source=f"https://www.opensanctions.org/entities/{row[col['id']].strip()}/",
            list=list_name,
        )


RowReader = Callable[[Records, list[str], str, list[str]], Iterator[Entry]]


@dataclass(frozen=True)
class ListFormat:
    """A kind of reference list: the columns its header holds, and how its rows become
    entries (`rows(records, header, list_name, problems)`, a bad row told in problems)."""

    described: str  # as `--references` help and an unknown header's error name it (`described_formats`)
    needs: tuple[str, ...]  # the header has every one of these
    rows: RowReader


# the first whose columns the header holds reads the list (an OpenSanctions header has a name)
FORMATS = (
    ListFormat(
        f"OpenSanctions targets.simple.csv ({','.join(OPENSANCTIONS_COLUMNS)},...)",
        OPENSANCTIONS_COLUMNS,
        _opensanctions_rows,
    ),
    ListFormat(f"our CSV ({','.join(OUR_COLUMNS)}[,source])", ("name", "type"), _our_rows),
)


def described_formats() -> str:
    """The formats read, as the help and the errors name them."""
    return " or ".join(f.described for f in FORMATS)

"""Reference lists: the bundled list of world-affairs names and the user's own.

Two formats are read, told apart by their header:
- ours: `name,aliases,type,description[,source]`, aliases `;`-separated;
- OpenSanctions "targets.simple.csv": `id,schema,name,aliases,birth_date,countries,...`.
A malformed row is reported with its line number and skipped; the rest loads.
"""

from __future__ import annotations

import csv
import hashlib
import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from newsreader.analysis.model import ORGANIZATION, PERSON, PLACE

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


def load(path: str | Path, *, list_name: str | None = None) -> ReferenceList:
    """Read a reference list; raises ReferenceError when nothing can be read."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise ReferenceError(f"{p}: no such file") from None
    except IsADirectoryError:
        raise ReferenceError(f"{p}: is a directory, not a file") from None
    except OSError as err:
        raise ReferenceError(f"{p}: cannot be read ({err.strerror or err})") from None
    if b"\x00" in data[:4096]:
        raise ReferenceError(f"{p}: not a text file")
    name = list_name or p.stem
    refs = parse(data.decode("utf-8-sig", errors="replace"), name, source_label=str(p))
    refs.path = p
    refs.digest = hashlib.sha256(data).hexdigest()
    return refs


def parse(text: str, list_name: str, *, source_label: str = "<list>") -> ReferenceList:
    csv.field_size_limit(MAX_FIELD)
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [h.strip().lower() for h in next(reader)]
    except StopIteration:
        raise ReferenceError(f"{source_label}: empty file") from None
    except csv.Error as err:
        raise ReferenceError(f"{source_label}: not CSV ({err})") from None
    refs = ReferenceList(list_name, None, digest=hashlib.sha256(text.encode()).hexdigest())
    if all(c in header for c in OPENSANCTIONS_COLUMNS):
        rows = _opensanctions_rows(reader, header, list_name, refs.problems)
    elif all(c in header for c in ("name", "type")):
        rows = _our_rows(reader, header, list_name, refs.problems)
    else:
        raise ReferenceError(
            f"{source_label}: unknown columns ({', '.join(header[:6])}); expected "
            f"{','.join(OUR_COLUMNS)} or the OpenSanctions targets.simple.csv columns"
        )
    refs.entries.extend(rows)
    return refs


def _split_aliases(value: str, name: str) -> tuple[str, ...]:
    seen = {name.casefold()}
    out = []
    for alias in value.split(";"):
        alias = " ".join(alias.split())
        if alias and alias.casefold() not in seen:
            seen.add(alias.casefold())
            out.append(alias)
    return tuple(out)


def _our_rows(
    reader: Iterator[list[str]], header: list[str], list_name: str, problems: list[str]
) -> Iterator[Entry]:
    col = {h: i for i, h in enumerate(header)}
    line = 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as err:
            problems.append(f"line {line + 1}: {err}; skipped")
            line += 1
            continue
        line += 1
        if not any(cell.strip() for cell in row):
            continue
        if len(row) < len(header) - 1 or len(row) > len(header):
            problems.append(f"line {line}: {len(row)} fields, expected {len(header)}; skipped")
            continue

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
    reader: Iterator[list[str]], header: list[str], list_name: str, problems: list[str]
) -> Iterator[Entry]:
    col = {h: i for i, h in enumerate(header)}
    line = 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as err:
            line += 1
            problems.append(f"line {line}: {err}; skipped")
            continue
        line += 1
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            problems.append(f"line {line}: {len(row)} fields, expected {len(header)}; skipped")
            continue
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

"""The bundled word lists, loaded once on first use.

The data files are derived from maintained packages by scripts/build_lexicons.py
(sources and licences in data/README.md). Unpacking them takes about 0.1 s, so the
unpacked tables are cached with `marshal` (a third of that to load) next to the other
derived data, keyed by the data files and the Python version; all of it happens on
first use, not at import.
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import marshal
import os
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from newsreader.analysis.cache import cache_root

DATA = Path(__file__).resolve().parent / "data"


@dataclass(frozen=True)
class Place:
    name: str
    kind: str  # country | continent | admin | city | region
    canonical: str
    country: str
    population: int

    @property
    def is_country(self) -> bool:
        """A country, or a land news names as one: a former state or a nation of the UK
        (Burma, Prussia, England)."""
        return self.kind in ("country", "region")

    @property
    def is_large(self) -> bool:
        """A country, a continent or a region: larger than any state or city."""
        return self.kind in ("country", "continent", "region")


def _lines(name: str) -> list[str]:
    with gzip.open(DATA / name, "rt", encoding="utf-8") as fh:
        return [line for line in fh.read().splitlines() if not line.startswith("#")]


def _grouped(name: str) -> dict[str, str]:
    """Files of `key<TAB>name name ...` rows -> {name: key}."""
    out: dict[str, str] = {}
    for line in _lines(name):
        key, names = line.split("\t", 1)
        out.update(dict.fromkeys(names.replace("_", " ").split(" "), key))
    return out


def _words_table() -> dict[str, float]:
    out: dict[str, float] = {}
    for line in _lines("words.tsv.gz"):
        key, names = line.split("\t", 1)
        out.update(dict.fromkeys(names.split(" "), float(key)))
    return out


def _places_table() -> dict[str, str]:
    with gzip.open(DATA / "places.tsv.gz", "rt", encoding="utf-8") as fh:
        text = fh.read()
    body = text[text.index("\n") + 1 :]  # after the header
    names, rows = body.split("\n--\n")
    return dict(zip(names.split("\n"), rows.rstrip("\n").split("\n"), strict=True))


def _nicknames_table() -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    for line in _lines("nicknames.tsv.gz"):
        name, others = line.split("\t", 1)
        out[name] = tuple(others.split(" "))
    return out


_FILES = ("words.tsv.gz", "given_names.tsv.gz", "surnames.tsv.gz", "places.tsv.gz", "nicknames.tsv.gz")
Tables = tuple[dict[str, float], dict[str, str], dict[str, str], dict[str, str], dict[str, tuple[str, ...]]]


@cache
def _tables() -> Tables:
    cached = _cached_tables_path()
    try:
        tables: Tables = marshal.loads(cached.read_bytes())
        return tables
    except (OSError, ValueError, EOFError, TypeError):
        pass
    tables = (
        _words_table(),
        _grouped("given_names.tsv.gz"),
        _grouped("surnames.tsv.gz"),
        _places_table(),
        _nicknames_table(),
    )
    with contextlib.suppress(OSError):  # no cache folder: unpack again next time
        cached.parent.mkdir(parents=True, exist_ok=True)
        tmp = cached.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(marshal.dumps(tables))
        os.replace(tmp, cached)
        for stale in cached.parent.glob("lexicons-*.marshal"):
            if stale != cached:  # unpacked from data files since changed: never read again
                stale.unlink(missing_ok=True)
    return tables


def _cached_tables_path() -> Path:
    """Where the unpacked tables of these data files, for this Python, are kept. Keyed by
    each file's size and modification time only: its access time changes as it is read, and
    a key holding it (as one did) unpacked the tables anew, 2.5 MB each time, day after day."""
    stats = [(s.st_size, s.st_mtime_ns) for s in ((DATA / f).stat() for f in _FILES)]
    stamp = hashlib.sha256(repr([sys.version_info[:2], *stats]).encode())
    return cache_root() / f"lexicons-{stamp.hexdigest()[:20]}.marshal"


def given_name(name: str) -> tuple[str, int] | None:
    """(gender m/f/u, frequency class 1-13 where most used) for a given name, or None."""
    key = _tables()[1].get(name)
    return (key[0], int(key[1:])) if key else None


def are_nicknames(a: str, b: str) -> bool:
    """Is one lower-case given name a nickname of the other (william / bill, joseph / joe)?"""
    return b in _tables()[4].get(a, ())


def nicknames(name: str) -> tuple[str, ...]:
    """The nicknames of a lower-case given name, and the names it is a nickname of."""
    return _tables()[4].get(name, ())


def surname_rank(name: str) -> int | None:
    """Approximate rank among US surnames (500 = in the top 500), or None."""
    key = _tables()[2].get(name)
    return int(key) if key else None


def place(name: str) -> Place | None:
    row = _tables()[3].get(name)
    if row is None:
        return None
    kind, canonical, country, population = row.split("\t")
    return Place(name, kind, canonical, country, int(population))


def is_country(name: str) -> bool:
    """Does `name`, as written or in title case ("LATVIA", "ukraine"), name a country
    (`Place.is_country`)? The one test of it for the whole package."""
    found = place(name) or place(name.title())
    return found is not None and found.is_country


def zipf(word: str) -> float:
    return _tables()[0].get(word.lower(), 0.0)


def preload() -> None:
    """Load everything now (for benchmarks and a warm start before the first text)."""
    _tables()

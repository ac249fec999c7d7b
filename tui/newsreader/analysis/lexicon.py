"""The bundled word lists, loaded once on first use.

The data files are derived from maintained packages by scripts/build_lexicons.py
(sources and licences in data/README.md). Loading all of them takes a few tens of
milliseconds, so it happens lazily, the first time a text is analysed.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"


@dataclass(frozen=True)
class Place:
    name: str
    kind: str  # country | continent | admin | city | region
    canonical: str
    country: str
    population: int


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


@cache
def word_zipf() -> dict[str, float]:
    """Lower-case English word -> Zipf frequency (7 = 'the', 3 = once per million words)."""
    out: dict[str, float] = {}
    for line in _lines("words.tsv.gz"):
        key, names = line.split("\t", 1)
        out.update(dict.fromkeys(names.split(" "), float(key)))
    return out


@cache
def _given() -> dict[str, str]:
    return _grouped("given_names.tsv.gz")


def given_name(name: str) -> tuple[str, int] | None:
    """(gender m/f/u, frequency class 1-13 where most used) for a given name, or None."""
    key = _given().get(name)
    return (key[0], int(key[1:])) if key else None


@cache
def _surnames() -> dict[str, str]:
    return _grouped("surnames.tsv.gz")


def surname_rank(name: str) -> int | None:
    """Approximate rank among US surnames (500 = in the top 500), or None."""
    key = _surnames().get(name)
    return int(key) if key else None


@cache
def _places() -> dict[str, str]:
    with gzip.open(DATA / "places.tsv.gz", "rt", encoding="utf-8") as fh:
        text = fh.read()
    body = text[text.index("\n") + 1 :]  # after the header
    names, rows = body.split("\n--\n")
    return dict(zip(names.split("\n"), rows.rstrip("\n").split("\n"), strict=True))


def place(name: str) -> Place | None:
    row = _places().get(name)
    if row is None:
        return None
    kind, canonical, country, population = row.split("\t")
    return Place(name, kind, canonical, country, int(population))


def zipf(word: str) -> float:
    return word_zipf().get(word.lower(), 0.0)


def preload() -> None:
    """Load everything now (for benchmarks and a warm start before the first text)."""
    word_zipf()
    _given()
    _surnames()
    _places()

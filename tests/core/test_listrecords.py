"""A big reference list read before, unchanged since, with its index cached, is not read
again; any change to the file, a lost index or a list small enough to teach the mention
finder its names make it read as before. The lists are invented here."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from newsreader import article
from newsreader.analysis import references, service
from newsreader.analysis.cache import cache_root
from newsreader.analysis.service import Analyzer

LIST = (
    "name,aliases,type,description\n"
    "Irena Sopel,,person,Mayor of Portsmouth (a test entry)\n"
    ",,person,a row with no name\n"
    "Tomas Brack,,person,Harbour master of Leeds (a test entry)\n"
)
STORY = "Harbour talks\n\nIrena Sopel, the mayor of Portsmouth, met Tomas Brack, harbour master of Leeds.\n"


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The lists `references.load` reads, by file name."""
    seen: list[str] = []
    real_load = references.load

    def counting(path: str | Path, **kwargs: object) -> references.ReferenceList:
        seen.append(Path(path).name)
        return real_load(path, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(references, "load", counting)
    return seen


@pytest.fixture
def big(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every list counts as too big to teach the mention finder its names."""
    monkeypatch.setattr(service, "MAX_KNOWN_NAMES", 0)


@pytest.fixture
def listed(tmp_path: Path) -> Path:
    """The list, written and read once by an analyzer (which keeps its record and index)."""
    path = tmp_path / "people.csv"
    path.write_text(LIST, encoding="utf-8")
    Analyzer.from_options([str(path)], bundled=False)
    return path


def references_found(analyzer: Analyzer) -> list[tuple[str, str]]:
    result = analyzer.analyze(article.from_text(STORY, "story.txt"))
    return sorted((e.name, e.reference.name) for e in result.entities if e.reference)


def test_a_big_list_unchanged_is_not_read_again_and_says_its_problems(
    tmp_path: Path, reads: list[str], big: None
) -> None:
    path = tmp_path / "people.csv"
    path.write_text(LIST, encoding="utf-8")
    first = Analyzer.from_options([str(path)], bundled=False)
    second = Analyzer.from_options([str(path)], bundled=False)
    assert reads == ["people.csv"]  # the second analyzer used the record and the cached index
    assert second.warnings == first.warnings and any("no name" in w for w in first.warnings)
    assert references_found(second) == references_found(first)
    assert ("Irena Sopel", "Irena Sopel") in references_found(second)


def test_a_changed_file_is_read_again_even_of_the_same_size(
    listed: Path, reads: list[str], big: None
) -> None:
    listed.write_text(LIST.replace("Irena Sopel", "Irene Sopal"), encoding="utf-8")  # same length
    assert listed.stat().st_size == len(LIST.encode())
    changed = Analyzer.from_options([str(listed)], bundled=False)
    assert reads == ["people.csv"]  # read again (the first read was the fixture's)
    assert changed.index is not None
    assert changed.index.search("Irene Sopal", limit=1)[0].entry.name == "Irene Sopal"


def test_a_lost_index_makes_the_list_read_for_its_entries(listed: Path, reads: list[str], big: None) -> None:
    shutil.rmtree(cache_root() / "refindex")
    rebuilt = Analyzer.from_options([str(listed)], bundled=False)
    assert reads == ["people.csv"]  # read again (the first read was the fixture's)
    assert ("Tomas Brack", "Tomas Brack") in references_found(rebuilt)


def test_a_list_small_enough_to_teach_its_names_is_always_read(listed: Path, reads: list[str]) -> None:
    again = Analyzer.from_options([str(listed)], bundled=False)
    assert reads == ["people.csv"]  # read again (the first read was the fixture's)
    assert again.known.get("Irena Sopel") == "person"  # the mention finder learns the names


def test_a_list_over_the_size_limit_is_refused_though_read_before(listed: Path, big: None) -> None:
    with pytest.raises(references.ReferenceError, match="too large"):
        Analyzer.from_options([str(listed)], bundled=False, max_list_bytes=10)

"""The reference index: finds what a scan with `compare` finds, saves, loads and caches.

A few thousand generated names make the haystack; a handful of planted entries are the
needles, looked up by variants a news text would use (a typo, another script, the
family name first, "SURNAME, Given", an alias).
"""

from __future__ import annotations

import random
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from newsreader.analysis import refindex
from newsreader.analysis.cache import cache_root
from newsreader.analysis.matcher import DEFAULT_THRESHOLDS, compare, name_form
from newsreader.analysis.references import Entry, parse
from newsreader.analysis.refindex import ReferenceIndex, cached_index
from newsreader.analysis.refranking import Ranking
from newsreader.analysis.service import Analyzer

GIVEN = """Adam Agata Bartosz Beata Cezary Dorota Emil Ewa Filip Halina Henryk Irena Jakub Joanna Kamil
Klara Lech Lucyna Maciej Magda Norbert Olga Pawel Renata Teresa Wiktor Zofia Anders Birgit Carsten
Dagny Einar Frida Gunnar Hilde Ivar Jonas Karin Leif Maren Nils Oskar Pia Rune Sigrid Tove Ulf""".split()
STEMS = """Kowal Nowa Lewand Wisn Dabr Zielin Szyman Wozn Kozl Jankow Mazur Kwiat Krawcz Piotr Grab Pawl
Michal Dud Wiecz Jabl Majewsk Olszew Stepien Malin Jaworsk Wrobl Pietrz Gorsk Rutk Michalsk Sikor
Ostrow Baran Duda Szewcz Tomaszew Zalewsk Wieczor Kaczmar Sobcz Czarn Kubiak Wilczek Lis Mroz Kalin
Holm Berg Lund Strand Dahl Sand Fors Hed Ek Sjo Nord Vik Fjell Aas Brekk Haug Moen Lie Bakk Dal""".split()
ENDINGS = ["ski", "czyk", "ewicz", "iak", "owski", "ek", "ala", "quist", "gren", "stad", "sen", "by", "heim"]


def generated_entries(count: int, seed: int) -> list[Entry]:
    rng = random.Random(seed)
    seen: set[str] = set()
    out: list[Entry] = []
    while len(out) < count:
        name = f"{rng.choice(GIVEN)} {rng.choice(STEMS)}{rng.choice(ENDINGS)}"
        if name in seen:
            continue
        seen.add(name)
        aliases = (", ".join(reversed(name.split())),) if rng.random() < 0.1 else ()
        out.append(Entry(f"gen:{len(out)}", name, aliases, "person", "generated", "", "gen"))
    return out


PLANTED = [
    Entry("p:kvetnik", "Radoslav Kvetnik", ("R. Kvetnik",), "person", "Slovak transport minister", "", "p"),
    Entry("p:zhuk", "Yevgenia Zhukovskaya", (), "person", "Russian violinist", "", "p"),
    Entry("p:szcz", "Bogdan Szczepaniak", (), "person", "Polish trade unionist", "", "p"),
    Entry("p:hryts", "Volodymyr Hrytsenko", (), "person", "Ukrainian mayor", "", "p"),
    Entry("p:lindq", "Lindqvist Shipping AB", (), "organization", "Swedish shipping company", "", "p"),
    Entry(
        "p:nordvik", "Nordvik Energy ASA", ("Nordvik Kraft",), "organization", "Norwegian utility", "", "p"
    ),
]

# query -> the planted entry it is a variant of
VARIANTS = {
    "Radoslav Kvetnyk": "p:kvetnik",  # typo
    "Radoslaw Kvetnik": "p:kvetnik",  # the Polish spelling of the given name
    "Радослав Кветник": "p:kvetnik",  # Cyrillic
    "Kvetnik Radoslav": "p:kvetnik",  # family name first
    "KVETNIK, Radoslav": "p:kvetnik",  # list style
    "Евгения Жуковская": "p:zhuk",  # Cyrillic
    "Yevgeniya Zhukovska": "p:zhuk",  # another transliteration
    "Szczepaniak Bogdan": "p:szcz",
    "Bohdan Shchepaniak": "p:szcz",  # Ukrainian spelling
    "Володимир Гриценко": "p:hryts",  # Ukrainian Cyrillic
    "Wolodymyr Gritsenko": "p:hryts",  # German-style transliteration
    "Lindqvist Shipping": "p:lindq",  # legal form left out
    "Nordvik Kraft": "p:nordvik",  # an alias
}


@pytest.fixture(autouse=True)
def _own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSREADER_CACHE", str(tmp_path / "cache"))


@pytest.fixture(scope="module")
def entries() -> list[Entry]:
    out = generated_entries(3000, seed=20240607)
    for i, entry in enumerate(PLANTED):
        out.insert(400 * (i + 1), entry)
    return out


@pytest.fixture(scope="module")
def index(entries: list[Entry]) -> ReferenceIndex:
    return ReferenceIndex.build(entries)


def brute_force(entries: list[Entry], query: str) -> dict[str, float]:
    """Entry id -> the best score of any of its names, by scanning the whole list."""
    best: dict[str, float] = {}
    for entry in entries:
        for name in entry.names:
            score = compare(query, name, kind=entry.type).score
            if score > best.get(entry.id, -1.0):
                best[entry.id] = score
    return best


def test_index_holds_every_entry(index: ReferenceIndex, entries: list[Entry]) -> None:
    assert len(index) == len(entries)
    for i in (0, 400, 1234, len(entries) - 1):
        assert index.entry(i) == entries[i]


@pytest.mark.parametrize("query", list(VARIANTS))
def test_planted_variants_are_found_first(index: ReferenceIndex, query: str) -> None:
    hits = index.search(query, limit=5)
    assert hits, query
    top = hits[0]
    assert top.entry.id == VARIANTS[query], [(h.entry.name, h.comparison) for h in hits]
    assert top.comparison.verdict == "same"
    # the runner-up, if any, is clearly worse: the generated names are not look-alikes
    if len(hits) > 1:
        assert hits[1].comparison.score < top.comparison.score
    # scores come out best first
    scores = [h.comparison.score for h in hits]
    assert scores == sorted(scores, reverse=True)
    assert len({h.entry.id for h in hits}) == len(hits)  # each entry once


def test_alias_hits_say_which_name_matched(index: ReferenceIndex) -> None:
    hit = index.search("Nordvik Kraft", limit=1)[0]
    assert hit.entry.name == "Nordvik Energy ASA"
    assert hit.matched == "Nordvik Kraft"
    hit = index.search("R. Kvetnik", limit=1)[0]
    assert hit.entry.id == "p:kvetnik"
    assert hit.comparison.verdict == "same"


@pytest.mark.parametrize(
    "query",
    [
        "Radoslav Kvetnyk",
        "Радослав Кветник",
        "KVETNIK, Radoslav",
        "Bohdan Shchepaniak",
        "Wolodymyr Gritsenko",
        "Lindqvist Shipping",
        "Karin Holmquist",  # a generated-looking name: many neighbours share a part
        "Jonas Bergstad",
    ],
)
def test_search_agrees_with_a_brute_force_scan(
    index: ReferenceIndex, entries: list[Entry], query: str
) -> None:
    scan = brute_force(entries, query)
    hits = index.search(query, limit=10)
    found = {h.entry.id: h.comparison.score for h in hits}
    # the index scores with the matcher itself: never a different number than a scan
    for entry_id, score in found.items():
        assert score == scan[entry_id], entry_id
    # everything the scan judges the same is found, and the best is the scan's best
    same = {e for e, s in scan.items() if s >= DEFAULT_THRESHOLDS.same}
    assert same <= set(found), sorted(same - set(found))
    if same:
        assert hits[0].comparison.score == max(scan.values())


def test_search_limit_and_unknown_names(index: ReferenceIndex) -> None:
    assert len(index.search("Karin Holmquist", limit=3)) <= 3
    assert len(index.search("Karin Holmquist", limit=1)) == 1
    assert all(h.comparison.verdict != "same" for h in index.search("Xqzwv Prrtk", limit=5))


def test_exact_entries_uses_normalised_names(index: ReferenceIndex, entries: list[Entry]) -> None:
    ids = {entries[i].id for i in index.exact_entries("KVETNIK, Radoslav")}
    assert ids == {"p:kvetnik"}
    assert {entries[i].id for i in index.exact_entries("nordvik kraft")} == {"p:nordvik"}
    assert index.exact_entries("Radoslav Kvetnyk") == []  # a typo is not exact


def test_save_and_load_round_trip(tmp_path: Path, index: ReferenceIndex, entries: list[Entry]) -> None:
    target = tmp_path / "saved"
    index.save(target)
    loaded = ReferenceIndex.load(target)
    assert len(loaded) == len(index)
    assert [loaded.entry(i) for i in range(len(loaded))] == entries
    for query in VARIANTS:
        got = [(h.entry, h.matched, h.comparison) for h in loaded.search(query, limit=5)]
        want = [(h.entry, h.matched, h.comparison) for h in index.search(query, limit=5)]
        assert got == want, query
    assert loaded.exact_entries("Nordvik Kraft") == index.exact_entries("Nordvik Kraft")
    # no half-built folders are left next to it
    assert not any(p.name.startswith(".building-") for p in tmp_path.iterdir())


def test_save_replaces_an_older_index(tmp_path: Path) -> None:
    target = tmp_path / "idx"
    first = parse("name,aliases,type,description\nLena Varga,,person,judge\n", "a")
    second = parse("name,aliases,type,description\nIrena Sopel,,person,poet\nLena Varga,,person,j\n", "b")
    ReferenceIndex.build(first.entries).save(target)
    ReferenceIndex.build(second.entries).save(target)
    loaded = ReferenceIndex.load(target)
    assert len(loaded) == 2
    assert loaded.search("Irena Sopel", limit=1)[0].entry.name == "Irena Sopel"
    assert not any(p.name.startswith(".building-") for p in tmp_path.iterdir())


def test_round_trip_keeps_unicode_and_flattens_line_breaks(tmp_path: Path) -> None:
    refs = parse(
        "name,aliases,type,description\n"
        'Éva Szabó,Сабо Ева;Szabó Éva,person,"Mayor of Pécs,\nformerly a judge"\n',
        "u",
    )
    built = ReferenceIndex.build(refs.entries)
    built.save(tmp_path / "u")
    loaded = ReferenceIndex.load(tmp_path / "u")
    entry = loaded.entry(0)
    assert entry.name == "Éva Szabó"
    assert entry.aliases == ("Сабо Ева", "Szabó Éva")
    assert "\n" not in entry.description
    assert "formerly a judge" in entry.description
    assert loaded.search("Ева Сабо", limit=1)[0].entry.name == "Éva Szabó"


# --- the cache ----------------------------------------------------------------------------

LIST_V1 = (
    "name,aliases,type,description\nRadoslav Kvetnik,R. Kvetnik,person,minister\nLena Varga,,person,judge\n"
)
LIST_V2 = LIST_V1 + "Irena Sopel,,person,poet\n"


class Builds:
    """A build function that counts its calls."""

    def __init__(self, text: str) -> None:
        self.entries = parse(text, "mine").entries
        self.calls = 0

    def __call__(self) -> ReferenceIndex:
        self.calls += 1
        return ReferenceIndex.build(self.entries)


def cache_dirs() -> list[Path]:
    root = cache_root() / "refindex"
    return sorted(p for p in root.iterdir() if p.is_dir()) if root.exists() else []


def test_cache_lives_under_newsreader_cache(tmp_path: Path) -> None:
    assert cache_root() == tmp_path / "cache"
    build = Builds(LIST_V1)
    cached_index([parse(LIST_V1, "mine").digest], build)
    assert len(cache_dirs()) == 1
    assert cache_dirs()[0].parent == tmp_path / "cache" / "refindex"


def test_cache_is_reused_for_the_same_digests() -> None:
    digest = parse(LIST_V1, "mine").digest
    build = Builds(LIST_V1)
    first = cached_index([digest], build)
    second = cached_index([digest], build)
    assert build.calls == 1
    assert second.search("Radoslav Kvetnyk", limit=1)[0].entry.name == "Radoslav Kvetnik"
    assert len(second) == len(first) == 2


def test_cache_is_rebuilt_when_a_list_changes() -> None:
    v1, v2 = Builds(LIST_V1), Builds(LIST_V2)
    d1, d2 = parse(LIST_V1, "mine").digest, parse(LIST_V2, "mine").digest
    assert d1 != d2
    cached_index([d1], v1)
    newer = cached_index([d2], v2)
    assert v2.calls == 1
    assert newer.search("Irena Sopel", limit=1)[0].entry.name == "Irena Sopel"
    # going back to the first content finds its cache again
    again = cached_index([d1], v1)
    assert v1.calls == 1
    assert len(again) == 2
    assert "Irena Sopel" not in [h.entry.name for h in again.search("Irena Sopel", limit=3)]
    # the set of lists is part of the key too
    both = Builds(LIST_V2)
    cached_index([d1, d2], both)
    assert both.calls == 1


def test_cache_is_rebuilt_when_newsreader_normalises_names_differently(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from newsreader.analysis import refindex

    digest = parse(LIST_V1, "mine").digest
    build = Builds(LIST_V1)
    cached_index([digest], build)
    # a newer matcher.py (another way of folding names) makes another version
    monkeypatch.setattr(refindex, "index_version", lambda: "1-another-matcher")
    cached_index([digest], build)
    assert build.calls == 2


def test_analyzer_rebuilds_when_the_file_on_disk_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[int] = []
    real_build = ReferenceIndex.build.__func__  # type: ignore[attr-defined]

    def counting_build(cls: type[ReferenceIndex], entries: list[Entry]) -> ReferenceIndex:
        calls.append(len(entries))
        built: ReferenceIndex = real_build(cls, entries)
        return built

    monkeypatch.setattr(refindex.ReferenceIndex, "build", classmethod(counting_build))
    path = tmp_path / "mine.csv"
    path.write_text(LIST_V1, encoding="utf-8")
    Analyzer.from_options([str(path)], bundled=False)
    analyzer = Analyzer.from_options([str(path)], bundled=False)
    assert calls == [2]  # the second analyzer loaded the cache
    assert analyzer.index is not None
    path.write_text(LIST_V2, encoding="utf-8")
    analyzer = Analyzer.from_options([str(path)], bundled=False)
    assert calls == [2, 3]
    assert analyzer.index is not None
    assert analyzer.index.search("Irena Sopel", limit=1)[0].entry.name == "Irena Sopel"


def _truncate(name: str) -> Callable[[Path], None]:
    def damage(directory: Path) -> None:
        (directory / name).write_bytes(b"")

    return damage


def _replace(name: str, data: bytes) -> Callable[[Path], None]:
    def damage(directory: Path) -> None:
        (directory / name).write_bytes(data)

    return damage


def _remove(name: str) -> Callable[[Path], None]:
    def damage(directory: Path) -> None:
        (directory / name).unlink()

    return damage


def _empty_every_file(directory: Path) -> None:
    for p in directory.iterdir():
        p.write_bytes(b"")


def _not_loadable_reason(what: str) -> str:
    return (
        f"bug: ReferenceIndex.load does not check the arrays against meta.json, so {what} loads "
        "without error and the damaged index is used (no rebuild)"
    )


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(_replace("meta.json", b'{"version": 1, "entr'), id="meta-truncated"),
        pytest.param(_replace("meta.json", b'{"version": 99}'), id="meta-old-version"),
        pytest.param(_remove("names.txt"), id="file-missing"),
        pytest.param(_replace("records.txt", b"\xff\xfe\x00\x81 not utf-8"), id="records-not-utf8"),
        pytest.param(_empty_every_file, id="every-file-empty"),
        pytest.param(
            _truncate("postings.bin"),
            id="postings-empty",
        ),
        pytest.param(
            _truncate("entry_off.bin"),
            id="entry-offsets-empty",
        ),
        pytest.param(
            _truncate("records.txt"),
            id="records-empty",
        ),
        pytest.param(
            _replace("meta.json", b"[]"),
            id="meta-not-an-object",
        ),
    ],
)
def test_a_damaged_cache_is_rebuilt(damage: Callable[[Path], None]) -> None:
    digest = parse(LIST_V1, "mine").digest
    cached_index([digest], Builds(LIST_V1))
    [directory] = cache_dirs()
    damage(directory)

    build = Builds(LIST_V1)
    index = cached_index([digest], build)
    hits = index.search("Radoslav Kvetnyk", limit=2)
    assert [h.entry.name for h in hits] == ["Radoslav Kvetnik"]
    assert index.entry(1).name == "Lena Varga"
    assert build.calls == 1  # damage is noticed at load time, not later
    # and the repaired cache serves the next call
    after = Builds(LIST_V1)
    assert cached_index([digest], after).search("Lena Varga", limit=1)[0].entry.name == "Lena Varga"
    assert after.calls == 0


def test_a_cache_folder_that_cannot_be_written_only_costs_a_rebuild(tmp_path: Path) -> None:
    blocker = tmp_path / "cache"
    shutil.rmtree(blocker, ignore_errors=True)
    blocker.write_text("a file where the cache folder should be")
    build = Builds(LIST_V1)
    index = cached_index([parse(LIST_V1, "mine").digest], build)
    assert build.calls == 1
    assert index.search("Lena Varga", limit=1)[0].entry.name == "Lena Varga"


def test_a_name_in_another_script_finds_its_latin_entry() -> None:
    entries = [
        Entry("x:1", "Radoslav Kvetnik", (), "person", "Mayor of Kettleby", "", "mine"),
        Entry("x:2", "Donald Trump", (), "person", "President", "", "mine"),
        Entry("x:3", "Donald Tusk", (), "person", "Prime Minister", "", "mine"),
    ]
    index = ReferenceIndex.build(entries)
    hits = index.search("ドナルド・トランプ", limit=2)  # Japanese: Donarudo Toranpu
    assert hits and hits[0].entry.name == "Donald Trump"


SCRIPTS_LIST = [
    Entry(f"x:{i}", name, (), "person", "", "", "mine")
    for i, name in enumerate(
        [
            "Benjamin Netanyahu",
            "Benjamin Natan",
            "Kim Jong Un",
            "Kim Jong Il",
            "Park Geun-hye",
            "Park Chung-hee",
            "Vladimir Putin",
            "Vladimir Potanin",
        ]
    )
]


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("בנימין נתניהו", "Benjamin Netanyahu"),  # Hebrew: its ASCII, bnimin ntniho, sounds alike
        ("김정은", "Kim Jong Un"),  # Hangul: syllables (gim jeong eun) near no Latin part
        ("박정희", "Park Chung-hee"),
        ("ウラジーミル・プーチン", "Vladimir Putin"),  # Katakana: puchin has Putin's b-t-n as a reading
    ],
    ids=["hebrew", "hangul", "hangul-surname", "katakana"],
)
def test_a_name_in_hebrew_hangul_or_katakana_finds_its_latin_entry(query: str, name: str) -> None:
    hits = ReferenceIndex.build(SCRIPTS_LIST).search(query, limit=2)
    assert hits and hits[0].entry.name == name
    assert hits[0].comparison.verdict == "same"
    assert all(h.comparison.verdict != "same" for h in hits[1:])  # Kim Jong Il, Potanin


# --- one edit away, among near-duplicates -----------------------------------------------

# Made-up people and the near-duplicate entries a real list holds for them (one listed
# with a letter lost, added or doubled, or with a middle name), in a crowd that shares
# their given name and family name hundreds of times over, as lists share John and Smith.
CLUSTER = [
    "Orsolya Quellbrand",
    "Orsolya Quelbrand",
    "Orsolya Quellbrandt",
    "Orsolya Qellbrand",
    "Orsolya Quelbrandt",
    "Orsolya Ilka Quellbrand",
    "Benedek Tamas Quellbrand",
    "Benedek Tamas Quelbrand",
    "Benedek Tamas Quellbrandt",
]
CROWD = 300  # people named Orsolya, and people named Quellbrand, each

# query -> the entry it is one edit away from
ONE_EDIT = {
    "Orsolya Quellbraind": "Orsolya Quellbrand",  # a letter inserted
    "Orsolya Quellbran": "Orsolya Quellbrand",  # a letter deleted
    "Orsolya Quellbrend": "Orsolya Quellbrand",  # a letter changed
    "Orsolya Quellbarnd": "Orsolya Quellbrand",  # two letters swapped
    "Orsolya Quellbrrand": "Orsolya Quellbrand",  # a letter doubled
    "Orsloya Quellbrand": "Orsolya Quellbrand",  # in the given name
    "Benedek Quellbrand": "Benedek Tamas Quellbrand",  # the middle name dropped
    "Orsolya Vera Quellbrand": "Orsolya Quellbrand",  # a middle name added
}


@pytest.fixture(scope="module")
def crowded() -> list[Entry]:
    rng = random.Random(20260311)
    out = generated_entries(1500, seed=99)
    surnames = sorted({e.name.split()[1] for e in out})
    for i in range(CROWD):
        out.append(Entry(f"o:{i}", f"Orsolya {rng.choice(surnames)}", (), "person", "crowd", "", "c"))
        out.append(Entry(f"q:{i}", f"{rng.choice(GIVEN)} Quellbrand", (), "person", "crowd", "", "c"))
    for i, name in enumerate(CLUSTER):
        out.insert(700 + 97 * i, Entry(f"c:{i}", name, (), "person", "listed", "", "c"))
    return out


@pytest.fixture(scope="module")
def crowded_index(crowded: list[Entry]) -> ReferenceIndex:
    return ReferenceIndex.build(crowded)


@pytest.mark.parametrize("query", list(ONE_EDIT))
def test_one_edit_finds_the_entry_among_near_duplicates(
    crowded_index: ReferenceIndex, crowded: list[Entry], query: str
) -> None:
    hits = crowded_index.search(query, limit=3)
    assert ONE_EDIT[query] in [h.entry.name for h in hits], [(h.entry.name, h.comparison.score) for h in hits]
    # nothing the matcher would rank higher was left out of the index's candidates
    scan = brute_force(crowded, query)
    assert hits[0].comparison.score == max(scan.values())


def test_every_near_duplicate_one_edit_away_is_a_candidate(crowded_index: ReferenceIndex) -> None:
    # Quellbrend is one edit from Quellbrand, two from the others: the entries written
    # Quellbrand are all found, whichever the given name, however common the parts
    form = name_form("Orsolya Quellbrend")
    found = {crowded_index.name(n) for n in crowded_index.candidate_names(form, limit=20)}
    assert "Orsolya Quellbrand" in found
    assert "Orsolya Ilka Quellbrand" in found  # a middle name more costs little


def test_names_written_alike_take_one_place_among_the_candidates() -> None:
    twins = [Entry(f"t:{i}", "Irena Sopela", (), "person", f"poet {i}", "", "t") for i in range(12)]
    others = [Entry("n:0", "Irena Sopel", (), "person", "x", "", "t")]
    others += [Entry(f"n:{i}", f"Irena Sopel{'a' * i}k", (), "person", "x", "", "t") for i in range(1, 6)]
    index = ReferenceIndex.build(twins + others)
    found = [index.name_entry[n] for n in index.candidate_names(name_form("Irena Sopelo"), limit=2)]
    # the twelve entries written alike are one name: the next best name still has its place
    assert {index.entry(e).id for e in found} == {e.id for e in twins} | {"n:0"}
    assert {h.entry.id for h in index.search("Irena Sopelo", limit=13)} >= {e.id for e in twins} | {"n:0"}


def test_the_index_version_follows_the_legal_forms_list(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # name keys fold legal forms away: an edited list must not reuse an index keyed the old way
    from newsreader.analysis import legalforms

    version = refindex.index_version.__wrapped__  # cached once a process; compute it afresh
    before = version()
    edited = tmp_path / "legal_forms.tsv"
    edited.write_bytes(legalforms.DATA_FILE.read_bytes() + b"\n# one more line\n")
    monkeypatch.setattr(legalforms, "DATA_FILE", edited)
    assert version() != before


# --- what later queries reuse, and common parts ranked without ranking them all ---------


def test_a_query_part_is_kept_for_the_next_queries(
    crowded: list[Entry], monkeypatch: pytest.MonkeyPatch
) -> None:
    warm = ReferenceIndex.build(crowded)
    queries = [*ONE_EDIT, "Orsolya Quellbrand", "O. Quellbrand", "Benedek Quellbrand"]
    first = {q: [(h.entry.id, h.comparison) for h in warm.search(q, limit=5)] for q in queries}
    part = warm._part("quellbrand", False, False)
    assert warm._part("quellbrand", False, False) is part  # met again, not looked up again
    # a second round through the kept parts finds what a fresh index finds
    fresh = ReferenceIndex.build(crowded)
    for q in queries:
        assert [(h.entry.id, h.comparison) for h in warm.search(q, limit=5)] == first[q], q
        assert [(h.entry.id, h.comparison) for h in fresh.search(q, limit=5)] == first[q], q
    # and no more than PARTS_KEPT are kept, the least recently used let go first
    monkeypatch.setattr(refindex, "PARTS_KEPT", 3)
    small = ReferenceIndex.build(crowded)
    for tok in ("orsolya", "benedek", "quellbrand", "orsolya", "tamas"):
        small._part(tok, False, False)
    assert [key[0] for key in small._parts] == ["quellbrand", "orsolya", "tamas"]


def _scored_shapes(index: ReferenceIndex, query: str, names: list[int]) -> dict[tuple[int, ...], float]:
    """The shapes (parts in order) of `names`, each with its rank for `query`."""
    form = name_form(query)
    initials = {t for t in form.tokens if len(t) == 1}
    parts = [index._part(t, form.accented, form.transliterated) for t in form.tokens if len(t) > 1]
    ranking = Ranking(index, parts, initials)
    return {index.tokens_of(n): ranking.score(index.tokens_of(n), index.name_letters[n]) for n in names}


@pytest.mark.parametrize("query", ["O Quellbrand", "K. Quellbrand", "Orsolya Quellbrand"])
def test_a_common_part_ranks_as_if_every_name_were_ranked(crowded_index: ReferenceIndex, query: str) -> None:
    # hundreds of names rank alike for an initial and a common surname: once enough rank as
    # high as any can, the others are not ranked; the shapes kept rank as the best of all
    form = name_form(query)
    initials = {t for t in form.tokens if len(t) == 1}
    parts = [crowded_index._part(t, False, False) for t in form.tokens if len(t) > 1]
    gathered = crowded_index._holding([(p.ids, p.postings) for p in parts])
    every = Ranking(crowded_index, parts, initials).best(gathered, 4)  # nothing looked at first
    got = crowded_index.candidate_names(form, limit=4)
    want = _scored_shapes(crowded_index, query, [names[0] for names in every])
    shapes = _scored_shapes(crowded_index, query, got)
    assert sorted(shapes.values(), reverse=True) == sorted(want.values(), reverse=True)
    # every name written as a shape kept comes with it
    for shape in shapes:
        written = {n for n in range(len(crowded_index.name_entry)) if crowded_index.tokens_of(n) == shape}
        assert written == {n for n in got if crowded_index.tokens_of(n) == shape}


def test_an_initial_is_met_by_the_names_ranked(crowded_index: ReferenceIndex) -> None:
    # 300 people are called Quellbrand: those whose given name begins with the initial
    # come first, and the entry written "O. Quellbrand"'s way of a part is not needed
    names = [crowded_index.name(n) for n in crowded_index.candidate_names(name_form("O Quellbrand"), limit=6)]
    assert names
    assert all(name.startswith("O") for name in names), names
    hits = crowded_index.search("B. Quellbrand", limit=3)
    assert hits and all(h.entry.name.startswith("B") for h in hits), [h.entry.name for h in hits]


@pytest.mark.parametrize("ranked", [50, 200, 305, 1000])
def test_one_common_part_gathers_what_narrowing_would_keep(
    crowded_index: ReferenceIndex, monkeypatch: pytest.MonkeyPatch, ranked: int
) -> None:
    # 300 people are called Quellbrand and more a name one edit away: with fewer ranked
    # than that, only the names of its closest tokens are gathered, as if all had been
    # gathered and then narrowed
    monkeypatch.setattr(refindex, "MAX_RANKED", ranked)
    part = crowded_index._part("quellbrand", False, False)
    every = crowded_index._holding([(part.ids, part.postings)])
    assert len(every) > 300
    gathered = crowded_index._gathered([part])
    assert len(gathered) < len(every) if ranked < len(every) else gathered == every
    assert crowded_index._narrowed(gathered, [part], set()) == crowded_index._narrowed(every, [part], set())

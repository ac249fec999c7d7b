"""The reference index on a list of a million people shaped like a real one.

    python benchmarks/xref_scale.py            # 1,000,000 names, 3-5 minutes
    python benchmarks/xref_scale.py --quick    # 100,000 names
    python benchmarks/xref_scale.py --size 250000 --per-kind 300 --brute 20

The list: given names and family names from the bundled lexicons, drawn as often as the
lexicons say they are used (a common given name is in thousands of entries), a middle
name for a quarter of the people, a typo in one part for some, an initial alias
("M. Danies") for others, and near-duplicates for one person in ten (the same person
listed again with one part misspelt, a middle name added or dropped, or written alike
under another description), as sanctions and PEP lists hold them.

It prints:
- index build time, cached load time, the index's size in memory and the process's peak;
- recall@3 per kind of one-edit variant planted in queries (insert, delete, substitute,
  transpose, a doubled letter, a middle name dropped or added; half of the targets are
  people with near-duplicates, and no variant is itself a name on the list): the right
  person among the three candidates the reviewer is shown, how many of the misses the
  index lost (the matcher scores the target above a hit shown: it was not a candidate;
  the other misses are look-alikes the matcher prefers), next to rapidfuzz's
  `process.extractOne` (WRatio, `utils.default_process`) top 1 over the same list in the
  same run, on a sample of the variants (brute force costs a second a query at 1M);
- lookup time per name and cross-reference time of an article naming 25 of the people,
  in wall-clock and CPU time (on a shared machine the CPU time says more);
- the dev articles (`../shared/eval/dev/articles/*.txt`, read where they are) against
  the list: cross-reference time per article (in a first pass, and the least CPU time of
  `--passes` passes) and how many "same" and "maybe" candidates
  the list gives for names it does not hold (its people are random combinations of
  names, so an article's people are not on it; a name the list holds exactly, by chance,
  is counted apart).
"""

from __future__ import annotations

import argparse
import random
import resource
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from rapidfuzz import process, utils

from newsreader import article
from newsreader.analysis import lexicon
from newsreader.analysis.matcher import compare, name_form
from newsreader.analysis.model import Entity
from newsreader.analysis.pipeline import analyze, cycle_collection_paused
from newsreader.analysis.references import Entry
from newsreader.analysis.refindex import ReferenceIndex
from newsreader.analysis.xref import cross_reference

ROLES = ("minister of finance", "ambassador to", "governor of a province of", "senator from", "mayor in")
COUNTRIES = ("France", "Kenya", "Peru", "Japan", "Poland", "Egypt", "Canada", "India", "Chile", "Norway")
DEV_ARTICLES = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev" / "articles"
LETTERS = "abcdefghijklmnopqrstuvwxyz"
MIDDLE_NAME = 0.25  # people with a middle name
LISTED_TYPO = 0.05  # entries whose name the list itself misspells
INITIAL_ALIAS = 0.15  # entries with an alias "M. Danies"
NEAR_DUPLICATED = 0.10  # people listed more than once, in near-duplicate entries


class Names:
    """Given and family names from the lexicons, with a head as heavy as real lists have:
    a given name weighted by its frequency class (each class three times the one below, so
    the commonest few are each in about 4% of entries, as John or Mohammed are), a family
    name by its US rank (1 / (rank + 10): the commonest in about 1%, as Smith; the source
    bands ranks by 500, alphabetical order stands for the rank within a band)."""

    def __init__(self) -> None:
        lexicon.preload()
        given = [(n, int(key[1:])) for n, key in lexicon._tables()[1].items() if n.isalpha() and len(n) >= 3]
        given = [(n, c) for n, c in given if c >= 4]
        surnames = sorted((int(band), n.title()) for n, band in lexicon._tables()[2].items() if n.isalpha())
        self.given = [n for n, _ in given]
        self.given_weights = _cumulative([3.0**c for _, c in given])
        self.family = [n for _, n in surnames if len(n) >= 3]
        self.family_weights = _cumulative([1.0 / (rank + 10) for rank in range(1, len(self.family) + 1)])

    def givens(self, rng: random.Random, k: int) -> list[str]:
        return rng.choices(self.given, cum_weights=self.given_weights, k=k)

    def families(self, rng: random.Random, k: int) -> list[str]:
        return rng.choices(self.family, cum_weights=self.family_weights, k=k)


def _cumulative(weights: list[float]) -> list[float]:
    out, total = [], 0.0
    for w in weights:
        total += w
        out.append(total)
    return out


# --- one-edit variants ------------------------------------------------------------------


def _edited(word: str, rng: random.Random, kind: str) -> str:
    """`word` with one edit of `kind` at a random place (the first letter too)."""
    i = rng.randrange(len(word))
    if kind == "insert":
        return word[:i] + rng.choice(LETTERS) + word[i:]
    if kind == "delete":
        return word[:i] + word[i + 1 :]
    if kind == "substitute":
        letter = rng.choice([c for c in LETTERS if c != word[i].lower()])
        return word[:i] + (letter.upper() if i == 0 else letter) + word[i + 1 :]
    if kind == "transpose":
        spots = [j for j in range(len(word) - 1) if word[j].lower() != word[j + 1].lower()]
        if not spots:
            return word  # nothing to swap: the caller draws another name
        j = rng.choice(spots)
        swapped = word[j + 1] + word[j]
        if j == 0:
            swapped = swapped.title()
        return word[:j] + swapped + word[j + 2 :]
    # doubled: a letter written twice, or a double letter written once
    doubles = [j for j in range(len(word) - 1) if word[j].lower() == word[j + 1].lower()]
    if doubles and rng.random() < 0.5:
        j = rng.choice(doubles)
        return word[:j] + word[j + 1 :]
    j = rng.randrange(1, len(word))
    return word[:j] + word[j] + word[j:]


EDITS = ("insert", "delete", "substitute", "transpose", "doubled")
KINDS = (*EDITS, "drop middle", "add middle")


def variant(parts: list[str], kind: str, rng: random.Random, names: Names) -> str | None:
    """The name with one edit of `kind`, or None when the name has no place for it."""
    if kind == "drop middle":
        return f"{parts[0]} {parts[-1]}" if len(parts) == 3 else None
    if kind == "add middle":
        return f"{parts[0]} {names.givens(rng, 1)[0]} {parts[-1]}" if len(parts) == 2 else None
    editable = [i for i, p in enumerate(parts) if len(p) >= 4]
    if not editable:
        return None
    i = rng.choice(editable)
    out = list(parts)
    out[i] = _edited(parts[i], rng, kind)
    return " ".join(out)


# --- the list ---------------------------------------------------------------------------


def make_list(size: int, rng: random.Random, names: Names) -> tuple[list[Entry], set[int]]:
    """`size` entries, and the ids of those with near-duplicates (each one of them)."""
    entries: list[Entry] = []
    clustered: set[int] = set()
    givens = iter(names.givens(rng, 2 * size))
    families = iter(names.families(rng, size))

    def add(parts: list[str]) -> None:
        name = " ".join(parts)
        aliases = (f"{parts[0][0]}. {' '.join(parts[1:])}",) if rng.random() < INITIAL_ALIAS else ()
        role = f"{rng.choice(ROLES)} {rng.choice(COUNTRIES)}".capitalize()
        entries.append(Entry(f"gen:{len(entries)}", name, aliases, "person", role, "", "generated"))

    while len(entries) < size:
        parts = [next(givens)]
        if rng.random() < MIDDLE_NAME:
            parts.append(next(givens))
        parts.append(next(families))
        if rng.random() < LISTED_TYPO:
            parts = (variant(parts, rng.choice(EDITS), rng, names) or " ".join(parts)).split()
        first = len(entries)
        add(parts)
        if rng.random() < NEAR_DUPLICATED:
            for _ in range(rng.randint(1, 3)):
                kind = rng.choice((*KINDS, "alike"))
                again = None if kind == "alike" else variant(parts, kind, rng, names)
                add(again.split() if again else parts)
            clustered.update(range(first, len(entries)))
    del entries[size:]
    return entries, {i for i in clustered if i < size}


def folded(name: str) -> str:
    """The name as the matcher reads it (Mária Castro is Maria Castro), quickly for ASCII."""
    return utils.default_process(name) if name.isascii() else name_form(name).key


def plant(
    entries: list[Entry], clustered: set[int], per_kind: int, rng: random.Random, names: Names
) -> dict[str, list[tuple[str, Entry]]]:
    """Per kind, `per_kind` (variant, entry) pairs: half of the entries have near-duplicates;
    a variant that is itself a name on the list (after folding) is drawn again."""
    listed = {folded(n) for e in entries for n in e.names}
    pools = (sorted(clustered), range(len(entries)))
    out: dict[str, list[tuple[str, Entry]]] = {}
    for kind in KINDS:
        planted: list[tuple[str, Entry]] = []
        while len(planted) < per_kind:
            entry = entries[rng.choice(pools[len(planted) % 2])]
            query = variant(entry.name.split(), kind, rng, names)
            if query and folded(query) not in listed:
                planted.append((query, entry))
        out[kind] = planted
    return out


# --- measuring ----------------------------------------------------------------------------


def timed(work: Callable[[], object]) -> tuple[float, float]:
    """Wall-clock and CPU seconds of `work` (CPU time tells less of other jobs on the machine)."""
    started, cpu = time.perf_counter(), time.process_time()
    work()
    return time.perf_counter() - started, time.process_time() - cpu


def ms(seconds: list[float]) -> str:
    return f"mean {statistics.mean(seconds) * 1000:.1f} ms, max {max(seconds) * 1000:.1f} ms"


def memory_mb(index: ReferenceIndex) -> float:
    arrays = sum(getattr(index, a).itemsize * len(getattr(index, a)) for a in ReferenceIndex.ARRAYS)
    tables = sum(len(getattr(index, t).keys) * 8 for t in ReferenceIndex.TABLES)
    text = len(index.records) + len(index.names) + len(index.vocab)
    return float(arrays + tables + text) / 1e6


def article_of(names: list[str]) -> tuple[str, list[Entity]]:
    """A text naming each of `names` once, and its entities."""
    text = " ".join(f"{n} said on Monday that talks would continue." for n in names)
    entities, pos = [], 0
    for i, n in enumerate(names):
        start = text.index(n, pos)
        entities.append(Entity(f"e{i + 1}", n, "person", ((start, start + len(n)),)))
        pos = start + len(n)
    return text, entities


def recall(
    index: ReferenceIndex, entries: list[Entry], planted: dict[str, list[tuple[str, Entry]]], brute: int
) -> tuple[list[list[str]], float, float, float]:
    """Rows per kind; the index's lookup time per name, wall-clock and CPU; rapidfuzz's.
    Found: an entry written as the target is among the hits (a listed twin, Mária for
    Maria, counts). A miss is the index's
    when the matcher scores the target above a hit shown (it was not among the candidates),
    the matcher's when it ranks three other look-alikes higher."""
    choices = [utils.default_process(n) for e in entries for n in e.names]
    owner = [e.name for e in entries for _ in e.names]  # whose name each choice is
    rows, lookups, seconds, cpu_seconds, brute_seconds = [], 0, 0.0, 0.0, []
    for kind, pairs in planted.items():
        found, lost = [], 0
        for query, entry in pairs:
            started, cpu_started = time.perf_counter(), time.process_time()
            hits = index.search(query, limit=3)
            seconds += time.perf_counter() - started
            cpu_seconds += time.process_time() - cpu_started
            lookups += 1
            found.append(any(folded(h.entry.name) == folded(entry.name) for h in hits))
            if not found[-1]:
                target = max(compare(query, n).score for n in entry.names)
                lost += len(hits) < 3 or target > min(h.comparison.score for h in hits)
        sample = pairs[:brute]
        started = time.perf_counter()
        # the list's names processed once: what processor=default_process does at each query
        best = [process.extractOne(utils.default_process(q), choices, processor=None) for q, _ in sample]
        per_query = (time.perf_counter() - started) / max(len(sample), 1)
        brute_seconds.append(per_query)
        brute_found = sum(
            folded(owner[b[2]]) == folded(e.name) for b, (_, e) in zip(best, sample, strict=True)
        )
        rows.append(
            [
                kind,
                f"{sum(found) / len(found):.3f}",
                str(lost),
                f"{sum(found[: len(sample)]) / max(len(sample), 1):.2f}",
                f"{brute_found / max(len(sample), 1):.2f}",
                f"{per_query * 1000:.0f} ms",
            ]
        )
    return rows, seconds / lookups, cpu_seconds / lookups, statistics.mean(brute_seconds)


def dev_articles(index: ReferenceIndex, entries: list[Entry], folder: Path, passes: int) -> list[str]:
    """The dev articles cross-referenced `passes` times over, in the same order: the first
    pass as a reader's first articles meet the index, and per article the least CPU time
    of all passes (the machine is shared: the least is the run least disturbed)."""
    paths = sorted(folder.glob("*.txt"))
    if not paths:
        return [f"no dev articles in {folder}: skipped"]
    by_id = {e.id: e for e in entries}
    articles = [(path.name, art, analyze(art).entities) for path in paths for art in [article.load(path)]]
    wall: list[float] = []
    cpu: list[float] = []
    least = {name: float("inf") for name, _, _ in articles}
    same = maybe = identical = 0
    examples: dict[str, list[str]] = {"same": [], "maybe": []}
    for name, art, entities in articles:
        # with the cycle collector paused, as `Analyzer.analyze` runs it, and timed before
        # it resumes: a collection then walks this process's millions of generated entries
        # and rapidfuzz's copy of them (160 ms), no cost of the article's
        with cycle_collection_paused():
            started, cpu_started = time.perf_counter(), time.process_time()
            matched, _ = cross_reference(art.text, entities, index)
            wall.append(time.perf_counter() - started)
            cpu.append(time.process_time() - cpu_started)
        least[name] = cpu[-1]
        for entity in matched:
            key = name_form(entity.name).key
            for m in entity.candidates:
                if any(name_form(n).key == key for n in by_id[m.entry_id].names):
                    identical += 1
                else:
                    same += m.verdict == "same"
                    maybe += m.verdict != "same"
                    examples[m.verdict].append(f"'{entity.name}' -> '{m.name}' ({m.score})")
    for _ in range(passes - 1):
        for name, art, entities in articles:
            with cycle_collection_paused():
                cpu_started = time.process_time()
                cross_reference(art.text, entities, index)
                least[name] = min(least[name], time.process_time() - cpu_started)
    n = len(paths)

    def named(i: int) -> str:
        return f"{articles[i][0]}, {len(articles[i][2])} entities"

    slowest = max(range(n), key=lambda i: least[articles[i][0]])
    # the first article pays what is done once (the index's and the context's first use)
    later = range(1, n) if n > 1 else range(n)
    lines = [
        f"dev articles: {n}, cross-reference of the first (its one-time costs in it): "
        f"{wall[0] * 1000:.1f} ms (CPU {cpu[0] * 1000:.1f} ms); per article after it: "
        f"{ms([wall[i] for i in later])} (CPU: {ms([cpu[i] for i in later])}; "
        f"{named(max(later, key=cpu.__getitem__))})",
        f"  least CPU of {passes} passes: {ms(list(least.values()))} ({named(slowest)})",
        f'  candidates for names not on the list: "same" {same} ({same / n:.2f} per article), '
        f'"maybe" {maybe} ({maybe / n:.2f} per article)',
        f"  names the list holds as written (random combinations that exist): {identical}",
    ]
    lines += [f"    {verdict}: {e}" for verdict, shown in examples.items() for e in shown[:8]]
    return lines


def table(header: list[str], rows: list[list[str]]) -> list[str]:
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    return ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in [header, *rows]]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="100,000 names instead of a million")
    ap.add_argument("--size", type=int, help="names on the generated list")
    ap.add_argument("--per-kind", type=int, default=200, help="planted variants per kind")
    ap.add_argument("--brute", type=int, help="variants per kind also looked up by rapidfuzz")
    ap.add_argument("--articles", type=Path, default=DEV_ARTICLES, help="folder of .txt articles")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--passes", type=int, default=3, help="passes over the dev articles (least CPU kept)")
    args = ap.parse_args()
    size = args.size or (100_000 if args.quick else 1_000_000)
    brute = args.brute if args.brute is not None else (40 if size <= 200_000 else 8)
    rng = random.Random(f"{args.seed}:{size}")
    names = Names()

    started = time.perf_counter()
    entries, clustered = make_list(size, rng, names)
    generated = time.perf_counter() - started
    planted = plant(entries, clustered, args.per_kind, rng, names)
    index = ReferenceIndex()

    def build_index() -> None:
        nonlocal index
        index = ReferenceIndex.build(entries)

    build, build_cpu = timed(build_index)
    cache = Path(tempfile.mkdtemp(prefix="newsreader-xref-"))
    try:
        index.save(cache / "index")
        load, load_cpu = timed(lambda: ReferenceIndex.load(cache / "index"))
    finally:
        shutil.rmtree(cache, ignore_errors=True)
    print(
        f"{size:,} entries ({len(clustered):,} in near-duplicate groups, "
        f"{sum(len(e.names) for e in entries):,} names with aliases), generated in {generated:.1f} s"
    )
    print(
        f"index: build {build:.1f} s (CPU {build_cpu:.1f} s), "
        f"cached load {load:.2f} s (CPU {load_cpu:.2f} s), {memory_mb(index):.0f} MB in memory"
    )

    rows, per_name, per_name_cpu, per_brute = recall(index, entries, planted, brute)
    print(f"\nrecall@3 of one-edit variants, {args.per_kind} per kind; rapidfuzz on the first {brute}:")
    header = [
        "variant",
        "recall@3",
        "lost by the index",
        "same sample",
        "extractOne top 1",
        "extractOne/query",
    ]
    print("\n".join(table(header, rows)))

    text, entities = article_of([q for pairs in planted.values() for q, _ in pairs[:4]][:25])

    with cycle_collection_paused():  # as `Analyzer.analyze` runs it
        per_article, article_cpu = timed(lambda: cross_reference(text, entities, index))
    print(
        f"\nlookup per name {per_name * 1000:.2f} ms (CPU {per_name_cpu * 1000:.2f} ms), "
        f"{per_brute / per_name:.0f}x faster than extractOne "
        f"in this run; an article of 25 of the planted names cross-referenced in {per_article * 1000:.0f} ms "
        f"(CPU {article_cpu * 1000:.0f} ms)"
    )
    print("\n".join(dev_articles(index, entries, args.articles, max(args.passes, 1))))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\npeak resident memory of this process: {peak:.0f} MB (the generated list, rapidfuzz's copy too)")


if __name__ == "__main__":
    main()

"""The reference index at 10k / 100k / 1M names, against rapidfuzz brute force.

    python benchmarks/xref_scale.py [--sizes 10000,100000,1000000] [--queries 500]

For each size it generates a list of people (given names and surnames from the bundled
lexicons, a role and a country for each), plants variants of some of them (typos,
transliteration spellings, family name first, initials, a dropped middle name), and
prints: index build time, cached load time, index size in memory, lookup time per name,
per-article cross-reference time (an article naming 25 of the people), and recall of
the planted variants (the right entry among the three candidates the reviewer is
shown), next to rapidfuzz's `process.extract` (WRatio, the usual brute-force choice)
over the same names: its time per name and its recall, measured in the same run.
"""

from __future__ import annotations

import argparse
import random
import resource
import shutil
import tempfile
import time
from pathlib import Path

from rapidfuzz import fuzz, process, utils

from newsreader.analysis import lexicon
from newsreader.analysis.model import Entity
from newsreader.analysis.references import Entry
from newsreader.analysis.refindex import ReferenceIndex
from newsreader.analysis.xref import cross_reference

ROLES = ("minister of finance", "ambassador to", "governor of a province of", "senator from", "mayor in")
COUNTRIES = ("France", "Kenya", "Peru", "Japan", "Poland", "Egypt", "Canada", "India", "Chile", "Norway")
BRUTE_FORCE_QUERIES = 20  # brute force at a million names costs a quarter second each


def vocabulary() -> tuple[list[str], list[str]]:
    lexicon.preload()
    given = sorted(n for n, key in lexicon._tables()[1].items() if int(key[1:]) >= 4 and n.isalpha())
    surnames = sorted(n for n in lexicon._tables()[2] if n.isalpha() and len(n) >= 4)
    return given, surnames


def people(size: int, rng: random.Random) -> list[Entry]:
    given, surnames = vocabulary()
    entries = []
    seen: set[str] = set()
    while len(entries) < size:
        parts = [rng.choice(given)]
        if rng.random() < 0.3:
            parts.append(rng.choice(given))  # a middle name
        parts.append(rng.choice(surnames))
        name = " ".join(parts)
        if name in seen:
            continue
        seen.add(name)
        role = f"{rng.choice(ROLES)} {rng.choice(COUNTRIES)}"
        entries.append(Entry(f"gen:{len(entries)}", name, (), "person", role.capitalize(), "", "generated"))
    return entries


_SOUNDS = (
    ("v", "w"),
    ("w", "v"),
    ("y", "i"),
    ("i", "y"),
    ("ks", "x"),
    ("c", "k"),
    ("k", "c"),
    ("s", "z"),
    ("z", "s"),
)


def variant(name: str, rng: random.Random) -> str:
    """A spelling a news text might use for the name."""
    parts = name.split()
    kind = rng.choice(("typo", "typo", "sound", "reorder", "initial", "drop-middle"))
    if kind == "reorder":
        return " ".join([parts[-1], *parts[:-1]])
    if kind == "initial" and len(parts) >= 2:
        return " ".join([parts[0][0] + ".", *parts[1:]])
    if kind == "drop-middle" and len(parts) == 3:
        return f"{parts[0]} {parts[2]}"
    surname = parts[-1]
    if kind == "sound":
        for a, b in rng.sample(_SOUNDS, len(_SOUNDS)):
            if a in surname[1:]:
                surname = surname[0] + surname[1:].replace(a, b, 1)
                break
    else:
        i = rng.randrange(1, len(surname))
        op = rng.choice(("swap", "drop", "double", "change"))
        if op == "swap" and i < len(surname) - 1:
            surname = surname[:i] + surname[i + 1] + surname[i] + surname[i + 2 :]
        elif op == "drop":
            surname = surname[:i] + surname[i + 1 :]
        elif op == "double":
            surname = surname[:i] + surname[i] + surname[i:]
        else:
            surname = surname[:i] + rng.choice("aeiounrst") + surname[i + 1 :]
    return " ".join([*parts[:-1], surname])


def memory_mb(index: ReferenceIndex) -> float:
    arrays = sum(getattr(index, a).itemsize * len(getattr(index, a)) for a in ReferenceIndex.ARRAYS)
    tables = sum(len(getattr(index, t).keys) * 8 for t in ReferenceIndex.TABLES)
    text = len(index.records) + len(index.names) + len(index.vocab)
    return (arrays + tables + text) / 1e6


def in_top(hits_names: list[str], target: str, k: int = 3) -> bool:
    return target in hits_names[:k]


def run_size(size: int, queries: int, rng: random.Random, cache: Path) -> list[str]:
    entries = people(size, rng)
    started = time.perf_counter()
    index = ReferenceIndex.build(entries)
    build = time.perf_counter() - started
    folder = cache / f"index-{size}"
    index.save(folder)
    started = time.perf_counter()
    index = ReferenceIndex.load(folder)
    load = time.perf_counter() - started

    targets = rng.sample(entries, queries)
    planted = [(variant(e.name, rng), e.name) for e in targets]
    started = time.perf_counter()
    found = sum(in_top([h.entry.name for h in index.search(v, limit=3)], name) for v, name in planted)
    per_name = (time.perf_counter() - started) / len(planted)

    # an article naming 25 of the people, some misspelt: the whole cross-reference step
    names = [v for v, _ in planted[:25]]
    text = " ".join(f"{n} said on Monday that talks would continue." for n in names)
    entities = []
    pos = 0
    for i, n in enumerate(names):
        start = text.index(n, pos)
        entities.append(Entity(f"e{i + 1}", n, "person", ((start, start + len(n)),)))
        pos = start + len(n)
    started = time.perf_counter()
    cross_reference(text, entities, index)
    article_time = time.perf_counter() - started

    # brute force at its best: the list preprocessed once, not at every query
    choices = [utils.default_process(e.name) for e in entries]
    sample = planted[:BRUTE_FORCE_QUERIES]
    started = time.perf_counter()
    brute_found = 0
    for v, name in sample:
        hits = process.extract(utils.default_process(v), choices, scorer=fuzz.WRatio, limit=3)
        brute_found += in_top([entries[h[2]].name for h in hits], name)
    brute = (time.perf_counter() - started) / len(sample)
    return [
        f"{size:,}",
        f"{build:.1f} s",
        f"{load:.2f} s",
        f"{memory_mb(index):.0f} MB",
        f"{per_name * 1000:.1f} ms",
        f"{article_time * 1000:.0f} ms",
        f"{found / len(planted):.3f}",
        f"{brute * 1000:.0f} ms",
        f"{brute_found / len(sample):.2f}",
        f"{brute / per_name:.0f}x",
    ]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="10000,100000,1000000")
    ap.add_argument("--queries", type=int, default=500)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    cache = Path(tempfile.mkdtemp(prefix="newsreader-xref-"))
    header = [
        "names",
        "build",
        "cached load",
        "index size",
        "lookup/name",
        "xref/article (25 names)",
        "recall@3",
        "brute force/name",
        "bf recall@3",
        "speed-up",
    ]
    rows = []
    try:
        for size in (int(s) for s in args.sizes.split(",")):
            # each size its own draw: its figures do not depend on which sizes ran before
            rows.append(run_size(size, args.queries, random.Random(f"{args.seed}:{size}"), cache))
            print(f"  {size:,} names done", flush=True)
    finally:
        shutil.rmtree(cache, ignore_errors=True)
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    for r in [header, *rows]:
        print("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\npeak resident memory of this process: {peak:.0f} MB (brute force holds its own list of names)")
    print(
        "recall: the planted variant's entry among the three candidates shown; brute force on "
        f"{BRUTE_FORCE_QUERIES} of the variants"
    )


if __name__ == "__main__":
    main()

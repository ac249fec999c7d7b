"""Time per name pair of the matcher, cold and warm, against rapidfuzz's WRatio.

    python benchmarks/matcher_speed.py [--pairs FILE.jsonl] [--runs 5]

The pairs are a JSONL file with "a" and "b" (as `newsreader compare --pairs` reads), or by
default pairs made from the bundled reference list: each entry's name against each of its
aliases (other scripts, spellings, short forms), against a copy with one letter changed,
and against another entry's name.

Figures:
- cold: `newsreader compare --stats --pairs -` in a fresh process, the median of --runs
  runs; what one run over a file costs, first-use costs (tables, caches) included;
- warm: the same pairs again in this process with every cache filled;
- rapidfuzz `fuzz.WRatio` over the same pairs with its default preprocessing: a
  plain-string baseline measured in the same run, and the ratio to it.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

from rapidfuzz import fuzz, utils

from newsreader.analysis import lexicon
from newsreader.analysis.matcher import compare
from newsreader.analysis.references import load
from newsreader.resources import bundled_references


def bundled_pairs(rng: random.Random) -> list[dict[str, str]]:
    entries = load(bundled_references()).entries
    pairs = []
    for entry in entries:
        for alias in entry.aliases:
            pairs.append({"a": entry.name, "b": alias})
        at = rng.randrange(len(entry.name))
        typo = entry.name[:at] + rng.choice("aeiourstn") + entry.name[at + 1 :]
        pairs.append({"a": entry.name, "b": typo})
        pairs.append({"a": entry.name, "b": rng.choice(entries).name})
    rng.shuffle(pairs)
    return pairs


def cold_run(lines: str) -> float:
    """µs per pair that one fresh `newsreader compare --stats` process reports."""
    done = subprocess.run(
        [sys.executable, "-m", "newsreader", "compare", "--stats", "--pairs", "-"],
        input=lines,
        capture_output=True,
        text=True,
        check=True,
    )
    found = re.search(r"(\d+) µs of CPU per pair", done.stderr)
    if found is None:
        raise SystemExit(f"no timing in newsreader's output: {done.stderr!r}")
    return float(found.group(1))


def per_pair(pairs: list[dict[str, str]], score: object) -> float:
    started = time.perf_counter()
    for pair in pairs:
        score(pair["a"], pair["b"])  # type: ignore[operator]
    return (time.perf_counter() - started) * 1e6 / len(pairs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pairs", type=Path, help="JSONL with 'a' and 'b' (default: from the bundled list)")
    parser.add_argument("--runs", type=int, default=5, help="fresh processes for the cold figure")
    args = parser.parse_args()
    if args.pairs:
        text = args.pairs.read_text(encoding="utf-8")
        pairs = [json.loads(line) for line in text.splitlines() if line.strip()]
        source = str(args.pairs)
    else:
        pairs = bundled_pairs(random.Random(7))
        source = "made from the bundled reference list"
    lines = "".join(json.dumps({"a": p["a"], "b": p["b"]}, ensure_ascii=False) + "\n" for p in pairs)
    cold = [cold_run(lines) for _ in range(args.runs)]
    lexicon.preload()
    per_pair(pairs, compare)  # fill the caches
    warm = per_pair(pairs, compare)
    wratio = per_pair(pairs, lambda a, b: fuzz.WRatio(a, b, processor=utils.default_process))
    print(f"{len(pairs)} pairs, {source}")
    print(
        f"matcher, cold run (median of {args.runs} processes): {statistics.median(cold):.0f} µs per pair "
        f"(runs: {', '.join(f'{c:.0f}' for c in cold)})"
    )
    print(f"matcher, warm caches:                      {warm:.1f} µs per pair")
    print(f"rapidfuzz WRatio, same pairs:              {wratio:.1f} µs per pair")
    print(f"cold matcher / WRatio: {statistics.median(cold) / wratio:.0f}x; warm: {warm / wratio:.1f}x")


if __name__ == "__main__":
    main()

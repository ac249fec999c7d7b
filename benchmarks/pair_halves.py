"""Precision, recall and F1 of the matcher's "same" on labelled name pairs, in two halves.

    python benchmarks/pair_halves.py FILE.jsonl [FILE.jsonl ...] [--show tune|check|all]

Each file holds lines with "a", "b", "same" (true/false) and "schema" (FollowTheMoney:
Person, Company, Organization ...), as `newsreader compare --pairs` and the eval's
score.py read them; benchmarks/pairs_own.jsonl is one. Every pair falls in one half by a
hash of its two names, so the halves stay the same from run to run and file to file:
tune the matcher on the "tune" half and report the "check" half, which it was not
shaped on. Pairs labelled alias_different_surname (a married name: no string tells)
are left out, as score.py does. --show prints the pairs the matcher gets wrong.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from collections import Counter
from pathlib import Path

from newsreader.analysis.matcher import SAME, compare
from newsreader.commands.compare import _kind_of as kind_of  # the schema -> kind map `compare --pairs` uses

HALVES = ("tune", "check")


def half_of(pair: dict[str, object]) -> str:
    """The half a pair belongs to, by its names alone."""
    digest = hashlib.sha1(f"{pair['a']}\t{pair['b']}".encode()).digest()
    return HALVES[digest[0] & 1]


def load(paths: list[Path]) -> list[dict[str, object]]:
    pairs = []
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                pair = json.loads(line)
                if pair.get("category") != "alias_different_surname":
                    pairs.append({**pair, "file": path.name})
    return pairs


def prf(c: Counter[str]) -> str:
    p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 1.0
    r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"P={p:.3f} R={r:.3f} F1={f:.3f}  (tp={c['tp']} fp={c['fp']} fn={c['fn']} tn={c['tn']})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--show", choices=(*HALVES, "all"), help="print the pairs judged wrong")
    args = parser.parse_args()
    tally: dict[str, Counter[str]] = {}
    for pair in load(args.files):
        c = compare(str(pair["a"]), str(pair["b"]), kind=kind_of(pair))
        said, truth = c.verdict == SAME, bool(pair["same"])
        outcome = "tp" if said and truth else "fp" if said else "fn" if truth else "tn"
        half = half_of(pair)
        for key in (half, f"{half} {pair['file']}", f"{half} {pair['file']} {pair.get('group', '?')}"):
            tally.setdefault(key, Counter())[outcome] += 1
        if outcome in ("fp", "fn") and args.show in (half, "all"):
            print(f"{outcome} {half:5s} {pair['a']!r} / {pair['b']!r}: {c.score} {c.why}")
    for key in sorted(tally, key=lambda k: (k.count(" "), k)):
        print(f"{key:48s} {prf(tally[key])}")


if __name__ == "__main__":
    main()

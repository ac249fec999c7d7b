"""`newsreader compare A B` and `newsreader compare --pairs FILE|-`: the name matcher, bare."""

from __future__ import annotations

import argparse
import gc
import json
import sys
import time

from newsreader.cli import PROG, UserError

EPILOG = """\
examples:
  newsreader compare "Lu Shai" "Lu Shaye"
  newsreader compare --pairs pairs.jsonl > scored.jsonl      (lines with "a" and "b")
  newsreader compare --same 80 --pairs - < pairs.jsonl
"""


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog=f"{PROG} compare",
        description="Score two names with the name matcher: 0-100, a verdict (same / maybe / "
        "different) and the reasons.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("names", nargs="*", metavar="NAME", help="two names to compare")
    p.add_argument("--pairs", metavar="FILE", help="JSON lines with 'a' and 'b'; - reads stdin")
    p.add_argument("--type", choices=("person", "organization", "place"), help="what the names name")
    p.add_argument("--same", type=float, metavar="SCORE", help="lowest score judged the same (default 70)")
    p.add_argument("--maybe", type=float, metavar="SCORE", help="lowest score judged maybe (default 55)")
    p.add_argument("--stats", action="store_true", help="print the pair count and time per pair to stderr")
    return p


def run(argv: list[str]) -> int:
    args = parser().parse_args(argv)
    from newsreader.analysis.matcher import DEFAULT_THRESHOLDS, Thresholds, compare

    thresholds = Thresholds(
        same=DEFAULT_THRESHOLDS.same if args.same is None else args.same,
        maybe=DEFAULT_THRESHOLDS.maybe if args.maybe is None else args.maybe,
    )
    kind = args.type or ""
    if args.pairs is None:
        if len(args.names) != 2:
            raise UserError("compare takes two names, or --pairs FILE")
        c = compare(args.names[0], args.names[1], thresholds, kind=kind)
        print(f"{c.score:.1f}  {c.verdict}  {c.why}")
        return 0
    if args.names:
        raise UserError("give either two names or --pairs, not both")
    try:
        source = sys.stdin if args.pairs == "-" else open(args.pairs, encoding="utf-8")  # noqa: SIM115
    except OSError as err:
        raise UserError(f"{args.pairs}: {err.strerror or err}") from None
    from newsreader.analysis import lexicon

    lexicon.preload()  # the matcher consults the gazetteer; load it before the clock starts
    # What exists now (modules, tables) lives as long as the process: keep the collector's
    # passes, which otherwise walk all of it every few hundred pairs, to what the pairs make.
    gc.freeze()
    bad = 0
    count = 0
    spent = 0.0
    with source:
        for number, line in enumerate(source, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                a, b = str(record["a"]), str(record["b"])
            except (ValueError, KeyError, TypeError):
                print(
                    f"{PROG}: {args.pairs}: line {number}: not a JSON object with 'a' and 'b'; skipped",
                    file=sys.stderr,
                )
                bad += 1
                continue
            started = time.perf_counter()
            c = compare(a, b, thresholds, kind=kind or _kind_of(record))
            spent += time.perf_counter() - started
            count += 1
            record.update(score=c.score, same=c.verdict == "same", verdict=c.verdict, why=c.why)
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    if args.stats and count:
        print(f"{PROG}: {count} pairs, {spent * 1e6 / count:.0f} µs per pair in the matcher", file=sys.stderr)
    return 1 if bad else 0


# FollowTheMoney schemata (OpenSanctions' data model) as the matcher's kinds of name
_SCHEMA_KIND = {
    "Person": "person",
    "Organization": "organization",
    "Company": "organization",
    "LegalEntity": "organization",
    "PublicBody": "organization",
}


def _kind_of(record: dict[str, object]) -> str:
    return _SCHEMA_KIND.get(str(record.get("schema", "")), "")

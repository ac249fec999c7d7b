"""`newsreader compare A B` and `newsreader compare --pairs FILE|-`: the name matcher, bare."""

from __future__ import annotations

import argparse
import gc
import io
import json
import math
import sys
import time
from collections.abc import Iterator
from typing import cast

from newsreader.analysis.contract import dumps
from newsreader.analysis.model import NAMED_TYPES, SAME
from newsreader.analysis.references import SCHEMA_TYPES
from newsreader.cleaning import binary_kind, printable
from newsreader.commands.common import PROG, ArgumentParser, UserError, say

EPILOG = """\
examples:
  newsreader compare "Lu Shai" "Lu Shaye"
  newsreader compare --pairs pairs.jsonl > scored.jsonl      (lines with "a" and "b")
  newsreader compare --same 80 --pairs - < pairs.jsonl
"""


def parser() -> argparse.ArgumentParser:
    p = ArgumentParser(
        prog=f"{PROG} compare",
        description="Score two names with the name matcher: 0-100, a verdict (same / maybe / "
        "different) and the reasons.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("names", nargs="*", metavar="NAME", help="two names to compare")
    p.add_argument("--pairs", metavar="FILE", help="JSON lines with 'a' and 'b'; - reads stdin")
    p.add_argument("--type", choices=NAMED_TYPES, help="what the names name")
    p.add_argument("--same", type=_score, metavar="SCORE", help="lowest score judged the same (default 70)")
    p.add_argument("--maybe", type=_score, metavar="SCORE", help="lowest score judged maybe (default 55)")
    p.add_argument("--stats", action="store_true", help="print the pair count and time per pair to stderr")
    return p


def _score(value: str) -> float:
    try:
        score = float(value)
    except ValueError:
        score = math.nan
    if not 0 <= score <= 100:  # nan fails this too
        raise argparse.ArgumentTypeError(f"not a score from 0 to 100: {printable(value)!r}")
    return score


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
        print(f"{c.score:.1f}  {c.verdict}  {' '.join(printable(c.why).split())}")
        return 0
    if args.names:
        raise UserError("give either two names or --pairs, not both")
    if thresholds.maybe > thresholds.same:
        raise UserError(f"--maybe ({thresholds.maybe:g}) must not be above --same ({thresholds.same:g})")
    try:
        stdin = cast(io.BufferedReader, sys.stdin.buffer)  # what Python gives; typeshed says BinaryIO
        source = stdin if args.pairs == "-" else open(args.pairs, "rb")  # noqa: SIM115
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
        for number, line in _lines(source, args.pairs):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                a, b = str(record["a"]), str(record["b"])
            except (ValueError, KeyError, TypeError):
                bad += 1
                if bad <= MAX_SAID:
                    say(f"{args.pairs}: line {number}: not a JSON object with 'a' and 'b'; skipped")
                continue
            # CPU time: what the matcher costs, not what other processes on the machine took
            started = time.process_time()
            c = compare(a, b, thresholds, kind=kind or _kind_of(record))
            spent += time.process_time() - started
            count += 1
            record.update(score=c.score, same=c.verdict == SAME, verdict=c.verdict, why=c.why)
            sys.stdout.write(dumps(record) + "\n")
    if bad > MAX_SAID:
        say(f"{args.pairs}: … and {bad - MAX_SAID} more lines skipped")
    if args.stats and count:
        say(f"{count} pairs, {spent * 1e6 / count:.0f} µs of CPU per pair in the matcher")
    return 1 if bad else 0


MAX_LINE = 1 << 20  # a pair of names is far shorter; a longer line is skipped, not held
MAX_SAID = 20  # lines skipped and said one by one; the rest are counted


def _lines(source: io.BufferedReader, name: str) -> Iterator[tuple[int, str]]:
    """(number, text) per line of UTF-8 JSON lines; a file that is not text is refused
    (UserError), and a line that is not UTF-8, or too long, reads as invalid JSON."""
    kind = binary_kind(source.peek(4096)[:4096])
    if kind:
        raise UserError(f"{name}: not JSON lines but {kind}")
    number = 0
    while raw := source.readline(MAX_LINE):
        number += 1
        if len(raw) == MAX_LINE and not raw.endswith(b"\n"):
            while (rest := source.readline(MAX_LINE)) and not rest.endswith(b"\n"):
                pass
            yield number, "too long"
            continue
        try:
            yield number, raw.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError:
            yield number, "not UTF-8"


def _kind_of(record: dict[str, object]) -> str:
    return SCHEMA_TYPES.get(str(record.get("schema", "")), "")

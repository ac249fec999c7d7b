"""`newsreader match NAME...`: look names up in the reference lists."""

from __future__ import annotations

import argparse
import sys

from newsreader.analysis.contract import dumps
from newsreader.cleaning import printable
from newsreader.commands.common import PROG, ArgumentParser, UserError, add_reference_options, make_analyzer


def parser() -> argparse.ArgumentParser:
    p = ArgumentParser(
        prog=f"{PROG} match",
        description="Find the reference-list entries a name may refer to, with scores and reasons.",
        epilog='example: newsreader match --references pep.csv "Lu Shai" "Wolodymyr Selenskyj"',
    )
    p.add_argument("names", nargs="+", metavar="NAME")
    p.add_argument("--format", "-f", choices=("table", "jsonl"), default="table")
    p.add_argument("--limit", type=int, default=5, help="candidates per name (default 5)")
    add_reference_options(p)
    return p


def run(argv: list[str]) -> int:
    args = parser().parse_args(argv)
    if args.limit < 1:
        raise UserError("--limit must be at least 1")
    analyzer = make_analyzer(args)
    if analyzer.index is None:
        raise UserError("no reference list to search (drop --no-bundled or add --references FILE)")
    for name in args.names:
        hits = analyzer.index.search(name, limit=args.limit)
        if args.format == "jsonl":
            record = {
                "query": name,
                "candidates": [
                    {
                        "name": h.entry.name,
                        "matched": h.matched,
                        "score": h.comparison.score,
                        "verdict": h.comparison.verdict,
                        "why": h.comparison.why,
                        "type": h.entry.type,
                        "description": h.entry.description,
                        "list": h.entry.list,
                        "source": h.entry.source,
                    }
                    for h in hits
                ],
            }
            sys.stdout.write(dumps(record) + "\n")
            continue
        print(_line(name))
        if not hits:
            print("  (no candidates)")
        for h in hits:
            alias = f" (as '{_line(h.matched)}')" if h.matched != h.entry.name else ""
            c = h.comparison
            print(f"  {c.score:5.1f}  {c.verdict:<9} {_line(h.entry.name)}{alias} [{_line(h.entry.list)}]")
            print(f"         {_line(h.entry.description)[:90]}")
            print(f"         why: {_line(h.comparison.why)}")
    return 0


def _line(text: str) -> str:
    """Names, aliases and descriptions come from the lists: one printable line each."""
    return " ".join(printable(text).split())

"""`newsreader analyze PATH...`: the names, quotes and cross-references of each article,
as one JSON document, JSON lines or a table (see `jobs.analyze_one`)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from newsreader.commands.common import (
    EXIT_PARTIAL,
    EXIT_USAGE,
    PROG,
    ArgumentParser,
    add_common_options,
    add_text_option,
    article_inputs,
    make_analyzer,
    report_problems,
    say,
)


def parser() -> argparse.ArgumentParser:
    p = ArgumentParser(
        prog=f"{PROG} analyze",
        description="Print the names, quotes and cross-references found in each article.",
        epilog="example: newsreader analyze --format jsonl a.txt b.html > out.jsonl",
    )
    p.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="articles, folders, feeds, URLs or files of URLs (- reads stdin)",
    )
    p.add_argument("--format", "-f", choices=("json", "jsonl", "table"), default="json")
    p.add_argument(
        "--jobs",
        "-j",
        type=_jobs,
        default=1,
        metavar="N",
        help="analyse in N processes (default 1); the output is the same, in the same order",
    )
    add_text_option(p)
    add_common_options(p)
    return p


def _jobs(value: str) -> int:
    if not value.isdigit() or not 1 <= int(value) <= 1024:
        raise argparse.ArgumentTypeError("a number of processes from 1 to 1024")
    return int(value)


def run(argv: list[str]) -> int:
    args = parser().parse_args(argv)
    from newsreader import article, jobs
    from newsreader.analysis import contract

    analyzer = make_analyzer(args)
    paths, failures = article_inputs(args.paths, args.max_size)
    options = jobs.Options(args.format, args.text, args.max_size or article.DEFAULT_MAX_BYTES)
    docs: list[Any] = []
    done = 0
    with jobs.Progress(len(paths), sys.stderr) as progress:
        for outcome in jobs.analyze_all(paths, analyzer, options, workers=args.jobs):
            progress.step()
            if outcome.error or outcome.problems:
                progress.clear()
            if outcome.error:
                say(outcome.error)
                failures += 1
                continue
            report_problems(outcome)
            done += 1
            if args.format == "json":
                docs.append(outcome.output)
            else:
                sys.stdout.write(outcome.output)
                sys.stdout.flush()
    if args.format == "json" and docs:
        # one document for one article named as such (a file, a page's URL); a list for a
        # folder, a feed or a list of URLs, however many articles they gave
        one = len(paths) == 1 == len(args.paths) and getattr(paths[0], "source", paths[0]) == args.paths[0]
        sys.stdout.write(contract.dumps(docs[0] if one else docs, indent=2) + "\n")
    if not done and failures:
        return EXIT_USAGE
    return EXIT_PARTIAL if failures else 0

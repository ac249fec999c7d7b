"""`newsreader analyze PATH...`: the names, quotes and cross-references of each article,
as one JSON document, JSON lines or a table (see `jobs.analyze_one`)."""

from __future__ import annotations

import argparse
import sys

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

JSON_INDENT = 2


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
    # one document for one article named as such (a file, a page's URL); a list for a
    # folder, a feed or a list of URLs, however many articles they gave
    one = len(paths) == 1 == len(args.paths) and getattr(paths[0], "source", paths[0]) == args.paths[0]
    done = 0
    with jobs.Progress(len(paths), sys.stderr) as progress:
        listed = False  # the JSON list's opening bracket written
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
            # each document is written as it comes, and in pieces: a long article's JSON
            # is several times its text, and a folder's would be the sum of them all
            if args.format == "jsonl":
                contract.write(outcome.output, sys.stdout)
                sys.stdout.write("\n")
            elif args.format == "json" and one:
                contract.write(outcome.output, sys.stdout, indent=JSON_INDENT)
                sys.stdout.write("\n")
            elif args.format == "json":
                sys.stdout.write(",\n" + " " * JSON_INDENT if listed else "[\n" + " " * JSON_INDENT)
                contract.write(outcome.output, sys.stdout, indent=JSON_INDENT, depth=1)
                listed = True
            else:
                sys.stdout.write(outcome.output)
            sys.stdout.flush()
        if listed:
            sys.stdout.write("\n]\n")
    if not done and failures:
        return EXIT_USAGE
    return EXIT_PARTIAL if failures else 0

"""The front door: `newsreader [PATH]` opens the reader; verbs for the shell.

Errors a user can cause end in one line on stderr and a non-zero exit, never a traceback.
Heavy modules (Textual, the matcher) are imported inside the verb that needs them.
"""

from __future__ import annotations

import argparse
import math
import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TextIO

from newsreader import __version__
from newsreader.cleaning import printable

if TYPE_CHECKING:
    from _typeshed import SupportsWrite

PROG = "newsreader"
EXIT_USAGE = 2
EXIT_PARTIAL = 1
EXIT_INTERNAL = 70  # EX_SOFTWARE

READER_EXAMPLES = """\
examples:
  newsreader                       open the bundled sample article
  newsreader story.html            open an article (.txt, .md, .html; - reads stdin)
  newsreader articles/             open a folder's articles: > and < go from one to the next
  newsreader wire.rss              open a feed's items (RSS or Atom) the same way
  newsreader https://example.org/story   fetch a page (or a feed) and open it; links.urls: one URL a line
  newsreader --theme mono story.txt
  newsreader analyze --format table story.txt
  newsreader analyze --format jsonl a.txt b.md c.html > analysis.jsonl
  newsreader match "Lu Shai" "Zelensky"
  newsreader compare "Lu Shai" "Lu Shaye"
  newsreader compare --pairs pairs.jsonl
  newsreader export --format md story.txt

commands:
  analyze   print names, quotes and cross-references as JSON, JSON lines or a table
  match     look names up in the reference lists
  compare   score two names (or a file of pairs) with the name matcher
  export    write the review of an article as Markdown, JSON, CSV, spans or brat
"""


class UserError(Exception):
    """A problem the user can fix; printed as one line, exit status 2."""


def say(message: str) -> None:
    """`newsreader: message` on stderr, with nothing a terminal acts on (file names, list
    entries and config values in messages come from outside)."""
    print(f"{PROG}: {printable(message)}", file=sys.stderr)


class ArgumentParser(argparse.ArgumentParser):
    """argparse whose usage, help and errors (which quote the arguments given) are printable."""

    def _print_message(self, message: str, file: SupportsWrite[str] | None = None) -> None:
        super()._print_message(printable(message), file)


MAX_SIZE_MB = 100_000  # 100 GB: well past any article, and a size Python can read


def megabytes(value: str, *, what: str = "the size limit", most: float = MAX_SIZE_MB) -> int:
    """A `--max-size`-style option in bytes: a finite, positive number of megabytes."""
    try:
        mb = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of megabytes: {printable(value)!r}") from None
    if not math.isfinite(mb) or mb <= 0 or mb > most:
        raise argparse.ArgumentTypeError(f"{what} must be a number of megabytes above 0, at most {most:,g}")
    return max(1, int(mb * 1024 * 1024))


def add_reference_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--references",
        "-r",
        action="append",
        default=[],
        metavar="FILE",
        help="an extra reference list (our CSV or OpenSanctions targets.simple.csv); repeatable",
    )
    parser.add_argument("--no-bundled", action="store_true", help="do not use the bundled reference list")
    parser.add_argument(
        "--max-list-size",
        type=lambda value: megabytes(value, what="the list size limit"),
        default=None,
        metavar="MB",
        help="refuse reference lists larger than this many megabytes (default 1024)",
    )


def add_common_options(parser: argparse.ArgumentParser) -> None:
    add_reference_options(parser)
    parser.add_argument(
        "--max-size",
        type=megabytes,
        default=None,
        metavar="MB",
        help="refuse files larger than this many megabytes (default 20)",
    )


def reader_parser() -> argparse.ArgumentParser:
    p = ArgumentParser(
        prog=PROG,
        description="A keyboard-driven terminal reader that marks the people, organisations, "
        "places and quotes in news text and cross-references names against reference lists.",
        epilog=READER_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument(
        "path",
        nargs="?",
        metavar="PATH",
        help="article, folder of articles or feed to open (default: the bundled sample)",
    )
    p.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    p.add_argument("--theme", metavar="NAME", help="colour theme (see the command palette for names)")
    p.add_argument("--store", metavar="PATH", help="review database (default: in your data folder)")
    p.add_argument("--list", action="store_true", help="open the article list first, even for one article")
    p.add_argument(
        "--reviewer",
        metavar="NAME",
        help="the name recorded with your decisions (default: `reviewer` in the config, else your login)",
    )
    add_common_options(p)
    return p


def analyze_parser() -> argparse.ArgumentParser:
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


def add_text_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--text",
        choices=("source", "clean"),
        default="source",
        help="which text offsets index: the file as decoded (default) or the cleaned text",
    )


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    commands: dict[str, Callable[[list[str]], int]] = {
        "analyze": run_analyze,
        "match": _lazy("newsreader.commands.match", "run"),
        "compare": _lazy("newsreader.commands.compare", "run"),
        "export": _lazy("newsreader.commands.export", "run"),
    }
    try:
        if args and args[0] in commands:
            return commands[args[0]](args[1:])
        return run_reader(args)
    except UserError as err:
        say(str(err))
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except MemoryError:
        say("out of memory")
        return EXIT_USAGE
    except BrokenPipeError:
        # the reader of our output went away (`| head`); say nothing more
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_PARTIAL
    except Exception as err:  # a bug of ours: one line for the user, the traceback on request
        if os.environ.get("NEWSREADER_DEBUG"):
            raise
        say(f"internal error: {type(err).__name__}: {err} (NEWSREADER_DEBUG=1 shows the traceback)")
        return EXIT_INTERNAL


def _lazy(module: str, name: str) -> Callable[[list[str]], int]:
    def call(args: list[str]) -> int:
        import importlib

        func: Callable[[list[str]], int] = getattr(importlib.import_module(module), name)
        return func(args)

    return call


def article_inputs(paths: Sequence[str], max_bytes: int | None = None) -> tuple[list[Any], int]:
    """What to read: each path as it is, a folder as the articles in it (see
    `article.articles_in`), a feed as its items, a URL as its page or feed (fetched) and
    a file of URLs as theirs (these already loaded `Article`s), and how many of `paths`
    or of their items gave nothing (each said on stderr)."""
    from newsreader import article, feeds, fetch

    out: list[Any] = []
    failures = 0
    limit = max_bytes or article.DEFAULT_MAX_BYTES
    for path in paths:
        try:
            if path != "-" and os.path.isdir(path):
                found = [str(p) for p in article.articles_in(path)]
            elif path != "-" and fetch.is_url_list(path):
                found = fetch.read_url_list(path)
            else:
                found = [path]
        except article.ArticleError as err:
            say(str(err))
            failures += 1
            continue
        for item in found:
            try:
                if fetch.is_url(item):
                    out.extend(fetch.load_url(item, max_bytes=limit))
                elif item != "-" and feeds.is_feed(item):
                    out.extend(feeds.read_feed(item, max_bytes=limit))
                else:
                    out.append(item)
            except article.ArticleError as err:
                say(str(err))
                failures += 1
    return out, failures


_problems_said: set[str] = set()


def report_problems(doc: Any) -> None:
    """Say on stderr, once a run, what could not be done for an article (see `Article.problems`)."""
    for problem in doc.problems:
        if problem not in _problems_said:
            _problems_said.add(problem)
            say(problem)


def load_article(path: str, max_bytes: int | None = None):  # type: ignore[no-untyped-def]
    from newsreader import article

    try:
        return article.load(path, max_bytes=max_bytes or article.DEFAULT_MAX_BYTES)
    except article.ArticleError as err:
        raise UserError(str(err)) from None


def list_limit(args: argparse.Namespace) -> int:
    """The largest reference list to read, in bytes: `--max-list-size` or the default."""
    from newsreader.analysis.references import DEFAULT_MAX_LIST_BYTES

    return int(args.max_list_size or DEFAULT_MAX_LIST_BYTES)


def make_analyzer(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    """The reference lists named on the command line (plus the bundled one), loaded."""
    from newsreader import config
    from newsreader.analysis.service import Analyzer, ReferenceError

    settings = config.load()
    for problem in settings.problems:
        say(problem)
    try:
        references = [*settings.references, *args.references]
        analyzer = Analyzer.from_options(
            references, bundled=not args.no_bundled, max_list_bytes=list_limit(args)
        )
    except ReferenceError as err:
        raise UserError(str(err)) from None
    for warning in analyzer.warnings[:20]:
        say(warning)
    if len(analyzer.warnings) > 20:
        say(f"… and {len(analyzer.warnings) - 20} more rows skipped")
    return analyzer


def run_reader(argv: list[str]) -> int:
    args = reader_parser().parse_args(argv)
    from newsreader.ui import terminal

    try:  # before reading anything: with no terminal the reader would hang on a pipe
        terminal.check()
    except terminal.NoTerminal as err:
        said = f"the reader needs a terminal ({err}); `{PROG} analyze` prints the analysis"
        raise UserError(said) from None
    from newsreader import feeds, fetch, resources

    path = args.path or str(resources.seed_article())
    folder: list[Any] = []
    many = os.path.isdir(path) or os.path.splitext(path)[1].lower() in feeds.FEED_SUFFIXES
    if path != "-" and (many or fetch.is_url(path) or fetch.is_url_list(path)):
        folder, _ = article_inputs([path], args.max_size)
        if not folder:  # what failed was said on stderr; a list's other links still open
            return EXIT_USAGE
    first = folder[0] if folder else path
    doc = first if not isinstance(first, str) else load_article(first, args.max_size)
    report_problems(doc)  # on stderr too: it stays there after the reader closes
    if len(folder) < 2 and not args.list:
        folder = []
    elif args.list and not folder:
        folder = [doc]
    # the lists are read after the first paint; a path that cannot work is said here, once
    for ref in args.references:
        if not os.path.isfile(ref):
            reason = "is a directory, not a file" if os.path.isdir(ref) else "no such file"
            raise UserError(f"{ref}: {reason}")
    from newsreader.ui import launch

    return launch.run(doc, args, articles=folder)


def run_analyze(argv: list[str]) -> int:
    args = analyze_parser().parse_args(argv)
    from newsreader import article, jobs
    from newsreader.analysis import contract

    analyzer = make_analyzer(args)
    paths, failures = article_inputs(args.paths, args.max_size)
    options = jobs.Options(args.format, args.text, args.max_size or article.DEFAULT_MAX_BYTES)
    docs = []
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


def write_table(out: TextIO, doc, result) -> None:  # type: ignore[no-untyped-def]
    """A plain, aligned summary for a terminal; every string in it made `printable`."""
    out.write(f"{printable(doc.title)}\n{printable(doc.source)}\n\n")
    out.write(f"{'id':<5} {'type':<13} {'mentions':>8}  {'name':<32} reference\n")
    for e in result.entities:
        ref = f"{_cell(e.reference.name)} ({e.reference.score:.0f})" if e.reference else ""
        out.write(f"{e.id:<5} {_cell(e.type):<13} {len(e.mentions):>8}  {_cell(e.name)[:32]:<32} {ref}\n")
    out.write(f"\n{'quote':<48} {'speaker':<24} cue\n")
    names = {e.id: e.name for e in result.entities}
    for q in result.quotes:
        snippet = _cell(doc.text[q.start : q.end])
        snippet = snippet if len(snippet) <= 46 else snippet[:45] + "…"
        speaker = _cell(names.get(q.speaker or "", "unknown"))
        out.write(f"{snippet:<48} {speaker[:24]:<24} {_cell(q.cue or '')}\n")
    out.write("\n")


def _cell(value: str) -> str:
    """One line of printable text for a table cell."""
    return " ".join(printable(value).split())


if __name__ == "__main__":
    raise SystemExit(main())

"""What the shell verbs share: their errors and exit codes, their messages, their options
and how they read their inputs. The front door (`cli.py`) and every verb in `commands/`
import it; nothing here imports a verb or the front door.
"""

from __future__ import annotations

import argparse
import math
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from newsreader.cleaning import printable

if TYPE_CHECKING:
    from _typeshed import SupportsWrite

    from newsreader.analysis.service import Analyzer
    from newsreader.article import Article
    from newsreader.feeds import ListItem

PROG = "newsreader"
EXIT_USAGE = 2
EXIT_PARTIAL = 1
EXIT_INTERNAL = 70  # EX_SOFTWARE


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
    from newsreader.analysis.references import described_formats

    parser.add_argument(
        "--references",
        "-r",
        action="append",
        default=[],
        metavar="FILE",
        help=f"an extra reference list: {described_formats()}; repeatable",
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


def add_text_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--text",
        choices=("source", "clean"),
        default="source",
        help="which text offsets index: the file as decoded (default) or the cleaned text",
    )


def article_inputs(
    paths: Sequence[str], max_bytes: int | None = None, *, lazy_feeds: bool = False
) -> tuple[list[Any], int]:
    """What to read: each path as it is, a folder as the articles in it (see
    `article.articles_in`), a feed as its items, a URL as its page or feed (fetched) and
    a file of URLs as theirs (these already loaded `Article`s), and how many of `paths`
    or of their items gave nothing (each said on stderr). `lazy_feeds`: a feed file's
    items as `feeds.FeedItem`s, extracted when opened (the reader's first paint waits
    for no item's extraction)."""
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
                    read = feeds.read_feed_items if lazy_feeds else feeds.read_feed
                    out.extend(read(item, max_bytes=limit))
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


def load_article(item: ListItem, max_bytes: int | None = None) -> Article:
    """The article a path (or a feed's item, or an article already loaded) stands for;
    UserError when it cannot be read."""
    from newsreader import article, feeds

    try:
        return feeds.load_item(item, max_bytes=max_bytes or article.DEFAULT_MAX_BYTES)
    except article.ArticleError as err:
        raise UserError(str(err)) from None


def list_limit(args: argparse.Namespace) -> int:
    """The largest reference list to read, in bytes: `--max-list-size` or the default."""
    from newsreader.analysis.references import DEFAULT_MAX_LIST_BYTES

    return int(args.max_list_size or DEFAULT_MAX_LIST_BYTES)


def make_analyzer(args: argparse.Namespace) -> Analyzer:
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

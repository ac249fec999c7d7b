"""The front door: `newsreader [PATH]` opens the reader; `newsreader VERB ...` runs a verb.

This module parses the top level and dispatches: each verb of `VERBS` is a module in
`commands/` with its own parser and `run(argv)`, imported only when it is called, and
what the verbs share is `commands.common` (which imports no verb and not this module).
Errors a user can cause end in one line on stderr and a non-zero exit, never a traceback.
Heavy modules (Textual, the matcher) are imported inside the verb that needs them.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import Any

from newsreader import __version__
from newsreader.commands.common import (
    EXIT_INTERNAL,
    EXIT_PARTIAL,
    EXIT_USAGE,
    PROG,
    ArgumentParser,
    UserError,
    add_common_options,
    article_inputs,
    load_article,
    report_problems,
    say,
)

VERBS = ("analyze", "match", "compare", "export", "agreement")  # each is newsreader.commands.VERB

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
  agreement how far reviewers agree (raw agreement, Cohen's kappa), per article and folder
"""


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
    p.add_argument(
        "--store",
        metavar="PATH",
        help="review database file or postgresql:// address (default: `store` in the config, else "
        "in your data folder)",
    )
    p.add_argument("--list", action="store_true", help="open the article list first, even for one article")
    p.add_argument(
        "--reviewer",
        metavar="NAME",
        help="the name recorded with your decisions (default: `reviewer` in the config, else your login)",
    )
    add_common_options(p)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        if args and args[0] in VERBS:
            return run_verb(args[0], args[1:])
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


def run_verb(name: str, argv: list[str]) -> int:
    """The verb `name` of `VERBS`: its module in `commands/`, imported only now, runs `argv`."""
    import importlib

    verb = importlib.import_module(f"newsreader.commands.{name}")
    code: int = verb.run(argv)
    return code


def run_reader(argv: list[str]) -> int:
    args = reader_parser().parse_args(argv)
    from newsreader import feeds, fetch, resources

    path = args.path or str(resources.seed_article())
    check_inputs_are_there(path, args.references)
    from newsreader.ui import terminal

    try:  # before reading anything: with no terminal the reader would hang on a pipe
        terminal.check()
    except terminal.NoTerminal as err:
        said = f"the reader needs a terminal ({err}); `{PROG} analyze` prints the analysis"
        raise UserError(said) from None
    folder: list[Any] = []
    many = os.path.isdir(path) or os.path.splitext(path)[1].lower() in feeds.FEED_SUFFIXES
    if path != "-" and (many or fetch.is_url(path) or fetch.is_url_list(path)):
        folder, _ = article_inputs([path], args.max_size, lazy_feeds=True)
        if not folder:  # what failed was said on stderr; a list's other links still open
            return EXIT_USAGE
    first = folder[0] if folder else path
    doc = load_article(first, args.max_size)
    report_problems(doc)  # on stderr too: it stays there after the reader closes
    if len(folder) < 2 and not args.list:
        folder = []
    elif args.list and not folder:
        folder = [doc]
    from newsreader.ui import launch

    return launch.run(doc, args, articles=folder)


def check_inputs_are_there(path: str, references: Sequence[str]) -> None:
    """A path to open that is not there, or a reference list that is not a file, said
    before anything else (the terminal asked for, a page fetched, the lists read after
    the first paint): a mistyped path is what its user needs to hear about."""
    from newsreader import fetch

    if path != "-" and not fetch.is_url(path) and not os.path.lexists(path):
        raise UserError(f"{path}: no such file")
    for ref in references:
        if not os.path.isfile(ref):
            reason = "is a directory, not a file" if os.path.isdir(ref) else "no such file"
            raise UserError(f"{ref}: {reason}")


if __name__ == "__main__":
    raise SystemExit(main())

"""`newsreader [PATH]` hands the loaded article here; Textual is imported only inside `run`."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from newsreader.article import Article
from newsreader.cleaning import printable
from newsreader.feeds import ListItem
from newsreader.ui import terminal

if TYPE_CHECKING:
    from newsreader import batch
    from newsreader.ui.app import ReaderApp


def run(article: Article, args: argparse.Namespace, *, articles: Sequence[ListItem] = ()) -> int:
    """Run the reader on `article` (the first of a folder's `articles`), its review kept in
    `--store` or the default store, its keys read from the terminal even when the article
    came from standard input; the exit status. The theme chosen in the reader is kept for
    the next run (`newsreader.resume`), as are the list's row and each article's place."""
    if terminal.capabilities(os.environ).colours == 16:
        # before Textual is imported: a COLORTERM leaked into a Linux console's session must not win
        os.environ.setdefault("TEXTUAL_COLOR_SYSTEM", "standard")
    from newsreader import config as settings
    from newsreader.resume import ReaderState, state_path
    from newsreader.ui.app import analyser
    from newsreader.ui.themes import UnknownTheme

    config = settings.load()
    if getattr(args, "reviewer", None):  # --reviewer wins over the config file's
        config = replace(config, reviewer=args.reviewer)
    references = [*config.references, *args.references]
    list_limit = getattr(args, "max_list_size", None)
    resume = ReaderState(state_path(getattr(args, "store", None)))
    remembered = None if args.theme else resume.theme(config.theme)
    options = {
        "analyse": analyser(references, bundled=not args.no_bundled, max_list_bytes=list_limit),
        "config": config,
        "theme": args.theme or remembered,
        "store": getattr(args, "store", None),
        "articles": articles,
        "max_bytes": getattr(args, "max_size", None),
        "resume": resume,
    }
    triage = None
    if articles:  # a folder, a feed, a list of links, or --list: the article list first
        from newsreader import batch
        from newsreader.article import DEFAULT_MAX_BYTES

        triage = batch.Options(
            tuple(references), not args.no_bundled, args.max_size or DEFAULT_MAX_BYTES, list_limit
        )
    try:
        app = _reader(article, triage, options)
    except UnknownTheme as err:
        if not remembered:
            print(printable(f"newsreader: {err}"), file=sys.stderr)  # the names of the user's themes
            return 2
        app = _reader(article, triage, {**options, "theme": None})  # the theme chosen last is gone
    started_with = app.theme
    with terminal.keys_and_screen_on_terminal():
        app.run()
    if app.theme != started_with:  # chosen in the reader (the palette): the next opening keeps it
        resume.put_theme(app.theme, config.theme)
    return app.return_code or 0


def _reader(article: Article, triage: batch.Options | None, options: dict[str, Any]) -> ReaderApp:
    """The article list over a folder's articles when `triage` says how to analyse them,
    else the reader of one article."""
    from newsreader.ui.app import ReaderApp

    if triage is None:
        return ReaderApp(article, **options)
    from newsreader.ui.triage_app import TriageApp

    return TriageApp(article, triage=triage, **options)

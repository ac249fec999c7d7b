"""`newsreader [PATH]` hands the loaded article here; Textual is imported only inside `run`."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from dataclasses import replace

from newsreader.article import Article
from newsreader.cleaning import printable
from newsreader.feeds import ListItem
from newsreader.ui import terminal


def run(article: Article, args: argparse.Namespace, *, articles: Sequence[ListItem] = ()) -> int:
    """Run the reader on `article` (the first of a folder's `articles`), its review kept in
    `--store` or the default store, its keys read from the terminal even when the article
    came from standard input; the exit status."""
    if terminal.capabilities(os.environ).colours == 16:
        # before Textual is imported: a COLORTERM leaked into a Linux console's session must not win
        os.environ.setdefault("TEXTUAL_COLOR_SYSTEM", "standard")
    from newsreader import config as settings
    from newsreader.ui.app import ReaderApp, analyser
    from newsreader.ui.themes import UnknownTheme

    config = settings.load()
    if getattr(args, "reviewer", None):  # --reviewer wins over the config file's
        config = replace(config, reviewer=args.reviewer)
    references = [*config.references, *args.references]
    list_limit = getattr(args, "max_list_size", None)
    options = {
        "analyse": analyser(references, bundled=not args.no_bundled, max_list_bytes=list_limit),
        "config": config,
        "theme": args.theme,
        "store": getattr(args, "store", None),
        "articles": articles,
        "max_bytes": getattr(args, "max_size", None),
    }
    try:
        if articles:  # a folder, a feed, a list of links, or --list: the article list first
            from newsreader import batch
            from newsreader.article import DEFAULT_MAX_BYTES
            from newsreader.ui.triage_app import TriageApp

            triage = batch.Options(
                tuple(references), not args.no_bundled, args.max_size or DEFAULT_MAX_BYTES, list_limit
            )
            app: ReaderApp = TriageApp(article, triage=triage, **options)
        else:
            app = ReaderApp(article, **options)
    except UnknownTheme as err:
        print(printable(f"newsreader: {err}"), file=sys.stderr)  # the names of the user's themes
        return 2
    with terminal.keys_and_screen_on_terminal():
        app.run()
    return app.return_code or 0

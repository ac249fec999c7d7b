"""The lines around the article: the header, the pane tabs and the status line.

Everything that shows article text or names builds `Content` from plain strings, so a
title like "[bold] news" is shown as written; a title or path from outside goes through
`plain`, which also drops what a terminal would act on.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from textual.app import App, ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Static

from newsreader.article import Article
from newsreader.review.vocabulary import FLAGGED, IN_REVIEW, NEW, REVIEWED, SPEAKER
from newsreader.ui.plain_text import plain, printable

if TYPE_CHECKING:
    from newsreader.review.overlay import ReviewedAnalysis

# The article's review status as the header shows it: a glyph too, for mono terminals.
STATUS_STYLES = {
    NEW: ("new", "$text-muted"),
    IN_REVIEW: ("in review", "$text-warning"),
    REVIEWED: ("✔ reviewed", "$text-success bold"),
    FLAGGED: ("⚑ flagged", "$text-error bold"),
}


class ReaderHeader(Vertical):
    """Title and source on the left; what the analysis found and the review status on the
    right; below them, where the source says so, the article's date, author and link."""

    DEFAULT_CSS = """
    ReaderHeader > #header-line { height: 1; }
    ReaderHeader > #byline {
        height: 1; padding: 0 1; color: $text-muted; text-wrap: nowrap; text-overflow: ellipsis;
    }
    """
    COMPACT_BELOW = 110  # columns: narrower, the counts leave out what the Quotes pane shows

    def __init__(self, article: Article, *, position: str = "", id: str | None = None) -> None:
        super().__init__(id=id)
        self.article = article
        self.position = position
        self._reviewed: ReviewedAnalysis | None = None

    def compose(self) -> ComposeResult:
        where = (self.position + "  ", "$text-muted") if self.position else ""
        # the title may be a file name, and the source is a path: both from outside
        title = plain(self.article.title, "bold", one_line=True)
        source = plain(self.article.source, "$text-muted", one_line=True)
        with Horizontal(id="header-line"):
            yield Static(Content.assemble(where, title, "  ", source), id="title")
            yield Static(Content.styled("analysing…", "italic"), id="counts")
        byline = byline_content(self.article)
        if byline is not None:
            yield Static(byline, id="byline")

    def show_counts(self, reviewed: ReviewedAnalysis) -> None:
        self._reviewed = reviewed
        analysis = reviewed.analysis
        # both counts come from the review's one list of what is left to decide
        unknown = sum(item.kind == SPEAKER for item in reviewed.pending)
        parts = [f"{len(analysis.entities)} names", f"{len(analysis.quotes)} quotes"]
        if unknown and self.size.width >= self.COMPACT_BELOW:
            parts.append(f"{unknown} unattributed")
        if reviewed.pending:
            parts.append(f"{len(reviewed.pending)} to decide")
        status = STATUS_STYLES.get(reviewed.status, (reviewed.status, "bold"))
        counts = Content.assemble(" · ".join(parts), " · ", status)
        self.query_one("#counts", Static).update(counts)

    def on_resize(self) -> None:
        if self._reviewed is not None:
            self.show_counts(self._reviewed)  # the title keeps more of itself when narrow

    def show_failure(self) -> None:
        self.query_one("#counts", Static).update(Content.styled("analysis failed", "$text-error bold"))

    def show_progress(self, label: str) -> None:
        """How far the analysis has got ("analysing… 40% · 12 s"), until the counts come."""
        if self._reviewed is None:
            self.query_one("#counts", Static).update(Content.styled(label, "italic"))


def byline_content(article: Article) -> Content | None:
    """ "2026-12-01 · by Ana Pérez · https://…": what is known of the article's date, author
    and link, the link last (the one an ellipsis cuts); None when nothing is. Each is text
    from outside, so through `plain`."""
    parts: list[Content] = []
    if article.published:
        parts.append(plain(article.published, one_line=True))
    if article.author:
        parts.append(Content.assemble("by ", plain(article.author, "italic", one_line=True)))
    if article.url:
        parts.append(plain(article.url, "underline", one_line=True))
    return Content(" · ").join(parts) if parts else None


def article_link(article: Article) -> str:
    """What the copy-link key copies: the article's URL, else the full path of the file it
    was read from ("" for standard input, a feed's item without a link, text in memory)."""
    if article.url:
        return printable(article.url, one_line=True)
    if not os.path.isfile(article.source):
        return ""
    return printable(os.path.abspath(article.source), one_line=True)


def copy_link(app: App[Any], link: str) -> None:
    """Put `link` on the clipboard (OSC 52) and say what was copied, as plain text."""
    if not link:
        app.notify("this article has no link or file to copy", title="clipboard", timeout=4)
        return
    app.copy_to_clipboard(link)
    app.notify(f"copied {link}", title="clipboard", timeout=4, markup=False)


class PaneTabs(Static):
    """On a small terminal one pane shows at a time; this line says which, and what else."""

    def show(self, names: Sequence[str], active: int) -> None:
        parts: list[Content] = []
        for index, name in enumerate(names):
            style = "reverse bold" if index == active else "$text-muted"
            parts.append(Content.styled(f" {name} ", style))
        self.update(Content("│").join(parts))


class StatusLine(Horizontal):
    """Where the cursor is ("Xi Jinping · person · 3/18") or what just happened, and how
    far down the article is shown ("Top", "42%", "Bot", "All", as vim says it)."""

    text = ""

    def compose(self) -> ComposeResult:
        yield Static(id="where")
        yield Static(id="position")

    def say(self, text: str) -> None:
        self.text = text
        # one line, always: no layout pass, which would redraw the whole screen per key;
        # messages quote names from lists and files, so through `plain`
        self.query_one("#where", Static).update(plain(text, one_line=True), layout=False)

    def show_position(self, label: str) -> None:
        # five cells wide in the stylesheet, so a new label never needs a layout pass
        self.query_one("#position", Static).update(Content(label), layout=False)

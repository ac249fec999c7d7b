"""The lines around the article: the header, the pane tabs and the status line.

Everything that shows article text or names builds `Content` from plain strings, so a
title like "[bold] news" is shown as written; a title or path from outside goes through
`plain`, which also drops what a terminal would act on.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Static

from newsreader.article import Article
from newsreader.ui.plain_text import plain

if TYPE_CHECKING:
    from newsreader.review.overlay import ReviewedAnalysis

# The article's review status as the header shows it: a glyph too, for mono terminals.
STATUS_STYLES = {
    "new": ("new", "$text-muted"),
    "in review": ("in review", "$text-warning"),
    "reviewed": ("✔ reviewed", "$text-success bold"),
    "flagged": ("⚑ flagged", "$text-error bold"),
}


class ReaderHeader(Horizontal):
    """Title and source on the left; what the analysis found and the review status on the right."""

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
        yield Static(Content.assemble(where, title, "  ", source), id="title")
        yield Static(Content.styled("analysing…", "italic"), id="counts")

    def show_counts(self, reviewed: ReviewedAnalysis) -> None:
        self._reviewed = reviewed
        analysis = reviewed.analysis
        # both counts come from the review's one list of what is left to decide
        unknown = sum(item.kind == "speaker" for item in reviewed.pending)
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

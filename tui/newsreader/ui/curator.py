"""The curator view (`C`): the candidates reviewers decided differently, and a verdict settling each.

In the reader it lists the disagreements of the article open; from the article list,
those of every article of the folder that two reviewers have decided on (read in a
thread: each such article is analysed again). `a` `x` `z` settle the highlighted one
with `ArticleReview.settle`, a curator's decision recorded with the curator's name
that stands over every reviewer's until it is undone; the row stays, saying who settled
it and how. `escape` closes the view; the screen dismisses with whether anything was
settled, so the reader can show the article as it now stands.

Every name (entities, list entries, reviewers, titles) is outside text: it reaches the
screen through `plain`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static
from textual.widgets.option_list import Option

from newsreader.review.vocabulary import STATE_OF_VERDICT, STATE_WORDS
from newsreader.ui import keys
from newsreader.ui.cursor_list import CursorList
from newsreader.ui.detail import votes_said
from newsreader.ui.keymap import hint
from newsreader.ui.plain_text import plain, printable

if TYPE_CHECKING:
    from newsreader import batch
    from newsreader.analysis.model import Entity, Match
    from newsreader.feeds import ListItem
    from newsreader.review.decision_log import DecisionLog
    from newsreader.review.overlay import Mark
    from newsreader.review.session import ArticleReview
    from newsreader.review.vocabulary import Verdict
    from newsreader.ui.app import ReaderApp
    from newsreader.ui.triage_app import TriageApp

HINT = "{accept} {reject} {unsure} settle as accept, reject, unsure · {close_curator} closes"


@dataclass
class Dispute:
    """A candidate reviewers decided differently: in which review, and how it stands now."""

    review: ArticleReview
    entity: Entity
    candidate: Match
    mark: Mark

    def refresh(self) -> None:
        self.mark = self.review.reviewed.candidate_mark(self.entity, self.candidate)


def disputes_of(review: ArticleReview) -> list[Dispute]:
    """The article's unsettled disagreements, in the order of its entities."""
    return [Dispute(review, e, c, m) for e, c, m in review.reviewed.disagreements()]


class DisputeList(CursorList, inherit_bindings=False):
    BINDINGS: ClassVar[list[BindingType]] = [*keys.LIST_MOVES]


class CuratorScreen(ModalScreen[bool], inherit_bindings=False):
    """The disagreements of an article (`disputes`) or of a folder (`load`, run in a thread)."""

    BINDINGS: ClassVar[list[BindingType]] = [*keys.CURATOR_VIEW]
    DEFAULT_CSS = """
    CuratorScreen { align: center middle; }
    CuratorScreen #curator-body {
        width: 90; max-width: 100%; height: auto; max-height: 100%;
        border: round $accent; background: $surface; padding: 0 1;
    }
    CuratorScreen DisputeList, CuratorScreen DisputeList:focus {
        height: auto; max-height: 1fr; border: none; padding: 0;
    }
    CuratorScreen #curator-said { color: $text-muted; }
    """

    def __init__(
        self,
        where: str,
        disputes: Sequence[Dispute] = (),
        *,
        load: Callable[[], list[Dispute]] | None = None,
    ) -> None:
        """`where`: what the view covers ("Lu Shai's article", "folder news/"), outside text."""
        super().__init__()
        self.where = where
        self.disputes = list(disputes)
        self._load = load
        self.settled_any = False

    def compose(self) -> ComposeResult:
        with Vertical(id="curator-body") as body:
            body.border_title = Content.assemble("Disagreements · ", plain(self.where, one_line=True))
            body.border_subtitle = Content(hint(HINT, getattr(self.app, "keymap", {})))
            yield DisputeList(id="disputes", markup=False)
            yield Static(Content(""), id="curator-said")

    @property
    def rows(self) -> DisputeList:
        return self.query_one("#disputes", DisputeList)

    def on_mount(self) -> None:
        if self._load is None:
            self._show()
        else:
            self.say("looking through the folder's articles for disagreements…")
            self._load_disputes(self._load)

    @work(thread=True, exit_on_error=False, name="disagreements")
    def _load_disputes(self, load: Callable[[], list[Dispute]]) -> None:
        from newsreader.review import StoreError

        try:
            found = load()
        except StoreError as err:
            self.app.call_from_thread(self.say, f"the review store cannot be read: {err}")
            return
        self.app.call_from_thread(self._loaded, found)

    def _loaded(self, found: list[Dispute]) -> None:
        self.disputes = found
        self._show()

    def _show(self) -> None:
        keep = self.rows.highlighted
        self.rows.set_options(self._option(i, d) for i, d in enumerate(self.disputes))
        if self.disputes:
            self.rows.highlighted = min(keep or 0, len(self.disputes) - 1)
            open_ = sum(d.mark.disputed for d in self.disputes)
            self.say(f"{open_} of {len(self.disputes)} still to settle")
        else:
            self.say("no disagreements: where two reviewers decided a candidate, they decided alike")
        self.rows.focus()

    def _option(self, index: int, dispute: Dispute) -> Option:
        several = self._load is not None or len({id(d.review) for d in self.disputes}) > 1
        title = dispute.review.article.title
        first = Content.assemble(
            plain(dispute.entity.name, "bold", one_line=True),
            " → ",
            plain(dispute.candidate.name, one_line=True),
            plain(f"  {dispute.candidate.list}" if dispute.candidate.list else "", "$text-muted"),
            plain(f"  · {title}" if several else "", "$text-muted italic", one_line=True),
        )
        said = votes_said(dispute.mark) or "no longer disputed"
        if dispute.mark.settled_by:
            said += f": {STATE_WORDS.get(dispute.mark.state, dispute.mark.state)}"
        style = "$text-success" if dispute.mark.settled_by else "$text-warning"
        return Option(Content.assemble(first, "\n  ", plain(said, style, one_line=True)), id=str(index))

    def say(self, text: str) -> None:
        self.query_one("#curator-said", Static).update(Content(printable(text, one_line=True)))

    def action_decide(self, verdict: Verdict) -> None:
        """Settle the highlighted disagreement with `verdict` (the curator's)."""
        from newsreader.review import DecisionError, StoreError

        at = self.rows.highlighted
        if at is None or not self.disputes:
            self.say("nothing to settle here")
            return
        dispute = self.disputes[at]
        try:
            dispute.review.settle(dispute.entity, dispute.candidate, verdict)
            dispute.refresh()
        except (DecisionError, StoreError) as err:
            self.say(f"not recorded: {err}")
            self.notify(str(err), title="not recorded", severity="error", markup=False)
            return
        self.settled_any = True
        self._show()
        who = dispute.mark.settled_by or "you"
        self.say(
            f"{STATE_WORDS[STATE_OF_VERDICT[verdict]]} {dispute.candidate.name} for {dispute.entity.name}, "
            f"settled by {who}"
        )

    def action_close(self) -> None:
        self.dismiss(self.settled_any)


def show_article_disputes(app: ReaderApp) -> None:
    """`C` in the reader: the open article's disagreements; the panes are shown anew
    when the view closes after a settlement."""
    review = app.review
    if review is None:
        app.reader.status("still analysing…: disagreements can be settled once the names are found")
        return

    def closed(settled: bool | None) -> None:
        if settled and app.decisions is not None:
            app.reader.show_review(app.decisions.reviewed)

    where = review.article.title or review.article.source
    app.push_screen(CuratorScreen(where, disputes_of(review)), closed)


def show_folder_disputes(app: TriageApp) -> None:
    """`C` in the article list: the disagreements of every article of the list."""
    listing = app.article_list
    if listing is None or listing.store is None:
        app.notify("there is no review store: nothing was decided", title="curator", markup=False)
        return
    store, options = listing.store, app.triage
    items = [(row.item, row.text_hash) for row in listing.rows.rows if row.text_hash]
    where = f"the list's {len(listing.rows.rows):,} articles"
    app.push_screen(CuratorScreen(where, load=lambda: folder_disputes(store, items, options)))


def folder_disputes(
    store: DecisionLog, items: Sequence[tuple[ListItem, str]], options: batch.Options
) -> list[Dispute]:
    """The disagreements of each article (item, text hash) on which two reviewers decided
    a candidate; only those are analysed again (with the list's reference lists)."""
    from newsreader.analysis.references import DEFAULT_MAX_LIST_BYTES
    from newsreader.analysis.service import Analyzer
    from newsreader.article import ArticleError
    from newsreader.feeds import load_item
    from newsreader.review.session import ArticleReview

    analyzer: Analyzer | None = None
    found: list[Dispute] = []
    for item, text_hash in items:
        known = store.find_article(text_hash)
        if known is None or len(_match_reviewers(store, known.id)) < 2:
            continue
        try:
            doc = load_item(item, max_bytes=options.max_bytes)
        except ArticleError:
            continue  # gone or changed since the list read it: its row says so
        if analyzer is None:
            analyzer = Analyzer.from_options(
                options.reference_paths,
                bundled=options.bundled,
                max_list_bytes=options.max_list_bytes or DEFAULT_MAX_LIST_BYTES,
            )
        found += disputes_of(ArticleReview(store, doc, analyzer.analyze(doc)))
    return found


def _match_reviewers(store: DecisionLog, article_id: int) -> set[str]:
    return {r.reviewer for r in store.decisions(article_id) if r.kind == "match" and not r.curator}

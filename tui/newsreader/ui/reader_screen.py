"""The main screen: the article on the left, the panes on the right, and the keys.

The screen is glue: the `Navigator` decides where a key goes, the `ArticleView` and the
`PaneColumn` show it. On a small terminal (below `WIDE` columns or `TALL` rows) the panes
share their column and `tab` brings each in turn.

The review keys (`a x z u d T M X w c S`) live in `ReviewKeys`; after each decision the app
hands the screen the reviewed analysis again (`show_review`).

The first frame holds the header and the article only. The panes, the search field and
the footer, and the modules behind them, follow right after it, so the text is on screen
as soon as Textual can draw it; until then only the article's keys act (`check_action`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import Widget

from newsreader.article import Article
from newsreader.review.vocabulary import DECIDED, OPEN
from newsreader.ui import keys
from newsreader.ui.article_view import ArticleView
from newsreader.ui.chrome import ReaderHeader, StatusLine
from newsreader.ui.navigation import MENTION, Navigator, Target
from newsreader.ui.review_keys import ReviewKeys

if TYPE_CHECKING:
    from textual.widgets import Input

    from newsreader.analysis.model import Analysis
    from newsreader.review.overlay import ReviewedAnalysis
    from newsreader.ui.pane_column import PaneColumn
    from newsreader.ui.panes import Pane
    from newsreader.ui.panes.base import RowTarget
    from newsreader.ui.search_bar import SearchBar

WIDE = 110  # columns from which the panes are stacked beside the article
TALL = 32  # rows from which they are stacked
FOCUS_ORDER = ("article", "entities", "quotes", "xref")
COPY_PREVIEW = 40
# What works before the panes are mounted: moving in the article needs nothing else.
ARTICLE_ACTIONS = frozenset(
    {"next_mention", "previous_mention", "next_same", "previous_same", "jump_back", "jump_forward", "copy"}
)
# The Entities pane follows the cursor's entity once the keys rest this long: redrawing
# the list on every key would cost more than the move itself.
ENTITY_SYNC_DELAY = 0.25


class ReaderScreen(ReviewKeys, Screen[None], inherit_bindings=False):
    BINDINGS: ClassVar[list[BindingType]] = [*keys.SCREEN, *keys.REVIEW]
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (WIDE, "-wide")]  # noqa: RUF012 - Textual's own
    VERTICAL_BREAKPOINTS = [(0, "-short"), (TALL, "-tall")]  # noqa: RUF012

    def __init__(self, article: Article, *, position: str = "") -> None:
        """`position`: where the article stands in its folder ("2/14"), shown in the header."""
        super().__init__()
        self.article = article
        self.position = position
        self.navigator = Navigator(article.text)
        self.analysis: Analysis | None = None  # the reviewed analysis, once it has come
        self.reviewed: ReviewedAnalysis | None = None
        self._shown = False  # whether the panes show it yet
        self.failure: str | None = None
        self.column: PaneColumn | None = None  # mounted after the first frame
        self._row_marks: list[tuple[int, int]] = []  # spans a pane row marks (a quote, a merge)
        self._shown_marks: tuple[str | None, object] | None = None
        self._focus_going_to: str | None = None
        self._entity_sync: Timer | None = None
        # (pane id, row id) whose announcing again must not hide the message shown over it
        self._held_over: tuple[str | None, str | None] | None = None

    def compose(self) -> ComposeResult:
        yield ReaderHeader(self.article, position=self.position, id="header")
        # The status line sits under the article, not across the screen: a key that
        # moves the cursor then redraws only this column, never the panes beside it.
        with Horizontal(id="body"), Vertical(id="reading"):
            yield ArticleView(self.article, id="article")
            yield StatusLine(id="status")

    def on_mount(self) -> None:
        self.article_view.focus()
        self.status("analysing…")
        self.call_after_refresh(self._mount_the_rest)

    async def _mount_the_rest(self) -> None:
        from newsreader.ui.footer import Footer  # Textual's, less its leak of drawn keys
        from newsreader.ui.pane_column import PaneColumn
        from newsreader.ui.search_bar import SearchBar

        column = PaneColumn(id="panes")
        await self.query_one("#body").mount(column)
        await self.mount_all([SearchBar(id="search"), Footer()])
        self.column = column
        self.refresh_bindings()
        if self.reviewed is not None:
            self.show_review(self.reviewed)
        else:
            column.show_message("analysis failed" if self.failure else "analysing…")

    @property
    def panes_ready(self) -> bool:
        return self.column is not None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.panes_ready or action in ARTICLE_ACTIONS

    # -- parts -----------------------------------------------------------------------

    @property
    def article_view(self) -> ArticleView:
        return self.query_one("#article", ArticleView)

    @property
    def panes(self) -> PaneColumn:
        assert self.column is not None, "the panes are mounted after the first frame"
        return self.column

    @property
    def search_bar(self) -> SearchBar:
        return self.query_one("#search")  # type: ignore[return-value]

    def status(self, text: str) -> None:
        self.query_one("#status", StatusLine).say(text)

    def on_article_view_scrolled(self, message: ArticleView.Scrolled) -> None:
        self.query_one("#status", StatusLine).show_position(message.position)

    def _focused_pane(self) -> Pane | None:
        """The pane with the focus, or the one it is going to (keys typed after a tab)."""
        if self.column is None:
            return None
        going = self._focus_going_to
        return self.column.pane(self.query_one(f"#{going}") if going else self.focused)

    # -- the analysis ----------------------------------------------------------------

    def show_review(self, reviewed: ReviewedAnalysis) -> None:
        """Show the analysis with the reviewer's decisions laid over it: when it arrives,
        and again after every decision (the cursor and the chosen rows stay)."""
        self.reviewed = reviewed
        self.analysis = reviewed.analysis
        if self.column is None:  # shown once the panes are mounted
            return
        self.navigator.set_analysis(reviewed.analysis)
        self.article_view.show_mentions(self.navigator.mentions)
        self.column.show_review(reviewed, self.article.text)
        self.query_one(ReaderHeader).show_counts(reviewed)
        self._shown_marks = None
        self._show_marks()
        if not self._shown:
            self._shown = True
            self.status(
                self.navigator.describe()
                or self._hint("{next_mention} goes to the first name, {help} lists every key")
            )

    def show_failure(self, reason: str) -> None:
        self.failure = reason
        self.query_one(ReaderHeader).show_failure()
        if self.column is not None:
            self.column.show_message("analysis failed")
        self.status(f"analysis failed: {reason}")

    # -- moving in the article -------------------------------------------------------

    def action_next_mention(self) -> None:
        self._move(self.navigator.next_mention())

    def action_previous_mention(self) -> None:
        self._move(self.navigator.previous_mention())

    def action_next_same(self) -> None:
        self._step_same(forward=True)

    def action_previous_same(self) -> None:
        self._step_same(forward=False)

    def action_speaker(self) -> None:
        target = self._focused_row()
        index = target.quote if target is not None else self.navigator.quote_here()
        if index is None:
            self.status(
                self._hint("{speaker} works on a quote: choose one in the Quotes pane or move onto one")
            )
            return
        if self.navigator.quotes[index].speaker is None:
            self.status("nobody is named as the speaker of this quote")
            return
        self._move(self.navigator.to_speaker(index), focus_article=True)

    def action_jump_back(self) -> None:
        self._move(self.navigator.back(), nothing="nothing to go back to")

    def action_jump_forward(self) -> None:
        self._move(self.navigator.forward(), nothing="nothing to go forward to")

    def _step_same(self, *, forward: bool) -> None:
        pane = self._focused_pane()
        if pane is not None and pane.search_query:
            pane.step_match(forward=forward)
            self._say_row(pane)
            return
        navigator = self.navigator
        if navigator.search is None and navigator.entity_id is None and navigator.cursor is None:
            self.status(self._hint("{next_same} follows an entity: {next_mention} goes to a name first"))
            return
        self._move(navigator.next_same() if forward else navigator.previous_same())

    def _move(self, target: Target | None, *, nothing: str = "", focus_article: bool = False) -> None:
        if target is None:
            self.status(nothing or ("still analysing…" if self.analysis is None else "no names found"))
            return
        self._row_marks = []
        self.article_view.cursor = (target.start, target.end)
        self._show_marks()
        if self.column is not None and self.column.entities.highlighted_id != self.navigator.entity_id:
            if self._entity_sync is not None:
                self._entity_sync.stop()
            self._entity_sync = self.set_timer(ENTITY_SYNC_DELAY, self._sync_entity_row)
        self.status(self.navigator.describe())
        if focus_article:
            self.article_view.focus()

    def _show_marks(self) -> None:
        """Mark the followed entity's mentions, and the search hits or the row's spans."""
        search = self.navigator.search
        spans = search.spans if search is not None else self._row_marks
        # the same hits object again: skip re-sorting thousands of spans on every `n`
        shown = self._shown_marks
        if shown is not None and shown[0] == self.navigator.entity_id and shown[1] is spans:
            return
        self._shown_marks = (self.navigator.entity_id, spans)
        self.article_view.set_marks(self.navigator.entity_id, spans)

    def _sync_entity_row(self) -> None:
        """Keep the Entities pane on the entity under the cursor, unless it is in use."""
        entities, entity_id = self.panes.entities, self.navigator.entity_id
        if entity_id is not None and entities is not self.focused:
            entities.highlight_id(entity_id)

    # -- the panes -------------------------------------------------------------------

    def on_pane_column_row_selected(self, message: PaneColumn.RowSelected) -> None:
        target = message.target
        if target.quote is not None:
            self._move(self.navigator.to_quote(target.quote), focus_article=True)
        elif target.entity_id is not None:
            self._move(self.navigator.to_entity(target.entity_id), focus_article=True)

    def on_pane_column_row_highlighted(self, message: PaneColumn.RowHighlighted) -> None:
        """A chosen row marks what it points at, without moving the cursor."""
        target = message.target
        if target.entity_id is not None:
            self.navigator.follow(target.entity_id)
        if target.quote is not None:
            quote = self.navigator.quotes[target.quote]
            self._row_marks = [(quote.start, quote.end)]
        elif target.other_entity is not None:
            other = self.navigator.entity(target.other_entity)
            self._row_marks = list(other.mentions) if other else []
        else:
            self._row_marks = []
        self._show_marks()
        self._say_row(message.pane)

    def _describe_row(self, target: RowTarget) -> str:
        entity = self.navigator.entity(target.entity_id)
        reviewed = self.reviewed
        if target.quote is not None:
            quote = self.navigator.quotes[target.quote]
            nobody = reviewed is not None and reviewed.quote_mark(quote).state == DECIDED
            said = entity.name if entity else ("nobody named" if nobody else "unknown speaker")
            where = f"{target.quote + 1}/{len(self.navigator.quotes)}"
            note = reviewed.note_for(quote) if reviewed else ""
            keys_said = self._hint(" · {jump_to_text} shows it, {speaker} the speaker, {set_speaker} sets it")
            return _with_note(f"quote {where} · {said}" + keys_said, note)
        if entity is None:
            return ""
        other = self.navigator.entity(target.other_entity)
        if other is not None:
            return f"{entity.name} ↔ {other.name}: one entity?" + self._hint(" {accept} merges them")
        if target.candidate is not None and target.candidate < len(entity.candidates) and reviewed:
            match = entity.candidates[target.candidate]
            mark = reviewed.candidate_mark(entity, match)
            said = mark.why or ("not decided" if mark.state == OPEN else mark.state)
            if mark.disputed:
                from newsreader.ui.detail import votes_said

                said = f"reviewers differ: {votes_said(mark)}"
            return f"{entity.name} → {match.name} · {said}" + self._hint(
                " · {accept} accepts, {reject} rejects, {unsure} unsure"
            )
        count = len(entity.mentions)
        notes = reviewed.mention_notes if reviewed else {}
        note = next((notes[m] for m in entity.mentions if m in notes), "")
        described = f"{entity.name} · {entity.type} · {count} mention{'s' * (count != 1)}" + self._hint(
            " · {jump_to_text} shows it"
        )
        return _with_note(described, note)

    def _focused_row(self) -> RowTarget | None:
        pane = self._focused_pane()
        if pane is None or pane.highlighted_id is None:
            return None
        return pane.row_target(pane.highlighted_id)

    def action_next_pane(self) -> None:
        self._cycle_focus(+1)

    def action_previous_pane(self) -> None:
        self._cycle_focus(-1)

    def _cycle_focus(self, step: int) -> None:
        # Focus moves after this handler returns; several tabs typed at once must each
        # step on from where the previous one is taking the focus, not from where it is.
        focused = self._focus_going_to or (self.focused.id if self.focused is not None else "article")
        index = FOCUS_ORDER.index(focused) if focused in FOCUS_ORDER else 0
        target = FOCUS_ORDER[(index + step) % len(FOCUS_ORDER)]
        if target != "article":
            self.panes.activate(target)  # shown before it is focused: hidden widgets cannot be
        self._focus_going_to = target
        self.query_one(f"#{target}", Widget).focus()

    def on_descendant_focus(self) -> None:
        self._focus_going_to = None

    def action_type_filter(self) -> None:
        shown = self.panes.entities.cycle_type_filter()
        self.status(
            f"showing {shown} only" + self._hint(" ({type_filter} for the next type)")
            if shown
            else "showing every type"
        )

    # -- search ----------------------------------------------------------------------

    def action_search(self) -> None:
        pane = self._focused_pane()
        scope, label = (pane.id or "", f"the {pane.TITLE} pane") if pane else ("article", "the article")
        self.search_bar.open(scope, label)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        bar = self.search_bar
        if event.input is not bar:
            return
        bar.close()
        query = event.value.strip()
        if bar.scope == "article":
            self.article_view.focus()
            if query and self.navigator.find(query) == 0:
                self.status(f"no match for “{query}”")
            elif query:
                self._move(self.navigator.cursor)
            return
        pane = self.query_one(f"#{bar.scope}", Widget)
        pane.focus()
        found = self.panes.pane(pane)
        if query and found is not None:
            if found.find(query) == 0:
                self.status(f"no row contains “{query}”")
                # the pane, focused again, announces its row: the message stays until a key moves on
                self._held_over = (found.id, found.highlighted_id)
            else:
                self._say_row(found)

    def on_search_bar_cancelled(self) -> None:
        self.query_one(f"#{self.search_bar.scope}", Widget).focus()

    def action_clear_search(self) -> None:
        pane = self._focused_pane()
        cleared = pane.clear_search() if pane is not None else self.navigator.clear_search()
        if not cleared:
            raise SkipAction()  # nothing to clear: escape is the app's (back to a folder's list)
        self._show_marks()
        self.status(self._hint("search cleared: {next_same} and {previous_same} follow the entity again"))

    def _say_row(self, pane: Pane) -> None:
        """The chosen row, and which of the search's rows it is ("/lu  1/2 · Lu Shai · …").

        The row's own highlight message says the same, so whichever comes last, the
        status line reads alike.
        """
        row_id = pane.highlighted_id
        if self._held_over == (pane.id, row_id):
            return
        self._held_over = None
        target = pane.row_target(row_id) if row_id is not None else None
        if target is None:
            return
        where = pane.match_position() if pane.search_query else None
        found = f"/{pane.search_query}  {where[0]}/{where[1]} · " if where else ""
        self.status(self._visiting_prefix(pane) + found + self._describe_row(target))

    # -- the detail view ---------------------------------------------------------------

    def action_details(self) -> None:
        """The chosen row in full, else what the cursor is on (its entity, or its quote)."""
        from newsreader.ui.detail import DetailScreen, detail_of
        from newsreader.ui.panes.base import RowTarget

        if self.reviewed is None:
            self.status("still analysing…: the details come with the names")
            return
        target = self._focused_row()
        cursor = self.navigator.cursor
        if target is None and cursor is not None:
            quote = self.navigator.quote_here() if cursor.kind != MENTION else None
            target = RowTarget(quote=quote) if quote is not None else RowTarget(entity_id=cursor.entity_id)
        detail = detail_of(target, self.reviewed, self.article.text) if target is not None else None
        if detail is None:
            self.status(
                self._hint(
                    "{details} shows the details of a row, or of the mention or quote under the cursor"
                )
            )
            return
        self.app.push_screen(DetailScreen(detail))

    # -- copying ---------------------------------------------------------------------

    def action_copy(self) -> None:
        text = self._copyable()
        if not text:
            self.status("nothing to copy: move to a mention or a quote first")
            return
        self.app.copy_to_clipboard(text)
        preview = " ".join(text.split())
        if len(preview) > COPY_PREVIEW:
            preview = preview[: COPY_PREVIEW - 1] + "…"
        self.notify(f"copied “{preview}”", title="clipboard", markup=False, timeout=3)

    def _copyable(self) -> str:
        """The quote or name of the focused pane's row, else what the cursor is on."""
        text = self.article.text
        row = self._focused_row()
        if row is not None and row.quote is not None:
            quote = self.navigator.quotes[row.quote]
            return text[quote.start : quote.end]
        if row is not None:
            entity = self.navigator.entity(row.entity_id)
            return entity.name if entity else ""
        cursor = self.navigator.cursor
        return text[cursor.start : cursor.end] if cursor else ""


def _with_note(text: str, note: str) -> str:
    return f"{text} · ¶ {' '.join(note.split())}" if note else text

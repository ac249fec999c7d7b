"""The triage list: one row per article of a folder or feed, usable before any analysis.

Rows start with what costs nothing (the file's name and date); a thread then asks
`newsreader.batch` for every article's summary (from the cache, else from a pool of
processes) and the rows fill in as the summaries come, a few times a second, with a
progress bar. The review store gives each row its status, and `F` `R` `S` set it there
as the reader's `S` does. `enter` opens the article; `escape` comes back to the same row.

The table is a Line-API widget: only the visible rows are drawn, each as plain segments
(titles and file names are never read as markup, and go through `cleaning.printable` first).
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from operator import itemgetter
from typing import TYPE_CHECKING, Any, ClassVar

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.content import Content
from textual.geometry import Region, Size
from textual.reactive import reactive
from textual.screen import Screen
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widgets import Input, ProgressBar, Static

from newsreader import batch, cleaning
from newsreader.feeds import ListItem
from newsreader.review.vocabulary import FLAGGED, IN_REVIEW, NEW, REVIEWED, STATUSES
from newsreader.ui import keys
from newsreader.ui.chrome import STATUS_STYLES
from newsreader.ui.footer import Footer
from newsreader.ui.one_line_input import OneLineInput

if TYPE_CHECKING:
    from newsreader.resume import ReaderState
    from newsreader.review.decision_log import DecisionLog
    from newsreader.review.overlay import ReviewedAnalysis

# Sort orders `o` goes through; "folder" is the order the articles were given in.
SORTS = ("folder", "title", "source", "date", "status", "names", "quotes", "to decide")
STATUS_FILTERS = ("", *STATUSES)
STATUS_SHOWN = {status: shown for status, (shown, _) in STATUS_STYLES.items()}  # as the header shows it
STATUS_ORDER = {FLAGGED: 0, IN_REVIEW: 1, NEW: 2, REVIEWED: 3}
FILL_SECONDS = 0.15  # how often filled rows are taken in: often enough to see, rarely enough to be cheap
SOURCE_FROM = 100  # columns from which the source has a column of its own


@dataclass(eq=False)
class TriageRow:
    """One article of the list; filled in as its summary and review state arrive."""

    index: int
    item: ListItem
    source: str
    title: str
    stamp: str | None = None  # the file's modification time, "YYYY-MM-DD HH:MM", once read
    text_hash: str = ""
    summary: batch.Summary | None = None
    error: str = ""
    state: batch.ReviewState | None = None
    version: int = 0  # bumped on every change, so its drawn line is drawn again
    haystack: str = ""  # what the `/` filter and the title sort look at, folded once

    def __post_init__(self) -> None:
        self.retitle(self.title)

    def retitle(self, title: str) -> None:
        self.title = title
        self.haystack = f"{title.casefold()}\n{self.source.casefold()}"

    @property
    def date(self) -> str:
        """The file's modification time, read when first shown or sorted on: the first
        screen of a big folder waits for no `stat` of the rows it does not show."""
        if self.stamp is None:
            self.stamp = ""
            if isinstance(self.item, str):
                with contextlib.suppress(OSError, ValueError, OverflowError):  # gone or odd: no date
                    modified = datetime.fromtimestamp(os.stat(self.item).st_mtime)
                    self.stamp = modified.strftime("%Y-%m-%d %H:%M")
        return self.stamp

    @property
    def status(self) -> str:
        return self.state.status if self.state else NEW

    @property
    def to_decide(self) -> int | None:
        return self.summary.to_decide if self.summary else None

    @property
    def mark(self) -> str:
        """`?` a match waits for a yes or no, `“` a statement for its speaker, `x` unreadable."""
        if self.error:
            return "x"
        if self.summary is None:
            return ""
        return ("?" if self.summary.maybe else "") + ("“" if self.summary.unattributed else "")


def first_rows(items: Sequence[ListItem], root: str = "") -> list[TriageRow]:
    """The rows before any analysis: a file's name, a feed item's title; a file's source
    is its path from `root` (the folder opened)."""
    rows = []
    inside = os.path.join(root, "") if root and os.path.isabs(root) else None
    for index, item in enumerate(items):
        if not isinstance(item, str):  # an article or a feed's item: its title is known
            rows.append(TriageRow(index, item, one_line(item.source), one_line(item.title)))
            continue
        full = item if os.path.isabs(item) else os.path.abspath(item)
        shown = full[len(inside) :] if inside and full.startswith(inside) else item
        rows.append(TriageRow(index, item, one_line(shown), one_line(os.path.basename(item) or item)))
    return rows


def one_line(text: str) -> str:
    """A title or file name as a row shows it: nothing a terminal acts on, one line.
    (`cleaning.printable`, which returns clean text at once: 10,000 rows are made at start.)"""
    shown = cleaning.printable(text)
    return shown if shown.isprintable() else " ".join(shown.split())


@dataclass
class TriageRows:
    """The rows, and which of them show in what order (sort and filters)."""

    rows: list[TriageRow]
    sort: str = "folder"
    descending: bool = False
    text: str = ""  # shown: rows whose title or source holds it (any case)
    to_decide_only: bool = False
    status: str = ""  # shown: rows of this status only ("" every status)
    visible: list[TriageRow] = field(default_factory=list)
    _orders: dict[str, tuple[list[TriageRow], list[TriageRow]]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.arrange()

    def changed(self) -> None:
        """Rows were filled in or got a status: the orders kept are stale."""
        self._orders.clear()

    def arrange(self) -> None:
        """Work out `visible`; a sort is computed once until the rows change (`changed`)."""
        known, unknown = self._ordered()
        ordered = (known[::-1] if self.descending else known) + unknown
        wanted = self.text.casefold()
        if wanted or self.to_decide_only or self.status:
            ordered = [
                r
                for r in ordered
                if (not wanted or wanted in r.haystack)
                and (not self.to_decide_only or (r.to_decide or 0) > 0)
                and (not self.status or r.status == self.status)
            ]
        self.visible = ordered

    def _ordered(self) -> tuple[list[TriageRow], list[TriageRow]]:
        """The rows in the sort's order, and after them those it cannot place yet (not
        analysed), which stay last whichever way the others go."""
        if self.sort == "folder":
            return self.rows, []
        if self.sort not in self._orders:
            valued = [(_sort_value(r, self.sort), r) for r in self.rows]
            known = [pair for pair in valued if pair[0] is not None]
            known.sort(key=itemgetter(0))
            self._orders[self.sort] = ([r for _, r in known], [r for value, r in valued if value is None])
        return self._orders[self.sort]

    @property
    def depends_on_fill(self) -> bool:
        """Whether a row's filling in can change which rows show or their order."""
        return (
            self.to_decide_only or bool(self.text) or self.sort in ("title", "names", "quotes", "to decide")
        )

    def progress(self) -> str:
        """ "312 of 1,204 reviewed · 48 to decide" (articles left to decide in)."""
        reviewed = sum(1 for r in self.rows if r.status == REVIEWED)
        waiting = sum(1 for r in self.rows if (r.to_decide or 0) > 0 and r.status != REVIEWED)
        return f"{reviewed:,} of {len(self.rows):,} reviewed · {waiting:,} to decide"

    def describe(self) -> str:
        """What the sort and filters are, for the status line."""
        said = [f"sorted by {self.sort}{' ↑' if self.descending else ''}"]
        if self.text:
            said.append(f"holding “{self.text}”")
        if self.to_decide_only:
            said.append("to decide only")
        if self.status:
            said.append(f"{self.status} only")
        return f"{len(self.visible):,} shown · " + " · ".join(said)


def _sort_value(row: TriageRow, sort: str) -> Any:
    if sort == "title":
        return row.haystack
    if sort == "source":
        return row.haystack.partition("\n")[2]
    if sort == "date":
        return row.date or None
    if sort == "status":
        return STATUS_ORDER.get(row.status, 9)
    summary = row.summary
    if summary is None:
        return None
    if sort == "names":
        return summary.names
    return summary.quotes if sort == "quotes" else summary.to_decide


# -- the table ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    name: str
    width: int  # 0: the rest of the line
    right: bool = False


@lru_cache(maxsize=8)
def columns(width: int) -> tuple[Column, ...]:
    """The columns for a table `width` cells wide; the title takes what is left."""
    shown = [Column("", 3), Column("title", 0), Column("status", 11)]
    if width >= SOURCE_FROM:
        shown.append(Column("source", 24 if width >= 120 else 16))
    shown += [
        Column("date", 17),
        Column("names", 6, True),
        Column("quotes", 7, True),
        Column("to decide", 11, True),
    ]
    fixed = sum(c.width for c in shown)
    return tuple(Column(c.name, c.width or max(8, width - fixed), c.right) for c in shown)


def cells(row: TriageRow) -> dict[str, str]:
    summary = row.summary
    counts = {"names": "", "quotes": "", "to decide": ""}
    if summary is not None:
        counts = {
            "names": str(summary.names),
            "quotes": str(summary.quotes),
            "to decide": str(summary.to_decide or ""),
        }
    elif not row.error:
        counts["to decide"] = "…"
    title = row.title if not row.error else f"{row.title} · {row.error}"
    return {"": row.mark, "title": title, "status": STATUS_SHOWN.get(row.status, row.status),
            "source": row.source, "date": row.date, **counts}  # fmt: skip


def fit(text: str, width: int, *, right: bool = False) -> str:
    """`text` in exactly `width` cells, cut with an ellipsis and a space kept at the end."""
    room = width - 1
    if text.isascii():  # one cell a character (rows are printable): 10,000 rows, 8 columns each
        if len(text) > room:
            text = text[: room - 1] + "…"
        return (text.rjust(room) if right else text.ljust(room)) + " "
    if cell_len(text) > room:
        text = set_cell_size(text, room - 1) + "…"
    return (" " * (room - cell_len(text)) + text if right else set_cell_size(text, room)) + " "


class ArticleTable(ScrollView, can_focus=True):
    """The rows as lines: the cursor row highlighted, flagged rows marked by glyph and colour.

    The scrollbar always shows: a filter that leaves a screenful of rows then neither
    moves the columns by a cell nor lays the screen out again (~5 ms a key)."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "article-table--cursor",
        "article-table--flagged",
        "article-table--muted",
    }
    DEFAULT_CSS = """
    ArticleTable { height: 1fr; background: $surface; overflow-x: hidden; overflow-y: scroll; }
    ArticleTable > .article-table--cursor { background: $block-cursor-blurred-background; }
    ArticleTable:focus > .article-table--cursor {
        background: $block-cursor-background; color: $block-cursor-foreground; text-style: bold;
    }
    ArticleTable > .article-table--flagged { color: $text-error; }
    ArticleTable > .article-table--muted { color: $text-muted; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [*keys.LIST_MOVES]
    cursor = reactive(0, repaint=False, init=False)

    def __init__(self, rows: TriageRows, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows = rows
        self._lines: dict[tuple[int, int, int, bool], Strip] = {}
        self._row_styles: dict[tuple[bool, bool], tuple[Style, Style]] = {}

    # -- what the app calls -------------------------------------------------------------

    def rearranged(self, keep: TriageRow | None = None) -> None:
        """The visible rows changed: size again, and keep the cursor on `keep` if it shows."""
        # Set quietly: a new virtual size would lay the whole screen out again (~10 ms),
        # where only this widget's scroll range and scrollbar change; a new order of as
        # many rows (a sort) changes neither. The drawn lines are kept: a row's line does
        # not depend on where it shows.
        size = Size(self.line_width, len(self.rows.visible))
        if size != self.virtual_size:
            self.set_reactive(ArticleTable.virtual_size, size)
            self._scroll_update(size)
        # by identity: a row's dataclass == compares every field, and `in` + `index` did
        # that for each of 10,000 rows on every filter key
        at = next((i for i, row in enumerate(self.rows.visible) if row is keep), self.cursor)
        self.set_reactive(ArticleTable.cursor, max(0, min(at, len(self.rows.visible) - 1)))
        self._follow_cursor()
        self.refresh()

    def refresh_rows(self) -> None:
        """Rows changed in place (filled in, a status set): draw the visible lines again."""
        self.refresh()

    @property
    def line_width(self) -> int:
        """The cells a row has: the widget's width less the scrollbar's."""
        return self.scrollable_content_region.width

    @property
    def current(self) -> TriageRow | None:
        visible = self.rows.visible
        return visible[self.cursor] if 0 <= self.cursor < len(visible) else None

    # -- keys -----------------------------------------------------------------------

    def action_cursor_down(self) -> None:
        self.cursor = min(self.cursor + 1, len(self.rows.visible) - 1)

    def action_cursor_up(self) -> None:
        self.cursor = max(self.cursor - 1, 0)

    def action_page_down(self) -> None:
        self.cursor = min(self.cursor + max(1, self.size.height - 1), len(self.rows.visible) - 1)

    def action_page_up(self) -> None:
        self.cursor = max(self.cursor - max(1, self.size.height - 1), 0)

    def action_first(self) -> None:
        self.cursor = 0

    def action_last(self) -> None:
        self.cursor = max(0, len(self.rows.visible) - 1)

    def watch_cursor(self, old: int, new: int) -> None:
        # only the two lines that changed are drawn again
        self.refresh(Region(0, old - self.scroll_offset.y, self.size.width, 1))
        self.refresh(Region(0, new - self.scroll_offset.y, self.size.width, 1))
        self._follow_cursor()

    def _follow_cursor(self) -> None:
        self.scroll_to_region(Region(0, self.cursor, 1, 1), animate=False, force=True, immediate=True)

    def on_resize(self) -> None:
        self.virtual_size = Size(self.line_width, len(self.rows.visible))
        self._lines.clear()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._lines.clear()  # a theme switch: every line's colours change
        self._row_styles.clear()

    # -- drawing --------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        at = self.scroll_offset.y + y
        width = self.line_width
        visible = self.rows.visible
        if not 0 <= at < len(visible):
            return Strip.blank(width, self.rich_style)
        row = visible[at]
        key = (id(row), row.version, width, at == self.cursor)
        line = self._lines.get(key)
        if line is None:
            if len(self._lines) > 4 * max(self.size.height, 25):
                self._lines.clear()  # bounded: the lines of a few screens
            line = self._lines[key] = self._draw(row, width, at == self.cursor)
        return line

    def _styles(self, on_cursor: bool, flagged: bool) -> tuple[Style, Style]:
        """(the row's style, its muted columns' style), looked up once per theme."""
        key = (on_cursor, flagged)
        if key not in self._row_styles:
            base = self.rich_style
            if on_cursor:
                base += self.get_component_rich_style("article-table--cursor")
            elif flagged:
                base += self.get_component_rich_style("article-table--flagged")
            muted = base if on_cursor else base + self.get_component_rich_style("article-table--muted")
            self._row_styles[key] = (base, muted)
        return self._row_styles[key]

    def _draw(self, row: TriageRow, width: int, on_cursor: bool) -> Strip:
        base, muted = self._styles(on_cursor, row.status == FLAGGED)
        shown = cells(row)
        segments: list[Segment] = []
        texts: list[str] = []
        style = base
        for column in columns(width):
            wanted = (
                muted if column.name in ("source", "date") or (row.summary is None and column.right) else base
            )
            if wanted is not style and texts:  # neighbours of one style are one segment: fewer to cut
                segments.append(Segment("".join(texts), style))
                texts = []
            style = wanted
            texts.append(fit(shown[column.name], column.width, right=column.right))
        segments.append(Segment("".join(texts), style))
        drawn = sum(column.width for column in columns(width))  # each cell fitted to its column
        return Strip(segments, drawn).adjust_cell_length(width, base)


class ColumnHeads(Static):
    """The column names, the sorted one marked ↓ (↑ when descending)."""

    DEFAULT_CSS = "ColumnHeads { height: 1; background: $panel; text-style: bold; }"

    def __init__(self, rows: TriageRows, table: ArticleTable, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows = rows
        self.table = table  # the heads stand over its columns, which the scrollbar narrows

    def on_resize(self) -> None:
        self.show()

    def show(self) -> None:
        parts = []
        for column in columns(self.table.line_width or self.size.width or 80):
            name = column.name
            if name == self.rows.sort or (name == "" and self.rows.sort == "folder"):
                name = f"{name or '#'}{'↑' if self.rows.descending else '↓'}"
            parts.append(fit(name, column.width, right=column.right))
        self.update(Content("".join(parts)), layout=False)


# -- the screen ---------------------------------------------------------------------------


class ArticleListScreen(Screen[None], inherit_bindings=False):
    """The list of a folder's or feed's articles; `enter` asks the app to open one."""

    DEFAULT_CSS = """
    ArticleListScreen #list-header { height: 1; background: $panel; padding: 0 1; }
    ArticleListScreen #list-progress { height: 1; padding: 0 1; }
    ArticleListScreen #list-progress Bar { width: 1fr; }
    ArticleListScreen #list-filter { height: 1; border: none; padding: 0 1; display: none; }
    ArticleListScreen #list-filter.-shown { display: block; }
    ArticleListScreen #list-status { height: 1; padding: 0 1; color: $text-muted; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [*keys.ARTICLE_LIST]

    def __init__(
        self,
        items: Sequence[ListItem],
        *,
        options: batch.Options,
        open_row: Callable[[TriageRow], None],
        store: DecisionLog | None = None,
        places: ReaderState | None = None,
        cache: Callable[[], batch.SummaryCache] = batch.SummaryCache,
        workers: int | None = None,
    ) -> None:
        """`open_row`: opens an article in the reader. `store`: the review store (statuses);
        `places`: where the reviewer was; `cache`, `workers`: for `batch.summarise_all`."""
        super().__init__()
        self.where = place_key(items)
        self.rows = TriageRows(first_rows(items, self.where))
        self.options = options
        self.open_row = open_row
        self.store = store
        self.places = places
        self._cache = cache
        self._workers = workers
        self._inbox: list[batch.Filled | dict[str, batch.ReviewState]] = []
        self._inbox_lock = threading.Lock()
        self._stop = threading.Event()
        self._states: dict[str, batch.ReviewState] = {}  # the store's, by text hash
        self.filled = 0  # rows whose analysis has come (or failed)
        self.table = ArticleTable(self.rows, id="list-table")
        self.heads = ColumnHeads(self.rows, self.table, id="list-heads")

    @property
    def done(self) -> bool:
        """Every row filled in."""
        return self.filled >= len(self.rows.rows)

    def compose(self) -> ComposeResult:
        yield Static(id="list-header")
        yield ProgressBar(total=len(self.rows.rows), show_eta=False, id="list-progress")
        yield self.heads
        yield self.table
        yield OneLineInput(placeholder="show the rows whose title or source holds…", id="list-filter")
        yield Static(id="list-status")
        yield Footer()

    def on_mount(self) -> None:
        self._show_header()
        resumed = self.places.row(self.where) if self.places else None
        if resumed:
            found = next((r for r in self.rows.rows if _source_of(r) == resumed), None)
            if found is not None:
                self.table.rearranged(keep=found)
        self.table.focus()
        self.set_interval(FILL_SECONDS, self._take_in_filled)
        self.call_after_refresh(self._fill)  # the first frame before any work on the rows

    def on_unmount(self) -> None:
        self._stop.set()
        self.remember_place()

    # -- filling in ---------------------------------------------------------------------

    @work(thread=True, exit_on_error=False, name="triage")
    def _fill(self) -> None:
        if self.store is not None:
            from newsreader.review import StoreError

            try:
                self._post(batch.review_states(self.store))
            except StoreError as err:
                self.app.call_from_thread(
                    self.notify, str(err), title="review store", severity="warning", markup=False
                )
        summaries = self._cache()
        try:
            for filled in batch.summarise_all(
                [r.item for r in self.rows.rows],
                self.options,
                summaries,
                workers=self._workers,
                stopped=self._stop.is_set,
            ):
                self._post(filled)
        finally:
            summaries.close()
        if summaries.problem:
            self.app.call_from_thread(
                self.notify, summaries.problem, title="cache", severity="warning", markup=False
            )

    def _post(self, item: batch.Filled | dict[str, batch.ReviewState]) -> None:
        with self._inbox_lock:
            self._inbox.append(item)

    def _take_in_filled(self) -> None:
        with self._inbox_lock:
            taken, self._inbox = self._inbox, []
        if not taken:
            return
        for item in taken:
            if isinstance(item, dict):
                self._states = item
                for row in self.rows.rows:
                    self._set_state(row)
                continue
            row = self.rows.rows[item.index]
            row.text_hash = item.text_hash or row.text_hash
            row.retitle(one_line(item.title) or row.title)
            row.summary, row.error = item.summary, item.error
            self._set_state(row)
            row.version += 1
            self.filled += 1
        self.rows.changed()
        if self.rows.depends_on_fill or any(isinstance(i, dict) for i in taken):
            self.rows.arrange()
            self.table.rearranged(keep=self.table.current)
        else:
            self.table.refresh_rows()
        self._show_header()

    def _set_state(self, row: TriageRow) -> None:
        if row.text_hash and row.text_hash in self._states:
            row.state = self._states[row.text_hash]
            row.version += 1

    def _show_header(self) -> None:
        said = self.rows.progress()
        if not self.done:
            said += f" · analysed {self.filled:,} of {len(self.rows.rows):,}"
        self.query_one("#list-header", Static).update(
            Content.assemble(("newsreader", "bold"), "  ", said), layout=False
        )
        bar = self.query_one(ProgressBar)
        bar.update(progress=self.filled)
        bar.display = not self.done
        self.heads.show()

    def status(self, text: str) -> None:
        self.query_one("#list-status", Static).update(Content(one_line(text)), layout=False)

    # -- coming back from an article -----------------------------------------------------

    def came_back(self, row: TriageRow, reviewed: ReviewedAnalysis | None) -> None:
        """The reader closed `row`'s article: show its review as it now stands."""
        if reviewed is not None:
            row.summary = batch.summary_of(reviewed.analysis, reviewed.pending)
            article_id = row.state.article_id if row.state else 0
            row.state = batch.ReviewState(article_id, reviewed.status, len(reviewed.decisions))
            row.version += 1
        self.rows.changed()
        self.rows.arrange()
        self.table.rearranged(keep=row)
        self._show_header()

    def remember_place(self) -> None:
        row = self.table.current
        if self.places is not None and row is not None:
            self.places.put_row(self.where, _source_of(row))

    # -- the keys -------------------------------------------------------------------------

    def action_open(self) -> None:
        row = self.table.current
        if row is None:
            self.status("no article shows: esc in the filter, or s, d to show more")
            return
        self.remember_place()
        self.open_row(row)

    def action_cycle_sort(self) -> None:
        self.rows.sort = SORTS[(SORTS.index(self.rows.sort) + 1) % len(SORTS)]
        self._rearrange()

    def action_reverse_sort(self) -> None:
        self.rows.descending = not self.rows.descending
        self._rearrange()

    def action_to_decide_only(self) -> None:
        self.rows.to_decide_only = not self.rows.to_decide_only
        self._rearrange()

    def action_flagged_only(self) -> None:
        self.rows.status = "" if self.rows.status == FLAGGED else FLAGGED
        self._rearrange()

    def action_cycle_status(self) -> None:
        self.rows.status = STATUS_FILTERS[(STATUS_FILTERS.index(self.rows.status) + 1) % len(STATUS_FILTERS)]
        self._rearrange()

    def action_filter(self) -> None:
        field = self.query_one("#list-filter", Input)
        field.add_class("-shown")
        field.focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        self.rows.text = event.value.strip()
        self._rearrange()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.table.focus()

    def action_cancel_filter(self) -> None:
        field = self.query_one("#list-filter", Input)
        if field.has_class("-shown") and (field.has_focus or not field.value):
            field.value = ""
            field.remove_class("-shown")
            self.table.focus()

    def _rearrange(self) -> None:
        keep = self.table.current
        self.rows.arrange()
        self.table.rearranged(keep=keep)
        self.heads.show()
        self.status(self.rows.describe())

    def action_flag(self) -> None:
        self._set_status(FLAGGED)

    def action_mark_reviewed(self) -> None:
        self._set_status(REVIEWED)

    def action_choose_status(self) -> None:
        from newsreader.ui.dialogs.status import StatusDialog

        row = self.table.current
        if row is None:
            return

        def chosen(status: str | None) -> None:
            if status:
                self._set_status(status)

        self.app.push_screen(StatusDialog(STATUSES, row.status), chosen)

    def _set_status(self, status: str) -> None:
        row = self.table.current
        if row is None:
            return
        if row.status == status:
            self.status(f"the status is {status} already (S chooses another)")
            return
        if self.store is None or not row.text_hash:
            why = "there is no review store" if self.store is None else "its text is still being read"
            self.status(f"not recorded: {why}")
            return
        from newsreader.review import StoreError

        title = row.title if isinstance(row.item, str) else row.item.title
        try:
            row.state = batch.record_status(
                self.store, row.text_hash, _source_of(row), title, status, row.state
            )
        except StoreError as err:
            self.notify(str(err), title="not recorded", severity="error", markup=False)
            return
        row.version += 1
        self.rows.changed()
        self.status(f"status: {status}")
        if self.rows.status or self.rows.sort == "status":
            self._rearrange()
        else:
            self.table.refresh_rows()
        self._show_header()

    def next_to_decide(self, after: TriageRow | None) -> TriageRow | None:
        """The first row past `after`, in the list's order, with something left to decide (wraps)."""
        order = self.rows.visible if after in self.rows.visible else self.rows.rows
        start = order.index(after) + 1 if after in order else 0
        for row in order[start:] + order[:start]:
            if row is not after and (row.to_decide or 0) > 0 and row.status != REVIEWED:
                return row
        return None


def _source_of(row: TriageRow) -> str:
    """The article's path or URL, as the review store and the places file keep it."""
    return row.item if isinstance(row.item, str) else row.item.source


def place_key(items: Sequence[ListItem]) -> str:
    """What a list is remembered by: its folder (the files' common folder), else its feed."""
    paths = [os.path.abspath(i) for i in items if isinstance(i, str)]
    if paths:
        return os.path.commonpath(paths) if len(paths) > 1 else os.path.dirname(paths[0])
    sources = [i.source for i in items if not isinstance(i, str)]
    return os.path.commonprefix(sources)  # noqa: RUF071 - feed items' links: a common start of URL

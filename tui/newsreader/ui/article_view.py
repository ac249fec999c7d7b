"""The article, word-wrapped, with mentions highlighted: a Line-API widget.

Only visible lines are rendered, each from offsets into the article text (never as
markup), and rendered lines are cached. Moving the cursor redraws the old and the new
cursor lines; changing the marks redraws only cached lines that show the entities or
spans involved. Caches are dropped when the width or the theme changes.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual.binding import BindingType
from textual.cache import LRUCache
from textual.color import Color
from textual.events import Resize
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from newsreader.article import Article
from newsreader.ui import keys
from newsreader.ui.entity_styles import STYLED_TYPES, style_name
from newsreader.ui.highlights import PLAIN, Highlights, RunStyle
from newsreader.ui.navigation import MentionIndex
from newsreader.ui.wrap import LineLayout, wrap

Span = tuple[int, int]

MARGIN = 1  # blank columns left and right of the text
# Layouts kept per width, so resizing back and forth does not wrap again.
LAYOUTS_KEPT = 4


class _Line:
    """A rendered line and what it shows, to know when marks make it stale."""

    __slots__ = ("entities", "marked", "strip")

    def __init__(self, strip: Strip, entities: frozenset[str], marked: bool) -> None:
        self.strip = strip
        self.entities = entities
        self.marked = marked


class ArticleView(ScrollView, can_focus=True, inherit_bindings=False):
    """Shows an article; the screen moves its `cursor` and sets its marks."""

    BINDINGS: ClassVar[list[BindingType]] = [*keys.ARTICLE]
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        *(f"article--{name}" for name in STYLED_TYPES),
        "article--other",
        "article--marked",
        "article--current",
        "article--boilerplate",
    }

    cursor: reactive[Span | None] = reactive(None, repaint=False, init=False)
    """The span under the cursor; the screen sets it, the view redraws and scrolls."""

    def __init__(self, article: Article, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.article = article
        # Tabs are shown as one space, as `wrap` counts them.
        self._text = article.text.replace("\t", " ")
        self.highlights = Highlights(MentionIndex(()), article.boilerplate)
        self._layouts: dict[int, LineLayout] = {}
        self.wrapped: LineLayout | None = None
        self._rendered: LRUCache[int, _Line] = LRUCache(1024)
        self._styles: dict[RunStyle, Style] = {}

    # -- what to show --------------------------------------------------------------

    def show_mentions(self, mentions: MentionIndex) -> None:
        """Highlight these mentions (when the analysis arrives)."""
        marked_entity, marked_spans = self.highlights.marked_entity, self.highlights.marked_spans
        self.highlights = Highlights(mentions, self.article.boilerplate)
        self.highlights.marked_entity, self.highlights.marked_spans = marked_entity, marked_spans
        self.highlights.cursor = self.cursor
        self._rendered.clear()
        self.refresh()

    def set_marks(self, entity_id: str | None, spans: Sequence[Span] = ()) -> None:
        """Mark the mentions of `entity_id` and the given spans (quote, search hits)."""
        old_entity, old_spans = self.highlights.marked_entity, self.highlights.marked_spans
        new_spans = sorted(spans)
        if old_entity == entity_id and old_spans == new_spans:
            return
        self.highlights.marked_entity = entity_id
        self.highlights.marked_spans = new_spans
        entities = {e for e in (old_entity, entity_id) if e is not None}
        spans_changed = old_spans != new_spans
        stale = []
        for y in list(self._rendered.keys()):
            line = self._rendered.get(y)
            if line is not None and (
                line.entities & entities or (spans_changed and (line.marked or self._has_marked_span(y)))
            ):
                stale.append(y)
        for y in stale:
            self._rendered.discard(y)
        self._refresh_visible(stale)

    def watch_cursor(self, old: Span | None, new: Span | None) -> None:
        self.highlights.cursor = new
        for span in (old, new):
            if span is not None:
                self._refresh_span(span)
        if new is not None:
            self.scroll_to_span(new)

    class Scrolled(Message):
        """The part of the article shown changed; `position` is "Top", "42%", "Bot" or "All"."""

        def __init__(self, position: str) -> None:
            super().__init__()
            self.position = position

    # -- geometry --------------------------------------------------------------------

    def position(self) -> str:
        """How far down the view is, in vim's words."""
        height = self.scrollable_content_region.height
        total = self.wrapped.line_count if self.wrapped else 0
        top = round(self.scroll_y)
        if total <= height:
            return "All"
        if top <= 0:
            return "Top"
        if top >= total - height:
            return "Bot"
        return f"{100 * top // (total - height)}%"

    def watch_scroll_y(self, old: float, new: float) -> None:
        super().watch_scroll_y(old, new)
        self.post_message(self.Scrolled(self.position()))

    @property
    def text_width(self) -> int:
        return max(1, self.scrollable_content_region.width - 2 * MARGIN)

    def line_of(self, offset: int) -> int:
        return self.wrapped.line_of(offset) if self.wrapped else 0

    def scroll_to_span(self, span: Span) -> None:
        """Bring a span into view with a little context, centring it after a long move."""
        if self.wrapped is None:
            return
        lines = self.wrapped.lines_of(*span)
        top, height = round(self.scroll_y), self.scrollable_content_region.height
        margin = min(2, max(0, (height - len(lines)) // 2))
        if top + margin <= lines.start and lines.stop <= top + height - margin:
            return
        self.scroll_to(y=max(0, lines.start - height // 3), animate=False)

    def on_resize(self, event: Resize) -> None:
        self._relayout()

    def _relayout(self) -> None:
        width = self.text_width
        if self.wrapped is not None and self.wrapped.width == width:
            return
        old = self.wrapped
        anchor = old.starts[min(round(self.scroll_y), old.line_count - 1)] if old else 0
        layout = self._layouts.get(width)
        if layout is None:
            layout = wrap(self._text, width)
            if len(self._layouts) >= LAYOUTS_KEPT:
                self._layouts.pop(next(iter(self._layouts)))
            self._layouts[width] = layout
        self.wrapped = layout
        self._rendered.clear()
        self.virtual_size = Size(width, layout.line_count)
        self.post_message(self.Scrolled(self.position()))
        # keep the line that was at the top at the top, or the cursor in view
        if self.cursor is not None:
            self.scroll_to_span(self.cursor)
        else:
            self.scroll_to(y=layout.line_of(anchor), animate=False)
        self.refresh()

    # -- rendering -------------------------------------------------------------------

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles.clear()
        self._rendered.clear()

    def render_line(self, y: int) -> Strip:
        # The text is wrapped to the width, so there is no horizontal scrolling to crop for.
        return self._render_line(round(self.scroll_y) + y)

    def _render_line(self, y: int) -> Strip:
        cached = self._rendered.get(y)
        if cached is not None:
            return cached.strip
        base = self._style(PLAIN)
        layout = self.wrapped
        if layout is None or y >= layout.line_count:
            return Strip.blank(self.text_width + 2 * MARGIN, base)
        start, end = layout.starts[y], layout.ends[y]
        # The margins are drawn here rather than as CSS padding: one Strip per line instead
        # of three, which is most of the cost of drawing a fresh screen of a long article.
        segments = [Segment(" " * MARGIN, base)]
        for a, b, style in self.highlights.runs(start, end):
            segments.append(Segment(self._text[a:b], self._style(style)))
        used = cell_len(self._text[start:end])
        segments.append(Segment(" " * (layout.width - used + MARGIN), base))
        strip = Strip(segments, layout.width + 2 * MARGIN)
        entities = self.highlights.entities_between(start, end)
        self._rendered[y] = _Line(strip, entities, self._has_marked_span(y))
        return strip

    def _style(self, run: RunStyle) -> Style:
        style = self._styles.get(run)
        if style is None:
            style = self._styles[run] = self._compose_style(run)
        return style

    def _compose_style(self, run: RunStyle) -> Style:
        """Layer the component styles of a run over the view's own colours.

        Textual merges component styles by replacing rules, which would lose a type's
        bold under the marked underline; so colours are blended and text styles added here.
        """
        base = self.rich_style
        if run == PLAIN:
            return base
        names = []
        if run.boilerplate:
            names.append("article--boilerplate")
        if run.type is not None:
            names.append(f"article--{style_name(run.type)}")
        if run.marked:
            names.append("article--marked")
        if run.current:
            names.append("article--current")
        background = Color.from_rich_color(base.bgcolor)
        color = Color.from_rich_color(base.color)
        flags = Style()
        for name in names:
            styles = self.get_component_styles(name)
            if styles.has_rule("background"):
                background = background + styles.background
            if styles.has_rule("color"):
                color = background + styles.color
            flags += styles.text_style
        return Style(color=color.rich_color, bgcolor=background.rich_color) + flags

    # -- redrawing -------------------------------------------------------------------

    def _has_marked_span(self, y: int) -> bool:
        if self.wrapped is None or not self.highlights.marked_spans:
            return False
        return self.highlights.has_marked_span(self.wrapped.starts[y], self.wrapped.ends[y])

    def _refresh_span(self, span: Span) -> None:
        if self.wrapped is None:
            return
        lines = self.wrapped.lines_of(*span)
        for y in lines:
            self._rendered.discard(y)
        self.refresh_lines(lines.start, len(lines))

    def _refresh_visible(self, lines: Sequence[int]) -> None:
        top, height = round(self.scroll_y), self.scrollable_content_region.height
        for y in lines:
            if top <= y < top + height:
                self.refresh_lines(y)

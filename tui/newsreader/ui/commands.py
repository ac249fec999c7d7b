"""The command palette (ctrl+p): every reader action with its key, the exports, and the themes.

Titles of a folder's articles and a feed's items come from outside: the palette reads
prompts and help given as strings as markup, so every one goes to it as `Content`, built
from text with the terminal controls removed, and its matches are marked here rather
than by `Matcher.highlight` (which parses its argument as markup).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import Protocol, runtime_checkable

from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import Matcher

from newsreader.feeds import ListItem
from newsreader.review.export import FORMATS
from newsreader.ui import keys
from newsreader.ui.keymap import hint
from newsreader.ui.plain_text import printable

Command = tuple[str, str, Callable[[], object]]


@runtime_checkable
class Reader(Protocol):
    """What the palette asks of the app besides Textual's own: its folder's or feed's
    articles, and opening one of them (`ReaderApp` has both)."""

    articles: Sequence[ListItem]

    def open_nth(self, index: int, *, step: int = 1) -> None: ...


def article_name(item: ListItem) -> str:
    """How a folder's article (a path) or a feed's item is named in the palette: its title."""
    name = Path(item).name if isinstance(item, str) else item.title
    return printable(name, one_line=True)


class ReaderCommands(Provider):
    def key_shown(self, binding: Binding) -> str:
        """The first key the binding answers to under the keymap in force, as Textual shows it."""
        key = keys.keys_for(binding, getattr(self.app, "keymap", {}))[0]
        return self.app.get_key_display(binding.with_key(key))

    def commands(self) -> list[Command]:
        """(name, help, run) for each command; names and help are plain text."""
        app = self.app
        found: list[Command] = []
        seen: set[str] = set()
        for section, bindings in keys.HELP_SECTIONS:
            for binding in bindings:
                # widget-local moves (scroll, next row) are keys, not commands
                if "." not in binding.action or binding.action in seen or binding is keys.PALETTE:
                    continue
                seen.add(binding.action)
                help_text = f"{self.key_shown(binding)} · {section}"
                name = hint(binding.tooltip, getattr(app, "keymap", {}))
                found.append((name, help_text, partial(app.run_action, binding.action)))
        found.append(
            (
                "Note on the article…",
                f"{self.key_shown(keys.NOTE)} notes the chosen mention or quote; this, the whole article",
                partial(app.run_action, "screen.note_article"),
            )
        )
        where = "next to the article, or in the current folder"
        for fmt in FORMATS:
            run = partial(app.run_action, f"export('{fmt.name}')")
            found.append((f"Export review as {fmt.label}…", where, run))
        if isinstance(app, Reader):
            found += self.article_commands(app)
        for name in sorted(app.available_themes):
            shown = printable(name, one_line=True)  # a user's theme is named by its file
            found.append((f"theme: {shown}", "switch the colours", partial(setattr, app, "theme", name)))
        return found

    def article_commands(self, reader: Reader) -> list[Command]:
        """For a folder or a feed, each of its articles by name (for one article, none)."""
        articles = reader.articles
        if len(articles) < 2:
            return []
        forward, back = self.key_shown(keys.NEXT_ARTICLE), self.key_shown(keys.PREVIOUS_ARTICLE)
        return [
            (
                f"open {index + 1}/{len(articles)}: {article_name(item)}",
                f"{forward} and {back} go one by one",
                partial(reader.open_nth, index),
            )
            for index, item in enumerate(articles)
        ]

    async def discover(self) -> Hits:
        for name, help_text, run in self.commands():
            # Content, not str: the palette parses a string prompt or help as markup
            yield DiscoveryHit(Content(name), run, text=name, help=Content(help_text))  # type: ignore[arg-type]

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, run in self.commands():
            score = matcher.match(name)
            if score > 0:
                prompt = highlighted(matcher, name)
                yield Hit(score, prompt, run, text=name, help=Content(help_text))  # type: ignore[arg-type]


def highlighted(matcher: Matcher, name: str) -> Content:
    """`name` as plain Content with the letters the query matched marked."""
    _, offsets = matcher.fuzzy_search.match(matcher.query, name)
    content = Content(name)
    for offset in offsets:
        if not name[offset].isspace():
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return content

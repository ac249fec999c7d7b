"""The command palette (ctrl+p): every reader action with its key, the exports, and the themes."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from textual.command import DiscoveryHit, Hit, Hits, Provider

from newsreader.ui import keys
from newsreader.ui.exporting import FORMAT_NAMES

Command = tuple[str, str, Callable[[], object]]


class ReaderCommands(Provider):
    def commands(self) -> list[Command]:
        app = self.app
        found: list[Command] = []
        seen: set[str] = set()
        for section, bindings in keys.HELP_SECTIONS:
            for binding in bindings:
                # widget-local moves (scroll, next row) are keys, not commands
                if "." not in binding.action or binding.action in seen or binding is keys.PALETTE:
                    continue
                seen.add(binding.action)
                key = keys.keys_for(binding, getattr(app, "keymap", {}))[0]
                help_text = f"{app.get_key_display(binding.with_key(key))} · {section}"
                found.append((binding.tooltip, help_text, partial(app.run_action, binding.action)))
        found.append(
            (
                "Note on the article…",
                "c notes the chosen mention or quote; this, the whole article",
                partial(app.run_action, "screen.note_article"),
            )
        )
        for fmt, label in FORMAT_NAMES.items():
            where = "next to the article, or in the current folder"
            found.append((f"Export review as {label}…", where, partial(app.run_action, f"export('{fmt}')")))
        articles = getattr(app, "articles", [])
        if len(articles) > 1:  # a folder or a feed: each of its articles by name
            for index, item in enumerate(articles):
                name = item.title if hasattr(item, "title") else Path(item).name
                found.append(
                    (
                        f"open {index + 1}/{len(articles)}: {name}",
                        "> and < go one by one",
                        partial(app.open_nth, index),
                    )
                )
        for name in sorted(app.available_themes):
            found.append((f"theme: {name}", "switch the colours", partial(setattr, app, "theme", name)))
        return found

    async def discover(self) -> Hits:
        for name, help_text, run in self.commands():
            yield DiscoveryHit(name, run, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, run in self.commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), run, help=help_text)

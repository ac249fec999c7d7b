"""Textual's `Footer`, less a leak: every key it ever drew stays in memory otherwise.

Each `FooterKey` binds its `compact` to the footer's (`data_bind`), which registers a
watcher on the footer; the footer draws its keys afresh whenever the bindings change (the
screen shown again, the focus moved), and Textual drops the watchers of removed keys only
when `compact` itself next changes, which in the reader it never does. The article list's
footer is drawn again each time the reviewer comes back from an article, so it kept 16 dead
keys and their styles (about 0.4 MB) per article opened.
"""

from __future__ import annotations

from textual.widgets import Footer as TextualFooter


class Footer(TextualFooter):
    async def recompose(self) -> None:
        await super().recompose()
        # Textual 8 keeps the watchers in this attribute (textual/reactive.py, `_watch`)
        watchers = getattr(self, "__watchers", {}).get("compact")
        if watchers:
            watchers[:] = [(key, setter) for key, setter in watchers if key.is_attached]

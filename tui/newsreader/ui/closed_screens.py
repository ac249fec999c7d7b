"""What Textual keeps of a screen once it is closed, let go: the lines its widgets drew.

Textual caches `StylesCache.get_inner_outer`, a method, with `functools.lru_cache`, so
the cache's keys hold `self`: the StylesCache of up to 1,024 widgets, dead or alive, and
with each the rendered lines of its widget (Textualize/textual#6665, open in Textual 8).
Each article opened from the list is a reader screen of a dozen widgets and a page of
lines; the cache kept them, about 0.06–0.09 MB an article, up to some hundreds of MB.
Emptying the cache when a reader screen is replaced lets them go; the live widgets put
their one pair of styles back at their next paint.
"""

from __future__ import annotations

from textual._styles_cache import StylesCache


def forget_closed_screens() -> None:
    """Let the caches of closed screens' widgets go (see the module's docstring)."""
    # looked up, not assumed: a Textual that fixes the leak may drop or rename the method
    clear = getattr(getattr(StylesCache, "get_inner_outer", None), "cache_clear", None)
    if clear is not None:
        clear()

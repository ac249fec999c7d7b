"""Article text and names are never read as markup: brackets show as written, do nothing.

`[bold]` would vanish, `[@click=app.quit]x[/]` would be a link that quits, and `[/`
raises in Rich markup; the reader must show all three verbatim, everywhere.
"""

from __future__ import annotations

import html
import re

from newsreader.analysis.model import Analysis, Entity, Match, Quote
from newsreader.article import from_text

BOLD = "[bold]Breaking[/bold]"
CLICK = "[@click=app.quit]x[/]"
OPEN = "[/"
TEXT = (
    f"{BOLD} news on {CLICK} today\n\n"
    f"Ann Lee said “the council {OPEN} was wrong” and left.\n\n"
    f"Later {CLICK} and Ann Lee met."
)


def spans(word: str) -> tuple[tuple[int, int], ...]:
    found = [m.span() for m in re.finditer(re.escape(word), TEXT)]
    return tuple(found)


ANN = Entity(
    "e1", "Ann Lee", "person", spans("Ann Lee"), candidates=(Match(BOLD, 80.0, OPEN, "maybe", CLICK),)
)
CLICKER = Entity("e2", CLICK, "organization", spans(CLICK))
QUOTE = Quote(TEXT.index("“"), TEXT.index("”") + 1, None, OPEN, "unknown", "statement")
ANALYSIS = Analysis(entities=(ANN, CLICKER), quotes=(QUOTE,))


def screen_text(app) -> str:
    """What the terminal shows, from the SVG screenshot (tags dropped, one string)."""
    svg = app.export_screenshot()
    return html.unescape(re.sub(r"<[^>]+>", "", svg)).replace("\xa0", " ")


async def test_brackets_show_verbatim_in_every_part_of_the_screen(started, make_app) -> None:
    doc = from_text(TEXT, source=f"{OPEN}source{CLICK}")
    app = make_app(doc, ANALYSIS)
    async with started(app, size=(160, 40)) as pilot:
        shown = screen_text(app)
        assert BOLD in shown  # the title, in the header and the article
        assert shown.count(CLICK) >= 3  # article (twice) and the entities pane
        assert f"the council {OPEN} was wrong" in shown  # article and quotes pane
        assert f"{OPEN}source{CLICK}" in shown  # the source, in the header
        assert f"Ann Lee → {BOLD}" in shown  # the cross-reference row and its reason
        assert f"{CLICK} · {OPEN}" in shown

        await pilot.press("right_square_bracket")
        assert app.reader.query_one("#status").text.startswith(f"{CLICK} · organization")
        await pilot.press("y")
        assert app.clipboard == CLICK
        assert [n.message for n in app._notifications] == [f"copied “{CLICK}”"]

        # clicking where the would-be link is shown must not quit
        view = app.reader.article_view
        column = TEXT.index(CLICK) + view.region.x + 1
        await pilot.click(offset=(column, view.region.y))
        await pilot.click("#entities", offset=(8, 4))
        await pilot.pause()
        assert app.is_running
    assert app.return_code is None

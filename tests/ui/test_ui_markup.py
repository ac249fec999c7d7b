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


# Titles and file names from outside: markup that would crash, act or link, and the
# controls that would reach the terminal (a title-setting OSC, a colour, a bidi override).
HOSTILE_TITLES = (
    "[/]",
    "[@click=app.quit]x[/]",
    "[link=file:///x]y[/]",
    "osc\x1b]0;pwned\x07title\x1b[31mred",
    "bidi\u202eevil",
)
# A file name cannot hold "/": these open tags act on all that follows them.
HOSTILE_FILE_NAMES = ("[@click=app.quit]x", "[link=https:x]y", "[b]bold", *HOSTILE_TITLES[3:])
SHOWN_AS = {"osc\x1b]0;pwned\x07title\x1b[31mred": "osctitlered", "bidi\u202eevil": "bidievil"}
CONTROLS = ("\x1b", "\x07", "\x9b", "\u202e")
BODY = "Ann Lee said so,\nand left.\n"  # no title line: a folder's article is named by its file


def hostile_folder(tmp_path) -> list[str]:
    """A folder of articles named by hostile strings (their titles fall back to the file name)."""
    from newsreader import article

    folder = tmp_path / "hostile"
    folder.mkdir()
    for index, name in enumerate(HOSTILE_FILE_NAMES):
        (folder / f"{index}{name}.txt").write_text(BODY, encoding="utf-8")
    return [str(p) for p in article.articles_in(folder)]


def hostile_feed() -> list:
    """Feed items whose titles came from the network as they are."""
    from dataclasses import replace

    return [
        replace(from_text(BODY, source=f"feed.xml#{i}"), title=title)
        for i, title in enumerate(HOSTILE_TITLES)
    ]


def one_person(doc, progress=None) -> Analysis:
    start = doc.text.index("Ann Lee")
    return Analysis(entities=(Entity("e1", "Ann Lee", "person", ((start, start + 7),)),))


def palette_rows(app) -> list[str]:
    from textual.command import CommandList

    return [option.prompt.plain for option in app.screen.query_one(CommandList).options]


async def open_palette(pilot, *typed: str) -> list[str]:
    """ctrl+p (and a query): the rows once the articles are listed."""
    await pilot.press("ctrl+p", *typed)
    for _ in range(100):
        await pilot.pause(0.02)
        rows = palette_rows(pilot.app)
        if sum(row.startswith("open ") for row in rows) >= len(pilot.app.articles):
            return rows
    raise AssertionError(f"the palette listed {palette_rows(pilot.app)}")


async def test_the_palette_shows_hostile_feed_titles_as_plain_text(started, make_app) -> None:
    items = hostile_feed()
    app = make_app(items[0], analyse=one_person, articles=items)
    async with started(app, size=(120, 40)) as pilot:
        for typed in ((), tuple("open")):  # the listing, then a search's own highlighting
            rows = await open_palette(pilot, *typed)  # "[/]" used to raise here
            for title in HOSTILE_TITLES:
                wanted = SHOWN_AS.get(title, title)
                assert any(row.startswith("open ") and wanted in row for row in rows), (wanted, rows)
            if typed:  # only the articles are listed: all on screen
                shown = screen_text(app)
                assert "[link=file:///x]y[/]" in shown and "[@click=app.quit]x[/]" in shown
                assert not any(c in shown for c in CONTROLS)
            await pilot.press("escape")
        assert app.is_running
    assert app.return_code is None


async def test_the_palette_names_a_folders_articles_by_their_file_names(started, make_app, tmp_path) -> None:
    from newsreader import article
    from newsreader.ui.commands import ReaderCommands

    paths = hostile_folder(tmp_path)
    app = make_app(article.load(paths[0]), analyse=one_person, articles=paths)
    async with started(app, size=(120, 40)) as pilot:
        names = [name for name, _, _ in ReaderCommands(app.screen).commands() if name.startswith("open ")]
        assert not any("built-in method" in name for name in names)
        for index, name in enumerate(HOSTILE_FILE_NAMES):
            assert f"{index}{SHOWN_AS.get(name, name)}.txt" in names[index]
        rows = await open_palette(pilot, *"open")
        assert not any(c in row for row in rows for c in CONTROLS)
        assert "[b]bold" in screen_text(app)
        assert not any(c in screen_text(app) for c in CONTROLS)
        await pilot.press("escape")
        assert app.is_running


async def test_a_hostile_file_name_reaches_the_header_without_controls(started, make_app, tmp_path) -> None:
    from newsreader import article

    named = next(p for p in hostile_folder(tmp_path) if "\x1b" in p)
    app = make_app(article.load(named), analyse=one_person)
    async with started(app, size=(160, 30)):
        title = app.reader.query_one("#title").render().plain
        assert "3osctitlered" in title  # the title, from the file name
        assert title.endswith("3osctitlered.txt")  # and the source
        assert not any(c in screen_text(app) for c in CONTROLS)


def test_a_line_from_outside_keeps_its_spacing_and_loses_its_controls() -> None:
    from newsreader.ui.plain_text import printable

    assert printable("/lu  1/2 · a\nb\tc", one_line=True) == "/lu  1/2 · a b c"
    assert printable("x\x1b[2Jy\u202ez\x9b1m") == "xyz"

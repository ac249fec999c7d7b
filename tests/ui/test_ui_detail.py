"""The detail view (`i`): a row's evidence in full, where the pane's line cuts it short.

Driven with Pilot on the frozen seed analysis; what the view must show is read from the
analysis itself (the entry's description, source, why and the other candidates).
"""

from __future__ import annotations

from test_ui_markup import screen_text
from ui_review_support import entity, status
from ui_waits import press_until

from newsreader.analysis.model import Analysis, Entity, Match, Quote
from newsreader.article import from_text
from newsreader.ui.detail import DetailScreen

SIZE = (80, 24)


def detail_text(app) -> str:
    assert isinstance(app.screen, DetailScreen), app.screen
    return app.screen.detail.plain


async def focus_pane(pilot, pane_id: str) -> None:
    await press_until(pilot, "tab", lambda: pilot.app.focused and pilot.app.focused.id == pane_id, pane_id)


async def test_i_on_a_cross_reference_row_shows_the_entry_its_why_and_the_other_candidates(
    started, make_app, seed, frozen_analysis
) -> None:
    yu = entity(frozen_analysis, "Yu Jun")
    assert len(yu.candidates) > 1, "the frozen seed offers Yu Jun more than one entry"
    chosen, others = yu.candidates[1], [yu.candidates[0], *yu.candidates[2:]]
    app = make_app(seed, frozen_analysis)
    async with started(app, size=SIZE) as pilot:
        await focus_pane(pilot, "xref")
        xref = app.reader.panes.xref
        assert xref.highlight_id(xref.row_id_of(yu.id, chosen))
        await pilot.press("i")
        shown = detail_text(app)
        assert chosen.name in shown and chosen.description in shown
        assert chosen.why in shown  # whole, never cut short
        assert f"source {chosen.source}" in shown
        assert f"{chosen.score:.0f} · {chosen.verdict}" in shown
        for other in others:
            assert f"{other.name}  {other.score:.0f} {other.verdict}" in shown
            assert other.why in shown

        await pilot.press("y")
        assert app.clipboard == chosen.source
        assert any("copied the source URL" in n.message for n in app._notifications)

        await pilot.press("escape")
        assert not isinstance(app.screen, DetailScreen)
        assert app.focused is xref  # back where the reviewer was


async def test_i_on_a_quote_row_shows_the_whole_quote_its_speaker_and_the_rule(
    started, make_app, seed, frozen_analysis
) -> None:
    index, quote = next((i, q) for i, q in enumerate(frozen_analysis.quotes) if q.speaker and q.speaker_span)
    speaker = frozen_analysis.entity(quote.speaker)
    app = make_app(seed, frozen_analysis)
    async with started(app, size=SIZE) as pilot:
        await focus_pane(pilot, "quotes")
        app.reader.panes.quotes.highlight_id(f"q{index}")
        await pilot.press("i")
        shown = detail_text(app)
        said = seed.text[quote.start : quote.end]
        assert said in shown
        assert f"speaker {speaker.name}" in shown
        assert f"rule {quote.rule}" in shown
        assert "words before the quote" in shown or "words after the quote" in shown
        await pilot.press("y")
        assert app.clipboard == said


async def test_i_in_the_article_shows_the_entity_under_the_cursor(
    started, make_app, seed, frozen_analysis
) -> None:
    app = make_app(seed, frozen_analysis)
    async with started(app, size=SIZE) as pilot:
        await pilot.press("right_square_bracket")
        here = app.reader.navigator.entity(app.reader.navigator.cursor.entity_id)
        await pilot.press("i")
        shown = detail_text(app)
        assert shown.startswith(f"{here.name}  {here.type}")
        for match in here.candidates:
            assert match.description in shown and match.source in shown
        await pilot.press("i")  # i closes it again
        assert app.screen is app.reader


async def test_the_detail_scrolls_with_the_reading_keys_at_80x24(
    started, make_app, seed, frozen_analysis
) -> None:
    index = max(
        range(len(frozen_analysis.quotes)),
        key=lambda i: frozen_analysis.quotes[i].end - frozen_analysis.quotes[i].start,
    )
    app = make_app(seed, frozen_analysis)
    async with started(app, size=(80, 12)) as pilot:
        await focus_pane(pilot, "quotes")
        app.reader.panes.quotes.highlight_id(f"q{index}")
        await pilot.press("i")
        body = app.screen.body
        assert body.max_scroll_y > 0, "a long quote in a short terminal scrolls"
        await pilot.press("G")
        assert body.scroll_y == body.max_scroll_y  # at once: no animation
        await pilot.press("g")
        assert body.scroll_y == 0


async def test_with_nothing_chosen_i_says_what_it_needs(started, make_app, seed, frozen_analysis) -> None:
    app = make_app(seed, frozen_analysis)
    async with started(app, size=SIZE) as pilot:
        await pilot.press("i")
        assert app.screen is app.reader
        assert status(app).startswith("i shows the details")


HOSTILE = "[@click=app.quit]x[/] \x1b]8;;file:///etc\x07link\x1b]8;;\x07 \u202eevil"


async def test_list_entries_reach_the_detail_as_plain_text_without_controls(started, make_app) -> None:
    text = "Ann Lee said it. Ann Lee left."
    match = Match("Ann Leigh", 70.0, "[/]", "maybe", HOSTILE, "person", HOSTILE, "https://x.org/[/]\x1b[31m")
    ann = Entity("e1", "Ann Lee", "person", ((0, 7), (17, 24)), candidates=(match,))
    app = make_app(
        from_text(text, source="s.txt"),
        Analysis(entities=(ann,), quotes=(Quote(0, 3, None, None, "", "term"),)),
    )
    async with started(app, size=SIZE) as pilot:
        await pilot.press("right_square_bracket", "i")
        shown = detail_text(app)
        assert "[@click=app.quit]x[/]" in shown  # as written: not an action
        assert "\x1b" not in shown and "\u202e" not in shown and "\x07" not in shown
        await pilot.press("y")
        assert app.clipboard == "https://x.org/[/]"
        await pilot.click("#detail-body", offset=(15, 3))
        await pilot.pause()
        assert app.is_running
        await pilot.press("escape")
        await focus_pane(pilot, "xref")  # the pane row and the status line quote the entry too
        shown = screen_text(app)
        assert "Ann Lee → Ann Leigh" in shown and "[@click=app.quit]x[/]" in shown
        assert not any(c in shown for c in ("\x1b", "\x07", "\u202e"))


async def test_the_detail_names_its_keys_as_remapped(started, make_app, seed, frozen_analysis) -> None:
    from newsreader.config import Config

    app = make_app(seed, frozen_analysis, config=Config(keys={"copy_source": "c", "close_detail": "x"}))
    async with started(app, size=SIZE) as pilot:
        await pilot.press("right_square_bracket", "i")
        said = str(app.screen.body.border_subtitle)
        assert said == "c copies the source URL · x closes", said
        await pilot.press("c")
        assert app.clipboard.startswith("https://")
        await pilot.press("x")
        assert app.screen is app.reader

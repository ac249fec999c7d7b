"""Every key of the reader, driven with Pilot on the seed article and its real analysis.

Expectations are read from the analysis (which mentions Xi Jinping has, which quote Small
said), so the tests follow improvements to the analysis instead of pinning its output.
The quote tests skip, saying so, if the analysis finds no quote by Small.
"""

from __future__ import annotations

import pytest
from textual import events
from textual.color import Color
from textual.command import CommandPalette
from textual.filter import Monochrome
from ui_waits import press_until

from newsreader.analysis.model import Analysis, Entity, Quote
from newsreader.article import Article
from newsreader.config import Config
from newsreader.ui.chrome import StatusLine
from newsreader.ui.help import HelpScreen
from newsreader.ui.keymap import check_keymap, hint
from newsreader.ui.messages import DecisionRequested
from newsreader.ui.panes import Pane

SIZE = (100, 30)


def entity(analysis: Analysis, name: str) -> Entity:
    return next(e for e in analysis.entities if e.name == name)


def all_starts(analysis: Analysis) -> list[int]:
    return sorted(s for e in analysis.entities for s, _ in e.mentions)


def status(app) -> str:
    return app.reader.query_one(StatusLine).text


def cursor_text(app, doc: Article) -> str:
    cursor = app.reader.navigator.cursor
    assert cursor is not None
    assert app.reader.article_view.cursor == (cursor.start, cursor.end)
    return doc.text[cursor.start : cursor.end]


def smalls_quote(doc: Article, analysis: Analysis) -> tuple[int, Quote]:
    for index, quote in enumerate(analysis.quotes):
        speaker = analysis.entity(quote.speaker or "")
        if speaker and speaker.name.endswith("Small") and "think" in doc.text[quote.start : quote.end]:
            return index, quote
    pytest.fail("the analysis no longer attributes a quote to Andrew Small (quotes.py): this test needs it")


async def type_search(pilot, query: str) -> None:
    await pilot.press("slash", *query, "enter")


async def test_brackets_visit_every_mention_in_text_order_and_wrap(
    started, make_app, seed, seed_analysis
) -> None:
    app = make_app(seed, seed_analysis)
    starts = all_starts(seed_analysis)
    async with started(app, size=SIZE) as pilot:
        await pilot.press("right_square_bracket")
        assert cursor_text(app, seed) == "Xi Jinping"
        assert app.reader.navigator.cursor.start == starts[0]
        await pilot.press("right_square_bracket", "right_square_bracket")
        assert app.reader.navigator.cursor.start == starts[2]
        await pilot.press("left_square_bracket", "left_square_bracket", "left_square_bracket")
        assert app.reader.navigator.cursor.start == starts[-1]
        assert status(app).endswith("(wrapped)")


async def test_n_visits_all_of_xi_jinpings_mentions_in_order_and_wraps(
    started, make_app, seed, seed_analysis
) -> None:
    xi = entity(seed_analysis, "Xi Jinping")
    app = make_app(seed, seed_analysis)
    async with started(app, size=SIZE) as pilot:
        await pilot.press("right_square_bracket")
        total = len(xi.mentions)
        for position, (start, _) in enumerate(xi.mentions, 1):
            assert app.reader.navigator.cursor.start == start
            assert status(app).startswith(f"Xi Jinping · person · {position}/{total}")
            await pilot.press("n")
        assert app.reader.navigator.cursor.start == xi.mentions[0][0]
        assert status(app) == f"Xi Jinping · person · 1/{total} (wrapped)"
        await pilot.press("N")
        assert app.reader.navigator.cursor.start == xi.mentions[-1][0]
        await pilot.press("N")
        assert app.reader.navigator.cursor.start == xi.mentions[-2][0]


async def test_vim_keys_and_arrows_scroll_the_article(started, make_app, seed, seed_analysis) -> None:
    app = make_app(seed, seed_analysis)
    async with started(app, size=SIZE) as pilot:
        view = app.reader.article_view
        await pilot.press("j", "down")
        assert view.scroll_y == 2
        await pilot.press("k")
        assert view.scroll_y == 1
        await pilot.press("up")
        assert view.scroll_y == 0
        await pilot.press("G")
        assert view.scroll_y == view.max_scroll_y > 0
        await pilot.press("g")
        assert view.scroll_y == 0
        await pilot.press("pagedown")
        assert view.scroll_y > 10
        await pilot.press("pageup")
        assert view.scroll_y == 0
        await pilot.press("end")
        assert view.scroll_y == view.max_scroll_y
        await pilot.press("home")
        assert view.scroll_y == 0


async def test_lists_move_with_vim_keys_and_arrows(started, make_app, seed, seed_analysis) -> None:
    app = make_app(seed, seed_analysis)
    async with started(app, size=SIZE) as pilot:
        await pilot.press("tab")
        pane = app.reader.panes.entities
        rows = [r.id for r in pane.rows if r.id]
        await pilot.press("j", "down")
        assert pane.highlighted_id == rows[2]
        await pilot.press("k", "up")
        assert pane.highlighted_id == rows[0]
        await pilot.press("G")
        assert pane.highlighted_id == rows[-1]
        await pilot.press("g")
        assert pane.highlighted_id == rows[0]


async def test_enter_on_an_entity_row_jumps_to_its_first_mention(
    started, make_app, seed, seed_analysis
) -> None:
    small = entity(seed_analysis, "Andrew Small")
    app = make_app(seed, seed_analysis)
    async with started(app, size=SIZE) as pilot:
        await pilot.press("tab")
        assert app.focused.id == "entities"
        await type_search(pilot, "small")
        assert app.reader.panes.entities.highlighted_id == small.id
        assert app.reader.article_view.highlights.marked_entity == small.id  # the row marks its mentions
        await pilot.press("enter")
        assert app.reader.navigator.cursor.start == small.mentions[0][0]
        assert app.focused is app.reader.article_view


async def test_n_in_the_entities_pane_steps_through_the_rows_entity(
    started, make_app, seed, seed_analysis
) -> None:
    putin = entity(seed_analysis, "Vladimir Putin")
    app = make_app(seed, seed_analysis)
    async with started(app, size=SIZE) as pilot:
        await pilot.press("tab")
        app.reader.panes.entities.highlight_id(putin.id)
        await pilot.pause()
        await pilot.press("n", "n")
        assert app.reader.navigator.cursor.start == putin.mentions[1][0]
        assert app.focused.id == "entities"


async def test_the_entities_pane_follows_the_cursor_once_the_keys_rest(
    started, make_app, seed, seed_analysis
) -> None:
    app = make_app(seed, seed_analysis)
    async with started(app, size=SIZE) as pilot:
        entities = app.reader.panes.entities
        await press_until(
            pilot,
            "right_square_bracket",
            lambda: (
                app.reader.navigator.cursor is not None
                and app.reader.navigator.entity_id != entities.highlighted_id
            ),
            "mention of another entity than the highlighted one",
        )
        await pilot.pause(0.4)
        assert entities.highlighted_id == app.reader.navigator.entity_id


async def test_s_on_smalls_quote_lands_on_small_and_the_jump_list_returns(
    started, make_app, seed, seed_analysis
) -> None:
    index, quote = smalls_quote(seed, seed_analysis)
    app = make_app(seed, seed_analysis)
    async with started(app, size=SIZE) as pilot:
        await pilot.press("tab", "tab")
        assert app.focused.id == "quotes"
        app.reader.panes.quotes.highlight_id(f"q{index}")
        await pilot.press("enter")
        on_quote = app.reader.navigator.cursor
        assert (on_quote.start, on_quote.end) == (quote.start, quote.end)
        await pilot.press("s")
        assert cursor_text(app, seed) == "Small"
        assert app.reader.navigator.cursor.start == quote.speaker_span[0]
        await pilot.press("ctrl+o")
        assert app.reader.navigator.cursor == on_quote
        await pilot.press("ctrl+i")
        assert cursor_text(app, seed) == "Small"
        await pilot.press("alt+left")
        assert app.reader.navigator.cursor == on_quote
        await pilot.press("alt+right")
        assert cursor_text(app, seed) == "Small"


async def test_s_from_the_quotes_pane_goes_straight_to_the_speaker(
    started, make_app, seed, seed_analysis
) -> None:
    index, quote = smalls_quote(seed, seed_analysis)
    app = make_app(seed, seed_analysis)
    async with started(app, size=SIZE) as pilot:
        await pilot.press("tab", "tab")
        await type_search(pilot, "think there")
        assert app.reader.panes.quotes.highlighted_id == f"q{index}"
        assert app.reader.article_view.highlights.marked_spans == [(quote.start, quote.end)]
        await pilot.press("s")
        assert cursor_text(app, seed) == "Small"


async def test_search_counts_hits_n_steps_and_escape_returns_to_the_entity(
    started, make_app, seed, seed_analysis
) -> None:
    hits = seed.text.lower().count("peace")
    app = make_app(seed, seed_analysis)
    async with started(app, size=SIZE) as pilot:
        await type_search(pilot, "peace")
        assert cursor_text(app, seed).lower() == "peace"
        assert status(app) == f"/peace  1/{hits}"
        await pilot.press("n", "n")
        assert status(app) == f"/peace  3/{hits}"
        await pilot.press("N")
        assert status(app) == f"/peace  2/{hits}"
        assert len(app.reader.article_view.highlights.marked_spans) == hits
        await pilot.press("ctrl+o")  # back to where N jumped from
        assert status(app) == f"/peace  3/{hits}"
        await pilot.press("escape")
        assert app.reader.navigator.search is None
        assert app.reader.article_view.highlights.marked_spans == []
        await pilot.press("right_square_bracket")
        followed = app.reader.navigator.cursor
        await pilot.press("n")
        assert app.reader.navigator.cursor.kind == "mention"
        assert app.reader.navigator.cursor.entity_id == followed.entity_id
        assert app.reader.navigator.cursor.start != followed.start


async def test_a_search_with_no_hit_says_so_and_keeps_the_cursor(
    started, make_app, seed, seed_analysis
) -> None:
    app = make_app(seed, seed_analysis)
    async with started(app, size=SIZE) as pilot:
        await pilot.press("right_square_bracket")
        await type_search(pilot, "zebra")
        assert status(app) == "no match for “zebra”"
        assert cursor_text(app, seed) == "Xi Jinping"
        await pilot.press("slash", "x", "escape")
        assert app.focused is app.reader.article_view
        assert not app.reader.query_one("#search").has_class("-open")


async def test_y_copies_the_mention_and_says_so(started, make_app, seed, seed_analysis) -> None:
    app = make_app(seed, seed_analysis)
    async with started(app, size=SIZE) as pilot:
        await pilot.press("y")
        assert status(app).startswith("nothing to copy")
        await pilot.press("right_square_bracket", "y")
        assert app.clipboard == "Xi Jinping"
        assert [n.message for n in app._notifications] == ["copied “Xi Jinping”"]


async def test_y_in_the_quotes_pane_copies_the_quote(started, make_app, seed, seed_analysis) -> None:
    index, quote = smalls_quote(seed, seed_analysis)
    app = make_app(seed, seed_analysis)
    async with started(app, size=SIZE) as pilot:
        await pilot.press("tab", "tab")
        app.reader.panes.quotes.highlight_id(f"q{index}")
        await pilot.press("y")
        assert app.clipboard == seed.text[quote.start : quote.end]


async def test_tab_and_shift_tab_go_round_the_panes(started, make_app, seed, seed_analysis) -> None:
    app = make_app(seed, seed_analysis)
    async with started(app, size=SIZE) as pilot:
        order = []
        for _ in range(4):
            await pilot.press("tab")
            order.append(app.focused.id)
        assert order == ["entities", "quotes", "xref", "article"]
        await pilot.press("shift+tab")
        assert app.focused.id == "xref"
        assert app.reader.query_one("#xref").display  # the one pane shown on a short screen


async def test_tabs_typed_in_one_burst_each_move_the_focus(started, make_app, seed, seed_analysis) -> None:
    app = make_app(seed, seed_analysis)
    async with started(app, size=SIZE) as pilot:
        for _ in range(3):  # queued before any focus change lands, as over a slow link
            app.post_message(events.Key("tab", "\t"))
        await pilot.pause()
        await pilot.pause()
        assert app.focused.id == "xref"


async def test_a_search_typed_right_after_tab_searches_the_pane_tab_went_to(
    started, make_app, seed, seed_analysis
) -> None:
    small = entity(seed_analysis, "Andrew Small")
    app = make_app(seed, seed_analysis)
    async with started(app, size=SIZE) as pilot:
        for key, char in [("tab", "\t"), ("slash", "/")]:  # one burst, as over a slow link
            app.post_message(events.Key(key, char))
        await pilot.pause()
        await pilot.press(*"small", "enter")
        assert app.reader.panes.entities.highlighted_id == small.id
        # whichever message lands last, the status says the row and which hit it is
        count = len(small.mentions)
        assert status(app) == f"/small  1/1 · Andrew Small · person · {count} mentions · enter shows it"


async def test_panes_start_on_a_row_not_on_a_heading(started, make_app, seed, seed_analysis) -> None:
    app = make_app(seed, seed_analysis)
    async with started(app, size=SIZE):
        for pane in app.reader.query(Pane):
            assert pane.highlighted_id is not None, pane.id
            assert pane.highlighted_id == next(r.id for r in pane.rows if r.id)


async def test_help_lists_every_key_and_closes(started, make_app, seed, seed_analysis) -> None:
    from newsreader.ui import keys

    app = make_app(seed, seed_analysis)
    async with started(app, size=SIZE) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = app.screen.text().plain
        for _, bindings in keys.HELP_SECTIONS:
            for binding in bindings:
                assert hint(binding.tooltip, {}) in text
                assert app.screen.shown_keys(binding) in text
        for shown in ("]", "[", "n", "N", "s", "^o, alt+←", "^i, alt+→", "/", "y", "tab", "?", "^p", "q"):
            assert f"  {shown} " in text, shown
        await pilot.press("escape")
        assert app.screen is app.reader


async def test_the_palette_runs_reader_actions_and_switches_themes(
    started, make_app, seed, seed_analysis
) -> None:
    app = make_app(seed, seed_analysis)
    async with started(app, size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"next mention of any", "enter")
        await pilot.pause()
        assert cursor_text(app, seed) == "Xi Jinping"
        await pilot.press("ctrl+p", *"theme: high", "enter")
        await pilot.pause()
        assert app.theme == "high-contrast"


async def test_q_quits_with_status_zero(started, make_app, seed, seed_analysis) -> None:
    app = make_app(seed, seed_analysis)
    async with started(app, size=SIZE) as pilot:
        await pilot.press("q")
    assert app.return_code == 0


async def test_t_shows_one_type_at_a_time(started, make_app, seed, seed_analysis) -> None:
    people = [e.id for e in seed_analysis.entities if e.type == "person"]
    app = make_app(seed, seed_analysis)
    async with started(app, size=SIZE) as pilot:
        await pilot.press("tab", "t")
        pane = app.reader.panes.entities
        shown = [r.id for r in pane.rows if r.id]
        assert sorted(shown) == sorted(people)
        counts = [len(seed_analysis.entity(i).mentions) for i in shown]
        assert counts == sorted(counts, reverse=True)  # most mentioned first
        assert str(pane.border_title) == f"Entities {len(people)} · person"
        for _ in pane.types():
            await pilot.press("t")
        assert pane.type_filter is None


async def test_decisions_mark_rows_in_both_panes_and_undo_takes_them_back(
    started, make_app, seed, seed_analysis
) -> None:
    lu = entity(seed_analysis, "Lu Shai")
    assert lu.candidates, "the analysis no longer offers a cross-reference candidate for Lu Shai (xref.py)"
    messages: list[DecisionRequested] = []

    def hook(message) -> None:  # sees a message at every node it bubbles through
        if isinstance(message, DecisionRequested) and all(m is not message for m in messages):
            messages.append(message)

    app = make_app(seed, seed_analysis)
    async with started(app, size=SIZE, message_hook=hook) as pilot:
        await pilot.press("tab", "tab", "tab")
        xref = app.reader.panes.xref
        xref.highlight_id(f"c:{lu.id}:0")
        await pilot.press("a")
        assert [m.decision.verdict for m in messages] == ["accept"]
        assert messages[0].decision.subject.entity_id == lu.id
        row = next(r for r in xref.rows if r.id == f"c:{lu.id}:0")
        assert row.prompt.plain.startswith("✔ ")
        entity_row = next(r for r in app.reader.panes.entities.rows if r.id == lu.id)
        assert entity_row.prompt.plain.startswith("✔ ")
        assert status(app) == "accepted Lu Shaye (bundled) for Lu Shai · u undoes"
        await pilot.press("x")
        assert next(r for r in xref.rows if r.id == f"c:{lu.id}:0").prompt.plain.startswith("✘ ")
        await pilot.press("z")
        assert next(r for r in xref.rows if r.id == f"c:{lu.id}:0").prompt.plain.startswith("~ ")
        assert status(app).startswith("marked unsure Lu Shaye (bundled) for Lu Shai")
        await pilot.press("u", "u", "u")
        assert next(r for r in xref.rows if r.id == f"c:{lu.id}:0").prompt.plain.startswith("  ")
        await pilot.press("u")
        assert status(app) == "no decision to undo"
        assert xref.highlighted_id == f"c:{lu.id}:0"  # rebuilding rows keeps the place


async def test_decisions_are_asked_for_only_where_there_is_a_match(
    started, make_app, seed, seed_analysis
) -> None:
    unlisted = next((e for e in seed_analysis.entities if not e.reference and not e.candidates), None)
    app = make_app(seed, seed_analysis)
    async with started(app, size=SIZE) as pilot:
        await pilot.press("tab", "tab")  # the Quotes pane: `a` is not bound there
        before = status(app)
        await pilot.press("a")
        assert status(app) == before
        await app.reader.run_action("decide('accept')")  # as the command palette would
        assert status(app) == "decide on a row of the Entities or Cross-reference pane"
        if unlisted is not None:
            await pilot.press("shift+tab")
            app.reader.panes.entities.highlight_id(unlisted.id)
            await pilot.press("a")
            assert status(app) == "this row has no match to decide on"


async def test_keys_can_be_remapped_and_a_bad_name_is_reported(
    started, make_app, seed, seed_analysis
) -> None:
    config = Config(keys={"next_mention": "l", "quit": "ctrl+hyperspace"})
    app = make_app(seed, seed_analysis, config=config)
    async with started(app, size=SIZE) as pilot:
        await pilot.press("right_square_bracket")
        assert app.reader.navigator.cursor is None
        await pilot.press("l")
        assert cursor_text(app, seed) == "Xi Jinping"
        assert any("ctrl+hyperspace" in n.message for n in app._notifications)
        await pilot.press("q")  # the default stays
    assert app.return_code == 0


async def test_a_remap_that_takes_another_actions_key_is_reported_and_not_applied(
    started, make_app, seed, seed_analysis
) -> None:
    app = make_app(seed, seed_analysis, config=Config(keys={"quit": "j", "help": "shift+h"}))
    async with started(app, size=SIZE) as pilot:
        said = [n.message for n in app._notifications]
        assert any("quit = 'j' would take j from" in m and "keeping the default" in m for m in said), said
        assert any("help = 'shift+h': terminals do not send it" in m for m in said), said
        await pilot.press("j")  # still scrolls, and the reader is still running
        assert app.is_running
        await pilot.press("q")  # the default stays
    assert app.return_code == 0


def test_remaps_that_swap_keys_or_use_free_ones_are_applied() -> None:
    good, problems = check_keymap({"next_mention": "l", "next_pane": "ctrl+n", "jump_back": "ctrl+o,ctrl+b"})
    assert good == {"next_mention": "l", "next_pane": "ctrl+n", "jump_back": "ctrl+o,ctrl+b"}
    assert problems == []
    # a swap is fine once both are applied: neither key is held twice
    good, problems = check_keymap({"accept": "x", "reject": "a"})
    assert good == {"accept": "x", "reject": "a"} and problems == []
    # a key taken where the other binding is not in force: the detail view has no note key
    good, problems = check_keymap({"copy_source": "c"})
    assert good == {"copy_source": "c"} and problems == []
    # the article list is a place of its own: its sort key cannot take quit's
    good, problems = check_keymap({"list_sort": "q"})
    assert good == {} and "in the article list" in problems[0]
    # "?" and question_mark are one key
    good, problems = check_keymap({"search": "question_mark"})
    assert good == {} and "would take question_mark from help" in problems[0]


def test_keys_no_terminal_sends_are_refused_with_the_reason() -> None:
    for key in ("shift+a", "ctrl+1", "ctrl+shift+x", "super+s", "meta+x", "alt+Q", "ctrl+enter", "f20"):
        good, problems = check_keymap({"note": key})
        assert good == {} and "terminals do not send it" in problems[0], (key, problems)
    for key in ("A", "ctrl+x", "alt+x", "alt+shift+x", "shift+down", "ctrl+up", "f5", "ctrl+space"):
        good, problems = check_keymap({"note": key})
        assert good == {"note": key}, (key, problems)


async def test_hints_and_messages_name_the_keys_as_remapped(started, make_app, seed, seed_analysis) -> None:
    remap = {
        "undo": "U",
        "accept": "A",
        "jump_to_text": "o",
        "next_mention": "l",
        "help": "H",
        "cancel_dialog": "ctrl+g",
        "cancel_search": "ctrl+g",
    }
    app = make_app(seed, seed_analysis, config=Config(keys=remap))
    async with started(app, size=SIZE) as pilot:
        assert status(app) == "l goes to the first name, H lists every key"
        await pilot.press("tab", "tab", "tab")  # the cross-reference pane: a candidate row
        said = status(app)
        assert "· A accepts, x rejects, z unsure" in said, said
        await pilot.press("A")
        assert status(app).endswith("· U undoes"), status(app)
        await pilot.press("shift+tab", "shift+tab")  # Entities
        assert status(app).endswith("· o shows it"), status(app)
        await pilot.press("H")
        help_text = app.screen.text().plain
        assert "  U " in help_text and "  A " in help_text
        for default in (" a accepts", " u undoes", "] goes to"):
            assert default not in help_text
        await pilot.press("escape", "slash")  # the search field's placeholder
        assert app.reader.search_bar.placeholder.endswith("(enter to search, ctrl+g to cancel)")
        await pilot.press("ctrl+g", "T")  # a dialog's hint too
        shown = str(app.screen.query_one(".dialog-hint").render())
        assert shown.endswith("ctrl+g cancels") and "esc" not in shown, shown
        await pilot.press("ctrl+g")
        assert app.screen is app.reader


async def test_no_color_shows_cues_in_the_terminals_own_colours(
    started, make_app, seed, seed_analysis, monkeypatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(seed, seed_analysis)
    async with started(app, size=SIZE) as pilot:
        assert app.theme == "mono"
        await pilot.press("right_square_bracket")
        segments = list(app.reader.article_view.render_line(0))
        for line_filter in app.get_line_filters():
            segments = line_filter.apply(segments, Color(0, 0, 0))
        xi = next(s for s in segments if s.text == "Xi Jinping")
        assert xi.style.bold and xi.style.reverse  # the cues stay
        assert all(s.style.color.is_default and s.style.bgcolor.is_default for s in segments)
        app.theme = "dark"  # a colour theme is shown in greys instead
        await pilot.pause()
        assert any(isinstance(f, Monochrome) for f in app.get_line_filters())


async def test_resizing_rewraps_and_switches_between_tabs_and_stacked_panes(
    started, make_app, seed, seed_analysis
) -> None:
    app = make_app(seed, seed_analysis)
    async with started(app, size=(200, 60)) as pilot:
        view = app.reader.article_view
        panes = list(app.reader.query(Pane))
        assert all(p.region.height > 5 for p in panes)
        assert not app.reader.query_one("#pane-tabs").display
        await pilot.press("G")
        await pilot.press(*["right_square_bracket"] * 60)
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert view.wrapped.width == view.text_width < 60
        assert [p.id for p in panes if p.region.height] == ["entities"]
        assert app.reader.query_one("#pane-tabs").display
        cursor_line = view.line_of(app.reader.navigator.cursor.start)
        assert view.scroll_y <= cursor_line < view.scroll_y + view.scrollable_content_region.height
        text = [view.render_line(y).text.rstrip() for y in range(view.scrollable_content_region.height)]
        assert all(len(line.strip()) <= view.wrapped.width for line in text)
        await pilot.resize_terminal(200, 60)
        await pilot.pause()
        assert all(p.region.height > 5 for p in panes)


async def test_the_reading_keys_jump_without_an_animation(started, make_app, seed, seed_analysis) -> None:
    """Each of G g space pgup moves the view in one step (an animation takes dozens of
    repaints, slow over a remote link); in the article and in a pane alike."""
    app = make_app(seed, seed_analysis)
    steps: list[float] = []  # the values scroll_y took
    async with started(app, size=(80, 24)) as pilot:
        for widget_id, keys_pressed in (
            ("article", ("G", "g", "space", "pagedown", "pageup")),
            ("entities", ("G", "g")),
        ):
            await press_until(pilot, "tab", lambda wanted=widget_id: app.focused.id == wanted, widget_id)
            widget = app.focused
            steps.clear()
            widget.watch(widget, "scroll_y", lambda y: steps.append(y), init=False)
            for key in keys_pressed:
                before = len(steps)
                await pilot.press(key)
                assert len(steps) - before <= 1, (widget_id, key, steps[before:])
            assert steps, f"{widget_id} never scrolled"


async def test_the_side_pane_narrows_with_the_terminal_and_the_article_stays_readable(
    started, make_app, seed, seed_analysis
) -> None:
    app = make_app(seed, seed_analysis)
    async with started(app, size=(80, 24)) as pilot:
        view, column = app.reader.article_view, app.reader.query_one("#panes")
        wide = column.region.width
        for columns in (60, 40):
            await pilot.resize_terminal(columns, 24)
            await pilot.pause()
            assert column.region.width < wide  # the panes give way
            assert view.region.width >= columns // 2, (columns, view.region.width)
            assert view.wrapped.width >= columns // 2 - 2  # text wraps to a usable line
            wide = column.region.width


async def test_a_pane_search_that_finds_nothing_says_so_until_the_next_key(
    started, make_app, seed, seed_analysis
) -> None:
    app = make_app(seed, seed_analysis)
    async with started(app, size=SIZE) as pilot:
        await pilot.press("tab", "slash", *"zzqq", "enter")
        for _ in range(5):  # the pane takes the focus back and announces its row meanwhile
            await pilot.pause()
        assert status(app) == "no row contains “zzqq”"
        await pilot.press("j")
        assert status(app).startswith(app.reader.navigator.entity(app.focused.highlighted_id).name)

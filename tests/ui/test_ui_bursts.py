"""Keys that arrive in one burst (a slow SSH link, or fast typing) go where they were aimed.

Each burst is handed to the driver at once, as a terminal delivers it, with no pause for
the dialog to mount; the decision the store then holds is the one the keys spell.
"""

from __future__ import annotations

from typing import Any

from ui_review_support import SIZE, entity, status, stored

KEY_NAMES = {"/": "slash", " ": "space", "\r": "enter", "\x1b": "escape"}


async def burst(pilot: Any, typed: str) -> None:
    """Send `typed` ("\\r" is enter) to the app in one go, then let it settle."""
    from textual import events

    app = pilot.app
    for char in typed:
        name = KEY_NAMES.get(char, char)
        event = events.Key(name, None if name in ("enter", "escape") else char)
        event.set_sender(app)
        app._driver.send_message(event)
    for _ in range(6):
        await pilot.pause(0.05)


async def on_entity_row(pilot: Any, name: str) -> None:
    app = pilot.app
    await pilot.press("tab")
    entities = app.reader.panes.entities
    assert entities.highlight_id(entity(app.reader.analysis, name).id)


async def test_a_merge_typed_in_one_burst_merges_the_entity_it_names(
    started, make_app, seed, frozen_analysis
) -> None:
    app = make_app(seed, frozen_analysis)
    async with started(app, size=SIZE) as pilot:
        await on_entity_row(pilot, "CCTV")
        await burst(pilot, "Mtwit\r")
        assert app.screen is app.reader
        assert status(app) == "merged Twitter into CCTV · u undoes"
    assert stored(seed, frozen_analysis) == ["merged Twitter into CCTV"]


async def test_a_speaker_typed_in_one_burst_is_the_one_named(
    started, make_app, seed, frozen_analysis
) -> None:
    index, quote = next(
        (i, q) for i, q in enumerate(frozen_analysis.quotes) if q.speaker is None and q.kind == "statement"
    )
    app = make_app(seed, frozen_analysis)
    async with started(app, size=SIZE) as pilot:
        await pilot.press("tab", "tab")
        app.reader.panes.quotes.highlight_id(f"q{index}")
        await burst(pilot, "wxi\r")
        assert app.reader.analysis.quotes[index].speaker == entity(frozen_analysis, "Xi Jinping").id
    where = f"{quote.start}–{quote.end}"
    assert stored(seed, frozen_analysis) == [f"set the speaker of the quote at {where} to Xi Jinping"]


async def test_a_type_and_then_a_status_in_one_burst_are_both_recorded(
    started, make_app, seed, frozen_analysis
) -> None:
    """Keys after the first dialog's enter wait for it to close, then open the next one."""
    app = make_app(seed, frozen_analysis)
    async with started(app, size=SIZE) as pilot:
        await on_entity_row(pilot, "Telegram")
        await burst(pilot, "Tpla\rSflag\r")
        assert app.screen is app.reader
    assert stored(seed, frozen_analysis) == ["typed Telegram as place", "set the status to flagged"]


async def test_a_note_typed_in_one_burst_keeps_every_letter_and_no_more(
    started, make_app, seed, frozen_analysis
) -> None:
    app = make_app(seed, frozen_analysis)
    async with started(app, size=SIZE) as pilot:
        await burst(pilot, "ccheck the date\rj")  # the j after enter scrolls; it is not a letter of the note
        assert app.screen is app.reader
    assert stored(seed, frozen_analysis) == ["noted on the article: check the date"]


async def test_a_burst_that_matches_nothing_chooses_nothing(started, make_app, seed, frozen_analysis) -> None:
    """Enter on "nothing matches" keeps the dialog open; esc then closes it, recording nothing."""
    app = make_app(seed, frozen_analysis)
    async with started(app, size=SIZE) as pilot:
        await on_entity_row(pilot, "CCTV")
        await burst(pilot, "Mzzzz\r")
        assert app.screen is not app.reader  # still open, showing that nothing matches
        await burst(pilot, "\x1b")
        assert app.screen is app.reader
    assert stored(seed, frozen_analysis) == []


async def test_a_search_typed_in_one_burst_searches_for_it(started, make_app, seed, frozen_analysis) -> None:
    """ "/lu shai" + enter from the Cross-reference pane: the search, not the pane's keys
    (the 'a' of "shai" would accept the highlighted match)."""
    app = make_app(seed, frozen_analysis)
    async with started(app, size=SIZE) as pilot:
        await pilot.press("tab", "tab", "tab")
        xref = app.reader.panes.xref
        await burst(pilot, "/lu shai\r")
        assert xref.search_query == "lu shai"
        assert xref.matches and xref.highlighted in xref.matches
        assert "Lu Shai" in xref.rows[xref.highlighted].words
    assert stored(seed, frozen_analysis) == []


async def test_a_key_after_a_search_in_the_same_burst_acts_on_the_row_found(
    started, make_app, seed, frozen_analysis
) -> None:
    """ "/lu shai" + enter + a: the search moves the cursor first, then a accepts that row."""
    app = make_app(seed, frozen_analysis)
    async with started(app, size=SIZE) as pilot:
        await pilot.press("tab", "tab", "tab")
        await burst(pilot, "/lu shai\ra")
    decided = stored(seed, frozen_analysis)
    assert len(decided) == 1 and "Lu Shai" in decided[0] and decided[0].startswith("accepted"), decided

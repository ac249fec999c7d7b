"""The review keys and their dialogs: d T M X w c S, and u taking each back.

Driven with Pilot on the seed (its real analysis where a test needs what the analysis
finds today, the frozen one otherwise); every change is read back from the store.
"""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Input, OptionList
from ui_review_support import SIZE, entity, row, rows_named, status, stored

from newsreader.analysis.model import Analysis, Entity, Match, MergeSuggestion, Quote
from newsreader.article import from_text
from newsreader.review.overlay import overlay
from newsreader.ui.dialogs.chooser import Chooser
from newsreader.ui.dialogs.entity_type import TypeDialog
from newsreader.ui.dialogs.merge import MergeDialog
from newsreader.ui.dialogs.note import NoteDialog
from newsreader.ui.dialogs.speaker import SpeakerDialog
from newsreader.ui.dialogs.status import StatusDialog


def heading_of(pane, row_id: str) -> str:
    """The heading a row is listed under."""
    rows = pane.rows[: pane.rows.index(row(pane, row_id))]
    return next(r.prompt.plain for r in reversed(rows) if r.heading)


def dialog_title(app) -> str:
    """The open dialog's title as shown (the widget hands it out as markup)."""
    return Content.from_markup(app.screen.query_one(".dialog").border_title).plain


def opening_words(said: str) -> str:
    """How messages name a quote: its first four words, inside its quote marks."""
    words = said.strip('"“” ').split()
    return " ".join(words[:4]) + ("…" if len(words) > 4 else "")


def choice_ids(app) -> list[str]:
    return [o.id for o in app.screen.query_one(OptionList).options if o.id]


async def test_d_visits_every_undecided_item_in_reading_order_and_wraps(
    started, make_app, seed, seed_analysis
) -> None:
    pending = overlay(seed.text, seed_analysis, []).pending
    assert pending, "the seed has something to decide"
    app = make_app(seed, seed_analysis)
    async with started(app, size=SIZE) as pilot:
        for number, item in enumerate([*pending, pending[0]], 1):
            await pilot.press("d")
            cursor = app.reader.navigator.cursor
            assert cursor.start == item.offset
            said = status(app)
            assert said.startswith(f"to decide {(number - 1) % len(pending) + 1}/{len(pending)} · "), said
            if item.kind == "candidate":
                assert app.focused.id == "xref"
                subject = app.reader.panes.xref.subject()
                assert (subject.entity_id, subject.candidate) == (item.entity_id, item.candidate.name)
            elif item.kind == "merge":
                subject = app.reader.panes.xref.subject()
                assert {subject.entity_id, subject.candidate} == {item.entity_id, item.other_entity}
            else:
                assert app.focused.id == "quotes"
                quote = app.reader.navigator.quotes[app.reader.panes.quotes.highlighted_quote]
                assert (quote.start, quote.end) == (item.quote.start, item.quote.end)


# One of each thing to decide, placed out of list order: a match spelt otherwise than the
# text (the analysis accepted it, the reviewer has not), a maybe, two names that may be
# one, and a statement nobody is named for; not a plain same-name match, nor a term in scare quotes.
QUEUE_TEXT = (
    "Ann Lee spoke first. “We will wait,” someone said. Lu Shai, the envoy, came later; "
    "Kim Dae met him about a “peace plan”. Mr Lee and Ann Lee left, and Kim Dae stayed."
)


def queue_analysis() -> Analysis:
    def at(name: str, nth: int = 0) -> tuple[int, int]:
        start = -1
        for _ in range(nth + 1):
            start = QUEUE_TEXT.index(name, start + 1)
        return start, start + len(name)

    shaye = Match("Lu Shaye", 85.0, "bundled", "same", "shai/shaye", "person", "envoy", "https://w/Lu")
    kim = Match("Kim Dae-jung", 60.0, "bundled", "maybe", "one part more", "person")
    same = Match("Ann Lee", 100.0, "bundled", "same", "same name", "person")
    entities = (
        Entity(
            "e1", "Ann Lee", "person", (at("Ann Lee"), at("Ann Lee", 1)), reference=same, candidates=(same,)
        ),
        Entity("e2", "Lu Shai", "person", (at("Lu Shai"),), reference=shaye, candidates=(shaye,)),
        Entity("e3", "Kim Dae", "person", (at("Kim Dae"), at("Kim Dae", 1)), candidates=(kim,)),
        Entity("e4", "Mr Lee", "person", (at("Mr Lee"),)),
    )
    start = QUEUE_TEXT.index("“")
    quote = Quote(start, QUEUE_TEXT.index("”") + 1, None, "said", "unnamed", "statement")
    term = Quote(QUEUE_TEXT.index("“peace"), QUEUE_TEXT.index("plan”") + 5, None, None, "unknown", "term")
    return Analysis(
        entities=entities, quotes=(quote, term), merges=(MergeSuggestion("e4", "e1", 80.0, "Lee"),)
    )


def undecided_rows(app) -> list[str]:
    """What the panes show as undecided: the To check rows with no decision mark, and the
    quotes whose speaker is "? unknown"."""
    xref = app.reader.panes.xref
    listed, rows = False, []
    for shown in xref.rows:
        if shown.heading:
            listed = shown.prompt.plain.startswith("To check")
        elif listed and shown.prompt.plain[0] == " ":
            rows.append(shown.id)
    quotes = app.reader.panes.quotes
    return rows + [r.id for r in quotes.rows if r.id and "? unknown" in r.prompt.plain]


async def test_d_and_the_header_count_every_undecided_row_the_panes_show_in_reading_order(
    started, make_app
) -> None:
    doc = from_text(QUEUE_TEXT, source="queue.txt")
    app = make_app(doc, queue_analysis())
    async with started(app, size=SIZE) as pilot:
        wanted = undecided_rows(app)
        assert len(wanted) == 4  # Lu Shaye, Kim Dae-jung, the merge, the statement (not the term)
        assert f"{len(wanted)} to decide" in str(app.reader.query_one("#counts").render())
        visited, offsets = [], []
        for _ in wanted:
            await pilot.press("d")
            visited.append(app.focused.highlighted_id)
            offsets.append(app.reader.navigator.cursor.start)
        assert sorted(visited) == sorted(wanted)
        assert offsets == sorted(offsets)  # by position in the article
        assert visited[0] == "m:0"  # "Mr Lee ↔ Ann Lee" is at Ann Lee's first mention
        await pilot.press("d")
        assert app.focused.highlighted_id == visited[0]  # round again


async def test_a_row_gone_after_a_decision_leaves_the_cursor_at_its_place_not_the_top(
    started, make_app
) -> None:
    app = make_app(from_text(QUEUE_TEXT, source="queue.txt"), queue_analysis())
    async with started(app, size=SIZE) as pilot:
        await pilot.press("tab", "tab", "tab")
        xref = app.reader.panes.xref
        place = [r.id for r in xref.rows].index("m:0")
        xref.highlight_id("m:0")
        await pilot.press("a")  # the merge is made: its row goes
        assert "m:0" not in [r.id for r in xref.rows]
        first = next(r.id for r in xref.rows if r.id)
        assert xref.highlighted_id != first
        assert xref.highlighted >= place - 1  # the row that took its place (past a heading)
        await pilot.press("u")  # the merge is undone: the row comes back, the cursor stays
        assert xref.highlighted_id not in (None, first)


async def test_deciding_what_d_shows_until_all_is_decided(started, make_app, seed, seed_analysis) -> None:
    pending = overlay(seed.text, seed_analysis, []).pending
    app = make_app(seed, seed_analysis)
    async with started(app, size=SIZE) as pilot:
        for item in pending:
            await pilot.press("d")
            if item.kind in ("candidate", "merge"):
                await pilot.press("x")
            else:
                await pilot.press("w", *"nobody", "enter")
            assert status(app).endswith("· u undoes")
        await pilot.press("d")
        assert status(app) == "all decided"
        assert "to decide" not in str(app.reader.query_one("#counts").render())
    assert len(stored(seed, seed_analysis)) == len(pending)


async def test_T_changes_the_type_with_a_chooser_and_takes_new_words(
    started, make_app, seed, frozen_analysis
) -> None:
    telegram = entity(frozen_analysis, "Telegram")
    app = make_app(seed, frozen_analysis)
    async with started(app, size=SIZE) as pilot:
        await pilot.press("tab", "slash", *"telegram", "enter", "T")
        assert isinstance(app.screen, TypeDialog)
        assert choice_ids(app)[:4] == ["person", "organization", "place", "group"]
        assert app.screen.query_one(OptionList).highlighted_option.id == "organization"  # now
        await pilot.press(*"pla", "enter")
        assert app.screen is app.reader
        assert status(app) == "typed Telegram as place · u undoes"
        entities = app.reader.panes.entities
        assert heading_of(entities, telegram.id).startswith("Places")
        assert app.reader.analysis.entity(telegram.id).type == "place"
        assert row(entities, telegram.id).prompt.plain.startswith("* ")  # changed by the reviewer

        await pilot.press("T", *"Event", "enter")  # a word of one's own, lower-cased
        assert status(app) == "typed Telegram as event · u undoes"
        assert heading_of(entities, telegram.id) == "Event 1"

        await pilot.press("T", *"News Agency", "enter")  # two words: one type for the store
        assert status(app) == "typed Telegram as news-agency · u undoes"

        await pilot.press("T", "escape")  # cancelled: nothing recorded
        assert app.screen is app.reader
    assert stored(seed, frozen_analysis) == [
        "typed Telegram as place",
        "typed Telegram as event",
        "typed Telegram as news-agency",
    ]


async def test_M_merges_an_entity_of_the_same_type_chosen_by_typing(
    started, make_app, seed, frozen_analysis
) -> None:
    ukraine, kiev = entity(frozen_analysis, "Ukraine"), entity(frozen_analysis, "Kiev")
    app = make_app(seed, frozen_analysis)
    async with started(app, size=SIZE) as pilot:
        await pilot.press("tab", "slash", *"ukraine", "enter")
        assert app.reader.panes.entities.highlighted_id == ukraine.id
        await pilot.press("M")
        assert isinstance(app.screen, MergeDialog)
        offered = choice_ids(app)
        assert ukraine.id not in offered and kiev.id in offered
        assert all(frozen_analysis.entity(i).type == "place" for i in offered)
        await pilot.press(*"kie")
        assert choice_ids(app) == [kiev.id]
        await pilot.press("enter")
        assert status(app) == "merged Kiev into Ukraine · u undoes"
        merged = app.reader.analysis.entity(ukraine.id)
        assert set(kiev.mentions) <= set(merged.mentions)
        assert app.reader.analysis.entity(kiev.id) is None
        await pilot.press("u")
        assert app.reader.analysis.entity(kiev.id) is not None
    assert stored(seed, frozen_analysis) == []


async def test_X_splits_the_mention_under_the_cursor_off(started, make_app, seed, frozen_analysis) -> None:
    xi = entity(frozen_analysis, "Xi Jinping")
    second = xi.mentions[1]
    app = make_app(seed, frozen_analysis)
    async with started(app, size=SIZE) as pilot:
        await pilot.press("X")
        assert status(app).startswith("X splits the mention under the cursor")
        await pilot.press("right_square_bracket", "n", "X")
        assert status(app) == "split “Xi Jinping” off its entity · u undoes"  # named, not offsets
        cursor = app.reader.navigator.cursor
        assert (cursor.start, cursor.end) == second and cursor.entity_id != xi.id  # on the new entity
        assert len(app.reader.analysis.entity(xi.id).mentions) == len(xi.mentions) - 1
        assert len(rows_named(app.reader.panes.entities, "Xi Jinping")) == 2
        await pilot.press("X")
        assert status(app) == "“Xi Jinping” is an entity of its own already (T changes its type)"
    assert stored(seed, frozen_analysis) == [f"split “Xi Jinping” at {second[0]}–{second[1]} off its entity"]


async def test_w_sets_and_clears_the_speaker_of_a_quote(started, make_app, seed, frozen_analysis) -> None:
    index, quote = next(
        (i, q) for i, q in enumerate(frozen_analysis.quotes) if q.speaker is None and q.kind == "statement"
    )
    putin = entity(frozen_analysis, "Vladimir Putin")
    app = make_app(seed, frozen_analysis)
    async with started(app, size=SIZE) as pilot:
        await pilot.press("tab", "tab")
        quotes = app.reader.panes.quotes
        quotes.highlight_id(f"q{index}")
        await pilot.press("w")
        assert isinstance(app.screen, SpeakerDialog)
        offered = choice_ids(app)
        assert offered[0] == "-"  # nobody named, first
        assert {frozen_analysis.entity(i).type for i in offered[1:]} <= {"person", "organization"}
        await pilot.press(*"putin", "enter")
        where = f"{quote.start}–{quote.end}"
        named = f"the quote “{opening_words(seed.text[quote.start : quote.end])}”"
        assert status(app) == f"set the speaker of {named} to Vladimir Putin · u undoes"
        shown = row(quotes, f"q{index}").prompt.plain
        assert shown.startswith("* Vladimir Putin")
        assert app.reader.analysis.quotes[index].speaker == putin.id

        await pilot.press("w")
        assert app.screen.query_one(OptionList).highlighted_option.id == putin.id  # the speaker now
        await pilot.press("down")
        await pilot.press("escape")
        await pilot.press("w", *"nobody", "enter")
        assert row(quotes, f"q{index}").prompt.plain.startswith("* – nobody named")
    assert stored(seed, frozen_analysis) == [
        f"set the speaker of the quote at {where} to Vladimir Putin",
        f"set the speaker of the quote at {where} to nobody named",
    ]


async def test_w_outside_a_quote_says_what_it_needs(started, make_app, seed, frozen_analysis) -> None:
    app = make_app(seed, frozen_analysis)
    async with started(app, size=SIZE) as pilot:
        await pilot.press("right_square_bracket", "w")
        assert status(app).startswith("w sets who said a quote")
        assert app.screen is app.reader


async def test_c_notes_a_mention_a_quote_and_the_article(started, make_app, seed, frozen_analysis) -> None:
    xi = entity(frozen_analysis, "Xi Jinping")
    start, end = xi.mentions[0]
    quote = frozen_analysis.quotes[0]
    app = make_app(seed, frozen_analysis)
    async with started(app, size=SIZE) as pilot:
        await pilot.press("c")  # no cursor yet: the article
        assert isinstance(app.screen, NoteDialog)
        assert dialog_title(app) == "Note on the article"
        await pilot.press(*"check the date", "enter")
        assert status(app) == "noted on the article: check the date · u undoes"

        await pilot.press("right_square_bracket", "c")
        title = dialog_title(app)
        assert title == f"Note on “Xi Jinping” (mention 1/{len(xi.mentions)})"
        await pilot.press(*"[b]spelling?[/b]", "enter")  # brackets are text, never markup
        assert status(app) == "noted on “Xi Jinping”: [b]spelling?[/b] · u undoes"
        assert row(app.reader.panes.entities, xi.id).prompt.plain.startswith(" ¶")

        await pilot.press("tab", "tab")
        app.reader.panes.quotes.highlight_id("q0")
        await pilot.press("c", *"who?", "enter")
        assert row(app.reader.panes.quotes, "q0").prompt.plain[1] == "¶"

        await pilot.press("c")  # the note is there to edit; emptied, it is cleared
        field = app.screen.query_one(Input)
        assert field.value == "who?"
        field.value = ""
        await pilot.press("enter")
        named = f"the quote “{opening_words(seed.text[quote.start : quote.end])}”"
        assert status(app) == f"cleared the note on {named} · u undoes"
    assert stored(seed, frozen_analysis)[:2] == [
        "noted on the article: check the date",
        f"noted on “Xi Jinping” at {start}–{end}: [b]spelling?[/b]",
    ]


async def test_S_sets_the_status_shown_in_the_header(started, make_app, seed, frozen_analysis) -> None:
    app = make_app(seed, frozen_analysis)
    async with started(app, size=SIZE) as pilot:
        counts = app.reader.query_one("#counts")
        assert str(counts.render()).endswith("new")
        await pilot.press("S")
        assert isinstance(app.screen, StatusDialog)
        assert choice_ids(app) == ["new", "in review", "reviewed", "flagged"]
        await pilot.press(*"flag", "enter")
        assert status(app) == "set the status to flagged · u undoes"
        assert str(counts.render()).endswith("⚑ flagged")
        await pilot.press("S", "escape")
        assert str(counts.render()).endswith("⚑ flagged")
        await pilot.press("S", *"re", "enter")  # "re" spells reviewed, though "in review" holds it too
        assert status(app) == "set the status to reviewed · u undoes"
        await pilot.press("S", *"in", "enter")
        assert status(app) == "set the status to in review · u undoes"
    assert stored(seed, frozen_analysis) == [
        "set the status to flagged",
        "set the status to reviewed",
        "set the status to in review",
    ]


async def test_u_takes_back_every_kind_of_change_newest_first(
    started, make_app, seed, frozen_analysis
) -> None:
    app = make_app(seed, frozen_analysis)
    async with started(app, size=SIZE) as pilot:
        before = [r.prompt.plain for r in app.reader.panes.entities.rows]
        await pilot.press("S", *"viewed", "enter")
        await pilot.press("right_square_bracket", "n", "X")  # split Xi's second mention
        await pilot.press("c", *"note", "enter")
        await pilot.press("tab", "slash", *"tele", "enter", "T", *"pla", "enter")
        await pilot.press("slash", *"ukraine", "enter", "M", *"kie", "enter")
        assert len(stored(seed, frozen_analysis)) == 5
        said = []
        for _ in range(5):
            await pilot.press("u")
            said.append(status(app).split(":", 1)[0])
        assert said == ["undone"] * 5
        await pilot.press("u")
        assert status(app) == "no decision to undo"
        assert [r.prompt.plain for r in app.reader.panes.entities.rows] == before
    assert stored(seed, frozen_analysis) == []


async def test_the_dialogs_show_names_as_written(started, make_app) -> None:
    from newsreader.analysis.model import Analysis, Entity
    from newsreader.article import from_text

    name = "[bold]Ann[/] Lee"
    text = f"{name} met [@click=app.quit]Bob[/] today. {name} left."
    first, second = text.index(name), text.rindex(name)
    bob = text.index("[@click")
    ann = Entity("e1", name, "person", ((first, first + len(name)), (second, second + len(name))))
    clicker = Entity("e2", "[@click=app.quit]Bob[/]", "person", ((bob, bob + 23),))
    app = make_app(from_text(text), Analysis(entities=(ann, clicker)))
    async with started(app, size=SIZE) as pilot:
        await pilot.press("right_square_bracket", "M")
        assert isinstance(app.screen, Chooser)
        assert dialog_title(app) == f"Merge into {name}"
        labels = [o.prompt.plain for o in app.screen.query_one(OptionList).options]
        assert labels == ["[@click=app.quit]Bob[/]  1 mention"]
        await pilot.press("escape", "c")
        assert dialog_title(app) == f"Note on “{name}” (mention 1/2)"
        await pilot.press("escape")
        assert app.is_running


async def test_the_palette_offers_every_review_action(started, make_app, seed, frozen_analysis) -> None:
    from newsreader.ui.commands import ReaderCommands

    app = make_app(seed, frozen_analysis)
    async with started(app, size=SIZE) as pilot:
        names = [name for name, _, _ in ReaderCommands(app.screen).commands()]
        for wanted in ("next to decide", "change the entity's type", "the article's status", "undo"):
            assert any(name.startswith(wanted) for name in names), wanted
        assert "Note on the article…" in names
        assert [n for n in names if n.startswith("Export review as")] == [
            f"Export review as {label}…" for label in ("Markdown", "JSON", "CSV", "spans", "brat")
        ]
        await pilot.press("ctrl+p", *"note on the a", "enter")
        await pilot.pause()
        assert isinstance(app.screen, NoteDialog)
        await pilot.press(*"from the palette", "enter")
        assert status(app) == "noted on the article: from the palette · u undoes"


async def test_review_keys_can_be_remapped_everywhere_they_work(
    started, make_app, seed, frozen_analysis
) -> None:
    from newsreader.config import Config

    app = make_app(seed, frozen_analysis, config=Config(keys={"next_undecided": "ctrl+n", "set_status": "F"}))
    async with started(app, size=SIZE) as pilot:
        await pilot.press("d")
        assert app.reader.navigator.cursor is None  # the default is gone
        await pilot.press("ctrl+n")
        assert status(app).startswith("to decide 1/")
        assert app.focused.id == "xref"
        await pilot.press("ctrl+n")  # in a pane too
        assert status(app).startswith("to decide 2/")
        await pilot.press("F")
        assert isinstance(app.screen, StatusDialog)

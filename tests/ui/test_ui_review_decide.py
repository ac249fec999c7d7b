"""a x z u on the seed's real analysis, kept in a review store of the test's own.

Every decision is read back from the store with a fresh `ArticleReview`, so these tests
prove the keys reach the store, not only the screen. "Lu Shai" → "Lu Shaye" is the
seed's cross-reference candidate; the test skips, saying so, if the analysis loses it.
"""

from __future__ import annotations

import os
import re
import signal

from ui_review_support import LU_SHAYE_GONE, SIZE, entity, notifications, row, status, store_file, stored

from newsreader.analysis.model import Analysis, Entity
from newsreader.article import Article, from_text

LU_SAID = "accepted Lu Shaye (bundled) for Lu Shai"


def lu_shai(analysis: Analysis) -> Entity:
    lu = entity(analysis, "Lu Shai")
    assert lu.candidates and lu.candidates[0].name == "Lu Shaye", LU_SHAYE_GONE
    return lu


async def to_lu_shai_row(pilot) -> None:
    """The Cross-reference pane, on Lu Shai's row, by the keys a reviewer would use."""
    await pilot.press("tab", "tab", "tab", "slash", *"lu shai", "enter")


async def test_a_accepts_lu_shaye_and_the_store_has_it(started, make_app, seed, seed_analysis) -> None:
    lu = lu_shai(seed_analysis)
    app = make_app(seed, seed_analysis)
    async with started(app, size=SIZE) as pilot:
        await to_lu_shai_row(pilot)
        xref = app.reader.panes.xref
        assert xref.highlighted_id == f"c:{lu.id}:0"
        await pilot.press("a")
        assert status(app) == f"{LU_SAID} · u undoes"
        shown = row(xref, f"c:{lu.id}:0").prompt.plain
        assert shown.startswith("✔ ") and re.search(r"accepted (by \S+ )?20", shown)  # the glyph, who, when
        lu_row = row(app.reader.panes.entities, lu.id).prompt.plain
        assert lu_row.startswith("✔ ") and "✓ Lu Shaye" in lu_row
    assert stored(seed, seed_analysis) == [LU_SAID]


async def test_x_rejects_and_z_is_unsure_and_each_u_takes_one_back(
    started, make_app, seed, seed_analysis
) -> None:
    lu = lu_shai(seed_analysis)
    app = make_app(seed, seed_analysis)
    async with started(app, size=SIZE) as pilot:
        await to_lu_shai_row(pilot)
        xref, entities = app.reader.panes.xref, app.reader.panes.entities
        await pilot.press("x")
        rejected = row(xref, f"c:{lu.id}:0").prompt
        assert rejected.plain.startswith("✘ ")
        assert any("strike" in str(span.style) for span in rejected.spans)  # struck through, too
        assert "✓ Lu Shaye" not in row(entities, lu.id).prompt.plain  # no reference any more
        assert stored(seed, seed_analysis) == ["rejected Lu Shaye (bundled) for Lu Shai"]
        await pilot.press("z")
        assert row(xref, f"c:{lu.id}:0").prompt.plain.startswith("~ ")
        assert status(app).startswith("marked unsure Lu Shaye (bundled) for Lu Shai")
        await pilot.press("u")
        assert row(xref, f"c:{lu.id}:0").prompt.plain.startswith("✘ ")
        assert status(app) == "undone: marked unsure Lu Shaye (bundled) for Lu Shai"
        await pilot.press("u")
        assert row(xref, f"c:{lu.id}:0").prompt.plain.startswith("  ")
        await pilot.press("u")
        assert status(app) == "no decision to undo"
        assert xref.highlighted_id == f"c:{lu.id}:0"  # rebuilding the rows keeps the place
    assert stored(seed, seed_analysis) == []


async def test_a_in_the_entities_pane_decides_the_entitys_match(
    started, make_app, seed, seed_analysis
) -> None:
    lu = lu_shai(seed_analysis)
    app = make_app(seed, seed_analysis)
    async with started(app, size=SIZE) as pilot:
        await pilot.press("tab", "slash", *"lu shai", "enter", "a")
        assert row(app.reader.panes.entities, lu.id).prompt.plain.startswith("✔ ")
    assert stored(seed, seed_analysis) == [LU_SAID]


async def test_undo_reaches_back_across_a_restart(started, make_app, seed, seed_analysis) -> None:
    lu_shai(seed_analysis)
    first = make_app(seed, seed_analysis)
    async with started(first, size=SIZE) as pilot:
        await to_lu_shai_row(pilot)
        await pilot.press("a", "q")
    assert first.return_code == 0
    assert stored(seed, seed_analysis) == [LU_SAID]

    second = make_app(seed, seed_analysis)
    async with started(second, size=SIZE) as pilot:
        lu = entity(seed_analysis, "Lu Shai")
        assert row(second.reader.panes.xref, f"c:{lu.id}:0").prompt.plain.startswith("✔ ")  # shown again
        await pilot.press("u")
        assert status(second) == f"undone: {LU_SAID}"
        assert row(second.reader.panes.xref, f"c:{lu.id}:0").prompt.plain.startswith("  ")
    assert stored(seed, seed_analysis) == []


def other_article(lu: Entity) -> tuple[Article, Analysis]:
    """A second article naming Lu Shai, offered the same candidate as the seed."""
    text = "Ambassador Lu Shai spoke in Paris on Friday."
    start = text.index("Lu Shai")
    name = Entity("e1", "Lu Shai", "person", ((start, start + 7),), candidates=lu.candidates[:1])
    return from_text(text, source="other.txt"), Analysis(entities=(name,))


async def test_an_accepted_match_is_learned_in_the_next_article(
    started, make_app, seed, seed_analysis
) -> None:
    lu = lu_shai(seed_analysis)
    app = make_app(seed, seed_analysis)
    async with started(app, size=SIZE) as pilot:
        await to_lu_shai_row(pilot)
        await pilot.press("a")

    doc, analysis = other_article(lu)
    other = make_app(doc, analysis)
    async with started(other, size=SIZE):
        candidate = row(other.reader.panes.xref, "c:e1:0").prompt.plain
        assert candidate.startswith("≈ ") and "accepted in “" in candidate
        assert "✓ Lu Shaye learned" in row(other.reader.panes.entities, "e1").prompt.plain


async def test_a_rejected_match_is_not_offered_in_the_next_article(
    started, make_app, seed, seed_analysis
) -> None:
    lu = lu_shai(seed_analysis)
    app = make_app(seed, seed_analysis)
    async with started(app, size=SIZE) as pilot:
        await to_lu_shai_row(pilot)
        await pilot.press("x")

    doc, analysis = other_article(lu)
    other = make_app(doc, analysis)
    async with started(other, size=SIZE):
        xref = other.reader.panes.xref
        assert not [r for r in xref.rows if r.id]
        assert str(xref.border_title) == "Cross-reference 0 · 1 hidden"
        assert other.reader.panes.entities.rows[1].prompt.plain.startswith("  ")


async def test_merge_suggestions_are_accepted_or_rejected_never_unsure(started, make_app) -> None:
    from newsreader.analysis.model import MergeSuggestion

    text = "Xi Jinping spoke. Later Xi Jiping said more."
    xi = Entity("e1", "Xi Jinping", "person", ((0, 10),))
    typo = Entity("e2", "Xi Jiping", "person", ((24, 33),))
    analysis = Analysis(entities=(xi, typo), merges=(MergeSuggestion("e1", "e2", 90.0, "one letter"),))
    doc = from_text(text)
    app = make_app(doc, analysis)
    async with started(app, size=SIZE) as pilot:
        await pilot.press("tab", "tab", "tab")
        assert app.reader.panes.xref.highlighted_id == "m:0"
        await pilot.press("z")
        assert status(app).startswith(
            "not recorded: a merge suggestion is accepted or rejected, not marked unsure"
        )
        assert any("merge suggestion" in m for m in notifications(app))
        await pilot.press("x")
        assert status(app) == "kept Xi Jinping and Xi Jiping apart · u undoes"
        assert "m:0" not in [r.id for r in app.reader.panes.xref.rows]
        assert [r.id for r in app.reader.panes.entities.rows if r.id] == ["e1", "e2"]
        await pilot.press("u")  # the suggestion is back, where the reviewer is
        assert app.reader.panes.xref.highlighted_id == "m:0"
        assert app.focused is app.reader.panes.xref
        await pilot.press("a")
        assert status(app) == "merged Xi Jiping into Xi Jinping · u undoes"
        assert [r.id for r in app.reader.panes.entities.rows if r.id] == ["e1"]
    assert stored(doc, analysis) == ["merged Xi Jiping into Xi Jinping"]


async def test_another_readers_decisions_show_without_a_key_pressed(
    started, make_app, seed, seed_analysis, monkeypatch
) -> None:
    from newsreader.review import ArticleReview
    from newsreader.ui.app import ReaderApp

    lu = lu_shai(seed_analysis)
    monkeypatch.setattr(ReaderApp, "STORE_POLL_SECONDS", 0.05)
    app = make_app(seed, seed_analysis)
    async with started(app, size=SIZE) as pilot:
        await pilot.pause(0.2)
        assert not row(app.reader.panes.entities, lu.id).prompt.plain.startswith("✔ ")
        colleague = ArticleReview.open(seed, seed_analysis, store=store_file())  # a second process's view
        try:
            colleague.accept(lu, lu.candidates[0])
        finally:
            colleague.close()
        await pilot.pause(0.3)
        assert status(app) == "decisions made in another reader are shown"
        assert row(app.reader.panes.entities, lu.id).prompt.plain.startswith("✔ ")


async def test_a_store_that_cannot_be_written_is_said_and_decisions_last_the_session(
    started, make_app, seed, seed_analysis, tmp_path, monkeypatch
) -> None:
    lu_shai(seed_analysis)
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the store's folder should be")
    monkeypatch.setenv("NEWSREADER_STORE", str(blocker / "review.sqlite3"))
    app = make_app(seed, seed_analysis)
    async with started(app, size=SIZE) as pilot:
        said = notifications(app)
        assert any("cannot create" in m and "only until you quit" in m for m in said), said
        await to_lu_shai_row(pilot)
        await pilot.press("a")
        assert status(app) == f"{LU_SAID} · u undoes"


async def test_a_users_file_given_as_the_store_is_left_as_it_is_and_said(
    started, make_app, seed, seed_analysis
) -> None:
    path = store_file()
    path.parent.mkdir(parents=True)
    path.write_bytes(b"this is not an SQLite database" * 100)
    app = make_app(seed, seed_analysis)
    async with started(app, size=SIZE) as pilot:
        said = notifications(app)
        assert any("not a review store" in m and "only until you quit" in m for m in said), said
        await to_lu_shai_row(pilot)
        await pilot.press("a")  # kept in memory
        assert status(app) == f"{LU_SAID} · u undoes"
    assert path.read_bytes() == b"this is not an SQLite database" * 100
    assert [p.name for p in path.parent.iterdir()] == [path.name]


async def test_a_damaged_store_is_moved_aside_and_said(started, make_app, seed, seed_analysis) -> None:
    from newsreader.review import Store

    path = store_file()
    Store.open(path).close()
    data = path.read_bytes()
    path.write_bytes(data[:100] + b"\xff" * (len(data) - 100))  # our header, its pages gone
    app = make_app(seed, seed_analysis)
    async with started(app, size=SIZE):
        assert any("moved to" in m for m in notifications(app)), notifications(app)
    assert [p.name for p in path.parent.iterdir() if ".damaged-" in p.name]


async def test_sigterm_closes_the_store_and_ends_the_reader(started, make_app, seed, seed_analysis) -> None:
    before = signal.getsignal(signal.SIGTERM)
    app = make_app(seed, seed_analysis)
    async with started(app, size=SIZE) as pilot:
        assert signal.getsignal(signal.SIGTERM) is not before  # ours, while the reader runs
        os.kill(os.getpid(), signal.SIGTERM)
        for _ in range(50):
            if app.review is not None and app.review.store.closed:
                break
            await pilot.pause(0.02)
        assert app.review.store.closed
    assert app.return_code == 128 + signal.SIGTERM
    assert signal.getsignal(signal.SIGTERM) is before  # put back


async def test_a_search_typed_in_one_burst_decides_nothing(started, make_app, seed, seed_analysis) -> None:
    """Over a slow link "/lu shai" arrives at once: the 'a' of "shai" must not accept the
    highlighted match of the pane the search was opened from."""
    from textual import events

    app = make_app(seed, seed_analysis)
    async with started(app, size=SIZE) as pilot:
        await pilot.press("tab", "tab", "tab")
        for char in "/lu shai":
            key = {"/": "slash", " ": "space"}.get(char, char)
            event = events.Key(key, char)
            event.set_sender(app)
            app._driver.send_message(event)  # all at once, as a terminal delivers a burst
        await pilot.pause(0.3)
        assert app.focused is app.reader.search_bar
        assert app.review.reviewed.decisions == ()
    assert stored(seed, seed_analysis) == []

"""The article's date, author and link in the reader's header, and `Y`, which copies the link.

The byline's strings come from feeds, pages and front matter: the loader cleans them
(tests/core), and the header shows them as plain text whatever it is given, so these
tests hand it the raw payloads of test_ui_hostile.
"""

from __future__ import annotations

import os
from dataclasses import replace

from test_ui_hostile import HOSTILE, MARKUP, assert_clean, screen_text
from ui_waits import pause_until

from newsreader import batch
from newsreader.analysis.model import Analysis
from newsreader.article import from_text
from newsreader.feeds import FeedItem
from newsreader.ui.chrome import ReaderHeader

BODY = "Harbour talks resume\n\nDockers in Rotterdam voted on Tuesday.\n"
URL = "https://example.org/harbour?id=7"


def byline_shown(app) -> str:
    header = app.reader.query_one(ReaderHeader)
    return str(header.query_one("#byline").render())


async def test_the_header_shows_date_author_and_link_as_plain_text_and_y_copies_the_link(
    started, make_app
) -> None:
    doc = replace(
        from_text(BODY, source="harbour.txt"),
        url=f"{URL}{HOSTILE}",
        published=f"2026-12-01{HOSTILE}",
        author=f"Ana Pérez{HOSTILE}",
    )
    app = make_app(doc, Analysis())
    async with started(app, size=(160, 30)) as pilot:
        shown = byline_shown(app)
        assert shown.startswith("2026-12-01")
        assert f"by Ana Pérez{MARKUP}" in shown  # markup shown as written, never acted on
        assert f"{URL}{MARKUP}" in shown
        assert "harbour.txt" in screen_text(app)  # the title line is still there above it
        assert_clean(app, "the header's byline")

        await pilot.press("Y")
        assert app.clipboard == f"{URL}{MARKUP}"  # the link, less what a terminal would act on
        said = [n.message for n in app._notifications]
        assert f"copied {URL}{MARKUP}" in said
        assert app.is_running  # the markup in the toast quit nothing


async def test_an_article_with_no_byline_keeps_a_one_line_header_and_y_copies_its_file(
    started, make_app, tmp_path
) -> None:
    path = tmp_path / "story.txt"
    path.write_text(BODY, encoding="utf-8")
    from newsreader import article

    app = make_app(article.load(path), Analysis())
    async with started(app, size=(80, 24)) as pilot:
        header = app.reader.query_one(ReaderHeader)
        assert not header.query("#byline")
        assert header.size.height == 1
        await pilot.press("Y")
        assert app.clipboard == os.path.abspath(path)
        assert any(n.message == f"copied {os.path.abspath(path)}" for n in app._notifications)


async def test_text_from_standard_input_has_no_link_to_copy_and_says_so(started, make_app) -> None:
    app = make_app(from_text(BODY, source="<stdin>"), Analysis())
    async with started(app, size=(80, 24)) as pilot:
        await pilot.press("Y")
        assert app.clipboard == ""
        assert any("no link" in n.message for n in app._notifications)


async def test_y_in_the_article_list_copies_the_rows_link(tmp_path) -> None:
    from newsreader import resources
    from newsreader.config import Config
    from newsreader.ui.triage_app import TriageApp

    item = FeedItem("wire.rss#1", "Docks", f"{URL}\x1b[6n", "", "<p>Dockers voted.</p>")
    other = FeedItem("wire.rss#2", "Bridge", "", "", "<p>Tom Brack said so.</p>")
    app = TriageApp(
        item.load(),
        triage=batch.Options(bundled=False),
        workers=0,
        articles=[item, other],
        config=Config(),
        theme_folders=[resources.bundled_dir("themes")],
    )
    async with app.run_test(size=(100, 24)) as pilot:
        await pause_until(
            pilot, lambda: app.article_list is not None and app.screen is app.article_list, "the list"
        )
        await pilot.press("Y")
        assert app.clipboard == URL
        await pilot.press("j", "Y")
        assert app.clipboard == URL  # the second item has no link: nothing new copied
        assert any("no link" in n.message for n in app._notifications)


def test_snapshot_a_feed_items_byline_at_80x24(snap_compare, make_app) -> None:
    """Its date, author and link under the title; the link is what an ellipsis cuts."""
    item = FeedItem(
        "wire.rss#1",
        "Harbour talks resume",
        "https://example.org/news/2026/12/01/harbour-talks-resume-after-a-week-of-strikes",
        "Tue, 01 Dec 2026 10:00:00 GMT",
        "<p>Dockers in Rotterdam voted on Tuesday to end the strike.</p>",
        "Ana Pérez",
    )
    app = make_app(item.load(), Analysis())
    assert snap_compare(app, terminal_size=(80, 24))

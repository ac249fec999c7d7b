"""A hostile corpus through the reader: nothing from outside reaches the terminal as a
control character or as live markup.

File and folder names, feed titles, reference-list names, aliases, descriptions and
sources, notes, config values and theme names each carry an escape sequence (a CSI that
would make the terminal answer, an OSC 0 that would set its title, an OSC 8 hyperlink),
a C1 CSI, bidi overrides and isolates, and Textual markup that would crash, link or quit.
The reader is driven through the header, every pane, the detail view, the palette, the
help, notifications and the export message; after each step what the app would write to
the terminal (the compositor's full update, as the driver renders it) is searched for
the payloads, and the screen's text for the names shown as plain text.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from newsreader import article
from newsreader import config as settings
from newsreader.ui.app import analyser

CSI = "\x1b[6n"  # "report the cursor position": a terminal answers it as typed input
OSC_TITLE = "\x1b]0;PWNED\x07"  # sets the terminal's title
OSC_LINK = "\x1b]8;;https://evil.example/x\x1b\\"  # a hyperlink to anywhere
C1 = "\x9b6n"  # the same CSI in its one-byte C1 form
BIDI = "\u202e\u2066"  # right-to-left override, left-to-right isolate
MARKUP = "[/][@click=app.quit]x[/][link=https://evil.example/]y[/]"
HOSTILE = f"{CSI}{OSC_TITLE}{OSC_LINK}{C1}{BIDI}{MARKUP}"
# a file name holds no "/": the markup there is the kind that opens and never closes
IN_NAMES = f"{CSI}{OSC_TITLE}{C1}{BIDI}[@click=app.quit]x[b]"

BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
# What Textual itself writes for a screen: colours and styles (SGR) and cursor moves.
OWN_SEQUENCES = re.compile(r"\x1b\[[0-9;:]*m|\x1b\[\d+;\d+H")
# no title line: the article is named by its file
BODY = "Ann Lee said “the harbour will reopen”,\nand later Ann Lee left the harbour.\n"


def terminal_output(app) -> str:
    """What the driver would write for the whole screen (the screens behind it included)."""
    update = app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    return update.render_segments(app.console)


def screen_text(app) -> str:
    """The screen's text, as the SVG screenshot has it."""
    svg = re.sub(r"<style>.*?</style>", "", app.export_screenshot(), flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", "", svg)).replace("\xa0", " ")


def assert_clean(app, where: str) -> None:
    written = terminal_output(app)
    assert "\x9b" not in written, where
    assert not BIDI_CONTROLS.search(written), where
    assert "\x1b]" not in written, where  # no OSC: no title set, no hyperlink
    leftover = OWN_SEQUENCES.sub("", written)
    assert "\x1b" not in leftover, (where, leftover[leftover.index("\x1b") :][:40])
    assert not any(c in leftover for c in "\x07\x08\x0d\x7f"), where


def hostile_world(tmp_path: Path, monkeypatch) -> tuple[list, Path, Path]:
    """(the articles, the reference list, the config folder), all named and filled with the payloads."""
    folder = tmp_path / f"news{IN_NAMES}"
    folder.mkdir()
    (folder / f"1 harbour{IN_NAMES}.txt").write_text(BODY, encoding="utf-8")
    (folder / f"2 bridge{IN_NAMES}.txt").write_text("Bob Ray said so.\n", encoding="utf-8")
    feed = tmp_path / "wire.rss"
    # as character references: a feed's XML cannot hold these characters raw
    title = html.escape(HOSTILE, quote=False).replace("\x1b", "&#27;").replace("\x07", "&#7;")
    feed.write_text(
        "<rss version='2.0'><channel><title>Wire</title>"
        f"<item><title>feed item{title}</title><description>Ann Lee said so.</description></item>"
        "</channel></rss>",
        encoding="utf-8",
    )
    from newsreader.feeds import read_feed

    items = read_feed(str(feed))
    references = tmp_path / f"list{IN_NAMES}.csv"
    references.write_text(
        "name,aliases,type,description,source\n"
        f'"Ann Lee","A. Lee{HOSTILE}",person,"envoy{HOSTILE}","https://example.org/ann{HOSTILE}"\n'
        f'"Ann Leigh{HOSTILE}",,person,"another envoy{HOSTILE}",\n',
        encoding="utf-8",
    )
    config = tmp_path / f"config{IN_NAMES}"
    (config / "themes").mkdir(parents=True)
    toml = lambda text: text.replace("\\", "\\\\").replace("\x1b", "\\u001b").replace("\x07", "\\u0007")  # noqa: E731
    (config / "themes" / "evil.toml").write_text(
        f'name = "theme{toml(IN_NAMES)}"\ndark = true\n[colors]\nprimary = "#704214"\n', encoding="utf-8"
    )
    (config / "config.toml").write_text(
        f'theme = "no such theme{toml(HOSTILE)}"\nreviewer = "rev{toml(HOSTILE)}"\n'
        f'[keys]\n"binding{toml(HOSTILE)}" = "l"\nnext_mention = "{toml(CSI)}"\n',
        encoding="utf-8",
    )
    monkeypatch.setenv("NEWSREADER_CONFIG_DIR", str(config))
    paths = [str(p) for p in article.articles_in(folder)]
    return [*paths, *items], references, config


async def until(pilot, shown, what: str = "") -> None:
    """Wait (ten seconds at most) until `shown()` holds."""
    for _ in range(500):
        if shown():
            return
        await pilot.pause(0.02)
    raise AssertionError(f"the reader never showed {what}: {screen_text(pilot.app)}")


async def test_a_hostile_corpus_reaches_no_part_of_the_screen_as_controls_or_markup(
    started, make_app, tmp_path, monkeypatch
) -> None:
    from newsreader.review.decisions import MentionRef, NoteDecision
    from newsreader.ui.messages import ChangeRequested

    items, references, _ = hostile_world(tmp_path, monkeypatch)
    doc = article.load(items[0])
    app = make_app(
        doc,
        analyse=analyser([str(references)], bundled=False),
        articles=items,
        config=settings.load(),
        theme_folders=None,  # the bundled themes and the user's, as the reader loads them
    )
    async with started(app, size=(160, 50), notifications=True) as pilot:  # toasts drawn, as for users
        await until(pilot, lambda: app.review is not None or app.reader.failure, what="the review")
        assert app.reader.failure is None, app.reader.failure
        await pilot.pause()
        shown = screen_text(app)
        assert "harbour" in shown and "Ann Lee" in shown  # the header and the panes are there
        assert_clean(app, "the header, the panes and the settings' notifications")
        assert "config[@click=app.quit]x[b]/config.toml: unknown" in shown  # the settings' toasts
        assert "in the config file; using the" in shown

        app.clear_notifications()  # they cover the cross-reference pane
        await pilot.pause()
        shown = screen_text(app)
        assert "harbour[@click=app.quit]x[b]" in shown  # the title, from the file name
        assert "same name · list[@click=app.quit]x[b]" in shown  # the list, by its file name

        # a note from outside (a colleague's, in a shared store), then the detail view
        start = doc.text.index("Ann Lee")
        note = NoteDecision(MentionRef.at(doc.text, (start, start + 7)), f"note{HOSTILE}")
        app.post_message(ChangeRequested(note))
        await pilot.pause()
        await pilot.press("tab")  # the Entities pane, its first row Ann Lee
        await pilot.press("i")
        await until(pilot, lambda: "envoy" in screen_text(app), "the detail view")
        detail = screen_text(app)
        assert "note[/][@click=app.quit]x[/]" in detail  # shown as written, not a link
        assert "envoy[/][@click=app.quit]x[/]" in detail and "https://example.org/ann[/]" in detail
        assert_clean(app, "the detail view")
        await pilot.press("escape")

        await pilot.press("question_mark")
        await pilot.pause()
        app.screen.query_one("#help-body").scroll_end(animate=False)  # where the config file is named
        await until(pilot, lambda: "Remap keys in" in screen_text(app), "the help's end")
        assert_clean(app, "the help")
        await pilot.press("escape")

        await pilot.press("ctrl+p", *"open")
        await until(pilot, lambda: "feed item" in screen_text(app))
        assert "[/][@click=app.quit]x[/]" in screen_text(app)
        assert_clean(app, "the palette's articles")
        assert f"theme{IN_NAMES}" in app.available_themes  # a user's theme, named by its file
        await pilot.press(*["backspace"] * 4, *"theme: theme")
        user_theme = re.compile(r"theme: ?theme.*\[@click=app\.quit\]x\[b\]")
        await until(pilot, lambda: user_theme.search(screen_text(app)), "the user's theme")
        assert_clean(app, "the palette's themes")
        await pilot.press("escape")

        app.action_export("md")
        await until(pilot, lambda: "wrote" in screen_text(app), "the export's message")
        assert "harbour[@click=app.quit]x[b]" in screen_text(app)  # the files written, by name
        assert_clean(app, "the export's message")
        app.clear_notifications()

        await pilot.press("ctrl+p", *"open 3/3", "enter")  # the feed's item
        await until(
            pilot, lambda: app.review is not None and "3/3  feed item" in screen_text(app), "the item"
        )
        assert_clean(app, "the feed item's header and panes")
        assert app.is_running
    assert app.return_code is None


def test_an_unknown_theme_is_said_without_the_controls_in_the_users_theme_names(
    tmp_path, monkeypatch, capsys
) -> None:
    import argparse

    from newsreader.ui import launch

    hostile_world(tmp_path, monkeypatch)
    args = argparse.Namespace(theme=f"neon{HOSTILE}", references=[], no_bundled=True, store=None)
    assert launch.run(article.from_text(BODY), args) == 2
    err = capsys.readouterr().err
    assert "theme[@click=app.quit]x[b]" in err  # the user's theme is listed, cleaned
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", err), repr(err)


def test_in_a_terminal_no_payload_of_the_corpus_is_written_as_a_sequence(tmp_path, monkeypatch) -> None:
    """`newsreader wire.rss -r list.csv` as a user runs it, on a pty: the bytes the process
    writes (the article list, the item's reader, the toasts, stderr) hold no title-setting
    OSC, no hyperlink to the payload's address, no C1 control and no bidi control."""
    from test_ui_pty import reader_on_a_pty

    _, references, _ = hostile_world(tmp_path, monkeypatch)
    feed = str(tmp_path / "wire.rss")
    with reader_on_a_pty(feed, "-r", str(references)) as reader:
        reader.wait_for("feed item")  # the list, by the item's title
        listed = len(reader.screen)
        reader.type("\r")
        reader.wait_for("1 names · ", after=listed)  # the item, analysed with the hostile list
        reader.type("?")
        reader.wait_for("list every key")
        reader.type("q")
        reader.type("q")
        assert reader.process.wait(timeout=10) == 0
    written = reader.screen
    for payload in (b"\x1b]0;", b"\x1b]2;", b"\x1b]8;;https://evil", b"\x1b[6n", b"\xc2\x9b"):
        assert payload not in written, payload
    assert not BIDI_CONTROLS.search(written.decode("utf-8", "replace"))

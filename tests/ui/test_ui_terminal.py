"""What the reader draws for the terminal it is in, and its refusal when there is none."""

from __future__ import annotations

import os
import pty
import subprocess
import sys

import pytest

from newsreader import resources
from newsreader.ui.glyphs import ASCII_MARKS
from newsreader.ui.terminal import capabilities


@pytest.mark.parametrize(
    ("environ", "colours", "unicode"),
    [
        ({"TERM": "dumb"}, 0, False),
        ({"TERM": "vt220"}, 0, False),
        ({"TERM": "linux"}, 16, False),
        ({"TERM": "linux-16color"}, 16, False),
        ({"TERM": "xterm-256color", "LANG": "en_GB.UTF-8"}, None, True),
        ({"TERM": "xterm", "LANG": "C"}, None, True),
        ({"TERM": "xterm", "LANG": "de_DE.ISO-8859-1"}, None, False),
        ({"TERM": "xterm", "LANG": "en_GB.UTF-8", "LC_ALL": "fr_FR.ISO-8859-15@euro"}, None, False),
    ],
)
def test_what_a_terminal_can_show_comes_from_term_and_the_locale(environ, colours, unicode) -> None:
    assert capabilities(environ) == (colours, unicode)


def screen_lines(app):
    """The screen as drawn, line filters (no colour, ASCII marks) applied."""
    return app.screen._compositor.render_strips()


async def test_the_linux_console_gets_ascii_marks_and_borders(
    started, make_app, seed, frozen_analysis, monkeypatch
) -> None:
    drawn = {}
    for term in ("xterm-256color", "linux"):
        monkeypatch.setenv("TERM", term)
        app = make_app(seed, frozen_analysis)
        async with started(app) as pilot:
            await pilot.press("tab")
            drawn[term] = "\n".join(strip.text for strip in screen_lines(app))
    assert "╭" in drawn["xterm-256color"] and "✓" in drawn["xterm-256color"]  # what it replaces
    assert not set(drawn["linux"]) & set(ASCII_MARKS)
    assert "+- Entities" in drawn["linux"]


async def test_a_dumb_terminal_gets_no_colour_in_any_theme(
    started, make_app, seed, frozen_analysis, monkeypatch
) -> None:
    def coloured(app) -> set[str]:
        found = set()
        for strip in screen_lines(app):
            for segment in strip:
                for colour in (segment.style and (segment.style.color, segment.style.bgcolor)) or ():
                    if colour is not None and not colour.is_default:
                        found.add(colour.name)
        return found

    app = make_app(seed, frozen_analysis, theme="dark")
    async with started(app):
        assert coloured(app)  # the test can see colour where there is some
    monkeypatch.setenv("TERM", "dumb")
    for theme in (None, "dark"):
        app = make_app(seed, frozen_analysis, theme=theme)
        async with started(app):
            assert app.theme == (theme or "mono")
            assert coloured(app) == set()


def run_reader(*, stdout, start_new_session: bool = False) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "newsreader", "-"],
        input=resources.seed_article().read_bytes(),
        stdout=stdout,
        stderr=subprocess.PIPE,
        timeout=60,
        start_new_session=start_new_session,
    )


def test_output_into_a_file_is_refused_in_one_line() -> None:
    """`newsreader - < story.txt > out`: no screen to draw on."""
    done = run_reader(stdout=subprocess.PIPE)
    assert done.returncode == 2
    assert done.stdout == b""
    said = done.stderr.decode().splitlines()
    assert len(said) == 1 and "standard output is not a terminal" in said[0] and "analyze" in said[0]


def test_no_terminal_to_read_keys_from_is_refused_in_one_line() -> None:
    """A terminal on standard output but no controlling terminal (a daemon's, cron's)."""
    master, slave = pty.openpty()
    try:
        done = run_reader(stdout=slave, start_new_session=True)
    finally:
        os.close(slave)
        os.close(master)
    assert done.returncode == 2
    said = done.stderr.decode().splitlines()
    assert len(said) == 1 and "/dev/tty" in said[0] and "analyze" in said[0]

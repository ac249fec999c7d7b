"""The terminal the reader runs in: what it can show, and where its keys come from.

Like `less`, the reader reads an article from a pipe (`cat story.txt | newsreader -`)
and its keys from the controlling terminal, `/dev/tty`: Textual reads keys from file
descriptor 0 and draws on 2, so for the reader's run both are pointed at the terminal
when they are not one already. With no terminal to draw on the reader refuses at once
rather than write escape codes into a pipe and wait for keys that never come; and when
the terminal goes away while it runs, the reader ends (see `watch`).

What it can show is told by `TERM` (and the locale's character set): `dumb` and the old
video terminals get no colour, the Linux console and other 16-colour consoles 16
colours, and all of these plain ASCII marks, as their fonts lack ✔ ✘ ≈ ¶ and the
rounded borders (see `newsreader.ui.glyphs`). This module does not import Textual.
"""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import NamedTuple

CONTROLLING_TERMINAL = "/dev/tty"
WATCH_SECONDS = 0.25  # how often the terminal is asked whether it is still there

# terminfo names (ncurses' terminfo.src) of terminals without colour, of 16-colour
# consoles, and the prefix rule: "linux-16color" is the Linux console too.
COLOURLESS_TERMS = ("dumb", "vt52", "vt100", "vt102", "vt220")
SIXTEEN_COLOUR_TERMS = ("linux", "ansi", "cons25", "wsvt25")


class NoTerminal(Exception):
    """There is no terminal to run the reader in; `str()` says what is missing."""


class Capabilities(NamedTuple):
    colours: int | None  # 0: none, 16, or None: as Textual detects (256 or 24-bit)
    unicode: bool  # whether marks beyond ASCII (✔ ✘ ≈ ¶, rounded borders) can be shown


def capabilities(environ: Mapping[str, str]) -> Capabilities:
    """What a terminal named by `environ["TERM"]` can show, in the locale `environ` sets."""
    term = environ.get("TERM", "").strip().lower()
    family = term.split("-", 1)[0]
    colours: int | None = None
    if term in COLOURLESS_TERMS or family in COLOURLESS_TERMS:
        colours = 0
    elif term in SIXTEEN_COLOUR_TERMS or family in SIXTEEN_COLOUR_TERMS:
        colours = 16
    return Capabilities(colours, colours is None and _locale_is_unicode(environ))


def _locale_is_unicode(environ: Mapping[str, str]) -> bool:
    """Whether the locale's character set is UTF-8 (the C locale counts: Python reads it so)."""
    locale = environ.get("LC_ALL") or environ.get("LC_CTYPE") or environ.get("LANG") or "C"
    if locale in ("C", "POSIX"):
        return True
    charset = locale.partition(".")[2].partition("@")[0].lower().replace("-", "")
    return charset == "utf8"


def check() -> None:
    """Refuse (`NoTerminal`) unless standard output is a terminal and there is a
    controlling terminal to read keys from. (Windows has no `/dev/tty`: only the first.)"""
    if not os.isatty(1):
        raise NoTerminal("standard output is not a terminal")
    if os.name != "posix":
        return
    try:
        os.close(os.open(CONTROLLING_TERMINAL, os.O_RDWR | os.O_NOCTTY))
    except OSError:
        raise NoTerminal(f"there is no terminal to read keys from ({CONTROLLING_TERMINAL})") from None


@contextmanager
def keys_and_screen_on_terminal() -> Iterator[None]:
    """For the duration: standard input and standard error (where Textual reads keys and
    draws) are the controlling terminal if they were not a terminal; put back after.
    Meanwhile a terminal that goes away is told to the process as SIGHUP (`watch`).
    Elsewhere than POSIX, Textual's own way with the console is kept."""
    if os.name != "posix":
        yield
        return
    tty = os.open(CONTROLLING_TERMINAL, os.O_RDWR | os.O_NOCTTY)
    saved: dict[int, int | None] = {}
    stop = threading.Event()
    try:
        threading.Thread(target=watch, args=(tty, stop), name="terminal-watch", daemon=True).start()
        for fd in (0, 2):
            if not os.isatty(fd):
                try:
                    saved[fd] = os.dup(fd)
                except OSError:  # closed (`<&-`): nothing to put back
                    saved[fd] = None
                os.dup2(tty, fd)
        yield
    finally:
        stop.set()
        for fd, old in saved.items():
            if old is not None:
                os.dup2(old, fd)
                os.close(old)
        os.close(tty)


def watch(tty: int, stop: threading.Event) -> None:
    """Until `stop`: when the terminal `tty` stops answering (its pty was closed, the line
    hung up), raise SIGHUP in this process. The kernel sends SIGHUP only to the terminal's
    session and foreground group; this way the reader learns it in any case, within
    `WATCH_SECONDS`, and ends by its one way of ending on a hang-up (the app's handler)."""
    import termios

    while not stop.wait(WATCH_SECONDS):
        try:
            termios.tcgetattr(tty)
        except termios.error:
            os.kill(os.getpid(), signal.SIGHUP)
            return

"""The reader as a user starts it: `python -m newsreader` in a pseudo-terminal of its own.

Keys are written to the pty's master side and the screen read from it; the review store
is the test's own (conftest's `NEWSREADER_STORE`).
"""

from __future__ import annotations

import fcntl
import os
import pty
import select
import signal
import struct
import subprocess
import sys
import termios
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

import pytest
from ui_review_support import store_file, stored

from newsreader import resources
from newsreader.ui.glyphs import ASCII_MARKS

START_SECONDS = 90  # Textual's import and the seed's analysis, on a busy machine
GONE_SECONDS = 2.0  # the reader's promise is one second; the rest is the machine's
REVIEW_OPEN = "to decide ·"  # the header's count, once the analysis and the review are there


class Reader:
    """A reader process on a pty; `screen` holds all it has written."""

    def __init__(self, process: subprocess.Popen[bytes], master: int) -> None:
        self.process, self.master = process, master
        self.screen = b""
        self._closing = threading.Event()
        self._reading = threading.Thread(target=self._read, daemon=True)
        self._reading.start()

    def _read(self) -> None:
        # with a timeout: a read still blocked in this thread would keep the pty open
        while not self._closing.is_set():
            if not select.select([self.master], [], [], 0.05)[0]:
                continue
            try:
                data = os.read(self.master, 65536)
            except OSError:
                return
            if not data:
                return
            self.screen += data

    def type(self, keys: str) -> None:
        os.write(self.master, keys.encode())

    def wait_for(self, text: str, seconds: float = START_SECONDS, *, after: int = 0) -> None:
        """Until `text` is drawn (after the first `after` bytes of the screen)."""
        deadline = time.monotonic() + seconds
        while text.encode() not in self.screen[after:]:
            ended = self.process.poll()
            assert ended is None, f"the reader ended ({ended}) before {text!r}"
            assert time.monotonic() < deadline, f"no {text!r} on the screen after {seconds} s"
            time.sleep(0.05)

    def stop_reading(self) -> None:
        self._closing.set()
        self._reading.join()

    def close_terminal(self) -> None:
        self.stop_reading()
        os.close(self.master)


def controlling_terminal(slave: int):  # type: ignore[no-untyped-def]
    def become_session_leader() -> None:
        os.setsid()
        fcntl.ioctl(slave, termios.TIOCSCTTY, 0)

    return become_session_leader


@contextmanager
def reader_on_a_pty(
    *args: str, stdin: bytes | None = None, term: str = "xterm-256color", **env: str
) -> Iterator[Reader]:
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    process = subprocess.Popen(
        [sys.executable, "-m", "newsreader", *args],
        stdin=subprocess.PIPE if stdin is not None else slave,
        stdout=slave,
        stderr=slave,
        env={**os.environ, "TERM": term, **env},
        preexec_fn=controlling_terminal(slave),
    )
    os.close(slave)
    if stdin is not None:
        assert process.stdin is not None
        process.stdin.write(stdin)
        process.stdin.close()
    reader = Reader(process, master)
    try:
        yield reader
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        reader.stop_reading()
        with suppress(OSError):  # closed by the test already
            os.close(master)


def test_an_article_from_stdin_takes_its_keys_from_the_terminal() -> None:
    """`cat story.txt | newsreader -`: ? ] and q act, as in `less`."""
    text = resources.seed_article().read_bytes()
    with reader_on_a_pty("-", stdin=text) as reader:
        reader.wait_for(REVIEW_OPEN)
        reader.type("?")
        reader.wait_for("list every key")
        drawn = len(reader.screen)
        reader.type("q")  # closes the help: the reader is drawn again
        reader.wait_for("] goes to the first name", after=drawn)
        reader.type("]")
        reader.wait_for("1/18")  # on Xi Jinping's first mention
        reader.type("q")
        assert reader.process.wait(timeout=10) == 0


def test_closing_the_terminal_right_after_a_decision_ends_the_reader_with_it_stored(
    seed, seed_analysis
) -> None:
    """The pty closes while a burst is still arriving: the reader ends at once, and the
    decision it had made is in the store."""
    with reader_on_a_pty(str(resources.seed_article())) as reader:
        reader.wait_for(REVIEW_OPEN)
        reader.type("Sflag\r")
        reader.wait_for("status to flagged")
        # mid-burst, with the screen busy redrawing: Textual's writer had output queued
        reader.type("\t" * 3 + "jGgjGg" * 20)
        reader.close_terminal()
        closed = time.monotonic()
        try:
            code = reader.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            pytest.fail("the reader is still running 10 s after its terminal closed")
        took = time.monotonic() - closed
    assert took < GONE_SECONDS, f"the reader took {took:.1f} s to end"
    assert code == 128 + signal.SIGHUP
    assert stored(seed, seed_analysis, Path(store_file())) == ["set the status to flagged"]


def test_the_linux_console_gets_16_colours_and_ascii_only() -> None:
    """Even with a COLORTERM that claims more (leaked from another terminal)."""
    with reader_on_a_pty(str(resources.seed_article()), term="linux", COLORTERM="truecolor") as reader:
        reader.wait_for("to decide .")  # the header's count, its dot in ASCII
        reader.type("]")
        reader.wait_for("1/18")
        reader.type("q")
        assert reader.process.wait(timeout=10) == 0
    drawn = reader.screen.decode("utf-8", "replace")
    assert "\x1b[38;2;" not in drawn and "\x1b[48;2;" not in drawn and ";2;" not in drawn  # no 24-bit colour
    assert "\x1b[38;5;" not in drawn  # nor 256
    assert not set(drawn) & set(ASCII_MARKS)


def test_sighup_ends_the_reader_at_once_with_its_decision_stored(seed, seed_analysis) -> None:
    with reader_on_a_pty(str(resources.seed_article())) as reader:
        reader.wait_for(REVIEW_OPEN)
        reader.type("Sflag\r")
        reader.wait_for("status to flagged")
        reader.type("jGgjGg" * 10)
        reader.process.send_signal(signal.SIGHUP)
        sent = time.monotonic()
        code = reader.process.wait(timeout=10)
        took = time.monotonic() - sent
    assert took < GONE_SECONDS, f"the reader took {took:.1f} s to end"
    assert code == 128 + signal.SIGHUP
    assert stored(seed, seed_analysis, Path(store_file())) == ["set the status to flagged"]

"""The issue's process test: the real `newsreader` in a pseudo-terminal, then SIGKILL.

The reader runs as a user runs it (100×30, xterm-256color, its own store and config
folder). The test types the keys that accept the Lu Shai match, waits for the status
line to say so, kills the process without warning, and finds the decision from a fresh
process. Every wait has a deadline and the child is always killed.
"""

from __future__ import annotations

import fcntl
import json
import os
import re
import select
import signal
import struct
import subprocess
import sys
import termios
import textwrap
import time
from pathlib import Path

from ui_review_support import LU_SHAYE_GONE, entity

from newsreader.analysis.model import Analysis

ROWS, COLUMNS = 30, 100
START_TIMEOUT = 60.0  # cold imports and the analysis on a slow machine
STEP_TIMEOUT = 15.0
ESCAPES = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]")

READ_BACK = textwrap.dedent(
    """
    import json, sys
    from newsreader import article, resources
    from newsreader.analysis.service import Analyzer
    from newsreader.review import ArticleReview, describe

    doc = article.load(resources.seed_article())
    review = ArticleReview.open(doc, Analyzer.from_options([]).analyze(doc), store=sys.argv[1])
    lu = next(e for e in review.reviewed.analysis.entities if e.name == "Lu Shai")
    print(json.dumps({
        "decisions": [describe(r.decision) for r in review.reviewed.decisions],
        "state": review.reviewed.candidate_mark(lu, lu.candidates[0]).state,
    }))
    """
)


class Terminal:
    """The master side of a pseudo-terminal: what the program drew, as plain text."""

    def __init__(self, fd: int) -> None:
        self.fd = fd
        self.raw = b""

    @property
    def text(self) -> str:
        return ESCAPES.sub("", self.raw.decode("utf-8", "replace"))

    def wait_for(self, wanted: str, timeout: float = STEP_TIMEOUT) -> None:
        deadline = time.monotonic() + timeout
        while wanted not in self.text:
            left = deadline - time.monotonic()
            if left <= 0:
                raise AssertionError(f"{wanted!r} not on screen after {timeout}s; last: {self.text[-600:]!r}")
            ready, _, _ = select.select([self.fd], [], [], left)
            if ready:
                try:
                    chunk = os.read(self.fd, 65536)
                except OSError:  # EIO: the program has gone
                    chunk = b""
                if not chunk:
                    raise AssertionError(f"the reader ended before showing {wanted!r}: {self.text[-600:]!r}")
                self.raw += chunk

    def type(self, keys: str, then: str, timeout: float = STEP_TIMEOUT) -> None:
        """Send keys, then wait until `then` is drawn."""
        self.raw = b""  # look only at what is drawn from now on
        os.write(self.fd, keys.encode())
        self.wait_for(then, timeout)


def controlling_terminal() -> None:
    """In the child: a session of its own whose terminal is the pty (its standard input),
    as a shell gives the programs it starts; the reader reads its keys from there."""
    os.setsid()
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


def spawn_reader(store: Path, home: Path) -> tuple[subprocess.Popen[bytes], Terminal]:
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLUMNS, 0, 0))
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "TEXTUAL_THEME", "COLUMNS", "LINES")}
    env.update(
        TERM="xterm-256color",
        NEWSREADER_CONFIG_DIR=str(home / "config"),
        NEWSREADER_STORE=str(home / "not-this-store.sqlite3"),  # --store wins over it
    )
    child = subprocess.Popen(
        [sys.executable, "-m", "newsreader", "--store", str(store)],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=env,
        cwd=home,
        preexec_fn=controlling_terminal,
    )
    os.close(slave)
    return child, Terminal(master)


def test_an_accepted_match_survives_sigkill(tmp_path: Path, seed_analysis: Analysis) -> None:
    lu = entity(seed_analysis, "Lu Shai")
    assert lu.candidates and lu.candidates[0].name == "Lu Shaye", LU_SHAYE_GONE
    store = tmp_path / "review.sqlite3"
    child, screen = spawn_reader(store, tmp_path)
    try:
        screen.wait_for(" names · ", timeout=START_TIMEOUT)  # the header counts: the analysis is in
        screen.type("\t", then=" mentions · enter shows it")  # the Entities pane has the focus
        screen.type("/", then="search the Entities pane")
        screen.type("lu shai\r", then="/lu shai  1/1 · Lu Shai · person")
        screen.type("a", then="accepted Lu Shaye (bundled) for Lu Shai")
        child.send_signal(signal.SIGKILL)
        assert child.wait(timeout=STEP_TIMEOUT) == -signal.SIGKILL
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        os.close(screen.fd)

    found = subprocess.run(
        [sys.executable, "-c", READ_BACK, str(store)], capture_output=True, text=True, timeout=120, check=True
    )
    result = json.loads(found.stdout)
    assert result["decisions"] == ["accepted Lu Shaye (bundled) for Lu Shai"]
    assert result["state"] == "accepted"
    assert not (tmp_path / "not-this-store.sqlite3").exists()

"""How fast the reader paints and moves, against plain Textual doing the same job.

    .venv/bin/python benchmarks/tui_speed.py [--runs 7] [--keys 150]

Prints one table, all measured in this run:

* first paint: wall time from starting the process to the first frame showing the seed's
  text, in a real pseudo-terminal (100x30), for `python -m newsreader` and for a bare
  Textual app that shows the same text in a `Static`. Median of `--runs` interleaved runs,
  after a warm-up run of each, from cached bytecode as an installed copy runs.
* CPU per key: process CPU time per `]` (through every mention) and per `n` (through
  Xi Jinping's), and per cursor `down` in Textual's read-only `TextArea`, on the seed and
  on a 1 MB article (the seed repeated), for one lap from the top.
  The reader gets its analysis up front (the seed's, repeated with shifted offsets), as
  analysing 1 MB would dominate; keys go through Pilot, which idles between presses, so
  CPU time is measured rather than wall time. Pilot also waits on every widget after each
  key, which costs more in an app of twenty widgets than in one of two, so an unbound key
  is measured in each app as its floor and the net cost is printed too.

Targets (issue 5): first paint <= 1.2x the bare app; <= 8 ms CPU per key at 1 MB;
1 MB / seed <= 1.5.
"""

from __future__ import annotations

import argparse
import asyncio
import fcntl
import os
import pty
import select
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from dataclasses import replace
from pathlib import Path

SIZE = (100, 30)
MARKER = b"peace talks delegation"  # plain text of the title line, drawn by both apps
ONE_MB = 1024 * 1024


# -- first paint ------------------------------------------------------------------------


def bare_app(path: str) -> None:
    """The baseline: Textual showing the text in a Static, nothing else."""
    from textual.app import App, ComposeResult
    from textual.containers import VerticalScroll
    from textual.widgets import Static

    text = Path(path).read_text(encoding="utf-8")

    class Bare(App[None]):
        BINDINGS = [("q", "quit", "quit")]  # noqa: RUF012

        def compose(self) -> ComposeResult:
            with VerticalScroll():
                yield Static(text, markup=False)

    Bare().run()


def time_to_marker(command: list[str], env: dict[str, str], timeout: float = 20.0) -> float:
    """Seconds from starting `command` in a pseudo-terminal until MARKER is drawn."""
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", SIZE[1], SIZE[0], 0, 0))
    start = time.perf_counter()
    process = subprocess.Popen(command, stdin=follower, stdout=follower, stderr=follower, env=env)
    os.close(follower)
    seen = b""
    try:
        while time.perf_counter() - start < timeout:
            ready, _, _ = select.select([leader], [], [], 0.05)
            if ready:
                try:
                    seen += os.read(leader, 65536)
                except OSError:
                    break
                if MARKER in seen:
                    return time.perf_counter() - start
        raise RuntimeError(f"{command[1:]} never drew {MARKER!r}")
    finally:
        process.terminate()
        process.wait(timeout=5)
        os.close(leader)


def first_paint(runs: int, seed: str) -> tuple[float, float]:
    env = {**os.environ, "TERM": "xterm-256color", "COLORTERM": "truecolor"}
    env["NEWSREADER_CONFIG_DIR"] = tempfile.mkdtemp(prefix="newsreader-bench-")
    env["NEWSREADER_STORE"] = os.path.join(env["NEWSREADER_CONFIG_DIR"], "review.sqlite3")
    # Installed packages start from cached bytecode; so do both apps here (the warm-up
    # run writes it, outside the checkout), even where PYTHONDONTWRITEBYTECODE is set.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = tempfile.mkdtemp(prefix="newsreader-bench-pycache-")
    reader_cmd = [sys.executable, "-m", "newsreader", seed]
    bare_cmd = [sys.executable, __file__, "--bare", seed]
    time_to_marker(bare_cmd, env)  # warm the file cache and bytecode for both
    time_to_marker(reader_cmd, env)
    reader, bare = [], []
    for _ in range(runs):
        bare.append(time_to_marker(bare_cmd, env))
        reader.append(time_to_marker(reader_cmd, env))
    return statistics.median(reader), statistics.median(bare)


# -- CPU per key ------------------------------------------------------------------------


def repeated(seed_text: str, analysis, copies: int):  # type: ignore[no-untyped-def]
    """The seed `copies` times over, and its analysis with offsets moved to match."""
    from newsreader.article import from_text

    gap = "\n\n"
    step = len(seed_text) + len(gap)

    def shift(span, k):  # type: ignore[no-untyped-def]
        return None if span is None else (span[0] + k * step, span[1] + k * step)

    entities = tuple(
        replace(e, mentions=tuple(shift(m, k) for k in range(copies) for m in e.mentions))
        for e in analysis.entities
    )
    quotes = tuple(
        replace(
            q,
            start=q.start + k * step,
            end=q.end + k * step,
            speaker_span=shift(q.speaker_span, k),
            cue_span=shift(q.cue_span, k),
        )
        for k in range(copies)
        for q in analysis.quotes
    )
    doc = from_text(gap.join([seed_text] * copies), source=f"seed x{copies}")
    return doc, replace(analysis, entities=entities, quotes=quotes)


UNBOUND = "f19"  # a key nothing answers: what Pilot and key dispatch cost by themselves


async def cpu_per_key(app, key: str, presses: int, prime: tuple[str, ...] = ()) -> float:  # type: ignore[no-untyped-def]
    """Milliseconds of process CPU per press of `key` in a fresh `app`, after `prime`."""
    async with app.run_test(size=SIZE) as pilot:
        while getattr(getattr(app, "reader", None), "panes_ready", True) is False:
            await pilot.pause()
        await pilot.press(*prime)
        start = time.process_time()
        for _ in range(presses):
            await pilot.press(key)
        return (time.process_time() - start) * 1000 / presses


def text_area_app(text: str):  # type: ignore[no-untyped-def]
    from textual.app import App, ComposeResult
    from textual.widgets import TextArea

    class Baseline(App[None]):
        def compose(self) -> ComposeResult:
            yield TextArea(text, read_only=True)

    return Baseline()


async def key_costs(presses: int) -> dict[str, dict[str, float]]:
    from newsreader import article, resources
    from newsreader.analysis.service import Analyzer
    from newsreader.config import Config
    from newsreader.ui.app import ReaderApp

    seed = article.load(resources.seed_article())
    analysis = Analyzer.from_options([]).analyze(seed)
    copies = -(-ONE_MB // (len(seed.text) + 2))
    big, big_analysis = repeated(seed.text, analysis, copies)
    themes = [resources.bundled_dir("themes")]
    costs: dict[str, dict[str, float]] = {}
    # One lap from the top, so that on the seed as on 1 MB every press goes somewhere not
    # drawn before; a second lap would come from the line cache and flatter the seed.
    xi = next(e for e in analysis.entities if e.name == "Xi Jinping")
    all_mentions = sum(len(e.mentions) for e in analysis.entities)
    bracket, same = min(presses, all_mentions - 1), min(presses, len(xi.mentions) - 1)
    for label, doc, result in (("seed", seed, analysis), ("1 MB", big, big_analysis)):

        def reader() -> ReaderApp:
            return ReaderApp(doc, analysis=result, config=Config(), theme_folders=themes)  # noqa: B023

        costs[label] = {
            "chars": len(doc.text),
            "]": await cpu_per_key(reader(), "right_square_bracket", bracket),
            "n": await cpu_per_key(reader(), "n", same, prime=("right_square_bracket",)),
            "floor": await cpu_per_key(reader(), UNBOUND, presses),
            "textarea": await cpu_per_key(text_area_app(doc.text), "down", presses),
            "textarea floor": await cpu_per_key(text_area_app(doc.text), UNBOUND, presses),
        }
    return costs


# -- report -----------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="first-paint runs per app (median)")
    parser.add_argument("--keys", type=int, default=150, help="key presses per measurement")
    parser.add_argument("--bare", metavar="PATH", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.bare:
        bare_app(args.bare)
        return 0

    from newsreader import resources

    # the user's settings and review store stay out of the measurement, and untouched
    os.environ["NEWSREADER_CONFIG_DIR"] = tempfile.mkdtemp(prefix="newsreader-bench-")
    os.environ["NEWSREADER_STORE"] = os.path.join(os.environ["NEWSREADER_CONFIG_DIR"], "review.sqlite3")
    reader, bare = first_paint(args.runs, str(resources.seed_article()))
    costs = asyncio.run(key_costs(args.keys))

    ratio = reader / bare
    print(f"first paint ({SIZE[0]}x{SIZE[1]} pty, median of {args.runs})")
    print(f"  newsreader           {reader * 1000:7.0f} ms")
    print(f"  bare Textual Static  {bare * 1000:7.0f} ms")
    print(f"  ratio                {ratio:7.2f}   target <= 1.20  {'ok' if ratio <= 1.2 else 'MISSED'}")
    print()
    print(f"CPU per key, ms (mean of up to {args.keys} presses through Pilot, one lap from the top)")
    header = ("article", "chars", "] next", "n same", "floor", "TextArea ↓", "floor")
    print("  {:<8} {:>9} {:>8} {:>8} {:>7} {:>11} {:>7}".format(*header))
    for label, row in costs.items():
        print(
            f"  {label:<8} {row['chars']:>9,.0f} {row[']']:>8.2f} {row['n']:>8.2f} {row['floor']:>7.2f}"
            f" {row['textarea']:>11.2f} {row['textarea floor']:>7.2f}"
        )
    print("  floor: an unbound key, i.e. Pilot's wait on every widget plus key dispatch;")
    print("  net = key - floor, the work the key itself causes (handling and redrawing)")
    big, small = costs["1 MB"], costs["seed"]
    net = {k: (big[k] - big["floor"], small[k] - small["floor"]) for k in ("]", "n")}
    worst = max(b for b, _ in net.values())
    growth = max(big[k] / small[k] for k in ("]", "n"))
    area = big["textarea"] - big["textarea floor"]
    print(f"  net at 1 MB: ] {net[']'][0]:.2f}, n {net['n'][0]:.2f}; TextArea ↓ {area:.2f}")
    print(f"  worst net at 1 MB    {worst:7.2f} ms  target <= 8     {'ok' if worst <= 8 else 'MISSED'}")
    print(f"  1 MB / seed (raw)    {growth:7.2f}     target <= 1.5   {'ok' if growth <= 1.5 else 'MISSED'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

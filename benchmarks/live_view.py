"""How soon another reviewer's decision reaches a reader: an SQLite file polled, a server told.

    python benchmarks/live_view.py [--decisions 20] [--postgresql URI] [--seed 14]

The issue's bound: another reviewer's decision shows within two seconds. For each store a
reader (a session of its own) and a writer (another) are opened in this process; the
writer makes `--decisions` decisions at random moments (0.2 to 1.5 s apart, so they fall
anywhere in the poll's cycle), and each one's latency runs from just before the writer's
`record` to the moment the reader sees it:

- sqlite: the reader polls `data_version` every `ReaderApp.STORE_POLL_SECONDS`, as the
  reader does, and sees a change at the first poll after the commit;
- postgresql: the reader is told by its listener (`watch`, LISTEN/NOTIFY), no poll (a
  throwaway cluster of the tests' own, tests/review/pg_support.py, unless --postgresql
  names one; its tables are dropped first).

Printed per store: the median, p95 and largest latency, how many exceeded two seconds,
then the server's figures as ratios to the file's, measured in the same run. The redraw
is not included (the reader's is some tens of milliseconds).
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests" / "review"))  # the tests' throwaway PostgreSQL cluster

from newsreader.review.backends import open_store  # noqa: E402
from newsreader.review.decision_log import DecisionLog  # noqa: E402

BOUND_SECONDS = 2.0


def latencies(
    location: str, count: int, rng: random.Random, seen_by: Callable[[DecisionLog, threading.Event], object]
) -> list[float]:
    """Seconds from each of `count` decisions to the reader seeing it; `seen_by(reader,
    seen)` starts the reader's way of noticing, which sets `seen`."""
    reader = open_store(location, reviewer="ana", session="live-view-reader")
    writer = open_store(location, reviewer="ben", session="live-view-writer")
    seen = threading.Event()
    stop = seen_by(reader, seen)
    art = writer.article("live-view", "live-view.txt", "live view").id
    found: list[float] = []
    try:
        for i in range(count):
            time.sleep(rng.uniform(0.2, 1.5))
            seen.clear()
            began = time.perf_counter()
            writer.record(art, "note", f'{{"i":{i}}}', '{"text":"seen?"}')
            if not seen.wait(30.0):
                raise SystemExit(f"decision {i} was not seen within 30 s in {location}")
            found.append(time.perf_counter() - began)
    finally:
        if callable(stop):
            stop()
        writer.close()
        reader.close()
    return found


def polled(reader: DecisionLog, seen: threading.Event) -> Callable[[], None]:
    """The reader's poll, in a thread: `seen` at the first poll whose answer changed."""
    from newsreader.ui.app import ReaderApp

    every = ReaderApp.STORE_POLL_SECONDS
    done = threading.Event()

    def poll() -> None:
        last = reader.data_version()
        while not done.wait(every):
            now = reader.data_version()
            if now != last:
                last = now
                seen.set()

    thread = threading.Thread(target=poll, daemon=True)
    thread.start()

    def stop() -> None:
        done.set()
        thread.join()

    return stop


def told(reader: DecisionLog, seen: threading.Event) -> None:
    if not reader.watch(seen.set):
        raise SystemExit("the server's store does not tell (no trigger, or the listener did not start)")


def summary(found: list[float]) -> dict[str, float]:
    ordered = sorted(found)
    return {
        "median": statistics.median(ordered),
        "p95": ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))],
        "max": ordered[-1],
        "over": sum(x > BOUND_SECONDS for x in ordered),
    }


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--decisions", type=int, default=20)
    p.add_argument("--postgresql", metavar="URI", help="a server to use (its review tables are dropped)")
    p.add_argument("--seed", type=int, default=14)
    args = p.parse_args()
    rng = random.Random(args.seed)
    results: dict[str, dict[str, float]] = {}

    folder = Path(tempfile.mkdtemp(prefix="live-view-"))
    try:
        results["sqlite poll"] = summary(
            latencies(str(folder / "review.sqlite3"), args.decisions, rng, polled)
        )
    finally:
        shutil.rmtree(folder, ignore_errors=True)

    from pg_support import emptied_server

    with emptied_server(args.postgresql) as address:
        results["pg notify"] = summary(latencies(address, args.decisions, rng, told))

    print(f"{args.decisions} decisions per store; latency from the writer's record to the reader seeing it")
    print(f"{'store':<12} {'median s':>9} {'p95 s':>7} {'max s':>7} {'> 2 s':>6}")
    for name, r in results.items():
        print(f"{name:<12} {r['median']:>9.3f} {r['p95']:>7.3f} {r['max']:>7.3f} {r['over']:>6.0f}")
    s, g = results["sqlite poll"], results["pg notify"]
    print(f"pg notify / sqlite poll: median {g['median'] / s['median']:.3f}x, max {g['max'] / s['max']:.3f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

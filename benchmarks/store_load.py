"""Many writers on one review store, some killed mid-run: nothing lost or doubled, and how fast.

    python benchmarks/store_load.py [--writers 8] [--decisions 1000] [--kills 4] [--postgresql URI]

For the SQLite file and then a PostgreSQL server (a throwaway cluster of the tests' own,
tests/review/pg_support.py, unless --postgresql names one; its tables are dropped first),
`--writers` processes each record `--decisions` decisions through the store's own
`record`, each decision under a uid of its own. `--kills` times a random writer is killed
with SIGKILL at a random point and started again from the last decision it reported
committed: the one in flight may or may not have been, and is sent again under the same
uid, so the store must keep it once. At the end every writer's every decision must be
in the store exactly once. Printed per store: decisions lost, doubled, throughput (all
writers together, wall clock from the first start to the last finish, restarts
included), the median and p99 latency of one `record` call; then PostgreSQL's figures as
ratios to SQLite's, measured in the same run on the same machine.
"""

from __future__ import annotations

import argparse
import os
import random
import selectors
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests" / "review"))  # the tests' throwaway PostgreSQL cluster

# One writer: decisions `start`..`count-1` of writer `name`, a line "i seconds" after each commits.
WRITER = textwrap.dedent(
    """
    import json, sys, time
    from newsreader.review.backends import open_store

    location, name, start, count = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    store = open_store(location, reviewer=name, session=name)
    art = store.article("store-load", "store-load.txt", "store load").id
    print("ready", flush=True)
    for i in range(start, count):
        target = json.dumps({"writer": name, "i": i})
        began = time.perf_counter()
        store.record(art, "note", target, json.dumps({"text": f"{name} {i}"}), uid=f"{name}-{i}")
        print(i, time.perf_counter() - began, flush=True)
    store.close()
    """
)


@dataclass
class Writer:
    name: str
    location: str
    count: int
    done: int = 0  # decisions it reported committed
    latencies: list[float] = field(default_factory=list)
    proc: subprocess.Popen[str] | None = None
    restarts: int = 0

    def start(self) -> None:
        cmd = [sys.executable, "-c", WRITER, self.location, self.name, str(self.done), str(self.count)]
        env = {**os.environ, "PYTHONPATH": str(REPO / "tui")}
        self.proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True, env=env)
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline().strip()
        if line != "ready":
            raise SystemExit(f"writer {self.name} did not start: {line!r}")

    def read_one(self) -> bool:
        """Take in one reported decision; False when the writer has ended."""
        assert self.proc is not None and self.proc.stdout is not None
        line = self.proc.stdout.readline()
        if not line:
            return False
        i, seconds = line.split()
        self.done = int(i) + 1
        self.latencies.append(float(seconds))
        return True

    def kill(self) -> None:
        assert self.proc is not None
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait()
        self.restarts += 1


def run_load(location: str, writers: int, decisions: int, kills: int, rng: random.Random) -> dict[str, float]:
    from newsreader.review.backends import open_store

    open_store(location).close()  # create (or migrate) once, before the race
    crew = [Writer(f"w{n}", location, decisions) for n in range(writers)]
    # kill points: (writer, once it has reported this many decisions)
    plan = sorted((rng.randrange(writers), rng.randrange(1, decisions)) for _ in range(kills))
    began = time.perf_counter()
    for w in crew:
        w.start()
    sel = selectors.DefaultSelector()
    for w in crew:
        assert w.proc is not None and w.proc.stdout is not None
        sel.register(w.proc.stdout, selectors.EVENT_READ, w)
    running = len(crew)
    while running:
        for key, _ in sel.select():
            w = key.data
            if not w.read_one():
                sel.unregister(key.fileobj)
                assert w.proc is not None
                if w.proc.wait() != 0:
                    raise SystemExit(f"writer {w.name} failed")
                running -= 1
                continue
            due = [p for p in plan if p[0] == int(w.name[1:]) and p[1] <= w.done]
            if due and w.done < decisions:
                plan.remove(due[0])
                sel.unregister(key.fileobj)
                w.kill()
                w.start()  # from the last decision it reported: the one in flight is sent again
                assert w.proc is not None and w.proc.stdout is not None
                sel.register(w.proc.stdout, selectors.EVENT_READ, w)
    wall = time.perf_counter() - began

    store = open_store(location, read_only=True)
    found = store.find_article("store-load")
    assert found is not None
    uids = [r.uid for r in store.decisions(found.id)]
    store.close()
    expected = {f"w{n}-{i}" for n in range(writers) for i in range(decisions)}
    latencies = sorted(x for w in crew for x in w.latencies)
    return {
        "lost": len(expected - set(uids)),
        "doubled": len(uids) - len(set(uids)),
        "stray": len(set(uids) - expected),
        "killed": sum(w.restarts for w in crew),
        "throughput": len(expected) / wall,
        "median_ms": statistics.median(latencies) * 1000,
        "p99_ms": latencies[int(0.99 * (len(latencies) - 1))] * 1000,
    }


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--writers", type=int, default=8)
    p.add_argument("--decisions", type=int, default=1000, help="per writer")
    p.add_argument("--kills", type=int, default=4, help="writers killed with SIGKILL and restarted")
    p.add_argument("--postgresql", metavar="URI", help="a server to use (its review tables are dropped)")
    p.add_argument("--seed", type=int, default=14)
    args = p.parse_args()
    rng = random.Random(args.seed)
    results: dict[str, dict[str, float]] = {}

    folder = Path(tempfile.mkdtemp(prefix="store-load-"))
    try:
        results["sqlite"] = run_load(
            str(folder / "review.sqlite3"), args.writers, args.decisions, args.kills, rng
        )
    finally:
        shutil.rmtree(folder, ignore_errors=True)

    from pg_support import emptied_server

    with emptied_server(args.postgresql) as address:
        results["postgresql"] = run_load(address, args.writers, args.decisions, args.kills, rng)

    print(f"{args.writers} writers x {args.decisions} decisions, {args.kills} writers killed with SIGKILL")
    columns = ("lost", "doubled", "killed", "decisions/s", "median ms", "p99 ms")
    widths = (5, 8, 7, 12, 10, 8)
    print(f"{'store':<11} " + " ".join(f"{c:>{w}}" for c, w in zip(columns, widths, strict=True)))
    for name, r in results.items():
        print(
            f"{name:<11} {r['lost']:>5.0f} {r['doubled'] + r['stray']:>8.0f} {r['killed']:>7.0f} "
            f"{r['throughput']:>12.0f} {r['median_ms']:>10.2f} {r['p99_ms']:>8.2f}"
        )
    s, g = results["sqlite"], results["postgresql"]
    print(
        f"postgresql / sqlite: throughput {g['throughput'] / s['throughput']:.2f}x, "
        f"p99 latency {g['p99_ms'] / s['p99_ms']:.2f}x"
    )
    ok = all(r["lost"] == 0 and r["doubled"] == 0 and r["stray"] == 0 for r in results.values())
    print("nothing lost or doubled" if ok else "DECISIONS LOST OR DOUBLED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

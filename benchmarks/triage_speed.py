"""How fast the triage list opens and answers on a big folder, and how fast it is filled.

    .venv/bin/python benchmarks/triage_speed.py [--articles 10000] [--analyse 1000] [--keys 60] [--opened 10]

Generates a folder of `--articles` stories (benchmarks/varied_text.py: people, bodies
and places drawn from the bundled lexicons, so no two stories name the same people; no
dev data) in a temporary folder and prints, all measured in this run:

* first screen: wall time from listing the folder to the list's first frame, in this
  process (modules imported, headless 120x40), with an empty analysis cache and with
  a full one (a reopened folder), against a bare Textual `DataTable` given the same rows.
* CPU per key in the list (10,000 rows, every row filled): `j`, `pagedown`, `o` (sort
  again), `d` (to-decide filter) and a letter typed in the `/` filter. Pilot idles and
  waits on every widget after each key, so CPU time is measured, and an unbound key is
  the floor (printed too; the net is key minus floor).
* memory: the process's resident size with the list open, then after opening and
  closing `--opened` N and 10 N articles from it (enter, escape), and what each article
  from the N-th to the 10 N-th added: what a reviewer's session adds. Then what of it
  is kept beyond the caches: at the N-th every `functools.lru_cache` of the package is
  emptied and `tracemalloc` starts; at the 10 N-th they are emptied again and what is
  still allocated since the N-th is printed, with the files that allocated most of it
  (0 kB an article: the session's memory is the caches', each of a fixed size).
* analysis: time to summarise the first `--analyse` articles with 1 and 2 processes
  (the list's pool, empty cache), against `newsreader analyze --format jsonl` with
  `--jobs 1` and `--jobs 2` on the same files; then the reopen, every row from the cache.
  Per-article rates give the time for the whole folder.

Targets (issue 12): first screen <= 1 s; <= 16 ms CPU per key; memory bounded.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Any

from varied_text import story

ROOT = Path(__file__).resolve().parent.parent


def make_folder(where: Path, count: int) -> list[str]:
    rng = random.Random(12)
    where.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        (where / f"{n:05d}.txt").write_text(story(rng) + "\n", encoding="utf-8")
    from newsreader import article

    return [str(p) for p in article.articles_in(where)]


def package_caches() -> list[Any]:
    """Every `functools.lru_cache` of the package's modules, each bounded by its maxsize."""
    found = {}
    for name, module in list(sys.modules.items()):
        if name.startswith("newsreader"):
            for value in vars(module).values():
                if callable(getattr(value, "cache_clear", None)) and callable(
                    getattr(value, "cache_info", None)
                ):
                    found[id(value)] = value
    return list(found.values())


def empty_caches() -> int:
    """Empty every cache of `package_caches` and collect; the entries they held."""
    held = 0
    for fn in package_caches():
        held += fn.cache_info().currsize
        fn.cache_clear()
    gc.collect()
    return held


def rss_mb() -> float:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def triage_app(paths: list[str], workers: int | None) -> object:
    from newsreader import article, batch, resources
    from newsreader.config import Config
    from newsreader.ui.triage_app import TriageApp

    return TriageApp(
        article.load(paths[0]),
        triage=batch.Options(),
        articles=paths,
        config=Config(),
        theme_folders=[resources.bundled_dir("themes")],
        workers=workers,
    )


async def first_screen(folder: Path, workers: int | None) -> float:
    """Seconds from listing the folder to the list's first frame."""
    from newsreader import article

    started = time.perf_counter()
    paths = [str(p) for p in article.articles_in(folder)]
    app = triage_app(paths, workers)
    async with app.run_test(size=(120, 40)) as pilot:  # type: ignore[attr-defined]
        await pilot.pause()
        took = time.perf_counter() - started
        app.article_list._stop.set()  # type: ignore[attr-defined]
    return took


async def bare_first_screen(folder: Path) -> float:
    """The same rows (file name and date) in a bare DataTable: the baseline."""
    from textual.app import App, ComposeResult
    from textual.widgets import DataTable

    from newsreader import article

    class Bare(App[None]):
        def compose(self) -> ComposeResult:
            yield DataTable()

        def on_mount(self) -> None:
            table = self.query_one(DataTable)
            table.add_columns("title", "date")
            table.add_rows((os.path.basename(p), time.ctime(os.stat(p).st_mtime)) for p in paths)

    started = time.perf_counter()
    paths = [str(p) for p in article.articles_in(folder)]
    async with Bare().run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        return time.perf_counter() - started


async def keys_and_memory(
    paths: list[str], cached: int, presses: int, opened: int
) -> tuple[dict[str, float], list[tuple[int, float]], dict[str, Any]]:
    app = triage_app(paths, 0)  # the cache only: the `cached` rows the earlier runs filled
    cpu: dict[str, float] = {}
    memory: list[tuple[int, float]] = []
    kept: dict[str, Any] = {}
    async with app.run_test(size=(120, 40)) as pilot:  # type: ignore[attr-defined]
        screen = app.article_list  # type: ignore[attr-defined]
        while screen.filled < cached:
            await pilot.pause(0.1)
        await pilot.pause(0.5)

        async def per_key(*keys: str) -> float:
            start = time.process_time()
            for _ in range(presses):
                await pilot.press(*keys)
            return (time.process_time() - start) * 1000 / presses / len(keys)

        cpu["floor (unbound f12)"] = await per_key("f12")
        cpu["j"] = await per_key("j")
        cpu["pagedown"] = await per_key("pagedown")
        cpu["o (sort again)"] = await per_key("o")
        cpu["d (to-decide filter)"] = await per_key("d")
        await pilot.press("slash")
        start = time.process_time()
        for n in range(presses):
            await pilot.press("a" if n % 2 == 0 else "backspace")
        cpu["a letter in / filter"] = (time.process_time() - start) * 1000 / presses
        await pilot.press("escape", "escape")
        memory.append((0, rss_mb()))
        for count in range(1, 10 * opened + 1):
            await pilot.press("j", "enter")
            while app.decisions is None:  # type: ignore[attr-defined]
                await pilot.pause(0.02)
            await pilot.press("escape")
            if count == opened:
                memory.append((count, rss_mb()))
                # from here on, what stays allocated once the caches are emptied again is
                # what a session keeps beyond them
                empty_caches()
                tracemalloc.start()
            elif count == 10 * opened:
                memory.append((count, rss_mb() - tracemalloc.get_tracemalloc_memory() / 1e6))
                kept["cache entries"] = empty_caches()
                snapshot = tracemalloc.take_snapshot()
                kept["bytes"] = tracemalloc.get_traced_memory()[0]
                tracemalloc.stop()
                kept["by file"] = [
                    (str(stat.traceback[0].filename), stat.size)
                    for stat in snapshot.statistics("filename")[:4]
                ]
    return cpu, memory, kept


def summarise_seconds(paths: list[str], workers: int, cache_dir: Path) -> tuple[float, int]:
    """Seconds to summarise `paths` with the list's pool and cache, and the rows given."""
    from newsreader import batch

    os.environ["NEWSREADER_CACHE"] = str(cache_dir)
    started = time.perf_counter()
    cache = batch.SummaryCache()
    done = sum(1 for _ in batch.summarise_all(paths, batch.Options(), cache, workers=workers))
    cache.close()
    return time.perf_counter() - started, done


def analyze_seconds(paths: list[str], jobs: int) -> float:
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "newsreader", "analyze", "--format", "jsonl", "--jobs", str(jobs), *paths],
        check=True,
        stdout=subprocess.DEVNULL,
        env={**os.environ, "PYTHONPATH": str(ROOT / "tui")},
    )
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--analyse", type=int, default=1000, help="articles analysed per timed run")
    parser.add_argument("--keys", type=int, default=60, help="presses per key measured")
    parser.add_argument("--opened", type=int, default=10, help="N: memory after N and 10 N articles opened")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="triage-") as tmp:
        base = Path(tmp)
        os.environ["NEWSREADER_STORE"] = str(base / "store" / "review.sqlite3")
        os.environ["NEWSREADER_CONFIG_DIR"] = str(base / "config")
        os.environ["NEWSREADER_CACHE"] = str(base / "cache-list")
        from newsreader import batch

        batch.prepare_workers()
        started = time.perf_counter()
        paths = make_folder(base / "wire", args.articles)
        print(f"{len(paths):,} articles generated in {time.perf_counter() - started:.1f} s")

        sample = paths[: args.analyse]
        list_cache = base / "cache-list"
        n1, _ = summarise_seconds(sample, 1, base / "cache-n1")
        n2, _ = summarise_seconds(sample, 2, list_cache)  # these rows are filled when the list opens
        a1 = analyze_seconds(sample, 1)
        a2 = analyze_seconds(sample, 2)
        reopen, found = summarise_seconds(sample, 0, list_cache)  # every row from the cache
        lookup, _ = summarise_seconds(paths, 0, list_cache)  # the whole folder looked up

        bare = asyncio.run(bare_first_screen(base / "wire"))
        os.environ["NEWSREADER_CACHE"] = str(base / "cache-cold")
        cold = asyncio.run(first_screen(base / "wire", 0))
        os.environ["NEWSREADER_CACHE"] = str(list_cache)
        warm = asyncio.run(first_screen(base / "wire", 0))
        cpu, memory, kept = asyncio.run(keys_and_memory(paths, len(sample), args.keys, args.opened))

    count = len(sample)
    print(f"\nfirst screen of the list, {len(paths):,} rows (target <= 1 s)")
    print(f"  empty cache  {cold:6.2f} s   ({cold / bare:.2f}x a bare DataTable of the rows, {bare:.2f} s)")
    print(f"  warm cache   {warm:6.2f} s   ({warm / bare:.2f}x; {count:,} rows filled from it)")
    print(f"\nCPU per key in the list of {len(paths):,}, ms (target <= 16; net = key - floor)")
    floor = cpu["floor (unbound f12)"]
    for name, ms in cpu.items():
        print(f"  {name:<22} {ms:6.2f}   net {ms - floor:6.2f}")
    print("\nresident memory, MB (the list open, then after opening articles from it)")
    for opened, mb in memory:
        print(f"  after {opened:>4} opened   {mb:7.1f}")
    (first, at_first), (last, at_last) = memory[1], memory[-1]
    each = (at_last - at_first) / (last - first)
    print(f"  each article from the {first}th to the {last}th: {each:+.2f} MB (caches filling)")
    caches = package_caches()
    bound = sum(fn.cache_info().maxsize or 0 for fn in caches)
    print(
        f"  the package's {len(caches)} caches held {kept['cache entries']:,} entries"
        f" at the {last}th (all of them may hold {bound:,})"
    )
    print(
        f"  kept from the {first}th to the {last}th beyond those caches:"
        f" {kept['bytes'] / 1e6:.2f} MB, {kept['bytes'] / (last - first) / 1e3:.1f} kB an article"
    )
    for filename, size in kept["by file"]:
        print(f"    {size / 1e6:6.2f} MB  {filename}")
    print(f"\nanalysis of {count:,} articles, s (ms per article; the {len(paths):,} at that rate, min)")
    for name, took in (
        ("list's pool, 1 process", n1),
        ("list's pool, 2 processes", n2),
        ("analyze --jsonl --jobs 1", a1),
        ("analyze --jsonl --jobs 2", a2),
    ):
        rate = took / count
        print(f"  {name:<26} {took:7.1f}   {rate * 1000:6.1f}   {rate * len(paths) / 60:6.1f}")
    print(f"  pool / analyze: 1 process {n1 / a1:.2f}x, 2 processes {n2 / a2:.2f}x")
    print(f"\nreopened: {found:,} rows from the cache in {reopen:.2f} s")
    print(f"  all {len(paths):,} rows looked up in {lookup:.2f} s")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak resident size of this process: {peak:.0f} MB")


if __name__ == "__main__":
    main()

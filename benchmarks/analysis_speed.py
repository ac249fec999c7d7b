"""How fast the analysis reads, on text whose names differ, against a regex word split.

    python benchmarks/analysis_speed.py [--sizes 10000,100000,1000000] [--articles DIR]
                                        [--no-bundled] [--repeat N]

Repeating one article would make every later copy a cache hit, so the long texts are
news-like stories whose people, bodies and places differ (benchmarks/varied_text.py),
joined into one text of 10k, 100k and 1M words. Short articles are measured one at a
time: 300 generated stories, and the folder of real articles (default:
../shared/eval/dev/articles when it exists; read at run time, never copied). A repeat
never reads a text again (the analysis caches names, words and forms per process): each
repeat of a long text or of the stories is another text of the same size and kind, and
the real articles are read once.

For each it prints CPU seconds on one core (the analysis is single-threaded), words per
second, the cost per word in microseconds, that cost against `re.findall(r"\\w+")` over the
same text in the same run (the cheapest pass over it, so the figure carries over between
machines), the cost per word against the smallest long text's (1.0 = linear), and each
pass's share (mentions, entities, quotes, xref). Then `newsreader analyze` on the seed,
process start included, against `python -c pass`.
"""

from __future__ import annotations

import argparse
import random
import re
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from newsreader import article, resources
from newsreader.analysis.model import Analysis
from newsreader.analysis.service import Analyzer

sys.path.insert(0, str(Path(__file__).resolve().parent))
from varied_text import story, varied_text

ROOT = Path(__file__).resolve().parents[1]
DEV_ARTICLES = ROOT.parent / "shared" / "eval" / "dev" / "articles"
WORD = re.compile(r"\w+")
PASSES = ("mentions", "entities", "quotes", "xref")


def cpu(fn: Callable[[], object], repeat: int) -> float:
    """Best CPU time of `repeat` runs (other processes on the machine do not count)."""
    times = []
    for _ in range(repeat):
        started = time.process_time()
        fn()
        times.append(time.process_time() - started)
    return min(times)


def process(cmd: list[str], repeat: int) -> tuple[float, float]:
    """Median wall time and CPU time (user + system) of running `cmd`."""
    walls, cpus = [], []
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True)
        walls.append(time.perf_counter() - started)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(walls), statistics.median(cpus)


@dataclass(frozen=True)
class Row:
    label: str
    words: int
    seconds: float  # CPU
    vs_regex: float
    shares: str  # of each pass in the analysis time

    @property
    def per_word(self) -> float:
        return self.seconds / self.words


def measure(label: str, runs: list[list[article.Article]], analyzer: Analyzer) -> Row:
    """The best of `runs` (each a list of texts of the same size and kind, analysed once)
    in CPU time per word, against the regex word split of the same texts."""
    best: tuple[float, int, list[Analysis], list[article.Article]] | None = None
    for docs in runs:
        words = sum(len(WORD.findall(d.text)) for d in docs)
        started = time.process_time()
        results = [analyzer.analyze(d) for d in docs]
        seconds = time.process_time() - started
        if best is None or seconds / words < best[0] / best[1]:
            best = (seconds, words, results, docs)
    assert best is not None
    seconds, words, results, docs = best
    baseline = cpu(lambda: [WORD.findall(d.text) for d in docs], 3)
    spent = {p: sum(r.timings.get(p, 0.0) for r in results) for p in PASSES}
    total = sum(spent.values()) or 1.0
    shares = " ".join(f"{p[:3]} {spent[p] / total:4.0%}" for p in PASSES)
    return Row(label, words, seconds, seconds / baseline, shares)


def table(rows: list[Row], linear_from: float | None) -> str:
    header = ["text", "words", "CPU s", "words/s", "µs/word", "vs regex", "vs first", "share of time"]
    lines = [header]
    for r in rows:
        lines.append(
            [
                r.label,
                f"{r.words:,}",
                f"{r.seconds:.2f}",
                f"{1 / r.per_word:,.0f}",
                f"{r.per_word * 1e6:.1f}",
                f"{r.vs_regex:.0f}x",
                f"{r.per_word / linear_from:.2f}" if linear_from else "",
                r.shares,
            ]
        )
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    return "\n".join("  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)) for line in lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="10000,100000,1000000", help="words of the long texts")
    ap.add_argument("--articles", type=Path, default=DEV_ARTICLES, help="a folder of .txt articles")
    ap.add_argument("--no-bundled", action="store_true", help="without the bundled reference list")
    ap.add_argument("--repeat", type=int, default=3, help="texts of each size up to 100k words (best kept)")
    args = ap.parse_args()

    started = time.perf_counter()
    analyzer = Analyzer.from_options([], bundled=not args.no_bundled)
    seed_text = resources.seed_article().read_text(encoding="utf-8")
    analyzer.analyze(article.from_text(seed_text))  # load lexicons and warm caches
    warmup = time.perf_counter() - started

    long_rows = []
    for size in (int(s) for s in args.sizes.split(",")):
        repeat = args.repeat if size <= 100_000 else 1
        runs = [
            [article.from_text(varied_text(size, seed=size + n), source=f"{size:,} words")]
            for n in range(repeat)
        ]
        long_rows.append(measure(f"one text of {size:,} words", runs, analyzer))
        print(f"  measured {size:,} words", file=sys.stderr, flush=True)
    rng = random.Random(99)
    stories = [[article.from_text(story(rng)) for _ in range(300)] for _ in range(args.repeat)]
    short_rows = [measure("300 generated stories, one by one", stories, analyzer)]
    if args.articles.is_dir():
        docs = [article.load(p) for p in sorted(args.articles.glob("*.txt"))]
        label = f"{len(docs)} articles in {args.articles.name}/, one by one, each read once"
        short_rows.append(measure(label, [docs], analyzer))

    print(table(long_rows, long_rows[0].per_word))
    print()
    print(table(short_rows, None))
    lists = "no reference list" if args.no_bundled else "the bundled reference list"
    print(f"\nwith {lists}; first analysis in this process (lexicons, reference index): {warmup:.2f} s")

    python = sys.executable
    seed = str(resources.seed_article())
    bare_wall, bare_cpu = process([python, "-c", "pass"], 5)
    full_wall, full_cpu = process([python, "-m", "newsreader", "analyze", "--format", "json", seed], 5)
    print(
        f"`newsreader analyze` on the seed, process start included: {full_wall:.2f} s wall, "
        f"{full_cpu:.2f} s CPU (python -c pass: {bare_wall:.2f} s wall, {bare_cpu:.2f} s CPU; medians of 5)"
    )


if __name__ == "__main__":
    main()

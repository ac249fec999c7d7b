"""How fast the analysis reads, against baselines measured in the same run.

    python benchmarks/analysis_speed.py [--articles DIR] [--repeat N]

Prints, for the seed article repeated to about 100,000 words and for a folder of real
articles (default: ../shared/eval/dev/articles when it exists):
- words per second of CPU time on one core (the analysis is single-threaded), and the
  same text's cost relative to a bare regular-expression word split, the cheapest
  possible pass over it, so the figure carries over between machines;
- peak memory of one analysis (tracemalloc);
- `newsreader analyze` on the seed, process start included (wall and CPU time, the
  latter unaffected by other work on the machine), against `python -c pass`.
"""

from __future__ import annotations

import argparse
import re
import resource
import statistics
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

from newsreader import article, resources
from newsreader.analysis.service import Analyzer

ROOT = Path(__file__).resolve().parents[1]
DEV_ARTICLES = ROOT.parent / "shared" / "eval" / "dev" / "articles"
WORD = re.compile(r"\w+")


def cpu(fn, repeat: int) -> float:
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


def measure(label: str, docs: list[article.Article], analyzer: Analyzer, repeat: int) -> list[str]:
    words = sum(len(WORD.findall(d.text)) for d in docs)
    analysis = cpu(lambda: [analyzer.analyze(d) for d in docs], repeat)
    baseline = cpu(lambda: [WORD.findall(d.text) for d in docs], repeat)
    tracemalloc.start()
    for d in docs:
        analyzer.analyze(d)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return [
        label,
        f"{words:,}",
        f"{words / analysis:,.0f}",
        f"{analysis / baseline:.0f}x",
        f"{peak / 1e6:.1f} MB",
    ]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=Path, default=DEV_ARTICLES, help="a folder of .txt articles")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()

    started = time.perf_counter()
    analyzer = Analyzer.from_options([])
    seed_text = resources.seed_article().read_text(encoding="utf-8")
    analyzer.analyze(article.from_text(seed_text))  # load lexicons and warm caches
    warmup = time.perf_counter() - started

    copies = 100_000 // len(WORD.findall(seed_text)) + 1
    big = article.from_text("\n\n".join([seed_text] * copies), source=f"seed x{copies}")
    rows = [measure(f"seed x{copies}", [big], analyzer, args.repeat)]
    if args.articles.is_dir():
        docs = [article.load(p) for p in sorted(args.articles.glob("*.txt"))]
        rows.append(measure(f"{len(docs)} articles in {args.articles.name}/", docs, analyzer, args.repeat))

    header = ["text", "words", "words/s (1 core, CPU)", "vs regex split", "peak memory"]
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    print("\n".join("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in [header, *rows]))
    print(f"\nfirst analysis in this process (lexicons, reference index): {warmup:.2f} s")

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

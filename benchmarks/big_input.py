"""Time and peak memory of one big input, whole and per stage, against reading it.

    python benchmarks/big_input.py [--sizes 2,20] [--one-line 50] [--formats json,jsonl]
                                   [--no-bundled] [--references FILE] [--no-stages] [--keep DIR]

Writes news-like text whose names differ from story to story (benchmarks/varied_text.py)
to a temporary folder: articles of 2 and 20 MB of many lines (paragraphs, sizes ten times
apart), and one of 50 MB on a single line (a pasted page, a minified dump). Each is run in
child processes, whose CPU time and peak resident memory (getrusage of the child) are
printed as ratios to those of a baseline child run in this same process: one that only
reads the file and splits it into words with a regular expression, the cheapest pass over
the same bytes, so the ratios carry over between machines. The children:

* `newsreader analyze --format F --max-size 60 FILE > /dev/null`, for each of --formats;
* the reader's background analysis as the reader runs it (`Analyzer.analyze` in a thread,
  told the progress), then the JSON contract built and written to /dev/null, the peak
  memory taken after each stage: analysis (mentions, entities, quotes), cross-reference
  and merge suggestions, `contract.document` (as `analyze` makes it: its long lists are
  made as they are written), `contract.write`. A peak is the most the
  process has held so far, so a stage's figure is at least the one before it.

`--no-bundled` leaves out the bundled reference list, and so most of the cross-reference's
work; `--references FILE` adds a list (a 1M-row list loads from its cached index).
Target (issue 10): a 20 MB article in <= 0.5 GB, written as JSON and in the reader.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from varied_text import varied_text

WORDS_PER_MB = 170_000  # the generated text runs at about 6 bytes a word
MAX_MB = "60"
BASELINE = "import re, sys; re.findall(r'\\w+', open(sys.argv[1], encoding='utf-8').read())"
STAGES = ("analysis", "xref+merges", "document", "write")


def run(cmd: list[str]) -> tuple[float, float, float, str]:
    """Wall seconds, CPU seconds, peak RSS in MB and standard error of one child process."""
    started = time.perf_counter()
    with open(os.devnull, "wb") as sink:
        child = subprocess.Popen(cmd, stdout=sink, stderr=subprocess.PIPE)
        assert child.stderr is not None
        err = child.stderr.read().decode(errors="replace")
        _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - started
    child.stderr.close()
    child.returncode = 0
    if status:
        sys.exit(f"{' '.join(cmd[:4])}… failed: {err.strip()[-500:]}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, err


def write_input(folder: Path, megabytes: float, one_line: bool) -> Path:
    text = varied_text(int(megabytes * WORDS_PER_MB), seed=7, separator=" " if one_line else "\n\n")
    if one_line:
        text = text.replace("\n", " ")
    data = text.encode("utf-8")[: int(megabytes * 1e6)]
    path = folder / f"{'one-line' if one_line else 'lines'}-{megabytes:g}mb.txt"
    path.write_bytes(data.decode("utf-8", "ignore").encode("utf-8"))
    return path


def stages_child(path: str, bundled: bool, references: list[str]) -> None:
    """The reader's analysis of `path`, then its JSON written to /dev/null; prints, on
    stderr, one `stage cpu_seconds peak_mb` line per stage."""
    from dataclasses import replace

    from newsreader import article
    from newsreader.analysis import contract, pipeline, xref
    from newsreader.analysis.service import Analyzer

    analyzer = Analyzer.from_options(references, bundled=bundled)
    doc = article.load(path, max_bytes=int(MAX_MB) * 1024 * 1024)
    marks: list[tuple[str, float, float]] = []

    def mark(stage: str) -> None:
        usage = resource.getrusage(resource.RUSAGE_SELF)
        marks.append((stage, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024))

    mark("loaded")
    seen: list[float] = []

    def background() -> None:
        # what Analyzer.analyze does, a stage at a time, in a thread as the reader's worker
        with pipeline.cycle_collection_paused():
            result = pipeline.analyze(doc, known=analyzer.known, progress=seen.append)
            mark("analysis")
            entities, merges = xref.cross_reference(doc.prose, result.entities, analyzer.index)
            mark("xref+merges")
        outcome.append(replace(result, entities=entities, merges=merges))

    outcome: list[object] = []
    worker = threading.Thread(target=background)
    worker.start()
    worker.join()
    assert seen and seen[-1] == 1.0, "the analysis reports its progress"
    doc_dict = contract.document(doc, outcome.pop())  # type: ignore[arg-type]
    mark("document")
    with open(os.devnull, "w", encoding="utf-8") as sink:
        contract.write(doc_dict, sink, indent=2)
    mark("write")
    for stage, cpu, peak in marks:
        print(f"{stage} {cpu:.2f} {peak:.1f}", file=sys.stderr)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="2,20", help="MB of many-line articles, comma-separated")
    ap.add_argument("--one-line", default="50", help="MB of one-line articles, comma-separated")
    ap.add_argument("--formats", default="json", help="analyze --format values to run, comma-separated")
    ap.add_argument("--no-bundled", action="store_true", help="analyse without the bundled reference list")
    ap.add_argument("--references", action="append", default=[], metavar="FILE", help="a reference list")
    ap.add_argument("--no-stages", action="store_true", help="leave out the per-stage child")
    ap.add_argument("--keep", type=Path, help="write the inputs here and keep them")
    ap.add_argument("--stages-child", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.stages_child:
        stages_child(args.stages_child, not args.no_bundled, args.references)
        return
    cases = [(float(mb), False) for mb in args.sizes.split(",") if mb]
    cases += [(float(mb), True) for mb in args.one_line.split(",") if mb]
    lists = ["--no-bundled"] if args.no_bundled else []
    for ref in args.references:
        lists += ["--references", ref]
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        print(
            f"{'input':<20} {'run':<24} {'CPU s':>8} {'wall s':>8} {'peak MB':>8} {'CPU x':>7} {'peak x':>7}"
        )
        print("-" * 88)
        for megabytes, one_line in cases:
            path = write_input(folder, megabytes, one_line)
            name = f"{path.name} ({path.stat().st_size / 1e6:.0f} MB)"
            base_wall, base_cpu, base_rss, _ = run([sys.executable, "-c", BASELINE, str(path)])
            base = (base_cpu, base_rss)
            print(row(name, "read + regex split", (base_cpu, base_rss, base_wall), base), flush=True)
            for fmt in (f for f in args.formats.split(",") if f):
                cmd = [sys.executable, "-m", "newsreader", "analyze", "--format", fmt, "--max-size", MAX_MB]
                wall, cpu, rss, _ = run([*cmd, *lists, str(path)])
                print(row(name, f"analyze --format {fmt}", (cpu, rss, wall), base), flush=True)
            if not args.no_stages:
                _, _, _, err = run([sys.executable, __file__, "--stages-child", str(path), *lists])
                for line in err.splitlines():
                    stage, cpu_s, peak_s = line.split()
                    if stage in STAGES:
                        label = f"  {'reader' if stage in STAGES[:2] else 'json'}: {stage}"
                        print(row(name, label, (float(cpu_s), float(peak_s), None), base), flush=True)


def row(name: str, label: str, figures: tuple[float, float, float | None], base: tuple[float, float]) -> str:
    """One line of the table: CPU seconds, wall seconds (when measured on their own) and
    peak MB, then CPU and peak as ratios to the baseline's."""
    cpu, rss, wall = figures
    shown = f"{wall:8.1f}" if wall is not None else " " * 8
    return f"{name:<20} {label:<24} {cpu:8.1f} {shown} {rss:8.0f} {cpu / base[0]:6.0f}x {rss / base[1]:6.1f}x"


if __name__ == "__main__":
    main()

"""Time and peak memory of `newsreader analyze` on one big input, against reading it.

    python benchmarks/big_input.py [--sizes 2,20] [--one-line 20] [--no-bundled] [--keep DIR]

Writes news-like text whose names differ from story to story (benchmarks/varied_text.py)
to a temporary folder: articles of 2 and 20 MB of many lines (paragraphs), and one of
20 MB on a single line (a pasted page, a minified dump). Each is analysed by
`newsreader analyze --format jsonl --max-size 60 FILE > /dev/null` in a child process,
and the child's CPU time and peak resident memory (getrusage of that child) are printed
next to those of a child that only reads the file and splits it into words with a
regular expression: the cheapest pass over the same bytes, so the ratios carry over
between machines. `--no-bundled` leaves out the bundled reference list, and so most of
the cross-reference's work.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from varied_text import varied_text

WORDS_PER_MB = 170_000  # the generated text runs at about 6 bytes a word
BASELINE = "import re, sys; re.findall(r'\\w+', open(sys.argv[1], encoding='utf-8').read())"


def run(cmd: list[str]) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds and peak RSS in MB of one child process."""
    started = time.perf_counter()
    with open(os.devnull, "wb") as sink:
        child = subprocess.Popen(cmd, stdout=sink, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - started
    if status:
        message = child.stderr.read().decode(errors="replace") if child.stderr else ""
        sys.exit(f"{' '.join(cmd[:4])}… failed: {message.strip()[-500:]}")
    if child.stderr:
        child.stderr.close()
    child.returncode = 0
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def write_input(folder: Path, megabytes: float, one_line: bool) -> Path:
    text = varied_text(int(megabytes * WORDS_PER_MB), seed=7, separator=" " if one_line else "\n\n")
    if one_line:
        text = text.replace("\n", " ")
    data = text.encode("utf-8")[: int(megabytes * 1e6)]
    path = folder / f"{'one-line' if one_line else 'lines'}-{megabytes:g}mb.txt"
    path.write_bytes(data.decode("utf-8", "ignore").encode("utf-8"))
    return path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="2,20", help="MB of many-line articles, comma-separated")
    ap.add_argument("--one-line", default="20", help="MB of one-line articles, comma-separated")
    ap.add_argument("--no-bundled", action="store_true", help="analyse without the bundled reference list")
    ap.add_argument("--keep", type=Path, help="write the inputs here and keep them")
    args = ap.parse_args()
    cases = [(float(mb), False) for mb in args.sizes.split(",") if mb]
    cases += [(float(mb), True) for mb in args.one_line.split(",") if mb]
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        header = f"{'input':<20} {'analyze':>28} {'read + regex split':>28} {'ratio':>16}"
        print(header + "\n" + "-" * len(header))
        for megabytes, one_line in cases:
            path = write_input(folder, megabytes, one_line)
            analyze = [sys.executable, "-m", "newsreader", "analyze", "--format", "jsonl", "--max-size", "60"]
            analyze += ["--no-bundled"] if args.no_bundled else []
            wall, cpu, rss = run([*analyze, str(path)])
            base_wall, base_cpu, base_rss = run([sys.executable, "-c", BASELINE, str(path)])
            size = path.stat().st_size / 1e6
            print(
                f"{path.name:<20} {cpu:6.1f} s CPU {wall:6.1f} s {rss:6.0f} MB "
                f"{base_cpu:6.2f} s CPU {base_wall:5.2f} s {base_rss:5.0f} MB "
                f"{cpu / base_cpu:6.0f}x {rss / base_rss:6.1f}x  ({size:.1f} MB)",
                flush=True,
            )


if __name__ == "__main__":
    main()

"""Start-up cost of the command line: each command in a fresh process, against a bare Python.

For each command line the least CPU time (user + system) of --runs fresh processes,
and its ratio to `python -c pass` measured in the same run; then the modules that
importing the front door (`newsreader.cli`) loads, which the lazy imports keep few.

    python benchmarks/startup.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys

COMMANDS = [
    ["--version"],
    ["--help"],
    ["analyze", "--help"],
    ["export", "--help"],
    ["match", "--help"],
    ["compare", "Lu Shai", "Lu Shaye"],
]


def cpu_seconds(argv: list[str]) -> float:
    """CPU time of one fresh process running `argv` (its output thrown away)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, timeout=120)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def least(argv: list[str], runs: int) -> float:
    return min(cpu_seconds(argv) for _ in range(runs))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=7, help="fresh processes per command (default 7)")
    args = parser.parse_args()
    bare = least([sys.executable, "-c", "pass"], args.runs)
    print(f"bare python: {bare * 1000:.0f} ms CPU (least of {args.runs})")
    print(f"{'command':<40} {'ms CPU':>7} {'× bare':>7}")
    for command in COMMANDS:
        took = least([sys.executable, "-m", "newsreader", *command], args.runs)
        print(f"{'newsreader ' + ' '.join(command):<40} {took * 1000:>7.0f} {took / bare:>7.2f}")
    code = (
        "import sys, newsreader.cli\n"
        "print(sum(m.startswith('newsreader') for m in sys.modules), len(sys.modules))"
    )
    ours, every = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()
    print(f"import newsreader.cli loads {ours} newsreader modules, {every} modules in all")


if __name__ == "__main__":
    os.environ.pop("NEWSREADER_DEBUG", None)
    main()

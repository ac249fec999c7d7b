"""Quote F1 and speaker accuracy on PolNeAR dev, in two halves: tune on one, report both.

    python benchmarks/quote_halves.py [--gold FILE.jsonl] [--show tune|check]

Every article falls in one half by a hash of its id, so the halves stay the same from run
to run: shape the attribution rules on the "tune" half only and read the "check" half as
the figure for text they were not shaped on. Each half is written to a temporary folder
(never into the repository) and scored by the eval's own score.py, with the same
NEWSREADER command (default: this checkout's venv). --show prints, for one half, each
named gold speaker the analysis misses: the gold phrase, the predicted speaker's name and
rule, and a few words before and after the quote, for reading at the terminal only.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
EVAL = Path("/work/shared/eval")
HALVES = ("tune", "check")


def half_of(doc: dict[str, Any]) -> str:
    """The half an article belongs to, by its id alone."""
    return HALVES[hashlib.sha1(str(doc["id"]).encode()).digest()[0] & 1]


def split(gold: Path) -> dict[str, list[str]]:
    """The documents (JSON lines) of a gold file, by half."""
    halves: dict[str, list[str]] = {h: [] for h in HALVES}
    for line in gold.read_text(encoding="utf-8").splitlines():
        if line.strip():
            halves[half_of(json.loads(line))].append(line)
    return halves


def newsreader() -> list[str]:
    return shlex.split(os.environ.get("NEWSREADER", str(ROOT / ".venv" / "bin" / "newsreader")))


def score(score_py: Path, docs: list[str], folder: Path, name: str) -> str:
    """score.py's summary for the documents (JSON lines) written as one gold file."""
    gold = folder / f"{name}.jsonl"
    gold.write_text("".join(line + "\n" for line in docs), encoding="utf-8")
    env = {**os.environ, "NEWSREADER": shlex.join(newsreader())}
    done = subprocess.run(
        [sys.executable, str(score_py), "--gold", str(gold)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    if done.returncode != 0:
        sys.exit(f"quote_halves: score.py failed on the {name} half:\n{done.stderr[-2000:]}")
    return done.stdout.strip()


_NOT_NAMES = frozenset({"The", "This", "That", "These", "Those"})


def named(speaker: str | None) -> bool:
    """score.py's test: does a gold speaker phrase contain a name?"""
    words = re.findall(r"[^\W\d_][\w’'-]*", speaker or "")
    return any(w[0].isupper() and len(w) > 2 and w not in _NOT_NAMES for w in words)


def speaker_right(entity: dict[str, Any] | None, gold: dict[str, Any]) -> bool:
    """score.py's test: the entity has a mention inside the gold speaker span, or a word of its name."""
    if entity is None:
        return False
    ss, se = gold.get("speaker_start"), gold.get("speaker_end")
    mentions = entity.get("mentions") or []
    if isinstance(ss, int) and isinstance(se, int) and any(s < se and ss < e for s, e in mentions):
        return True
    words = {w.casefold() for w in re.findall(r"\w+", str(gold["speaker"])) if len(w) > 2}
    return bool(words & {w.casefold() for w in re.findall(r"\w+", str(entity.get("name", ""))) if len(w) > 2})


def show(docs: list[str], folder: Path) -> None:
    """Print each missed named speaker of `docs` with a little context."""
    golds = [json.loads(line) for line in docs]
    paths = []
    for n, g in enumerate(golds):
        path = folder / f"show-{n:04d}.txt"
        path.write_text(g["text"], encoding="utf-8")
        paths.append(str(path))
    command = [*newsreader(), "analyze", "--format", "jsonl", *paths]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        sys.exit(f"quote_halves: analyze failed:\n{done.stderr[-2000:]}")
    missed = 0
    for g, line in zip(golds, done.stdout.splitlines(), strict=True):
        doc = json.loads(line)
        text, entities = g["text"], {e["id"]: e for e in doc["entities"]}
        for q in g["quotes"]:
            if not named(q.get("speaker")):
                continue
            hit = next((p for p in doc["quotes"] if p["start"] < q["end"] and q["start"] < p["end"]), None)
            entity = entities.get(hit["speaker"]) if hit and hit["speaker"] else None
            if speaker_right(entity, q):
                continue
            missed += 1
            before = " ".join(text[max(0, q["start"] - 160) : q["start"]].split())
            after = " ".join(text[q["end"] : q["end"] + 120].split())
            quote = " ".join(text[q["start"] : q["end"]].split())
            got = entity["name"] if entity else None
            print(f"gold {q['speaker']!r}  got {got!r}  rule {hit and hit['rule']!r}")
            print(f"    …{before} [{quote[:60]}{'…' if len(quote) > 60 else ''}] {after}…\n")
    print(f"{missed} missed")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", type=Path, default=EVAL / "dev" / "quotes-dev.jsonl")
    ap.add_argument("--score", type=Path, default=EVAL / "score.py", help="the eval's score.py")
    ap.add_argument("--show", choices=HALVES, help="print the missed speakers of one half")
    args = ap.parse_args()
    if not args.gold.exists() or not args.score.exists():
        sys.exit(f"quote_halves: {args.gold} or {args.score} not found")
    halves = split(args.gold)
    with tempfile.TemporaryDirectory() as tmp:
        if args.show:
            show(halves[args.show], Path(tmp))
            return
        for name in HALVES:
            print(f"{name} half ({len(halves[name])} articles):")
            print("    " + score(args.score, halves[name], Path(tmp), name).replace("\n", "\n    "))


if __name__ == "__main__":
    main()

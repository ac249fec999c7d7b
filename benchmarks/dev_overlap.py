"""Text the repository shares with the research-only dev sets: word 6-grams in common.

    python benchmarks/dev_overlap.py [--n 6] [PATH ...]

The dev sets (PolNeAR quotes, CoNLL, the BBC articles, the notes of the name pairs) may
not be copied into the repository, names and our own labels aside. This lists each
tracked file's lines (default: every file git tracks, but pictures) that share a
lower-cased word n-gram with a dev text, and the dev document it comes from, for reading
at the terminal only: a generic phrase ("at the end of the") is no copy, a sentence with
its names swapped is. N-grams of the seed article (eval/seed-gold.json) are left out, as
the seed ships in the repository. Exits 0 whatever it finds; 1 when the dev sets are not
there.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
EVAL = Path("/work/shared/eval")
_WORD = re.compile(r"[a-z0-9]+")
_NOT_TEXT = (".svg", ".png", ".gz")


def words(text: str) -> list[str]:
    """Lower-cased words, apostrophes and punctuation dropped (CoNLL's spaced tokens and
    an article's curly quotes read alike)."""
    return _WORD.findall(text.lower())


def ngrams(tokens: list[str], n: int) -> Iterator[tuple[str, ...]]:
    return (tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def dev_texts(dev: Path) -> Iterator[tuple[str, str]]:
    """(document name, text) for every dev text that may not be copied."""
    for line in (dev / "quotes-dev.jsonl").open(encoding="utf-8"):
        doc = json.loads(line)
        yield str(doc["id"]), str(doc["text"])
    for line in (dev / "ner-dev.jsonl").open(encoding="utf-8"):
        doc = json.loads(line)
        yield str(doc["id"]), str(doc["text"])
    for path in sorted((dev / "articles").glob("*.txt")):
        yield path.name, path.read_text(encoding="utf-8")
    for line in (dev / "names-dev.jsonl").open(encoding="utf-8"):
        yield "names-dev", str(json.loads(line).get("notes", ""))  # the names themselves are fine


def strings_in(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings_in(item)


def tracked_files() -> list[str]:
    out = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    return [p for p in out.splitlines() if not p.endswith(_NOT_TEXT)]


def overlaps(paths: Iterable[str], dev: dict[tuple[str, ...], str], n: int) -> Iterator[str]:
    """'path:line: n-gram  [dev document]', once per line of each file."""
    for path in paths:
        try:
            lines = (ROOT / path).read_text(encoding="utf-8").splitlines()
        except (UnicodeDecodeError, FileNotFoundError, IsADirectoryError):
            continue
        tokens: list[str] = []
        line_of: list[int] = []
        for number, line in enumerate(lines, 1):
            found = words(line)
            tokens += found
            line_of += [number] * len(found)
        reported: set[int] = set()
        for i, gram in enumerate(ngrams(tokens, n)):
            if gram in dev and line_of[i] not in reported:
                reported.add(line_of[i])
                yield f"{path}:{line_of[i]}: {' '.join(gram)}  [{dev[gram]}]"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=6, help="words in an n-gram (default 6)")
    parser.add_argument("paths", nargs="*", help="files relative to the checkout (default: all tracked)")
    args = parser.parse_args()
    dev_dir = EVAL / "dev"
    if not (dev_dir / "quotes-dev.jsonl").is_file():
        print(f"dev_overlap: no dev sets in {dev_dir}", file=sys.stderr)
        return 1
    dev: dict[tuple[str, ...], str] = {}
    for name, text in dev_texts(dev_dir):
        for gram in ngrams(words(text), args.n):
            dev.setdefault(gram, name)
    seed = EVAL / "seed-gold.json"
    if seed.is_file():
        for text in strings_in(json.loads(seed.read_text(encoding="utf-8"))):
            for gram in ngrams(words(text), args.n):
                dev.pop(gram, None)
    hits = list(overlaps(args.paths or tracked_files(), dev, args.n))
    print("\n".join(hits) if hits else "no shared n-grams")
    print(f"{len(hits)} lines share a {args.n}-word run with a dev text")
    return 0


if __name__ == "__main__":
    sys.exit(main())

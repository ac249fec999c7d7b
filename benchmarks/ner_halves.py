"""Entity F1 and F1 per type on CoNLL-2003 dev, in two halves: tune on one, report both.

    python benchmarks/ner_halves.py [--gold FILE.jsonl] [--show tune|check] [--type organization]

Every document falls in one half by a sha1 of its id, as in quote_halves.py, so the halves
stay the same from run to run: half A ("tune") is the one the mention rules may be shaped
on, half B ("check") the figure for text they were not shaped on. Each half is written to a
temporary folder (never into the repository) and scored by the eval's own score.py, with
the same NEWSREADER command (default: this checkout's venv). --show prints, for one half,
each mention of one type (default organisation) that the analysis gets wrong: the gold span
and type against the predicted one, with a few words around it, for reading at the terminal
only.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from quote_halves import EVAL, HALVES, newsreader, score, split

CONLL = {"PER": "person", "ORG": "organization", "LOC": "place"}
TYPES = frozenset(CONLL.values())


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """score.py's trim: a leading 'the ' and a trailing possessive are not the name."""
    if text[start:end].lower().startswith("the "):
        start += 4
    for tail in ("’s", "'s", "’", "'"):
        if text[start:end].endswith(tail) and end - start > len(tail):
            end -= len(tail)
            break
    return start, end


def _gold_spans(doc: dict[str, Any]) -> dict[tuple[int, int], str]:
    """Gold spans and their types; MISC and other unscored types are kept by their label,
    since score.py forgives a prediction that overlaps one."""
    return {
        _trim(doc["text"], e["start"], e["end"]): CONLL.get(e["label"], e["label"]) for e in doc["entities"]
    }


def _predicted_spans(doc: dict[str, Any]) -> dict[tuple[int, int], str]:
    return {
        _trim(doc["text"], s, e): ent["type"]
        for ent in doc["entities"]
        if ent["type"] in TYPES
        for s, e in ent["mentions"]
    }


def show(docs: list[str], folder: Path, kind: str) -> None:
    """Print each wrong mention of `kind` in `docs`, gold against predicted, in context."""
    golds = [json.loads(line) for line in docs]
    paths = []
    for n, g in enumerate(golds):
        path = folder / f"show-{n:04d}.txt"
        path.write_text(g["text"], encoding="utf-8")
        paths.append(str(path))
    done = subprocess.run(
        [*newsreader(), "analyze", "--format", "jsonl", *paths], capture_output=True, text=True
    )
    if done.returncode != 0:
        sys.exit(f"ner_halves: analyze failed:\n{done.stderr[-2000:]}")
    wrong = 0
    for g, line in zip(golds, done.stdout.splitlines(), strict=True):
        text = g["text"]
        gold, pred = _gold_spans(g), _predicted_spans(json.loads(line))
        for span in sorted(set(gold) | set(pred)):
            if kind not in (gold.get(span), pred.get(span)) or gold.get(span) == pred.get(span):
                continue
            s, e = span
            if any(a < e and s < b and t not in TYPES for (a, b), t in gold.items()):
                continue  # overlaps a MISC span: score.py counts it neither way
            if span not in gold:
                near = [f"{text[a:b]!r}:{t}" for (a, b), t in gold.items() if a < e and s < b]
                label = f"FP {text[s:e]!r} as {pred[span]}  gold {', '.join(near) or '-'}"
            else:
                near = [f"{text[a:b]!r}:{t}" for (a, b), t in pred.items() if a < e and s < b]
                label = f"FN {text[s:e]!r} {gold[span]}  got {', '.join(near) or '-'}"
            before = " ".join(text[max(0, s - 50) : s].split())
            after = " ".join(text[e : e + 40].split())
            print(f"{label}\n    …{before} [{text[s:e]}] {after}…")
            wrong += 1
    print(f"{wrong} wrong {kind} mentions")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", type=Path, default=EVAL / "dev" / "ner-dev.jsonl")
    ap.add_argument("--score", type=Path, default=EVAL / "score.py", help="the eval's score.py")
    ap.add_argument("--show", choices=HALVES, help="print one half's wrong mentions of --type")
    ap.add_argument("--type", default="organization", choices=sorted(TYPES))
    args = ap.parse_args()
    if not args.gold.exists() or not args.score.exists():
        sys.exit(f"ner_halves: {args.gold} or {args.score} not found")
    halves = split(args.gold)
    with tempfile.TemporaryDirectory() as tmp:
        if args.show:
            show(halves[args.show], Path(tmp), args.type)
            return
        for name, letter in zip(HALVES, "AB", strict=True):
            print(f"half {letter}, {name} ({len(halves[name])} documents):")
            summary = score(args.score, halves[name], Path(tmp), name)
            print("    " + summary.replace("\n", "\n    "))


if __name__ == "__main__":
    main()

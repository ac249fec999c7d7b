"""Does a change keep the analysis the same? `analyze --format jsonl` over the dev texts, diffed.

    python benchmarks/analysis_diff.py --save /tmp/analysis-base     # before the change
    python benchmarks/analysis_diff.py --check /tmp/analysis-base    # after: exit 1 on a difference

The dev texts are read where they lie (/work/shared/eval/dev, or --dev DIR): the articles as
they are, the texts of ner-dev.jsonl and quotes-dev.jsonl written to a temporary folder that is
removed afterwards; nothing of them is written into the repository. All of them joined into
one text are analysed too, so that the names of many stories meet in one grouping. Each text
is analysed twice, with and without the bundled reference list (the list teaches the mention
finder its names). What is compared: entities (minus their `reference`), quotes, ambiguities
and paragraphs; the cross-reference and timings are left out, since other changes move them.
`--merges` compares the merge suggestions too (a change to how they are found; they move with
the matcher, so best with --before).

Others change other files at the same time, so a baseline saved this morning may differ for
reasons of theirs. `--before REV FILE...` compares two runs made now: the working tree, and a
copy of it in which only FILE... are as in git revision REV:

    python benchmarks/analysis_diff.py --before HEAD tui/newsreader/analysis/entities.py
    python benchmarks/analysis_diff.py --merges --before HEAD tui/newsreader/analysis/merges.py

`--tree DIR` runs another source tree (DIR holds the `newsreader` package) for --save/--check.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEV = Path("/work/shared/eval/dev")
KEPT = ("entities", "quotes", "ambiguities", "paragraphs")
RUNS = {"plain": ["--no-bundled"], "bundled": []}


def dev_texts(dev: Path, into: Path) -> list[Path]:
    """The articles' paths, the jsonl sets' texts written as files under `into`, and all
    of them joined into one text."""
    paths = sorted((dev / "articles").glob("*.txt"))
    for name in ("ner-dev.jsonl", "quotes-dev.jsonl"):
        source = dev / name
        if not source.exists():
            continue
        for n, line in enumerate(source.read_text(encoding="utf-8").splitlines()):
            if line.strip():
                target = into / f"{source.stem}-{n:04d}.txt"
                target.write_text(json.loads(line)["text"], encoding="utf-8")
                paths.append(target)
    # all of them as one long text: names from many stories meet in one grouping
    joined = into / "all-dev-texts.txt"
    joined.write_text("\n\n".join(p.read_text(encoding="utf-8") for p in paths), encoding="utf-8")
    return [*paths, joined]


def analysed(
    paths: list[Path], options: list[str], tree: str | None, kept: tuple[str, ...] = KEPT
) -> list[str]:
    """One normalised JSON line per path: the kept parts of `analyze --format jsonl`."""
    env = dict(os.environ)
    if tree:
        env["PYTHONPATH"] = tree
    cmd = [sys.executable, "-m", "newsreader", "analyze", "--format", "jsonl", "--max-size", "60", *options]
    run = subprocess.run(cmd + [str(p) for p in paths], env=env, capture_output=True, text=True)
    if run.returncode:
        sys.exit(f"analyze {' '.join(options)} failed ({run.returncode}): {run.stderr[-2000:]}")
    out = run.stdout
    lines = []
    for path, line in zip(paths, out.splitlines(), strict=True):
        doc = json.loads(line)
        for entity in doc["entities"]:
            entity.pop("reference", None)
        lines.append(
            json.dumps({"file": path.name, **{k: doc[k] for k in kept}}, ensure_ascii=False, sort_keys=True)
        )
    return lines


def tree_before(rev: str, files: list[str], into: Path) -> str:
    """A copy of the working tree's code with `files` as in revision `rev`; its package path."""
    for folder in ("tui", "seeds"):
        shutil.copytree(ROOT / folder, into / folder, ignore=shutil.ignore_patterns("__pycache__"))
    for name in files:
        old = subprocess.run(
            ["git", "-C", str(ROOT), "show", f"{rev}:{name}"], capture_output=True, check=True
        )
        (into / name).write_bytes(old.stdout)
    return str(into / "tui")


def differences(old: dict[str, list[str]], new: dict[str, list[str]]) -> int:
    """Print each text whose analysis differs; return how many do."""
    differ = 0
    for run, lines in new.items():
        for before, after in zip(old[run], lines, strict=True):
            if before != after:
                differ += 1
                print(f"{run}: {json.loads(after)['file']} differs")
    return differ


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    what = parser.add_mutually_exclusive_group(required=True)
    what.add_argument("--save", metavar="DIR", help="write the outputs into DIR")
    what.add_argument("--check", metavar="DIR", help="compare with the outputs saved in DIR")
    what.add_argument("--before", metavar="REV", help="compare with the tree whose FILEs are as in REV")
    parser.add_argument("files", nargs="*", metavar="FILE", help="with --before: files to take from REV")
    parser.add_argument("--dev", type=Path, default=DEV)
    parser.add_argument("--tree", help="run this source tree instead of the installed package")
    parser.add_argument("--merges", action="store_true", help="compare the merge suggestions too")
    args = parser.parse_args()
    kept = (*KEPT, "merges") if args.merges else KEPT
    with tempfile.TemporaryDirectory() as tmp:
        paths = dev_texts(args.dev, Path(tmp))
        results = {run: analysed(paths, options, args.tree, kept) for run, options in RUNS.items()}
        if args.before:
            old_tree = tree_before(args.before, args.files, Path(tmp) / "before")
            before = {run: analysed(paths, options, old_tree, kept) for run, options in RUNS.items()}
    runs = f"{len(paths)} texts x {len(results)} runs"
    if args.before:
        differ = differences(before, results)
        print(f"{runs}: {differ} differ from the tree with {len(args.files)} files as in {args.before}")
        return 1 if differ else 0
    folder = Path(args.save or args.check)
    if args.save:
        folder.mkdir(parents=True, exist_ok=True)
        for run, lines in results.items():
            (folder / f"{run}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"saved {runs} to {folder}")
        return 0
    saved = {run: (folder / f"{run}.jsonl").read_text(encoding="utf-8").splitlines() for run in results}
    differ = differences(saved, results)
    print(f"{runs}: {differ} differ from {folder}")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())

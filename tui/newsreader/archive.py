"""An archive of millions of articles analysed on Dask, shard by shard.

    pip install 'newsreader-tui[distributed]'
    python -m newsreader.archive SHARD.jsonl|FOLDER... --out DIR [--scheduler processes] [--workers N]

Each shard is a file of JSON lines, one article a line: `{"id": …, "text": …}` (with
`"source"`, and `"format": "text" | "markdown" | "html"` if it is not plain text), or
`{"id": …, "path": FILE}` for an article on a disk the workers share. Each shard is one
task of a Dask bag (`dask.bag.from_sequence(...).map(...)`), run by the scheduler named:
`processes` (one machine, `--workers` processes), `threads`, `synchronous`, or the address
of a `dask.distributed` scheduler (`tcp://host:8786`; `pip install distributed` for it).

A shard's output, `DIR/NAME.jsonl`, holds for each of its lines the document that
`newsreader analyze --format jsonl` prints for that article, with the line's `"id"`,
in the shard's order, or `{"id", "line", "error"}` for a line that cannot be analysed.
It is written to a `.partial` file and moved into place when the shard is finished, and
`DIR/NAME.done.json` then records the input's size and time and the analysis version: a
second run skips each shard so recorded, and redoes one that changed, one of another
analysis version and one that a killed run left half done. Each worker process loads the
lexicons and the reference lists once, on its first shard, and keeps them for the rest.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import json
import os
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, TextIO

from newsreader import article, batch
from newsreader.article import Article, ArticleError
from newsreader.cleaning import printable

SCHEDULERS = ("processes", "threads", "synchronous")
FORMAT_SUFFIXES = {"text": ".txt", "markdown": ".md", "html": ".html"}
EXTRA_HINT = "pip install 'newsreader-tui[distributed]'"


class ArchiveError(Exception):
    """A run that cannot start (no shards, two shards of one name, no Dask); one line."""


@dataclass(frozen=True)
class Shard:
    """One shard to analyse and where its output goes."""

    path: str
    output: str  # DIR/NAME.jsonl
    marker: str  # DIR/NAME.done.json


@dataclass(frozen=True)
class ShardResult:
    shard: str
    articles: int = 0  # lines analysed
    errors: int = 0  # lines that could not be
    skipped: bool = False  # finished by an earlier run
    failure: str = ""  # the shard itself could not be read or written: nothing recorded
    seconds: float = 0.0
    worker: int = 0  # the process that ran it
    loads: int = 0  # times that process had loaded the lists when it was done (1: once)


def shards_in(inputs: Sequence[str], out: str | os.PathLike[str]) -> list[Shard]:
    """The shards the inputs name (a folder: its `*.jsonl`, sorted), each with its output
    in `out`; ArchiveError for none, or two of the same name (their outputs would clash)."""
    paths: list[Path] = []
    for given in inputs:
        where = Path(given)
        found = sorted(where.glob("*.jsonl")) if where.is_dir() else [where]
        if not found or not all(p.is_file() for p in found):
            raise ArchiveError(f"{printable(given)}: no such shard (a .jsonl file, or a folder of them)")
        paths += found
    shards: dict[str, Shard] = {}
    for path in paths:
        name = path.stem
        if name in shards:
            raise ArchiveError(
                f"two shards named {printable(name)}: {printable(str(path))}, {printable(shards[name].path)}"
            )
        base = Path(out) / name
        shards[name] = Shard(str(path), f"{base}.jsonl", f"{base}.done.json")
    return list(shards.values())


def run(
    shards: Sequence[Shard],
    options: batch.Options,
    *,
    scheduler: str = "processes",
    workers: int | None = None,
) -> list[ShardResult]:
    """Analyse every shard not finished yet, as one Dask bag of one task per shard, on
    `scheduler` with `workers` (None: one per core); each shard's result, in order."""
    try:
        # imported as a module of no declared type: Dask is an optional extra, and its bag
        # API is untyped, so the package type-checks the same with it or without it
        db: Any = importlib.import_module("dask.bag")
    except ImportError:
        raise ArchiveError(f"the archive run needs Dask: {EXTRA_HINT}") from None
    if not shards:
        return []
    _check_lists(options)
    version = batch.analysis_version(options)
    tasks = [(shard, options, version) for shard in shards]
    bag = db.from_sequence(tasks, npartitions=len(tasks)).map(_run_shard_task)
    if scheduler in SCHEDULERS:
        return list(bag.compute(scheduler=scheduler, num_workers=workers or batch.default_workers()))
    try:
        client: Any = importlib.import_module("dask.distributed").Client
    except ImportError:
        raise ArchiveError("a scheduler address needs dask.distributed: pip install distributed") from None
    try:
        connected = client(scheduler)
    except (OSError, ValueError) as err:  # no scheduler there, or not an address
        raise ArchiveError(
            f"cannot reach the scheduler {printable(scheduler)}: {printable(str(err))}"
        ) from None
    with connected:
        return list(bag.compute())


def _check_lists(options: batch.Options) -> None:
    """Load the reference lists here, before any shard: a list that cannot be read is one
    message for the run, not a traceback from every worker. (This process keeps what it
    loaded: the threads and synchronous schedulers run the shards here and reuse it.)"""
    from newsreader.analysis.references import ReferenceError

    try:
        _analyzer(options)
    except ReferenceError as err:
        raise ArchiveError(printable(str(err))) from None


def _run_shard_task(task: tuple[Shard, batch.Options, str]) -> ShardResult:
    return run_shard(*task)


def run_shard(shard: Shard, options: batch.Options, version: str) -> ShardResult:
    """Analyse one shard into its output, unless a finished run of it is recorded."""
    started = time.monotonic()
    try:
        st = os.stat(shard.path)
    except OSError as err:
        return ShardResult(shard.path, failure=f"cannot be read ({err.strerror or err})")
    stamp = {"size": st.st_size, "mtime_ns": st.st_mtime_ns, "version": version}
    recorded = _finished(shard, stamp)
    if recorded is not None:
        counts = (int(recorded.get("articles", 0)), int(recorded.get("errors", 0)))
        return ShardResult(shard.path, *counts, skipped=True, worker=os.getpid(), loads=_loads)
    analyzer = _analyzer(options)
    partial = f"{shard.output}.partial"
    articles = errors = 0
    try:
        Path(shard.output).parent.mkdir(parents=True, exist_ok=True)
        with open(shard.path, "rb") as source, open(partial, "w", encoding="utf-8") as out:
            for document in analysed_lines(source, analyzer, options):
                errors += "error" in document
                articles += "error" not in document
                _write(document, out)
        os.replace(partial, shard.output)
        _write_marker(shard.marker, {**stamp, "articles": articles, "errors": errors})
    except OSError as err:
        with contextlib.suppress(OSError):  # a disk that filled, a folder that vanished: no half file
            os.unlink(partial)
        return ShardResult(shard.path, failure=f"cannot be analysed ({err.strerror or err})")
    took = time.monotonic() - started
    return ShardResult(shard.path, articles, errors, seconds=took, worker=os.getpid(), loads=_loads)


def analysed_lines(source: IO[bytes], analyzer: Any, options: batch.Options) -> Iterator[dict[str, Any]]:
    """For each line of a shard, the article's `analyze` document with its `id`, or
    `{"id", "line", "error"}`; blank lines are passed over. One line in memory at a time."""
    from newsreader.analysis import contract

    for number, raw in enumerate(source, start=1):
        if not raw.strip():
            continue
        record: Any = None
        try:
            record = json.loads(raw)
            doc = _article(record, options)
        except (ValueError, ArticleError) as err:  # not JSON, not UTF-8, no text, unreadable
            ident = record.get("id") if isinstance(record, dict) else None
            yield {"id": ident, "line": number, "error": printable(str(err))}
            continue
        yield {"id": record.get("id"), **contract.to_dict(doc, analyzer.analyze(doc))}


def _article(record: object, options: batch.Options) -> Article:
    """The article a shard's line stands for; ValueError when it stands for none."""
    if not isinstance(record, dict):
        raise ValueError("not a JSON object")
    if isinstance(record.get("path"), str):
        return article.load(record["path"], max_bytes=options.max_bytes)
    text = record.get("text")
    if not isinstance(text, str):
        raise ValueError('neither "text" nor "path" is given')
    kind = record.get("format", "text")
    if kind not in FORMAT_SUFFIXES:
        raise ValueError(f"unknown format {printable(str(kind))!r} (text, markdown or html)")
    source = record.get("source")
    name = source if isinstance(source, str) and source else f"<{record.get('id', 'article')}>"
    data = text.encode("utf-8", "replace")  # a lone surrogate (a "\\ud800" escape) as "?"
    if len(data) > options.max_bytes:
        raise ArticleError(name, f"too large (over {article.size_text(options.max_bytes)})")
    return article.parse(data, name, suffix=FORMAT_SUFFIXES[kind])


def _write(document: dict[str, Any], out: TextIO) -> None:
    from newsreader.analysis import contract

    contract.write(document, out)
    out.write("\n")


def _finished(shard: Shard, stamp: dict[str, Any]) -> dict[str, Any] | None:
    """What a run recorded of this shard when it finished it, as it is now and by this
    analysis (its counts); None when no such run is recorded."""
    try:
        with open(shard.marker, encoding="utf-8") as fh:
            recorded = json.load(fh)
    except (OSError, ValueError):
        return None
    same = isinstance(recorded, dict) and all(recorded.get(k) == v for k, v in stamp.items())
    return recorded if same and os.path.isfile(shard.output) else None


def _write_marker(path: str, data: dict[str, Any]) -> None:
    partial = f"{path}.partial"
    with open(partial, "w", encoding="utf-8") as fh:
        json.dump(data, fh)
    os.replace(partial, path)


# The analyzer of this worker process: the lexicons and reference lists loaded on its
# first shard and kept for every later one (one process runs many shards).
_loaded: dict[batch.Options, Any] = {}
_loads = 0


def _analyzer(options: batch.Options) -> Any:
    global _loads
    if options not in _loaded:
        from newsreader.analysis.references import DEFAULT_MAX_LIST_BYTES
        from newsreader.analysis.service import Analyzer

        limit = options.max_list_bytes or DEFAULT_MAX_LIST_BYTES
        paths = list(options.reference_paths)
        _loaded[options] = Analyzer.from_options(paths, bundled=options.bundled, max_list_bytes=limit)
        _loads += 1
    return _loaded[options]


# -- python -m newsreader.archive -------------------------------------------------------


def parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m newsreader.archive",
        description="Analyse JSONL shards of articles on Dask, each into DIR/NAME.jsonl; "
        "a second run skips the shards finished.",
    )
    parser.add_argument("shards", nargs="+", metavar="SHARD", help="a .jsonl shard, or a folder of them")
    parser.add_argument("--out", "-o", required=True, metavar="DIR", help="where each shard's output goes")
    parser.add_argument(
        "--scheduler",
        default="processes",
        help="processes (default), threads, synchronous, or a dask.distributed address (tcp://host:8786)",
    )
    parser.add_argument(
        "--workers", type=int, default=None, help="processes or threads (default: one per core)"
    )
    parser.add_argument("--references", action="append", default=[], metavar="FILE", help="a reference list")
    parser.add_argument("--no-bundled", action="store_true", help="leave out the bundled reference list")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run, printing one line per shard on stderr; 0 all analysed, 1 some lines or shards
    failed, 2 the run could not start."""
    args = parser().parse_args(argv)
    options = batch.Options(tuple(os.path.abspath(p) for p in args.references), not args.no_bundled)
    try:
        results = run(
            shards_in(args.shards, args.out), options, scheduler=args.scheduler, workers=args.workers
        )
    except ArchiveError as err:
        print(f"newsreader: {err}", file=sys.stderr)
        return 2
    for result in results:
        print(printable(_said(result)), file=sys.stderr)
    failed = any(r.failure or r.errors for r in results)
    return 1 if failed else 0


def _said(result: ShardResult) -> str:
    if result.failure:
        return f"{result.shard}: {result.failure}"
    errors = f", {result.errors:,} lines could not be analysed" if result.errors else ""
    if result.skipped:
        return f"{result.shard}: finished before, skipped ({result.articles:,} articles{errors})"
    return f"{result.shard}: {result.articles:,} articles in {result.seconds:.1f} s{errors}"


if __name__ == "__main__":
    sys.exit(main())

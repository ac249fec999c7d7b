"""Analysing many articles, in this process or in N worker processes, in input order.

Each worker is given the analyzer once, by the pool's initializer: where processes are
forked (Linux) it inherits the parent's, reference index and all, without a copy; where
they are spawned it arrives pickled, once. The lexicons load on a worker's first article.
A table is rendered in the worker; a JSON document comes back as data, which the parent
writes in pieces as it comes (a long article's JSON is several times its text). The output
is byte for byte that of one process.
"""

from __future__ import annotations

import io
import sys
import time
from collections import deque
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from multiprocessing.context import BaseContext
from types import TracebackType
from typing import Any, TextIO

from newsreader import article
from newsreader.analysis.model import Analysis
from newsreader.analysis.service import Analyzer
from newsreader.article import Article, ArticleError
from newsreader.cleaning import printable

# Articles handed out ahead of the one being written, per worker: enough to keep every
# worker busy, few enough that an archive of millions never sits in memory at once.
_AHEAD_PER_WORKER = 8


@dataclass(frozen=True)
class Options:
    format: str = "json"  # json | jsonl | table
    text: str = "source"  # which text offsets index (see contract.to_dict)
    max_bytes: int = article.DEFAULT_MAX_BYTES


@dataclass(frozen=True)
class Outcome:
    output: Any = None  # the JSON document (json, jsonl), or the text to write (table)
    problems: tuple[str, ...] = ()  # what could not be done for the article (Article.problems)
    error: str = ""  # why the article could not be read; then there is no output


def analyze_all(
    items: Sequence[str | Article],
    analyzer: Analyzer,
    options: Options,
    *,
    workers: int = 1,
    start: BaseContext | None = None,
) -> Iterator[Outcome]:
    """Each item's outcome (a path is loaded first), in the order of `items`, computed by
    `workers` processes (this one alone when 1), started the platform's way unless
    `start` (a multiprocessing context) says another. A JSON document is `lazy` (see
    `analyze_one`): for `contract.write` to write."""
    workers = min(workers, len(items))
    if workers <= 1:
        for item in items:
            yield analyze_one(item, analyzer, options, lazy=True)
        return
    pool = ProcessPoolExecutor(workers, start, initializer=_install, initargs=(analyzer, options))
    try:
        pending: deque[Future[Outcome]] = deque()
        queue = iter(items)
        for item in queue:
            pending.append(pool.submit(_in_worker, item))
            if len(pending) >= workers * _AHEAD_PER_WORKER:
                break
        while pending:
            outcome = pending.popleft().result()
            for item in queue:
                pending.append(pool.submit(_in_worker, item))
                break
            yield outcome
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def analyze_one(item: str | Article, analyzer: Analyzer, options: Options, *, lazy: bool = False) -> Outcome:
    """Load (a path), analyse and render one article. `lazy`: the JSON document's long
    lists are `contract.Rows`, made an item at a time as `contract.write` writes them, not
    held as dicts beside the analysis (for a 20 MB text, 170 MB more)."""
    from newsreader.analysis import contract

    try:
        doc = item if isinstance(item, Article) else article.load(item, max_bytes=options.max_bytes)
    except ArticleError as err:
        return Outcome(error=str(err))
    result = analyzer.analyze(doc)
    output: Any
    if options.format == "table":
        buffer = io.StringIO()
        write_table(buffer, doc, result)
        output = buffer.getvalue()
    else:
        output = (contract.document if lazy else contract.to_dict)(doc, result, text=options.text)
    return Outcome(output=output, problems=doc.problems)


def write_table(out: TextIO, doc: Article, result: Analysis) -> None:
    """A plain, aligned summary for a terminal; every string in it made `printable`."""
    out.write(f"{printable(doc.title)}\n{printable(doc.source)}\n\n")
    out.write(f"{'id':<5} {'type':<13} {'mentions':>8}  {'name':<32} reference\n")
    for e in result.entities:
        ref = f"{_cell(e.reference.name)} ({e.reference.score:.0f})" if e.reference else ""
        out.write(f"{e.id:<5} {_cell(e.type):<13} {len(e.mentions):>8}  {_cell(e.name)[:32]:<32} {ref}\n")
    out.write(f"\n{'quote':<48} {'speaker':<24} cue\n")
    names = {e.id: e.name for e in result.entities}
    for q in result.quotes:
        snippet = _cell(doc.text[q.start : q.end])
        snippet = snippet if len(snippet) <= 46 else snippet[:45] + "…"
        speaker = _cell(names.get(q.speaker or "", "unknown"))
        out.write(f"{snippet:<48} {speaker[:24]:<24} {_cell(q.cue or '')}\n")
    out.write("\n")


def _cell(value: str) -> str:
    """One line of printable text for a table cell."""
    return " ".join(printable(value).split())


_worker: tuple[Analyzer, Options] | None = None


def _install(analyzer: Analyzer, options: Options) -> None:
    global _worker
    _worker = (analyzer, options)


def _in_worker(item: str | Article) -> Outcome:
    assert _worker is not None, "the pool's initializer installs the analyzer"
    return analyze_one(item, *_worker, lazy=True)


class Progress:
    """A progress bar on `stream`, drawn only when it is a terminal and the work has taken
    more than `after` seconds; `clear()` it before writing anything else there."""

    def __init__(self, total: int, stream: TextIO = sys.stderr, *, after: float = 1.0) -> None:
        self.total = total
        self.done = 0
        self.stream = stream
        self.shown = False
        self._live = total > 1 and _is_terminal(stream)
        self._started = time.monotonic()
        self._after = after
        self._drawn_at = 0.0
        self._width = 0  # of the line last drawn

    def __enter__(self) -> Progress:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, err: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.clear()

    def step(self) -> None:
        self.done += 1
        if not self._live:
            return
        now = time.monotonic()
        if now - self._started < self._after or (now - self._drawn_at < 0.1 and self.done < self.total):
            return
        self._drawn_at = now
        drawn = self.line(now - self._started)
        self._width = len(drawn)
        self.stream.write("\r" + drawn)
        self.stream.flush()
        self.shown = True

    def line(self, elapsed: float, width: int = 30) -> str:
        """The bar as drawn: `analysed 120/1,000 [###.......]  12%  8 s`."""
        share = self.done / self.total if self.total else 1.0
        filled = int(share * width)
        bar = "#" * filled + "." * (width - filled)
        return f"analysed {self.done:,}/{self.total:,} [{bar}] {share:4.0%}  {elapsed:.0f} s"

    def clear(self) -> None:
        if self.shown:
            self.stream.write("\r" + " " * self._width + "\r")
            self.stream.flush()
            self.shown = False


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # a closed or unusual stream is no terminal
        return False

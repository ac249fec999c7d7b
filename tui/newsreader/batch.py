"""Many articles summarised for the triage list: counts of names, quotes and what is left
to decide, computed by a bounded pool of processes and kept in a cache on disk.

The cache (an SQLite file under the cache folder, `NEWSREADER_CACHE`) is keyed by the
hash of an article's cleaned text and the analysis version (the analysis code, its data
files and the reference lists), so a reopened folder is summarised without analysing
anything; a file whose size and modification time are unchanged is not even read again.
It holds at most `SummaryCache.limit` articles, the least recently used going first.

Never imports Textual: the list screen runs `summarise_all` in a thread.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
import sys
import threading
import zlib
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from newsreader import article
from newsreader.article import Article, ArticleError
from newsreader.feeds import FeedItem, ListItem, load_item
from newsreader.review.vocabulary import IN_REVIEW, NEW, SPEAKER, STATUSES

if TYPE_CHECKING:
    from newsreader.analysis.model import Analysis
    from newsreader.review.decision_log import DecisionLog
    from newsreader.review.overlay import Pending

CACHE_FILE = "triage.sqlite3"
DEFAULT_LIMIT = 200_000  # articles; a row is about 200 bytes, so the file stays under ~40 MB
_AHEAD_PER_WORKER = 8  # articles handed out ahead, per worker: busy workers, bounded memory
FileKey = tuple[str, int, int]  # a file's absolute path, size and modification time (ns)


@dataclass(frozen=True)
class Summary:
    """What the list shows of an analysed article (before any decision)."""

    names: int
    quotes: int
    to_decide: int
    maybe: int  # candidates or merges waiting for a yes or no
    unattributed: int  # statements with no speaker


@dataclass(frozen=True)
class Filled:
    """One article's row, filled in: `summary` None and `error` set when it could not be read."""

    index: int
    text_hash: str = ""
    title: str = ""
    summary: Summary | None = None
    error: str = ""


@dataclass(frozen=True)
class Options:
    """How the articles are analysed: the same lists as the reader's."""

    reference_paths: tuple[str, ...] = ()
    bundled: bool = True
    max_bytes: int = article.DEFAULT_MAX_BYTES
    max_list_bytes: int | None = None  # each list at most (--max-list-size); None: the core's default


def text_hash(doc: Article) -> str:
    """The key an article is known by here and in the review store (`review.article_key`)."""
    return hashlib.sha256(doc.text.encode("utf-8")).hexdigest()


def summarise(doc: Article, analysis: Analysis) -> Summary:
    """The counts of an analysis with no decision laid over it."""
    from newsreader.review.overlay import overlay

    return summary_of(analysis, overlay(doc.text, analysis, []).pending)


def summary_of(analysis: Analysis, pending: Sequence[Pending]) -> Summary:
    """The counts of an analysis and of what waits in it for a decision (the overlay's
    `pending`): the list's row of an article, fresh or as the reader left it."""
    return Summary(
        names=len(analysis.entities),
        quotes=len(analysis.quotes),
        to_decide=len(pending),
        maybe=sum(1 for p in pending if p.kind != SPEAKER),
        unattributed=sum(1 for p in pending if p.kind == SPEAKER),
    )


@cache
def _code_version() -> str:
    """Changes with the analysis's code, its data files and the Python version."""
    import newsreader

    root = Path(newsreader.__file__).parent
    digest = hashlib.sha256(repr((sys.version_info[:2], newsreader.__version__)).encode())
    sources = [*sorted((root / "analysis").glob("*.py")), root / "article.py", root / "cleaning.py"]
    sources += [root / "markdowntext.py", root / "htmltext.py", Path(__file__)]
    for source in sources:
        if source.is_file():
            digest.update(source.read_bytes())
    for data in sorted((root / "analysis" / "data").rglob("*")):
        if data.is_file():
            st = data.stat()
            digest.update(f"{data.name}:{st.st_size}:{st.st_mtime_ns}".encode())
    return digest.hexdigest()[:16]


def analysis_version(options: Options) -> str:
    """The code's version and the reference lists' (name, size, modification time)."""
    digest = hashlib.sha256(f"{_code_version()}|{options.bundled}".encode())
    for path in options.reference_paths:
        try:
            st = os.stat(path)
            digest.update(f"{os.path.abspath(path)}:{st.st_size}:{st.st_mtime_ns}".encode())
        except OSError:
            digest.update(f"{path}:missing".encode())
    return digest.hexdigest()[:24]


class SummaryCache:
    """Summaries by (analysis version, text hash), and files by (path, size, mtime); bounded.

    A cache that cannot be opened (an unwritable folder, a damaged file) is replaced by one
    in memory and `problem` says why: the list works, only slower next time.
    """

    def __init__(self, path: Path | None = None, *, limit: int = DEFAULT_LIMIT) -> None:
        from newsreader.analysis.cache import cache_root

        self.path = path if path is not None else cache_root() / CACHE_FILE
        self.limit = limit
        self.problem = ""
        self._lock = threading.Lock()
        self._added = 0
        try:
            self._conn = self._connect(self.path)
        except (OSError, sqlite3.Error) as err:
            self.problem = f"the analysis cache {self.path} cannot be used ({err}); nothing is kept"
            self._conn = self._connect(None)

    @staticmethod
    def _connect(path: Path | None) -> sqlite3.Connection:
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(str(path or ":memory:"), isolation_level=None, check_same_thread=False)
        try:
            conn.execute("PRAGMA busy_timeout = 5000")
            conn.execute(
                "CREATE TABLE IF NOT EXISTS summaries (key TEXT PRIMARY KEY, names INTEGER, quotes INTEGER,"
                " to_decide INTEGER, maybe INTEGER, unattributed INTEGER, used INTEGER)"
            )
            conn.execute(
                "CREATE TABLE IF NOT EXISTS files (path TEXT PRIMARY KEY, size INTEGER, mtime INTEGER,"
                " text_hash TEXT, title TEXT, used INTEGER)"
            )
        except sqlite3.Error:
            conn.close()
            raise
        return conn

    def known_file(self, path: str, size: int, mtime_ns: int) -> tuple[str, str] | None:
        """(text hash, title) of a file seen before with this size and modification time."""
        with self._lock:
            row = self._conn.execute(
                "SELECT text_hash, title FROM files WHERE path = ? AND size = ? AND mtime = ?",
                (path, size, mtime_ns),
            ).fetchone()
        return (str(row[0]), str(row[1])) if row else None

    def summary(self, version: str, digest: str) -> Summary | None:
        with self._lock:
            row = self._conn.execute(
                "SELECT names, quotes, to_decide, maybe, unattributed FROM summaries WHERE key = ?",
                (f"{version}:{digest}",),
            ).fetchone()
        return Summary(*map(int, row)) if row else None

    def put(self, version: str, filled: Filled, source: FileKey | None) -> None:
        """Keep a filled row; `source`: the file's (path, size, mtime) when it came from one."""
        summary = filled.summary
        if summary is None:
            return
        stamp = _clock()
        with self._lock:
            try:
                self._conn.execute(
                    "INSERT OR REPLACE INTO summaries VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (f"{version}:{filled.text_hash}", summary.names, summary.quotes, summary.to_decide,
                     summary.maybe, summary.unattributed, stamp),
                )  # fmt: skip
                if source is not None:
                    self._conn.execute(
                        "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?)",
                        (*source, filled.text_hash, filled.title, stamp),
                    )
            except sqlite3.Error as err:  # full disk, a locked file: the cache is only a speed-up
                self.problem = self.problem or f"the analysis cache {self.path}: {err}"
                return
            self._added += 1
            if self._added % 1000 == 0:
                self._prune()

    def close(self) -> None:
        with self._lock:
            with contextlib.suppress(sqlite3.Error):  # closing must not fail on a full disk
                self._prune()
            self._conn.close()

    def _prune(self) -> None:
        """Drop the least recently added rows beyond the limit (files as well as summaries)."""
        for table in ("summaries", "files"):
            (count,) = self._conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()
            if count > self.limit:
                self._conn.execute(
                    f"DELETE FROM {table} WHERE rowid IN (SELECT rowid FROM {table} ORDER BY used LIMIT ?)",
                    (count - self.limit,),
                )


_tick = 0


def _clock() -> int:
    """An ever-growing stamp: which rows were added last (a wall clock could go back)."""
    import time

    global _tick
    _tick = max(_tick + 1, time.time_ns())
    return _tick


def prepare_workers() -> None:
    """Start multiprocessing's resource tracker now, while `sys.stderr` is the real one:
    it is started with the stream's file descriptor, and a terminal app (Textual) replaces
    the stream with one that has none, so a pool first made inside it fails to start."""
    from multiprocessing import resource_tracker

    resource_tracker.ensure_running()


def default_workers() -> int:
    """One process per core this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def summarise_all(
    items: Sequence[ListItem],
    options: Options,
    summaries: SummaryCache,
    *,
    workers: int | None = None,
    stopped: Callable[[], bool] = lambda: False,
) -> Iterator[Filled]:
    """Every item's row: the cached ones first, at once, then the others as `workers`
    processes (default: one per core) finish them, in any order; `workers=0`: the
    cached rows only, nothing is analysed. Stops early when `stopped()` turns true
    (the list was closed)."""
    version = analysis_version(options)
    missing: list[tuple[int, ListItem, FileKey | None]] = []
    for index, item in enumerate(items):
        if stopped():
            return
        known, source = _known(item, summaries)
        summary = summaries.summary(version, known[0]) if known else None
        if known and summary is not None:
            yield Filled(index, known[0], known[1], summary)
        else:
            missing.append((index, item, source))
    if not missing or workers == 0:
        return
    count = min(workers or default_workers(), len(missing))
    for filled, source in _analysed(missing, options, count, stopped):
        summaries.put(version, filled, source)
        yield filled


def _known(item: ListItem, summaries: SummaryCache) -> tuple[tuple[str, str] | None, FileKey | None]:
    """(text hash, title) when known without reading the file, and the file's stat key."""
    if isinstance(item, Article):
        return (text_hash(item), item.title), None
    if isinstance(item, FeedItem):
        # not extracted yet (that is the worker's job): known by its place in the feed and a
        # checksum of what it holds, in the place of a file's size and time
        held = f"{item.title}\0{item.body}".encode()
        source = (os.path.abspath(item.source), len(held), zlib.crc32(held))
        return summaries.known_file(*source), source
    try:
        st = os.stat(item)
    except OSError:
        return None, None
    source = (os.path.abspath(item), st.st_size, st.st_mtime_ns)
    return summaries.known_file(*source), source


def _analysed(
    missing: list[tuple[int, ListItem, FileKey | None]],
    options: Options,
    workers: int,
    stopped: Callable[[], bool],
) -> Iterator[tuple[Filled, FileKey | None]]:
    import multiprocessing

    # Spawned, not forked: the reader has threads running, and a forked child could
    # inherit a lock one of them holds. Each worker loads the lists once.
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(workers, context, initializer=_install, initargs=(options,))
    try:
        queue = iter(missing)
        running: dict[Future[Filled], tuple[int, FileKey | None]] = {}

        def hand_out() -> None:
            for index, item, source in queue:
                future = pool.submit(_in_worker, index, item)
                running[future] = (index, source)
                if len(running) >= workers * _AHEAD_PER_WORKER:
                    return

        hand_out()
        while running and not stopped():
            done, _ = wait(list(running), timeout=0.5, return_when=FIRST_COMPLETED)
            for future in done:
                index, source = running.pop(future)
                try:
                    filled = future.result()
                except BrokenProcessPool:  # a worker was killed (out of memory, say)
                    filled = Filled(index, error="the analysis worker ended unexpectedly")
                yield filled, source if filled.summary is not None else None
            hand_out()
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


_options: Options | None = None
_analyze: Callable[[Article], Analysis] | None = None


def _install(options: Options) -> None:
    global _options
    _options = options


def _in_worker(index: int, item: ListItem) -> Filled:
    global _analyze
    assert _options is not None, "the pool's initializer installs the options"
    try:
        doc = load_item(item, max_bytes=_options.max_bytes)
    except ArticleError as err:
        return Filled(index, error=str(err))
    try:
        if _analyze is None:
            from newsreader.analysis.references import DEFAULT_MAX_LIST_BYTES
            from newsreader.analysis.service import Analyzer

            paths, limit = list(_options.reference_paths), _options.max_list_bytes or DEFAULT_MAX_LIST_BYTES
            _analyze = Analyzer.from_options(paths, bundled=_options.bundled, max_list_bytes=limit).analyze
        summary = summarise(doc, _analyze(doc))
    except Exception as err:  # one article's failure must not end the others'
        return Filled(index, text_hash(doc), doc.title, error=f"analysis failed: {err}")
    return Filled(index, text_hash(doc), doc.title, summary)


# -- what the review store says of each article ----------------------------------------


@dataclass(frozen=True)
class ReviewState:
    article_id: int
    status: str  # as the reader shows it: new | in review | reviewed | flagged
    decisions: int  # standing decisions, the status among them


def review_states(store: DecisionLog) -> dict[str, ReviewState]:
    """Every stored article's state by text hash; its status derived as the reader's
    overlay does: the standing status decision, else "in review" once anything stands."""
    from newsreader.review.decisions import DecisionError, StatusDecision, decode

    out: dict[str, ReviewState] = {}
    for digest, (article_id, value, count) in store.article_states().items():
        status = IN_REVIEW if count else NEW
        if value is not None:
            try:
                decided = decode(StatusDecision.kind, "{}", value)
            except DecisionError:
                decided = None
            if isinstance(decided, StatusDecision):
                status = decided.status
        out[digest] = ReviewState(article_id, status, count)
    return out


def record_status(
    store: DecisionLog, digest: str, source: str, title: str, status: str, before: ReviewState | None = None
) -> ReviewState:
    """Set an article's status exactly as the reader's `S` does (one status decision);
    `before`: its state until now, from which the new one follows without a read."""
    from newsreader.review.decisions import DecisionError, StatusDecision, encode

    if status not in STATUSES:
        raise DecisionError(f"unknown status {status!r} (use one of: {', '.join(STATUSES)})")
    row = store.article(digest, source, title)
    _, new = store.record(row.id, *encode(StatusDecision(status)))
    return ReviewState(row.id, status, (before.decisions if before else 0) + int(new))

"""An Analyzer: the reference lists loaded once, then any number of articles analysed."""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from newsreader.analysis import listrecords, references, refindex, xref
from newsreader.analysis.matcher import DEFAULT_THRESHOLDS, Thresholds
from newsreader.analysis.model import Analysis
from newsreader.analysis.pipeline import Progress, analyze, cycle_collection_paused
from newsreader.analysis.references import ReferenceError, ReferenceList
from newsreader.article import Article

BUNDLED = "bundled"
# Lists up to this many names also teach the mention finder their names' types.
MAX_KNOWN_NAMES = 200_000
# The share of a long text's analysis done before the cross-reference: about half with a
# reference list; without one, merge suggestions alone take a fifth.
_BEFORE_XREF, _BEFORE_MERGES = 0.5, 0.8

__all__ = ["Analyzer", "ReferenceError"]


@dataclass
class Analyzer:
    lists: list[ReferenceList] = field(default_factory=list)
    index: refindex.ReferenceIndex | None = None
    known: dict[str, str] = field(default_factory=dict)
    thresholds: Thresholds = DEFAULT_THRESHOLDS
    warnings: list[str] = field(default_factory=list)  # malformed rows, for the user

    @classmethod
    def from_options(
        cls,
        reference_paths: Sequence[str] = (),
        *,
        bundled: bool = True,
        thresholds: Thresholds = DEFAULT_THRESHOLDS,
        max_list_bytes: int = references.DEFAULT_MAX_LIST_BYTES,
    ) -> Analyzer:
        """Load the bundled list and the user's (each at most `max_list_bytes`); raises
        ReferenceError for a list that cannot be read. A list read before and unchanged
        since is not read again when its index is cached and its names are too many to
        teach the mention finder (see `listrecords`): its problems are said all the same."""
        lists: list[ReferenceList] = []
        if bundled:
            from newsreader import resources

            lists.append(references.load(resources.bundled_references(), list_name=BUNDLED))
        names = sum(len(e.names) for refs in lists for e in refs.entries)
        unread: list[int] = []  # lists recalled from the cache, their entries not read
        for path in reference_paths:
            recalled = listrecords.recall(Path(path), Path(path).stem, max_list_bytes)
            if recalled is None:
                before = listrecords.identity_of(Path(path), max_list_bytes)
                refs = references.load(path, max_bytes=max_list_bytes)
                listrecords.remember(refs, before, max_list_bytes)
                names += sum(len(e.names) for e in refs.entries)
            else:
                refs, count = recalled
                unread.append(len(lists))
                names += count
            lists.append(refs)
        if names <= MAX_KNOWN_NAMES:  # the names teach the mention finder: every list is read
            for i in unread:
                lists[i] = references.load(lists[i].path or "", max_bytes=max_list_bytes)
            unread = []
        analyzer = cls(lists=lists, thresholds=thresholds)
        for refs in lists:
            for problem in refs.problems:
                analyzer.warnings.append(f"{refs.path or refs.name}: {problem}")
        if lists:

            def build() -> refindex.ReferenceIndex:
                # no index cached for these lists after all: the recalled ones are read now
                for i in unread:
                    lists[i] = references.load(lists[i].path or "", max_bytes=max_list_bytes)
                return refindex.ReferenceIndex.build([e for refs in lists for e in refs.entries])

            analyzer.index = refindex.cached_index([refs.digest for refs in lists], build)
            if names <= MAX_KNOWN_NAMES:
                analyzer.known = _known_names([e for refs in lists for e in refs.entries])
        return analyzer

    def analyze(self, article: Article, *, progress: Progress | None = None) -> Analysis:
        """The article's analysis, cross-referenced; `progress` (see pipeline) is told the
        fraction done, the cross-reference taking the last part."""
        share = _BEFORE_XREF if self.index is not None else _BEFORE_MERGES
        with cycle_collection_paused():
            result = analyze(
                article,
                known=self.known,
                progress=(lambda done: progress(share * done)) if progress else None,
            )
            started = time.perf_counter()
            entities, merges = xref.cross_reference(
                article.prose, result.entities, self.index, self.thresholds
            )
            timings = dict(result.timings, xref=time.perf_counter() - started)
        if progress:
            progress(1.0)
        return replace(result, entities=entities, merges=merges, timings=timings)


def _known_names(entries: Sequence[references.Entry]) -> dict[str, str]:
    """Names as written in the lists -> type, for names a text writes the same way: names
    with a capital, or in a script without capitals (华为, محمد بن سلمان)."""
    known: dict[str, str] = {}
    for entry in entries:
        for name in entry.names:
            first = name[:1]
            if len(name) >= 2 and (first.isupper() or (first.isalpha() and not first.islower())):
                known.setdefault(name, entry.type)
    return known

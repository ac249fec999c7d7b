"""An Analyzer: the reference lists loaded once, then any number of articles analysed."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from newsreader.analysis.model import Analysis
from newsreader.analysis.pipeline import analyze
from newsreader.article import Article


@dataclass
class Analyzer:
    known: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_options(cls, reference_paths: Sequence[str] = (), *, bundled: bool = True) -> Analyzer:
        return cls()

    def analyze(self, article: Article) -> Analysis:
        return analyze(article, known=self.known)

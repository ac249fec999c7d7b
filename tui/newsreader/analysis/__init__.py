"""The analysis core: text in, frozen records out. Never imports Textual.

`analyze` and `analyze_text` are loaded on first use: the pipeline compiles its rules
when imported, and code that only needs the result types (`analysis.model`) should not
pay for that.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from newsreader.analysis.model import Analysis, Entity, Match, MergeSuggestion, Quote

if TYPE_CHECKING:
    from newsreader.analysis.pipeline import analyze, analyze_text

__all__ = ["Analysis", "Entity", "Match", "MergeSuggestion", "Quote", "analyze", "analyze_text"]


def __getattr__(name: str) -> Any:
    if name in ("analyze", "analyze_text"):
        from newsreader.analysis import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

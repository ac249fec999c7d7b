"""The analysis core: text in, frozen records out. Never imports Textual."""

from newsreader.analysis.model import Analysis, Entity, Match, MergeSuggestion, Quote
from newsreader.analysis.pipeline import analyze, analyze_text

__all__ = ["Analysis", "Entity", "Match", "MergeSuggestion", "Quote", "analyze", "analyze_text"]

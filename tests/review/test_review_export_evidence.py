"""The Markdown report carries what a reference entry says of itself and where it is from."""

from __future__ import annotations

from dataclasses import replace

from review_support import TEXT, make_analysis

from newsreader import article
from newsreader.analysis.model import Match
from newsreader.review import ArticleReview
from newsreader.review import export as formats
from newsreader.review.store import Store

ENTRY = Match(
    "Lu Shaye",
    91.0,
    "bundled",
    "maybe",
    "one letter apart",
    type="person",
    description="Chinese ambassador to France [2019-] \x1b]8;;http://x\x07*",
    source="https://en.wikipedia.org/wiki/Lu_Shaye",
)


def test_the_markdown_report_gives_the_entrys_description_and_source(store: Store) -> None:
    doc = article.from_text(TEXT, "story.txt")
    analysis = make_analysis()
    first = analysis.entities[0]
    analysis = replace(analysis, entities=(replace(first, candidates=(ENTRY,)), *analysis.entities[1:]))
    review = ArticleReview(store, doc, analysis)
    review.accept(first.id, ENTRY)
    md = formats.to_markdown(doc, review.reviewed)
    (line,) = [ln for ln in md.splitlines() if ln.startswith("  - Chinese ambassador")]
    assert "Chinese ambassador to France \\[2019-\\]" in line
    assert "https://en.wikipedia.org/wiki/Lu\\_Shaye" in line
    assert "\x1b" not in md and "\x07" not in md  # the entry's text is untrusted too

"""The Quotes pane: who said it (or "unknown", which stands out), the cue, the first words.

A statement with no speaker is "? unknown", one of the things `d` goes to; a term (a word
in scare quotes) with none is only a term.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from textual.binding import BindingType
from textual.content import Content

from newsreader.analysis.model import STATEMENT, TERM
from newsreader.review.vocabulary import DECIDED
from newsreader.ui import keys
from newsreader.ui.entity_styles import name_style
from newsreader.ui.panes.base import EDITED, Pane, Row, RowTarget, state_mark

if TYPE_CHECKING:
    from newsreader.analysis.model import Entity, Quote
    from newsreader.review.overlay import ReviewedAnalysis

FIRST_WORDS = 10


def first_words(text: str, count: int = FIRST_WORDS) -> str:
    words = text.split()
    return " ".join(words[:count]) + ("…" if len(words) > count else "")


def quote_row(index: int, quote: Quote, text: str, speaker: Entity | None, reviewed: ReviewedAnalysis) -> Row:
    said = text[quote.start : quote.end]
    decided = reviewed.quote_mark(quote).state == DECIDED  # the reviewer set the speaker
    if speaker is not None:
        who = Content.styled(speaker.name, name_style(speaker.type))
    elif decided:
        who = Content.styled("– nobody named", "$text-muted italic")
    elif quote.kind == TERM:  # a word in scare quotes: nobody need have said it
        who = Content.styled("– term", "$text-muted italic")
    else:
        # a glyph as well as a colour, so it stands out on a monochrome terminal
        who = Content.styled("? unknown", "$text-warning bold reverse")
    cue = Content.styled(f" {quote.cue}" if quote.cue else "", "$text-muted italic")
    kind = "$text-muted" if quote.kind == TERM else ""
    noted = bool(reviewed.note_for(quote))
    prompt = Content.assemble(
        state_mark(EDITED if decided else None, noted), who, cue, " ", (first_words(said), kind)
    )
    words = f"{speaker.name if speaker else 'unknown'} {quote.cue or ''} {said}"
    return Row(f"q{index}", prompt, words)


class QuotesPane(Pane):
    TITLE = "Quotes"
    BINDINGS: ClassVar[list[BindingType]] = [*keys.QUOTES]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.quotes: Sequence[Quote] = ()
        self._shown: object = None

    def show(self, reviewed: ReviewedAnalysis, text: str) -> None:
        analysis = reviewed.analysis
        entities = {e.id: e for e in analysis.entities}
        speakers = {
            q.speaker: (entities[q.speaker].name, entities[q.speaker].type)
            for q in analysis.quotes
            if q.speaker in entities
        }
        # A decision about a name seldom touches the quotes: rebuilding thousands of rows
        # (a long article) for nothing would cost more than the decision.
        shown = (analysis.quotes, reviewed.quote_marks, reviewed.quote_notes, speakers)
        if shown == self._shown:
            return
        self._shown = shown
        self.quotes = analysis.quotes
        if not analysis.quotes:
            self.show_message("no quotes found")
            return
        rows = [
            quote_row(index, quote, text, entities.get(quote.speaker or ""), reviewed)
            for index, quote in enumerate(analysis.quotes)
        ]
        unknown = sum(
            q.speaker is None and q.kind == STATEMENT and reviewed.quote_mark(q).state != DECIDED
            for q in analysis.quotes
        )
        title = f"{len(rows)}" + (f" · {unknown} unknown" if unknown else "")
        self.show_rows(rows, title=title)

    def row_target(self, row_id: str) -> RowTarget | None:
        index = int(row_id[1:])
        if not 0 <= index < len(self.quotes):
            return None
        return RowTarget(entity_id=self.quotes[index].speaker, quote=index)

    @property
    def highlighted_quote(self) -> int | None:
        row_id = self.highlighted_id
        return int(row_id[1:]) if row_id else None

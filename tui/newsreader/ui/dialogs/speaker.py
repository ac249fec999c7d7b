"""`w`: who said a quote: a person or organisation of the article, or nobody named."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from textual.content import Content

from newsreader.review.vocabulary import REVIEWER_RULE
from newsreader.ui.dialogs.chooser import Choice, Chooser
from newsreader.ui.dialogs.merge import entity_choice

if TYPE_CHECKING:
    from newsreader.analysis.model import Entity, Quote

NOBODY = "-"  # the choice "nobody named in the text said it" (entity ids never are "-")
PREVIEW = 48


def distance(entity: Entity, quote: Quote) -> int:
    """How far the entity's nearest mention is from the quote, in characters."""
    return min(
        (max(quote.start - end, start - quote.end, 0) for start, end in entity.mentions), default=1 << 30
    )


class SpeakerDialog(Chooser):
    """The nearest names first: the speaker is usually named next to the quote."""

    HINT = "nearest names first · type to narrow · enter chooses · {cancel_dialog} cancels"
    PLACEHOLDER = "type part of the name"

    def __init__(self, quote: Quote, said: str, speakers: Sequence[Entity]) -> None:
        ordered = sorted(speakers, key=lambda e: (distance(e, quote), e.name.casefold()))
        nobody = Choice(NOBODY, Content.styled("nobody named", "italic"), "nobody named none unknown")
        preview = " ".join(said.split())
        if len(preview) > PREVIEW:
            preview = preview[: PREVIEW - 1] + "…"
        title = Content.assemble("Who said ", (preview, "italic"), "?")
        current = quote.speaker or (NOBODY if quote.rule == REVIEWER_RULE else None)
        super().__init__(title, [nobody, *(entity_choice(e) for e in ordered)], current=current)

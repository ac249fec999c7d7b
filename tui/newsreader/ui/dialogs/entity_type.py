"""`T`: the type of an entity, chosen from the types in use, or a new lower-case word."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from textual.content import Content

from newsreader.ui.dialogs.chooser import Choice, Chooser
from newsreader.ui.entity_styles import STYLED_TYPES, name_style

if TYPE_CHECKING:
    from newsreader.analysis.model import Entity

# What the review store accepts as a type (newsreader.review.session).
TYPE_WORD = re.compile(r"[a-z][a-z_-]{0,31}")


class TypeDialog(Chooser):
    HINT = "type a new word for a type of your own · enter chooses · {cancel_dialog} cancels"
    PLACEHOLDER = "person, organization, place, group, or a word of your own"

    def __init__(self, entity: Entity, types_in_use: Iterable[str]) -> None:
        types = list(dict.fromkeys([*STYLED_TYPES, *sorted(types_in_use)]))
        choices = [Choice(t, Content.styled(t, name_style(t)), t) for t in types]
        title = Content.assemble("Type of ", (entity.name, "bold"))
        super().__init__(title, choices, current=entity.type)

    def extra_choice(self, query: str) -> Choice | None:
        # a type of several words is one word for the store (and brat): "news agency" is news-agency
        word = "-".join(query.casefold().split())
        if not TYPE_WORD.fullmatch(word):
            return None
        return Choice(word, Content.assemble("new type: ", (word, "bold")), word)

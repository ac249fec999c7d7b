"""`S`: the article's review status: new, in review, reviewed or flagged."""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content

from newsreader.ui.chrome import STATUS_STYLES
from newsreader.ui.dialogs.chooser import Choice, Chooser


class StatusDialog(Chooser):
    PLACEHOLDER = "new, in review, reviewed, flagged"

    def __init__(self, statuses: Sequence[str], current: str) -> None:
        choices = [Choice(s, Content.styled(*STATUS_STYLES.get(s, (s, ""))), s) for s in statuses]
        super().__init__(Content("Status of this article"), choices, current=current)

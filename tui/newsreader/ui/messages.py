"""Messages the panes and the screen send up to the app, which owns the decision log."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from newsreader.review.decisions import Decision as Change
    from newsreader.ui.decisions import Decision


class DecisionRequested(Message):
    """The reviewer decided on a match (a, x or z on a row)."""

    def __init__(self, decision: Decision) -> None:
        super().__init__()
        self.decision = decision


class ChangeRequested(Message):
    """A review key built a decision (T, M, X, w, c, S after their dialogs; accepting the exact matches)."""

    def __init__(self, change: Change) -> None:
        super().__init__()
        self.change = change


class UndoRequested(Message):
    """The reviewer wants the last decision taken back (u)."""

"""Messages the panes and the screen send up to the app, which owns the decision log."""

from __future__ import annotations

from textual.message import Message

from newsreader.ui.decisions import Change, Decision


class DecisionRequested(Message):
    """The reviewer decided on a match (a, x or z on a row)."""

    def __init__(self, decision: Decision) -> None:
        super().__init__()
        self.decision = decision


class ChangeRequested(Message):
    """The reviewer answered a review key's dialog (T, M, X, w, c, S)."""

    def __init__(self, change: Change) -> None:
        super().__init__()
        self.change = change


class UndoRequested(Message):
    """The reviewer wants the last decision taken back (u)."""

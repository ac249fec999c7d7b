"""Back and forward through the places the reader jumped from, as a browser does."""

from __future__ import annotations

from typing import Generic, TypeVar

T = TypeVar("T")


class JumpList(Generic[T]):
    """`record` before a jump; `back` and `forward` walk the history without recording.

    Going back from the newest place first remembers it, so `forward` can return there.
    A new jump after going back drops the places ahead, as a browser does.
    """

    def __init__(self, limit: int = 100) -> None:
        self._places: list[T] = []
        self._index = 0  # where the reader is: len(_places) means "past the newest"
        self._limit = limit

    def __len__(self) -> int:
        return len(self._places)

    def record(self, here: T) -> None:
        del self._places[self._index :]
        if not self._places or self._places[-1] != here:
            self._places.append(here)
        if len(self._places) > self._limit:
            del self._places[: len(self._places) - self._limit]
        self._index = len(self._places)

    def back(self, here: T) -> T | None:
        if self._index == len(self._places):
            if not self._places or self._places[-1] != here:
                self._places.append(here)
            self._index = len(self._places) - 1
        if self._index == 0:
            return None
        self._index -= 1
        return self._places[self._index]

    def forward(self) -> T | None:
        if self._index + 1 >= len(self._places):
            return None
        self._index += 1
        return self._places[self._index]

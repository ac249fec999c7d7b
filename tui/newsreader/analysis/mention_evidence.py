"""What the mention finder works with: a name's occurrence and the votes it collects, and
the mention it becomes."""

from __future__ import annotations

from dataclasses import dataclass, field

Tok = tuple[int, int, str]  # a token of a run: start, end, text


@dataclass(frozen=True, slots=True)  # a long text has hundreds of thousands
class Mention:
    start: int
    end: int
    text: str
    type: str
    evidence: str = ""


@dataclass(slots=True)
class Occurrence:
    """One occurrence of a candidate name and the evidence for each type it has gathered."""

    start: int
    end: int
    text: str
    tokens: tuple[str, ...]
    initial: bool
    votes: dict[str, float] = field(default_factory=dict)
    reasons: list[str] = field(default_factory=list)
    reason_kinds: list[str] = field(default_factory=list)

    def vote(self, kind: str, weight: float, reason: str) -> None:
        """Add `weight` for `kind`; the first six reasons given are kept, with their kind."""
        self.votes[kind] = self.votes.get(kind, 0.0) + weight
        if reason and len(self.reasons) < 6:
            self.reasons.append(reason)
            self.reason_kinds.append(kind)

    def moved(self, offset: int) -> Occurrence:
        """This occurrence `offset` characters further on, with votes and reasons (and
        their kinds) of its own to add to."""
        return Occurrence(
            self.start + offset,
            self.end + offset,
            self.text,
            self.tokens,
            self.initial,
            dict(self.votes),
            list(self.reasons),
            list(self.reason_kinds),
        )

    def reasons_for(self, kind: str) -> str:
        """The kept reasons given for `kind`, joined."""
        return "; ".join(r for r, k in zip(self.reasons, self.reason_kinds, strict=True) if k == kind)

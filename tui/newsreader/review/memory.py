"""What match decisions teach about names, across every article in the store.

An accepted match makes the two names aliases; a rejected one makes them different.
The latest decision about a pair (entity name, list entry) is the one remembered, and
undoing it forgets it. A pair of identical names is not remembered beyond its article:
whether this John Smith is the listed John Smith says nothing about the next one.
Names are joined into classes (union-find over normalised names), so decisions imply
others, as in nomenklatura: A = B and B = C make A = C; A ≠ B and B = C make A ≠ C.
A rejected pair, or one implied different, is never offered again; nor is a merge of
two entities whose names the reviewer kept apart in another article.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from newsreader.analysis.model import Match
from newsreader.review.decisions import ApartDecision, MatchDecision
from newsreader.review.vocabulary import ACCEPT, REJECT

CandidateKey = tuple[str, str, str]  # normalised name, list, entry id
_PUNCTUATION = re.compile(r"[\W_]+")


@lru_cache(maxsize=65536)
def normalise(name: str) -> str:
    """A name's comparable form: case, accents, punctuation and spacing ignored."""
    folded = name.casefold()
    if not folded.isascii():
        decomposed = unicodedata.normalize("NFKD", folded)
        folded = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(_PUNCTUATION.sub(" ", folded).split())


def candidate_key(match: Match) -> CandidateKey:
    return (normalise(match.name), match.list, match.entry_id)


# What memory remembers a decision by: entity name, candidate name, list. Not the entry
# id: our CSV lists number entries by line, and an edited list must not forget.
_Pair = tuple[str, str, str]


def _pair(name: str, candidate: Match) -> _Pair:
    return (normalise(name), normalise(candidate.name), candidate.list)


@dataclass(frozen=True)
class Judgement:
    """What memory says about offering `candidate` for a name."""

    same: bool  # True: learned alias; False: never offer it
    why: str


class Memory:
    """Built from the standing match decisions, oldest first, each with the title of its article."""

    def __init__(
        self,
        decisions: Iterable[tuple[MatchDecision, str]] = (),
        apart: Iterable[tuple[ApartDecision, str]] = (),
    ) -> None:
        # entities of two different names kept apart: their merge is not suggested again
        self._kept_apart: dict[frozenset[str], str] = {}
        for kept, title in apart:
            names = frozenset((normalise(kept.a.name), normalise(kept.b.name)))
            if len(names) == 2:  # two people both called John Smith: that article's business
                self._kept_apart[names] = title
        latest: dict[_Pair, tuple[MatchDecision, str]] = {}
        for decision, title in decisions:
            key = _pair(decision.entity.name, decision.candidate)
            if key[0] == key[1]:
                # "John Smith" is or is not the listed John Smith: a judgement about a person in
                # one article, which says nothing about the next article's John Smith.
                continue
            latest.pop(key, None)  # re-inserted last: dict order is then the order of the decisions
            latest[key] = (decision, title)
        self._direct = latest
        self._parent: dict[str, str] = {}
        accepted = [(d, t) for d, t in latest.values() if d.verdict == ACCEPT]
        for d, _ in accepted:
            self._union(d.entity.name, d.candidate.name)
        # A different-edge between two classes, remembered with the pair that made it.
        self._apart: dict[frozenset[str], tuple[str, str]] = {}
        for d, _ in latest.values():
            a, b = normalise(d.entity.name), normalise(d.candidate.name)
            if d.verdict == REJECT:
                self._apart[frozenset((self._find(a), self._find(b)))] = (d.entity.name, d.candidate.name)
        self._aliases: dict[str, list[tuple[MatchDecision, str]]] = {}
        for d, t in reversed(accepted):  # newest first
            self._aliases.setdefault(self._find(normalise(d.entity.name)), []).append((d, t))

    def judge(self, name: str, candidate: Match) -> Judgement | None:
        """Memory's word on offering `candidate` for an entity called `name`; None when it has none."""
        n, c = normalise(name), normalise(candidate.name)
        direct = self._direct.get(_pair(name, candidate))
        if direct is not None:
            decision, title = direct
            if decision.verdict == ACCEPT:
                return Judgement(True, f"accepted in “{title}”")
            if decision.verdict == REJECT:
                return Judgement(False, f"rejected in “{title}”")
            return None
        if n == c:
            return None
        a, b = self._find(n), self._find(c)
        if a == b:
            if frozenset((a,)) in self._apart:  # the decisions contradict each other: say nothing
                return None
            return Judgement(True, f"implied: earlier matches make {name} and {candidate.name} the same")
        apart = self._apart.get(frozenset((a, b)))
        if apart is not None:
            return Judgement(False, f"implied: {apart[0]} ≠ {apart[1]}")
        return None

    def kept_apart(self, a: str, b: str) -> str | None:
        """The title of the article where entities named `a` and `b` were kept apart, if any."""
        return self._kept_apart.get(frozenset((normalise(a), normalise(b))))

    def alias(self, name: str) -> tuple[Match, str] | None:
        """A reference learned for `name` (newest first) and why, or None."""
        root = self._find(normalise(name))
        for decision, _ in self._aliases.get(root, ()):
            verdict = self.judge(name, decision.candidate)
            if verdict is not None and verdict.same:
                return decision.candidate, verdict.why
        return None

    def __len__(self) -> int:
        return len(self._direct)

    def _find(self, name: str) -> str:
        parent = self._parent
        parent.setdefault(name, name)
        while parent[name] != name:
            parent[name] = parent[parent[name]]  # path halving
            name = parent[name]
        return name

    def _union(self, a: str, b: str) -> None:
        ra, rb = self._find(normalise(a)), self._find(normalise(b))
        if ra != rb:
            self._parent[max(ra, rb)] = min(ra, rb)

"""How far reviewers agree: raw agreement and Cohen's kappa for each pair of reviewers.

Measured on the candidates both of a pair decided (each reviewer's standing verdict:
accept, reject or unsure; a curator's verdict is no reviewer's). Kappa corrects raw
agreement for the agreement two reviewers would reach by chance, given how often each
gives each verdict: kappa = (p_o - p_e) / (1 - p_e). It is None when chance agreement is
already certain (both gave one and the same verdict to everything): nothing to measure.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import combinations
from typing import Any


@dataclass(frozen=True)
class PairAgreement:
    a: str
    b: str
    items: int  # candidates both decided
    agreed: int
    kappa: float | None

    @property
    def raw(self) -> float | None:
        return self.agreed / self.items if self.items else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "reviewers": [self.a, self.b],
            "items": self.items,
            "agreed": self.agreed,
            "raw": _rounded(self.raw),
            "kappa": _rounded(self.kappa),
        }


def pairwise(votes: Iterable[Mapping[str, str]]) -> list[PairAgreement]:
    """Agreement of every pair of reviewers over the items (each: reviewer -> verdict)
    both decided, pairs in name order; a pair with no item in common is left out."""
    items = list(votes)
    reviewers = sorted({r for item in items for r in item})
    out = []
    for a, b in combinations(reviewers, 2):
        both = [(item[a], item[b]) for item in items if a in item and b in item]
        if both:
            out.append(PairAgreement(a, b, len(both), sum(x == y for x, y in both), cohen_kappa(both)))
    return out


def cohen_kappa(pairs: list[tuple[str, str]]) -> float | None:
    """Cohen's kappa of two raters' labels on the same items; None for no items, or when
    chance agreement is certain."""
    n = len(pairs)
    if not n:
        return None
    observed = sum(x == y for x, y in pairs) / n
    first, second = Counter(x for x, _ in pairs), Counter(y for _, y in pairs)
    chance = sum(first[label] * second[label] for label in first) / (n * n)
    if chance >= 1.0:
        return None
    return (observed - chance) / (1.0 - chance)


def _rounded(x: float | None) -> float | None:
    return None if x is None else round(x, 4)

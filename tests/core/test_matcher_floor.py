"""`compare(..., floor=)`: a pair whose parts already fall short of the floor is not put
to the rules, and nothing at or above the floor changes (the merge pass relies on it)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsreader.analysis.matcher import DEFAULT_THRESHOLDS, compare
from newsreader.analysis.namerules import WEIGHTS

OWN_PAIRS = Path(__file__).resolve().parents[2] / "benchmarks" / "pairs_own.jsonl"
KINDS = {"Person": "person", "Company": "organization", "Organization": "organization"}
FLOOR = DEFAULT_THRESHOLDS.maybe

# made-up pairs of every fate: far apart, near, spelt alike, a body, a Wade-Giles name
PAIRS = [
    ("Marta Quillon", "Tobias Quillan", "person"),
    ("Marta Quillon", "Marta Quilon", "person"),
    ("Anders Vell", "Ingrid Vell", "person"),
    ("Peter Okonkwo", "Petra Okonkwo", "person"),
    ("Hsu Chin-ming", "Xu Jinming", "person"),
    ("Harlow Freight Group", "Harlow Foods Group", "organization"),
    ("Dunmore Institute", "Dunmore Bank", "organization"),
    ("Kessel", "Kassel", "place"),
]


def own_pairs() -> list[tuple[str, str, str]]:
    rows = [json.loads(line) for line in OWN_PAIRS.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [(r["a"], r["b"], KINDS.get(r.get("schema", ""), "")) for r in rows]


@pytest.mark.parametrize(("a", "b", "kind"), PAIRS + own_pairs())
def test_a_floor_changes_nothing_from_the_floor_up_nor_any_verdict(a: str, b: str, kind: str) -> None:
    exact = compare(a, b, kind=kind)
    floored = compare(a, b, kind=kind, floor=FLOOR)
    assert floored.verdict == exact.verdict
    if exact.score >= FLOOR:
        assert floored == exact
    else:
        assert exact.score <= floored.score < FLOOR  # an upper bound, still below


def test_a_pair_far_below_the_floor_skips_the_rules() -> None:
    floored = compare("Marta Quillon", "Tobias Quill", kind="person", floor=FLOOR)
    assert "before the rules" in floored.why
    assert "before the rules" not in compare("Marta Quillon", "Tobias Quill", kind="person").why


def test_the_rules_only_lower_a_score() -> None:
    """The floor's premise: the rules cap and subtract, and no penalty is negative."""
    assert min(WEIGHTS.person_extra) >= 0
    assert WEIGHTS.organisation_extra >= 0 and WEIGHTS.descriptor_extra >= 0

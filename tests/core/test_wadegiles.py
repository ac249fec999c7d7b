"""Chinese names in Wade-Giles romanisation, read as pinyin."""

from __future__ import annotations

import pytest

from newsreader.analysis.matcher import SAME, compare
from newsreader.analysis.wadegiles import to_pinyin


@pytest.mark.parametrize(
    ("wade_giles", "pinyin"),
    [
        ("mao tse-tung", "mao ze-dong"),
        ("hsi chin-ping", "xi jin-bing"),  # the aspirate's apostrophe lost: p read as b
        ("teng hsiao-p'ing", "deng xiao-ping"),  # and kept: p
        ("chou en-lai", "zhou en-lai"),
        ("chang hsueh-liang", "zhang xue-liang"),
    ],
)
def test_wade_giles_syllables_are_spelt_the_pinyin_way(wade_giles: str, pinyin: str) -> None:
    assert to_pinyin(wade_giles) == pinyin


@pytest.mark.parametrize(
    "name",
    [
        "ken tsai",  # one Wade-Giles spelling alone is no proof
        "jean-marie le pen",  # hyphenated, but not Chinese syllables
        "kim jong-un",  # a Korean name: kim is no Wade-Giles syllable
        "tang ming",  # nothing only Wade-Giles writes
    ],
)
def test_names_that_are_not_wade_giles_are_left_as_written(name: str) -> None:
    assert to_pinyin(name) == name


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Mao Tse-tung", "Mao Zedong"),
        ("Hsi Chin-ping", "Xi Jinping"),
        ("Chang Hsueh-liang", "Zhang Xueliang"),
    ],
)
def test_a_wade_giles_name_is_its_pinyin_name(a: str, b: str) -> None:
    found = compare(a, b)
    assert found.verdict == SAME, found
    assert "Wade-Giles" in found.why

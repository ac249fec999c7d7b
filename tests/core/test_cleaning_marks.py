"""Stacked combining marks: kept as Unicode's stream-safe format allows, and no more."""

from __future__ import annotations

import unicodedata

from newsreader.cleaning import clean


def test_marks_past_thirty_in_a_row_are_removed_and_offsets_map_back() -> None:
    text = "Ada " + "\u0301" * 5000 + " Lintz said so."
    cleaned = clean(text)
    run = cleaned.text.split(" ")[1]
    assert run == "\u0301" * 30
    at = cleaned.text.index("Lintz")
    assert text[cleaned.offsets.to_source(at) :].startswith("Lintz said so.")


def test_ordinary_accents_and_scripts_are_untouched() -> None:
    for text in ("Zoë Ångström", "Nguyễn Tấn Dũng", "عَلِيّ", unicodedata.normalize("NFD", "Dvořák")):
        cleaned = clean(text)
        assert unicodedata.normalize("NFD", cleaned.text) == unicodedata.normalize("NFD", text)

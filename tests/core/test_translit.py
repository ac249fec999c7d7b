"""Our direct reading of anyascii's tables gives anyascii's answers, character for character,
Hebrew aside."""

from __future__ import annotations

from anyascii import anyascii
from hypothesis import given
from hypothesis import strategies as st

from newsreader.analysis.translit import to_ascii


def test_names_in_other_scripts_come_out_in_latin_letters() -> None:
    assert to_ascii("Владимир Путин") == "Vladimir Putin"
    assert to_ascii("Nicușor Dan") == "Nicusor Dan"
    assert to_ascii("习近平") == anyascii("习近平")


def test_ascii_is_returned_untouched_controls_included() -> None:
    assert to_ascii("Lu Shaye\x1d\t") == "Lu Shaye\x1d\t"


# Hebrew is read a word at a time as its names are romanized (translit._hebrew_word), not
# letter by letter as anyascii does: 'ך' is k there, anyascii's kh
_HEBREW = "".join(chr(c) for c in range(0x0590, 0x0600))


@given(st.text(alphabet=st.characters(exclude_categories=("Cs",), exclude_characters=_HEBREW), max_size=40))
def test_any_text_transliterates_as_anyascii_does(text: str) -> None:
    assert to_ascii(text) == anyascii(text)

"""Wrapping the article into display lines."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from newsreader.ui.wrap import wrap


def lines(text: str, width: int) -> list[str]:
    layout = wrap(text, width)
    return [text[s:e] for s, e in zip(layout.starts, layout.ends, strict=True)]


def test_words_wrap_at_spaces_and_paragraphs_stay_apart() -> None:
    text = "one two three four\n\nfive six"
    assert lines(text, 9) == ["one two", "three", "four", "", "five six"]


def test_a_word_longer_than_the_line_is_cut() -> None:
    assert lines("abcdefghij kl", 4) == ["abcd", "efgh", "ij", "kl"]


def test_wide_characters_count_two_cells() -> None:
    assert lines("漢字漢字 ab", 4) == ["漢字", "漢字", "ab"]


def test_curly_quotes_take_the_fast_path_and_one_cell_each() -> None:
    text = "“long and meaningful,” he said"
    assert lines(text, 22) == ["“long and meaningful,”", "he said"]


def test_line_of_maps_offsets_to_display_lines() -> None:
    text = "aaa bbb\nccc"
    layout = wrap(text, 3)
    assert [layout.line_of(i) for i in (0, 4, 8)] == [0, 1, 2]
    assert list(layout.lines_of(0, 7)) == [0, 1]


@given(
    st.text(alphabet=st.sampled_from("ab cé漢\n"), max_size=200),
    st.integers(min_value=1, max_value=30),
)
def test_lines_fit_the_width_and_keep_every_word_in_order(text: str, width: int) -> None:
    shown = lines(text, width)
    assert all(cell_len(line) <= max(width, 2) for line in shown)  # a wide char never splits
    assert "".join("".join(shown).split()) == "".join(text.split())
    layout = wrap(text, width)
    assert layout.starts == sorted(layout.starts)

"""Finding direct quotes: where each quotation opens and closes.

Quote marks are classified as opening or closing from their neighbours (curly marks say
so themselves; straight ones by the spaces around them; an apostrophe inside a word is
never a quote), then paired. A quote left open at the end of a paragraph ends there and
continues when the next paragraph opens with a mark, as news style writes multi-paragraph
quotes: the parts share a chain number.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from newsreader.analysis.model import Span

OPEN_DOUBLE = "“„«"


CLOSE_DOUBLE = "”»"


@dataclass(slots=True)
class RawQuote:
    start: int  # opening mark
    end: int  # after the closing mark, or the paragraph end
    closed: bool
    paragraph: int
    chain: int  # quotes of one multi-paragraph quotation share a chain number


_MARK = re.compile(r"''|``|[\"“”„«»]|[‘’']")


def find_quotes(text: str, paragraphs: Sequence[Span]) -> list[RawQuote]:
    quotes: list[RawQuote] = []
    chain = 0
    open_at_end = False
    for p_index, (p_start, p_end) in enumerate(paragraphs):
        found = _quotes_in(text, p_start, p_end)
        starts_open = bool(found) and found[0].start == _first_non_space(text, p_start)
        for i, q in enumerate(found):
            if i == 0 and open_at_end and starts_open:
                q.chain = chain  # continues the quotation left open in the previous paragraph
            else:
                chain += 1
                q.chain = chain
            q.paragraph = p_index
        quotes.extend(found)
        open_at_end = bool(found) and not found[-1].closed
    return quotes


def _first_non_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def _quotes_in(text: str, start: int, end: int) -> list[RawQuote]:
    marks = [(m.start(), m.group()) for m in _MARK.finditer(text, start, end)]
    out: list[RawQuote] = []
    opened: tuple[int, str] | None = None
    single_open: int | None = None
    for pos, mark in marks:
        role = _role(text, pos, mark, start, end)
        is_single = mark in "‘’'"
        if is_single:
            if opened is not None:
                continue  # quotes inside a quote belong to it
            if role == "open" and single_open is None and mark != "’":
                single_open = pos
            elif role in ("close", "either") and single_open is not None and mark != "‘":
                if _plausible_single(text, single_open, pos):
                    out.append(RawQuote(single_open, pos + 1, True, 0, 0))
                single_open = None
            continue
        if opened is None:
            if role in ("open", "either"):
                opened = (pos, mark)
                single_open = None
        elif role in ("close", "either") or (role == "open" and mark in "”»"):
            out.append(RawQuote(opened[0], pos + len(mark), True, 0, 0))
            opened = None
        else:
            # an opener while open: the previous quote was left unclosed (typo or style)
            out.append(RawQuote(opened[0], _trim_end(text, opened[0], pos), False, 0, 0))
            opened = (pos, mark)
    if opened is not None:
        out.append(RawQuote(opened[0], _trim_end(text, opened[0], end), False, 0, 0))
    return [q for q in out if q.end - q.start > 2]


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start + 1 and text[end - 1].isspace():
        end -= 1
    return end


def _role(text: str, pos: int, mark: str, start: int, end: int) -> str:
    if mark in OPEN_DOUBLE or mark in "‘`" or mark == "``":
        return "open"
    before = text[pos - 1] if pos > start else " "
    after = text[pos + len(mark)] if pos + len(mark) < end else " "
    if mark in "’'" and before.isalnum() and after.isalnum():
        return "apostrophe"
    if mark == "'" and before in "sS" and after in " ,.;:":
        return "either"  # a plural possessive or a closing quote: pairing decides
    space_before = before.isspace() or before in "([{—–-/"
    space_after = after.isspace() or after in ".,;:!?)]}—–-…"
    if mark in CLOSE_DOUBLE:
        # some texts use ” for both ends; an opening one has a space before and a word after
        return "open" if space_before and not space_after and mark == "”" else "close"
    if space_before and not space_after:
        return "open"
    if space_after and not space_before:
        return "close"
    return "either"


def _plausible_single(text: str, start: int, end: int) -> bool:
    """Single quotes are rarer than apostrophes: accept short, word-bounded spans only."""
    inner = text[start + 1 : end]
    return 0 < len(inner) <= 600 and not inner.startswith(" ") and "\n\n" not in inner


def opens_its_line(text: str, pos: int) -> bool:
    """Is there only white space between the line's start and `pos`? (Read backwards
    from `pos`, so a text of one long line costs no more than one of many.)"""
    j = pos - 1
    while j >= 0 and text[j] != "\n" and text[j].isspace():
        j -= 1
    return j < 0 or text[j] == "\n"

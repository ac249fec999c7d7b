"""Any script to ASCII, with anyascii's tables read straight from its data files.

anyascii finds its tables through importlib.resources, whose first use imports the
resource readers (zipfile, pathlib and more): 8 ms, a tenth of a pair-scoring run's
budget, paid by every process that meets its first non-Latin name. Where the tables are
plain files beside the package (any normal install) they are read directly, one
256-character block at a time as anyascii does; anywhere else anyascii does the work.
"""

from __future__ import annotations

import os
import zlib

import anyascii as _anyascii

_DATA = os.path.join(os.path.dirname(_anyascii.__file__), "_data")
_DIRECT = os.path.isdir(_DATA)


class _Table(dict[int, str | None]):
    """Code point -> ASCII for `str.translate`, filled on first sight of each character;
    translate does the per-character work in C, a Python loop costs twice as much."""

    def __missing__(self, code: int) -> str | None:
        if code < 0x80:
            value: str | None = chr(code)
        else:
            block = _blocks.get(code >> 8)
            if block is None:
                block = _blocks[code >> 8] = _load_block(code >> 8)
            low = code & 0xFF
            # a character past the block's table has no transliteration: it is dropped
            value = block[low] if low < len(block) else None
        self[code] = value
        return value


_blocks: dict[int, tuple[str, ...]] = {}
_TABLE = _Table()


def to_ascii(text: str) -> str:
    """`text` transliterated to ASCII ("Владимир" -> "Vladimir", "习近平" -> "XiJinping")."""
    if text.isascii():
        return text
    if not _DIRECT:
        return _anyascii.anyascii(text)
    return text.translate(_TABLE)


def _load_block(number: int) -> tuple[str, ...]:
    try:
        with open(os.path.join(_DATA, f"{number:03x}"), "rb") as fh:
            packed = fh.read()
    except FileNotFoundError:
        return ()  # anyascii has nothing for this block: its characters are dropped
    return tuple(zlib.decompress(packed, -zlib.MAX_WBITS).decode("ascii").split("\t"))

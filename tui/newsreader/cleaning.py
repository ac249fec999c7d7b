"""Bytes to safe text: decoding, newline and Unicode normalisation, control removal.

Everything a terminal could act on (escape sequences, C0/C1 controls, bidi overrides)
is removed here, once, so no later layer has to remember to. Each change is recorded in
an `OffsetMap`, so spans found in the cleaned text can still be reported against the
text as it was decoded: annotations made on the original file stay comparable.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field

# Byte signatures of formats that are certainly not an article.
BINARY_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\x7fELF", "an executable (ELF)"),
    (b"MZ", "a Windows executable"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office document"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"\x00asm", "a WebAssembly module"),
)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)

# Terminal escape sequences, 7-bit (ESC ...) and 8-bit (C1 introducers):
# OSC/DCS/SOS/PM/APC strings up to their terminator, CSI with parameters, and
# two-character escapes. Removed whole, so no parameter text is left behind.
_ESCAPE_SEQUENCE = re.compile(
    r"""
      (?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])  # string introducers: OSC DCS SOS PM APC
      [^\x07\x1b\x9c]{0,4096}                   # payload, bounded so hostile input stays linear
      (?:\x07|\x1b\\|\x9c)?                     # BEL or ST (missing at end of text)
    | (?:\x1b\[|\x9b)[\x30-\x3f]{0,64}[\x20-\x2f]{0,8}[\x40-\x7e]?   # CSI
    | \x1b[\x20-\x2f]{0,4}[\x30-\x7e]?                               # other ESC sequences
    """,
    re.VERBOSE,
)
# Left after escapes: lone C0 controls but tab and newline, DEL, C1, and the bidi
# controls (embeddings, overrides, isolates, the LRM/RLM/ALM marks) that can reorder
# what a reader sees. The one rule for article text and for every string printed.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# Lone surrogates: what Python makes of a file name's bytes that are not UTF-8. No
# encoder writes them as valid text, so shown and printed strings get U+FFFD instead.
_SURROGATE = re.compile("[\ud800-\udfff]")
_JOINERS = re.compile("[\u200c\u200d]")
# Invisible characters that split a word for every program but not for the eye: zero-width
# space, word joiner, a byte-order mark inside the text. Dropped (offsets map back), but for
# a zero-width space between letters of the scripts that write it as their word separator.
_INVISIBLE = re.compile("[\u200b\u2060\ufeff]")
# Unicode's Stream-Safe Text Format (UAX #15, section 13) allows at most 30 combining marks
# in a row; no script needs more. Longer runs ("Zalgo" text) are only there to stack marks
# over a line, and made the reader's layout slow down quadratically: the marks past the
# 30th are removed. The ranges are the combining-mark blocks such text is made of.
_STREAM_SAFE = 30
_MARK_RUN = re.compile(
    "[\u0300-\u036f\u0483-\u0489\u0591-\u05bd\u0610-\u061a\u064b-\u065f"
    "\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]{" + str(_STREAM_SAFE + 1) + ",}"
)


def printable(text: str) -> str:
    """`text` safe to show or print anywhere: escape sequences removed whole, then the
    controls of `_CONTROL` (all but tab and newline); NEL becomes a newline, and a lone
    surrogate (undecodable bytes of a file name) U+FFFD. For every string from outside
    that is written out: names, titles, file names, list entries, config values."""
    if text.isprintable():
        return text
    text = _ESCAPE_SEQUENCE.sub("", text.replace("\x85", "\n"))
    return _SURROGATE.sub("\ufffd", _CONTROL.sub("", text))


_UNSAFE_IN_JSON = re.compile(f"{_CONTROL.pattern}|{_SURROGATE.pattern}")


def json_safe(encoded: str) -> str:
    """JSON text (from `json.dumps(..., ensure_ascii=False)`) with every character of
    `_CONTROL` and every lone surrogate written as a `\\uXXXX` escape: the same data,
    but nothing a terminal acts on, and valid UTF-8 whatever file names it holds."""
    return _UNSAFE_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", encoded)


@dataclass(frozen=True)
class OffsetMap:
    """Maps offsets in cleaned text back to the decoded text it came from.

    `points` holds (clean offset, shift) pairs sorted by offset: from that clean offset
    on, the decoded offset is the clean one plus `shift`. Empty means nothing moved.
    """

    points: tuple[tuple[int, int], ...] = ()
    _keys: tuple[int, ...] = field(default=(), repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_keys", tuple(p[0] for p in self.points))

    @property
    def is_identity(self) -> bool:
        return not self.points

    def to_source(self, offset: int) -> int:
        if not self.points:
            return offset
        i = bisect.bisect_right(self._keys, offset) - 1
        return offset if i < 0 else offset + self.points[i][1]

    def span_to_source(self, start: int, end: int) -> tuple[int, int]:
        """A span's decoded-text bounds; the end follows the last character kept."""
        if end <= start:
            s = self.to_source(start)
            return s, s
        return self.to_source(start), self.to_source(end - 1) + 1


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    note: str | None = None  # said to the user when the encoding was a guess


class BinaryContent(ValueError):
    """The bytes are not text."""


def binary_kind(data: bytes) -> str | None:
    """Why `data` is not text, or None when it may be."""
    for magic, kind in BINARY_MAGIC:
        if data.startswith(magic):
            # "MZ" and "BZh" are also the start of ordinary words; trust them only
            # when the rest does not look like text.
            if len(magic) < 4 and not _looks_binary(data[:4096]):
                continue
            return kind
    if b"\x00" in data[:65536] or b"\x00" in data[-4096:]:
        return "binary data (it contains NUL bytes)"
    return None


def _looks_binary(head: bytes) -> bool:
    if not head:
        return False
    odd = sum(1 for b in head if b < 9 or 13 < b < 32)
    return b"\x00" in head or odd / len(head) > 0.1


def decode(data: bytes, encoding: str | None = None) -> Decoded:
    """Decode bytes: a BOM wins, then UTF-8, then Windows-1252 as a stated guess."""
    if encoding:
        return Decoded(data.decode(encoding, errors="replace"), encoding)
    for bom, name in _BOMS:
        if data.startswith(bom):
            body = data[len(bom) :]
            codec = "utf-8" if name == "utf-8-sig" else name
            return Decoded(body.decode(codec, errors="replace"), name)
    kind = binary_kind(data)
    if kind:
        raise BinaryContent(kind)
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as err:
        bad = err.start
    # Single-byte legacy text: Windows-1252 is what most non-UTF-8 news text is, and it
    # is a superset of Latin-1 for printable characters. Its five unassigned bytes fall
    # back to Latin-1 (C1 controls, removed later), so this never fails.
    text = data.decode("cp1252", errors="ignore") if _cp1252_complete(data) else None
    if text is None:
        text = data.decode("latin-1")
    return Decoded(
        text,
        "cp1252",
        f"not valid UTF-8 (byte {bad}); read as Windows-1252 (Western European)",
    )


def _cp1252_complete(data: bytes) -> bool:
    return not any(b in data for b in (b"\x81", b"\x8d", b"\x8f", b"\x90", b"\x9d"))


def normalise_newlines(text: str) -> str:
    """CR LF and CR become LF, and so does NEL (U+0085, "next line"): a line break, not a
    control to drop, or "Moscow\\x85said" would read "Moscowsaid"."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.replace("\x85", "\n") if "\x85" in text else text


class _Builder:
    """Accumulates kept pieces of text and the shift each removal introduces."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.shift = 0
        self.points: list[tuple[int, int]] = []

    def keep(self, piece: str) -> None:
        self.parts.append(piece)
        self.length += len(piece)

    def drop(self, source_length: int, replacement: str = "") -> None:
        self.keep(replacement)
        self.shift += source_length - len(replacement)
        if self.points and self.points[-1][0] == self.length:
            self.points[-1] = (self.length, self.shift)
        else:
            self.points.append((self.length, self.shift))


def _compose(builder: _Builder, text: str) -> None:
    """Append `text` in NFC, recording where composition shortened it."""
    if unicodedata.is_normalized("NFC", text):
        builder.keep(text)
        return
    for start, end in _clusters(text):
        cluster = text[start:end]
        composed = unicodedata.normalize("NFC", cluster)
        if composed == cluster:
            builder.keep(cluster)
        else:
            builder.drop(len(cluster), composed)


def _clusters(text: str) -> Iterator[tuple[int, int]]:
    """Runs of a starter and the combining marks after it: NFC never crosses them."""
    start = 0
    for i in range(1, len(text)):
        ch = text[i]
        if unicodedata.combining(ch) or "\u1160" <= ch <= "\u11ff":
            continue
        yield start, i
        start = i
    if text:
        yield start, len(text)


def _needs_joiners(before: str, after: str) -> bool:
    """Zero-width (non-)joiners matter inside Arabic, Indic and emoji sequences."""

    def script_needs(ch: str) -> bool:
        code = ord(ch)
        return (
            0x0600 <= code <= 0x08FF  # Arabic, Syriac, Thaana, N'Ko
            or 0x0900 <= code <= 0x0DFF  # Indic scripts
            or 0x0F00 <= code <= 0x109F  # Tibetan, Myanmar
            or 0x1780 <= code <= 0x17FF  # Khmer
            or 0xA8E0 <= code <= 0xA8FF  # Devanagari extended
            or 0xFB50 <= code <= 0xFEFF  # Arabic presentation forms
            or 0x1F000 <= code <= 0x1FAFF  # emoji (ZWJ sequences)
            or 0x2600 <= code <= 0x27BF  # symbols used in emoji sequences
        )

    return bool(before) and bool(after) and (script_needs(before) or script_needs(after))


def _separates_words(before: str, after: str) -> bool:
    """Thai, Lao, Myanmar and Khmer write no spaces: a zero-width space there is a word break."""

    def spaceless(ch: str) -> bool:
        code = ord(ch)
        return 0x0E00 <= code <= 0x0EFF or 0x1000 <= code <= 0x109F or 0x1780 <= code <= 0x17FF

    return bool(before) and bool(after) and spaceless(before) and spaceless(after)


@dataclass(frozen=True)
class Cleaned:
    text: str
    offsets: OffsetMap
    removed: int  # characters removed or replaced


def clean(text: str) -> Cleaned:
    """Remove what a terminal would act on, keep joiners only where scripts need them, NFC.

    `text` must already have normalised newlines. Offsets in the result map back to
    `text` through `Cleaned.offsets`.
    """
    if (
        not _CONTROL.search(text)
        and not _JOINERS.search(text)
        and not _INVISIBLE.search(text)
        and not _MARK_RUN.search(text)
        and "\x1b" not in text
        and unicodedata.is_normalized("NFC", text)
    ):
        return Cleaned(text, OffsetMap(), 0)
    first = _Builder()
    removed = 0
    pos = 0
    for m in _removals(text):
        first.keep(text[pos : m[0]])
        first.drop(m[1] - m[0])
        removed += m[1] - m[0]
        pos = m[1]
    first.keep(text[pos:])
    stripped = "".join(first.parts)
    stripped_map = OffsetMap(tuple(first.points))
    if unicodedata.is_normalized("NFC", stripped):
        return Cleaned(stripped, stripped_map, removed)
    second = _Builder()
    _compose(second, stripped)
    composed = "".join(second.parts)
    return Cleaned(composed, _chain(OffsetMap(tuple(second.points)), stripped_map), removed + 1)


def _removals(text: str) -> Iterator[tuple[int, int]]:
    """Spans to remove, in order and not overlapping."""
    spans: list[tuple[int, int]] = []
    for m in _ESCAPE_SEQUENCE.finditer(text):
        spans.append((m.start(), m.end()))
    for m in _CONTROL.finditer(text):
        spans.append((m.start(), m.end()))
    for m in _MARK_RUN.finditer(text):
        spans.append((m.start() + _STREAM_SAFE, m.end()))
    for m in _JOINERS.finditer(text):
        i = m.start()
        before = text[i - 1] if i else ""
        after = text[i + 1] if i + 1 < len(text) else ""
        if not _needs_joiners(before, after):
            spans.append((i, i + 1))
    for m in _INVISIBLE.finditer(text):
        i = m.start()
        before = text[i - 1] if i else ""
        after = text[i + 1] if i + 1 < len(text) else ""
        if not (m.group() == "\u200b" and _separates_words(before, after)):
            spans.append((i, i + 1))
    spans.sort()
    end = -1
    for start, stop in spans:
        if stop <= end:
            continue
        start = max(start, end)
        yield start, stop
        end = stop


def _chain(outer: OffsetMap, inner: OffsetMap) -> OffsetMap:
    """A map equal to applying `outer` then `inner` (clean -> middle -> source)."""
    if outer.is_identity:
        return inner
    if inner.is_identity:
        return outer
    keys = sorted({k for k, _ in outer.points} | set(_preimages(outer, inner)))
    return OffsetMap(tuple((k, inner.to_source(outer.to_source(k)) - k) for k in keys))


def _preimages(outer: OffsetMap, inner: OffsetMap) -> Iterator[int]:
    """Clean offsets at which the inner map's shift changes."""
    for middle, _ in inner.points:
        # the smallest clean offset whose middle offset reaches `middle`
        lo, hi = 0, middle
        while lo < hi:
            mid = (lo + hi) // 2
            if outer.to_source(mid) >= middle:
                hi = mid
            else:
                lo = mid + 1
        yield lo

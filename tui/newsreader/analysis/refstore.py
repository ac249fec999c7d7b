"""The reference index's storage: flat arrays, text blobs and key tables, saved and loaded.

Everything is stored in flat `array`s and three text blobs (entries, names, name parts),
so an index of a million names saves in one pass and loads in about a second. A key
table maps a 32-bit hash of a key (a name, a name part, its deletions or sound) to ints
as two sorted parallel arrays, looked up by bisection.
"""

from __future__ import annotations

import array
import json
import os
import shutil
import tempfile
import zlib
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from pathlib import Path
from typing import TypeVar

from newsreader.analysis.references import Entry

_SEP = "\x1f"
_Index = TypeVar("_Index", bound="StoredIndex")


def key_hash(text: str) -> int:
    """The 32-bit hash a key is stored under (two keys may share one: callers check)."""
    return zlib.crc32(text.encode("utf-8"))


def deletions(token: str) -> set[str]:
    """`token` with one letter left out, at each place (SymSpell's deletion keys)."""
    return {token[:i] + token[i + 1 :] for i in range(len(token))}


class KeyTable:
    """A multimap from 32-bit key hashes to ints, as two sorted parallel arrays."""

    def __init__(self, keys: array.array[int], values: array.array[int]) -> None:
        self.keys = keys
        self.values = values

    @classmethod
    def build(cls, pairs: Iterable[tuple[int, int]]) -> KeyTable:
        # each pair as one int: a million ints sort in half the time of as many tuples
        ordered = sorted({k << 32 | v for k, v in pairs})
        keys = array.array("I", (p >> 32 for p in ordered))
        return cls(keys, array.array("I", (p & 0xFFFFFFFF for p in ordered)))

    def get(self, key: int) -> array.array[int]:
        lo = bisect_left(self.keys, key)
        hi = bisect_right(self.keys, key, lo)
        return self.values[lo:hi]


class StoredIndex:
    """The index's data and its files; `refindex.ReferenceIndex` builds and queries it.

    `layout_version` names the code that made the keys: an index saved by another version
    is not loaded (ValueError), nor is one whose files disagree with each other."""

    ARRAYS = (
        "entry_off",
        "name_off",
        "name_entry",
        "tok_off",
        "post_off",
        "postings",
        "name_tok_off",
        "name_toks",
        "name_letters",
    )
    TABLES = ("full", "token_keys", "dels", "sounds", "coarse")

    def __init__(self) -> None:
        self.records = ""  # entries, one per line, fields joined by \x1f
        self.names = ""  # every searchable name and alias
        self.vocab = ""  # distinct name parts
        self.entry_off = array.array("Q")
        self.name_off = array.array("Q")
        self.name_entry = array.array("I")
        self.tok_off = array.array("Q")
        self.post_off = array.array("Q")
        self.postings = array.array("I")
        self.name_tok_off = array.array("Q")  # name id -> where its tokens start in name_toks
        self.name_toks = array.array("I")  # each name's token ids, in the name's order
        self.name_letters = array.array("I")  # per name, a bit for each letter a part begins with
        self.full = KeyTable(array.array("I"), array.array("I"))
        self.token_keys = KeyTable(array.array("I"), array.array("I"))
        self.dels = KeyTable(array.array("I"), array.array("I"))
        self.sounds = KeyTable(array.array("I"), array.array("I"))
        self.coarse = KeyTable(array.array("I"), array.array("I"))  # consonant classes, across scripts
        self._entries: dict[int, Entry] = {}

    @classmethod
    def layout_version(cls) -> str:
        """The version saved with the index and required of one loaded."""
        raise NotImplementedError

    # --- disk --------------------------------------------------------------------

    def save(self, directory: Path) -> None:
        """Write atomically: a half-written index is never loaded."""
        directory.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=".building-", dir=directory.parent))
        try:
            for name in ("records", "names", "vocab"):
                (tmp / f"{name}.txt").write_text(getattr(self, name), encoding="utf-8")
            for name in self.ARRAYS:
                with open(tmp / f"{name}.bin", "wb") as fh:
                    getattr(self, name).tofile(fh)
            for name in self.TABLES:
                table = getattr(self, name)
                with open(tmp / f"{name}.keys", "wb") as fh:
                    table.keys.tofile(fh)
                with open(tmp / f"{name}.values", "wb") as fh:
                    table.values.tofile(fh)
            meta = {
                "version": self.layout_version(),
                "entries": len(self.entry_off) - 1,
                "names": len(self.name_entry),
            }
            (tmp / "meta.json").write_text(json.dumps(meta))
            if directory.exists():
                shutil.rmtree(directory)
            os.replace(tmp, directory)
        finally:
            if tmp.exists():
                shutil.rmtree(tmp, ignore_errors=True)

    @classmethod
    def load(cls: type[_Index], directory: Path) -> _Index:
        meta = json.loads((directory / "meta.json").read_text())
        if not isinstance(meta, dict) or meta.get("version") != cls.layout_version():
            raise ValueError("index version changed")
        index = cls()
        for name in ("records", "names", "vocab"):
            setattr(index, name, (directory / f"{name}.txt").read_text(encoding="utf-8"))
        for name in cls.ARRAYS:
            setattr(index, name, _read_array(directory / f"{name}.bin", getattr(index, name).typecode))
        for name in cls.TABLES:
            keys = _read_array(directory / f"{name}.keys", "I")
            values = _read_array(directory / f"{name}.values", "I")
            setattr(index, name, KeyTable(keys, values))
        index._check(meta)
        return index

    def _check(self, meta: dict[str, int]) -> None:
        """A truncated or mismatched file must not load as an index that finds nothing."""

        def spans(offsets: array.array[int], blob: str, count: int) -> bool:
            return len(offsets) == count + 1 and offsets[-1] == (len(blob) + 1 if count else 0)

        entries, names = meta.get("entries"), meta.get("names")
        ok = (
            isinstance(entries, int)
            and isinstance(names, int)
            and spans(self.entry_off, self.records, entries)
            and spans(self.name_off, self.names, names)
            and len(self.name_entry) == names
            and len(self.name_tok_off) == names + 1
            and self.name_tok_off[-1] == len(self.name_toks)
            and len(self.name_letters) == names
            and spans(self.tok_off, self.vocab, len(self.tok_off) - 1)
            and len(self.post_off) == len(self.tok_off)
            and self.post_off[-1] == len(self.postings)
            and all(len(getattr(self, t).keys) == len(getattr(self, t).values) for t in self.TABLES)
        )
        if not ok:
            raise ValueError("index files do not agree with each other")

    # --- reading -----------------------------------------------------------------

    def __len__(self) -> int:
        return max(len(self.entry_off) - 1, 0)

    def entry(self, e_id: int) -> Entry:
        cached = self._entries.get(e_id)
        if cached is None:
            raw = item(self.records, self.entry_off, e_id)
            id_, name, aliases, kind, description, source, list_name = raw.split(_SEP)
            cached = Entry(
                id_, name, tuple(a for a in aliases.split(";") if a), kind, description, source, list_name
            )
            self._entries[e_id] = cached
        return cached

    def name(self, n_id: int) -> str:
        return item(self.names, self.name_off, n_id)

    def token(self, t_id: int) -> str:
        """The name part stored as `t_id`."""
        return item(self.vocab, self.tok_off, t_id)

    def postings_count(self, tokens: Iterable[int]) -> int:
        """How many names hold one of `tokens` (a name holding two is counted twice)."""
        return sum(self.post_off[t + 1] - self.post_off[t] for t in tokens)

    def postings_of(self, t_id: int) -> array.array[int]:
        """The names holding the part `t_id`, in ascending order."""
        return self.postings[self.post_off[t_id] : self.post_off[t_id + 1]]

    def tokens_of(self, n_id: int) -> tuple[int, ...]:
        """The name's parts in order: names written alike (after folding) share them."""
        return tuple(self.name_toks[self.name_tok_off[n_id] : self.name_tok_off[n_id + 1]])


def record(entry: Entry) -> str:
    """The entry as one line of the records blob."""
    fields = (entry.id, entry.name, ";".join(entry.aliases), entry.type, entry.description)
    return _SEP.join((*fields, entry.source, entry.list)).replace("\n", " ")


def offsets(items: list[str]) -> array.array[int]:
    """Start offsets of items joined by newlines, with a final end offset."""
    out = array.array("Q", [0])
    pos = 0
    for it in items:
        pos += len(it) + 1
        out.append(pos)
    return out


def item(blob: str, starts: array.array[int], i: int) -> str:
    """Item i of a newline-joined blob, given the start offsets from `offsets`."""
    return blob[starts[i] : starts[i + 1] - 1]


def _read_array(path: Path, typecode: str) -> array.array[int]:
    out = array.array(typecode)
    size = path.stat().st_size // out.itemsize
    with open(path, "rb") as fh:
        out.fromfile(fh, size)
    return out

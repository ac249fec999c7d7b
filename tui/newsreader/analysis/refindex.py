"""An index over reference lists that finds candidates for a name without scanning them.

A list of a million names cannot be compared name by name (a quarter of a second per
query even with rapidfuzz). The index keeps, per distinct name part (token):
- the names that contain it (postings), weighted by rarity when candidates are ranked;
- its one-letter deletions (SymSpell), so a query token one edit away meets it
  (Bessi/Messi share "essi"; Puting loses its g and is Putin);
- its consonant skeleton (`matcher.sound`), so transliterations meet (Selenskyj/Zelensky);
- its consonant classes (`matcher.coarse_sound`), looked up for names from other scripts.
A query gathers the names its tokens lead to, ranks them by the summed rarity of the
tokens they share, and only the best few dozen are scored by the full matcher.

Everything is stored in flat `array`s and two text blobs, so the index saves to disk in
one pass and loads in well under a second even for a million names. The cache is keyed
by the lists' content hashes: a changed list is indexed again.
"""

from __future__ import annotations

import array
import contextlib
import hashlib
import heapq
import json
import math
import os
import shutil
import sys
import tempfile
import zlib
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import anyascii
from rapidfuzz import fuzz, utils

import newsreader
from newsreader.analysis import matcher, translit
from newsreader.analysis.cache import cache_root
from newsreader.analysis.matcher import (
    Comparison,
    NameForm,
    coarse_sound,
    compare,
    name_form,
    sound,
    token_similarity,
)
from newsreader.analysis.references import Entry
from newsreader.analysis.translit import to_ascii

INDEX_VERSION = 1
MAX_POSTINGS = 5000  # a token in more names than this is too common to lead anywhere alone
COMMON_TOKEN = 200  # postings beyond this only re-weigh candidates rarer tokens found
FULLY_SCORED = 6  # candidates per query that the full matcher scores
_SEP = "\x1f"


def _h(text: str) -> int:
    return zlib.crc32(text.encode("utf-8"))


def deletions(token: str) -> set[str]:
    return {token[:i] + token[i + 1 :] for i in range(len(token))}


@dataclass(frozen=True)
class Hit:
    entry: Entry
    matched: str  # the name or alias of the entry that matched
    comparison: Comparison


class _KeyTable:
    """A multimap from 32-bit key hashes to ints, as two sorted parallel arrays."""

    def __init__(self, keys: array.array[int], values: array.array[int]) -> None:
        self.keys = keys
        self.values = values

    @classmethod
    def build(cls, pairs: Iterable[tuple[int, int]]) -> _KeyTable:
        ordered = sorted(set(pairs))
        return cls(array.array("I", (k for k, _ in ordered)), array.array("I", (v for _, v in ordered)))

    def get(self, key: int) -> array.array[int]:
        lo = bisect_left(self.keys, key)
        hi = bisect_right(self.keys, key, lo)
        return self.values[lo:hi]


class ReferenceIndex:
    ARRAYS = ("entry_off", "name_off", "name_entry", "tok_off", "post_off", "postings")
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
        self.full = _KeyTable(array.array("I"), array.array("I"))
        self.token_keys = _KeyTable(array.array("I"), array.array("I"))
        self.dels = _KeyTable(array.array("I"), array.array("I"))
        self.sounds = _KeyTable(array.array("I"), array.array("I"))
        self.coarse = _KeyTable(array.array("I"), array.array("I"))  # consonant classes, across scripts
        self._entries: dict[int, Entry] = {}

    # --- building ----------------------------------------------------------------

    @classmethod
    def build(cls, entries: Sequence[Entry]) -> ReferenceIndex:
        index = cls()
        records: list[str] = []
        names: list[str] = []
        name_entry: list[int] = []
        vocab: dict[str, int] = {}
        token_names: list[list[int]] = []
        full_pairs: list[tuple[int, int]] = []
        for e_id, entry in enumerate(entries):
            records.append(
                _SEP.join(
                    (
                        entry.id,
                        entry.name,
                        ";".join(entry.aliases),
                        entry.type,
                        entry.description,
                        entry.source,
                        entry.list,
                    )
                ).replace("\n", " ")
            )
            for name in entry.names:
                n_id = len(names)
                names.append(name.replace("\n", " "))
                name_entry.append(e_id)
                form = name_form(name)
                full_pairs.append((_h(form.key), n_id))
                for tok in set(form.tokens):
                    t_id = vocab.get(tok)
                    if t_id is None:
                        t_id = vocab[tok] = len(token_names)
                        token_names.append([])
                    token_names[t_id].append(n_id)
        index.records = "\n".join(records)
        index.entry_off = _offsets(records)
        index.names = "\n".join(names)
        index.name_off = _offsets(names)
        index.name_entry = array.array("I", name_entry)
        tokens = list(vocab)
        index.vocab = "\n".join(tokens)
        index.tok_off = _offsets(tokens)
        post_off = array.array("Q", [0])
        postings = array.array("I")
        for ids in token_names:
            postings.extend(ids)
            post_off.append(len(postings))
        index.post_off, index.postings = post_off, postings
        index.full = _KeyTable.build(full_pairs)
        index.token_keys = _KeyTable.build((_h(t), i) for i, t in enumerate(tokens))
        index.dels = _KeyTable.build(
            (_h(d), i) for i, t in enumerate(tokens) if len(t) >= 4 for d in deletions(t)
        )
        index.sounds = _KeyTable.build((_h(s), i) for i, t in enumerate(tokens) if len(s := sound(t)) >= 3)
        index.coarse = _KeyTable.build(
            (_h(c), i) for i, t in enumerate(tokens) if len(c := coarse_sound(t)) >= 3
        )
        return index

    # --- disk cache --------------------------------------------------------------

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
                "version": index_version(),
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
    def load(cls, directory: Path) -> ReferenceIndex:
        meta = json.loads((directory / "meta.json").read_text())
        if not isinstance(meta, dict) or meta.get("version") != index_version():
            raise ValueError("index version changed")
        index = cls()
        for name in ("records", "names", "vocab"):
            setattr(index, name, (directory / f"{name}.txt").read_text(encoding="utf-8"))
        for name in cls.ARRAYS:
            setattr(index, name, _read_array(directory / f"{name}.bin", getattr(index, name).typecode))
        for name in cls.TABLES:
            keys = _read_array(directory / f"{name}.keys", "I")
            values = _read_array(directory / f"{name}.values", "I")
            setattr(index, name, _KeyTable(keys, values))
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
            and spans(self.tok_off, self.vocab, len(self.tok_off) - 1)
            and len(self.post_off) == len(self.tok_off)
            and self.post_off[-1] == len(self.postings)
            and all(len(getattr(self, t).keys) == len(getattr(self, t).values) for t in self.TABLES)
        )
        if not ok:
            raise ValueError("index files do not agree with each other")

    # --- queries -----------------------------------------------------------------

    def __len__(self) -> int:
        return max(len(self.entry_off) - 1, 0)

    def entry(self, e_id: int) -> Entry:
        cached = self._entries.get(e_id)
        if cached is None:
            raw = _item(self.records, self.entry_off, e_id)
            id_, name, aliases, kind, description, source, list_name = raw.split(_SEP)
            cached = Entry(
                id_, name, tuple(a for a in aliases.split(";") if a), kind, description, source, list_name
            )
            self._entries[e_id] = cached
        return cached

    def name(self, n_id: int) -> str:
        return _item(self.names, self.name_off, n_id)

    def _token(self, t_id: int) -> str:
        return _item(self.vocab, self.tok_off, t_id)

    def exact_entries(self, name: str) -> list[int]:
        """Entries that have `name` (after normalising) as their name or an alias."""
        key = name_form(name).key
        out = []
        for n_id in self.full.get(_h(key)):
            if name_form(self.name(n_id)).key == key:
                out.append(self.name_entry[n_id])
        return sorted(set(out))

    def candidate_names(self, form: NameForm, limit: int = 40) -> list[int]:
        """Name ids sharing the rarest, closest tokens with `form`, best first.

        Rare tokens bring their names in; a common one (a given name shared by
        thousands) only adds weight to the names already in, found by a set
        intersection in C rather than a Python loop over its postings."""
        total = max(len(self.name_entry), 1)
        scores: dict[int, float] = defaultdict(float)
        for n_id in self.full.get(_h(form.key)):
            scores[n_id] += 100.0
        loose, cross = form.accented, form.transliterated
        leads: list[tuple[int, int, float]] = []  # (postings count, token id, weight)
        for tok in form.tokens:
            for t_id in self._near_tokens(tok, cross):
                sim, _ = token_similarity(tok, self._token(t_id), loose, cross)
                if sim < 60:
                    continue
                count = self.post_off[t_id + 1] - self.post_off[t_id]
                leads.append((count, t_id, math.log(1 + total / count) * sim / 100.0))
        leads.sort()
        for count, t_id, weight in leads:
            start = self.post_off[t_id]
            postings = self.postings[start : start + min(count, MAX_POSTINGS)]
            if count > COMMON_TOKEN and scores:
                for n_id in scores.keys() & set(postings):
                    scores[n_id] += weight
            else:
                for n_id in postings:
                    scores[n_id] += weight
        return heapq.nlargest(limit, scores, key=scores.__getitem__)

    def _near_tokens(self, tok: str, cross_script: bool = False) -> set[int]:
        """Vocabulary tokens equal to `tok`, one edit away, or of the same sound; for a name
        from another script, also of the same consonant classes (beulladimileu: Vladimir)."""
        near: set[int] = set(self.token_keys.get(_h(tok)))
        if len(tok) >= 4:
            for d in deletions(tok):
                h = _h(d)
                near.update(self.token_keys.get(h))
                near.update(self.dels.get(h))
            near.update(self.dels.get(_h(tok)))
        s = sound(tok)
        if len(s) >= 3:
            near.update(self.sounds.get(_h(s)))
        if cross_script and len(c := coarse_sound(tok)) >= 3:
            near.update(self.coarse.get(_h(c)))
        return near

    def search(self, name: str, limit: int = 5, pool: int = 40, kind: str = "") -> list[Hit]:
        """The entries whose names compare best with `name`, each once, best first.
        `kind` is the type of what is named, when known (see `matcher.compare`).

        The `pool` of candidates the index proposes is narrowed with a cheap token-sort
        ratio (C code, a microsecond each) to the few that the full matcher then scores."""
        form = name_form(name)
        # an initial (V. Eakins) leads nowhere in the index: look through more of the names
        # that share the other parts, and prefer those with a part of that initial
        initials = {t for t in form.tokens if len(t) == 1}
        found = self.candidate_names(form, pool * 5 if initials else pool)
        candidates = [(n_id, self.name(n_id)) for n_id in found]
        query = form.key

        def closeness(candidate: tuple[int, str]) -> float:
            # in ASCII: Álfheiður and Alfheidur are one word to the matcher
            folded = utils.default_process(to_ascii(candidate[1]))
            ratio = fuzz.token_sort_ratio(query, folded)
            if not initials:
                return ratio
            return ratio + 15.0 * sum(1 for t in folded.split() if len(t) > 1 and t[0] in initials)

        ranked = sorted(candidates, key=lambda c: -closeness(c))
        best: dict[int, Hit] = {}
        for n_id, matched in ranked[: max(FULLY_SCORED, limit)]:
            e_id = self.name_entry[n_id]
            comparison = compare(name, matched, kind=kind or self.entry(e_id).type)
            if e_id not in best or comparison.score > best[e_id].comparison.score:
                best[e_id] = Hit(self.entry(e_id), matched, comparison)
        return sorted(best.values(), key=lambda h: -h.comparison.score)[:limit]


def _offsets(items: list[str]) -> array.array[int]:
    """Start offsets of items joined by newlines, with a final end offset."""
    out = array.array("Q", [0])
    pos = 0
    for item in items:
        pos += len(item) + 1
        out.append(pos)
    return out


def _item(blob: str, offsets: array.array[int], i: int) -> str:
    """Item i of a newline-joined blob, given the start offsets from `_offsets`."""
    return blob[offsets[i] : offsets[i + 1] - 1]


def _read_array(path: Path, typecode: str) -> array.array[int]:
    out = array.array(typecode)
    size = path.stat().st_size // out.itemsize
    with open(path, "rb") as fh:
        out.fromfile(fh, size)
    return out


@cache
def index_version() -> str:
    """The index's layout and the code that makes its keys: a newer newsreader that
    normalises names differently must not read an index keyed the old way."""
    code = hashlib.sha256(anyascii.__version__.encode())
    for module in (matcher, translit, sys.modules[__name__]):
        source = getattr(module, "__file__", None)
        # no source file (a zipped install): the package's version stands for the code
        code.update(Path(source).read_bytes() if source else newsreader.__version__.encode())
    return f"{INDEX_VERSION}-{code.hexdigest()[:12]}"


def cached_index(digests: Sequence[str], build: Callable[[], ReferenceIndex]) -> ReferenceIndex:
    """The index for lists with these content hashes, from the cache or built and saved."""
    key = hashlib.sha256("|".join([index_version(), *digests]).encode()).hexdigest()[:24]
    directory = cache_root() / "refindex" / key
    if (directory / "meta.json").exists():
        try:
            return ReferenceIndex.load(directory)
        except (OSError, ValueError, KeyError, TypeError, IndexError):
            pass  # a damaged or outdated cache is rebuilt
    index = build()
    with contextlib.suppress(OSError):  # a read-only cache folder only costs a rebuild next time
        index.save(directory)
    return index

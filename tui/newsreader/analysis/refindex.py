"""An index over reference lists that finds candidates for a name without scanning them.

A list of a million names cannot be compared name by name (a quarter of a second per
query even with rapidfuzz). The index keeps, per distinct name part (token):
- the names that contain it (postings), complete however common the part is;
- its one-letter deletions (SymSpell), so a query token one edit away meets it: an
  insertion, deletion, substitution or transposition, a doubled letter or one undoubled
  (Bessi/Messi share "essi"; Puting loses its g and is Putin);
- its consonant skeleton (`matcher.sound`), so transliterations meet (Selenskyj/Zelensky);
- its consonant classes (`matcher.coarse_sound`), looked up for names from other scripts;
and, per name, its tokens in order, so a candidate is ranked without being parsed again.

A query's parts each lead to the vocabulary tokens near them, and those to the names
holding them. A candidate has every part of a two-part query (or all but one of a
longer query, so a middle name may be added or dropped); the sets are intersected in C,
so a given name shared by a hundred thousand names costs a set operation, not a loop.
Candidates are ranked by the matcher's own token similarities, and the best few distinct
names are scored by the full matcher.

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
import os
import shutil
import sys
import tempfile
import zlib
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import anyascii
from rapidfuzz.distance import OSA, Indel

import newsreader
from newsreader.analysis import lexicon, matcher, translit
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

INDEX_VERSION = 2
FULLY_SCORED = 8  # distinct names per query that the full matcher scores
# A vocabulary token met through a sound key but less like the query part than this is a
# chance meeting; one within one edit is kept whatever the matcher thinks of it.
MIN_TOKEN_SIMILARITY = 60.0
INITIAL_SIMILARITY = 90.0  # ranking: an initial for the part it begins, as the matcher scores it
EXTRA_PART_COST = 3.0  # ranking: a part the candidate has and the query lacks (a middle name)
# A name sharing only one part with a query of two or more is ranked when that part is
# this rare: a surname it shares may be the person spelt beyond the keys (another
# transliteration, a nickname); a shared common given name says nothing.
RARE_PART = 200
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
    ARRAYS = (
        "entry_off",
        "name_off",
        "name_entry",
        "tok_off",
        "post_off",
        "postings",
        "name_tok_off",
        "name_toks",
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
        name_tok_off = array.array("Q", [0])
        name_toks = array.array("I")
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
                for tok in form.tokens:
                    t_id = vocab.get(tok)
                    if t_id is None:
                        t_id = vocab[tok] = len(token_names)
                        token_names.append([])
                    ids = token_names[t_id]
                    if not ids or ids[-1] != n_id:  # a part written twice is posted once
                        ids.append(n_id)
                    name_toks.append(t_id)
                name_tok_off.append(len(name_toks))
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
        index.name_tok_off, index.name_toks = name_tok_off, name_toks
        index.full = _KeyTable.build(full_pairs)
        index.token_keys = _KeyTable.build((_h(t), i) for i, t in enumerate(tokens))
        index.dels = _KeyTable.build(
            (_h(d), i) for i, t in enumerate(tokens) if len(t) >= 3 for d in deletions(t)
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
            and len(self.name_tok_off) == names + 1
            and self.name_tok_off[-1] == len(self.name_toks)
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

    def candidate_names(self, form: NameForm, limit: int = FULLY_SCORED) -> list[int]:
        """Name ids whose parts are nearest `form`'s, best first: every name that has each
        part of the query within one edit or of the same sound (all but one part of a query
        of three or more, so a middle name may be left out on either side), ranked by the
        matcher's token similarities; the best `limit` distinct names, with every name written
        the same way as one of them. When fewer qualify, names sharing a rare part follow."""
        parts = [t for t in form.tokens if len(t) > 1]
        initials = {t for t in form.tokens if len(t) == 1}
        if not parts:
            return sorted(self.full.get(_h(form.key)))
        near = [self._near_parts(tok, form.accented, form.transliterated) for tok in parts]
        need = len(parts) if len(parts) <= 2 else len(parts) - 1
        found = self._holding(near, need)
        found.update(self.full.get(_h(form.key)))
        ranking = _Ranking(self, parts, near, initials)
        best = ranking.best(found, limit)
        if len(best) < limit and len(parts) > 1:
            rare = [near[i] for i in range(len(near)) if self._postings_count(near[i]) <= RARE_PART]
            if rare:
                best += ranking.best(self._holding(rare, 1) - found, limit - len(best))
        return [n_id for names in best for n_id in names]

    def _near_parts(self, tok: str, accented: bool, cross_script: bool) -> dict[int, float]:
        """Vocabulary token id -> the matcher's similarity to `tok`, for the tokens the
        keys lead to that are within one edit of it or alike enough."""
        out: dict[int, float] = {}
        for t_id in self._near_tokens(tok, cross_script):
            other = self._token(t_id)
            one_edit = len(other) > 1 and OSA.distance(tok, other, score_cutoff=1) <= 1
            # a sound key's chance meeting shares few letters: the matcher would not
            # pass it (only a transliteration is judged by its sound alone)
            if not (one_edit or accented or cross_script or Indel.normalized_similarity(tok, other) >= 0.5):
                continue
            sim, _ = token_similarity(tok, other, accented, cross_script)
            if one_edit or sim >= MIN_TOKEN_SIMILARITY:
                out[t_id] = sim
        return out

    def _postings_count(self, near: dict[int, float]) -> int:
        return sum(self.post_off[t + 1] - self.post_off[t] for t in near)

    def _postings(self, t_id: int) -> array.array[int]:
        return self.postings[self.post_off[t_id] : self.post_off[t_id + 1]]

    def _holding(self, near: list[dict[int, float]], need: int) -> set[int]:
        """Names holding a token of at least `need` of the parts' `near` sets. Every such
        name holds one of the rarest len - need + 1 parts, so only those are gathered;
        the others are intersected with them, all in C."""
        order = sorted(range(len(near)), key=lambda i: self._postings_count(near[i]))
        drivers = order[: len(near) - need + 1]
        pool: set[int] = set()
        for i in drivers:
            for t_id in near[i]:
                pool.update(self._postings(t_id))
        if need <= 1:
            return pool
        held = Counter[int]()
        for tokens in near:
            names: set[int] = set()
            for t_id in tokens:
                names.update(pool.intersection(self._postings(t_id)))
            held.update(names)
        return {n_id for n_id, count in held.items() if count >= need}

    def _near_tokens(self, tok: str, cross_script: bool = False) -> set[int]:
        """Vocabulary tokens equal to `tok`, one edit away, a nickname of it or of the
        same sound; for a name from another script, also of the same consonant classes
        (beulladimileu: Vladimir)."""
        near: set[int] = set(self.token_keys.get(_h(tok)))
        near.update(self.dels.get(_h(tok)))
        if len(tok) >= 3:
            for d in deletions(tok):
                h = _h(d)
                near.update(self.token_keys.get(h))
                near.update(self.dels.get(h))
        for other in lexicon.nicknames(tok):
            near.update(self.token_keys.get(_h(other)))
        s = sound(tok)
        if len(s) >= 3:
            near.update(self.sounds.get(_h(s)))
        if cross_script and len(c := coarse_sound(tok)) >= 3:
            near.update(self.coarse.get(_h(c)))
        return near

    def search(self, name: str, limit: int = 5, pool: int = FULLY_SCORED, kind: str = "") -> list[Hit]:
        """The entries whose names compare best with `name`, each once, best first.
        `kind` is the type of what is named, when known (see `matcher.compare`).

        The index ranks its candidates by their parts' similarities; the best `pool`
        distinct names (at least `limit`) are then scored by the full matcher, each once
        however many entries share it."""
        form = name_form(name)
        best: dict[int, Hit] = {}
        compared: dict[tuple[str, str], Comparison] = {}
        for n_id in self.candidate_names(form, max(pool, limit)):
            e_id = self.name_entry[n_id]
            matched = self.name(n_id)
            entry = self.entry(e_id)
            key = (matched, kind or entry.type)
            comparison = compared.get(key)
            if comparison is None:
                comparison = compared[key] = compare(name, matched, kind=key[1])
            if e_id not in best or comparison.score > best[e_id].comparison.score:
                best[e_id] = Hit(entry, matched, comparison)
        return sorted(best.values(), key=lambda h: -h.comparison.score)[:limit]


class _Ranking:
    """Ranks candidate names for one query by the matcher's similarities of their parts:
    the mean over the query's parts of the best similarity each finds in the name (an
    initial meets a part it begins, either way round: "M. Danies" / Mervyn Danies), less a
    little for each part of the name left over."""

    def __init__(
        self, index: ReferenceIndex, parts: list[str], near: list[dict[int, float]], initials: set[str]
    ) -> None:
        self.index = index
        self.initials = initials
        self.count = len(parts) + len(initials)
        self.similarity = [dict(tokens) for tokens in near]
        for part, tokens in zip(parts, self.similarity, strict=True):
            for t_id in index.token_keys.get(_h(part[0])):
                if index._token(t_id) == part[0]:
                    tokens.setdefault(t_id, INITIAL_SIMILARITY)  # the name has this part's initial

    def shape(self, n_id: int) -> tuple[int, ...]:
        """The name's tokens: names written alike (after folding) share it."""
        index = self.index
        return tuple(index.name_toks[index.name_tok_off[n_id] : index.name_tok_off[n_id + 1]])

    def score(self, tokens: tuple[int, ...]) -> float:
        total = 0.0
        used = 0
        zeros = (0.0,) * len(tokens)
        for similarity in self.similarity:
            sim = max(map(similarity.get, tokens, zeros))
            if sim:
                total += sim
                used += 1
        if self.initials:
            hits = len(self.initials & {self.index._token(t_id)[0] for t_id in tokens})
            total += INITIAL_SIMILARITY * hits
            used += hits
        return total / self.count - EXTRA_PART_COST * max(0, len(tokens) - used)

    def best(self, names: Iterable[int], limit: int) -> list[list[int]]:
        """The best `limit` shapes, best first, each as the names written that way."""
        by_shape: dict[tuple[int, ...], list[int]] = {}
        for n_id in names:
            by_shape.setdefault(self.shape(n_id), []).append(n_id)
        ranked = heapq.nlargest(limit, by_shape, key=self.score)
        return [sorted(by_shape[shape]) for shape in ranked]


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
    try:  # no index yet, or one unreadable (a folder of another user's), damaged or outdated: rebuilt
        return ReferenceIndex.load(directory)
    except (OSError, ValueError, KeyError, TypeError, IndexError):
        pass
    index = build()
    with contextlib.suppress(OSError):  # a read-only cache folder only costs a rebuild next time
        index.save(directory)
    return index

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
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import anyascii
from rapidfuzz.distance import OSA, Indel

import newsreader
from newsreader.analysis import legalforms, lexicon, matcher, nameforms, namesounds, numberwords, translit
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
from newsreader.analysis.namerules import WEIGHTS
from newsreader.analysis.references import Entry

INDEX_VERSION = 2
FULLY_SCORED = 6  # distinct names per query that the full matcher scores
# A vocabulary token met through a sound key with fewer letters in common than this
# (Indel similarity) is a chance meeting: the matcher scores no such pair alike unless
# one of them was written in another script or with accents.
SOUND_ALIKE = 0.5
INITIAL_SIMILARITY = 90.0  # ranking: an initial for the part it begins, as the matcher scores it
EXTRA_PART_COST = 3.0  # ranking: a part the candidate has and the query lacks (a middle name)
# A name sharing only one part with a query of two or more is ranked when that part is
# this rare: a surname it shares may be the person spelt beyond the keys (another
# transliteration, a nickname); a shared common given name says nothing.
RARE_PART = 200
# More names than this holding the parts (a given name and a family name each in
# thousands of entries) are narrowed to those whose parts are at least this close
# before they are ranked one by one.
MAX_RANKED = 1000
NARROWING = (88.0, 100.0)
# Postings a set intersection runs through in the time a name's tokens are looked up.
POSTINGS_PER_LOOKUP = 20
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
        # each pair as one int: a million ints sort in half the time of as many tuples
        ordered = sorted({k << 32 | v for k, v in pairs})
        keys = array.array("I", (p >> 32 for p in ordered))
        return cls(keys, array.array("I", (p & 0xFFFFFFFF for p in ordered)))

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
        name_letters = array.array("I")
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
                name_letters.append(_letter_bits(form.tokens))
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
        index.name_tok_off, index.name_toks, index.name_letters = name_tok_off, name_toks, name_letters
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
            and len(self.name_letters) == names
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
        part of the query within one edit or of the same sound (of a query of three parts
        or more, the first and the last: a middle name may be left out on either side, or
        misspelt too), ranked by the matcher's token similarities; the best `limit` distinct
        names, with every name written the same way as one of them. When fewer qualify,
        names sharing a rare part follow."""
        initials = {t for t in form.tokens if len(t) == 1}
        parts = [_Part(self, t, form.accented, form.transliterated) for t in form.tokens if len(t) > 1]
        if not parts:
            return sorted(self.full.get(_h(form.key)))
        required = parts if len(parts) <= 2 else [parts[0], parts[-1]]
        found = self._narrowed(self._holding([p.ids for p in required]), required, initials)
        found.update(self.full.get(_h(form.key)))
        ranking = _Ranking(self, parts, initials)
        best = ranking.best(found, limit)
        if len(best) < limit and len(parts) > 1:
            rare = [p.ids for p in parts if self._postings_count(p.ids) <= RARE_PART]
            loose: set[int] = set()
            for tokens in rare:
                loose.update(*map(self._postings, tokens))
            best += ranking.best(loose - found, limit - len(best))
        return [n_id for names in best for n_id in names]

    def _narrowed(self, found: set[int], parts: list[_Part], initials: set[str]) -> set[int]:
        """At most MAX_RANKED of `found`, for parts so common that more hold them (S. Jones,
        Hong Kong): those with the query's initials, then those whose parts are closest."""
        if len(found) <= MAX_RANKED:
            return found
        if initials:
            bits, letters = _letter_bits(initials), self.name_letters
            found = {n_id for n_id in found if letters[n_id] & bits == bits} or found
        for floor in NARROWING:
            if len(found) <= MAX_RANKED:
                return found
            found = found & self._holding([p.at_least(floor) for p in parts]) or found
        # still more: the parts are the same as written, and that alone tells them apart
        return found if len(found) <= MAX_RANKED else set(sorted(found)[:MAX_RANKED])

    def _postings_count(self, tokens: Iterable[int]) -> int:
        return sum(self.post_off[t + 1] - self.post_off[t] for t in tokens)

    def _postings(self, t_id: int) -> array.array[int]:
        return self.postings[self.post_off[t_id] : self.post_off[t_id + 1]]

    def _holding(self, near: list[set[int]]) -> set[int]:
        """Names holding a token of each of the `near` sets: those of the rarest set,
        kept while they hold one of the next, rarest first. A set's postings are run
        through in C, or, when they are far longer than the names kept (Maria in a million
        names), the names' own tokens are looked up instead."""
        order = sorted(near, key=self._postings_count)
        pool: set[int] = set()
        for t_id in order[0]:
            pool.update(self._postings(t_id))
        off, toks = self.name_tok_off, self.name_toks
        for tokens in order[1:]:
            if len(pool) * POSTINGS_PER_LOOKUP < self._postings_count(tokens):
                pool = {n_id for n_id in pool if not tokens.isdisjoint(toks[off[n_id] : off[n_id + 1]])}
            else:
                kept: set[int] = set()
                for t_id in tokens:
                    kept.update(pool.intersection(self._postings(t_id)))
                pool = kept
        return pool

    def _near_tokens(self, tok: str, cross_script: bool = False) -> tuple[set[int], set[int], set[int]]:
        """Vocabulary tokens that share a deletion key with `tok` (equal, or one edit
        away: Bessi / Messi share "essi"), that have its sound or, for a name from another
        script, its consonant classes (beulladimileu: Vladimir), and its nicknames."""
        spelt: set[int] = set(self.token_keys.get(_h(tok)))
        spelt.update(self.dels.get(_h(tok)))
        if len(tok) >= 3:
            for d in deletions(tok):
                h = _h(d)
                spelt.update(self.token_keys.get(h))
                spelt.update(self.dels.get(h))
        heard: set[int] = set()
        if len(s := sound(tok)) >= 3:
            heard.update(self.sounds.get(_h(s)))
        if cross_script and len(c := coarse_sound(tok)) >= 3:
            heard.update(self.coarse.get(_h(c)))
        nicknames = {
            t_id
            for other in lexicon.nicknames(tok)
            for t_id in self.token_keys.get(_h(other))
            if self._token(t_id) == other  # not another token of the same hash
        }
        return spelt, heard, nicknames

    def search(self, name: str, limit: int = 5, pool: int = FULLY_SCORED, kind: str = "") -> list[Hit]:
        """The entries whose names compare best with `name`, each once, best first.
        `kind` is the type of what is named, when known (see `matcher.compare`).

        The index ranks its candidates by their parts' similarities; the best `pool`
        distinct names (at least `limit`) are then scored by the full matcher, each once
        however many entries share it; of those the matcher scores alike, the one spelt
        most like `name` comes first."""
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
        # among equal scores, the spelling nearest the query's first (Gbr: Gbor before Gábor)
        return sorted(
            best.values(),
            key=lambda h: (-h.comparison.score, OSA.distance(form.key, name_form(h.matched).key)),
        )[:limit]


class _Part:
    """A part of a query and the vocabulary tokens near it: within one edit, of its sound
    with letters in common, or its nicknames. Their similarities (the matcher's) are
    computed when the ranking first needs them: a common name has dozens of neighbours
    in a large list, and a query meets few of them."""

    def __init__(self, index: ReferenceIndex, tok: str, accented: bool, cross_script: bool) -> None:
        self.index, self.tok, self.accented, self.cross_script = index, tok, accented, cross_script
        spelt, heard, nicknames = index._near_tokens(tok, cross_script)
        # two deletion keys also meet two edits apart: those are left
        self.ids = {t_id for t_id in spelt if _one_edit(tok, index._token(t_id))}
        self.sims: dict[int, float] = {}
        # a sound key's chance meeting shares few letters: the matcher would not pass it
        # (only a transliteration is judged by its sound alone)
        loose = accented or cross_script
        self.ids.update(
            t_id
            for t_id in heard - self.ids
            if loose or Indel.normalized_similarity(tok, index._token(t_id)) >= SOUND_ALIKE
        )
        for t_id in nicknames:
            self.sims[t_id] = max(self.sim(t_id), WEIGHTS.nickname)
            self.ids.add(t_id)

    def sim(self, t_id: int) -> float:
        known = self.sims.get(t_id)
        if known is None:
            other = self.index._token(t_id)
            known = self.sims[t_id] = token_similarity(self.tok, other, self.accented, self.cross_script)[0]
        return known

    def at_least(self, floor: float) -> set[int]:
        return {t_id for t_id in self.ids if self.sim(t_id) >= floor}


def _one_edit(a: str, b: str) -> bool:
    return len(b) > 1 and OSA.distance(a, b, score_cutoff=1) <= 1


class _Ranking:
    """Ranks candidate names for one query by the matcher's similarities of their parts:
    the mean over the query's parts of the best similarity each finds in the name (an
    initial meets a part it begins, either way round: "M. Danies" / Mervyn Danies), less a
    little for each part of the name left over."""

    def __init__(self, index: ReferenceIndex, parts: list[_Part], initials: set[str]) -> None:
        self.index = index
        self.parts = parts
        self.initials = initials
        self.count = len(parts) + len(initials)
        # the name's initial for a part of the query: what each part begins with
        self.letters: list[set[int]] = [
            {t_id for t_id in index.token_keys.get(_h(p.tok[0])) if index._token(t_id) == p.tok[0]}
            for p in parts
        ]

    def shape(self, n_id: int) -> tuple[int, ...]:
        """The name's tokens: names written alike (after folding) share it."""
        index = self.index
        return tuple(index.name_toks[index.name_tok_off[n_id] : index.name_tok_off[n_id + 1]])

    def score(self, tokens: tuple[int, ...]) -> float:
        total = 0.0
        used = 0
        for part, letter in zip(self.parts, self.letters, strict=True):
            best = 0.0
            for t_id in tokens:
                if t_id in part.ids:
                    best = max(best, part.sim(t_id))
                elif t_id in letter:
                    best = max(best, INITIAL_SIMILARITY)
            if best:
                total += best
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


def _letter_bits(tokens: Iterable[str]) -> int:
    """A bit for each letter a to z that one of `tokens` begins with (bit 26: any other)."""
    bits = 0
    for tok in tokens:
        bits |= 1 << (ord(tok[0]) - 97 if "a" <= tok[0] <= "z" else 26)
    return bits


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
    # everything name_form's keys depend on: the folding code and the legal forms' list
    for module in (matcher, nameforms, namesounds, translit, legalforms, numberwords, sys.modules[__name__]):
        source = getattr(module, "__file__", None)
        # no source file (a zipped install): the package's version stands for the code
        code.update(Path(source).read_bytes() if source else newsreader.__version__.encode())
    with contextlib.suppress(OSError):
        code.update(legalforms.DATA_FILE.read_bytes())
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

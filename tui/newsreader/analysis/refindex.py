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

A query's parts each lead to the vocabulary tokens near them (`refranking`), and those
to the names holding them. A candidate has every part of a two-part query (or all but
one of a longer query, so a middle name may be added or dropped); the sets are
intersected in C, so a given name shared by a hundred thousand names costs a set
operation, not a loop. Candidates are ranked by the matcher's own token similarities,
and the best few distinct names are scored by the full matcher.

The data is stored flat (`refstore`); the cache is keyed by the lists' content hashes:
a changed list is indexed again.
"""

from __future__ import annotations

import array
import contextlib
import hashlib
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import anyascii
from rapidfuzz.distance import OSA

import newsreader
from newsreader.analysis import legalforms, matcher, nameforms, namesounds, numberwords, refstore, translit
from newsreader.analysis.cache import cache_root
from newsreader.analysis.matcher import Comparison, compare
from newsreader.analysis.nameforms import NameForm, name_form
from newsreader.analysis.namesounds import coarse_sound, sound
from newsreader.analysis.references import Entry
from newsreader.analysis.refranking import QueryPart, Ranking, letter_bits
from newsreader.analysis.refstore import KeyTable, StoredIndex, deletions, key_hash, offsets, record
from newsreader.analysis.scriptreadings import Reading, has_readings, korean_spellings, readings

INDEX_VERSION = 2
FULLY_SCORED = 6  # distinct names per query that the full matcher scores
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
PARTS_KEPT = 4096  # query parts and their near tokens kept for the next queries
# Names gathered from which those holding the query's parts as written are ranked first,
# so that once enough rank as high as any can the others are not ranked: fewer are
# ranked faster all at once.
SETTLE_FROM = 100


@dataclass(frozen=True)
class Hit:
    entry: Entry
    matched: str  # the name or alias of the entry that matched
    comparison: Comparison


class ReferenceIndex(StoredIndex):
    def __init__(self) -> None:
        super().__init__()
        # the least recently used first
        self._parts: dict[tuple[str, bool, bool, Reading | None], QueryPart] = {}

    # --- building ----------------------------------------------------------------

    @classmethod
    def layout_version(cls) -> str:
        return index_version()

    def _part(
        self, tok: str, accented: bool, cross_script: bool, reading: Reading | None = None
    ) -> QueryPart:
        """The query part for `tok`, kept for the next queries that have it (an article
        names many Joneses; a list's common given names come back in every article).
        `reading`: its Latin spellings, for a part in Hebrew or Katakana."""
        key = (tok, accented, cross_script, reading)
        parts = self._parts
        part = parts.pop(key, None)
        if part is None:
            part = QueryPart(self, tok, accented, cross_script, reading)
            if len(parts) >= PARTS_KEPT:
                del parts[next(iter(parts))]  # the least recently used
        parts[key] = part
        return part

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
            records.append(record(entry))
            for name in entry.names:
                n_id = len(names)
                names.append(name.replace("\n", " "))
                name_entry.append(e_id)
                form = name_form(name)
                full_pairs.append((key_hash(form.key), n_id))
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
                name_letters.append(letter_bits(form.tokens))
        index.records = "\n".join(records)
        index.entry_off = offsets(records)
        index.names = "\n".join(names)
        index.name_off = offsets(names)
        index.name_entry = array.array("I", name_entry)
        tokens = list(vocab)
        index.vocab = "\n".join(tokens)
        index.tok_off = offsets(tokens)
        post_off = array.array("Q", [0])
        postings = array.array("I")
        for ids in token_names:
            postings.extend(ids)
            post_off.append(len(postings))
        index.post_off, index.postings = post_off, postings
        index.name_tok_off, index.name_toks, index.name_letters = name_tok_off, name_toks, name_letters
        index.full = KeyTable.build(full_pairs)
        index.token_keys = KeyTable.build((key_hash(t), i) for i, t in enumerate(tokens))
        index.dels = KeyTable.build(
            (key_hash(d), i) for i, t in enumerate(tokens) if len(t) >= 3 for d in deletions(t)
        )
        index.sounds = KeyTable.build(
            (key_hash(s), i) for i, t in enumerate(tokens) if len(s := sound(t)) >= 3
        )
        index.coarse = KeyTable.build(
            (key_hash(c), i) for i, t in enumerate(tokens) if len(c := coarse_sound(t)) >= 3
        )
        return index

    # --- queries -----------------------------------------------------------------

    def exact_entries(self, name: str) -> list[int]:
        """Entries that have `name` (after normalising) as their name or an alias."""
        key = name_form(name).key
        out = []
        for n_id in self.full.get(key_hash(key)):
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
        if form.ideographic and (romanized := self._romanized(form.original, limit)):
            return romanized
        initials = {t for t in form.tokens if len(t) == 1}
        read = readings(form.original) if form.transliterated and has_readings(form.original) else {}
        parts = [
            self._part(t, form.accented, form.transliterated, read.get(t)) for t in form.tokens if len(t) > 1
        ]
        if not parts:
            return sorted(self.full.get(key_hash(form.key)))
        required = parts if len(parts) <= 2 else [parts[0], parts[-1]]
        found = self._narrowed(self._gathered(required), required, initials)
        found.update(self.full.get(key_hash(form.key)))
        ranking = Ranking(self, parts, initials)
        # names that meet an initial of the query rank before those that meet none: ranked
        # first, and the others only for places left (S. Jones: Sarah, Simon, not Mary Jones)
        bits, letters = letter_bits(initials), self.name_letters
        meeting = {n_id for n_id in found if letters[n_id] & bits} if initials else found
        as_written: set[int] = set()
        if len(found) > SETTLE_FROM:  # names that may rank alike: those with the parts as written first
            as_written = found & self._holding(
                [(p.as_written, self.postings_count(p.as_written)) for p in required]
            )
        best = ranking.best(meeting, limit, meeting & as_written)
        if len(best) < limit and meeting is not found:
            rest = found - meeting  # none of them meets an initial
            best += ranking.best(rest, limit - len(best), rest & as_written, meet_initials=False)
        if len(best) < limit and len(parts) > 1:
            rare = [p.ids for p in parts if p.postings <= RARE_PART]
            loose: set[int] = set()
            for tokens in rare:
                loose.update(*map(self.postings_of, tokens))
            best += ranking.best(loose - found, limit - len(best))
        return [n_id for names in best for n_id in names]

    def _romanized(self, name: str, limit: int) -> list[int]:
        """For a Korean name in Hangul (김정은), the names with a romanization of its family
        name and of its given name (Kim, Jongun or Jong), at most `limit`: its syllables
        are parts of their own, which no Latin part is near (gim jeong eun)."""
        spellings = korean_spellings(name)
        if spellings is None:
            return []
        near = []
        for spelt in spellings:
            ids = {t_id for s in spelt for t_id in self.token_keys.get(key_hash(s)) if self.token(t_id) == s}
            if not ids:
                return []
            near.append((ids, self.postings_count(ids)))
        return sorted(self._holding(near))[:limit]

    def _gathered(self, required: list[QueryPart]) -> set[int]:
        """The names holding a token near each required part. Of one part held by more
        names than are ranked (S. Jones), only those its closest tokens are in, as
        `_narrowed` would keep: told by the counts of postings, before any is gathered."""
        if len(required) > 1:
            return self._holding([(p.ids, p.postings) for p in required])
        part = required[0]
        tokens, count = part.ids, part.postings
        for floor in NARROWING:
            if count <= MAX_RANKED:
                break
            closest = part.at_least(floor)
            if closest:  # none so close: the names of every near token are narrowed later
                tokens, count = closest, self.postings_count(closest)
        return self._holding([(tokens, count)])

    def _narrowed(self, found: set[int], parts: list[QueryPart], initials: set[str]) -> set[int]:
        """At most MAX_RANKED of `found`, for parts so common that more hold them (S. Jones,
        Hong Kong): those whose parts are closest, then those with the query's initials.
        The parts first: that is set operations on postings, where the initials are
        looked up name by name."""
        for floor in NARROWING:
            if len(found) <= MAX_RANKED:
                return found
            closest = [p.at_least(floor) for p in parts]
            found = found & self._holding([(c, self.postings_count(c)) for c in closest]) or found
        if initials and len(found) > MAX_RANKED:
            bits, letters = letter_bits(initials), self.name_letters
            found = {n_id for n_id in found if letters[n_id] & bits == bits} or found
        # still more: the parts are the same as written, and that alone tells them apart
        return found if len(found) <= MAX_RANKED else set(sorted(found)[:MAX_RANKED])

    def _holding(self, near: list[tuple[set[int], int]]) -> set[int]:
        """Names holding a token of each of the `near` sets (each with the count of its
        postings): those of the rarest set, kept while they hold one of the next, rarest
        first. A set's postings are run through in C, or, when they are far longer than
        the names kept (Maria in a million names), the names' own tokens are looked up."""
        order = sorted(near, key=lambda tokens_count: tokens_count[1])
        pool: set[int] = set()
        for t_id in order[0][0]:
            pool.update(self.postings_of(t_id))
        off, toks = self.name_tok_off, self.name_toks
        for tokens, count in order[1:]:
            if len(pool) * POSTINGS_PER_LOOKUP < count:
                pool = {n_id for n_id in pool if not tokens.isdisjoint(toks[off[n_id] : off[n_id + 1]])}
            else:
                kept: set[int] = set()
                for t_id in tokens:
                    kept.update(pool.intersection(self.postings_of(t_id)))
                pool = kept
        return pool

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


@cache
def index_version() -> str:
    """The index's layout and the code that makes its keys: a newer newsreader that
    normalises names differently must not read an index keyed the old way."""
    code = hashlib.sha256(anyascii.__version__.encode())
    # everything name_form's keys depend on: the folding code and the legal forms' list
    keyed_by = (matcher, nameforms, namesounds, translit, legalforms, numberwords, refstore)
    for module in (*keyed_by, sys.modules[__name__]):
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

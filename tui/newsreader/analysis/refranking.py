"""A query's parts as the reference index meets them, and the ranking of candidate names.

Each part of a query leads to the vocabulary tokens near it: those sharing a deletion key
(one edit away: an insertion, deletion, substitution or transposition, a doubled letter
or one undoubled), those of its sound or, for a name from another script, its consonant
classes, and its nicknames. A candidate name is ranked by the matcher's similarities of
its parts to the query's, computed only when the ranking needs them.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable

from rapidfuzz.distance import OSA, Indel

from newsreader.analysis import lexicon
from newsreader.analysis.namerules import WEIGHTS
from newsreader.analysis.namesounds import coarse_sound, sound
from newsreader.analysis.partsimilarity import token_similarity
from newsreader.analysis.refstore import StoredIndex, deletions, key_hash
from newsreader.analysis.scriptreadings import Reading

# A vocabulary token met through a sound key with fewer letters in common than this
# (Indel similarity) is a chance meeting: the matcher scores no such pair alike unless
# one of them was written in another script or with accents.
SOUND_ALIKE = 0.5
INITIAL_SIMILARITY = 90.0  # ranking: an initial for the part it begins, as the matcher scores it
EXTRA_PART_COST = 3.0  # ranking: a part the candidate has and the query lacks (a middle name)


def near_tokens(
    index: StoredIndex, tok: str, cross_script: bool = False, reading: Reading | None = None
) -> tuple[set[int], set[int], set[int]]:
    """Vocabulary tokens that share a deletion key with `tok` (equal, or one edit
    away: Bessi / Messi share "essi"), that have its sound or, for a name from another
    script, its consonant classes (beulladimileu: Vladimir) or those of a spelling its
    letters allow (`reading`: puchin, プーチン, is also Putin's b-t-n), and its nicknames."""
    spelt: set[int] = set(index.token_keys.get(key_hash(tok)))
    spelt.update(index.dels.get(key_hash(tok)))
    if len(tok) >= 3:
        for d in deletions(tok):
            h = key_hash(d)
            spelt.update(index.token_keys.get(h))
            spelt.update(index.dels.get(h))
    heard: set[int] = set()
    if len(s := sound(tok)) >= 3:
        heard.update(index.sounds.get(key_hash(s)))
    if cross_script and len(c := coarse_sound(tok)) >= 3:
        heard.update(index.coarse.get(key_hash(c)))
    if cross_script and reading is not None:
        for key in reading.keys:
            heard.update(index.coarse.get(key_hash(key)))
    nicknames = {
        t_id
        for other in lexicon.nicknames(tok)
        for t_id in index.token_keys.get(key_hash(other))
        if index.token(t_id) == other  # not another token of the same hash
    }
    return spelt, heard, nicknames


class QueryPart:
    """A part of a query and the vocabulary tokens near it: within one edit, of its sound
    with letters in common, or its nicknames. Their similarities (the matcher's) are
    computed when the ranking first needs them: a common name has dozens of neighbours
    in a large list, and a query meets few of them."""

    def __init__(
        self, index: StoredIndex, tok: str, accented: bool, cross_script: bool, reading: Reading | None = None
    ) -> None:
        self.index, self.tok, self.accented, self.cross_script = index, tok, accented, cross_script
        self.reading = reading  # its Latin spellings, for a part in Hebrew or Katakana
        spelt, heard, nicknames = near_tokens(index, tok, cross_script, reading)
        words = [(t_id, index.token(t_id)) for t_id in spelt]
        # two deletion keys also meet two edits apart: those are left
        self.ids = {t_id for t_id, word in words if _one_edit(tok, word)}
        self.as_written = {t_id for t_id, word in words if word == tok}
        self.sims: dict[int, float] = {}
        # a sound key's chance meeting shares few letters: the matcher would not pass it
        # (only a transliteration is judged by its sound alone)
        loose = accented or cross_script
        self.ids.update(
            t_id
            for t_id in heard - self.ids
            if loose or Indel.normalized_similarity(tok, index.token(t_id)) >= SOUND_ALIKE
        )
        for t_id in nicknames:
            self.sims[t_id] = max(self.sim(t_id), WEIGHTS.nickname)
            self.ids.add(t_id)
        self.postings = index.postings_count(self.ids)  # names holding one of them

    def sim(self, t_id: int) -> float:
        known = self.sims.get(t_id)
        if known is None:
            other = self.index.token(t_id)
            known = self.sims[t_id] = token_similarity(
                self.tok, other, self.accented, self.cross_script, self.reading
            )[0]
        return known

    def at_least(self, floor: float) -> set[int]:
        return {t_id for t_id in self.ids if self.sim(t_id) >= floor}


def _one_edit(a: str, b: str) -> bool:
    return len(b) > 1 and OSA.distance(a, b, score_cutoff=1) <= 1


class Ranking:
    """Ranks candidate names for one query by the matcher's similarities of their parts:
    the mean over the query's parts of the best similarity each finds in the name (an
    initial meets a part it begins, either way round: "M. Danies" / Mervyn Danies), less a
    little for each part of the name left over."""

    def __init__(self, index: StoredIndex, parts: list[QueryPart], initials: set[str]) -> None:
        self.index = index
        self.parts = parts
        self.initials = initials
        self.count = len(parts) + len(initials)
        # what a name with every part as written and every initial met ranks: none ranks higher
        self.top = (100.0 * len(parts) + INITIAL_SIMILARITY * len(initials)) / self.count
        # a name's first letters are stored as bits (`letter_bits`): one per letter a to z
        # tells the initials it meets without reading its parts; any other letter shares a bit
        self.initial_bits = (
            [letter_bits(i) for i in initials] if all("a" <= i <= "z" for i in initials) else None
        )
        # the name's initial for a part of the query: what each part begins with
        self.letters: list[set[int]] = [
            {t_id for t_id in index.token_keys.get(key_hash(p.tok[0])) if index.token(t_id) == p.tok[0]}
            for p in parts
        ]

    def score(self, tokens: tuple[int, ...], letters: int) -> float:
        """The rank of a name of these `tokens`, whose parts begin with `letters` (bits)."""
        total = 0.0
        used = 0
        for part, letter in zip(self.parts, self.letters, strict=True):
            best = 0.0
            near, known = part.ids, part.sims  # looked up once: this runs for every shape
            for t_id in tokens:
                if t_id in near:
                    sim = known.get(t_id)
                    if sim is None:
                        sim = part.sim(t_id)
                    if sim > best:
                        best = sim
                elif t_id in letter and best < INITIAL_SIMILARITY:
                    best = INITIAL_SIMILARITY
            if best:
                total += best
                used += 1
        if self.initial_bits is not None:
            hits = sum(1 for bit in self.initial_bits if letters & bit)
            total += INITIAL_SIMILARITY * hits
            used += hits
        elif self.initials:
            hits = len(self.initials & {self.index.token(t_id)[0] for t_id in tokens})
            total += INITIAL_SIMILARITY * hits
            used += hits
        return total / self.count - EXTRA_PART_COST * max(0, len(tokens) - used)

    def best(
        self, names: set[int], limit: int, first: set[int] | None = None, meet_initials: bool = True
    ) -> list[list[int]]:
        """The best `limit` shapes, best first (of two alike, the one met first), each as
        the names of `names` written that way. `first`: those of `names` that hold the
        query's required parts as written, looked at before the others. Once `limit`
        shapes rank as high as any can (every part as written, every initial met: their
        names are all in `first`), no other is ranked: an initial and a common surname
        (S. Jones) are held by hundreds of names that all rank alike."""
        index, letters = self.index, self.index.name_letters
        grouped: dict[tuple[int, ...], list[int]] = {}
        if not first:  # every name is ranked: grouped first, the best taken in C
            for n_id in names:
                grouped.setdefault(index.tokens_of(n_id), []).append(n_id)
            best = heapq.nlargest(limit, grouped, key=lambda s: self.score(s, letters[grouped[s][0]]))
            return [sorted(grouped[shape]) for shape in best]
        kept: list[tuple[float, int, tuple[int, ...]]] = []  # a heap: the worst kept first
        settled = False
        top = self.top if meet_initials else 100.0 * len(self.parts) / self.count
        for pool in (first, names - first):
            for n_id in pool:
                shape = index.tokens_of(n_id)
                group = grouped.get(shape)
                if group is not None:
                    group.append(n_id)
                    continue
                grouped[shape] = [n_id]
                if settled:
                    continue  # the names of the shapes kept are still gathered
                ranked = (self.score(shape, letters[n_id]), -len(grouped), shape)
                if len(kept) < limit:
                    heapq.heappush(kept, ranked)
                elif ranked > kept[0]:
                    heapq.heapreplace(kept, ranked)
                settled = len(kept) == limit and kept[0][0] >= top
            if settled:
                break
        return [sorted(grouped[shape]) for _, _, shape in sorted(kept, reverse=True)]


def letter_bits(tokens: Iterable[str]) -> int:
    """A bit for each letter a to z that one of `tokens` begins with (bit 26: any other)."""
    bits = 0
    for tok in tokens:
        bits |= 1 << (ord(tok[0]) - 97 if "a" <= tok[0] <= "z" else 26)
    return bits

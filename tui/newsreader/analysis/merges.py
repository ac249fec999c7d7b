"""Merge suggestions: entities of one article whose names look like spellings of one name
(Zelensky / Zelenskyy), for the reviewer to join or keep apart."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from newsreader.analysis import lexicon, wadegiles
from newsreader.analysis.matcher import (
    DEFAULT_THRESHOLDS,
    NameForm,
    Thresholds,
    compare,
    name_form,
    sound,
    token_similarity,
)
from newsreader.analysis.model import NAMED_TYPES, Entity, MergeSuggestion, compared_as_person
from newsreader.analysis.nameforms import ARTICLES
from newsreader.analysis.namerules import WEIGHTS
from newsreader.analysis.translit import to_ascii

MAX_MERGE_BLOCK = 40  # names sharing one part's sound that are compared pairwise
_READ_KEPT = 8_192  # names read for the pre-test kept at once (a block's fit many times)


def suggest_merges(
    entities: Sequence[Entity], thresholds: Thresholds = DEFAULT_THRESHOLDS
) -> tuple[MergeSuggestion, ...]:
    """Entities of one type whose names look like variants of one name (Zelensky /
    Zelenskyy), best first, compared only within blocks that share a name part's sound;
    each pair once, in the first block the two share, and not at all when one name has a
    part nothing in the other is like (`_hopeless`). A block holds at most MAX_MERGE_BLOCK
    names, so the work grows with the number of entities, not its square."""
    named = [e for e in entities if e.type in NAMED_TYPES]
    # each name's form once: a long text has more names than name_form's cache holds
    tokens = [name_form(e.name).tokens for e in named]  # not the forms: a text of
    # hundreds of thousands of names would hold one form (about 0.8 kB) for each
    parts = [len(t) for t in tokens]
    blocks = _blocks(named, tokens)
    in_blocks: list[list[int]] = [[] for _ in named]  # each entity's blocks, in block order
    for k, members in enumerate(blocks):
        for i in members:
            in_blocks[i].append(k)
    # a long text's blocks fill up towards the limit, most of a block's names sharing that
    # one part only: the pre-test leaves those pairs out (at 1M words the matcher is asked
    # about one pair in 30). It rests on the cap of a poor part lying below 'maybe'.
    capped = WEIGHTS.poor_part_cap + WEIGHTS.poor_part / 10 < thresholds.maybe
    read: dict[int, _Read] = {}
    out: list[MergeSuggestion] = []
    for k, members in enumerate(blocks):
        for n, i in enumerate(members):
            for j in members[n + 1 :]:
                if parts[i] != parts[j]:
                    continue  # a short form and a full name are grouped, or ambiguous
                if next(b for b in in_blocks[i] if b in in_blocks[j]) != k:
                    continue  # compared in an earlier block the two share
                first, then = named[i], named[j]  # compared in order of first mention
                if capped:
                    if len(read) > _READ_KEPT:
                        read.clear()  # bounded: a long text's names are read again, not all kept
                    ra = read[i] if i in read else read.setdefault(i, _read(first))
                    rb = read[j] if j in read else read.setdefault(j, _read(then))
                    if _hopeless(ra.form, rb.form) and _reread_hopeless(ra, rb):
                        continue
                c = compare(first.name, then.name, kind=first.type, floor=thresholds.maybe)
                if c.score >= thresholds.maybe:
                    ids = sorted((first.id, then.id))
                    out.append(MergeSuggestion(ids[0], ids[1], c.score, c.why))
    return tuple(sorted(out, key=lambda m: -m.score))


def _blocks(named: Sequence[Entity], tokens: Sequence[tuple[str, ...]]) -> list[list[int]]:
    """The positions in `named` of the entities of one type with a name part (of three
    letters or more) of one sound, each block in order of first mention and each entity
    once in it; blocks of more than MAX_MERGE_BLOCK parts are left out: a part shared by
    dozens of names (John, Bank) says nothing, rarer parts decide."""
    blocks: dict[tuple[str, str], list[int]] = {}
    for i, (e, parts) in enumerate(zip(named, tokens, strict=True)):
        for tok in parts:
            if len(tok) >= 3:
                blocks.setdefault((e.type, sound(tok)), []).append(i)
    # an entity with two parts of one sound counts twice towards the limit, as it always has
    return [list(dict.fromkeys(m)) for m in blocks.values() if len(m) <= MAX_MERGE_BLOCK]


class _Read(NamedTuple):
    """A name as `compare` reads it, worked out once for all the pairs it is in."""

    form: NameForm | None  # None: the matcher may rewrite its parts, so no pre-test
    # compare reads a person's name again in pinyin, as this, when either name of a pair
    # is written otherwise (a Wade-Giles spelling; any name not in ASCII)
    pinyin: str
    rewritten: bool


def _read(entity: Entity) -> _Read:
    name = entity.name
    if not compared_as_person(entity.type):
        # an acronym among a body's words may be spelt out by the other name's words (UN
        # for United Nations), which the pre-test does not follow
        acronym = any(2 <= len(w) <= 5 and w.isupper() for w in to_ascii(name).replace(".", "").split())
        return _Read(None if acronym else _plain(name_form(name, False)), "", False)
    lower = name.lower()
    pinyin = wadegiles.to_pinyin(lower) if name.isascii() else name
    return _Read(_plain(name_form(name)), pinyin, pinyin != lower)


def _reread_hopeless(ra: _Read, rb: _Read) -> bool:
    """Is the pair hopeless as compare's Wade-Giles reading reads it too, when it does?"""
    if not (ra.rewritten or rb.rewritten):
        return True
    return _hopeless(_plain(name_form(ra.pinyin)), _plain(name_form(rb.pinyin)))


def _plain(form: NameForm) -> NameForm | None:
    """The form, unless the matcher compares it by another path than part by part (Chinese
    characters, another script against Latin) or moves an article out of a part (Albayati)."""
    if form.ideographic or form.transliterated or not ARTICLES.isdisjoint(form.particles):
        return None
    return form


def _hopeless(fa: NameForm | None, fb: NameForm | None) -> bool:
    """Can the matcher's score of the two names not reach 'maybe'? So when a part of the
    first (the one it pairs up, the names having as many parts) is less like every part of
    the other than `WEIGHTS.poor_part`: its rule of the weakest part then caps the score
    at `poor_part_cap` and a tenth of that part's similarity (Maria Smith / Mario Jones
    share a sound, but Smith is like neither), and its other rules only lower a score. Not
    when the matcher scores the pair by another path: the same letters, an abbreviation,
    parts written together in one name and apart in the other. A nickname (Bill / William),
    a plural or a part cut short count as alike, since the matcher scores them so."""
    if fa is None or fb is None or len(fa.tokens) != len(fb.tokens):
        return False
    if fa.joined == fb.joined or fa.spelt == fb.spelt or fa.letters != fb.letters:
        return False
    if not (fa.bigrams.isdisjoint(fb.tokens) and fb.bigrams.isdisjoint(fa.tokens)):
        return False
    loose = fa.accented or fb.accented
    return any(not any(_alike(x, y, loose) for y in fb.tokens) for x in fa.tokens)


def _alike(x: str, y: str, loose: bool) -> bool:
    """Might the matcher find the two parts alike? One starts as the other does but for its
    last letter (the same part, an initial, a part cut short, a plural: technology /
    technologies), they score `poor_part` or more, or one is a nickname of the other."""
    return (
        y.startswith(x[:-1] or x)  # checked first: no look-up
        or x.startswith(y[:-1] or y)
        or token_similarity(x, y, loose)[0] >= WEIGHTS.poor_part
        or lexicon.are_nicknames(x, y)
        or lexicon.are_nicknames(y, x)
    )

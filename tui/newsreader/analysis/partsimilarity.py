"""How alike two name parts are: `token_similarity`, 0-100 and what made it.

Equal, an initial ("V." for Vladimir), the same sound (`namesounds`), a transliteration,
or edit similarity for typos, counted in "typo units"; two common given names that differ
(Maria / Marta) are two people, not a typo. A part one edit from the other scores at least
`Weights.one_edit`, as much as any spelling that only sounds alike.
"""

from __future__ import annotations

from functools import lru_cache

from rapidfuzz.distance import OSA, Hamming, Indel, Levenshtein

from newsreader.analysis.namerules import WEIGHTS
from newsreader.analysis.namesounds import coarse_sound, same_syllables, sound, vowel_poor
from newsreader.analysis.namewords import common_given_name
from newsreader.analysis.scriptreadings import Reading

# Edit costs in "typo units": a substitution is one, an added or dropped letter one and a
# half. A typo keeps the letters' count ("Tim"/"Tom", "Messi"/"Bessi"); an added syllable
# makes another name ("Albano"/"Albanese", "Ronaldo"/"Ronaldinho").
_EDIT_WEIGHTS = (3, 3, 2)
_UNIT_SIMILARITY = {0: 100.0, 1: 90.0, 2: 86.0, 3: 82.0, 4: 80.0, 5: 68.0, 6: 62.0}
_LONG_PART, _LONG_PART_SLIPS = 10, 80.0  # a part this long takes two slips as a typo, scored so
# what a typo may have been judged: not other given names, a transliteration or a longer name
_TYPO_KINDS = frozenset({"edit", "same sound", "letters swapped"})


@lru_cache(maxsize=65_536)  # about 0.65 kB an entry
def token_similarity(
    a: str, b: str, transliterated: bool = False, cross_script: bool = False, reading: Reading | None = None
) -> tuple[float, str]:
    """Similarity of two folded tokens (0-100) and what made it. Transliterations from other
    scripts are compared more loosely: "Vlagyimir", "Uladzimir" and "Vladimiras" are
    Vladimir in Hungarian, Belarusian and Lithuanian spelling. `cross_script`: one token
    was transliterated from another script and the other written in Latin letters, so
    only the classes of their consonants need agree (beulladimireu / vladimir).
    `reading`: a's Latin spellings (`scriptreadings`, for a word in Hebrew or Katakana),
    which b, in Latin letters, may be one of (bnimin, בנימין / benjamin)."""
    if reading is not None and cross_script:
        if (found := _read_as(a, b, reading)) is not None:
            return found
        if len(b) >= 3:
            # no spelling the script's letters allow: the classes of consonants, which
            # pass Jansen for ジョンソン (jiyonson) and Gates for גנץ (gntz), say no more
            similarity, how = _similarity(a, b, transliterated, cross_script)
            return (similarity, how) if similarity <= _NOT_READ else (_NOT_READ, "not read")
    similarity, how = _similarity(a, b, transliterated, cross_script)
    if similarity < WEIGHTS.one_edit and how in _TYPO_KINDS and _one_edit_apart(a, b):
        return WEIGHTS.one_edit, how
    return similarity, how


# A reading of three consonants or more is as good as the same sound; one of fewer (יצחק,
# ts-k, Isaac; אהוד, d, Ehud) is a spelling that fits, and many other names would: the
# name's other parts must back it, as they must a typo
_READ_CONSONANTS = 3
_FEW_CONSONANTS = {2: 85.0, 1: 75.0}
_NOT_READ = 55.0  # a Latin part that is no reading of the other: another name


def _read_as(a: str, b: str, reading: Reading) -> tuple[float, str] | None:
    """b is a Latin spelling of a by a's reading, or None when it is not (or says nothing)."""
    if len(b) < 3 or not reading.matches(b):
        return None
    if different_genders(a, b):
        return 40.0, "given names"
    if reading.consonants < _READ_CONSONANTS:
        return _FEW_CONSONANTS[reading.consonants], "transliteration"
    return max(90.0, 100.0 * Indel.normalized_similarity(a, b)), "same sound"


def _one_edit_apart(a: str, b: str) -> bool:
    """One letter inserted, dropped, changed or swapped with its neighbour, in parts long
    enough for that to be a typo, and not two given names in their own right."""
    return (
        min(len(a), len(b)) >= WEIGHTS.one_edit_length
        and OSA.distance(a, b, score_cutoff=1) <= 1
        and not _distinct_given_names(a, b)
    )


def _similarity(a: str, b: str, transliterated: bool, cross_script: bool) -> tuple[float, str]:
    """`token_similarity` before the floor of one edit."""
    if a == b:
        return 100.0, "equal"
    if len(a) == 1 or len(b) == 1:
        return (90.0, "initial") if a[0] == b[0] else (0.0, "")
    # x inside a name is ks in every Latin transliteration that writes it (Alexei / Aleksey,
    # Maxim / Maksim); at the start it is also Chinese x (Xi), which sound() reads as s
    indel = (
        Indel.normalized_similarity(_ks(a), _ks(b))
        if "x" in a[1:] + b[1:]
        else Indel.normalized_similarity(a, b)
    )
    if cross_script:
        ka, kb = coarse_sound(a), coarse_sound(b)
        # the classes agree, and some letters too (Putin and Biden share only b-t-n);
        # a name written without its vowels (Persian پوتین, pwtyn, is Putin) has its
        # consonants only, but those keep d and t apart (بوتين is not Biden)
        if vowel_poor(a) or vowel_poor(b):
            ka, kb = coarse_sound(a, True), coarse_sound(b, True)
            alike = ka == kb
        else:
            alike = ka == kb and indel > 0.4
        if alike and len(ka) >= 3:
            if different_genders(a, b):
                return 40.0, "given names"  # Ивана / Ivan: one sound, two people
            return max(90.0, 100.0 * indel), "same sound"
        if (
            min(len(ka), len(kb)) >= 4
            and abs(len(ka) - len(kb)) == 1
            and (ka.startswith(kb) or kb.startswith(ka))
        ):
            return 80.0, "transliteration"  # a closing consonant lost (bladimiya / vladimir)
    if indel < 0.45 and not transliterated and a[0] != b[0]:
        return 100.0 * indel, "edit"  # nothing alike: skip the finer measures
    shorter = min(len(a), len(b))
    if indel >= 0.6 and different_genders(a, b):
        return 40.0, "given names"  # Peter / Petra: sound alike, two people
    # a transliteration keeps the syllables: Putin is not Potanin in any script
    close_enough = (
        indel >= 0.7 or (indel >= 0.6 and shorter >= 8) or (transliterated and same_syllables(a, b))
    )
    if close_enough and len(sa := sound(a)) >= 3 and sa == sound(b):
        return max(92.0, 100.0 * indel), "same sound"
    if transliterated and indel >= 0.75 and shorter >= 4:
        return 85.0, "transliteration"
    if shorter <= 3:
        # short tokens (Lu / Liu, Lin / Liu, Xi / Xu) are different names, not typos
        return min(100.0 * indel, 50.0), "edit"
    if _distinct_given_names(a, b) and sound(a) != sound(b):
        return 40.0, "given names"  # Maria / Marta, Peter / Petra: two people
    if sorted(a) == sorted(b):
        return 88.0, "letters swapped"
    if shorter >= 5 and (a.startswith(b) or b.startswith(a)) and abs(len(a) - len(b)) >= 3:
        return 55.0, "edit"  # Ronaldo / Ronaldinho: a longer name, not a typo
    half_units = Levenshtein.distance(a, b, weights=_EDIT_WEIGHTS)
    if len(a) == len(b) <= 4 and Hamming.distance(a, b) >= 2:
        return min(100.0 * indel, 55.0), "edit"  # Niro / Fico: half the letters, not a typo
    if half_units >= 4 and (a[0] != b[0] or (vowel_poor(a) and vowel_poor(b))):
        # Sanani / Madani: the first letter and more; pzshkfr / pzshkyn: two of the few
        # letters a script without short vowels writes
        return min(100.0 * indel, 62.0), "edit"
    if shorter >= _LONG_PART and half_units <= 6 and a[0] == b[0]:
        # two slips in a name of ten letters or more (Khordorovsky / Khodorkovsky) are
        # fewer of its letters than one in a name of five
        return max(_UNIT_SIMILARITY[half_units], _LONG_PART_SLIPS), "edit"
    return _UNIT_SIMILARITY.get(half_units, min(100.0 * indel, 55.0)), "edit"


def _ks(token: str) -> str:
    return token[:1] + token[1:].replace("x", "ks")


def different_genders(a: str, b: str) -> bool:
    return {common_given_name(a), common_given_name(b)} == {"m", "f"}


def _distinct_given_names(a: str, b: str) -> bool:
    """Both are common given names in their own right (so not a typo of each other)."""
    if a.startswith(b) or b.startswith(a):
        return False  # Vladimir / Vladimiras: one name in two languages' forms
    return common_given_name(a) is not None and common_given_name(b) is not None

"""Are two names the same name? A score 0-100, a verdict and the reasons.

Plain string similarity cannot decide this: "Lu Shaye"/"Liu Shaye" differ by one letter
and are different people; "Wolodymyr Selenskyj"/"Volodymyr Zelenskyy" differ by four
and are one. So names are compared token by token:

1. Normalise (`nameforms.name_form`): any script to ASCII, "SURNAME, Given" reordered,
   case, accents, punctuation, titles ("President", "Dr") and particles (al, bin, de,
   van) set apart.
2. Align tokens one to one, in any order (Chinese and Hungarian put the family name
   first), by the best similarity (`partsimilarity.token_similarity`): equal, an initial
   ("V." for Vladimir), the same sound (`namesounds`: Zelensky, Selenskyj, Zelenskiy),
   or edit similarity for typos. A part in Hebrew or Katakana against Latin letters is
   read by its script's letters (`scriptreadings`: בנימין, Benjamin; プーチン, Putin), and
   a Korean name in Hangul is read whole through the romanization tables (김정은, Kim
   Jong-un).
3. Score the shorter name's tokens: every one must find its counterpart; then the rules
   of `namerules` cap, lower or hold the score against ("Roman"/"Robert" Fico are two
   people; missing middle names cost little).

`compare` is pure and cached per name, a few tens of microseconds a pair.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import NamedTuple

from rapidfuzz.distance import Hamming, Indel, Levenshtein

from newsreader.analysis import lexicon, wadegiles
from newsreader.analysis.model import DIFFERENT, MAYBE, SAME, compared_as_person
from newsreader.analysis.nameforms import ARTICLES, NameForm, name_form
from newsreader.analysis.namerules import (
    NEAR_MISS,
    WEIGHTS,
    Aligned,
    Pair,
    Weights,
    apply_rules,
    kinds_apart,
    suffixes_apart,
)
from newsreader.analysis.namesounds import coarse_sound, sound
from newsreader.analysis.namewords import common_given_name
from newsreader.analysis.partsimilarity import different_genders, token_similarity
from newsreader.analysis.scriptreadings import Reading, has_readings, korean_name, readings
from newsreader.analysis.translit import to_ascii

_NO_READINGS: Mapping[str, Reading] = {}

# What other modules import from here: the verdicts, and the parts of a comparison
__all__ = [
    "DEFAULT_THRESHOLDS",
    "DIFFERENT",
    "MAYBE",
    "SAME",
    "Comparison",
    "NameForm",
    "Thresholds",
    "coarse_sound",
    "compare",
    "name_form",
    "score_forms",
    "sound",
    "token_similarity",
]


@dataclass(frozen=True)
class Thresholds:
    """Verdict cut-offs; tuned for F1 of `same` on labelled name pairs (see the README)."""

    same: float = 70.0
    maybe: float = 55.0

    def verdict(self, score: float) -> str:
        return SAME if score >= self.same else MAYBE if score >= self.maybe else DIFFERENT


DEFAULT_THRESHOLDS = Thresholds()


class Comparison(NamedTuple):  # a tuple: one is made for every pair compared
    score: float
    verdict: str
    why: str
    held_against: tuple[str, ...] = ()  # contrary evidence: never "same", whatever the score


def compare(
    a: str,
    b: str,
    thresholds: Thresholds = DEFAULT_THRESHOLDS,
    *,
    kind: str = "",
    kind_b: str = "",
    weights: Weights = WEIGHTS,
    floor: float = 0.0,
) -> Comparison:
    """Compare two names. `kind` "organization" or "place" makes added words count more:
    "Council of the European Union" is not the European Union, though a middle name
    left out of a person's name changes nothing. `kind_b`: what b names, when known and
    possibly not `kind` (two kinds are contrary evidence). `weights`: the rules' numbers.
    With contrary evidence (`held_against`) the verdict is at most "maybe". `floor`: only
    scores from it up are wanted; a pair whose parts' mean similarity falls below it is not
    put to the rules (they only lower a score), and its score is then an upper bound below
    `floor`. A comparison scoring `floor` or more, and every verdict when `floor` is at most
    the "maybe" threshold, is the same as without it."""
    against: list[str] = []
    person = compared_as_person(kind)
    # name_form(x) as every other caller writes it: a cached form is found under the same
    # key (name_form(x, True) is another entry of the cache, and twice the misses)
    fa, fb = (name_form(a), name_form(b)) if person else (name_form(a, False), name_form(b, False))
    score, reasons = score_forms(fa, fb, kind, weights, against, floor)
    if person and score < thresholds.same and (pinyin := _in_pinyin(a, b)) is not None:
        # a Chinese name in Wade-Giles against its pinyin (Mao Tse-tung / Mao Zedong)
        again: list[str] = []
        other, other_reasons = score_forms(
            name_form(pinyin[0]), name_form(pinyin[1]), kind, weights, again, floor
        )
        if other > score:
            score, against = other, again
            reasons = ["Wade-Giles read as pinyin", *other_reasons]
    if (kind_b or fa.legal or fb.legal) and (apart := kinds_apart(fa, fb, kind, kind_b, weights)) is not None:
        score = min(score, apart.value)
        against.append(apart.reason)
        reasons.append("held against: " + apart.reason)
    verdict = thresholds.verdict(score)
    if against and verdict == SAME:
        verdict = MAYBE
    return Comparison(round(score, 1), verdict, "; ".join(reasons), tuple(against))


def _in_pinyin(a: str, b: str) -> tuple[str, str] | None:
    """Both names with any Wade-Giles spelling rewritten in pinyin, or None if neither has one."""
    pa = wadegiles.to_pinyin(a.lower()) if a.isascii() else a
    pb = wadegiles.to_pinyin(b.lower()) if b.isascii() else b
    if pa == a.lower() and pb == b.lower():
        return None
    return pa, pb


def score_forms(
    fa: NameForm,
    fb: NameForm,
    kind: str = "",
    weights: Weights = WEIGHTS,
    against: list[str] | None = None,
    floor: float = 0.0,
) -> tuple[float, list[str]]:
    """The score of two normalised names and its reasons: a decisive rule (the same parts,
    an abbreviation) or the parts' mean similarity after the rules of `namerules.RULES`.
    Contrary evidence is added to `against` as well. A mean below `floor` is returned as
    it is, the rules not run (see `compare`)."""
    if not fa.tokens or not fb.tokens:
        return 0.0, ["nothing to compare"]
    if fa.ideographic and fb.ideographic:
        return _compare_characters(fa.original, fb.original)
    if fa.tokens == fb.tokens or fa.joined == fb.joined or fa.spelt == fb.spelt:
        return _same_parts(fa, fb, weights)
    cross_script = fa.transliterated != fb.transliterated
    if cross_script and (fa.ideographic or fb.ideographic) and (romanized := _romanized(fa, fb, weights)):
        return romanized
    if (len(fa.tokens) == 1) != (len(fb.tokens) == 1) and (
        together := _run_together(fa, fb, weights)
    ) is not None:
        return together
    ta, tb = fa.tokens, fb.tokens
    if not (fa.bigrams.isdisjoint(tb) and fb.bigrams.isdisjoint(ta)):  # rare: Jean Marie / Jeanmarie
        ta, tb = _merge_to_match(ta, tb), _merge_to_match(tb, ta)
    if not ARTICLES.isdisjoint(fb.particles):
        ta = _article_apart(ta, tb)
    if not ARTICLES.isdisjoint(fa.particles):
        tb = _article_apart(tb, ta)
    spelt_out: list[str] = []
    if not compared_as_person(kind) and len(ta) > 1 and len(tb) > 1:
        # UN Security Council / United Nations Security Council: an acronym for some words
        ta, tb = _acronyms_spelt_out(ta, fa, tb, spelt_out), _acronyms_spelt_out(tb, fb, ta, spelt_out)
    if len(ta) <= len(tb):
        short, long_, s_form, l_form = ta, tb, fa, fb
    else:
        short, long_, s_form, l_form = tb, ta, fb, fa
    person = compared_as_person(kind)
    if not person and _acronym_of(short, long_, s_form, l_form):
        return weights.acronym, [f"{short[0].upper()} is the initials of '{l_form.original}'"]
    if fa.letters != fb.letters:
        letters, other = (fa.tokens, fb.tokens) if fa.letters else (fb.tokens, fa.tokens)
        if any(len(t) > 1 for t in other):
            # U.S.S.R., D.C.: an abbreviation, not a person's initials ("R Sidoli")
            if "".join(letters) == "".join(t[0] for t in other):
                return weights.acronym, [f"{''.join(letters).upper()} is the initials of the other name"]
            return weights.other_abbreviation, ["an abbreviation of another name"]
    # a nickname for the given name, which comes first (Bill Clinton / William Clinton);
    # elsewhere, Jack and Will are surnames of their own (Michael Jack, Harold Will)
    nickname = person and short[0] != long_[0] and _is_nickname(short[0], long_[0])
    if nickname:
        given, short = short[0], (long_[0], *short[1:])
    # other scripts, and Latin spelt another language's way (Vlagyimir Putyin), compare loosely
    distinct = (
        fa.distinct and fb.distinct and short in (fa.tokens, fb.tokens) and long_ in (fa.tokens, fb.tokens)
    )
    foreign = fa if fa.transliterated else fb
    read = readings(foreign.original) if cross_script and has_readings(foreign.original) else _NO_READINGS
    aligned, used_j = _align(
        short, long_, fa.accented or fb.accented, cross_script, distinct, read, foreign is s_form
    )
    last = aligned.get(len(short) - 1)
    if (
        last is not None
        and last.how == "edit"
        and (_cut_short(short[-1], long_[last.j], s_form) or _cut_short(long_[last.j], short[-1], l_form))
    ):
        aligned[len(short) - 1] = Aligned(weights.cut_short, last.j, "cut short")
    reasons: list[str] = spelt_out
    total = weighted = 0.0
    worst = 100.0
    order: list[int] = []
    whole = False  # a part longer than an initial in common
    for i, x in enumerate(short):
        weight = weights.initial_weight if len(x) == 1 else 1.0
        total += weight
        found = aligned.get(i)
        if found is None:
            worst = 0.0
            reasons.append(f"{x} has no counterpart")
            continue
        sim, j, how = found
        if nickname and i == 0 and j == 0:
            x, sim, how = given, weights.nickname, "nickname"
            aligned[i] = Aligned(sim, j, how)  # the rules see the nickname, not the name it stands for
        if not person and how == "edit" and (_inflected(x, long_[j]) or _inflected(long_[j], x)):
            sim, how = weights.plural, "plural"  # Technology / Technologies: one word
            aligned[i] = Aligned(sim, j, how)
        elif not person and how == "edit" and _other_word(x, long_[j]):
            sim, how = min(sim, weights.other_word), "other word"  # Deutsche Bank / Deutsche Bahn: not a typo
        weighted += weight * sim
        if sim < worst:
            worst = sim
        order.append(j)
        if how != "initial" and len(x) > 1:
            whole = True
        if how != "equal":
            reasons.append(_token_reason(x, long_[j], sim, how))
    # caps and penalties cannot lift the mean, nor rounding lift it to the floor: no rules
    if round(weighted / total, 1) < floor:
        return weighted / total, [*reasons, f"below {floor:g} before the rules"]
    spellings = frozenset(
        i
        for i, a in aligned.items()
        if a.how in NEAR_MISS and len(sa := sound(short[i])) >= 2 and sa == sound(long_[a.j])
    )  # Noor / Nour; but Lu / Liu, one consonant, are two names
    pair = Pair(short, long_, s_form, l_form, fa, fb, person, aligned, used_j, order, worst, whole, spellings)
    score = apply_rules(weighted / total, pair, reasons, [] if against is None else against, weights)
    return score, reasons or ["same name parts"]


def _same_parts(fa: NameForm, fb: NameForm, weights: Weights) -> tuple[float, list[str]]:
    """The same parts, or the same letters written together or apart (VladimirPutin)."""
    if fa.tokens != fb.tokens:
        same = "same name, written together or apart"
    else:
        same = "same name" + (" after normalising" if fa.original != fb.original else "")
    score = weights.same_parts if fa.tokens == fb.tokens else weights.written_together
    apart = suffixes_apart(fa, fb, weights)
    if apart is None:
        return score, [same]
    return min(score, apart.value), [same, apart.reason]


# Lists of fixed-width records cut a long name at 30 to 40 characters
_FIELD_WIDTH = 30


def _cut_short(part: str, other: str, form: NameForm) -> bool:
    """Is `part`, the last of a name as long as a record's field, the start of `other`
    (NOUREDDINE BEN ALI BEN BELKASSEM DR for ... DRISSI)? The name was cut, not misspelt."""
    return (
        len(part) >= 2
        and other.startswith(part)
        and form.tokens[-1:] == (part,)
        and len(form.original.strip()) >= _FIELD_WIDTH
    )


def _run_together(fa: NameForm, fb: NameForm, weights: Weights) -> tuple[float, list[str]] | None:
    """One name written as one word, the other in several, and the letters the same sound
    (Nuruddin / Noor ud Din, Almaz-Antey / Almaz Antei): one name, run together."""
    if min(len(fa.joined), len(fb.joined)) < 6:
        return None
    sim, how = token_similarity(fa.joined, fb.joined, fa.accented or fb.accented)
    if how != "same sound":
        return None
    return min(sim, weights.run_together), [
        f"{fa.joined}/{fb.joined}: written together or apart, spelt differently"
    ]


def _align(
    short: tuple[str, ...],
    long_: tuple[str, ...],
    loose: bool,
    cross_script: bool,
    distinct: bool,
    read: Mapping[str, Reading] = _NO_READINGS,
    short_read: bool = False,
) -> tuple[dict[int, Aligned], set[int]]:
    """Pair each part of the shorter name with one of the longer, best similarity first and,
    among equals, the nearer position. Equal parts are the only ones scoring 100, so they
    are paired first without scoring the rest: most pairs of names share most parts.
    `distinct`: no part occurs twice in either name, so equal parts pair by value. `read`:
    the Latin spellings of the parts of the name in another script, the shorter name if
    `short_read`, else the longer."""
    aligned: dict[int, Aligned] = {}
    used_j: set[int] = set()
    if distinct:
        for i, x in enumerate(short):
            if x in long_:
                j = long_.index(x)
                used_j.add(j)
                aligned[i] = Aligned(100.0, j, "equal")
    else:
        equal = sorted((abs(i - j), i, j) for i, x in enumerate(short) for j, y in enumerate(long_) if x == y)
        for _, i, j in equal:
            if i not in aligned and j not in used_j:
                used_j.add(j)
                aligned[i] = Aligned(100.0, j, "equal")
    if len(aligned) == len(short):
        return aligned, used_j
    rest_i = [i for i in range(len(short)) if i not in aligned]
    rest_j = [j for j in range(len(long_)) if j not in used_j]

    def similarity(x: str, y: str) -> tuple[float, str]:
        if not read:
            return token_similarity(x, y, loose, cross_script)
        if short_read:  # the part with a reading first
            return token_similarity(x, y, loose, cross_script, read.get(x))
        return token_similarity(y, x, loose, cross_script, read.get(y))

    if len(rest_i) == 1 and len(rest_j) == 1:  # one part differs (Putin / Pulin): no ranking
        i, j = rest_i[0], rest_j[0]
        sim, how = similarity(short[i], long_[j])
        if sim > 0:
            aligned[i] = Aligned(sim, j, how)
            used_j.add(j)
        return aligned, used_j
    pairs = [
        (-sim, abs(i - j), i, j, how)
        for i in rest_i
        for j in rest_j
        for sim, how in (similarity(short[i], long_[j]),)
        if sim > 0
    ]
    pairs.sort()
    for neg_sim, _, i, j, how in pairs:
        if i not in aligned and j not in used_j:
            used_j.add(j)
            aligned[i] = Aligned(-neg_sim, j, how)
    return aligned, used_j


def _romanized(fa: NameForm, fb: NameForm, weights: Weights) -> tuple[float, list[str]] | None:
    """A Korean name in Hangul against a spelling of it in Latin letters (김정은 / Kim
    Jong-un, Gim Jeong-eun): the romanization tables read it whole, the syllables of
    the given name written together or apart. None when neither name is one."""
    korean, latin = (fa, fb) if fa.ideographic else (fb, fa)
    pattern = korean_name(korean.original)
    if pattern is None or latin.transliterated or not pattern.fullmatch(latin.spelt):
        return None
    score = weights.romanized
    reasons = [f"{korean.original.strip()} is romanized {latin.original.strip()}"]
    if (apart := suffixes_apart(fa, fb, weights)) is not None:
        return min(score, apart.value), [*reasons, apart.reason]
    return score, reasons


def _token_reason(x: str, y: str, sim: float, how: str) -> str:
    if how == "initial":
        return f"initial {x if len(x) == 1 else y} for {y if len(x) == 1 else x}"
    if how == "given names":
        return f"{x} and {y} are different names (two given names)"
    if how == "nickname":
        return f"{x}/{y}: a nickname"
    if how in ("same sound", "transliteration"):
        return f"{x}/{y}: same sound, spelt differently"
    if how == "letters swapped":
        return f"{x}/{y}: letters swapped"
    if how == "other word":
        return f"{x} and {y} are different words"
    if how == "cut short":
        return f"{x}/{y}: the name cut short"
    if how == "plural":
        return f"{x}/{y}: one word, singular and plural"
    if sim >= 75:
        return f"{x}/{y}: {_edit_words(x, y)}"
    if sim >= 60:
        return f"{x}/{y}: {_edit_words(x, y)}, more than a typo"
    return f"{x} and {y} are different names"


def _article_apart(tokens: tuple[str, ...], other: tuple[str, ...]) -> tuple[str, ...]:
    """Parts with the Arabic article written into them (Albayati) where the other name
    writes it apart (al-Bayati): the article is set apart here too."""
    if not any(t[:2] in ("al", "el") for t in tokens):
        return tokens
    return tuple(
        t[2:]
        if t[:2] in ("al", "el") and t[2:] in other and t not in other and not common_given_name(t)
        else t
        for t in tokens
    )


def _merge_to_match(tokens: tuple[str, ...], other: tuple[str, ...]) -> tuple[str, ...]:
    """Join adjacent parts that the other name writes as one (Jean Marie / Jeanmarie)."""
    for left, right in itertools.pairwise(tokens):
        if left + right in other:
            break
    else:
        return tokens  # the usual case: nothing to join
    if max(map(len, other)) <= 5:
        return tokens
    merged = list(tokens)
    i = 0
    while i < len(merged) - 1:
        if merged[i] + merged[i + 1] in other:
            merged[i : i + 2] = [merged[i] + merged[i + 1]]
        i += 1
    return tuple(merged)


def _acronym_of(short: tuple[str, ...], long_: tuple[str, ...], s_form: NameForm, l_form: NameForm) -> bool:
    """IBM for International Business Machines: written in capitals, the initials in order,
    of the name's parts or of all its words, a legal form (NIOC, National Iranian Oil
    Company, PDVSA for Petróleos de Venezuela S.A.) and particles (IRISL, Islamic Republic
    of Iran Shipping Lines) included; a hyphened word is one (OSCE, Organization for Security
    and Co-operation in Europe)."""
    if len(short) != 1 or not 2 <= len(short[0]) <= 6 or len(long_) < 2:
        return False
    if not _in_capitals(short[0], s_form):
        return False
    if short[0] == "".join(t[0] for t in long_):
        return True
    words = _ACRONYM_WORD.findall(to_ascii(l_form.original).lower())
    return short[0] in ("".join(w[0] for w in words), "".join(w[0] for w in words if w not in _SMALL_WORDS))


def _in_capitals(token: str, form: NameForm) -> bool:
    """Is `token` written in capitals in the name (ZTE of "ZTE Corporation", U.N.)? An
    acronym is; a word of the same letters (Un, Ash) is not."""
    wanted = token.upper()
    return any(
        word.replace(".", "") == wanted and word.replace(".", "").isupper()
        for word in to_ascii(form.original).split()
    )


def _acronyms_spelt_out(
    tokens: tuple[str, ...], form: NameForm, other: tuple[str, ...], reasons: list[str]
) -> tuple[str, ...]:
    """`tokens` with an acronym written in capitals replaced by the words of `other` whose
    initials it is, in order (UN for United Nations), when they are not in `tokens`."""
    out = list(tokens)
    for i in range(len(out) - 1, -1, -1):
        token = out[i]
        width = len(token)
        if not 2 <= width <= 5 or token in other or not _in_capitals(token, form):
            continue
        for j in range(len(other) - width + 1):
            words = other[j : j + width]
            if "".join(w[0] for w in words) == token and all(len(w) > 1 for w in words):
                if not set(words) & set(out):
                    out[i : i + 1] = words
                    reasons.append(f"{token.upper()} for {' '.join(words)}")
                break
    return tuple(out)


_ACRONYM_WORD = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_SMALL_WORDS = frozenset("of the and for in on de du des la le el al y et und".split())


def _is_nickname(a: str, b: str) -> bool:
    return lexicon.are_nicknames(a, b) and not different_genders(a, b)


def _other_word(a: str, b: str) -> bool:
    """Is either an everyday word (bank, steel), and the other a word too (power / tower)
    or more than a letter away (bank / bahn)? Then it is another word, not a typo of one
    (peoole for people)."""
    if (lexicon.zipf(a) < 4.5 and lexicon.zipf(b) < 4.5) or _inflected(a, b) or _inflected(b, a):
        return False
    return (lexicon.zipf(a) > 0 and lexicon.zipf(b) > 0) or Levenshtein.distance(a, b) > 1


def _inflected(a: str, b: str) -> bool:
    """Is b the plural of a (holding / holdings, technology / technologies)? One word."""
    return b in (a + "s", a + "es") or (a.endswith("y") and b == a[:-1] + "ies")


def _compare_characters(a: str, b: str) -> tuple[float, list[str]]:
    """In Chinese, Japanese and Korean script a different character is a different name."""
    ca = [c for c in a if not c.isspace() and c not in "·・"]
    cb = [c for c in b if not c.isspace() and c not in "·・"]
    if ca == cb:
        return 100.0, ["same characters"]
    diff = Levenshtein.distance(ca, cb)
    return max(0.0, 55.0 - 10 * (diff - 1)), [f"{diff} character{'s' if diff > 1 else ''} differ"]


def _edit_words(a: str, b: str) -> str:
    if len(a) == len(b):
        diff = Hamming.distance(a, b)
        return f"{diff} letter{'s' if diff > 1 else ''} changed"
    n = abs(len(a) - len(b))
    more = "added" if len(b) > len(a) else "dropped"
    return f"{n} letter{'s' if n > 1 else ''} {more}" if Indel.distance(a, b) == n else "spelt differently"

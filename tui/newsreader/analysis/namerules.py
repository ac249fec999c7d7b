"""The rules that turn two aligned names into a score, in the order they apply.

`matcher.score_forms` normalises both names, pairs their parts and averages the parts'
similarities (the base score). Then each rule of `RULES` looks at the pair and may say
one thing: a cap (the score can be at most this), a penalty (this much off), or a note
(a reason that changes nothing). Order matters: penalties come before the caps that
follow them. Every number a rule uses is a field of `Weights`, so the whole of the
matcher's arithmetic is in one place.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

from newsreader.analysis import lexicon
from newsreader.analysis.model import compared_as_person
from newsreader.analysis.namewords import (
    BODY_WORDS,
    DESCRIPTORS,
    GIVEN_NAME_TITLES,
    common_given_name,
    describes_a_business,
    family_name_first,
    is_patronymic,
    is_place,
    known_name,
    two_names,
)
from newsreader.analysis.vocab import DEMONYMS

if TYPE_CHECKING:
    from newsreader.analysis.nameforms import NameForm


@dataclass(frozen=True)
class Weights:
    """Every score, cap and penalty of the matcher (0-100 scale).

    Tuned on half of the labelled dev pairs and half of benchmarks/pairs_own.jsonl
    (see the README, "How two names are compared")."""

    # decisive rules: the score is this, nothing else is weighed
    same_parts: float = 100.0  # the same parts after normalising
    written_together: float = 95.0  # the same letters, parts written together or apart
    run_together: float = 92.0  # one word against several, the same sound (Nuruddin / Noor ud Din)
    romanized: float = 92.0  # a Korean name in Hangul and a romanization of it (김정은 / Kim Jong-un)
    acronym: float = 85.0  # IBM for International Business Machines
    other_abbreviation: float = 0.0  # U.S.S.R. against a name whose initials differ
    # the parts' similarities
    initial_weight: float = 0.5  # an initial counts half a part in the average
    nickname: float = 88.0  # Bill for William, in first position
    # one insert, delete, substitution or swap of neighbours in a part of 4+ letters (Andrws /
    # Andrews) scores at least this: above a same-sound spelling two edits away (Andrus, 92),
    # or a list's look-alikes outrank the entry the typo was made from
    one_edit: float = 93.0
    one_edit_length: int = 4  # shorter parts one letter apart are other names (Lu / Liu)
    other_word: float = 50.0  # Deutsche Bank / Deutsche Bahn: another word, not a typo
    plural: float = 92.0  # Sunrise Technology / Technologies: one word, in a body's name
    cut_short: float = 90.0  # a long name's last part cut at a record's width (... DR / DRISSI)
    # the weakest part pulls the score down
    poor_part: float = 60.0  # below this a part is another name ...
    poor_part_cap: float = 45.0  # ... and the score is at most this plus a tenth of it
    weak_part: float = 75.0  # below this a part is more than a typo ...
    weak_part_margin: float = 5.0  # ... and the score at most its similarity plus this
    # parts of the longer name with no counterpart
    person_extra: tuple[float, ...] = (0.0, 3.0, 8.0, 30.0, 30.0)  # by how many (middle names)
    organisation_extra: float = 20.0  # each added word of a body's name
    descriptor_extra: float = 5.0  # each added Group / Holdings / International
    country_apart: float = 60.0  # Bank of England / Bank
    body_apart: float = 50.0  # Council of the European Union / European Union
    # one part against several
    one_part_named: float = 85.0  # a titled surname (President Putin) or a company's own word
    surname_alike: float = 90.0  # how alike that surname must be to the other name's
    one_part_given: float = 50.0  # a given name alone (Charles / Charles Kennedy)
    one_part: float = 60.0  # any other single part
    # what the names say about themselves
    suffix_apart: float = 60.0  # Jr / Sr: father and son
    suffix_one_side: float = 65.0  # Jr on one side only: either; below "same", which context may lift
    patronymic_order: float = 55.0  # parts in another order around bin / ibn
    initial_out_of_order: float = 50.0  # R Williams / William Ruto
    initials_only: float = 55.0  # C Dominici / Washington D.C.
    surname_left: float = 50.0  # George W Bush / George Weah
    # the popularity a company's own word may have and still name it alone (Zipf)
    distinctive_zipf: float = 3.5
    distinctive_length: int = 4
    # contrary evidence: the pair may at most be "maybe", whatever the string evidence
    held_against: float = 57.0  # under "same" even with the most context can add (xref)
    common_surname_rank: int = 2000  # a surname this common, alone with a title, is anyone's
    real_name_rank: int = 5000  # two surnames this common, a letter apart, are two names


WEIGHTS = Weights()


class Effect(NamedTuple):
    """What one rule says: `kind` is "cap", "penalty" or "note"."""

    kind: str
    value: float
    reason: str


CAP = "cap"
PENALTY = "penalty"
NOTE = "note"
AGAINST = "against"  # contrary evidence: at most "maybe", and said why


class Aligned(NamedTuple):
    """A part of the shorter name paired with one of the longer."""

    similarity: float
    j: int  # the index of its counterpart in the longer name
    how: str  # equal / initial / same sound / edit / ...


@dataclass(slots=True)
class Pair:
    """Everything the rules may look at, worked out once per pair."""

    short: tuple[str, ...]  # the parts of the name with fewer parts, as aligned
    long_: tuple[str, ...]
    s_form: NameForm  # the forms the two come from
    l_form: NameForm
    fa: NameForm  # the names as given, a first
    fb: NameForm
    person: bool  # compared as people (`compared_as_person`)
    aligned: dict[int, Aligned]  # short index -> its counterpart
    used_j: set[int]  # long indexes paired with something
    order: list[int]  # the counterparts' indexes, in the shorter name's order
    worst: float  # the lowest part similarity (0 for a part with no counterpart)
    whole: bool  # a part longer than an initial is in common
    # parts whose counterpart has their consonant skeleton (Noor / Nour): one name spelt
    # two ways, so no near miss
    spellings: frozenset[int] = frozenset()
    extra: int = 0  # how many parts of the longer name found no counterpart ...
    placed: tuple[str, ...] = ()  # ... and which
    described: bool = False  # those only say what a business is (Rosneft Oil Company)
    misses: tuple[tuple[str, str, str], ...] = ()  # (part, counterpart, how) for near misses
    reordered: bool = False  # the counterparts are in another order
    one_part: bool = False  # one part against several
    inexact: bool = False  # two or more parts paired, none of them written alike

    def __post_init__(self) -> None:
        self.extra = len(self.long_) - len(self.aligned)
        misses = [
            (self.short[i], self.long_[a.j], a.how)
            for i, a in self.aligned.items()
            if a.how in NEAR_MISS and i not in self.spellings
        ]
        if misses:
            self.misses = tuple(misses)
        self.reordered = self.order != sorted(self.order)
        self.one_part = len(self.short) == 1 and len(self.long_) > 1
        self.inexact = len(self.aligned) > 1 and all(a.how != "equal" for a in self.aligned.values())
        if self.extra > 0:
            self.placed = tuple(y for j, y in enumerate(self.long_) if j not in self.used_j)
            self.described = not self.person and describes_a_business(self.placed, self.l_form)


Rule = Callable[[Pair, Weights], "Effect | None"]


def weakest_part(p: Pair, w: Weights) -> Effect | None:
    """One part that is another name makes the whole another name, however good the rest."""
    if p.worst < w.poor_part:
        return Effect(CAP, w.poor_part_cap + p.worst / 10, "")
    if p.worst < w.weak_part:
        return Effect(CAP, p.worst + w.weak_part_margin, "")
    return None


def extra_parts(p: Pair, w: Weights) -> Effect | None:
    """Parts of the longer name left over: middle names cost a person little, a word more
    in a body's name makes another body (unless it says how a business is held)."""
    extra = p.extra
    if extra <= 0:
        return None
    if p.person:
        cost = w.person_extra[min(extra, len(w.person_extra) - 1)]
    else:
        cost = (w.descriptor_extra if p.described else w.organisation_extra) * extra
    return Effect(PENALTY, cost, f"{extra} more name part{'s' if extra > 1 else ''} in '{p.l_form.original}'")


def country_apart(p: Pair, w: Weights) -> Effect | None:
    """A country, or for a body its adjective too (Indian Foreign Ministry), names another."""
    placed_country = any(lexicon.is_country(y) or (not p.person and y.title() in DEMONYMS) for y in p.placed)
    if p.extra > 0 and placed_country:
        return Effect(CAP, w.country_apart, "a country sets it apart")
    return None


def body_apart(p: Pair, w: Weights) -> Effect | None:
    if p.extra > 0 and not p.person and any(y.title() in BODY_WORDS for y in p.placed):
        return Effect(CAP, w.body_apart, "a body within it or beside it ('Council of the European Union')")
    return None


def word_inside_a_body(p: Pair, w: Weights) -> Effect | None:
    """A word more inside a body's name, between words both names share (International
    Atomic Energy Agency / International Energy Agency, People's Bank of China / Bank of
    China is not one): it says which of several bodies. A word before or after the shared
    ones (United Nations Security Council / Security Council) may be the same body named in
    full, and a descriptor (Group, Holdings) says how a business is held."""
    if p.person or p.described or len(p.used_j) < 2:
        return None
    first, last = min(p.used_j), max(p.used_j)
    inside = [y for j, y in enumerate(p.long_) if first < j < last and j not in p.used_j]
    if inside and not all(y in DESCRIPTORS for y in inside):
        return Effect(AGAINST, w.held_against, f"'{' '.join(inside)}' inside the name: another body")
    return None


def one_part_only(p: Pair, w: Weights) -> Effect | None:
    """A surname with a title ("Presiden Putin") names the person, and a family name first
    ("Xi" of Xi Jinping) too; a given name alone (Charles of Charles Kennedy) does not, nor
    one part of a three-part name. A company's own word (Lukoil) names it, a common one
    (Apple) does not."""
    short, long_ = p.short, p.long_
    if not (len(short) == 1 and len(long_) > 1):
        return None
    titles = p.s_form.titles
    titled_surname = (
        p.person
        and (len(long_) == 2 or bool(titles))  # Minister Lavrov: Sergey Viktorovich Lavrov
        and not p.s_form.suffix
        and GIVEN_NAME_TITLES.isdisjoint(titles)  # King Frederik, Prince Harris: given names
        and (surname := p.aligned.get(0)) is not None
        and (
            (
                surname.how == "equal"
                and (surname.j == len(long_) - 1 or (surname.j == 0 and family_name_first(p.l_form)))
            )
            or (bool(titles) and surname.similarity >= w.surname_alike and surname.j == len(long_) - 1)
        )
    )
    distinctive = (
        p.described and len(short[0]) >= w.distinctive_length and lexicon.zipf(short[0]) < w.distinctive_zipf
    )
    given_only = p.person and short[0] == long_[0] and not titled_surname
    cap = (
        w.one_part_named if titled_surname or distinctive else w.one_part_given if given_only else w.one_part
    )
    return Effect(CAP, cap, "a given name only" if given_only else "one name part only")


def suffix_apart(p: Pair, w: Weights) -> Effect | None:
    return suffixes_apart(p.fa, p.fb, w)


def suffixes_apart(fa: NameForm, fb: NameForm, w: Weights = WEIGHTS) -> Effect | None:
    """Jr / Sr, II / III: father and son. A suffix on one side only (Donald Trump / Donald
    Trump Jr.) may be either of them: not the same person on the names alone, though words
    near the mention that agree with a list's description may say which (a list that
    leaves out a president's "Jr.")."""
    a, b = fa.suffix, fb.suffix
    if a != b and a and b:
        return Effect(CAP, w.suffix_apart, f"different suffix ({a} / {b})")
    if a != b:
        return Effect(CAP, w.suffix_one_side, f"'{a or b}' on one side only: a father's or a son's name")
    return None


def parts_reordered(p: Pair, w: Weights) -> Effect | None:
    """Parts in another order are the same person (Orbán Viktor), except around bin / ibn,
    where the order says who is whose son, and where an initial and a near miss both move
    ("R Williams" is not William Ruto; "Путин В. В." is Vladimir Putin)."""
    if p.order == sorted(p.order):
        return None
    if p.s_form.patronymic or p.l_form.patronymic:
        return Effect(CAP, w.patronymic_order, "parts in another order around bin/ibn: another person")
    hows = [a.how for a in p.aligned.values()]
    if "initial" in hows and any(how not in ("initial", "equal") for how in hows):
        return Effect(CAP, w.initial_out_of_order, "an initial out of its name's order")
    return Effect(NOTE, 0.0, "name parts in another order")


def initials_only(p: Pair, w: Weights) -> Effect | None:
    """ "C Dominici" / "Washington D.C.": letters, not names, in common."""
    return None if p.whole else Effect(CAP, w.initials_only, "only initials in common")


def surname_left(p: Pair, w: Weights) -> Effect | None:
    """The shorter name's last part paired with an initial in the middle of the longer
    while the longer name's surname found nothing: "George W Bush" is not George Weah."""
    last = p.aligned.get(len(p.short) - 1)
    long_ = p.long_
    if (
        p.extra
        and last is not None
        and last.how == "initial"
        and len(long_[last.j]) == 1
        and len(long_) - 1 not in p.used_j
        and len(long_[-1]) > 1
    ):
        return Effect(CAP, w.surname_left, f"{long_[-1]}, the last name part, has no counterpart")
    return None


def another_given_name(p: Pair, w: Weights) -> Effect | None:
    """Two given names that merely look alike (Joan / Jonas) are two people: not a
    nickname, not one name in two spellings."""
    for x, y, _ in p.misses:
        if two_names(x, y) and common_given_name(x) and common_given_name(y):
            return Effect(AGAINST, w.held_against, f"{x} and {y} are two given names")
    return None


def another_real_name(p: Pair, w: Weights) -> Effect | None:
    """A part one letter off another is a typo unless both are real names (Hart / Hurt,
    Stoner / Store): then it is another person's name."""
    for x, y, how in p.misses:
        if (
            how in TYPO
            and two_names(x, y)
            and known_name(x, w.real_name_rank)
            and known_name(y, w.real_name_rank)
        ):
            return Effect(AGAINST, w.held_against, f"{x} and {y} are both names of their own")
    return None


def reordered_and_misspelt(p: Pair, w: Weights) -> Effect | None:
    """Parts moved and changed both (Lenny Davids / David Lenny): two moves away from the
    name, each of which alone is common. With a patronymic the family name comes first
    in one writing and last in another (Kadyrov Ramzan Akhmatovich): that is no move."""
    misspelt = bool(p.misses) and any(how in TYPO for _, _, how in p.misses)
    # moved, and a part spelt otherwise, if only in its vowels (Will Young / Young Wall,
    # Bruce Snyder / Sándor Burke): two steps away as well; initials (Путин В. В.) are no
    # spelling
    respelt = len(p.aligned) > 1 and any(a.how not in ("equal", "initial") for a in p.aligned.values())
    if (misspelt or respelt) and p.order != sorted(p.order) and not any(map(is_patronymic, p.long_)):
        return Effect(AGAINST, w.held_against, "parts both reordered and misspelt")
    return None


def nothing_alike(p: Pair, w: Weights) -> Effect | None:
    """No part written alike: an initial and a misspelt surname ("M. Danies" / Mervyn
    Davies), a nickname and an initial ("Charles G" / Carl Gustaf), a letter changed in
    each name. Each alone is common; together they are another person as often. Names
    in another grammatical form (Vladimirs Putins) are written alike enough."""
    hows = [a.how for a in p.aligned.values()]
    if (
        len(hows) > 1
        and all(h in TYPO or h in ("initial", "nickname") for h in hows)
        and all(two_names(x, y) for x, y, _ in p.misses)
    ):
        return Effect(
            AGAINST, w.held_against, "no part written alike: only near misses, initials or a nickname"
        )
    return None


def common_surname_alone(p: Pair, w: Weights) -> Effect | None:
    """A common surname with a title ("Prince Harris") is anyone of that name."""
    if (
        p.person
        and len(p.short) == 1
        and len(p.long_) > 1
        and p.short[0] == p.long_[-1]
        and (rank := lexicon.surname_rank(p.short[0].title())) is not None
        and rank <= w.common_surname_rank
    ):
        return Effect(AGAINST, w.held_against, f"{p.short[0]} alone is a common surname")
    return None


def kinds_apart(fa: NameForm, fb: NameForm, kind: str, kind_b: str, w: Weights = WEIGHTS) -> Effect | None:
    """Names of two known types are not one, however alike (Paris the city, Paris the
    newspaper), and a person is not a company (a legal form is written). Weighed for
    every pair, written alike or not."""
    if kind and kind_b and kind != kind_b:
        return Effect(AGAINST, w.held_against, f"a {kind} and a {kind_b}")
    if compared_as_person(kind) and compared_as_person(kind_b) and (fa.legal or fb.legal):
        return Effect(AGAINST, w.held_against, "a company's legal form in a person's name")
    return None


def place_for_a_body(p: Pair, w: Weights) -> Effect | None:
    """A place's name inside a body's (Paris / Paris Herald) names the place."""
    if not p.person and len(p.short) == 1 and p.extra and is_place(p.short[0]):
        return Effect(AGAINST, w.held_against, f"{p.short[0]} is a place")
    return None


def joined_or_described(p: Pair, w: Weights) -> Effect | None:
    """ "Health and Education Department" runs two bodies together; "Russian-Swiss" is a
    description. Neither is the other name."""
    for form in (p.fa, p.fb):
        other = p.fb if form is p.fa else p.fa
        if form.conjoined and not other.conjoined:
            return Effect(AGAINST, w.held_against, f"'and' joins two names in '{form.original}'")
        if form.adjectival and not other.adjectival:
            return Effect(AGAINST, w.held_against, f"'{form.original}' is a description, not a name")
    return None


def transliterated(p: Pair, w: Weights) -> Effect | None:
    if p.fa.transliterated or p.fb.transliterated:
        return Effect(NOTE, 0.0, "transliterated")
    return None


# In the order they apply; a test pins each.
# In the order they apply, each with the fact of the pair it needs (a `Pair` field that
# must be true), so a rule that cannot apply is not called; a test pins each.
GATED_RULES: tuple[tuple[Rule, str], ...] = (
    (weakest_part, ""),
    (extra_parts, "extra"),
    (country_apart, "extra"),
    (body_apart, "extra"),
    (word_inside_a_body, "extra"),
    (one_part_only, "one_part"),
    (suffix_apart, ""),
    (parts_reordered, "reordered"),
    (initials_only, ""),
    (surname_left, "extra"),
    # contrary evidence
    (another_given_name, "misses"),
    (another_real_name, "misses"),
    (reordered_and_misspelt, "reordered"),
    (nothing_alike, "inexact"),
    (common_surname_alone, "one_part"),
    (place_for_a_body, "extra"),
    (joined_or_described, ""),
    (transliterated, ""),
)
RULES: tuple[Rule, ...] = tuple(rule for rule, _ in GATED_RULES)

# How two parts were found alike when that is only a near miss: a typo, or no more
TYPO = frozenset(("edit", "letters swapped", "other word"))
NEAR_MISS = TYPO | {"given names"}  # the parts the contrary rules look at


def apply_rules(
    score: float, pair: Pair, reasons: list[str], against: list[str], weights: Weights = WEIGHTS
) -> float:
    """The base score after every rule of `RULES`, their reasons added to `reasons` and
    the contrary evidence, also, to `against`."""
    for rule, needs in GATED_RULES:
        if needs and not getattr(pair, needs):
            continue
        effect = rule(pair, weights)
        if effect is None:
            continue
        if effect.kind in (CAP, AGAINST):
            score = min(score, effect.value)
        elif effect.kind == PENALTY:
            score -= effect.value
        if effect.kind == AGAINST:
            against.append(effect.reason)
            reasons.append("held against: " + effect.reason)
        elif effect.reason:
            reasons.append(effect.reason)
    return max(0.0, min(100.0, score))

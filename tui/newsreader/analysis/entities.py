"""Grouping mentions into entities: Xi Jinping … Xi … Xi's.

Rules, by type:
- people: a full name gathers the short forms made of its parts (Small -> Andrew Small,
  Xi -> Xi Jinping) and its transliteration variants (Zelensky / Zelenskyy). A short form
  two people share stays unlinked and is reported as an ambiguity. A name in another
  script (Путин, 习近平, محمد بن سلمان) joins the person the matcher finds the same
  (Vladimir Putin, Xi Jinping), when only one is.
- organisations: an acronym joins the name it abbreviates; a shorter name joins a longer
  one that only adds a country in front ("Foreign Ministry" -> "Chinese Foreign
  Ministry"); when two such longer names exist, the country written next to the short
  form decides ("China's Foreign Ministry"), then the nearest preceding mention.
- places: names the gazetteer gives one canonical name (US, United States).
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from newsreader.analysis import lexicon, vocab
from newsreader.analysis.mention_runs import strip_possessive
from newsreader.analysis.mentions import Mention
from newsreader.analysis.model import ORGANIZATION, PERSON, PLACE, Ambiguity, Span


@dataclass(slots=True)  # one per entity: a long text has hundreds of thousands
class EntityDraft:
    type: str
    mentions: list[Mention] = field(default_factory=list)
    flags: tuple[str, ...] = ()  # few drafts have one: an empty set each would cost 216 bytes

    def flag(self, name: str) -> None:
        if name not in self.flags:
            self.flags += (name,)

    @property
    def name(self) -> str:
        """The fullest form: most words, then most frequent, then first seen."""
        counts: dict[str, int] = defaultdict(int)
        for m in self.mentions:
            counts[m.text] += 1
        return max(counts, key=lambda s: (len(s.split()), len(s), counts[s]))

    @property
    def first(self) -> int:
        return min(m.start for m in self.mentions)

    @property
    def spans(self) -> tuple[Span, ...]:
        return tuple(sorted((m.start, m.end) for m in self.mentions))

    @property
    def evidence(self) -> str:
        best = max(self.mentions, key=lambda m: len(m.evidence))
        return best.evidence


def group(mentions: list[Mention], text: str) -> tuple[list[EntityDraft], list[Ambiguity]]:
    """Entities ordered by first mention; ambiguous short forms are their own entities."""
    by_type: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        by_type[m.type].append(m)
    drafts: list[EntityDraft] = []
    ambiguities: list[Ambiguity] = []
    persons, person_amb = _group_people(by_type.pop(PERSON, []))
    drafts += persons
    orgs, org_amb = _group_organisations(by_type.pop(ORGANIZATION, []), text)
    drafts += orgs
    drafts += _group_places(by_type.pop(PLACE, []))
    for kind, ms in by_type.items():
        drafts += _group_exact(ms, kind)
    drafts.sort(key=lambda d: d.first)
    index = {id(d): i for i, d in enumerate(drafts)}
    for span, surface, candidates in person_amb + org_amb:
        ambiguities.append(Ambiguity(span, surface, tuple(f"e{index[id(c)] + 1}" for c in candidates)))
    return drafts, ambiguities


def _group_exact(mentions: list[Mention], kind: str) -> list[EntityDraft]:
    groups: dict[str, EntityDraft] = {}
    for m in mentions:
        groups.setdefault(_key(m.text), EntityDraft(kind)).mentions.append(m)
    return list(groups.values())


def _key(surface: str) -> str:
    words = surface.replace("\u00a0", " ").split()
    if words and words[-1][:-1] in vocab.ABBREVIATED_LEGAL_FORMS and words[-1].endswith("."):
        words[-1] = words[-1][:-1]  # "Acme Corp." and "Acme Corp" are one name
    return " ".join(words)


@lru_cache(maxsize=65536)
def skeleton(name: str) -> str:
    """A spelling-insensitive key: accents, case, doubled letters and -iy/-yy endings folded."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    folded = re.sub(r"[^a-z ]", "", folded)
    folded = re.sub(r"(?:iy|yy|ij|ii)\b", "y", folded)
    folded = re.sub(r"(.)\1+", r"\1", folded)
    return folded.replace("w", "v").replace("ph", "f")


_Amb = tuple[Span, str, list[EntityDraft]]


def _name_parts(surface: str) -> list[str]:
    return [p for p in _key(surface).split() if p[:1].isupper() and p not in vocab.PERSON_TITLES]


def _group_people(mentions: list[Mention]) -> tuple[list[EntityDraft], list[_Amb]]:
    foreign = [m for m in mentions if _other_script(m.text)]
    if foreign:
        mentions = [m for m in mentions if not _other_script(m.text)]
    drafts, ambiguous = _group_latin_people(mentions)
    if foreign:
        drafts, more = _join_other_scripts(foreign, drafts)
        ambiguous += more
    return drafts, ambiguous


def _group_latin_people(mentions: list[Mention]) -> tuple[list[EntityDraft], list[_Amb]]:
    full = [m for m in mentions if len(_name_parts(m.text)) >= 2]
    short = [m for m in mentions if len(_name_parts(m.text)) < 2]
    clusters: list[EntityDraft] = []
    cluster_of: dict[str, EntityDraft] = {}  # each distinct full surface -> its cluster
    known = _FullNames()
    # longest names first, so "Vladimir Vladimirovich Putin" anchors "Vladimir Putin"
    for m in sorted(full, key=lambda m: (-len(_name_parts(m.text)), m.start)):
        surface = _key(m.text)
        home = cluster_of.get(surface)
        if home is None:
            parts = _name_parts(surface)
            found = known.first_same_person(parts)
            if found is None:
                clusters.append(EntityDraft(PERSON))
                found = len(clusters) - 1
            home = cluster_of[surface] = clusters[found]
            known.add(parts, found)
        home.mentions.append(m)
    # every part of every full name, and its spelling skeleton, leads to its clusters
    owners_of: dict[str, list[EntityDraft]] = defaultdict(list)
    crowded: dict[str, set[int]] = {}  # the ids of the owners of a key many clusters share
    for surface, cluster in cluster_of.items():
        for part in _name_parts(surface):
            for key in (part, "~" + skeleton(part)):
                owners = owners_of[key]
                # most keys have an owner or two, looked through; a set of (key, id) pairs
                # for every key was a long text's biggest record while people were grouped
                if len(owners) < _FEW_OWNERS:
                    if any(c is cluster for c in owners):
                        continue
                else:
                    ids = crowded.get(key)
                    if ids is None:
                        ids = crowded[key] = {id(c) for c in owners}
                    if id(cluster) in ids:
                        continue
                    ids.add(id(cluster))
                owners.append(cluster)
    del crowded
    ambiguous: list[_Amb] = []
    singles: dict[str, EntityDraft] = {}
    for m in short:
        word = _key(m.text)
        owners = owners_of.get(word) or owners_of.get("~" + skeleton(word), [])
        if len(owners) == 1:
            owners[0].mentions.append(m)
            continue
        draft = singles.setdefault(skeleton(word), EntityDraft(PERSON))
        draft.mentions.append(m)
        if len(owners) > 1:
            draft.flag("ambiguous-short-form")
            ambiguous.append(((m.start, m.end), m.text, owners))
    return clusters + list(singles.values()), ambiguous


_FEW_OWNERS = 8


def _other_script(surface: str) -> bool:
    """Is the name written in another script than Latin (Путин, 习近平, محمد بن سلمان)?
    Its spelling skeleton, which folds Latin letters only, is empty."""
    return not surface.isascii() and not skeleton(strip_possessive(surface)).strip()


def _join_other_scripts(
    foreign: list[Mention], drafts: list[EntityDraft]
) -> tuple[list[EntityDraft], list[_Amb]]:
    """People named in another script, each distinct name with the person the matcher
    (which transliterates) finds the same: one of the Latin names' people, or one named
    before in another script (Путин after Владимир Путин); a name two people match is
    its own, and an ambiguity. Only people whose names share a sound are compared: a sound
    of their transliterated parts, or, for a name whose script is read by its letters
    (`scriptreadings`: ウラジーミル, urajimiru, shares no sound with Vladimir), a consonant
    class its reading allows that a Latin part has (`namesounds.coarse_sound`)."""
    from newsreader.analysis.matcher import DEFAULT_THRESHOLDS, compare, name_form, sound
    from newsreader.analysis.namesounds import coarse_sound
    from newsreader.analysis.scriptreadings import has_readings, readings

    read = any(has_readings(m.text) for m in foreign)  # else no name needs the classes

    def keys(name: str, latin: bool = False) -> set[str]:
        form = name_form(name)
        out = {sound(k) for k in (*form.tokens, *form.bigrams, form.joined) if k}
        if read and latin:
            out.update(_READ + c for t in form.tokens if len(c := coarse_sound(t)) >= 3)
        elif read and has_readings(name):
            out.update(_READ + k for reading in readings(name).values() for k in reading.keys)
        return out

    by_sound: dict[str, list[EntityDraft]] = defaultdict(list)
    names: dict[int, str] = {}
    for d in drafts:
        names[id(d)] = d.name
        for k in keys(names[id(d)], latin=True):
            by_sound[k].append(d)
    by_surface: dict[str, list[Mention]] = defaultdict(list)
    for m in foreign:
        by_surface[_key(m.text)].append(m)
    ambiguous: list[_Amb] = []
    # fullest first, so that "Владимир Путин" is there for "Путин"
    for surface in sorted(by_surface, key=lambda n: (-len(name_form(n).tokens), by_surface[n][0].start)):
        ms = by_surface[surface]
        near: dict[int, EntityDraft] = {}
        for k in keys(surface):
            owners = by_sound.get(k, ())
            if len(owners) <= _MAX_COMPARED:  # a sound dozens of names share says nothing
                near.update((id(d), d) for d in owners)
        same = [
            d
            for d in near.values()
            if compare(surface, names[id(d)], kind=PERSON).score >= DEFAULT_THRESHOLDS.same
        ]
        if len(same) == 1:
            same[0].mentions.extend(ms)
            continue
        draft = EntityDraft(PERSON, list(ms))
        if same:
            draft.flag("ambiguous-short-form")
            ambiguous.extend(((m.start, m.end), m.text, same) for m in ms)
        drafts.append(draft)
        names[id(draft)] = surface
        for k in keys(surface):
            by_sound[k].append(draft)
    return drafts, ambiguous


_MAX_COMPARED = 40  # people sharing one sound of a name's part (as merges.MAX_MERGE_BLOCK)
_READ = "~"  # before a consonant class of a read name's part, apart from the sounds


class _FullNames:
    """The full names grouped so far, indexed so that a new name is compared only with
    those that can be the same person: names holding its rarest part (it may be their
    subset), and names whose surname has its surname's spelling skeleton."""

    def __init__(self) -> None:
        self._with_part: dict[str, list[tuple[list[str], int]]] = defaultdict(list)
        self._with_surname: dict[str, list[tuple[list[str], int]]] = defaultdict(list)

    def add(self, parts: list[str], cluster: int) -> None:
        entry = (parts, cluster)
        for part in dict.fromkeys(parts):
            self._with_part[part].append(entry)
        self._with_surname[skeleton(parts[-1])].append(entry)

    def first_same_person(self, parts: list[str]) -> int | None:
        """The earliest cluster holding a name that `parts` is the same person as: one
        that has every part of it, or the same first name (or its initial, or another
        spelling of it) and a surname with the same spelling skeleton."""
        rarest = min(parts, key=lambda p: len(self._with_part.get(p, ())))
        wanted = set(parts)
        best: int | None = None
        for theirs, cluster in self._with_part.get(rarest, ()):
            if (best is None or cluster < best) and wanted <= set(theirs):
                best = cluster
        for theirs, cluster in self._with_surname.get(skeleton(parts[-1]), ()):
            if (best is None or cluster < best) and _same_first_name(parts[0], theirs[0]):
                best = cluster
        return best


def _same_first_name(a: str, b: str) -> bool:
    return a == b or _initial_of(a, b) or _same_given_name(a, b)  # Viktor / Victor


def _same_given_name(a: str, b: str) -> bool:
    """Spellings of one given name: the same consonant skeleton, close in letters."""
    from newsreader.analysis.matcher import token_similarity

    sim, how = token_similarity(a.lower(), b.lower())
    return how == "same sound" and sim >= 90


def _initial_of(a: str, b: str) -> bool:
    a, b = a.rstrip("."), b.rstrip(".")
    return (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b))


# --- organisations ------------------------------------------------------------------


def _acronym_of(words: list[str]) -> str:
    return "".join(w[0] for w in words if w[:1].isupper() and w.lower() not in ("of", "the", "and", "for"))


def _group_organisations(mentions: list[Mention], text: str) -> tuple[list[EntityDraft], list[_Amb]]:
    exact = _group_exact(mentions, ORGANIZATION)
    by_name = {_key(d.mentions[0].text): d for d in exact}
    # acronyms join the name they abbreviate (looked up, not searched: a long text names
    # thousands of organisations)
    spelled: dict[str, list[EntityDraft]] = defaultdict(list)
    for n, d in by_name.items():
        if " " in n:
            spelled[_acronym_of(n.split())].append(d)
    for acr, draft in list(by_name.items()):
        if acr.isupper() and 2 <= len(acr) <= 6 and len(spelled.get(acr, ())) == 1:
            spelled[acr][0].mentions += draft.mentions
            del by_name[acr]
    # a company named without its legal form or last word ("NationsBank" after "NationsBank
    # Corp.", "Nissan" after "Nissan Motor"), shortest first so "Acme" joins "Acme Co",
    # which then joins "Acme Co Inc"
    for name in sorted(by_name, key=len):
        words = name.split()
        if (
            name in by_name
            and len(words) >= 2
            and (words[-1] in vocab.LEGAL_FORMS or words[-1] in vocab.COMPANY_TAILS)
        ):
            short = by_name.pop(" ".join(words[:-1]), None)
            if short is not None:
                by_name[name].mentions += short.mentions
    # shorter names that a longer one extends with a country in front
    extended: dict[str, list[str]] = defaultdict(list)  # "Foreign Ministry" -> ["Chinese Foreign Ministry"]
    for n in by_name:
        words = n.split()
        for i in range(1, len(words)):
            extended[" ".join(words[i:])].append(n)
    ambiguous: list[_Amb] = []
    breaks = _ParagraphBreaks(text)
    for short_name, draft in sorted(by_name.items(), key=lambda kv: len(kv[0])):
        longer = [
            (n, by_name[n])
            for n in extended.get(short_name, ())
            if n.endswith(" " + short_name) and _is_modifier(n[: -len(short_name)].strip())
        ]
        if not longer:
            continue
        forms = _LongerForms(longer)
        keep: list[Mention] = []
        for m in draft.mentions:
            owner = _resolve_short_org(m, forms, text, breaks)
            if owner is None:
                if len(longer) == 1:
                    forms.join(m, longer[0][1])
                else:
                    keep.append(m)
                    ambiguous.append(((m.start, m.end), m.text, [d for _, d in longer]))
            else:
                forms.join(m, owner)
        draft.mentions[:] = keep
        if keep and len(longer) > 1:
            draft.flag("ambiguous-short-form")
    return [d for d in by_name.values() if d.mentions], ambiguous


def _is_modifier(prefix: str) -> bool:
    words = prefix.split()
    return 0 < len(words) <= 3 and all(w in vocab.DEMONYMS or lexicon.place(w) is not None for w in words)


def _country_key(word: str) -> str:
    """'Chinese', 'China', "China's" -> 'chin': enough to tell countries apart."""
    word = re.sub(r"['’]s?$", "", word).lower()
    for suffix in ("ese", "ian", "ean", "ish", "an", "i", "a", "e"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: len(word) - len(suffix)][:4]
    return word[:4]


class _LongerForms:
    """The longer names a short organisation name may stand for, with their mentions'
    ends in order, so the nearest one before a position is looked up, not searched."""

    def __init__(self, longer: list[tuple[str, EntityDraft]]) -> None:
        self.longer = longer
        found = sorted((m.end, i) for i, (_, d) in enumerate(longer) for m in d.mentions)
        self._ends = [end for end, _ in found]
        self._owners = [longer[i][1] for _, i in found]

    def join(self, m: Mention, draft: EntityDraft) -> None:
        """`m` becomes a mention of `draft`, one of the longer names."""
        draft.mentions.append(m)
        i = bisect.bisect_right(self._ends, m.end)
        self._ends.insert(i, m.end)
        self._owners.insert(i, draft)

    def nearest_before(self, pos: int) -> tuple[int, EntityDraft] | None:
        """The end and name of the last mention of a longer name that ends by `pos`."""
        i = bisect.bisect_right(self._ends, pos) - 1
        return (self._ends[i], self._owners[i]) if i >= 0 else None


class _ParagraphBreaks:
    """Where the text has a blank line ("\n\n"), found once."""

    def __init__(self, text: str) -> None:
        self._at = [m.start() for m in re.finditer(r"(?=\n\n)", text)]

    def at_most_one(self, start: int, end: int) -> bool:
        """Does text[start:end] hold at most one "\n\n" (counted as str.count does)?"""
        i = bisect.bisect_left(self._at, start)
        if i == len(self._at) or self._at[i] + 2 > end:
            return True
        j = bisect.bisect_left(self._at, self._at[i] + 2)
        return j == len(self._at) or self._at[j] + 2 > end


def _resolve_short_org(
    m: Mention, forms: _LongerForms, text: str, breaks: _ParagraphBreaks
) -> EntityDraft | None:
    """Which longer name a short organisation name refers to, if the text says."""
    before = text[max(0, m.start - 30) : m.start]
    word = re.search(r"([A-Z][\w]*['’]s|[A-Z][\w]*)\s*$", before)
    if word:
        key = _country_key(word.group(1))
        hits = [d for n, d in forms.longer if _country_key(n.split()[0]) == key]
        if len(hits) == 1:
            return hits[0]
    # the nearest preceding mention of one of them, if recent (same or previous paragraph)
    best = forms.nearest_before(m.start)
    if best is not None and breaks.at_most_one(best[0], m.start):
        return best[1]
    return None


# --- places -------------------------------------------------------------------------


def _group_places(mentions: list[Mention]) -> list[EntityDraft]:
    groups: dict[str, EntityDraft] = {}
    keys: dict[str, str] = {}
    for m in mentions:
        key = keys.get(m.text)
        if key is None:
            place = lexicon.place(_key(m.text))
            # the gazetteer joins aliases (US, United States) but not exonyms of cities
            # (Kiev stays as written; the cross-reference shows Kyiv)
            in_gazetteer = place is not None and place.is_country
            key = keys[m.text] = place.canonical if place is not None and in_gazetteer else _key(m.text)
        groups.setdefault(key, EntityDraft(PLACE)).mentions.append(m)
    return list(groups.values())

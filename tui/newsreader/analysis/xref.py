"""Cross-reference an article's entities with reference lists, and with each other.

For each person, organisation and place the index proposes candidates and the matcher
scores them; then the *context* weighs in: the words around the mentions ("China's
ambassador to France") against the entry's description ("Chinese ambassador to France")
and the entity's type against the entry's. The best candidate that is judged the same,
clearly ahead of the next, becomes the entity's `reference`; up to three are shown.

A name written as the entry or an alias is "same" on the string alone. Any other name is
"same" only with the matcher's verdict, words near the mentions that agree with the
entry's description, and nothing held against: a type disagreement, one word in
common, a place standing for an organisation named after it, an adjective or a
conjunction in the mention, a sports report for someone not in sport, other countries
than the entry's. Otherwise it is "maybe", shown and never accepted, and its `why` says
what was held against it.

Short-name guard: an entity known only by one short name ("Xi") is matched exactly or
not at all; a fuller mention in the article ("Xi Jinping") is what gets matched.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from newsreader.analysis import lexicon, vocab
from newsreader.analysis.matcher import (
    DEFAULT_THRESHOLDS,
    NameForm,
    Thresholds,
    compare,
    name_form,
    token_similarity,
)
from newsreader.analysis.merges import suggest_merges
from newsreader.analysis.model import (
    DIFFERENT,
    MAYBE,
    NAMED_TYPES,
    ORGANIZATION,
    PERSON,
    SAME,
    Entity,
    Match,
    MergeSuggestion,
)
from newsreader.analysis.references import Entry
from newsreader.analysis.refindex import Hit, ReferenceIndex

CONTEXT_WINDOW = 80  # characters each side of a mention
CONTEXT_BONUS_PER_WORD = 4.0
CONTEXT_BONUS_MAX = 12.0
CONTEXT_LIFT_WORDS = 2  # words of agreement needed to lift a "maybe" to "same": one is chance
TYPE_MISMATCH_PENALTY = 30.0
CONTEXT_AGAINST_PENALTY = 10.0  # the article points away from the entry: lowered, and never "same"
SHARED_WORD = 60.0  # token similarity from which two name parts are a word in common (a near miss too)
SPORT_MIN_DISTINCT = 2  # a sports report uses at least this many different words of sport ...
SPORT_WORDS_PER_HIT = 100  # ... and one in every hundred of its words is one
SPORT_READ = 20_000  # characters of a text read to tell whether it is a sports report
CLEAR_LEAD = 5.0  # the reference must beat the runner-up by this much
# A list this long holds, for most people an article names, someone a letter, a cognate
# given name (Antonio / Anthony) or a middle name away by chance: from it, a person's name
# not written part for part as the entry's is no evidence without the article's support.
LARGE_LIST = 50_000
MAX_CANDIDATES = 3

_WORD = re.compile(r"[A-Za-z][A-Za-z’'-]+")
_STOP = frozenset(
    """the and for with from that this than was were has have had his her its their which who whom
    whose what when where while after before about into over under also said says would could should
    will been being are not but one two three new former current since until more most other such
    some any all many much very only just then there here they them these those our your you she
    him himself herself itself during between against among through within without""".split()
)


def _sport_words() -> frozenset[str]:
    path = Path(__file__).resolve().parent / "data" / "sport_words.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))


SPORT_WORDS = _sport_words()


def context_words(text: str, spans: Sequence[tuple[int, int]]) -> set[str]:
    """Informative words near the first mentions, with country names and adjectives folded
    to one key ("China's", "Chinese" -> "country:chin")."""
    words: set[str] = set()
    for window in _windows(text, spans):
        words.update(_informative(window))
    return words


def _windows(text: str, spans: Sequence[tuple[int, int]]) -> list[str]:
    # the words around the mention, not the mention itself: a name agreeing with
    # itself is no evidence about which of two look-alike entries it is
    out = []
    for start, end in spans[:4]:
        out += [text[max(0, start - CONTEXT_WINDOW) : start], text[end : end + CONTEXT_WINDOW]]
    return out


def countries_named(text: str) -> set[str]:
    """The keys of the countries `text` names by name (France, UK), not by adjective: the
    adjectives fold too loosely to set two countries apart (Democratic, Eastern)."""
    return {key for word in _WORD.findall(text) if (key := _country_named(word)) is not None}


# Each word is read once per process, not once per window it is seen in: the same words
# come back around every mention and in every candidate's description.
@lru_cache(maxsize=65_536)
def _country_named(word: str) -> str | None:
    """The country key of a word that names a country by name, else None."""
    return _named_country_key(_POSSESSIVE_END.sub("", word)) if word[:1].isupper() else None


def _informative(text: str) -> set[str]:
    return {key for w in _WORD.findall(text) if (key := _informative_key(w)) is not None}


@lru_cache(maxsize=65_536)
def _informative_key(word: str) -> str | None:
    """What a word of `_WORD` counts as in a context: its country key or its lower case,
    possessive cut; None for a short or stop word."""
    w = _POSSESSIVE_END.sub("", word)
    lw = w.lower()
    if len(lw) < 3 or lw in _STOP:
        return None
    return _country_key(w) or lw


_POSSESSIVE_END = re.compile(r"['’]s?$")


def _named_country_key(word: str) -> str | None:
    """The key of the country `word` names ("country:fran"), or None. A country proper,
    not `Place.is_country`, which counts regions too (Britain, the Gulf, the Pacific,
    the Middle East): one of those near a mention would hold against the entry of any
    country in it (the dev sets' cross-reference changes with the wider test)."""
    place = lexicon.place(word)
    if place is not None and place.kind == "country":
        return "country:" + place.canonical.lower()[:4]
    return None


def _country_key(word: str) -> str | None:
    if not word[:1].isupper():
        return None
    if (key := _named_country_key(word)) is not None:
        return key
    if word in vocab.DEMONYMS and len(word) > 4:
        stem = word.lower()
        for suffix in ("ese", "ian", "ean", "ish", "an", "i"):
            if stem.endswith(suffix) and len(stem) - len(suffix) >= 3:
                stem = stem[: -len(suffix)]
                break
        return "country:" + stem[:4]
    return None


def _context_bonus(context: set[str], entry_text: str, names_words: set[str]) -> tuple[float, list[str]]:
    """Words near the mentions that the entry's description uses too, its names' own words
    left out: "United States" around a mention agrees with any entry that names the country."""
    shared = sorted((context & _described(entry_text)) - names_words)
    if not shared:
        return 0.0, []
    return min(CONTEXT_BONUS_PER_WORD * len(shared), CONTEXT_BONUS_MAX), [
        _shown(w, entry_text) for w in shared
    ]


def _shown(word: str, entry_text: str = "") -> str:
    """A word of agreement as the reviewer reads it: a country by the entry's own word for
    it (its key is only a stem that folds "China" and "Chinese" together)."""
    if not word.startswith("country:"):
        return word
    spelt = (w for w in _WORD.findall(entry_text) if _country_key(_POSSESSIVE_END.sub("", w)) == word)
    return next(spelt, word.split(":", 1)[1].title())


def _query_name(entity: Entity, text: str) -> str | None:
    """The name to look up: the fullest; a lone short name only when it can stand alone."""
    name = entity.name
    form = name_form(name)
    if len(form.tokens) >= 2:
        return name
    token = form.tokens[0] if form.tokens else ""
    # acronyms (NATO), places and single-word bodies (Kiev, Hezbollah) stand alone;
    # a lone personal name (Xi, Small) does not
    if entity.type == PERSON and not name.isupper():
        return None
    if len(token) < 3 and not name.isupper():
        return None
    return name


def cross_reference(
    text: str,
    entities: Sequence[Entity],
    index: ReferenceIndex | None,
    thresholds: Thresholds = DEFAULT_THRESHOLDS,
) -> tuple[tuple[Entity, ...], tuple[MergeSuggestion, ...]]:
    out = []
    sport = is_sports_report(text) if index is not None else False
    for entity in entities:
        if index is None or entity.type not in NAMED_TYPES:
            out.append(entity)
            continue
        out.append(_match_entity(text, entity, index, thresholds, sport))
    return tuple(out), suggest_merges(out, thresholds)


def _match_entity(
    text: str, entity: Entity, index: ReferenceIndex, thresholds: Thresholds, sport: bool
) -> Entity:
    query = _query_name(entity, text)
    if query is None:
        return entity
    single = len(name_form(query).tokens) < 2
    hits: list[Hit]
    if single:
        hits = []
        for e_id in index.exact_entries(query):
            entry = index.entry(e_id)
            matched = _listed_form(entry, query)
            hits.append(Hit(entry, matched, compare(query, matched, kind=entity.type)))
    else:
        hits = index.search(query, limit=MAX_CANDIDATES + 2, kind=entity.type)
    context = context_words(text, entity.mentions)
    near_countries = countries_named(" ".join(_windows(text, entity.mentions)))
    longer = _longer_name(text, entity) if entity.type == ORGANIZATION else None
    large = len(index) >= LARGE_LIST
    # a name written as one entry is no misspelling of another
    written_as = [h.entry for h in hits if written_as_listed(entity.name, h.matched)]
    written = written_as[0].name if written_as else None
    scored: list[Match] = []
    for hit in hits:
        match = _judge(entity, hit, (context, near_countries), sport, thresholds, written, large)
        if match is not None and longer is not None and hit.entry.type == ORGANIZATION:
            match = _held_back(match, f"the text writes it in a longer name ('{longer}')")
        if match is not None:
            scored.append(match)
    scored.sort(key=lambda m: -m.score)
    reference = None
    if scored and scored[0].verdict == SAME:
        runner_up = scored[1].score if len(scored) > 1 else 0.0
        # two look-alikes equally close: the reviewer decides; but a name written as one
        # entry alone is that entry, however close its misspelt neighbours score
        if scored[0].score - runner_up >= CLEAR_LEAD or [e.id for e in written_as] == [scored[0].entry_id]:
            reference = scored[0]
    capped = tuple(replace(m, score=min(m.score, 100.0)) for m in scored[:MAX_CANDIDATES])
    if reference is not None:
        reference = capped[0]
    return replace(entity, reference=reference, candidates=capped)


_WORD_BEFORE = re.compile(r"([A-Z][a-z]+) $")
_SENTENCE_END = tuple('.!?:;"“”')


def _longer_name(text: str, entity: Entity) -> str | None:
    """The longer name a mention is part of, when a capitalised word inside a sentence comes
    right before it ("the Sunday Telegraph" for Telegraph): then the text names something
    else than the mention says. Articles, titles and nationalities do not lengthen a name."""
    for start, end in entity.mentions:
        m = _WORD_BEFORE.search(text, max(0, start - 25), start)
        if m is None:
            continue
        word, before = m.group(1), text[max(0, m.start() - 3) : m.start()]
        if not before.strip() or "\n" in before or before.rstrip().endswith(_SENTENCE_END):
            continue  # the word opens a sentence, a line or the text
        if word in vocab.DEMONYMS or word in vocab.PERSON_TITLES or word.lower() in _STOP or word == "A":
            continue
        return f"{word} {text[start:end]}"
    return None


def _initial_for_a_name(mention: str, listed: str) -> bool:
    """Does one of the two stand an initial where the other writes a name (M. Danies /
    Mervyn Davies)?"""
    initials = [sum(len(t) == 1 for t in name_form(n).tokens) for n in (mention, listed)]
    return initials[0] != initials[1]


def _written_part_for_part(mention: str, listed: str) -> bool:
    """Is every part of the mention (initials aside) written as a part of the listed name,
    accents and order aside, and are the listed name's first and last parts among them?
    Only middle names may be left out: Claude Davey for Claude Bard Davey, not Michael
    Lamberty for Michael Lambert, Anthony for Antonio, or Gordon Brown for Snežana Gordon
    Brown."""
    fm, fl = name_form(mention), name_form(listed)
    words = {t for t in fm.tokens if len(t) > 1}
    return (
        bool(words) and words <= set(fl.tokens) and fl.tokens[0] in fm.tokens and fl.tokens[-1] in fm.tokens
    )


def _held_back(match: Match, reason: str) -> Match:
    """`match` with one more thing held against: "maybe" at most."""
    verdict = MAYBE if match.verdict == SAME else match.verdict
    return replace(match, verdict=verdict, why=f"{match.why}; held against: {reason}")


def _listed_form(entry: Entry, query: str) -> str:
    """The name or alias of `entry` that `query` equals once normalised."""
    key = name_form(query).key
    return next((n for n in entry.names if name_form(n).key == key), entry.name)


def _judge(
    entity: Entity,
    hit: Hit,
    near: tuple[set[str], set[str]],
    sport: bool,
    thresholds: Thresholds,
    written_as: str | None,
    large: bool = False,
) -> Match | None:
    """The candidate as the reviewer sees it, or None when it is no match at all.

    A name written as the entry or an alias is "same" on the strength of the string (unless
    the types disagree). Any other name is "same" only when the matcher says so, words near
    the mentions agree with the entry's description, and nothing is held against it;
    otherwise it is at best "maybe", shown and never accepted. `near`: the informative words
    near the mentions, and the countries named there. `large`: the list is so long that a
    person's name spelt otherwise than the entry's is there by chance (`LARGE_LIST`)."""
    context, near_countries = near
    entry = hit.entry
    score = hit.comparison.score
    why = [hit.comparison.why]
    if hit.matched != entry.name:
        why.insert(0, f"listed as an alias ('{hit.matched}')")
    names_words = _informative(" ".join((entity.name, *entry.names)))
    bonus, shared = _context_bonus(context, entry.description, names_words)
    if bonus and score >= thresholds.maybe:  # context tips a near match, never makes one
        score += bonus
        why.append("context: " + ", ".join(shared[:4]))
    written = written_as_listed(entity.name, hit.matched)
    against = [] if written else contrary_evidence(entity.name, entity.type, hit.matched, entry.type)
    if written_as is not None and not written:
        against.append(f"written as another entry ('{written_as}')")
    disagreeing = [] if written else _context_against(near_countries, entry.description, sport)
    if disagreeing:
        score -= CONTEXT_AGAINST_PENALTY
    if entry.type != entity.type:
        score -= TYPE_MISMATCH_PENALTY
        against.insert(0, f"the list has a {entry.type}, the text a {entity.type}")
    score = max(0.0, score)  # may pass 100 with context: ties are judged before capping
    verdict = thresholds.verdict(score)
    if verdict == DIFFERENT:
        return None
    thin = (
        against
        or hit.comparison.held_against
        or _initial_for_a_name(entity.name, hit.matched)
        or (large and entity.type == PERSON and not _written_part_for_part(entity.name, hit.matched))
    )
    if not written and not shared and thin:
        # Thin string evidence and nothing in the article for it: in a list of a million
        # names such a neighbour is there by chance for most names, so it is not put
        # before the reviewer at all (an initial is one letter of evidence).
        return None
    against += disagreeing
    why += [f"held against: {reason}" for reason in against]
    lifted = not written and hit.comparison.score < thresholds.same and len(shared) < CONTEXT_LIFT_WORDS
    if verdict == SAME and (against or lifted or not (written or shared)):
        verdict = MAYBE
        if lifted and not against:
            why.append("not accepted: one word near it agreeing with the entry is not enough")
        elif not against:
            why.append("not accepted: no words near it agree with the entry's description")
    return Match(
        name=entry.name,
        score=round(score, 1),
        list=entry.list,
        verdict=verdict,
        why="; ".join(w for w in why if w),
        type=entry.type,
        description=entry.description,
        source=entry.source,
        entry_id=entry.id,
    )


def written_as_listed(mention: str, listed: str) -> bool:
    """Is the mention the listed name as written, up to case, punctuation and a leading
    "The"? Anything else, an accent left out too (Micheál / Michael: one name, or two
    people), is a judgement of the matcher's, open to doubt."""
    return _plain_words(mention) == _plain_words(listed)


def _plain_words(name: str) -> tuple[str, ...]:
    words = tuple(re.findall(r"\w+", name.casefold()))
    return words[1:] if len(words) > 1 and words[0] == "the" else words


_CONJUNCTIONS = frozenset("and & or und et".split())


def contrary_evidence(mention: str, mention_type: str, listed: str, listed_type: str) -> list[str]:
    """What in the two names themselves says a mention written unlike the listed name is
    another thing: one word in common, a place standing for an organisation named after it,
    an adjective or two names joined by a conjunction where the list has a name."""
    out = []
    fm, fl = name_form(mention), name_form(listed)
    if not (fm.ideographic or fl.ideographic):
        common = _shared_words(fm, fl)
        if max(len(fm.tokens), len(fl.tokens)) >= 2 and len(common) <= 1:
            out.append(f"only one word in common ({', '.join(common) or 'none'})")
        if listed_type == ORGANIZATION and _reordered(fm, fl):
            out.append("its words in another order: another body")
    if listed_type == ORGANIZATION and len(fl.tokens) > len(fm.tokens) and _is_place(mention):
        out.append(f"'{mention}' is a place; the organisation is named after it")
    words = [w for w in re.split(r"[\s\-–]+", mention) if w]
    adjectives = [w for w in words if w in vocab.DEMONYMS]
    if len(adjectives) >= 2 and len(adjectives) == len(words):
        out.append(f"an adjective pair ('{mention}')")
    elif (
        mention_type != PERSON
        and words
        and words[-1] in vocab.DEMONYMS
        and _plain_words(listed)[-1:] != (words[-1].lower(),)
    ):
        out.append(f"'{mention}' ends in an adjective, not a name")
    joined = _CONJUNCTIONS & {w.lower() for w in words}
    if joined and not joined & {w.lower() for w in listed.split()}:
        out.append(f"two names joined by '{min(joined)}'")
    return out


def _shared_words(fm: NameForm, fl: NameForm) -> list[str]:
    """The mention's words (initials aside) that meet a word of the listed name, as the
    matcher judges tokens: equal, the same sound, a typo or a near miss apart."""
    loose = fm.accented or fl.accented
    cross = fm.transliterated != fl.transliterated
    return [
        x
        for x in fm.tokens
        if len(x) > 1
        and any(len(y) > 1 and token_similarity(x, y, loose, cross)[0] >= SHARED_WORD for y in fl.tokens)
    ]


def _reordered(fm: NameForm, fl: NameForm) -> bool:
    """Do the words the two names share come in another order (European Council / Council of
    the European Union)? The order of a body's words is part of its name."""
    at = [fl.tokens.index(x) for x in fm.tokens if x in fl.tokens]
    return at != sorted(at)


def _is_place(name: str) -> bool:
    return lexicon.place(name) is not None or (name.isupper() and lexicon.place(name.title()) is not None)


# An entry's description is read once per process: the same entries are candidates in
# article after article.
@lru_cache(maxsize=8_192)
def _described(description: str) -> frozenset[str]:
    """The informative words of an entry's description."""
    return frozenset(_informative(description))


@lru_cache(maxsize=8_192)
def _countries_listed(description: str) -> frozenset[str]:
    """The countries an entry's description names in its first clause (what and of where)."""
    return frozenset(countries_named(_CLAUSE.split(description, 1)[0]))


def _context_against(near_countries: set[str], description: str, sport: bool) -> list[str]:
    """What the article says near the mentions that the entry's description contradicts:
    a sports report for someone who is not in sport; countries, none of them one that the
    description opens with ("Foreign ministry of Germany", "Speaker of the parliament of
    Ireland": what the entry is and of where; later clauses name countries in passing)."""
    out = []
    if sport and not _described(description) & SPORT_WORDS:
        out.append("a sports report; the entry is not in sport")
    listed = _countries_listed(description)
    if near_countries and listed and not near_countries & listed:
        out.append(
            f"the text names {', '.join(sorted(map(_shown, near_countries))[:3])}, "
            f"the entry {', '.join(sorted(_shown(c, description) for c in listed)[:3])}"
        )
    return out


_CLAUSE = re.compile(r"[,;(]")


def is_sports_report(text: str) -> bool:
    """Does the text read as a sports report: several words of sport, often? Its opening
    decides (headline, lede and the first pages), so a long text costs no more."""
    words = [w for w in (w.strip(_PUNCTUATION) for w in text[:SPORT_READ].lower().split()) if w[:1].isalpha()]
    hits = [w for w in words if w in SPORT_WORDS]
    return len(set(hits)) >= SPORT_MIN_DISTINCT and len(hits) * SPORT_WORDS_PER_HIT >= len(words)


_PUNCTUATION = ".,;:!?()[]\"'“”‘’"

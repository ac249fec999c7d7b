"""Pass 3 of the mention finder: the votes for each type, and one type per surface.

Each occurrence gets evidence for each type from its shape (organisation heads, given
names and surnames, East Asian name order), from the gazetteer, from the reference list,
and from its context (a title, a role noun, "X said", "in X", apposition). Votes are
summed per surface over the whole text (one sense per discourse), and short forms take
the type of the full names they belong to, so a later "Small said" is the Andrew Small
named before. The weights are `weights.Weights`.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path

from newsreader.analysis import lexicon, names, numberwords, translit, vocab
from newsreader.analysis.mention_evidence import Occurrence
from newsreader.analysis.mention_runs import is_acronym, strip_possessive
from newsreader.analysis.model import GROUP, ORGANIZATION, OTHER, PERSON, PLACE
from newsreader.analysis.weights import CUTOFFS, WEIGHTS

W = WEIGHTS

# Acronyms that are common nouns in news, not names.
NOT_ACRONYMS = frozenset(
    """
    CEO CFO COO CTO GDP GNP TV PM AM OK ID IQ DNA RNA HIV AIDS COVID SARS IPO VAT GMT BST EST
    EDT PST PDT UTC CET FAQ PDF URL USD EUR GBP JPY CNY RUB SUV MP MPs MEP MEPs QC KC MD PhD BA
    MA MBA BSc MSc LLB ATM PIN SMS GPS USB CD DVD PC IT AI VR UN-backed NB PS PPS RIP AKA DIY
    TBA TBC ET AD BC BCE CE II III IV VI VII VIII IX XI XII XIII XIV XV XX HQ HR PR RSVP ASAP
    FYI LOL OMG NHS-run GCSE A-level ICU ER CPR MRI CT LGBT LGBTQ ESG ETF IMO MVP NBA-style
    """.split()
)


def vote_shape(occ: Occurrence, known: Mapping[str, str]) -> None:
    """The votes a name's own words give: the reference list, the gazetteer, heads and
    openers, acronyms, country adjectives, the shape of a personal name."""
    for kind, weight, reason in _shape_votes(occ.text, occ.tokens, occ.initial, known.get(occ.text)):
        occ.vote(kind, weight, reason)


Vote = tuple[str, float, str]  # a type, its weight, the reason given


@lru_cache(maxsize=16384)
def _shape_votes(
    surface: str, tokens: tuple[str, ...], initial: bool, known_type: str | None
) -> tuple[Vote, ...]:
    """`vote_shape`'s votes, one by one in the order given, for a surface of these tokens
    whose type in the reference list is `known_type` (the one thing of it they read).
    Worked out once: a run's parts recur in other runs ("Omsk" in "The Omsk Bank")."""
    votes: list[Vote] = []

    def vote(kind: str, weight: float, reason: str) -> None:
        votes.append((kind, weight, reason))

    words = list(tokens)
    if known_type is not None:
        vote(known_type, W.reference_list, "in the reference list")
    last = words[-1]
    place = lexicon.place(surface)
    if place is not None:
        weight = _place_weight(place, surface)
        vote(
            PLACE,
            weight,
            f"gazetteer: {place.kind}" + (f" ({place.canonical})" if place.canonical != surface else ""),
        )
    if len(surface.rstrip(".")) == 1:
        vote(OTHER, W.not_a_name, "")  # a lone letter: a list item, a grade, an initial
        return tuple(votes)
    if len(words) == 1 and _is_date_or_rank_word(surface):
        vote(OTHER, W.not_a_name, "")
        return tuple(votes)
    if is_acronym(surface):
        if surface in NOT_ACRONYMS or _shouted_word(surface):
            vote(OTHER, W.not_a_name, "")
        elif place is None:
            vote(ORGANIZATION, W.acronym, "acronym")
        return tuple(votes)
    if len(words) == 1 and (surface in vocab.DEMONYMS or surface.rstrip("s") in vocab.DEMONYMS):
        vote(GROUP, W.demonym, "country adjective or group")
        return tuple(votes)
    head_before = _HEAD_BEFORE_CONNECTOR.search(surface)
    if head_before and head_before.group(1) in vocab.ORG_HEADS and last not in vocab.PLACE_HEADS:
        last = head_before.group(1)  # "Patriotic Union of Kurdistan": the head is before "of"
    if (last in vocab.ORG_HEADS and len(words) > 1) or (words[0] in vocab.ORG_OPENERS and " of " in surface):
        if words[0] in vocab.PLACE_OPENERS and " of " in surface and last not in vocab.ORG_HEADS:
            vote(PLACE, W.place_opener, f"'{words[0]} of …'")
        elif not (
            last in ("Bank", "Sea") and words[0] in ("West", "East", "North", "South", "Red", "Black", "Dead")
        ):
            vote(
                ORGANIZATION,
                W.organization_head,
                f"ends in '{last}'" if last in vocab.ORG_HEADS else f"'{words[0]} of …'",
            )
    elif " in " in surface:
        # the segments keep "in" inside a name only for a body named for its cause and
        # its country ("Human Rights in China")
        vote(ORGANIZATION, W.organization_head, "'… in' a place")
    elif len(words) > 1 and last in vocab.PLACE_HEADS:
        vote(PLACE, W.place_head, f"ends in '{last}'")
    elif len(words) > 1 and last in _EVENT_HEADS:
        vote(OTHER, W.event_head, f"ends in '{last}'")
    if len(words) == 1 and _CAMEL_CASE.search(surface):
        vote(ORGANIZATION, W.camel_case, "a capital inside the word")
    if words[0] in vocab.DEMONYMS and len(words) > 1 and last not in vocab.ORG_HEADS:
        vote(OTHER, W.demonym_first, "")
    person = names.person_name_score(words)
    if person:
        vote(PERSON, min(person, W.person_shape_cap) * W.person_shape_scale, _person_reason(words))
    if len(words) == 1 and not place and known_type is None:
        if names.is_surname(surface):
            vote(PERSON, W.surname_alone, "a surname")
        elif names.given_name_strength(surface) >= W.strong_given_name:
            vote(PERSON, W.given_name_alone, "a given name")
        elif lexicon.zipf(surface) >= CUTOFFS.common_word_alone and not surface.isupper():
            vote(OTHER, W.common_word_alone, "")  # "Women", "Market": a very common word, capitalised
        elif initial and (
            lexicon.zipf(surface) >= CUTOFFS.sentence_start_only or surface.lower().endswith(_COMMON_ENDINGS)
        ):
            # a capital that only the sentence start explains ("Dockers voted",
            # "Nevertheless"): not a name unless the word is capitalised elsewhere too
            vote(OTHER, W.sentence_start_only, "")
        else:
            vote(ORGANIZATION, W.unknown_word_organization, "")
            vote(PERSON, W.unknown_word_person, "")
    return tuple(votes)


def vote_uncased(occ: Occurrence, script: str, known: Mapping[str, str]) -> None:
    """The votes for a name in a script without capitals (`mention_runs.uncased_runs`):
    the reference list's type, the gazetteer's for a big place read in Latin letters
    (北京 -> Beijing, 서울 -> Seoul), and a modest vote for a person, which they outweigh."""
    surface = occ.text
    if surface in known:
        occ.vote(known[surface], W.reference_list, "in the reference list")
    latin = " ".join(w.capitalize() for w in translit.to_ascii(surface).split())
    place = lexicon.place(latin) if latin else None
    if place is not None and (place.is_large or place.population >= W.big_city_population):
        occ.vote(PLACE, _place_weight(place, latin), f"gazetteer: {place.kind} ({place.canonical})")
    occ.vote(PERSON, W.uncased_name_person, f"a name in {script.title()} script")


def _data_lines(name: str) -> list[str]:
    """The lines of a file in data/, without its '#' header and blank lines."""
    lines = (Path(__file__).resolve().parent / "data" / name).read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


_MONTH_ABBREVIATIONS = frozenset(_data_lines("month_abbreviations.txt"))


def _shouted_word(surface: str) -> bool:
    """ "ISSUE", "ORDERS": a common English word of four letters or more written in capitals
    (a table's heading, a label), not an acronym, which is rarely a word that common."""
    return len(surface) >= 4 and lexicon.zipf(surface.lower()) >= CUTOFFS.shouted_word


def _is_date_or_rank_word(word: str) -> bool:
    """ "Sept", "Oct" (a month before its day), "Fourth", "Twentieth" (a rank): no names,
    unless a given name too ("Jan")."""
    if word.lower() in numberwords.WORDS:
        return True
    return word in _MONTH_ABBREVIATIONS and names.given_name_strength(word) < W.given_name_too


# "TimeWarner", "PayPal": a capital after a lower-case letter inside one word names a
# brand; a surname's prefix (McDonald, MacArthur, DeVos, DiCaprio, LeBlanc, VanDyke) does not
_CAMEL_CASE = re.compile(r"^(?!Mc|Mac|De|Di|Du|Da|La|Le|Van|Von|Fitz)[A-Z][a-z]+[A-Z][a-z]")
_HEAD_BEFORE_CONNECTOR = re.compile(r"(?<= )(\w+) (?:of|for)\b")

# Endings of English common nouns, verbs and adverbs, rare in names.
_COMMON_ENDINGS = ("ers", "ing", "ings", "ed", "ly", "tion", "tions", "ment", "ments", "ness", "ities", "ism")

_EVENT_HEADS = frozenset(
    """
    War Wars Crisis Revolution Summit Olympics Games Election Elections Agreement Accord Accords
    Treaty Act Bill Plan Initiative Protocol Convention Doctrine Declaration Charter Award
    Awards Prize Day Week Festival Conference Talks Process Deal Pact Movement Spring Era Age
    Code Constitution Amendment
    """.split()
)


def _person_reason(words: list[str]) -> str:
    if names.looks_like_east_asian_name(words):
        return "East Asian name order (family name first)"
    if names.given_name_strength(words[0]) >= W.given_name_in_reason:
        return f"'{words[0]}' is a given name"
    return "shaped like a personal name"


def _place_weight(place: lexicon.Place, surface: str) -> float:
    if place.is_large:
        weight = W.country_or_region
    elif place.kind == "admin":
        weight = W.admin_area
    elif place.population >= W.big_city_population:
        weight = W.big_city
    elif place.population >= W.city_population:
        weight = W.city
    else:
        weight = W.town
    if " " not in surface:
        if names.given_name_strength(surface) >= W.given_name_too or names.is_surname(surface):
            # a person's name too (Jordan, Kent); an administrative area less often so
            weight -= W.admin_also_person if place.kind == "admin" else W.place_also_person
        if (
            lexicon.zipf(surface) >= CUTOFFS.place_also_word
            and place.kind == "city"
            and place.population < W.big_city_population
        ):
            weight -= W.place_also_word  # a common word too (Reading, Mobile, Nice)
    return max(weight, W.place_least)


_SPEECH_AFTER = vocab.SPEECH_VERBS
_PLACE_PREPS = frozenset(
    """
    in at near from to into across throughout outside inside via toward towards
    """.split()
)


_SPORTS_WORD_FORMS = (
    r"beat|beats|drew|innings|wickets?|goals?|scored|halftime|half-time|league|cup|"
    r"championship|tournament|semi-finals?|quarter-finals?|playoffs?|standings|striker|midfielder|"
    r"goalkeeper|batsman|bowler|pitcher|touchdown|inning|rebounds|seeded|referee|penalty|match|"
    r"matches|points|season|coach|victory|defeat"
).split("|")


def _by_first_letter(forms: list[str]) -> str:
    """The alternation of `forms`, in their order, grouped by their first letter behind a
    lookahead for those letters: under re.I the engine has no first character to scan
    for, and would try every form at every word boundary; so it passes over boundaries
    where none can start, and tries one letter's forms where one can. The same matches:
    forms of other first letters never match at the same place."""
    groups: dict[str, list[str]] = {}
    for form in forms:
        groups.setdefault(form[0], []).append(form[1:])
    alternatives = "|".join(f"{letter}(?:{'|'.join(rests)})" for letter, rests in groups.items())
    return f"(?=[{''.join(groups)}])(?:{alternatives})"


# an eighth of the time of the forms tried one by one, on news
_SPORTS_WORDS = re.compile(rf"\b{_by_first_letter(_SPORTS_WORD_FORMS)}\b", re.I)
_TEAM_AFTER = re.compile(
    r"[ \t]*(?:\d|(?:beat|beats|drew|draw|won|lost|lead|led|v|vs|vs\.|held|edged|"
    r"thrashed|routed|crushed|downed|defeated|blanked|rallied|clinched)\b)"
)
_TEAM_BEFORE = re.compile(r"\b(?:beat|v|vs\.?|against|over|at home to|draw with|drew with|lost to)[ \t]*$")


def _team_cues() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The words before and after a town's name that make it a team (data/team_cues.tsv)."""
    cues: dict[str, list[str]] = {"before": [], "after": []}
    for line in _data_lines("team_cues.tsv"):
        side, words = line.split("\t")
        cues[side].append(re.escape(words.strip()).replace("\\ ", "[ \t]+"))
    before = re.compile(rf"\b(?:{'|'.join(cues['before'])})[ \t]+$", re.I)
    after = re.compile(rf"[ \t]+(?:{'|'.join(cues['after'])})\b", re.I)
    return before, after


_TEAM_CUE_BEFORE, _TEAM_CUE_AFTER = _team_cues()
# "Surrey v Kent", "May 17 v Westshire": fixtures, a sports report's mark even where few
# sports words are used (a touring side's programme)
_FIXTURE = re.compile(r"[\w'’.)-][ \t]+(?:v|vs)[ \t]+[A-Z]")
_FIXTURES_FOR_SPORTS = 2
# what every fixture holds: "v" or "vs" between spaces or tabs
_FIXTURE_MARKS = tuple(f"{before}{v}{after}" for before in " \t" for v in ("v", "vs") for after in " \t")
_LOCATIVE_BEFORE = re.compile(r"\b(?:in|at|near|from|to|into|of|across|outside|around)[ \t]+$", re.I)


def is_sports_report(text: str) -> bool:
    """Sports news names teams after their towns ("Surrey beat Kent"); a text is read as
    one when sports vocabulary is dense in it."""
    sample = text[:20000]
    words = max(len(sample.split()), 1)
    if _fixtures(sample) >= _FIXTURES_FOR_SPORTS:
        return True
    return len(_SPORTS_WORDS.findall(sample)) / words > W.sports_words_share


def _fixtures(sample: str) -> int:
    """How many fixtures ("Surrey v Kent") `sample` holds. The pattern opens with a class
    of nearly every character, so the engine tries it at each of them; most texts have no
    " v " at all, which a search for the marks tells at a fraction of the cost."""
    if not any(mark in sample for mark in _FIXTURE_MARKS):
        return 0
    return len(_FIXTURE.findall(sample))


def vote_team(text: str, occ: Occurrence) -> None:
    """In a sports report a town or county followed by a score or by "beat" is a team.
    Countries keep their type: news and its annotation conventions treat national teams
    by their country."""
    if PLACE not in occ.votes or occ.votes.get(PLACE, 0) <= 0:
        return
    place = lexicon.place(occ.text) or lexicon.place(occ.text.title())
    if place is None or place.is_large:
        return
    if (
        _TEAM_AFTER.match(text, occ.end)
        or _TEAM_BEFORE.search(text, max(0, occ.start - 20), occ.start)
        or _TEAM_CUE_AFTER.match(text, occ.end)
        or _TEAM_CUE_BEFORE.search(text, max(0, occ.start - 20), occ.start)
    ):
        occ.vote(ORGANIZATION, W.team_with_result, "a team named after its town (sports report)")
    elif not _LOCATIVE_BEFORE.search(text, max(0, occ.start - 12), occ.start):
        # "Surrey reached 372", "Kent, however, look tired": a town doing things is its team
        occ.vote(ORGANIZATION, W.team_acting, "a team named after its town (sports report)")


def vote_context(text: str, occ: Occurrence) -> None:
    """The votes the words around the occurrence give."""
    before = text[max(0, occ.start - 40) : occ.start]
    after = text[occ.end : occ.end + 60]
    for kind, weight, reason in _context_votes(*_context(before, after, len(occ.tokens) == 1)):
        occ.vote(kind, weight, reason)


def _context(
    before: str, after: str, single: bool
) -> tuple[str, bool, str, str, bool, bool, bool, bool, bool]:
    """What the votes of `_context_votes` read of the words around a name. The strings
    about each occurrence differ, but what is read of them recurs, so the votes are worked
    out once for each reading: a word before or after that no vote names counts as none."""
    prev = _word_before(before).lower()
    if prev not in _WORDS_BEFORE_READ:
        prev = ""
    wa = _WORD_AFTER.match(after)
    punct, nxt = (wa.group(1), (wa.group(2) or "").lower()) if wa else ("", "")
    return (
        prev,
        before.rstrip().endswith(prev),  # the word before is the last thing before the name
        punct,
        nxt if nxt in _WORDS_AFTER_READ else "",
        single,
        after.startswith(("'s", "’s")),
        punct == "," and _apposition(after, wa, nxt),
        _IN_A_STATEMENT.match(after) is not None,
        nxt == "-based" or after.startswith("-based"),
    )


def _word_before(before: str) -> str:
    """The word that ends `before`, spaces after it aside, or "": what the regular
    expression `([\\w’'-]+)[ \\u00a0]*$` finds, with its `$` before a last line end too. Read
    backwards from the end: searched, the expression tries every one of the 40 characters."""
    body = before[:-1] if before.endswith("\n") else before  # `$` matches before a last "\n"
    end = len(body.rstrip(" \u00a0"))
    word = _WORD_REVERSED.match(body[end - 1 :: -1]) if end else None
    return body[end - word.end() : end] if word else ""


def _apposition(after: str, wa: re.Match[str] | None, nxt: str) -> bool:
    """ "Dana Reyes, who…", ", 43,", ", a lawyer at…": an apposition after a person's name
    and its comma."""
    if not (nxt in ("a", "an", "the", "who", "whose", "aged") or (nxt.isdigit() and len(nxt) <= 2)):
        return False
    tail = after[wa.end() if wa else 0 :][:40].lower() if wa else ""
    role = tail.split()[0] if tail.split() else ""
    return (
        nxt in ("who", "whose", "aged")
        or nxt.isdigit()
        or role in vocab.ROLE_NOUNS
        or any(w in vocab.ROLE_NOUNS for w in tail.split()[:3])
    )


@lru_cache(maxsize=16384)
def _context_votes(
    prev: str,
    adjacent: bool,
    punct: str,
    nxt: str,
    single: bool,
    possessive: bool,
    apposition: bool,
    statement: bool,
    based: bool,
) -> tuple[tuple[str, float, str], ...]:
    """Votes from the words around a name (`_context`): a title or role noun before it, a
    speech verb, a preposition of place, "the", an apposition after it."""
    occ = Occurrence(0, 0, "", (), False)
    if prev in vocab.ROLE_NOUNS and not punct:
        occ.vote(PERSON, W.role_noun_before, f"after '{prev}'")
    if nxt in _SPEECH_AFTER and not punct and nxt not in ("reports", "reported", "calls", "called", "posted"):
        occ.vote(PERSON, W.speech_verb_after, f"'{nxt}' follows")
        occ.vote(ORGANIZATION, W.speech_verb_after_organization, "")
    if prev in _SPEECH_AFTER and adjacent and not possessive:
        occ.vote(PERSON, W.after_speech_verb, f"after '{prev}'")
    if prev in _PLACE_PREPS:
        occ.vote(PLACE, W.place_preposition_single if single else W.place_preposition, f"after '{prev}'")
        occ.vote(ORGANIZATION, W.place_preposition_organization, "")
    if prev == "the":
        occ.vote(ORGANIZATION, W.after_the_organization, "after 'the'")
        occ.vote(PLACE, W.after_the_place, "")
        occ.vote(PERSON, W.after_the_person, "")
    if apposition:
        occ.vote(PERSON, W.apposition, "apposition")
    if punct == "," and nxt in vocab.ROLE_NOUNS:
        occ.vote(PERSON, W.apposition_role, f"apposition: '{nxt}'")
    if prev in _BODY_NOUNS["before"] and adjacent:
        occ.vote(ORGANIZATION, W.body_noun_before, f"after '{prev}'")
    if nxt in _BODY_NOUNS["after"] and not punct:
        occ.vote(ORGANIZATION, W.body_noun_after, f"'{nxt}' follows")
    if statement:
        # "Kestra said in a statement": bodies speak through statements more than people do
        occ.vote(ORGANIZATION, W.said_in_a_statement, "'said in a statement' follows")
    if nxt in vocab.LEGAL_FORMS_AFTER:
        occ.vote(ORGANIZATION, W.legal_form_after, f"'{nxt}' follows")
    if based:
        occ.vote(PLACE, W.based_after, "")
    return tuple((kind, weight, occ.reasons_for(kind)) for kind, weight in occ.votes.items())


def _body_nouns() -> dict[str, frozenset[str]]:
    """The nouns for kinds of bodies read before and after a name (data/body_nouns.tsv)."""
    sides: dict[str, set[str]] = {"before": set(), "after": set(), "statement": set()}
    for line in _data_lines("body_nouns.tsv"):
        side, noun = line.split("\t")
        sides[side].add(noun.strip())
    return {side: frozenset(nouns) for side, nouns in sides.items()}


_BODY_NOUNS = _body_nouns()
_IN_A_STATEMENT = re.compile(
    rf"[ \u00a0]+(?:said|says)[ \u00a0]+in[ \u00a0]+(?:a|an|its)[ \u00a0]+(?:\w+[ \u00a0]+)?"
    rf"(?:{'|'.join(sorted(map(re.escape, _BODY_NOUNS['statement']), key=len, reverse=True))})\b"
)
_WORD_AFTER = re.compile(r"[ \u00a0]*([,;:]?)[ \u00a0]*([\w’'-]+)?")
_WORD_REVERSED = re.compile(r"[\w’'-]+")  # a word before a name, its letters read backwards
# the words before and after a name that some vote of `_context_votes` names
_WORDS_BEFORE_READ = vocab.ROLE_NOUNS | _SPEECH_AFTER | _PLACE_PREPS | {"the"} | _BODY_NOUNS["before"]
_WORDS_AFTER_READ = _SPEECH_AFTER | vocab.ROLE_NOUNS | _BODY_NOUNS["after"] | vocab.LEGAL_FORMS_AFTER


class Tally:
    """One type per surface for the whole document: the evidence of all its occurrences,
    added one occurrence at a time."""

    def __init__(self) -> None:
        self.totals: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
        self.reasons: dict[str, dict[str, str]] = defaultdict(dict)

    def add(self, occ: Occurrence) -> None:
        if occ.votes:  # a surface without votes gets no entry
            totals = self.totals[occ.text]
            for kind, weight in occ.votes.items():
                totals[kind] += weight
        if occ.reasons:
            reasons = self.reasons[occ.text]
            for reason in occ.reasons:
                reasons.setdefault(reason, reason)

    def decide(self) -> dict[str, tuple[str, str, str]]:
        """surface -> (type, the reasons for it, the surface's string as kept here), for the
        surfaces the evidence types."""
        return _decide_types(self.totals, self.reasons)


def _decide_types(
    totals: dict[str, dict[str, float]], reasons: dict[str, dict[str, str]]
) -> dict[str, tuple[str, str, str]]:
    # full person names lend their type to their parts ("Andrew Small" -> "Small")
    person_parts: dict[str, float] = defaultdict(float)
    for surface, votes in totals.items():
        if " " in surface and votes and max(votes, key=lambda k: votes[k]) == PERSON:
            for part in surface.split():
                if part[:1].isupper() and part not in vocab.NOT_NAMES:
                    person_parts[strip_possessive(part)] += votes[PERSON]
    # a company's name without its legal form or last word is the company ("NationsBank
    # Corp." -> "NationsBank", "Nissan Motor" -> "Nissan")
    company_bases: set[str] = set()
    for surface, votes in totals.items():
        words = surface.rstrip(".").split()
        if (
            len(words) >= 2
            and (words[-1] in vocab.LEGAL_FORMS or words[-1] in vocab.COMPANY_TAILS)
            and votes
            and max(votes, key=votes.__getitem__) == ORGANIZATION
        ):
            company_bases.add(" ".join(words[:-1]))
    decided: dict[str, tuple[str, str, str]] = {}
    said: dict[str, str] = {}  # one string for each set of reasons, which many surfaces share
    for surface, votes in totals.items():
        if " " not in surface and surface in person_parts:
            votes[PERSON] += min(person_parts[surface], W.person_part_cap) + W.person_part_bonus
            reasons[surface]["part of a person's name in this text"] = ""
        if surface in company_bases:
            votes[ORGANIZATION] += W.company_named_in_full
            reasons[surface]["a company named in full in this text"] = ""
        if not votes:
            continue
        kind = max(votes, key=lambda k: votes[k])
        if votes[kind] <= W.least_to_type:
            continue
        why = "; ".join(reasons[surface])[:200]
        decided[surface] = (kind, said.setdefault(why, why), surface)
    return decided

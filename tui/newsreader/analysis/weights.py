"""The numbers names are typed by: the mention finder's vote weights and the word-frequency
cut-offs of the rules that read a word's commonness.

A vote is evidence that one occurrence of a name is of one type. The votes of all the
occurrences of a surface are summed over the text and the largest sum wins
(`mention_votes`), so what matters is how the weights compare, not their size. The scale:

- 8 and more: decisive alone; a reference list's entry or a speaker's label;
- 5 to 7: the name's own shape or the gazetteer (it ends in "Ministry", it is a country);
- 1 to 3.5: mostly a cue from the words around one occurrence, which a few must agree on;
- under 1: a tie-breaker between types nothing else tells apart.

Each comment says what its weight has to beat or give way to. Changing one changes the
analysis: prove a change with `benchmarks/analysis_diff.py` and measure it on the eval sets.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Weights:
    """Votes for a type, and the thresholds of the evidence that gives them."""

    # --- decisive evidence
    # a list's entry was typed by people who knew the entity: only another decisive vote
    # (a label, a table) or many occurrences' context can outweigh it
    reference_list: float = 8.0
    # "WALLACE:" opening two lines of a transcript is a speaker whatever the word looks like
    speaker_label: float = 8.0
    # a name in a results table is a club: more than any gazetteer vote (7 at most)
    table_team: float = 8.0
    # "NationsBank" after "NationsBank Corp." in the same text: as strong as a list's entry
    company_named_in_full: float = 8.0
    # a lone letter ("A", "B.") or a common-noun acronym (CEO, GDP): more than any other
    # single vote, so such a word stays untyped unless a list's entry and context agree
    not_a_name: float = 10.0

    # --- the name's own shape
    # "Secretary General Jens Stoltenberg": the title says person, as strongly as a head
    # says organisation, and less than the reference list
    after_title: float = 6.0
    # "... Ministry", "Bank of ...": an organisation head; about the most a personal
    # name's shape gives (6.4), so neither outweighs the other by much alone
    organization_head: float = 6.0
    # "Gulf of Mexico", "Cape of Good Hope": a place's opener with its "of"
    place_opener: float = 5.0
    # "... Street", "... Island": a place head, a little under an organisation head, which
    # the same words can end (a "... Bank" may be either)
    place_head: float = 5.0
    # "... War", "... Treaty": an event or a law, named but not typed
    event_head: float = 5.0
    # "Chinese", "Democrats" alone: a group; as strong as a country's gazetteer vote, so
    # a word that is both is decided by the words around it
    demonym: float = 7.0
    # "Chinese Foreign Ministry" starts with a country adjective: a hint of "other", which
    # an organisation or place head outvotes
    demonym_first: float = 2.0
    # "NATO", "IBM": most acronyms in news are organisations; given only where the
    # gazetteer knows no place of the name ("US", "UK"), weaker than a shape vote
    acronym: float = 3.5
    # "TimeWarner": a capital inside a word, a brand's mark; the strength of a cue, so "said"
    # after it or a person's first name before it can still outvote it
    camel_case: float = 3.0
    # a name's shape score (names.person_name_score, 0 to 18) counts this much a
    # point, up to `person_shape_cap` points: 6.4 at most, about a shape vote's strength,
    # so a personal name's shape and an organisation head are weighed alike
    person_shape_scale: float = 0.8
    person_shape_cap: int = 8
    # one word alone, known as a surname: a hint, which "said" after it confirms
    surname_alone: float = 1.5
    # one word alone, known as a common given name: less than a surname, since news refers
    # to people by their surname
    given_name_alone: float = 1.0
    # one very common word alone ("Women", "Market"): not a name unless context says so
    common_word_alone: float = 2.0
    # a word only the sentence's start capitalises ("Nevertheless"): as for a common word
    sentence_start_only: float = 2.0
    # an unknown capitalised word: a tie-breaker that leans to organisation, just over
    # `least_to_type`, so such a word is kept as an organisation unless context differs
    unknown_word_organization: float = 0.8
    unknown_word_person: float = 0.7
    # a short run of a script without capitals amid Latin prose ("Xi Jinping (习近平)"):
    # a name, most often a person's as news glosses them; a speech verb's strength, so a
    # reference list's entry, the gazetteer or a body noun before it outvotes it
    uncased_name_person: float = 2.0

    # --- the gazetteer
    # countries, continents, regions: as strong as a demonym, under the decisive votes
    country_or_region: float = 7.0
    # a state or province: under a country, since more are also people's or firms' names
    # (Georgia, Victoria)
    admin_area: float = 5.0
    # cities by their population: the bigger, the likelier the name means the city
    big_city: float = 6.0
    big_city_population: int = 1_000_000
    city: float = 4.0
    city_population: int = 100_000
    town: float = 2.5
    # a one-word place that is a person's name too (Jordan, Kent) loses this much; an
    # administrative area less, since fewer are
    place_also_person: float = 2.5
    admin_also_person: float = 1.0
    # a small city whose name is a common word (Reading, Mobile, Nice) loses this much
    place_also_word: float = 2.0
    # what a gazetteer vote keeps after its losses: a place still, if nothing else speaks
    place_least: float = 0.5
    # a shouted line's phrase is read as a place from this population up (or a country,
    # region or state): smaller towns' names are too often words in capitals
    shouted_place_population: int = 200_000

    # --- sports reports
    # "Surrey beat Kent", "Leeds 2": a town followed by a score or a result verb is its
    # team; as strong as the biggest city's gazetteer vote (6)
    team_with_result: float = 6.0
    # "Surrey reached 372": a town doing things in a sports report, a little weaker
    team_acting: float = 5.5

    # --- the words around one occurrence
    # "spokeswoman Hua Chunying": a role noun before the name
    role_noun_before: float = 3.5
    # "Small said": a speech verb after it; organisations speak too, less often
    speech_verb_after: float = 2.0
    speech_verb_after_organization: float = 0.8
    # "said Small": after a speech verb, weaker, since objects follow verbs too
    after_speech_verb: float = 1.0
    # "in Kent": a preposition of place; a single word more, since a longer phrase after
    # "in" is as often an organisation ("in the Foreign Ministry")
    place_preposition_single: float = 1.5
    place_preposition: float = 1.0
    place_preposition_organization: float = 0.5
    # "the Times": an article before it means organisation or place, rarely a person
    after_the_organization: float = 1.5
    after_the_place: float = 0.3
    after_the_person: float = -2.0
    # "Small, who ...", "Small, 45,", "Small, an expert at": an apposition of a person
    apposition: float = 2.5
    # "Small, spokeswoman ...": the apposition names a role, stronger
    apposition_role: float = 3.0
    # "the news agency Kestra": a noun for a kind of body before the name, as strong as a
    # role noun before a person's
    body_noun_before: float = 3.5
    # "the Kestra newspaper", "Kestra shares": the name qualifies such a noun, a little more
    # than "said" after it gives a person
    body_noun_after: float = 2.5
    # "Kestra said in a statement": a body's way of speaking; more than "said" gives a person
    # (2), less than a personal name's shape, since people issue statements too
    said_in_a_statement: float = 3.0
    # "Nissan Motor Co": a legal form after the name
    legal_form_after: float = 4.0
    # "Kent-based": a place, mostly
    based_after: float = 2.0

    # --- thresholds on the scores of `names`: a given name's strength (0 to 13, how common
    # it is where it is most used, less if it is an English word) and a name's shape score
    # a given name this strong is taken for one alone: "Hillary said", a sentence's "Grace"
    strong_given_name: int = 6
    # a word with a given name this strong is a person's name too: a place's one-word name
    # (Jordan) loses votes, a possessive ("Workers'") is not a common noun's
    given_name_too: int = 5
    # the reason shown names the given name ("'Andrew' is a given name") from this strength
    given_name_in_reason: int = 4
    # a run whose words score this much as a personal name keeps its first word even where
    # a sentence's start or a common word would drop it ("Hillary Clinton arrived")
    personal_name: int = 4
    # "Chinese Xi Jinping": the words after a country adjective are a person of their own
    # from this score, one more than `personal_name` asks
    person_after_demonym: int = 5
    # a text is a sports report when this share of its first 20,000 characters' words are
    # sports words (about one in 67)
    sports_words_share: float = 0.015

    # --- one sense per text
    # the parts of a full person's name take its person votes, up to this many, plus the
    # bonus: "Small said" after "Andrew Small" is him even where "Small" is a word
    person_part_cap: float = 6.0
    person_part_bonus: float = 2.0
    # a surface whose winning sum is this or less is left untyped: a weak hint alone
    # (a place's 0.3 after "the", an organisation's 0.5 after "in") types nothing
    least_to_type: float = 0.6


WEIGHTS = Weights()


@dataclass(frozen=True, slots=True)
class Cutoffs:
    """Word-frequency cut-offs, on the Zipf scale of `lexicon.zipf` (log10 of a word's
    frequency per billion words: 3 is about once per million words, 5 once per ten
    thousand, 0 for a word not in the list). Higher means commoner."""

    # mentions: a speaker's label must be rarer than this ("NOTE:", "UPDATE:" are words)
    speaker_label_below: float = 4.5
    # segments: "US-proposed", "-based": the part after the hyphen is English from here
    english_suffix: float = 3.0
    # segments: "People's Republic": a common noun's possessive inside a name from here
    possessive_in_name: float = 4.0
    # segments: "Human Rights in China": everyday words from here before "in" and a place
    # name a body (an NGO named for its cause and its country), not a cause and a place
    org_phrase_in_place: float = 4.0
    # segments: a sentence's first word that the gazetteer knows is not taken for the place
    # from `common_word_start` up, and dropped from `place_word_start` up ("Of", "Best"
    # are places somewhere)
    common_word_start: float = 5.0
    place_word_start: float = 5.2
    # segments: any other sentence-initial word is dropped from here, unless a given name
    sentence_start_word: float = 3.3
    # votes: one capitalised word this common ("Women", "Market") is not a name
    common_word_alone: float = 5.0
    # votes: a word of four capitals or more this common is a word in capitals ("ISSUE",
    # "ORDERS"), not an acronym; acronyms that are words too are rarer ("NATO" is not one)
    shouted_word: float = 4.5
    # votes: a sentence-initial word this common is capitalised by the sentence only
    sentence_start_only: float = 3.0
    # votes: a small city with a name this common (Reading, Nice) is a word too
    place_also_word: float = 4.0
    # tables: "Crystal Palace": a table's name ending in a word this common is no person
    table_person_last_below: float = 5.0
    # names: a given name this common is an English word first ("Will", "Mark", "May"),
    # and one `given_name_half_word` common half so
    given_name_word: float = 5.0
    given_name_half_word: float = 4.3
    # names: a surname this common needs a high rank to count ("Small", "Young", "Long")
    surname_word_below: float = 4.8
    # names: a last word rarer than this, and no place, is likely a foreign surname
    rare_last_word_below: float = 3.0


CUTOFFS = Cutoffs()

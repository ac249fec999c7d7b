"""News-like text whose names differ from story to story, for speed and memory benchmarks.

Repeating one article makes every later copy a cache hit; real long inputs (a digest of many
stories, a transcript, a big file) keep naming new people, bodies and places. Each generated
story draws its people from the bundled given-name and surname lexicons, its places from
the gazetteer and builds organisation names from surnames and places, then writes them in
news style: full names first, surnames after, titles, quotes with speech verbs,
possessives, acronyms. The same seed gives the same text.
"""

from __future__ import annotations

import gzip
import random
from functools import cache

from newsreader.analysis.lexicon import DATA

ROLES = "spokesman spokeswoman minister economist analyst lawyer director chairman professor".split()
ORG_TAILS = "Group Holdings Bank Institute Council Foundation Partners University Agency Corp".split()
TOPICS = "budget deal talks strike merger inquiry election report plan rally".split()
VERBS = "said added warned noted argued".split()
OPINIONS = [
    "We will not accept a deal that leaves workers behind",
    "The numbers speak for themselves and the market has noticed",
    "This is a serious moment for everyone involved in the process",
    "Nobody expected the talks to move this quickly, but here we are",
    "We have asked for the documents and we are still waiting",
]


@cache
def _names() -> tuple[list[str], list[str], list[str]]:
    """Common given names, surnames and places of 100,000 people or more."""
    given: list[str] = []
    with gzip.open(DATA / "given_names.tsv.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            key, names = line.rstrip("\n").split("\t", 1)
            if not key.startswith("#") and key[0] in "mf" and int(key[1:]) >= 5:
                given += [n for n in names.split(" ") if n.isalpha()]
    surnames: list[str] = []
    with gzip.open(DATA / "surnames.tsv.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            key, names = line.rstrip("\n").split("\t", 1)
            if not key.startswith("#"):
                surnames += [n for n in names.split(" ") if n.isalpha()]
    with gzip.open(DATA / "places.tsv.gz", "rt", encoding="utf-8") as fh:
        body = fh.read().split("\n", 1)[1]
    place_names, rows = body.split("\n--\n")
    places = [
        name
        for name, row in zip(place_names.split("\n"), rows.rstrip("\n").split("\n"), strict=True)
        if row.split("\t")[:2] == ["city", name] and int(row.split("\t")[3]) >= 100_000 and name.isalpha()
    ]
    return given, surnames, places


def story(rng: random.Random) -> str:
    """One short article (about 250 words) with its own people, organisations and places."""
    given, surnames, places = _names()
    people = [(rng.choice(given), rng.choice(surnames)) for _ in range(rng.randint(3, 5))]
    city, other_city = rng.sample(places, 2)
    org = f"{rng.choice(surnames)} {rng.choice(ORG_TAILS)}"
    body = f"{rng.choice(places)} {rng.choice(ORG_TAILS)}"
    acronym = "".join(w[0] for w in body.split()).upper() + rng.choice("ABCDEFGH")
    topic = rng.choice(TOPICS)
    (g1, s1), (g2, s2), (g3, s3) = people[:3]
    paragraphs = [
        f"{s1} and {org} agree {topic} in {city}",
        f"{g1} {s1}, the {rng.choice(ROLES)} of {org}, {rng.choice(VERBS)} on Tuesday that the {topic} "
        f"would be signed in {city} before the end of the month. The {body} ({acronym}) had asked for "
        f"more time, but {s1} said the terms were settled.",
        f'"{rng.choice(OPINIONS)}," {s1} {rng.choice(VERBS)}. "{rng.choice(OPINIONS)}."',
        f"{g2} {s2}, a senior {rng.choice(ROLES)} at the {acronym} in {other_city}, was less sure. "
        f'"{rng.choice(OPINIONS)}," said {s2}, who has followed the {topic} for years. '
        f"{s2}'s colleague {g3} {s3} told reporters the {acronym} would publish its own figures.",
        f'Minister {g3} {s3} {rng.choice(VERBS)}: "{rng.choice(OPINIONS)}." {s3} later met '
        f"{' and '.join(f'{g} {s}' for g, s in people[3:]) or s1} in {city}.",
        f"According to {org}, the {topic} covers {rng.randint(2, 90)} sites in {city} and "
        f"{other_city}. {s1} is expected to speak again on Friday; {s2} declined to comment.",
    ]
    return "\n\n".join(paragraphs)


def varied_text(words: int, seed: int = 1, separator: str = "\n\n") -> str:
    """Stories joined by `separator` until the text holds about `words` words."""
    rng = random.Random(seed)
    parts: list[str] = []
    count = 0
    while count < words:
        parts.append(story(rng))
        count += len(parts[-1].split())
    return separator.join(parts)

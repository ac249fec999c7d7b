"""What the words of a name are: given names and surnames of the lexicons, countries and
places, patronymics, and the words that describe a business or name a body. The rules
of `namerules` and the part similarities of `partsimilarity` ask these questions."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from newsreader.analysis import lexicon, names

if TYPE_CHECKING:
    from newsreader.analysis.nameforms import NameForm


_PATRONYMIC_ENDINGS = ("vich", "vych", "vna", "ovna", "evna", "ichna", "ogly", "oglu", "kyzy", "qizi")


def is_patronymic(token: str) -> bool:
    """A Russian, Ukrainian or Turkic patronymic (Akhmatovich, Oleksandrivna, Aliyev oglu)?"""
    return len(token) >= 6 and token.endswith(_PATRONYMIC_ENDINGS)


def two_names(x: str, y: str) -> bool:
    """Not one name in two grammatical forms (Vladimirs / Vladimir, Putina / Putin)."""
    return not (x.startswith(y) or y.startswith(x))


@lru_cache(maxsize=65536)
def known_name(token: str, rank_limit: int) -> bool:
    """A given name, or a surname at most this rare, of the lexicons (not a typo of one)."""
    if len(token) < 3:
        return False
    rank = lexicon.surname_rank(token.title())
    return (rank is not None and rank <= rank_limit) or common_given_name(token) is not None


@lru_cache(maxsize=8192)
def is_place(token: str) -> bool:
    place = lexicon.place(token.title())
    return place is not None and place.kind in ("country", "city", "admin", "continent")


# Words saying how a business is held or how far it reaches: added to a company's own
# name they name the same company (Tencent / Tencent Holdings). What it does is another
# matter: Siemens Energy and Gazprom Neft are companies of their own.
DESCRIPTORS = frozenset(
    "group holding holdings corporation company companies enterprises international global worldwide "
    "concern konzern kontsern groupe grupo gruppe gruppo gruppa".split()
)

# What a business does, said before how it is held (Rosneft Oil Company, Aeroflot Airlines
# Corporation): with a word of DESCRIPTORS after them they describe the company named.
SECTORS = frozenset(
    "oil gas petroleum energy power electric mining metals steel chemical chemicals shipping airlines "
    "airways aviation motor motors automotive trading industries industrial engineering construction "
    "telecom telecommunications logistics insurance pharmaceutical pharmaceuticals".split()
)


def describes_a_business(words: tuple[str, ...], form: NameForm) -> bool:
    """Only how a business is held (Tencent Holdings), or what it does and then how it is
    held (Rosneft Oil Company, whose "Company" is set apart as a legal form)? What it does
    alone names another: Gazprom Neft, Siemens Energy AG."""
    if not words:
        return False
    held = words[-1] in DESCRIPTORS or (
        form.legal and form.original.rsplit(None, 1)[-1].lower() in DESCRIPTORS
    )
    return held and all(y in DESCRIPTORS or y in SECTORS for y in words)


# Titles said before a given name, not a surname (King Frederik, Prince Harry, Sir Keir,
# Sheikh Hamad, Pope Francis): with one of them a single name is a given name. Not
# nameforms.TITLES, which are set apart from any name: only these say a given name
# follows (President Biden is a surname), and "don" and "sultan" are not titles there.
GIVEN_NAME_TITLES = frozenset(
    "king queen prince princess pope emir sheikh shaikh sheik sultan saint st sir dame don dona".split()
)

# Words naming a body: one more of them makes another organisation. Not vocab.ORG_HEADS,
# which ends any organisation's name in text: a company's or a paper's last word (Group,
# Times) added to a list's name does not make another body, a Council or Ministry does.
BODY_WORDS = frozenset(
    "Council Commission Committee Ministry Department Office Bureau Agency Court Parliament Assembly "
    "Bank Fund Institute Foundation Board Service Authority Secretariat Directorate".split()
)


@lru_cache(maxsize=65536)
def common_given_name(token: str) -> str | None:
    """The gender (m/f/u) of a common given name, or None for any other token."""
    info = lexicon.given_name(token.title())
    return info[0] if info is not None and info[1] >= 4 else None


def family_name_first(form: NameForm) -> bool:
    """Xi Jinping, Kim Jong Un: the first part is the family name (or no given name we know)."""
    words = [t.title() for t in form.tokens]
    return names.looks_like_east_asian_name(words) or common_given_name(form.tokens[0]) is None

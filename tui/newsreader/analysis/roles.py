"""Roles standing for a person named earlier: "Hua Chunying, the spokeswoman … the
spokeswoman said", "Gov. Ada Lintz … the Vermont governor said".

The roles are a data file (data/roles.txt). A description names a role when it is
definite ("the …") and its head word is one; the person it stands for is the nearest
named person before it that the text tied to that role, by a title before the name
("spokeswoman Hua Chunying", "Gov. Ada Lintz") or a description after it between
commas ("Hua Chunying, the ministry's spokeswoman,").
"""

from __future__ import annotations

import bisect
from functools import cache
from pathlib import Path

from newsreader.analysis.model import PERSON
from newsreader.analysis.quotecontext import MentionRef, QuoteContext, Word, words_in

_REACH = 4000  # characters back a role's person is looked for
_TITLE_WORDS = 3  # words before a name searched for its title ("Foreign Ministry spokeswoman")
_APPOSITION_WORDS = 8  # words after a name searched for its description
_DESCRIPTION_WORDS = 5  # words of a description before or after a speech verb


@cache
def _table() -> tuple[frozenset[str], dict[str, frozenset[str]]]:
    """The roles (one or two lower-case words) and each title abbreviation's roles
    ("rep" is a congressman, a congresswoman or a representative)."""
    roles: set[str] = set()
    titles: dict[str, frozenset[str]] = {}
    path = Path(__file__).resolve().parent / "data" / "roles.txt"
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        role, _, abbreviations = line.partition("\t")
        roles.add(role.strip())
        for abbreviation in abbreviations.split():
            key = abbreviation.rstrip(".")
            titles[key] = titles.get(key, frozenset()) | {role.strip()}
    return frozenset(roles), titles


def _role_at(words: list[Word], k: int) -> str | None:
    """The role words[k] ends: a two-word role with the word before it, or a one-word one."""
    roles, _ = _table()
    last = words[k][2].lower()
    if k and f"{words[k - 1][2].lower()} {last}" in roles:
        return f"{words[k - 1][2].lower()} {last}"
    return last if last in roles else None


def role_before(words: list[Word]) -> str | None:
    """The role a definite description at the end of `words` names ("the Vermont
    senator", "The former foreign minister"), or None."""
    tail = words[-_DESCRIPTION_WORDS:]
    for j in range(len(tail) - 1, -1, -1):
        if tail[j][2].lower() == "the" and j < len(tail) - 1:
            if any(not w[0].isalnum() for _s, _e, w in tail[j + 1 :]):
                return None
            return _role_at(tail, len(tail) - 1)
    return None


def role_after(words: list[Word]) -> str | None:
    """The role a definite description at the start of `words` names ("said the
    spokeswoman, …"): the last role word before any punctuation."""
    if not words or words[0][2].lower() != "the":
        return None
    found = None
    for k in range(1, min(len(words), _DESCRIPTION_WORDS + 1)):
        if not words[k][2][0].isalnum():
            break
        found = _role_at(words, k) or found
    return found


def person_in_role(ctx: QuoteContext, role: str, pos: int) -> MentionRef | None:
    """The nearest person named before `pos`, outside quotes, whom the text gave `role`."""
    i = bisect.bisect_left(ctx.starts, pos) - 1
    floor = pos - _REACH
    while i >= 0 and ctx.mentions[i].start > floor:
        m = ctx.mentions[i]
        i -= 1
        if m.type == PERSON and role in _roles_of(ctx, m) and not ctx.in_quote(m.start):
            return m
    return None


def _roles_of(ctx: QuoteContext, m: MentionRef) -> frozenset[str]:
    """The roles the text gives the mention, read once per mention: by a title before it
    ("spokeswoman Hua", "Gov. Lintz") or a description after it between commas."""
    known = ctx.roles_of.get(m.start)
    if known is not None:
        return known
    _, titles = _table()
    found: set[str] = set()
    before = words_in(ctx.text, max(0, m.start - 60), m.start)[-_TITLE_WORDS:]
    for k in range(len(before)):
        word = before[k][2]
        role = _role_at(before, k)
        if role is not None:
            found.add(role)
        if word[:1].isupper():
            found.update(titles.get(word.rstrip(".").lower(), ()))
    after = words_in(ctx.text, m.end, min(len(ctx.text), m.end + 120))
    if after and after[0][2] == ",":
        for k in range(1, min(len(after), _APPOSITION_WORDS + 1)):
            if after[k][2] in ",.;:!?":
                break
            role = _role_at(after, k)
            if role is not None:
                found.add(role)
    ctx.roles_of[m.start] = frozenset(found)
    return ctx.roles_of[m.start]

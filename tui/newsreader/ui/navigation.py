"""Where the reader is in the article and where each movement key takes it.

Pure logic over an `Analysis`: the widgets show what the `Navigator` decides, and the
tests drive it without a terminal. Positions are offsets into `Article.text`.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

from newsreader.ui.jumps import JumpList
from newsreader.ui.search import Hits, find

if TYPE_CHECKING:  # the analysis package is imported by the worker, after the first frame
    from newsreader.analysis.model import Analysis, Entity, Quote

MENTION = "mention"
QUOTE = "quote"
HIT = "hit"


# Named tuples rather than dataclasses: they sort fast (20,000 mentions in 1 MB) and
# cost little to define, which counts at start-up.
class Mention(NamedTuple):
    start: int
    end: int
    entity_id: str
    type: str


class Target(NamedTuple):
    """What the article cursor is on: a mention, a quote or a search hit."""

    start: int
    end: int
    kind: str
    entity_id: str | None = None  # the mention's entity, or the quote's speaker
    quote: int | None = None  # index into Analysis.quotes


class MentionIndex:
    """Every mention in text order, and each entity's mentions in text order."""

    def __init__(self, entities: Sequence[Entity]) -> None:
        self.mentions = sorted(Mention(s, e, ent.id, ent.type) for ent in entities for s, e in ent.mentions)
        self._starts = [m.start for m in self.mentions]
        self._by_entity: dict[str, list[Mention]] = {}
        for mention in self.mentions:
            self._by_entity.setdefault(mention.entity_id, []).append(mention)
        self._entity_starts = {eid: [m.start for m in ms] for eid, ms in self._by_entity.items()}

    def __len__(self) -> int:
        return len(self.mentions)

    def of_entity(self, entity_id: str) -> list[Mention]:
        return self._by_entity.get(entity_id, [])

    def at(self, offset: int) -> Mention | None:
        """The mention covering `offset`, if any."""
        index = bisect_right(self._starts, offset) - 1
        if index >= 0 and offset < self.mentions[index].end:
            return self.mentions[index]
        return None

    def after(self, offset: int, entity_id: str | None = None) -> Mention | None:
        """The first mention (of `entity_id`, if given) starting after `offset`, wrapping."""
        mentions, starts = self._pick(entity_id)
        if not mentions:
            return None
        index = bisect_right(starts, offset)
        return mentions[index] if index < len(mentions) else mentions[0]

    def before(self, offset: int, entity_id: str | None = None) -> Mention | None:
        """The last mention (of `entity_id`, if given) starting before `offset`, wrapping."""
        mentions, starts = self._pick(entity_id)
        if not mentions:
            return None
        index = bisect_left(starts, offset) - 1
        return mentions[index] if index >= 0 else mentions[-1]

    def rank(self, mention: Mention) -> tuple[int, int]:
        """(position, count) of a mention among its entity's mentions, from 1."""
        starts = self._entity_starts[mention.entity_id]
        return bisect_left(starts, mention.start) + 1, len(starts)

    def _pick(self, entity_id: str | None) -> tuple[list[Mention], list[int]]:
        if entity_id is None:
            return self.mentions, self._starts
        return self._by_entity.get(entity_id, []), self._entity_starts.get(entity_id, [])


class Navigator:
    """The cursor, the entity being followed, the search, and the jump history.

    Moves return the new `Target`, or None when there is nowhere to go (and then
    nothing changes). `wrapped` says whether the last move went round the end.
    """

    def __init__(self, text: str, analysis: Analysis | None = None) -> None:
        self.text = text
        self.cursor: Target | None = None
        self.entity_id: str | None = None  # whose mentions are marked and `n` follows
        self.search: Hits | None = None
        self.wrapped = False
        self.jumps: JumpList[Target] = JumpList()
        self.quotes: Sequence[Quote] = ()
        self.mentions = MentionIndex(())
        self._entities: dict[str, Entity] = {}
        self._quote_order: list[int] = []  # indices into `quotes`, by where they start
        self._quote_starts: list[int] = []
        if analysis is not None:
            self.set_analysis(analysis)

    def set_analysis(self, analysis: Analysis) -> None:
        """Move to a new analysis (the reviewer's decisions laid over it again): the cursor
        stays, on whichever entity now holds its mention."""
        self.quotes = analysis.quotes
        self.mentions = MentionIndex(analysis.entities)
        self._entities = {e.id: e for e in analysis.entities}
        self._quote_order = sorted(range(len(self.quotes)), key=lambda i: self.quotes[i].start)
        self._quote_starts = [self.quotes[i].start for i in self._quote_order]
        if self.cursor is not None:
            self.cursor = self._current(self.cursor)
            if self.cursor.kind == MENTION:
                self.entity_id = self.cursor.entity_id
        if self.entity_id is not None and self.entity_id not in self._entities:
            self.entity_id = None

    def entity(self, entity_id: str | None) -> Entity | None:
        return self._entities.get(entity_id or "")

    @property
    def _here(self) -> int:
        return self.cursor.start if self.cursor else -1

    # -- moves -------------------------------------------------------------------

    def next_mention(self) -> Target | None:
        return self._to_mention(self.mentions.after(self._here), forward=True, jump=False)

    def previous_mention(self) -> Target | None:
        here = self.cursor.start if self.cursor else len(self.text)
        return self._to_mention(self.mentions.before(here), forward=False, jump=False)

    def next_same(self) -> Target | None:
        """`n`: the next search hit if a search is on, else the entity's next mention."""
        if self.search is not None:
            return self._to_hit(self.search.after(self._here), forward=True)
        entity_id = self._followed_entity()
        if entity_id is None:
            return None
        return self._to_mention(self.mentions.after(self._here, entity_id), forward=True, jump=True)

    def previous_same(self) -> Target | None:
        here = self.cursor.start if self.cursor else len(self.text)
        if self.search is not None:
            return self._to_hit(self.search.before(here), forward=False)
        entity_id = self._followed_entity()
        if entity_id is None:
            return None
        return self._to_mention(self.mentions.before(here, entity_id), forward=False, jump=True)

    def to_entity(self, entity_id: str) -> Target | None:
        """The entity's first mention (a jump)."""
        mentions = self.mentions.of_entity(entity_id)
        if not mentions:
            return None
        return self.go_to(self._mention_target(mentions[0]))

    def to_quote(self, index: int) -> Target | None:
        if not 0 <= index < len(self.quotes):
            return None
        quote = self.quotes[index]
        return self.go_to(Target(quote.start, quote.end, QUOTE, quote.speaker, index))

    def to_speaker(self, quote_index: int | None = None) -> Target | None:
        """The mention of the speaker of a quote (by default the one under the cursor)."""
        index = self.quote_here() if quote_index is None else quote_index
        if index is None:
            return None
        quote = self.quotes[index]
        mention = self._speaker_mention(quote)
        return None if mention is None else self.go_to(self._mention_target(mention))

    def find(self, query: str) -> int:
        """Start a search; moves to the first hit after the cursor. Returns the hit count."""
        hits = find(self.text, query)
        if not hits.spans:
            return 0
        self.search = hits
        self._to_hit(hits.after(self._here), forward=True)
        return len(hits)

    def clear_search(self) -> bool:
        had = self.search is not None
        self.search = None
        return had

    def back(self) -> Target | None:
        if self.cursor is None:
            return None
        return self._land(self.jumps.back(self.cursor))

    def forward(self) -> Target | None:
        return self._land(self.jumps.forward())

    def go_to(self, target: Target, *, jump: bool = True) -> Target:
        if jump and self.cursor is not None and self.cursor != target:
            self.jumps.record(self.cursor)
        self.wrapped = False
        land = self._land(target)
        assert land is not None
        return land

    def follow(self, entity_id: str | None) -> None:
        """Follow an entity (mark its mentions, `n` steps through them) without moving."""
        self.entity_id = entity_id

    # -- questions ---------------------------------------------------------------

    def quote_here(self) -> int | None:
        """The quote under the cursor: the cursor is on it, or on a mention inside it."""
        if self.cursor is None:
            return None
        if self.cursor.kind == QUOTE:
            return self.cursor.quote
        offset = self.cursor.start
        position = bisect_right(self._quote_starts, offset) - 1
        index = self._quote_order[position] if position >= 0 else None
        if index is not None and offset < self.quotes[index].end:
            return index
        return None

    def position(self) -> tuple[int, int] | None:
        """(n, of) for the status line: the hit among hits, or the mention among its entity's."""
        cursor = self.cursor
        if cursor is None:
            return None
        if cursor.kind == HIT and self.search is not None:
            index = self.search.index_of(cursor.start)
            return None if index is None else (index + 1, len(self.search))
        if cursor.kind == QUOTE and cursor.quote is not None:
            return cursor.quote + 1, len(self.quotes)
        mention = self.mentions.at(cursor.start)
        if cursor.kind == MENTION and mention is not None:
            return self.mentions.rank(mention)
        return None

    def describe(self) -> str:
        """One line about the cursor for the status bar, e.g. "Xi Jinping · person · 3/18"."""
        cursor = self.cursor
        where = self.position()
        count = f"{where[0]}/{where[1]}" if where else ""
        wrapped = " (wrapped)" if self.wrapped else ""
        if cursor is None:
            return ""
        if cursor.kind == HIT and self.search is not None:
            return f"/{self.search.query}  {count}{wrapped}"
        if cursor.kind == QUOTE:
            speaker = self.entity(cursor.entity_id)
            said = speaker.name if speaker else "unknown speaker"
            return f"quote {count} · {said}{wrapped}"
        entity = self.entity(cursor.entity_id)
        if entity is None:
            return ""
        return f"{entity.name} · {entity.type} · {count}{wrapped}"

    # -- inside ------------------------------------------------------------------

    def _followed_entity(self) -> str | None:
        if self.entity_id is not None:
            return self.entity_id
        mention = self.mentions.at(self._here) if self.cursor else None
        return mention.entity_id if mention else None

    def _mention_target(self, mention: Mention) -> Target:
        return Target(mention.start, mention.end, MENTION, mention.entity_id)

    def _to_mention(self, mention: Mention | None, *, forward: bool, jump: bool) -> Target | None:
        if mention is None:
            return None
        here = self._here
        target = self.go_to(self._mention_target(mention), jump=jump)
        self.wrapped = self._went_round(mention.start, here, forward)
        return target

    def _to_hit(self, index: int | None, *, forward: bool) -> Target | None:
        if index is None or self.search is None:
            return None
        here = self._here
        start, end = self.search.spans[index]
        target = self.go_to(Target(start, end, HIT), jump=True)
        self.wrapped = self._went_round(start, here, forward)
        return target

    @staticmethod
    def _went_round(start: int, here: int, forward: bool) -> bool:
        if here < 0:
            return False
        return start <= here if forward else start >= here

    def _current(self, target: Target) -> Target:
        """`target` with the entity that holds its mention, or said its quote, now (a merge,
        a split or a new speaker changes them)."""
        if target.kind == QUOTE and target.quote is not None and target.quote < len(self.quotes):
            return target._replace(entity_id=self.quotes[target.quote].speaker)
        if target.kind != MENTION:
            return target
        mention = self.mentions.at(target.start)
        if mention is None or (mention.start, mention.end) != (target.start, target.end):
            return target
        return target._replace(entity_id=mention.entity_id)

    def _land(self, target: Target | None) -> Target | None:
        if target is None:
            return None
        target = self._current(target)
        self.cursor = target
        if target.entity_id is not None:
            self.entity_id = target.entity_id
        return target

    def _speaker_mention(self, quote: Quote) -> Mention | None:
        if quote.speaker is None:
            return None
        if quote.speaker_span is not None:
            mention = self.mentions.at(quote.speaker_span[0])
            if mention is not None and mention.entity_id == quote.speaker:
                return mention
        # no span recorded: the speaker's mention nearest the quote
        mentions = self.mentions.of_entity(quote.speaker)
        if not mentions:
            return None
        return min(mentions, key=lambda m: min(abs(m.start - quote.end), abs(quote.start - m.end)))

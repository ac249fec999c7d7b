"""One article under review: each decision committed at once, the latest taken back by undo.

    review = ArticleReview.open(article, analysis, store=args.store)
    review.record(decision)                 # any kind of decisions.Decision
    review.accept(entity, candidate)        # a: the same as recording a MatchDecision
    review.undo()                           # u
    review.reviewed                         # what the panes show

`record` is the one way in; the methods named for the keys build the decision for it.
Entities are given as the reviewed analysis's `Entity` objects or their ids. Every action
returns the `Recorded` decision (say it with `decisions.describe(rec.decision)`);
`undo` returns the one withdrawn, or None. Errors: `DecisionError` for a request that
makes no sense here, `StoreError` when the store cannot be written; both are one line.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from newsreader.analysis.model import Analysis, Entity, Match, Quote, Span
from newsreader.article import Article
from newsreader.review.backends import open_store
from newsreader.review.decision_log import DecisionLog, DecisionRow
from newsreader.review.decisions import (
    ApartDecision,
    Decision,
    DecisionError,
    EntityRef,
    MatchDecision,
    MentionRef,
    MergeDecision,
    NoteDecision,
    QuoteRef,
    Recorded,
    SpeakerDecision,
    SplitDecision,
    StatusDecision,
    TypeDecision,
    decode,
    encode,
    teaching_kinds,
)
from newsreader.review.memory import Memory
from newsreader.review.overlay import Pending, ReviewedAnalysis, overlay
from newsreader.review.paths import store_location
from newsreader.review.vocabulary import ACCEPT, REJECT, UNSURE_VERDICT, Verdict


def article_key(article: Article) -> str:
    """The key an article's review is stored under: the hash of its cleaned text."""
    return hashlib.sha256(article.text.encode("utf-8")).hexdigest()


def read_decisions(rows: list[DecisionRow]) -> list[Recorded]:
    """Store rows as decisions; a row this version cannot read is skipped, not fatal."""
    out = []
    for row in rows:
        try:
            out.append(recorded(row))
        except DecisionError:
            continue
    return out


def recorded(row: DecisionRow) -> Recorded:
    """One store row as a decision; raises DecisionError for a row this version cannot read."""
    decision = decode(row.kind, row.target, row.value)
    return Recorded(row.id, row.created, decision, reviewer=row.reviewer, curator=row.curator)


def load_memory(store: DecisionLog) -> Memory:
    """What every standing match decision in the store teaches."""
    return _Remembered(store).memory()


class _Remembered:
    """The store's standing decisions that teach (match, keep-apart, …), decoded once and
    kept between keys.

    Reloaded when another process has written; this process's own decisions update it
    in place, so a key press does not re-read thousands of rows.
    """

    def __init__(self, store: DecisionLog) -> None:
        self.store = store
        self._rows: dict[int, tuple[Decision, int]] | None = None
        self._titles: dict[int, str] = {}
        self._memory: Memory | None = None
        self._decoded: dict[int, Decision] = {}  # rows never change once written

    def forget(self) -> None:
        self._rows = None
        self._memory = None

    def added(self, row_id: int, decision: Decision, article_id: int, title: str) -> None:
        if decision.teaches and self._rows is not None:
            self._rows[row_id] = (decision, article_id)
            self._titles.setdefault(article_id, title)
            self._memory = None

    def removed(self, row_id: int) -> None:
        if self._rows is not None and self._rows.pop(row_id, None) is not None:
            self._memory = None

    def memory(self) -> Memory:
        if self._rows is None:
            self._titles = self.store.titles()
            self._rows = {}
            for kind in teaching_kinds():
                for row in self.store.decisions_of_kind(kind):
                    decision = self._decoded.get(row.id)
                    if decision is None:
                        try:
                            decision = self._decoded[row.id] = decode(row.kind, row.target, row.value)
                        except DecisionError:
                            continue
                    self._rows[row.id] = (decision, row.article_id)
        if self._memory is None:
            rows = [
                (lesson, self._titles.get(art, "another article"))
                for _, (d, art) in sorted(self._rows.items())
                for lesson in d.lessons()
            ]
            self._memory = Memory(
                [(d, t) for d, t in rows if isinstance(d, MatchDecision)],
                apart=[(d, t) for d, t in rows if isinstance(d, ApartDecision)],
            )
        return self._memory


class ArticleReview:
    """The review of one article in one store; the reader holds one per open article."""

    def __init__(
        self, store: DecisionLog, article: Article, analysis: Analysis, *, curator: bool = False
    ) -> None:
        """`curator`: every decision made here settles what reviewers decided differently."""
        self.store = store
        self.curator = curator
        self.article = article
        self.analysis = analysis
        self.row = store.article(article_key(article), article.source, article.title)
        self._reviewed: ReviewedAnalysis | None = None
        self._remembered = _Remembered(store)
        self._seen_version = -1
        self._seen_decisions = (-1, -1, -1)

    @classmethod
    def open(
        cls,
        article: Article,
        analysis: Analysis,
        store: DecisionLog | str | os.PathLike[str] | None = None,
        *,
        reviewer: str | None = None,
        curator: bool = False,
    ) -> ArticleReview:
        """Review `article` in `store` (a store, a path or a postgresql:// address, or None:
        `$NEWSREADER_STORE` or the data folder); decisions are recorded as `reviewer`'s
        (None: see `Store`), as a curator's with `curator`."""
        if not isinstance(store, DecisionLog):
            store = open_store(store_location(store), reviewer=reviewer)
        return cls(store, article, analysis, curator=curator)

    @property
    def notice(self) -> str | None:
        """A message to show once: the store was damaged or newer and was moved aside."""
        return self.store.notice

    @property
    def store_path(self) -> Path | None:
        return self.store.path

    def close(self) -> None:
        self.store.close()

    def use_analysis(self, analysis: Analysis) -> None:
        """Lay the decisions over a new analysis (reference lists changed, say)."""
        self.analysis = analysis
        self._reviewed = None

    def changed_elsewhere(self) -> bool:
        """Has another process (a second reader on this store) decided something since the
        analysis was last laid out? Cheap when nothing was written: for polling."""
        version = self.store.data_version()
        if version == self._seen_version:
            return False
        decided = self.store.decisions_version()
        if decided == self._seen_decisions:
            self._seen_version = version  # another reader only opened an article
            return False
        return True

    @property
    def reviewed(self) -> ReviewedAnalysis:
        """The analysis with every decision applied; rebuilt when this or another process decides."""
        if self.changed_elsewhere():
            self._seen_version = self.store.data_version()
            self._seen_decisions = self.store.decisions_version()
            self._remembered.forget()
            self._reviewed = None
        if self._reviewed is None:
            decisions = read_decisions(self.store.decisions(self.row.id))
            memory = self._remembered.memory()
            self._reviewed = overlay(self.article.text, self.analysis, decisions, memory)
        return self._reviewed

    @property
    def status(self) -> str:
        return self.reviewed.status

    def next_undecided(self, after: int = -1) -> Pending | None:
        """The next open candidate or speakerless statement after text offset `after` (wraps)."""
        return self.reviewed.next_undecided(after)

    # -- the one way in -------------------------------------------------------------

    def record(self, decision: Decision, *, curator: bool = False) -> Recorded:
        """Commit `decision` (checked against this article first: DecisionError if it makes
        no sense here); `curator`: it settles what reviewers decided differently."""
        decision = decision.checked(self.article.text, self.reviewed.analysis)
        row, new = self.store.record(self.row.id, *encode(decision), curator=curator or self.curator)
        if new:
            self._reviewed = None
            self._remembered.added(row.id, decision, self.row.id, self.article.title)
        return Recorded(row.id, row.created, decision, reviewer=row.reviewer, curator=row.curator)

    # -- what the keys record: a x and the unsure key ---------------------------------

    def accept(self, entity: Entity | str, candidate: Match) -> Recorded:
        return self._match(entity, candidate, ACCEPT)

    def reject(self, entity: Entity | str, candidate: Match) -> Recorded:
        return self._match(entity, candidate, REJECT)

    def unsure(self, entity: Entity | str, candidate: Match) -> Recorded:
        return self._match(entity, candidate, UNSURE_VERDICT)

    def settle(self, entity: Entity | str, candidate: Match, verdict: Verdict) -> Recorded:
        """A curator's verdict on a candidate: it stands over every reviewer's, whatever
        they decide later, until it is undone."""
        return self.record(MatchDecision(self._entity_ref(entity), candidate, verdict), curator=True)

    def _match(self, entity: Entity | str, candidate: Match, verdict: Verdict) -> Recorded:
        return self.record(MatchDecision(self._entity_ref(entity), candidate, verdict))

    # -- entities ------------------------------------------------------------------

    def set_type(self, entity: Entity | str, type: str) -> Recorded:
        return self.record(TypeDecision(self._entity_ref(entity), type))

    def merge(self, keep: Entity | str, other: Entity | str) -> Recorded:
        """`other`'s mentions join `keep`, which keeps its name."""
        return self.record(MergeDecision(self._entity_ref(keep), self._entity_ref(other)))

    def keep_apart(self, a: Entity | str, b: Entity | str) -> Recorded:
        """`a` and `b` are two entities: a suggestion to merge them is not offered again."""
        return self.record(ApartDecision(self._entity_ref(a), self._entity_ref(b)))

    def split_mention(self, mention: Span, type: str | None = None) -> Recorded:
        """Make the mention at `mention` an entity of its own (optionally of another type)."""
        return self.record(SplitDecision(MentionRef.at(self.article.text, mention), type))

    # -- quotes, notes, status -----------------------------------------------------

    def set_speaker(self, quote: Quote | Span, speaker: Entity | str | None) -> Recorded:
        """Who said the quote; None: nobody named in the text."""
        ref = QuoteRef.of(quote) if isinstance(quote, Quote) else QuoteRef(*quote)
        who = self._entity_ref(speaker) if speaker is not None else None
        return self.record(SpeakerDecision(ref, who))

    def note(self, text: str, on: Span | Quote | None = None) -> Recorded:
        """A note on a mention (its span), a quote, or the article (None); "" clears it."""
        target: MentionRef | QuoteRef | None
        if on is None:
            target = None
        elif isinstance(on, Quote):
            target = QuoteRef.of(on)
        else:
            target = MentionRef.at(self.article.text, on)
        return self.record(NoteDecision(target, text))

    def set_status(self, status: str) -> Recorded:
        return self.record(StatusDecision(status))

    # -- undo ----------------------------------------------------------------------

    def undo(self) -> Recorded | None:
        """Withdraw this reader's latest standing decision on the article, not another
        reader's on the same store (after a restart: this reviewer's latest; see `Store.undo`)."""
        row = self.store.undo(self.row.id)
        self._reviewed = None
        if row is None:
            return None
        self._remembered.removed(row.id)
        return recorded(row)

    # -- plumbing ------------------------------------------------------------------

    def _entity_ref(self, entity: Entity | str) -> EntityRef:
        if isinstance(entity, Entity):
            return EntityRef.of(entity)
        found = self.reviewed.analysis.entity(entity)
        if found is None:
            raise DecisionError(f"no entity {entity!r} in this article")
        return EntityRef.of(found)

"""Decisions laid over a fresh analysis: the reviewed analysis the reader shows and exports.

Pure: (text, analysis, standing decisions, memory) in, `ReviewedAnalysis` out. Entity
ids in the result are the fresh analysis's, plus `e5.812` for a mention split off `e5`.
Structural decisions (split, merge, type) are applied first, in the order they were
made; then pairs kept apart (their merge suggestion withdrawn), matches, speakers, notes
and the status. A decision that finds nothing to attach to in this analysis is kept in
`stale`, never dropped from the store.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from newsreader.analysis.model import (
    PERSON,
    SAME,
    STATEMENT,
    Ambiguity,
    Analysis,
    Entity,
    Match,
    MergeSuggestion,
    Quote,
    Span,
)
from newsreader.review.decisions import EntityRef, MatchDecision, MentionRef, QuoteRef, Recorded, Stage
from newsreader.review.memory import CandidateKey, Memory, candidate_key, normalise
from newsreader.review.vocabulary import (
    ACCEPT,
    ACCEPTED,
    CANDIDATE,
    DECIDED,
    IN_REVIEW,
    LEARNED,
    MATCHED,
    MERGE,
    NEW,
    NONE,
    OPEN,
    REJECTED,
    REVIEWER_RULE,
    SPEAKER,
    STATE_OF_VERDICT,
    UNSURE,
    Verdict,
)

Standing = tuple[MatchDecision, Recorded]  # a match decision and when, by whom, it was made


@dataclass(frozen=True)
class Mark:
    """How a row is shown: its state and, for decided rows, why and who decided.

    `votes`: each reviewer's standing verdict on a candidate, (reviewer, verdict) by name;
    `settled_by`: the curator whose verdict stands over theirs ('' when none has).
    """

    state: str
    why: str = ""
    by: str = ""  # the reviewer whose decision stands
    votes: tuple[tuple[str, Verdict], ...] = ()
    settled_by: str = ""

    @property
    def decided(self) -> bool:
        """Decided by the reviewer, here or (learned) in another article."""
        return self.state not in (OPEN, NONE, MATCHED)

    @property
    def disputed(self) -> bool:
        """Reviewers decided differently and no curator has settled it."""
        return not self.settled_by and len({verdict for _, verdict in self.votes}) > 1


@dataclass(frozen=True)
class Pending:
    """An item needing a decision: a candidate to check, a merge suggestion, or a
    statement with no speaker."""

    offset: int  # where it is in the text: the entity's first mention, the quote's start
    kind: str  # CANDIDATE | MERGE | SPEAKER (review.vocabulary)
    entity_id: str | None = None  # a merge: the one of the two named first in the text
    candidate: Match | None = None
    quote: Quote | None = None
    other_entity: str | None = None  # a merge's second entity


def needs_check(entity: Entity) -> bool:
    """Whether a reviewer should look at an entity's list entries: none is certain, the
    entry is spelt otherwise than the text, or there is more than one."""
    if not entity.candidates:
        return False
    reference = entity.reference
    return (
        reference is None
        or reference.name != entity.name
        or len(entity.candidates) > 1
        or any(c.verdict != SAME for c in entity.candidates)
    )


@dataclass(frozen=True, eq=False)
class ReviewedAnalysis:
    analysis: Analysis
    status: str
    decisions: tuple[Recorded, ...]  # standing, oldest first
    candidate_marks: Mapping[tuple[str, CandidateKey], Mark]
    entity_marks: Mapping[str, Mark]
    quote_marks: Mapping[Span, Mark]
    mention_notes: Mapping[Span, str]
    quote_notes: Mapping[Span, str]
    article_note: str
    hidden: tuple[tuple[str, Match, str], ...]  # (entity id, candidate, why) that memory keeps out
    stale: tuple[Recorded, ...]
    pending: tuple[Pending, ...]  # what is left to decide, in reading order (the one count of it)

    def candidate_mark(self, entity: Entity | str, candidate: Match) -> Mark:
        eid = entity if isinstance(entity, str) else entity.id
        return self.candidate_marks.get((eid, candidate_key(candidate)), Mark(OPEN))

    def entity_mark(self, entity: Entity | str) -> Mark:
        return self.entity_marks.get(entity if isinstance(entity, str) else entity.id, Mark(NONE))

    def quote_mark(self, quote: Quote) -> Mark:
        return self.quote_marks.get((quote.start, quote.end), Mark(OPEN if quote.speaker is None else NONE))

    def note_for(self, target: Span | Quote | None = None) -> str:
        """The note on a mention (its span), a quote, or the article (None); "" when none."""
        if target is None:
            return self.article_note
        if isinstance(target, Quote):
            return self.quote_notes.get((target.start, target.end), "")
        return self.mention_notes.get(target, "")

    def disagreements(self) -> list[tuple[Entity, Match, Mark]]:
        """The candidates reviewers decided differently and no curator has settled, in
        the order of the entities: what the curator view lists."""
        return [
            (e, c, mark)
            for e in self.analysis.entities
            for c in e.candidates
            if (mark := self.candidate_mark(e, c)).disputed
        ]

    def votes(self) -> list[dict[str, Verdict]]:
        """Each decided candidate's reviewers and their verdicts (curators' not among
        them): what agreement between reviewers is measured on."""
        return [dict(m.votes) for m in self.candidate_marks.values() if m.votes]

    def next_undecided(self, after: int = -1) -> Pending | None:
        """The first pending item past text offset `after`, wrapping to the top; None when all are done."""
        for item in self.pending:
            if item.offset > after:
                return item
        return self.pending[0] if self.pending else None


def overlay(
    text: str, analysis: Analysis, decisions: Sequence[Recorded], memory: Memory | None = None
) -> ReviewedAnalysis:
    """The analysis as the reviewer's decisions (and what other articles taught) make it."""
    return _Overlay(text, analysis, memory if memory is not None else Memory()).run(decisions)


class _Overlay:
    def __init__(self, text: str, analysis: Analysis, memory: Memory) -> None:
        self.text = text
        self.analysis = analysis
        self.memory = memory
        self.entities = list(analysis.entities)
        self.quotes = list(analysis.quotes)
        self.moved: dict[str, str] = {}  # entity merged away -> the one holding its mentions
        self.split_to: dict[Span, str] = {}  # mention -> the entity split off for it
        self.edits: dict[str, list[str]] = {}
        self.stale: list[Recorded] = []
        # (entity id, candidate) -> each reviewer's latest verdict on it
        self.votes: dict[tuple[str, CandidateKey], dict[str, Verdict]] = {}
        self.apart: set[frozenset[str]] = set()  # pairs of entities (by id here) said to be two
        self.matches: list[tuple[MatchDecision, Recorded, str]] = []  # and the entity's id here
        self.quote_marks: dict[Span, Mark] = {}
        self.mention_notes: dict[Span, str] = {}
        self.quote_notes: dict[Span, str] = {}
        self.article_note = ""
        self.status = ""

    def run(self, decisions: Sequence[Recorded]) -> ReviewedAnalysis:
        """Each decision laid over in its kind's stage, in the order made within a stage."""
        for stage in Stage:
            for rec in decisions:
                if rec.decision.stage is stage and not rec.decision.lay_over(self, rec):
                    self.stale.append(rec)
            if stage is Stage.SHAPE:
                self._follow_moves()
            elif stage is Stage.MATCH:
                candidate_marks, hidden = self._matches()
        status = self.status or (IN_REVIEW if decisions else NEW)
        entity_marks = self._entity_marks(candidate_marks)
        merges = self._merges(self.apart)
        quote_marks = self.quote_marks
        reviewed = replace(
            self.analysis,
            entities=tuple(self.entities),
            quotes=tuple(self.quotes),
            merges=merges,
            ambiguities=self._ambiguities(),
        )
        return ReviewedAnalysis(
            analysis=reviewed,
            status=status,
            decisions=tuple(decisions),
            candidate_marks=candidate_marks,
            entity_marks=entity_marks,
            quote_marks=quote_marks,
            mention_notes=self.mention_notes,
            quote_notes=self.quote_notes,
            article_note=self.article_note,
            hidden=tuple(hidden),
            stale=tuple(sorted(self.stale, key=lambda r: r.id)),
            pending=self._pending(candidate_marks, quote_marks, merges),
        )

    # -- finding things again ------------------------------------------------------

    def locate(self, ref: EntityRef) -> Entity | None:
        """The entity holding most of `ref`'s mentions, else overlapping them, else of its name."""
        wanted = set(ref.mentions)
        best, best_n = None, 0
        for e in self.entities:
            n = sum(1 for m in e.mentions if m in wanted)
            if n > best_n:
                best, best_n = e, n
        if best is None:
            for e in self.entities:
                n = sum(1 for s, t in e.mentions if any(s < b and a < t for a, b in ref.mentions))
                if n > best_n:
                    best, best_n = e, n
        if best is None:
            name = normalise(ref.name)
            best = next((e for e in self.entities if normalise(e.name) == name), None)
        return best

    def _quote_index(self, ref: QuoteRef) -> int | None:
        best, best_overlap = None, 0
        for i, q in enumerate(self.quotes):
            if (q.start, q.end) == ref.span:
                return i
            overlap = min(q.end, ref.end) - max(q.start, ref.start)
            if overlap > best_overlap:
                best, best_overlap = i, overlap
        return best

    # -- the Layer the decisions lay themselves over: split, merge, type -------------

    def retype(self, entity: EntityRef, type: str) -> bool:
        e = self.locate(entity)
        if e is None:
            return False
        if e.type != type:
            self._replace(e, replace(e, type=type))
            self._edit(e.id, f"typed as {type} (was {e.type})")
        return True

    def split(self, mention: MentionRef, type: str | None) -> bool:
        span = mention.span
        if self.text[span[0] : span[1]] != mention.text:
            return False
        owner = next((e for e in self.entities if span in e.mentions), None)
        if owner is not None and len(owner.mentions) == 1:
            if type and type != owner.type:
                self._replace(owner, replace(owner, type=type))
            return True  # already an entity of its own
        if owner is None and any(s < span[1] and span[0] < t for e in self.entities for s, t in e.mentions):
            return False  # the fresh analysis cut this text differently
        base = owner.id if owner else "m"
        new_id, n = f"{base}.{span[0]}", 1
        while any(e.id == new_id for e in self.entities):
            n += 1
            new_id = f"{base}.{span[0]}.{n}"
        new = Entity(
            id=new_id,
            name=mention.text,
            type=type or (owner.type if owner else PERSON),
            mentions=(span,),
            evidence=f"split off {owner.name} by the reviewer" if owner else "marked by the reviewer",
        )
        if owner is not None:
            at = self.entities.index(owner)
            self.entities[at] = replace(owner, mentions=tuple(m for m in owner.mentions if m != span))
            self.entities.insert(at + 1, new)
            self._edit(owner.id, f"“{mention.text}” at {span[0]} split off")
        else:
            self.entities.append(new)
        self.split_to[span] = new_id
        self._edit(new_id, f"split off {owner.name}" if owner else "marked by the reviewer")
        return True

    def merge(self, keep_ref: EntityRef, other_ref: EntityRef) -> bool:
        keep, other = self.locate(keep_ref), self.locate(other_ref)
        if keep is None or other is None or keep.id == other.id:
            return False
        have = {candidate_key(c) for c in keep.candidates}
        merged = replace(
            keep,
            mentions=tuple(sorted(set(keep.mentions) | set(other.mentions))),
            candidates=keep.candidates + tuple(c for c in other.candidates if candidate_key(c) not in have),
            reference=keep.reference or other.reference,
            flags=tuple(sorted(set(keep.flags) | set(other.flags))),
        )
        self._replace(keep, merged)
        self.entities.remove(other)
        self.moved[other.id] = keep.id
        self._edit(keep.id, f"merged {other.name}")
        return True

    def _replace(self, old: Entity, new: Entity) -> None:
        self.entities[self.entities.index(old)] = new

    def _edit(self, entity_id: str, what: str) -> None:
        self.edits.setdefault(entity_id, []).append(what)

    def _resolve(self, entity_id: str | None) -> str | None:
        while entity_id in self.moved:
            entity_id = self.moved[entity_id]
        return entity_id

    def _follow_moves(self) -> None:
        for i, q in enumerate(self.quotes):
            speaker = self.split_to.get(q.speaker_span, q.speaker) if q.speaker_span else q.speaker
            speaker = self._resolve(speaker)
            if speaker != q.speaker:
                self.quotes[i] = replace(q, speaker=speaker)

    def keep_apart(self, a_ref: EntityRef, b_ref: EntityRef) -> bool:
        a, b = self.locate(a_ref), self.locate(b_ref)
        if a is None or b is None or a.id == b.id:
            return False  # merged since, or not found in this analysis
        self.apart.add(frozenset((a.id, b.id)))
        return True

    def _merges(self, apart: set[frozenset[str]]) -> tuple[MergeSuggestion, ...]:
        ids = {e.id for e in self.entities}
        out = []
        for m in self.analysis.merges:
            a, b = self._resolve(m.a), self._resolve(m.b)
            if a == b or a not in ids or b not in ids or frozenset((a, b)) in apart:
                continue
            names = {e.id: e.name for e in self.entities if e.id in (a, b)}
            if self.memory.kept_apart(names[a], names[b]) is None:
                out.append(replace(m, a=a, b=b))
        return tuple(out)

    def _ambiguities(self) -> tuple[Ambiguity, ...]:
        ids = {e.id for e in self.entities}
        out = []
        for amb in self.analysis.ambiguities:
            cands = tuple(dict.fromkeys(c for c in map(self._resolve, amb.candidates) if c in ids))
            if len(cands) > 1:
                out.append(replace(amb, candidates=cands))
        return tuple(out)

    # -- matches -------------------------------------------------------------------

    def vote(self, decision: MatchDecision, rec: Recorded) -> bool:
        e = self.locate(decision.entity)
        if e is None:
            return False
        self.matches.append((decision, rec, e.id))
        return True

    def _matches(self) -> tuple[dict[tuple[str, CandidateKey], Mark], list[tuple[str, Match, str]]]:
        """Each entity's candidates as the match decisions on it leave them."""
        verdicts: dict[str, dict[CandidateKey, Standing]] = {}
        curated: set[tuple[str, CandidateKey]] = set()
        for d, rec, entity_id in self.matches:
            key = candidate_key(d.candidate)
            if rec.curator:
                curated.add((entity_id, key))
            else:
                self.votes.setdefault((entity_id, key), {})[rec.reviewer] = d.verdict  # a reviewer's latest
                if (entity_id, key) in curated:
                    continue  # settled: a reviewer's later word is a vote, not the verdict
            mine = verdicts.setdefault(entity_id, {})
            mine.pop(key, None)  # re-inserted: the order stays the order decided
            mine[key] = (d, rec)
        marks: dict[tuple[str, CandidateKey], Mark] = {}
        hidden: list[tuple[str, Match, str]] = []
        for i, e in enumerate(self.entities):
            shown, reference = self._candidates(e, verdicts.get(e.id, {}), marks, hidden)
            self.entities[i] = replace(e, candidates=shown, reference=reference)
        return marks, hidden

    def _candidates(
        self,
        e: Entity,
        verdicts: dict[CandidateKey, Standing],
        marks: dict[tuple[str, CandidateKey], Mark],
        hidden: list[tuple[str, Match, str]],
    ) -> tuple[tuple[Match, ...], Match | None]:
        """The candidates the cross-reference pane shows for `e`, and its reference."""
        offered: dict[CandidateKey, Match] = {}
        for c in e.candidates:
            offered.setdefault(candidate_key(c), c)
        # a decision finds its entry by entry id, else by name and list when that is unambiguous
        unused = dict(verdicts)
        found = {key: unused.pop(key) for key in offered if key in unused}
        for key in offered:
            if key not in found:
                same = _same_entry(key, unused)
                if same is not None and _same_entry(same, offered) == key:
                    found[key] = unused.pop(same)
        shown: dict[CandidateKey, Match] = {}
        decided: dict[CandidateKey, Standing] = {}
        for key, c in offered.items():
            mark = self._candidate_mark(e, c, found.get(key))
            if mark is None:
                judgement = self.memory.judge(e.name, c)
                hidden.append((e.id, c, judgement.why if judgement else ""))
                continue
            shown[key], marks[(e.id, key)] = c, mark
            if key in found:
                decided[key] = found[key]
        for key, verdict in unused.items():  # decided earlier, no longer offered: still shown
            shown[key], decided[key] = verdict[0].candidate, verdict
            marks[(e.id, key)] = self._candidate_mark(e, verdict[0].candidate, verdict) or Mark(OPEN)
        candidates = tuple(shown.values())

        accepted = [(v[1].id, k) for k, v in decided.items() if v[0].verdict == ACCEPT]
        if accepted:
            return candidates, shown[max(accepted)[1]]
        learned = [c for k, c in shown.items() if marks[(e.id, k)].state == LEARNED]
        if learned:
            return candidates, max(learned, key=lambda c: c.score)
        alias = self.memory.alias(e.name)
        if alias is not None and _same_entry(candidate_key(alias[0]), shown) is None:
            # a learned alias the analysis did not offer: shown, so it can be rejected here
            marks[(e.id, candidate_key(alias[0]))] = Mark(LEARNED, alias[1])
            return (*candidates, alias[0]), alias[0]
        ref = e.reference
        if ref is None:
            return candidates, None
        same = _same_entry(candidate_key(ref), shown)
        if same is not None:
            return candidates, None if marks[(e.id, same)].state == REJECTED else shown[same]
        judgement = self.memory.judge(e.name, ref)
        return candidates, None if judgement is not None and not judgement.same else ref

    def _candidate_mark(self, e: Entity, c: Match, verdict: Standing | None) -> Mark | None:
        """How candidate `c` of `e` is shown; None: memory keeps it out."""
        if verdict is not None:
            d, rec = verdict
            state = STATE_OF_VERDICT[d.verdict]
            votes = tuple(sorted(self.votes.get((e.id, candidate_key(d.candidate)), {}).items()))
            settled_by = (rec.reviewer or "a curator") if rec.curator else ""
            # "accepted by ana 2026-12-03"; a curator's: "accepted · settled by cat 2026-12-03"
            who = (
                f"· settled by {settled_by}" if rec.curator else f"by {rec.reviewer}" if rec.reviewer else ""
            )
            why = " ".join(part for part in (state, who, rec.created[:10]) if part)
            return Mark(state, why, by=rec.reviewer, votes=votes, settled_by=settled_by)
        judgement = self.memory.judge(e.name, c)
        if judgement is not None:
            return Mark(LEARNED, judgement.why) if judgement.same else None
        if e.reference is not None and _same_entry(candidate_key(c), (candidate_key(e.reference),)):
            return Mark(MATCHED, "matched by the analysis")
        return Mark(OPEN)

    def _entity_marks(self, candidate_marks: Mapping[tuple[str, CandidateKey], Mark]) -> dict[str, Mark]:
        out: dict[str, Mark] = {}
        for e in self.entities:
            states = [candidate_marks[(e.id, candidate_key(c))].state for c in e.candidates]
            edits = "; ".join(self.edits.get(e.id, ()))
            if OPEN in states:
                out[e.id] = Mark(OPEN, edits)
            elif edits or any(s in (ACCEPTED, REJECTED, UNSURE) for s in states):
                out[e.id] = Mark(DECIDED, edits)
            elif LEARNED in states and e.reference is not None:
                out[e.id] = candidate_marks.get((e.id, candidate_key(e.reference)), Mark(LEARNED))
            else:
                out[e.id] = Mark(NONE)
        return out

    # -- quotes, notes, what is left -----------------------------------------------

    def set_speaker(self, quote: QuoteRef, speaker: EntityRef | None) -> bool:
        at = self._quote_index(quote)
        if at is None:
            return False
        q = self.quotes[at]
        if speaker is None:
            self.quotes[at] = replace(q, speaker=None, speaker_span=None, cue=None, rule=REVIEWER_RULE)
            self.quote_marks[(q.start, q.end)] = Mark(DECIDED, "no speaker named, said the reviewer")
            return True
        e = self.locate(speaker)
        if e is None:
            return False
        cue = q.cue if e.id == q.speaker else None
        span = _nearest(e.mentions, q)
        self.quotes[at] = replace(q, speaker=e.id, speaker_span=span, cue=cue, rule=REVIEWER_RULE)
        self.quote_marks[(q.start, q.end)] = Mark(DECIDED, "speaker set by the reviewer")
        return True

    def note(self, target: MentionRef | QuoteRef | None, text: str) -> bool:
        """Always applied: a note on a quote no longer found stays on the quote's old span."""
        if target is None:
            self.article_note = text
            return True
        if isinstance(target, QuoteRef):
            at = self._quote_index(target)
            span = (self.quotes[at].start, self.quotes[at].end) if at is not None else target.span
            table = self.quote_notes
        else:
            span, table = target.span, self.mention_notes
        if text:
            table[span] = text
        else:
            table.pop(span, None)
        return True

    def set_status(self, status: str) -> bool:
        self.status = status  # the latest stands
        return True

    def _pending(
        self,
        candidate_marks: Mapping[tuple[str, CandidateKey], Mark],
        quote_marks: Mapping[Span, Mark],
        merges: Sequence[MergeSuggestion],
    ) -> tuple[Pending, ...]:
        """Every row the reader lists to check and nobody has decided: the candidates of
        names that need a check (the analysis's own match too, until confirmed), the merge
        suggestions still standing, and statements with no speaker."""
        items: list[Pending] = []

        def first(e: Entity) -> int:
            return e.mentions[0][0] if e.mentions else 0

        for e in self.entities:
            if not needs_check(e):
                continue
            for c in e.candidates:
                if candidate_marks[(e.id, candidate_key(c))].state in (OPEN, MATCHED):
                    items.append(Pending(first(e), CANDIDATE, entity_id=e.id, candidate=c))
        by_id = {e.id: e for e in self.entities}
        for m in merges:
            a, b = sorted((by_id[m.a], by_id[m.b]), key=first)
            items.append(Pending(first(a), MERGE, entity_id=a.id, other_entity=b.id))
        for q in self.quotes:
            if q.speaker is None and q.kind == STATEMENT and (q.start, q.end) not in quote_marks:
                items.append(Pending(q.start, SPEAKER, quote=q))
        return tuple(sorted(items, key=lambda p: p.offset))


def _same_entry(key: CandidateKey, keys: Iterable[CandidateKey]) -> CandidateKey | None:
    """`key` if present, else the only key with the same name and list.

    Entry ids of our CSV lists are line numbers, which move when a list is edited; a
    decision must still find its entry, unless two entries of one list share the name.
    """
    keys = list(keys)
    if key in keys:
        return key
    same = [k for k in keys if k[:2] == key[:2]]
    return same[0] if len(same) == 1 else None


def _nearest(mentions: tuple[Span, ...], quote: Quote) -> Span | None:
    """The speaker's mention closest to the quote, outside it."""
    outside = [m for m in mentions if m[1] <= quote.start or m[0] >= quote.end]
    if not outside:
        return None
    return min(outside, key=lambda m: quote.start - m[1] if m[1] <= quote.start else m[0] - quote.end)

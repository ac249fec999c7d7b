"""The detail view (`i`): all there is to know about the chosen row, uncut.

A pane row has one or two lines; the evidence behind it does not fit there. For an
entity or a cross-reference row the view shows each reference-list entry in full (name,
type, list, description, source URL, score, verdict, the whole why, the reviewer's
decision) and the other candidates with their scores; for a merge suggestion both names
and why they may be one; for a quote the whole quote, its speaker and the rule (and
distance) that chose the speaker. It scrolls, so 80×24 shows it all too; `y` copies the
source URL (a quote: its text), `escape` closes it.

Every string from a list or the article reaches the screen through `plain`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, ClassVar, NamedTuple

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from newsreader.review.vocabulary import (
    ACCEPT,
    DECIDED,
    MATCHED,
    OPEN,
    REJECT,
    REVIEWER_RULE,
    STATE_WORDS,
    UNSURE_VERDICT,
)
from newsreader.ui import keys
from newsreader.ui.keymap import hint
from newsreader.ui.plain_text import plain, printable

if TYPE_CHECKING:
    from newsreader.analysis.model import Entity, Match, MergeSuggestion, Quote
    from newsreader.review.overlay import Mark, ReviewedAnalysis
    from newsreader.ui.panes.base import RowTarget

COPY_PREVIEW = 60
# How the review's row states read in words (newsreader.review.overlay names them).


class Line(NamedTuple):
    """A line of the view: with a label, the value wraps in its own column beside it."""

    label: str
    value: Content


class Detail(NamedTuple):
    """What the view shows: a title, its lines, and what `y` copies (with its name)."""

    title: Content
    lines: tuple[Line, ...]
    copy: str = ""
    copy_what: str = ""

    @property
    def plain(self) -> str:
        """The view's text, one line per `Line` (for tests and for reading aloud)."""
        return "\n".join(f"{line.label} {line.value.plain}".strip() for line in self.lines)


def field(label: str, value: Content | str, style: str = "") -> Line:
    """A "label  value" line; a string value is outside text, shown as written."""
    return Line(label, value if isinstance(value, Content) else plain(value, style))


def text_line(value: Content) -> Line:
    return Line("", value)


BLANK = Line("", Content(""))


def section(title: str) -> Line:
    return Line("", Content.styled(title, "bold $accent"))


def _lines(parts: Iterable[Line | None]) -> tuple[Line, ...]:
    return tuple(p for p in parts if p is not None)


def _state(mark: Mark) -> str:
    words = STATE_WORDS.get(mark.state, mark.state)
    return f"{words} ({mark.why})" if mark.why and mark.state not in (OPEN, MATCHED) else words


_VOTE_MARKS = {ACCEPT: "✔", REJECT: "✘", UNSURE_VERDICT: "?"}


def votes_marks(mark: Mark) -> str:
    """Each reviewer's verdict, short: "✔ ana · ✘ ben" (what a disputed row carries)."""
    return " · ".join(
        f"{_VOTE_MARKS.get(verdict, verdict)} {who or 'someone'}" for who, verdict in mark.votes
    )


def votes_said(mark: Mark) -> str:
    """Each reviewer's verdict, "✔ ana · ✘ ben", and whether they differ or a curator
    settled it; "" when at most one reviewer decided and no curator did."""
    if len(mark.votes) < 2 and not mark.settled_by:
        return ""
    said = votes_marks(mark)
    if mark.disputed:
        return f"{said} (they differ)"
    return f"{said} (settled by {mark.settled_by})" if mark.settled_by else said


def candidate_block(match: Match, mark: Mark) -> list[Line | None]:
    """A reference-list entry in full, as the matcher and the reviewer judged it."""
    kind = " · ".join(p for p in (match.type, f"{match.list} list" if match.list else "") if p)
    return [
        # the list is named by its file: outside text too
        text_line(
            Content.assemble(plain(match.name, "bold", one_line=True), plain("  " + kind, "$text-muted"))
        ),
        field("score", f"{match.score:.0f} · {match.verdict}"),
        field("decision", _state(mark)),
        field("reviewers", votes_said(mark)) if votes_said(mark) else None,
        field("description", match.description or "(none in the list)"),
        field("source", match.source or "(none in the list)"),
        field("why", match.why or "(no reason given)"),
    ]


def other_candidate(match: Match, mark: Mark) -> list[Line | None]:
    """Another candidate: name, score, verdict and decision; its why below."""
    said = f"  {match.score:.0f} {match.verdict} · {STATE_WORDS.get(mark.state, mark.state)}"
    return [
        text_line(Content.assemble(plain(match.name, "bold", one_line=True), (said, "$text-muted"))),
        field("why", match.why or "(no reason given)", "italic"),
    ]


def _entity_line(entity: Entity) -> Content:
    count = len(entity.mentions)
    return Content.assemble(
        plain(entity.name, "bold", one_line=True),
        (f"  {entity.type} · {count} mention{'s' * (count != 1)}", "$text-muted"),
    )


def _copy_source(match: Match | None) -> tuple[str, str]:
    if match is None:
        return "", ""
    if match.source:
        return printable(match.source, one_line=True), "the source URL"
    return printable(match.name, one_line=True), "the entry's name"


def entity_detail(entity: Entity, reviewed: ReviewedAnalysis) -> Detail:
    """An entity: how it was typed, its reference and every candidate in full."""
    note = next((reviewed.mention_notes[m] for m in entity.mentions if m in reviewed.mention_notes), "")
    mark = reviewed.entity_mark(entity)
    parts: list[Line | None] = [
        text_line(_entity_line(entity)),
        field("typed so", entity.evidence) if entity.evidence else None,
        field("flags", ", ".join(entity.flags)) if entity.flags else None,
        field("changes", mark.why) if mark.why else None,
        field("note", note) if note else None,
    ]
    if not entity.candidates:
        parts += [
            BLANK,
            text_line(Content.styled("No reference-list entry comes near this name.", "$text-muted")),
        ]
    for number, match in enumerate(entity.candidates, 1):
        chosen = entity.reference is not None and match == entity.reference
        heading = (
            "Reference (the analysis's match)" if chosen else f"Candidate {number}/{len(entity.candidates)}"
        )
        parts += [BLANK, section(heading), *candidate_block(match, reviewed.candidate_mark(entity, match))]
    best = entity.reference or (entity.candidates[0] if entity.candidates else None)
    return Detail(plain(entity.name, one_line=True), _lines(parts), *_copy_source(best))


def candidate_detail(entity: Entity, index: int, reviewed: ReviewedAnalysis) -> Detail:
    """One candidate of an entity in full, and the entity's other candidates by score."""
    match = entity.candidates[index]
    parts: list[Line | None] = [
        text_line(_entity_line(entity)),
        BLANK,
        section("Reference-list entry"),
        *candidate_block(match, reviewed.candidate_mark(entity, match)),
    ]
    others = [m for m in entity.candidates if m != match]
    parts += [BLANK, section(f"Other candidates {len(others)}")]
    for other in others:
        parts += other_candidate(other, reviewed.candidate_mark(entity, other))
    if not others:
        parts.append(text_line(Content.styled("none", "$text-muted")))
    title = Content.assemble(plain(entity.name, one_line=True), " → ", plain(match.name, one_line=True))
    return Detail(title, _lines(parts), *_copy_source(match))


def merge_detail(a: Entity, b: Entity, merge: MergeSuggestion | None) -> Detail:
    """Two entities of the article that may be one."""
    parts: list[Line | None] = [
        section("May be one entity"),
        text_line(_entity_line(a)),
        text_line(_entity_line(b)),
    ]
    if merge is not None:
        parts += [field("score", f"{merge.score:.0f}"), field("why", merge.why or "(no reason given)")]
    title = Content.assemble(plain(a.name, one_line=True), " ↔ ", plain(b.name, one_line=True))
    return Detail(title, _lines(parts))


def words_between(text: str, start: int, end: int) -> int:
    return len(text[start:end].split()) if end > start else 0


def speaker_distance(text: str, quote: Quote) -> str:
    """How far the speaker's mention the rule used stands from the quote, in words."""
    span = quote.speaker_span
    if span is None:
        return ""
    if span[1] <= quote.start:
        return f"{words_between(text, span[1], quote.start)} words before the quote"
    if span[0] >= quote.end:
        return f"{words_between(text, quote.end, span[0])} words after the quote"
    return "inside the quote"


def quote_detail(
    index: int, quote: Quote, text: str, speaker: Entity | None, reviewed: ReviewedAnalysis
) -> Detail:
    """A quote: all of it, who said it, and which rule decided that."""
    said = text[quote.start : quote.end]
    decided = reviewed.quote_mark(quote).state == DECIDED
    if speaker is not None:
        who = Content.assemble(
            plain(speaker.name, "bold", one_line=True), (f"  {speaker.type}", "$text-muted")
        )
    elif decided:
        who = Content.styled("nobody named (said the reviewer)", "italic")
    else:
        who = Content.styled("? unknown: no rule found a speaker", "bold")
    mention = quote.speaker_span
    note = reviewed.note_for(quote)
    parts: list[Line | None] = [
        field("speaker", who),
        field("named as", f"“{text[mention[0] : mention[1]]}”") if mention else None,
        field("cue", quote.cue) if quote.cue else None,
        field("rule", "set by the reviewer" if quote.rule == REVIEWER_RULE else quote.rule),
        field("distance", speaker_distance(text, quote)) if quote.speaker_span else None,
        field("kind", quote.kind),
        field("note", note) if note else None,
        BLANK,
        section("The quote"),
        text_line(plain(said)),
    ]
    title = Content(f"Quote {index + 1}/{len(reviewed.analysis.quotes)}")
    return Detail(title, _lines(parts), said, "the quote")


def detail_of(target: RowTarget, reviewed: ReviewedAnalysis, text: str) -> Detail | None:
    """The detail of what a row (or the article cursor) points at; None if it points at nothing."""
    analysis = reviewed.analysis
    if target.quote is not None:
        if not 0 <= target.quote < len(analysis.quotes):
            return None
        quote = analysis.quotes[target.quote]
        speaker = analysis.entity(quote.speaker) if quote.speaker else None
        return quote_detail(target.quote, quote, text, speaker, reviewed)
    entity = analysis.entity(target.entity_id) if target.entity_id else None
    if entity is None:
        return None
    if target.other_entity is not None:
        other = analysis.entity(target.other_entity)
        if other is None:
            return None
        pair = {entity.id, other.id}
        merge = next((m for m in analysis.merges if {m.a, m.b} == pair), None)
        return merge_detail(entity, other, merge)
    if target.candidate is not None and target.candidate < len(entity.candidates):
        return candidate_detail(entity, target.candidate, reviewed)
    return entity_detail(entity, reviewed)


class DetailScreen(ModalScreen[None], inherit_bindings=False):
    """The detail of one row over the reader; it changes nothing."""

    BINDINGS: ClassVar[list[BindingType]] = [*keys.DETAIL]

    def __init__(self, detail: Detail) -> None:
        super().__init__()
        self.detail = detail

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="detail-body") as body:
            body.border_title = self.detail.title
            body.border_subtitle = Content(self._subtitle())
            for line in self.detail.lines:
                if not line.label:
                    yield Static(line.value, classes="detail-line")
                    continue
                # the value wraps in its own column, so a long why stays readable
                with Horizontal(classes="detail-field"):
                    yield Static(Content(line.label), classes="detail-label")
                    yield Static(line.value, classes="detail-value")

    def _subtitle(self) -> str:
        """The keys of the view as remapped: "y copies the source URL · esc closes"."""
        keymap = getattr(self.app, "keymap", {})
        closes = hint("{close_detail} closes", keymap)
        if not self.detail.copy:
            return closes
        return f"{hint('{copy_source} copies', keymap)} {self.detail.copy_what} · {closes}"

    @property
    def body(self) -> VerticalScroll:
        return self.query_one("#detail-body", VerticalScroll)

    def action_copy_source(self) -> None:
        if not self.detail.copy:
            self.notify("nothing to copy here", title="clipboard", markup=False, timeout=3)
            return
        self.app.copy_to_clipboard(self.detail.copy)
        preview = (
            self.detail.copy
            if len(self.detail.copy) <= COPY_PREVIEW
            else self.detail.copy[: COPY_PREVIEW - 1] + "…"
        )
        self.notify(f"copied {self.detail.copy_what}: {preview}", title="clipboard", markup=False, timeout=3)

    def action_scroll(self, how: str) -> None:
        """`how`: down, up, page_down, page_up, home or end; at once, never animated."""
        getattr(self.body, f"scroll_{how}")(animate=False)

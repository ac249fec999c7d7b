"""The reader screen's review keys: what each acts on, its dialog, the change it asks for.

`a` `x` `z` decide the chosen row of the Entities or Cross-reference pane; `d` goes to the
next thing still to decide; `T` `M` `w` `c` `S` open a dialog (`X` and `E`, every exact
match accepted, need none) and post the review decision they build as a
`ChangeRequested`; `u` asks for the latest decision back. The app records each and hands
the screen the reviewed analysis again. A key acts on the focused pane's row, else on
what the article cursor is on, and says in the status line what it needs when there is
nothing to act on. Dialogs and the review's decisions are imported when first used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from newsreader.review.vocabulary import CANDIDATE, MERGE, REVIEWER_RULE, STATUSES
from newsreader.ui.keymap import hint
from newsreader.ui.messages import ChangeRequested, UndoRequested
from newsreader.ui.navigation import MENTION, QUOTE

if TYPE_CHECKING:
    from textual.app import App

    from newsreader.analysis.model import Entity, Quote, Span
    from newsreader.article import Article
    from newsreader.review.decisions import Decision
    from newsreader.review.overlay import Pending, ReviewedAnalysis
    from newsreader.ui.navigation import Navigator, Target
    from newsreader.ui.pane_column import PaneColumn
    from newsreader.ui.panes import Pane
    from newsreader.ui.panes.base import RowTarget

QUOTE_PREVIEW = 40


class ReviewKeys:
    """Mixed into `ReaderScreen`, which provides what is declared below."""

    if TYPE_CHECKING:
        app: App[Any]
        article: Article
        navigator: Navigator
        reviewed: ReviewedAnalysis | None

        @property
        def panes(self) -> PaneColumn: ...
        def status(self, text: str) -> None: ...
        def post_message(self, message: Any) -> bool: ...
        def _focused_pane(self) -> Pane | None: ...
        def _focused_row(self) -> RowTarget | None: ...
        def _move(self, target: Target | None, *, nothing: str = "", focus_article: bool = False) -> None: ...

    # Where `d` last went: the item, the cursor it left, and the row it chose with the
    # status prefix ("to decide 2/4 · ") that row's description gets.
    _visiting: tuple[Pending, Target | None, tuple[str, str], str] | None = None

    def _hint(self, template: str) -> str:
        """A message naming keys ("{undo} undoes") as the keymap in force spells them."""
        return hint(template, getattr(self.app, "keymap", {}))

    # -- a x z u -------------------------------------------------------------------

    def action_decide(self, verdict: str) -> None:
        pane = self._focused_pane()
        if pane is None or not pane.DECIDES:
            self.status("decide on a row of the Entities or Cross-reference pane")
            return
        if pane.request_decision(verdict) is None:
            self.status("this row has no match to decide on")

    def action_undo(self) -> None:
        self.post_message(UndoRequested())

    # -- E -------------------------------------------------------------------------------

    def action_accept_exact(self) -> None:
        """Every candidate left to decide that is spelt as its entity, accepted as one decision."""
        reviewed = self._reviewed()
        if reviewed is None:
            return
        from newsreader.review import decisions as made

        try:
            decision = made.ExactMatchesDecision.of(reviewed)
        except made.DecisionError as err:
            self.status(str(err))
            return
        self._ask(decision)

    # -- d ---------------------------------------------------------------------------

    def action_next_undecided(self) -> None:
        reviewed = self._reviewed()
        if reviewed is None:
            return
        item = self._next_pending(reviewed)
        if item is None:
            self._visiting = None
            self.status("all decided")
            return
        where = f"to decide {reviewed.pending.index(item) + 1}/{len(reviewed.pending)} · "
        if item.kind == CANDIDATE and item.entity_id is not None and item.candidate is not None:
            self._move(self.navigator.to_entity(item.entity_id))
            pane_id, row_id = "xref", self.panes.xref.row_id_of(item.entity_id, item.candidate)
        elif item.kind == MERGE and item.entity_id is not None and item.other_entity is not None:
            self._move(self.navigator.to_entity(item.entity_id))
            pane_id, row_id = "xref", self.panes.xref.row_id_of_merge(item.entity_id, item.other_entity)
        elif item.quote is not None and item.quote in self.navigator.quotes:
            index = list(self.navigator.quotes).index(item.quote)
            self._move(self.navigator.to_quote(index))
            pane_id, row_id = "quotes", f"q{index}"
        else:
            return
        self._visiting = (item, self.navigator.cursor, (pane_id, row_id or ""), where)
        self._choose_row(pane_id, row_id)

    def _next_pending(self, reviewed: ReviewedAnalysis) -> Pending | None:
        """The item after the one `d` went to last, if the cursor is still there; else
        the first at or after the cursor (wrapping)."""
        pending = reviewed.pending
        if not pending:
            return None
        cursor = self.navigator.cursor
        if self._visiting is not None:
            last, left_at, _, _ = self._visiting
            if last in pending and cursor == left_at:
                return pending[(pending.index(last) + 1) % len(pending)]
        return reviewed.next_undecided(cursor.start - 1 if cursor else -1)

    def _choose_row(self, pane_id: str, row_id: str | None) -> None:
        """Highlight a row and focus its pane (shown first on a small screen)."""
        pane = self.panes.pane(self.panes.query_one(f"#{pane_id}"))
        if pane is None:
            return
        self.panes.activate(pane_id)
        if row_id is not None:
            pane.highlight_id(row_id)
        pane.focus()

    def _visiting_prefix(self, pane: Pane) -> str:
        """ "to decide 2/4 · " for the row `d` chose, while it is chosen."""
        if self._visiting is None:
            return ""
        _, _, row, prefix = self._visiting
        return prefix if row == (pane.id, pane.highlighted_id) else ""

    # -- T M X -------------------------------------------------------------------------

    def action_change_type(self) -> None:
        reviewed, entity = self._reviewed(), self._chosen_entity(self._hint("{change_type} changes"))
        if reviewed is None or entity is None:
            return
        from newsreader.ui.dialogs.entity_type import TypeDialog

        def chosen(entity_type: str | None) -> None:
            if entity_type == entity.type:
                self.status(f"{entity.name} is a {entity_type} already")
            elif entity_type:
                from newsreader.review import decisions as made

                self._ask(made.TypeDecision(made.EntityRef.of(entity), entity_type))

        in_use = {e.type for e in reviewed.analysis.entities}
        self.app.push_screen(TypeDialog(entity, in_use), chosen)

    def action_merge(self) -> None:
        reviewed, keep = (
            self._reviewed(),
            self._chosen_entity(self._hint("{merge} merges another entity into")),
        )
        if reviewed is None or keep is None:
            return
        others = [e for e in reviewed.analysis.entities if e.type == keep.type and e.id != keep.id]
        if not others:
            self.status(
                f"no other {keep.type} to merge into {keep.name}"
                + self._hint(" ({change_type} changes a type)")
            )
            return
        from newsreader.ui.dialogs.merge import MergeDialog

        def chosen(other_id: str | None) -> None:
            other = next((e for e in others if e.id == other_id), None)
            if other is not None:
                from newsreader.review import decisions as made

                self._ask(made.MergeDecision(made.EntityRef.of(keep), made.EntityRef.of(other)))

        self.app.push_screen(MergeDialog(keep, others), chosen)

    def action_split(self) -> None:
        if self._reviewed() is None:
            return
        cursor = self.navigator.cursor
        entity = self.navigator.entity(cursor.entity_id) if cursor and cursor.kind == MENTION else None
        if cursor is None or entity is None:
            self.status(
                self._hint(
                    "{split} splits the mention under the cursor off its entity:"
                    " {next_mention} or {next_same} moves onto one"
                )
            )
            return
        if len(entity.mentions) == 1:
            self.status(
                f"“{entity.name}” is an entity of its own already"
                + self._hint(" ({change_type} changes its type)")
            )
            return
        from newsreader.review import decisions as made

        self._ask(made.SplitDecision(made.MentionRef.at(self.article.text, (cursor.start, cursor.end))))

    # -- w c S -------------------------------------------------------------------------

    def action_set_speaker(self) -> None:
        reviewed, index = self._reviewed(), self._chosen_quote()
        if reviewed is None:
            return
        if index is None:
            self.status(
                self._hint(
                    "{set_speaker} sets who said a quote: choose one in the Quotes pane or move onto one"
                )
            )
            return
        from newsreader.analysis.model import ORGANIZATION, PERSON

        quote = self.navigator.quotes[index]
        speakers = [
            e for e in reviewed.analysis.entities if e.type in (PERSON, ORGANIZATION) or e.id == quote.speaker
        ]
        from newsreader.ui.dialogs.speaker import NOBODY, SpeakerDialog

        def chosen(who: str | None) -> None:
            if who is None:
                return
            speaker = None if who == NOBODY else who
            if speaker == quote.speaker and (speaker is not None or quote.rule == REVIEWER_RULE):
                self.status("that is the speaker already")
                return
            from newsreader.review import decisions as made

            entity = next((e for e in speakers if e.id == speaker), None)
            if speaker is not None and entity is None:
                self.status(f"no entity {speaker!r} in this article")
                return
            ref = made.EntityRef.of(entity) if entity is not None else None
            self._ask(made.SpeakerDecision(made.QuoteRef.of(quote), ref))

        said = self.article.text[quote.start : quote.end]
        self.app.push_screen(SpeakerDialog(quote, said, speakers), chosen)

    def action_note(self) -> None:
        reviewed = self._reviewed()
        if reviewed is None:
            return
        on, quote = self._note_target()
        self._open_note(reviewed, on, quote)

    def action_note_article(self) -> None:
        """The palette's "Note on the article…": `c` notes the article only when nothing is chosen."""
        reviewed = self._reviewed()
        if reviewed is not None:
            self._open_note(reviewed, None, None)

    def _open_note(self, reviewed: ReviewedAnalysis, on: Span | None, quote: Quote | None) -> None:
        from textual.content import Content

        from newsreader.ui.dialogs.note import NoteDialog

        text = self.article.text
        if quote is not None:
            said = _preview(text[quote.start : quote.end])
            title = Content.assemble("Note on the quote ", (said, "italic"))
            current = reviewed.note_for(quote)
        elif on is not None:
            mention = self.navigator.mentions.at(on[0])
            rank = self.navigator.mentions.rank(mention) if mention is not None else None
            where = f" (mention {rank[0]}/{rank[1]})" if rank else ""
            title = Content.assemble("Note on ", (f"“{text[on[0] : on[1]]}”", "bold"), where)
            current = reviewed.note_for(on)
        else:
            title, current = Content("Note on the article"), reviewed.note_for(None)

        def written(note: str | None) -> None:
            if note is None:
                return
            if note == current:
                self.status("note unchanged")
                return
            from newsreader.review import decisions as made

            target: made.MentionRef | made.QuoteRef | None = None
            if quote is not None:
                target = made.QuoteRef.of(quote)
            elif on is not None:
                target = made.MentionRef.at(text, on)
            self._ask(made.NoteDecision(target, note))

        self.app.push_screen(NoteDialog(title, current), written)

    def _note_target(self) -> tuple[Span | None, Quote | None]:
        """(mention span, quote): what `c` notes; (None, None) is the article."""
        row, cursor = self._focused_row(), self.navigator.cursor
        if row is not None and row.quote is not None:
            return None, self.navigator.quotes[row.quote]
        if row is not None:
            entity = self.navigator.entity(row.entity_id)
            if entity is None or not entity.mentions:
                return None, None
            if cursor is not None and cursor.kind == MENTION and cursor.entity_id == entity.id:
                return (cursor.start, cursor.end), None
            return entity.mentions[0], None
        if cursor is not None and cursor.kind == MENTION:
            return (cursor.start, cursor.end), None
        if cursor is not None and cursor.kind == QUOTE and cursor.quote is not None:
            return None, self.navigator.quotes[cursor.quote]
        return None, None

    def action_set_status(self) -> None:
        reviewed = self._reviewed()
        if reviewed is None:
            return
        from newsreader.ui.dialogs.status import StatusDialog

        def chosen(status: str | None) -> None:
            if status == reviewed.status:
                self.status(f"the status is {status} already")
            elif status:
                from newsreader.review import decisions as made

                self._ask(made.StatusDecision(status))

        self.app.push_screen(StatusDialog(STATUSES, reviewed.status), chosen)

    # -- what the keys act on ------------------------------------------------------------

    def _reviewed(self) -> ReviewedAnalysis | None:
        if self.reviewed is None:
            self.status("still analysing…: decisions can be made once the names are found")
        return self.reviewed

    def _chosen_entity(self, what: str) -> Entity | None:
        """The focused row's entity, else the entity of the mention under the cursor."""
        row, cursor = self._focused_row(), self.navigator.cursor
        if row is not None:
            entity = self.navigator.entity(row.entity_id) if row.quote is None else None
        elif cursor is not None and cursor.kind == MENTION:
            entity = self.navigator.entity(cursor.entity_id)
        else:
            entity = None
        if entity is None:
            self.status(f"{what} an entity: choose one in the Entities pane, or move onto a mention")
        return entity

    def _chosen_quote(self) -> int | None:
        """The focused Quotes row's quote, else the quote the cursor is in."""
        row = self._focused_row()
        if row is not None:
            return row.quote
        return self.navigator.quote_here()

    def _ask(self, decision: Decision) -> None:
        self.post_message(ChangeRequested(decision))


def _preview(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= QUOTE_PREVIEW else flat[: QUOTE_PREVIEW - 1] + "…"

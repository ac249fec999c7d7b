"""The reader app: themes, keymap and decisions around one `ReaderScreen`.

The first frame shows the article before any analysis: when no `Analysis` is given,
it is computed in a thread after that frame, and the screen says "analysing…" meanwhile.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.app import App
from textual.binding import BindingType
from textual.filter import LineFilter, Monochrome, NoColor
from textual.screen import Screen

from newsreader import config as settings
from newsreader.article import Article
from newsreader.ui import keys, themes
from newsreader.ui.decisions import ACCEPT, MERGE, REJECT, DecisionLog, MemoryDecisions, Subject
from newsreader.ui.reader_screen import ReaderScreen

if TYPE_CHECKING:
    from textual.command import Provider

    from newsreader.analysis.model import Analysis
    from newsreader.ui.messages import DecisionRequested, UndoRequested

Analyse = Callable[[Article], "Analysis"]
PAST = {ACCEPT: "accepted", REJECT: "rejected"}


def analyser(reference_paths: Sequence[str] = (), *, bundled: bool = True) -> Analyse:
    """The analysis the reader runs in its worker; the matcher is imported there, not here."""

    def analyse(article: Article) -> Analysis:
        from newsreader.analysis.service import Analyzer

        return Analyzer.from_options(reference_paths, bundled=bundled).analyze(article)

    return analyse


def theme_dirs() -> list[Path]:
    """Bundled themes first, then the user's, which may replace one by using its name."""
    from newsreader import resources

    return [resources.bundled_dir("themes"), settings.themes_dir()]


def reader_commands() -> type[Provider]:
    """The palette's commands, imported when the palette first opens."""
    from newsreader.ui.commands import ReaderCommands

    return ReaderCommands


class ReaderApp(App[int], inherit_bindings=False):
    CSS_PATH = "reader.tcss"
    TITLE = "newsreader"
    BINDINGS: ClassVar[list[BindingType]] = [*keys.APP]
    COMMANDS = {reader_commands}  # noqa: RUF012 - Textual's own class variable

    def __init__(
        self,
        article: Article,
        *,
        analysis: Analysis | None = None,
        analyse: Analyse | None = None,
        config: settings.Config | None = None,
        theme: str | None = None,
        decisions: DecisionLog | None = None,
        theme_folders: Iterable[Path] | None = None,
    ) -> None:
        super().__init__()
        self.article = article
        self.analysis = analysis
        self._analyse = analyse or analyser()
        self.config = config or settings.Config()
        self.decisions: DecisionLog = decisions or MemoryDecisions()
        self.problems = list(self.config.problems)
        self._colourless: dict[type[LineFilter], LineFilter] = {NoColor: NoColor(), Monochrome: Monochrome()}

        loaded = themes.load_dirs(theme_dirs() if theme_folders is None else theme_folders)
        for loaded_theme in loaded.themes:
            self.register_theme(loaded_theme)
        self.problems += loaded.problems
        if theme and theme not in self.available_themes:
            raise themes.UnknownTheme(theme, sorted(self.available_themes))
        name, problems = themes.choose(
            theme, self.config.theme, self.available_themes, no_color="NO_COLOR" in os.environ
        )
        self.problems += problems
        self.theme = name

        self.keymap, problems = keys.check_keymap(self.config.keys)
        self.problems += [f"{self.config.path}: {p}" for p in problems]
        self.set_keymap(self.keymap)

    def get_default_screen(self) -> Screen[None]:
        self.reader = ReaderScreen(self.article, self.decisions, self.analysis)
        return self.reader

    def get_theme_variable_defaults(self) -> dict[str, str]:
        return themes.variable_defaults(self.current_theme)

    def get_line_filters(self) -> Sequence[LineFilter]:
        filters = super().get_line_filters()
        if not self.no_color:
            return filters
        # Textual picks its NO_COLOR filter once, for the theme it starts with. Greying the
        # "terminal default" colours of an ANSI theme (mono) turns all text black on black,
        # so follow the current theme: drop colour from ANSI themes, grey the others.
        wanted = self._colourless[NoColor if self.native_ansi_color else Monochrome]
        return [f for f in filters if not isinstance(f, (NoColor, Monochrome))] + [wanted]

    def on_mount(self) -> None:
        for problem in self.problems:
            self.notify(problem, title="settings", severity="warning", timeout=12, markup=False)
        if self.analysis is None:
            # after the first frame, so the article is on screen before any slow work
            self.call_after_refresh(self._run_analysis)

    @work(thread=True, exit_on_error=False, name="analysis")
    def _run_analysis(self) -> None:
        try:
            result = self._analyse(self.article)
        except Exception as err:  # the reader stays usable without the analysis
            self.call_from_thread(self._analysis_failed, str(err) or type(err).__name__)
            return
        self.call_from_thread(self._analysis_ready, result)

    def _analysis_ready(self, analysis: Analysis) -> None:
        self.analysis = analysis
        self.reader.show_analysis(analysis)

    def _analysis_failed(self, reason: str) -> None:
        self.reader.show_failure(reason)
        self.notify(reason, title="analysis failed", severity="error", markup=False)

    # -- decisions: the one place a review store would be wired in -------------------

    def on_decision_requested(self, message: DecisionRequested) -> None:
        self.decisions.record(message.decision)
        self.reader.refresh_verdicts()
        subject = message.decision.subject
        said = PAST.get(message.decision.verdict, "marked unsure")
        name, candidate = self._entity_name(subject.entity_id), self._candidate(subject)
        self.reader.status(f"{said}: {name} → {candidate} (u undoes)")

    def on_undo_requested(self, message: UndoRequested) -> None:
        undone = self.decisions.undo()
        if undone is None:
            self.reader.status("no decision to undo")
            return
        self.reader.refresh_verdicts()
        subject = undone.subject
        name, candidate = self._entity_name(subject.entity_id), self._candidate(subject)
        self.reader.status(f"undone: {undone.verdict} {name} → {candidate}")

    def _entity_name(self, entity_id: str) -> str:
        entity = self.analysis.entity(entity_id) if self.analysis else None
        return entity.name if entity else entity_id

    def _candidate(self, subject: Subject) -> str:
        return self._entity_name(subject.candidate) if subject.kind == MERGE else subject.candidate

    # -- help ------------------------------------------------------------------------

    def action_help(self) -> None:
        from newsreader.ui.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.keymap, self.config.path))

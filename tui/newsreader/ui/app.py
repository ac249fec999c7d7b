"""The reader app: themes, keymap and the review around one `ReaderScreen`.

The first frame shows the article before any analysis: when no `Analysis` is given,
it is computed in a thread after that frame, and the screen says "analysing…" meanwhile.
The same thread then opens the article's review (`newsreader.review`): the panes show
the analysis with the stored decisions laid over it, and every decision is committed
to the store as it is made. SIGHUP and SIGTERM close the store and end the app.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.binding import BindingType
from textual.filter import LineFilter, Monochrome, NoColor
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.timer import Timer

from newsreader import config as settings
from newsreader.article import Article
from newsreader.ui import keys, terminal, themes
from newsreader.ui.chrome import ReaderHeader
from newsreader.ui.closed_screens import forget_closed_screens
from newsreader.ui.decisions import DecisionLog
from newsreader.ui.glyphs import AsciiMarks
from newsreader.ui.keymap import check_keymap, hint
from newsreader.ui.plain_text import printable
from newsreader.ui.progress import AnalysisProgress
from newsreader.ui.reader_screen import ReaderScreen
from newsreader.ui.typeahead import TypeAheadApp

if TYPE_CHECKING:
    from textual.command import Provider

    from newsreader.analysis.model import Analysis
    from newsreader.analysis.service import Analyzer
    from newsreader.feeds import FeedItem
    from newsreader.resume import ReaderState
    from newsreader.review.decisions import Recorded
    from newsreader.review.overlay import ReviewedAnalysis
    from newsreader.review.session import ArticleReview
    from newsreader.ui.article_view import ArticleView
    from newsreader.ui.messages import ChangeRequested, DecisionRequested, UndoRequested

Progress = Callable[[float], None]  # told the fraction of the analysis done, 0 to 1
Analyse = Callable[[Article, Progress], "Analysis"]


def analyser(
    reference_paths: Sequence[str] = (), *, bundled: bool = True, max_list_bytes: int | None = None
) -> Analyse:
    """The analysis the reader runs in its worker, each list at most `max_list_bytes`
    (`--max-list-size`; None: the core's default); the matcher is imported there, not here."""

    made: list[Analyzer] = []  # the lists are loaded once, for every article of a folder

    def analyse(article: Article, progress: Progress) -> Analysis:
        from newsreader.analysis.references import DEFAULT_MAX_LIST_BYTES
        from newsreader.analysis.service import Analyzer

        if not made:
            limit = max_list_bytes or DEFAULT_MAX_LIST_BYTES
            made.append(Analyzer.from_options(reference_paths, bundled=bundled, max_list_bytes=limit))
        return made[0].analyze(article, progress=progress)

    return analyse


def theme_dirs() -> list[Path]:
    """Bundled themes first, then the user's, which may replace one by using its name."""
    from newsreader import resources

    return [resources.bundled_dir("themes"), settings.themes_dir()]


def reader_commands() -> type[Provider]:
    """The palette's commands, imported when the palette first opens."""
    from newsreader.ui.commands import ReaderCommands

    return ReaderCommands


class ReaderApp(TypeAheadApp[int], inherit_bindings=False):
    CSS_PATH = "reader.tcss"
    TITLE = "newsreader"
    BINDINGS: ClassVar[list[BindingType]] = [*keys.APP]
    COMMANDS = {reader_commands}  # noqa: RUF012 - Textual's own class variable
    # how soon another reader's decisions show here (an SQLite file; a server tells at once):
    # the bound is 2 s, and a poll of 2 s plus the redraw was measured at 2.2 s
    STORE_POLL_SECONDS = 1.0
    PROGRESS_SECONDS = 0.5  # how often the header's "analysing… 40% · 3 s" is redrawn

    def __init__(
        self,
        article: Article,
        *,
        analysis: Analysis | None = None,
        analyse: Analyse | None = None,
        config: settings.Config | None = None,
        theme: str | None = None,
        store: str | os.PathLike[str] | None = None,
        theme_folders: Iterable[Path] | None = None,
        articles: Sequence[str | os.PathLike[str] | Article | FeedItem] = (),
        max_bytes: int | None = None,
        resume: ReaderState | None = None,
    ) -> None:
        """`store`: the review store's path (`--store`); None: `$NEWSREADER_STORE`, else the data folder.
        `articles`: a folder's articles (paths) or a feed's items (loaded when opened),
        `article` the first of them; `>` and `<` go through them. `resume`: where the
        reviewer was (default: the store's `resume.state_path`); each article opens there."""
        super().__init__()
        # Scrolling jumps rather than glides: an animated `G` or page key is dozens of
        # repaints, slow over SSH. TEXTUAL_ANIMATIONS, if set, still chooses.
        if "TEXTUAL_ANIMATIONS" not in os.environ:
            self.animation_level = "none"
        self.article = article
        self.articles = [os.fspath(a) if isinstance(a, os.PathLike) else a for a in articles]
        self._at = 0  # which of `articles` is open
        self._max_bytes = max_bytes
        self._poll: Timer | None = None
        self._store_trouble: str | None = None  # said: a server store is not answering
        self._store_notice: str | None = None  # said: what the store set aside, say
        self._progress: AnalysisProgress | None = None  # of the analysis running, if one is
        self._progress_timer: Timer | None = None
        self.analysis = analysis
        self._analyse = analyse or analyser()
        self.config = config or settings.Config()
        self.store_path = store
        from newsreader.resume import ReaderState, state_path

        self.resume = resume or ReaderState(state_path(store))
        self._place: tuple[Article, int] | None = None  # the text offset at the top of the view
        self._place_wanted: int | None = None  # where the article just opened is to be scrolled
        self.review: ArticleReview | None = None
        self.decisions: DecisionLog | None = None  # once the review is open
        self._restore_signals: Callable[[], None] | None = None
        self.problems = list(self.config.problems)
        self._problems_said: set[str] = set()
        self._colourless: dict[type[LineFilter], LineFilter] = {NoColor: NoColor(), Monochrome: Monochrome()}
        shows = terminal.capabilities(os.environ)
        self.no_color = self.no_color or shows.colours == 0  # TERM=dumb: as NO_COLOR, and no greys
        self._no_colour_at_all = shows.colours == 0
        self._marks: list[LineFilter] = [] if shows.unicode else [AsciiMarks()]

        loaded = themes.load_dirs(theme_dirs() if theme_folders is None else theme_folders)
        for loaded_theme in loaded.themes:
            self.register_theme(loaded_theme)
        self.problems += loaded.problems
        if theme and theme not in self.available_themes:
            raise themes.UnknownTheme(theme, sorted(self.available_themes))
        name, problems = themes.choose(
            theme, self.config.theme, self.available_themes, no_color=self.no_color
        )
        self.problems += problems
        self.theme = name

        self.keymap, problems = check_keymap(self.config.keys)
        self.problems += [f"{self.config.path}: {p}" for p in problems]
        self.set_keymap(self.keymap)

    def get_default_screen(self) -> Screen[None]:
        self.reader = ReaderScreen(self.article, position=self._position())
        return self.reader

    def _position(self) -> str:
        return f"{self._at + 1}/{len(self.articles)}" if len(self.articles) > 1 else ""

    def get_theme_variable_defaults(self) -> dict[str, str]:
        return themes.variable_defaults(self.current_theme)

    def get_line_filters(self) -> Sequence[LineFilter]:
        filters = [*super().get_line_filters(), *self._marks]
        if not self.no_color:
            return filters
        # Textual picks its NO_COLOR filter once, for the theme it starts with. Greying the
        # "terminal default" colours of an ANSI theme (mono) turns all text black on black,
        # so follow the current theme: drop colour from ANSI themes, grey the others.
        wanted = self._colourless[NoColor if self.native_ansi_color or self._no_colour_at_all else Monochrome]
        return [f for f in filters if not isinstance(f, (NoColor, Monochrome))] + [wanted]

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """A toast, always plain text without terminal controls: messages quote file names,
        titles, list entries and config values, all from outside (`markup` is ignored)."""
        super().notify(
            printable(message),
            title=printable(title, one_line=True),
            severity=severity,
            timeout=timeout,
            markup=False,
        )

    def on_mount(self) -> None:
        for problem in self.problems:
            self.notify(problem, title="settings", severity="warning", timeout=12, markup=False)
        self._go_back_to_place()
        self._report_article_problems(self.article)
        if self.analysis is None:
            self._start_analysis()
        else:
            self._review_ready(*self._open_review(self.analysis))

    def on_unmount(self) -> None:
        self._remember_place()
        if self._restore_signals is not None:
            self._restore_signals()
        if self.review is not None:
            self.review.close()

    def _start_analysis(self) -> None:
        """Analyse the article open in the worker, after the first frame (the article is
        on screen before any slow work), the header saying how far it has got."""
        self._progress = AnalysisProgress(self.article)
        if self._progress_timer is None:
            self._progress_timer = self.set_interval(self.PROGRESS_SECONDS, self._show_progress)
        self.call_after_refresh(self._run_analysis, self._progress)

    def _show_progress(self) -> None:
        progress = self._progress
        if progress is None and self._progress_timer is not None:  # nothing is analysed
            self._progress_timer.stop()
            self._progress_timer = None
        if progress is None or progress.article is not self.article or self.reader.failure:
            return
        label = progress.label()
        if label is not None:
            self.reader.query_one(ReaderHeader).show_progress(label)

    def _analysis_ended(self, doc: Article) -> None:
        if self._progress is not None and self._progress.article is doc:
            self._progress = None

    @work(thread=True, exit_on_error=False, name="analysis")
    def _run_analysis(self, progress: AnalysisProgress) -> None:
        doc = progress.article  # another article may be opened while this one is analysed
        try:
            result = self._analyse(doc, progress.report)
        except Exception as err:  # the reader stays usable without the analysis
            self.call_from_thread(self._analysis_failed, doc, str(err) or type(err).__name__)
            return
        if doc is not self.article:
            return
        self.analysis = result
        progress.stage = "opening the review"
        try:
            opened = self._open_review(result)  # the first overlay takes a while with a big store
        except Exception as err:  # a bug of ours: say so rather than wait for ever
            self.call_from_thread(self._analysis_failed, doc, f"the review could not be opened: {err}")
            return
        try:
            self.call_from_thread(self._review_ready, *opened)
        except RuntimeError:  # the reader was closed meanwhile
            opened[0].close()

    def _analysis_failed(self, doc: Article, reason: str) -> None:
        self._analysis_ended(doc)
        if doc is not self.article:
            return
        self.reader.show_failure(reason)
        self.notify(reason, title="analysis failed", severity="error", markup=False)

    # -- the review --------------------------------------------------------------------

    def _open_review(self, analysis: Analysis) -> tuple[ArticleReview, ReviewedAnalysis, list[str]]:
        """The article's review in the store and what to tell the user about the store.

        A store that cannot be used (an unwritable folder, say) is reported and replaced
        by one in memory: the reader works, but decisions last until it closes.
        """
        from newsreader.review import ArticleReview, Store, StoreError

        problems: list[str] = []
        try:
            review = ArticleReview.open(
                self.article, analysis, store=self.store_path, reviewer=self.config.reviewer
            )
            reviewed = review.reviewed
        except StoreError as err:
            problems.append(f"{err}; decisions will be kept only until you quit")
            review = ArticleReview.open(self.article, analysis, store=Store.in_memory())
            reviewed = review.reviewed
        if review.notice:
            problems.append(review.notice)
        self._store_notice = review.notice
        return review, reviewed, problems

    def _review_ready(self, review: ArticleReview, reviewed: ReviewedAnalysis, problems: list[str]) -> None:
        from newsreader.ui.decisions import ReviewDecisions

        self._analysis_ended(review.article)
        if review.article is not self.article:  # the reader moved on to another article
            review.close()
            return
        self.review = review
        self.decisions = ReviewDecisions(review)
        for problem in problems:
            self.notify(problem, title="review store", severity="warning", timeout=20, markup=False)
        self._close_on_exit_signals(review)
        self.reader.show_review(reviewed)
        if self._poll is None:
            self._poll = self.set_interval(self.STORE_POLL_SECONDS, self._take_in_others_decisions)
        self._watch_store(review)

    @work(thread=True, exit_on_error=False, name="store watch")
    def _watch_store(self, review: ArticleReview) -> None:
        """A server store tells of others' decisions as they commit (the poll stays for
        files); its listener connects here, off the screen's thread, as that can take seconds."""
        from newsreader.review import StoreError

        try:
            review.store.watch(lambda: self.call_from_thread(self._take_in_others_decisions))
        except StoreError:  # closed meanwhile (another article opened): nothing to tell of
            return

    def _report_article_problems(self, doc: Article) -> None:
        """What the loader could not do (see `Article.problems`), said once a session."""
        for problem in doc.problems:
            if problem not in self._problems_said:
                self._problems_said.add(problem)
                self.notify(problem, title="article", severity="warning", timeout=20, markup=False)

    # -- a folder of articles ----------------------------------------------------------

    def action_next_article(self) -> None:
        self.open_nth(self._at + 1)

    def action_previous_article(self) -> None:
        self.open_nth(self._at - 1, step=-1)

    def open_nth(self, index: int, *, step: int = 1) -> None:
        """Open the folder's article at `index` (wrapping) in a fresh reader screen; the
        review of the one left is closed, its decisions long since in the store. An article
        that cannot be read is reported and skipped, onwards in the direction of `step`."""
        from newsreader import article as articles
        from newsreader.feeds import load_item

        count = len(self.articles)
        if count < 2:
            self.reader.status("one article open: `newsreader FOLDER` reads a folder's articles")
            return
        if self.screen is not self.reader:
            return  # a dialog or the help is open: it has the keys
        limit = self._max_bytes or articles.DEFAULT_MAX_BYTES
        for tried in range(count):
            wanted = index + tried * step
            at = wanted % count
            item = self.articles[at]
            try:
                doc = load_item(item, max_bytes=limit)  # a feed's item is extracted now
                break
            except articles.ArticleError as err:
                self.notify(str(err), title="cannot open, skipped", severity="error", markup=False)
        else:
            return
        if at == self._at:
            return  # every other article is unreadable
        if not 0 <= wanted < count:
            where = "first" if step > 0 else "last"
            self.notify(f"wrapped round to the {where} article", title="folder", timeout=4)
        self.show_article(doc, at)

    def show_article(self, doc: Article, at: int) -> None:
        """Show `doc`, the folder's article at `at`, in a fresh reader screen and analyse it;
        the review of the one left is closed, its decisions long since in the store."""
        self._leave_review()
        forget_closed_screens()  # the reader screen this one replaces, and any before it
        self._report_article_problems(doc)
        self.article, self.analysis, self._at = doc, None, at
        self._go_back_to_place()
        self.reader = ReaderScreen(doc, position=self._position())
        # The first reader is the app's default screen, which cannot be replaced: the
        # second is pushed over it, and from then on the top one is swapped.
        if len(self.screen_stack) > 1:
            self.switch_screen(self.reader)
        else:
            self.push_screen(self.reader)
        self._start_analysis()

    # -- where the reviewer was in each article (newsreader.resume) ---------------------

    def _go_back_to_place(self) -> None:
        """The article being opened shows where it was left, once its view is laid out."""
        from newsreader.batch import text_hash

        self._place = None
        self._place_wanted = self.resume.place(text_hash(self.article)) or None

    def on_article_view_scrolled(self, message: ArticleView.Scrolled) -> None:
        from textual.css.query import NoMatches

        try:
            view = self.reader.article_view
        except NoMatches:  # the article was closed while its last scroll was on its way
            return
        if view.wrapped is None:
            return
        if self._place_wanted is not None:  # the first layout of the article just opened
            wanted, self._place_wanted = self._place_wanted, None
            view.scroll_to(y=view.wrapped.line_of(wanted), animate=False, immediate=True)
            return
        top = view.wrapped.starts[min(round(view.scroll_y), view.wrapped.line_count - 1)]
        self._place = (self.article, top)

    def _remember_place(self) -> None:
        """Keep where the open article is scrolled to, if it was scrolled."""
        from newsreader.batch import text_hash

        if self._place is not None and self._place[0] is self.article:
            self.resume.put_place(text_hash(self.article), self._place[1])
        self._place = None

    def _leave_review(self) -> None:
        self._remember_place()
        if self._restore_signals is not None:
            self._restore_signals()
            self._restore_signals = None
        if self.review is not None:
            self.review.close()
        self.review = None
        self.decisions = None

    def _take_in_others_decisions(self) -> None:
        """Another reader on the same store (a colleague, a second terminal) decided: show it
        now rather than after this reader's next decision."""
        from newsreader.review import StoreError

        if self.review is None or self.decisions is None:
            return
        try:
            changed = self.review.changed_elsewhere()
            self._say_store_trouble(self.review.store.trouble, self.review.notice)
            if not changed:
                return
            reviewed = self.decisions.reviewed
        except StoreError:
            return  # closing, or the store went away: the next decision says so
        self.reader.show_review(reviewed)
        self.reader.status("decisions made in another reader are shown")

    def _say_store_trouble(self, trouble: str | None, notice: str | None = None) -> None:
        """A server store that stopped answering (decisions are kept meanwhile), said when
        it starts, and again when the server is back and they were sent; and what the store
        has to say once since (decisions the server refused, set aside), each said once."""
        set_aside = notice if notice and notice != self._store_notice else None
        self._store_notice = notice
        if (trouble is None) != (self._store_trouble is None):
            if trouble is not None:
                self.notify(trouble, title="review store", severity="warning", timeout=20, markup=False)
            else:
                back = "the review store answers again; the decisions kept here were sent"
                self.notify(back + (" but for those said next" if set_aside else ""), markup=False)
            self._store_trouble = trouble
        if set_aside is not None:
            self.notify(set_aside, title="review store", severity="warning", timeout=30, markup=False)

    def _close_on_exit_signals(self, review: ArticleReview) -> None:
        """SIGHUP (the SSH connection dropped, the terminal closed) or SIGTERM: close the
        store once the decision being written is committed, then end: on SIGHUP at once,
        as Textual's shutdown writes to the terminal that is gone and can wait for ever."""
        import asyncio
        import signal

        from newsreader.review import close_on_exit_signals

        loop = asyncio.get_running_loop()

        def end(sig: int) -> None:
            if sig == getattr(signal, "SIGHUP", None):
                os._exit(128 + sig)
            loop.call_soon_threadsafe(self.exit, None, 128 + sig)

        try:
            self._restore_signals = close_on_exit_signals(review.store, then=end)
        except ValueError:  # not the main thread (an embedding program's): its own business
            self._restore_signals = None

    def on_decision_requested(self, message: DecisionRequested) -> None:
        decision = message.decision
        self._record(lambda log: log.record(decision))

    def on_change_requested(self, message: ChangeRequested) -> None:
        change = message.change
        self._record(lambda log: log.change(change))

    def on_undo_requested(self, message: UndoRequested) -> None:
        self._record(lambda log: log.undo(), undoing=True)

    def _record(self, act: Callable[[DecisionLog], Recorded | None], *, undoing: bool = False) -> None:
        """Commit a decision, show the panes anew and say what was recorded (or why not)."""
        log = self.decisions
        if log is None:
            self.reader.status("still analysing…: decisions can be made once the names are found")
            return
        from newsreader.review import DecisionError, StoreError, describe

        try:
            recorded = act(log)
            reviewed = log.reviewed
        except (DecisionError, StoreError) as err:
            self.reader.status(f"not recorded: {err}")
            self.notify(str(err), title="not recorded", severity="error", markup=False)
            return
        self.reader.show_review(reviewed)
        text = self.article.text  # quotes are named by their words, not their offsets
        if not undoing:
            said = (
                describe(recorded.decision, text) + hint(" · {undo} undoes", self.keymap) if recorded else ""
            )
        elif recorded is None:
            said = "no decision to undo"
        else:
            said = f"undone: {describe(recorded.decision, text)}"
        self.reader.status(said)

    def action_export(self, fmt: str) -> None:
        """The palette's "Export review as …": files next to the article, else in the current folder."""
        if self.decisions is None:
            self.notify("nothing to export yet: still analysing", title="export", markup=False)
            return
        from newsreader.review import StoreError, export
        from newsreader.review.export_files import ExportError, write_export

        chosen = export.named(fmt)
        try:
            written = write_export(chosen, self.article, self.decisions.reviewed)
        except (ExportError, StoreError) as err:
            self.notify(str(err), title="export failed", severity="error", timeout=15, markup=False)
            return
        names = ", ".join(path.name for path in written.paths)
        kept = "".join(f"; {path.name} was there and is left as it is" for path in written.kept)
        self.notify(
            f"wrote {names} in {written.paths[0].parent}{kept}",
            title=f"exported {chosen.label}",
            timeout=10,
            markup=False,
        )

    def action_copy_link(self) -> None:
        """`Y`: the open article's link (see `chrome.article_link`) to the clipboard."""
        from newsreader.ui.chrome import article_link, copy_link

        copy_link(self, article_link(self.article))

    def action_curator(self) -> None:
        """`C`: the open article's disagreements between reviewers, to settle."""
        from newsreader.ui.curator import show_article_disputes

        show_article_disputes(self)

    # -- help ------------------------------------------------------------------------

    def action_help(self) -> None:
        from newsreader.ui.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.keymap, self.config.path))

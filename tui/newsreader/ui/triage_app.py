"""The reader for a folder or feed: the article list first, an article over it.

`enter` on a row opens the article in the reader (`ReaderApp.show_article`); `escape`
(or backspace) closes it and the list shows the row again, with the review as it now
stands; `D` goes straight on to the next article with something left to decide.
"""

from __future__ import annotations

import os
from typing import Any, ClassVar

from textual.binding import BindingType
from textual.events import Mount
from textual.screen import Screen

from newsreader import batch
from newsreader.article import Article
from newsreader.feeds import FeedItem
from newsreader.ui import keys
from newsreader.ui.app import ReaderApp
from newsreader.ui.article_list import ArticleListScreen, TriageRow


class TriageApp(ReaderApp, inherit_bindings=False):
    BINDINGS: ClassVar[list[BindingType]] = [*keys.APP, *keys.TRIAGE_APP]

    def __init__(
        self, article: Article, *, triage: batch.Options, workers: int | None = None, **options: Any
    ) -> None:
        """`triage`: how the list's articles are analysed (the reader's lists); `workers`:
        processes for it (default one per core). The other options are `ReaderApp`'s."""
        super().__init__(article, **options)
        batch.prepare_workers()
        self.triage = triage
        self.triage_workers = workers
        self.article_list: ArticleListScreen | None = None
        self.open_row_now: TriageRow | None = None  # the list's row of the article open

    def get_default_screen(self) -> Screen[None]:
        from newsreader.review.backends import open_store
        from newsreader.review.decision_log import DecisionLog, StoreError
        from newsreader.review.paths import store_location

        location = store_location(self.store_path)  # a file, or a postgresql:// server
        try:
            store: DecisionLog | None = open_store(location, reviewer=self.config.reviewer)
        except StoreError as err:
            store = None
            self.problems.append(f"{err}; statuses cannot be shown or set from the list")
        if store is not None and store.notice:
            self.problems.append(store.notice)
        self.article_list = ArticleListScreen(
            self.articles or [self.article],
            options=self.triage,
            open_row=self.open_row,
            store=store,
            places=self.resume,
            workers=self.triage_workers,
        )
        return self.article_list

    def on_mount(self, event: Mount) -> None:  # type: ignore[override]  # Textual passes the event if asked
        # the list comes first: an article is analysed when it is opened, not now
        event.prevent_default()
        for problem in self.problems:
            self.notify(problem, title="settings", severity="warning", timeout=12, markup=False)

    def on_unmount(self) -> None:
        if self.article_list is not None and self.article_list.store is not None:
            self.article_list.store.close()

    def open_row(self, row: TriageRow) -> None:
        """Open a row's article in the reader; one that cannot be read is said, not opened."""
        from newsreader import article as articles
        from newsreader.feeds import load_item

        try:
            item = row.item
            limit = self._max_bytes or articles.DEFAULT_MAX_BYTES
            doc = load_item(item, max_bytes=limit)  # a feed's item is extracted now
        except articles.ArticleError as err:
            self.notify(str(err), title="cannot open", severity="error", markup=False)
            return
        self.open_row_now = row
        self.show_article(doc, row.index)

    def open_nth(self, index: int, *, step: int = 1) -> None:
        if self.article_list is not None and self.screen is self.article_list:
            return  # `>` and `<` walk from article to article; on the list, j and k do
        super().open_nth(index, step=step)
        if self.article_list is not None:
            self.open_row_now = self.article_list.rows.rows[self._at]

    def action_back_to_list(self) -> None:
        if self.article_list is None or self.screen is not getattr(self, "reader", None):
            return
        row, reviewed = self._leave_article()
        self.pop_screen()
        if row is not None:
            self.article_list.came_back(row, reviewed)

    def action_next_to_decide(self) -> None:
        if self.article_list is None or self.screen is not getattr(self, "reader", None):
            return
        row, reviewed = self.open_row_now, self.decisions.reviewed if self.decisions else None
        if row is not None:
            self.article_list.came_back(row, reviewed)  # this one's count as it now stands
        following = self.article_list.next_to_decide(row)
        if following is None:
            self.reader.status("nothing left to decide in the other articles")
            return
        self.open_row(following)

    def action_copy_link(self) -> None:
        """`Y` on the list: the row's link (a feed item's, else its file's path); in an article, its own."""
        if self.article_list is None or self.screen is not self.article_list:
            super().action_copy_link()
            return
        from newsreader.ui.chrome import article_link, copy_link
        from newsreader.ui.plain_text import printable

        row = self.article_list.table.current
        item = row.item if row is not None else None
        if isinstance(item, FeedItem):
            link = item.link
        elif isinstance(item, Article):
            link = article_link(item)
        else:
            link = os.path.abspath(item) if item else ""
        copy_link(self, printable(link, one_line=True))

    def action_curator(self) -> None:
        """`C`: on the list, the disagreements of all its articles; in an article, its own."""
        from newsreader.ui.curator import show_folder_disputes

        if self.article_list is not None and self.screen is self.article_list:
            show_folder_disputes(self)
        else:
            super().action_curator()

    def _leave_article(self) -> tuple[TriageRow | None, Any]:
        from newsreader.review import StoreError

        try:
            reviewed = self.decisions.reviewed if self.decisions else None
        except StoreError:
            reviewed = None
        self._leave_review()
        row, self.open_row_now = self.open_row_now, None
        return row, reviewed

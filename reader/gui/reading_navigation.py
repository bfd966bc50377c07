"""Showing things in the reading pane: articles (read in the background), issue pages, the start page.

The window's :class:`~reader.gui.workbench.Navigator` asks this object to
show something; it keeps the rest of the window in step with what is shown
(the navigator's record, the library pane's selection, the search pane's
issue, the last article read, the status bar) and emits ``article_shown`` or
``issue_shown``.  Articles and issue pages are read on the task runner
(:class:`~reader.gui.article_loading.ArticleLoader`): the GUI thread runs no
SQL to open one, and only the newest request (article or issue page) is shown.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt

from reader.gui import library_selection as selection
from reader.gui.article_loading import ArticleLoader, ArticleRequest, IssuePageRead, IssueRequest
from reader.gui.script_warming import ScriptWarmer

if TYPE_CHECKING:
    from reader.gui.scripts import ScriptChoice
    from reader.gui.settings import AppSettings
    from reader.gui.tasks import TaskRunner
    from reader.gui.workbench import MessageBridge, Navigator, Panes
    from reader.services.article_view import ArticleView
    from reader.services.searching import SearchHit

STATUS_MS = 5000


class ReadingNavigation(QObject):
    """Opens articles and issue pages in the reading pane (the navigator's opener)."""

    def __init__(
        self,
        runner: TaskRunner,
        navigator: Navigator,
        panes: Panes,
        settings: AppSettings,
        messages: MessageBridge,
        script: ScriptChoice,
        *,
        issue_label: Callable[[int], str],
        update_location: Callable[[], None],
        parent: QObject,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("readingNavigation")
        self._runner = runner
        self._navigator = navigator
        self._panes = panes
        self._settings = settings
        self._messages = messages
        self._issue_label = issue_label
        self._update_location = update_location
        self.loader = ArticleLoader(
            runner, self._show_article, self._article_gone, self, script=lambda: script.script
        )
        self.warmer = ScriptWarmer(runner, script, self)  # the script toggle's conversions, ahead of it
        navigator.attach(self)

    # articles
    def open_article(
        self,
        issue_id: int,
        article_id: int,
        hit: SearchHit | None = None,
        *,
        keep_place: bool = False,
        then: Callable[[], object] | None = None,
        gone: Callable[[int], object] | None = None,
    ) -> bool:
        """Ask for an article: read in the background, shown unless a newer request comes first.

        ``article_shown`` tells when it is on screen (then ``then`` is
        called); an article no longer in the library is said in the status
        bar (or told to ``gone``).  False when no library is open.
        """
        if self._runner.library is None:
            return False
        pending = self.loader.pending
        if keep_place and pending is not None and not _asks_for(pending, article_id):
            return True  # something else was asked for since: a refresh of this one must not replace it
        self.loader.request(ArticleRequest(article_id, hit, keep_place, then, gone))
        return True

    def _article_gone(self, _article_id: int) -> None:
        self._messages.status(self.tr("That article is no longer in the library."), STATUS_MS)

    def _show_article(self, view: ArticleView, request: ArticleRequest) -> None:
        if self._runner.library is None:
            return  # closed while it was read
        panes, navigator = self._panes, self._navigator
        issue_id, article_id = view.issue_id, view.id
        reading_view = panes.reading_view
        bar = reading_view.verticalScrollBar()
        same = navigator.article_id == article_id and panes.stack.currentWidget() is reading_view
        ratio = bar.value() / bar.maximum() if request.keep_place and same and bar.maximum() > 0 else None
        panes.stack.setCurrentWidget(reading_view)
        label = self._issue_label(issue_id)
        reading_view.show_article(view.as_mapping(), label)
        self.warmer.warm([label, *(b.text for b in view.blocks)])
        navigator.shown(issue_id, article_id)
        selection.sync_library_pane(panes, navigator, issue_id, article_id)
        panes.search_pane.set_current_issue(issue_id)
        if self._runner.library is not None:
            self._settings.set_last_article(self._runner.library.url, article_id)
        hit = request.hit
        if hit is not None:
            reading_view.select_hit(hit.block_position, hit.offset_in_block, hit.hit_length, _hit_text(hit))
        if ratio is not None and bar.maximum() > 0:
            bar.setValue(round(ratio * bar.maximum()))  # a refresh keeps the reader's place
        self._update_location()
        navigator.article_shown.emit(article_id)
        if request.then is not None:
            request.then()

    def open_hit(self, hit: SearchHit) -> None:
        """Open a search result's article with the hit selected."""
        self.open_article(hit.issue_id, hit.article_id, hit)
        self._panes.reading_view.setFocus(Qt.FocusReason.OtherFocusReason)

    def step(self, step: int) -> None:
        """Open the next (1) or previous (-1) article in the library pane's order."""
        pane = self._panes.library_pane
        found = pane.neighbour(step)
        if found is None:
            self._messages.status(
                self.tr("This is the last article.") if step > 0 else self.tr("This is the first article."),
                3000,
            )
            return
        pane.select_article(*found, silent=True)  # the next step goes on from here, before it is shown
        self.open_article(*found, gone=self._step_gone)

    def _step_gone(self, article_id: int) -> None:
        self._article_gone(article_id)
        navigator = self._navigator
        if navigator.issue_id is not None:  # the library pane selects what is shown again
            selection.sync_library_pane(self._panes, navigator, navigator.issue_id, navigator.article_id)

    # issue pages
    def open_issue(self, issue_id: int) -> bool:
        """Ask for an issue's page (its metadata and the blocks outside any article), read in the background.

        It replaces an article asked for before (and an article asked for
        after replaces it); ``issue_shown`` tells when it is on screen.  An
        issue no longer in the library is not shown.  False when no library
        is open.
        """
        if self._runner.library is None:
            return False
        self.loader.request_issue(issue_id, self._show_issue)
        return True

    def _show_issue(self, read: IssuePageRead) -> None:
        from reader.gui.proofreading import issue_review_rows

        if self._runner.library is None:
            return  # closed while it was read
        page, issue_id = read.page, read.page.id
        review = issue_review_rows(read.status_counts, read.open_suggestions)
        panes, navigator = self._panes, self._navigator
        panes.stack.setCurrentWidget(panes.reading_view)
        panes.reading_view.show_issue(page, self._issue_label(issue_id), review)
        self.warmer.clear()
        navigator.shown(issue_id, None)
        selection.sync_library_pane(panes, navigator, issue_id, None)
        panes.search_pane.set_current_issue(issue_id)
        self._update_location()
        navigator.issue_shown.emit(issue_id)

    def show_current_issue_page(self) -> None:
        issue_id = self._navigator.issue_id
        if issue_id is not None:
            self.open_issue(issue_id)

    # the start page
    def show_start(self) -> None:
        """The last article read, else a word on where to begin (what was shown is gone from view)."""
        library = self._runner.library
        last = self._settings.last_article(library.url) if library is not None else None
        if last is None:
            self._show_choose()
            return
        if self._navigator.issue_id is not None:
            self._show_choose()  # what was shown may be gone: not shown a moment longer
        self.open_article(0, last, gone=lambda _article_id: self._show_choose())

    def _show_choose(self) -> None:
        panes = self._panes
        panes.stack.setCurrentWidget(panes.reading_view)
        self.warmer.clear()
        panes.reading_view.show_message(
            self.tr("Choose an article in the library"),
            self.tr("Expand an issue on the left to list its articles; Ctrl+F searches every article."),
        )


def _asks_for(request: ArticleRequest | IssueRequest, article_id: int) -> bool:
    return isinstance(request, ArticleRequest) and request.article_id == article_id


def _hit_text(hit: SearchHit) -> str:
    if hit.highlights:
        start, end = hit.highlights[0]
        return hit.snippet[start:end]
    return ""


__all__ = ["ReadingNavigation"]

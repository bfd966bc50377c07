"""Working together in the window: live refresh from other clients' saves, and presence.

Every second the window asks its :class:`~reader.services.live_refresh.ChangeWatcher`
(a non-blocking read: ``PRAGMA data_version`` on SQLite, pending
``NOTIFY``\\ s on PostgreSQL) whether another client committed.  When one
did, the library pane's rows and counts, the tag list with its counts and the
open article are read again in the background; the article is laid out anew
only when its version moved, and never over unsaved typing (the editor's
``external_change`` leaves a dirty editor alone; its save then meets the
version check and shows both texts).

While an article is open in edit mode the window holds a soft claim on it,
renewed every :data:`RENEW_MS`; other windows show "X is editing" beside the
article's status in the library pane, over the reading pane and in the status
bar, and ask before editing it.  Issues and articles another client deleted
leave the library pane; an open article deleted elsewhere is replaced by a
note saying so.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox

from reader.core.processes import running, this_process
from reader.gui.proofreading import Mode, Proofreading
from reader.gui.reading_presence import PresenceBadge, show_deleted
from reader.gui.tagging_ui import TaggingUi
from reader.gui.tasks import TaskContext
from reader.gui.workbench import Workbench

if TYPE_CHECKING:
    from db.engine import Library
    from reader.gui.open_library_dialog import OpenLibraryDialog
    from reader.services.browsing import ArticleRow, IssueRow
    from reader.services.live_refresh import ChangeWatcher
    from reader.services.presence import Claim

POLL_MS = 1000
RENEW_MS = 60_000
_log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class _Fresh:
    """What another client may have changed, read in the background."""

    issues: list[IssueRow]
    articles: dict[int, list[ArticleRow]]
    claims: dict[int, Claim]
    shown_version: int | None


def _read_fresh(fetched: list[int], shown: int | None, context: TaskContext) -> _Fresh:
    from db.models import Article
    from reader.services.browsing import article_rows, issue_rows
    from reader.services.presence import active_claims

    with context.session() as session:
        article = session.get(Article, shown) if shown is not None else None
        return _Fresh(
            issue_rows(session),
            {issue_id: article_rows(session, issue_id) for issue_id in fetched},
            active_claims(session),
            article.version if article is not None else None,
        )


class TeamPresence(QObject):
    """Live refresh and soft claims for one window."""

    library_refreshed = Signal()  # another client's changes are in the library pane: the counts may differ

    def __init__(self, wb: Workbench) -> None:
        super().__init__(wb)
        self.setObjectName("teamPresence")
        self.wb = wb
        self.client = f"{uuid.uuid4().hex[:16]}@{this_process()}"  # a crashed window's claims are no one's
        self.claims: dict[int, Claim] = {}
        self.claimed: int | None = None
        self._watcher: ChangeWatcher | None = None
        self._watched: Library | None = None
        self._refreshing = False
        self._again = False
        self._overtaken = False  # a change was made here while a refresh was reading: its rows are old
        self._versions: dict[int, int] = {}  # the shown article's version when last read
        self.label = QLabel(wb.window)
        self.label.setObjectName("presenceLabel")
        wb.window.statusBar().addWidget(self.label)
        self.badge = PresenceBadge(wb.panes.reading_view)
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.tick)
        self.renew_timer = QTimer(self)
        self.renew_timer.setInterval(RENEW_MS)
        self.renew_timer.timeout.connect(lambda: self._claim(self.claimed))
        wb.navigator.article_shown.connect(self._on_article_shown)
        wb.operation_did_execute.connect(self._on_operation)
        wb.edit_guards.append(self.may_edit)
        self.windows: list[QMainWindow] = []  # opened with File > Open Library…
        wb.actions.open_library.triggered.connect(self.choose_library)
        wb.library_loaded.connect(self.timer.start)

    def choose_library(self) -> OpenLibraryDialog:
        """File > Open Library…: a library file or a server URL, opened in a new window."""
        from reader.gui.open_library_dialog import choose_library

        self.windows = [w for w in self.windows if shiboken6.isValid(w)]
        return choose_library(self.wb, self.windows)

    # the author
    def author(self) -> str:
        """Who this window's changes are recorded as (the preferences override the account)."""
        return self.wb.settings.editor_name

    # polling
    def tick(self) -> None:
        """Follow the editor's article with the claim, and refresh when another client committed."""
        library = self.wb.library
        if library is not self._watched:
            self._stop_watching()
            if library is None:
                return
            self._start_watching(library)
        editing = self._editing()
        if editing != self.claimed:
            self._claim(editing)
        self._forget_crashed()
        try:
            changed = self._watcher is not None and self._watcher.changed()
        except Exception as error:  # the server went away: try again with a new connection later
            _log.warning("live refresh stopped: %s", error)
            self._stop_watching()
            return
        if changed:
            self.refresh()

    def _start_watching(self, library: Library) -> None:
        from reader.services.live_refresh import ChangeWatcher

        try:
            self._watcher = ChangeWatcher(library)
        except Exception as error:
            _log.warning("live refresh unavailable: %s", error)
            self._watcher = None
        self._watched = library
        from reader.services.presence import account_name

        self.wb.settings.account_name = account_name(library)  # the server role on a team library
        self.refresh()

    def _stop_watching(self) -> None:
        if self._watcher is not None:
            try:
                self._watcher.close()
            except Exception as error:
                _log.warning("closing the change watcher: %s", error)
        self._watcher = None
        self._watched = None

    def stop(self) -> None:
        """Release this window's claims and stop watching (the library is about to close)."""
        self.timer.stop()
        self.renew_timer.stop()
        if self.claimed is not None:
            self._claim(None)
        self._stop_watching()

    # presence
    def _proofreading(self) -> Proofreading:
        proofreading = self.wb.feature(Proofreading)
        assert proofreading is not None, "the window makes its proofreading before its team presence"
        return proofreading

    def _editing(self) -> int | None:
        proofreading = self._proofreading()
        if proofreading.mode is not Mode.EDIT:
            return None
        return proofreading.editor_pane.article_id

    def holder_of(self, article_id: int) -> str | None:
        """Who else is editing this article (None: nobody else, or a window of this host that crashed)."""
        claim = self.claims.get(article_id)
        if claim is None or claim.client == self.client or not running(claim.client):
            return None
        return claim.holder

    def _forget_crashed(self) -> None:
        """A window of this host that held a claim and crashed meanwhile writes nothing that would
        refresh the claims: its "X is editing" goes at the next poll, not five minutes later."""
        crashed = [a for a, c in self.claims.items() if not running(c.client)]
        if not crashed:
            return
        self.claims = {a: c for a, c in self.claims.items() if a not in crashed}
        self.wb.panes.library_model.set_editing(self._others_editing())
        self._show_label()

    def _others_editing(self) -> dict[int, str]:
        """Who else edits which article, as the library pane marks them."""
        return {a: c.holder for a, c in self.claims.items() if c.client != self.client}

    def may_edit(self, article_id: int) -> bool:
        """Before editing: when someone else holds the article, ask first (True: go ahead)."""
        holder = self.holder_of(article_id)
        if holder is None:
            return True
        answer = QMessageBox.question(
            self.wb.window,
            self.tr("Someone is editing"),
            self.tr("%1 is editing this article. Edit it anyway?").replace("%1", holder),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _claim(self, article_id: int | None) -> None:
        """Hold a claim on ``article_id`` (None: on nothing); a small write, like a save."""
        from reader.services.presence import claim, release

        library = self.wb.library
        if library is None or self.wb.read_only:
            self.claimed = None
            return
        try:
            with library.writing() as session:
                if self.claimed is not None and self.claimed != article_id:
                    release(session, self.client, self.claimed)
                if article_id is not None:
                    claim(session, article_id, holder=self.author(), client=self.client, take_over=True)
        except Exception as error:  # presence is a courtesy: never stop editing for it
            _log.warning("could not claim article %s: %s", article_id, error)
            return
        self.claimed = article_id
        if article_id is None:
            self.renew_timer.stop()
        else:
            self.renew_timer.start()

    # refreshing
    def refresh(self) -> None:
        """Read the library pane's rows, the claims and the shown article's version again."""
        w = self.wb
        if w.runner.library is None:
            return
        if self._refreshing:
            self._again = True
            return
        self._refreshing, self._overtaken = True, False
        model = w.panes.library_model
        listed = set(model.issue_ids())  # an issue listed now and absent from what is read was deleted
        fetched = [i for i in listed if model.fetched_articles(i) is not None]
        shown = w.navigator.article_id

        def done(fresh: _Fresh) -> None:
            self._refreshing = False
            if self._overtaken:  # read before a change made here: it would put old counts back
                self._overtaken, self._again = False, True
            else:
                self._apply(fresh, shown, listed)
            if self._again:
                self._again = False
                self.refresh()

        def failed(error: BaseException) -> None:
            self._refreshing = False
            _log.warning("live refresh failed: %s", error)

        w.runner.start(
            "live refresh", lambda c: _read_fresh(fetched, shown, c), on_success=done, on_failure=failed
        )

    def _on_operation(self, _changes: object, _source: object) -> None:
        if self._refreshing:
            self._overtaken = True

    def _apply(self, fresh: _Fresh, shown: int | None, listed: set[int]) -> None:
        w = self.wb
        model = w.panes.library_model
        known = set(model.issue_ids())
        new_rows = [row for row in fresh.issues if row.id not in known]
        if new_rows:
            model.add_issues(new_rows)
            if w.panes.stack.currentWidget() is w.panes.welcome_page:  # it says the library is empty
                w.navigator.show_start()
        gone = (listed & known) - {row.id for row in fresh.issues}
        if gone:  # deleted by another client (not added here while the refresh was reading)
            model.remove_issues(gone)
        for row in fresh.issues:
            if row.id in known and (row != model.issue_row(row.id) or row.id in fresh.articles):
                model.refresh_issue(row, fresh.articles.get(row.id))
        self.library_refreshed.emit()
        self.claims = fresh.claims
        model.set_editing(self._others_editing())
        tagging = w.feature(TaggingUi)
        if tagging is not None:
            tagging.reload_tags()  # tags may have changed anywhere
            tagging.pane.follow_elsewhere()  # the open article's chips too
        self._show_label()
        if shown is None or shown != w.navigator.article_id:
            return
        if fresh.shown_version is None:  # deleted by another client
            show_deleted(self._proofreading(), w.panes.reading_view)
            return
        proofreading = self._proofreading()
        if proofreading.mode is Mode.EDIT:
            proofreading.editor_pane.external_change()  # never over unsaved typing
            return
        seen = self._versions.get(shown)
        self._versions = {shown: fresh.shown_version}
        if seen is not None and seen != fresh.shown_version:
            proofreading.refresh_reading()  # laid out again from the library, keeping the place

    def known_version(self, article_id: int) -> int | None:
        """The version of the article shown when the last refresh read it (None: not read since shown)."""
        return self._versions.get(article_id)

    def _on_article_shown(self, article_id: int) -> None:
        self._show_label()
        # note the version just shown, to tell a later save by someone else: the reading pane's
        # read model carries it (a whole refresh of the library's rows at every opening cost
        # the reader more than the opening itself on a large library)
        document = self.wb.panes.reading_view.article_document
        version = document.get("version") if document and document.get("id") == article_id else None
        if isinstance(version, int):
            self._versions = {article_id: version}
            return
        self._versions.pop(article_id, None)  # just read from the library: a refresh in flight is no news
        self.refresh()

    def _show_label(self) -> None:
        article_id = self.wb.navigator.article_id
        holder = self.holder_of(article_id) if article_id is not None else None
        self.label.setText("" if holder is None else self.tr("%1 is editing").replace("%1", holder))
        self.badge.show_holder(holder)

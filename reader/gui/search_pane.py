"""The search pane: a query field searched as you type (in the background), filters, results."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QVBoxLayout,
    QWidget,
)

from reader.gui.labels import STATUSES, status_label
from reader.gui.search_results import HIT_ROLE, SearchHitDelegate, SearchResultsModel
from reader.gui.tasks import Task, TaskContext, TaskRunner

if TYPE_CHECKING:
    from reader.services.searching import SearchHit

SEARCH_DELAY_MS = 300
RESULT_LIMIT = 200


def _search(query: str, issue_id: int | None, status: str | None, context: TaskContext) -> list[SearchHit]:
    from reader.services.searching import search

    context.check_cancelled()
    with context.session() as session:
        return search(session, query, issue_id=issue_id, status=status, limit=RESULT_LIMIT)


class SearchPane(QWidget):
    """Searches every article as you type; the newest query wins, older ones are cancelled."""

    hit_activated = Signal(object)  # SearchHit
    searched = Signal(str, int)  # query, number of hits (after each completed search)

    def __init__(
        self,
        runner: TaskRunner,
        convert: Callable[[str], str],
        issue_label: Callable[[int], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("searchPane")
        self._runner = runner
        self._task: Task | None = None
        self._current_issue: int | None = None
        self._last_query: tuple[str, int | None, str | None] | None = None

        self.query_edit = QLineEdit()
        self.query_edit.setObjectName("searchField")
        self.query_edit.setPlaceholderText(self.tr("Search the library…"))
        self.query_edit.setClearButtonEnabled(True)
        self.scope_combo = QComboBox()
        self.scope_combo.setObjectName("searchScope")
        self.scope_combo.addItem(self.tr("All issues"), "all")
        self.scope_combo.addItem(self.tr("Current issue"), "issue")
        self.status_combo = QComboBox()
        self.status_combo.setObjectName("searchStatus")
        self.status_combo.addItem(self.tr("All statuses"), "")  # never None: see pyside_compat
        for status in STATUSES:
            self.status_combo.addItem(status_label(status), status)

        self.model = SearchResultsModel(convert, issue_label, self)
        self.results = QListView()
        self.results.setObjectName("searchResults")
        self.results.setModel(self.model)
        self.results.setItemDelegate(SearchHitDelegate(self.results))
        self.results.setWordWrap(True)
        self.results.setUniformItemSizes(False)
        self.results.setResizeMode(QListView.ResizeMode.Adjust)
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.results.setAlternatingRowColors(True)
        self.status_label = QLabel()
        self.status_label.setObjectName("searchStatusLabel")
        self.status_label.setWordWrap(True)

        filters = QHBoxLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        filters.addWidget(self.scope_combo, 1)
        filters.addWidget(self.status_combo, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.query_edit)
        layout.addLayout(filters)
        layout.addWidget(self.status_label)
        layout.addWidget(self.results, 1)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.search_now)
        self.query_edit.textChanged.connect(self._timer.start)
        self.query_edit.returnPressed.connect(self._on_return)
        self.query_edit.installEventFilter(self)
        self.scope_combo.currentIndexChanged.connect(self.search_now)
        self.status_combo.currentIndexChanged.connect(self.search_now)
        self.results.activated.connect(self._activate)
        self.results.doubleClicked.connect(self._activate)
        self._update_colors()

    @property
    def running(self) -> bool:
        return self._task is not None

    def focus_query(self) -> None:
        """Put the cursor in the query field, its text selected (Ctrl+F)."""
        self.query_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.query_edit.selectAll()

    def set_current_issue(self, issue_id: int | None) -> None:
        """The issue searched when the scope is the current issue."""
        if issue_id == self._current_issue:
            return
        self._current_issue = issue_id
        if self.scope_combo.currentData() == "issue":
            self.search_now()

    def _request(self) -> tuple[str, int | None, str | None]:
        issue = self._current_issue if self.scope_combo.currentData() == "issue" else None
        status = self.status_combo.currentData()
        return self.query_edit.text().strip(), issue, str(status) if status else None

    def search_now(self) -> None:
        """Search for the field's text now; an older search still running is cancelled."""
        self._search(None)

    def _search(self, keep: int | None) -> None:
        """Search now, selecting the hit of article ``keep`` if found (else the first)."""
        self._timer.stop()
        request = self._request()
        if self._task is not None:
            self._task.cancel()
            self._task = None
        query, issue_id, status = request
        if not query:
            self._last_query = None
            self.model.set_hits([])
            self.status_label.clear()
            return
        if self.scope_combo.currentData() == "issue" and issue_id is None:
            self.model.set_hits([])
            self.status_label.setText(self.tr("Open an issue to search in it."))
            return
        if self._runner.library is None:
            return
        self.status_label.setText(self.tr("Searching…"))
        task: Task | None = None

        def done(hits: list[SearchHit]) -> None:
            if task is not self._task:
                return  # a newer query replaced this one
            self._task = None
            self._last_query = request
            self._show(query, hits, keep)

        def failed(error: BaseException) -> None:
            if task is self._task:
                self._task = None
                self.status_label.setText(self.tr("The search failed: %1").replace("%1", str(error)))

        task = self._runner.start(
            "search",
            lambda context: _search(query, issue_id, status, context),
            on_success=done,
            on_failure=failed,
        )
        self._task = task

    def search_again(self) -> None:
        """Run the search shown again (the library changed), keeping its article selected if still found."""
        if self._timer.isActive() or (self._last_query is None and self._task is None):
            return  # a search is about to run anyway, or none is shown
        selected = self.results.currentIndex().data(HIT_ROLE)
        self._search(selected.article_id if selected is not None else None)

    def _show(self, query: str, hits: list[SearchHit], keep: int | None) -> None:
        self.model.set_hits(hits)
        if not hits:
            self.status_label.setText(self.tr("No article contains “%1”.").replace("%1", query))
        elif len(hits) >= RESULT_LIMIT:
            self.status_label.setText(self.tr("The first %n results, newest first", "", len(hits)))
        else:
            self.status_label.setText(self.tr("%n article(s) found, newest first", "", len(hits)))
        if hits:
            rows = [i for i, hit in enumerate(hits) if hit.article_id == keep]
            self.results.setCurrentIndex(self.model.index(rows[0] if rows else 0))
        self.searched.emit(query, len(hits))

    def _on_return(self) -> None:
        if self._request() == self._last_query and self.model.rowCount():
            index = self.results.currentIndex()
            self._activate(index if index.isValid() else self.model.index(0))
        else:
            self.search_now()

    def _activate(self, index: QModelIndex | QPersistentModelIndex) -> None:
        hit = index.data(HIT_ROLE)
        if hit is not None:
            self.hit_activated.emit(hit)

    def open_result(self, row: int) -> None:
        """Open the result in this row, as Enter or a double click would."""
        self._activate(self.model.index(row))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.query_edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Down and self.model.rowCount():
                self.results.setFocus(Qt.FocusReason.OtherFocusReason)
                if not self.results.currentIndex().isValid():
                    self.results.setCurrentIndex(self.model.index(0))
                return True
        return super().eventFilter(watched, event)

    def _update_colors(self) -> None:
        dark = self.palette().color(QPalette.ColorRole.Base).lightness() < 128
        self.model.mark_color = QColor("#7a5a00") if dark else QColor("#ffe27a")
        self.model.mark_text_color = QColor("#ffffff") if dark else QColor("#1c1c1e")
        self.model.refresh()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._update_colors()

"""The library pane: issues expandable to articles, sortable, filterable by title and status."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6 import QtWidgets
from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from reader.gui.labels import STATUSES, status_label
from reader.gui.library_model import (
    ARTICLE,
    ISSUE,
    Column,
    IssueOrder,
    LibraryModel,
    LibraryProxy,
    Role,
    ScriptDelegate,
)
from reader.gui.tasks import Task, TaskContext, TaskRunner

if TYPE_CHECKING:
    from reader.services.browsing import LibraryMatches
    from reader.services.tag_browsing import TagFilter

FILTER_DELAY_MS = 250
EXPAND_MATCHES_UP_TO = 12  # issues expanded automatically when a filter leaves this few


def _find_matches(
    text: str, status: str | None, context: TaskContext, tags: TagFilter | None = None
) -> LibraryMatches:
    from reader.services.browsing import script_variants
    from reader.services.tag_browsing import filter_library

    needles = script_variants(text) if text else []
    context.check_cancelled()
    with context.session() as session:
        return filter_library(session, needles, status=status, tags=tags)


class LibraryPane(QWidget):
    """Tree of the library with a filter row; tells the window what the reader chose."""

    article_chosen = Signal(int, int)  # issue id, article id
    issue_chosen = Signal(int)
    filter_applied = Signal()

    def __init__(
        self,
        model: LibraryModel,
        runner: TaskRunner,
        convert: Callable[[str], str] = str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("libraryPane")
        self.model = model
        self._runner = runner
        self._filter_task: Task | None = None
        self._silent = False
        self.tag_filter: TagFilter | None = None  # set by the tag browser; applied with apply_filter()

        self.proxy = LibraryProxy(self)
        self.proxy.setSourceModel(model)

        self.filter_edit = QLineEdit()
        self.filter_edit.setObjectName("libraryFilter")
        self.filter_edit.setPlaceholderText(self.tr("Filter by title…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.status_combo = QComboBox()
        self.status_combo.setObjectName("statusFilter")
        self.status_combo.addItem(self.tr("All statuses"), "")  # never None: see pyside_compat
        for status in STATUSES:
            self.status_combo.addItem(status_label(status), status)
        self.status_combo.setToolTip(self.tr("Show only articles with this status"))
        self.order_combo = QComboBox()
        self.order_combo.setObjectName("issueOrder")
        for order, label in (
            (IssueOrder.IMPORT, self.tr("In import order")),
            (IssueOrder.PUBLICATION, self.tr("By publication and date")),
            (IssueOrder.DATE, self.tr("By date")),
        ):
            self.order_combo.addItem(label, order.value)
        self.order_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.order_combo.setMinimumContentsLength(6)
        self.order_combo.setToolTip(self.tr("Order of the issues: grouped by publication, or by date"))

        self.tree = QTreeView()
        self.tree.setObjectName("libraryTree")
        self.tree.setModel(self.proxy)
        self.delegate = ScriptDelegate(convert, self.tree)
        self.tree.setItemDelegate(self.delegate)
        self.tree.setUniformRowHeights(True)
        # several articles can be selected, for tagging them at once
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setAllColumnsShowFocus(True)
        header = self.tree.header()
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # import order until a header is clicked
        self.tree.setSortingEnabled(True)
        header.sortIndicatorChanged.connect(self._on_sort_changed)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(Column.TITLE, QHeaderView.ResizeMode.Stretch)
        # A fixed width: sizing to contents would read a thousand rows on every expand.
        header.setSectionResizeMode(Column.STATUS, QHeaderView.ResizeMode.Interactive)
        metrics = self.tree.fontMetrics()
        widest = max(metrics.horizontalAdvance(text) for text in [*map(status_label, STATUSES), "000/000"])
        header.resizeSection(Column.STATUS, widest + 3 * metrics.averageCharWidth())
        header.setSectionResizeMode(Column.TAGS, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(
            Column.TAGS, metrics.horizontalAdvance(self.tr("Tags")) + 4 * metrics.averageCharWidth()
        )
        self.count_label = QLabel()
        self.count_label.setObjectName("filterCount")
        self.count_label.hide()

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.filter_edit, 1)
        row.addWidget(self.status_combo)
        order_row = QHBoxLayout()
        order_row.setContentsMargins(0, 0, 0, 0)
        order_row.addWidget(self.order_combo, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(row)
        layout.addLayout(order_row)
        layout.addWidget(self.count_label)
        layout.addWidget(self.tree, 1)

        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(self.apply_filter)
        self.filter_edit.textChanged.connect(self._filter_timer.start)
        self.status_combo.currentIndexChanged.connect(self.apply_filter)
        self.order_combo.currentIndexChanged.connect(
            lambda _row: self.set_issue_order(IssueOrder(str(self.order_combo.currentData())))
        )
        self.filter_edit.returnPressed.connect(self.apply_filter)
        selection = self.tree.selectionModel()
        selection.currentRowChanged.connect(self._on_current_changed)

    def shown_text(self, index: QModelIndex | QPersistentModelIndex) -> str:
        """The text the tree shows for an index (in the chosen script)."""
        option = QtWidgets.QStyleOptionViewItem()  # touched after the first paint, as in the delegate
        self.delegate.initStyleOption(option, index)
        return str(option.text)

    def refresh_text(self) -> None:
        """Repaint the visible rows (the script changed; nothing else did)."""
        self.tree.viewport().update()

    # filter
    @property
    def status_filter(self) -> str | None:
        value = self.status_combo.currentData()
        return str(value) if value else None

    def apply_filter(self) -> None:
        """Run the filter query in the background; the latest request wins."""
        self._filter_timer.stop()
        if self._filter_task is not None:
            self._filter_task.cancel()
            self._filter_task = None
        text = self.filter_edit.text().strip()
        status = self.status_filter
        tags = self.tag_filter if self.tag_filter is not None and self.tag_filter.active else None
        if not text and status is None and tags is None:
            self.proxy.set_matches(None)
            self.count_label.hide()
            self.filter_applied.emit()
            return
        if self._runner.library is None:
            return
        task: Task | None = None

        def done(matches: LibraryMatches) -> None:
            if task is not self._filter_task:
                return  # a newer filter was asked for
            self._filter_task = None
            self._show_matches(matches)

        task = self._runner.start(
            "filter", lambda context: _find_matches(text, status, context, tags), on_success=done
        )
        self._filter_task = task

    def set_issue_order(self, order: IssueOrder) -> None:
        """Order the issues by import, by publication and date (grouping each paper's issues), or by date."""
        self.order_combo.blockSignals(True)
        self.order_combo.setCurrentIndex(self.order_combo.findData(order.value))
        self.order_combo.blockSignals(False)
        self.model.set_issue_order(order)
        self.tree.sortByColumn(Column.TITLE, Qt.SortOrder.AscendingOrder)

    def _on_sort_changed(self, section: int, _order: Qt.SortOrder) -> None:
        if section >= 0:
            self.model.show_all()  # a sort must see every issue

    def _show_matches(self, matches: LibraryMatches) -> None:
        self.model.show_all()  # matches may lie beyond the issues shown so far
        self.proxy.set_matches(matches)
        issues = self.proxy.rowCount()
        self.count_label.setText(
            self.tr("%n issue(s) match", "", issues) if issues else self.tr("Nothing matches the filter")
        )
        self.count_label.show()
        if 0 < issues <= EXPAND_MATCHES_UP_TO:
            for row in range(issues):
                self.tree.expand(self.proxy.index(row, 0))
        self.filter_applied.emit()

    def clear_filter(self) -> None:
        self.filter_edit.clear()
        self.status_combo.setCurrentIndex(0)
        self.apply_filter()

    # selection
    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._silent or not current.isValid():
            return
        kind = current.data(Role.KIND)
        if kind == ARTICLE:
            self.article_chosen.emit(int(current.data(Role.ISSUE_ID)), int(current.data(Role.ID)))
        elif kind == ISSUE:
            self.issue_chosen.emit(int(current.data(Role.ID)))

    def selected_articles(self) -> list[tuple[int, int]]:
        """(issue id, article id) of every selected article, in the pane's order."""
        rows = self.tree.selectionModel().selectedRows(Column.TITLE)
        rows.sort(key=lambda index: (index.parent().row(), index.row()))
        return [self._ids(index) for index in rows if index.data(Role.KIND) == ARTICLE]

    def current(self) -> tuple[str, int, int] | None:
        """(kind, issue id, id) of the current row."""
        index = self.tree.currentIndex()
        if not index.isValid():
            return None
        return str(index.data(Role.KIND)), int(index.data(Role.ISSUE_ID)), int(index.data(Role.ID))

    def _set_current(self, index: QModelIndex, *, silent: bool) -> None:
        if index.parent().isValid():
            self.tree.expand(index.parent())
        self._silent = silent
        try:
            self.tree.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
            )
        finally:
            self._silent = False
        self.tree.scrollTo(index)

    def select_article(self, issue_id: int, article_id: int, *, silent: bool = False) -> bool:
        """Make an article the current row (expanding its issue); False when it is filtered out."""
        source = self.model.index_of_article(issue_id, article_id)
        index = self.proxy.mapFromSource(source)
        if not index.isValid():
            return False
        self._set_current(index, silent=silent)
        return True

    def select_issue(self, issue_id: int, *, silent: bool = False) -> bool:
        index = self.proxy.mapFromSource(self.model.index_of_issue(issue_id))
        if not index.isValid():
            return False
        self._set_current(index, silent=silent)
        return True

    def neighbour(self, step: int) -> tuple[int, int] | None:
        """(issue id, article id) of the next (step 1) or previous (-1) article in the pane's order.

        Crosses issue boundaries, skipping issues that show no article.
        """
        proxy = self.proxy
        current = self.tree.currentIndex()
        if not current.isValid():
            issue_row = -1 if step > 0 else proxy.rowCount()
        elif current.data(Role.KIND) == ARTICLE:
            parent = current.parent()
            row = current.row() + step
            if 0 <= row < proxy.rowCount(parent):
                return self._ids(proxy.index(row, 0, parent))
            issue_row = parent.row()
        else:
            issue_row = current.row()
            if step > 0:
                first = self._article_at(issue_row, first=True)
                if first is not None:
                    return first
        row = issue_row + step
        while row >= 0:
            if row >= proxy.rowCount():  # past the issues shown so far: show more
                if not proxy.canFetchMore(QModelIndex()):
                    return None
                proxy.fetchMore(QModelIndex())
                continue
            found = self._article_at(row, first=step > 0)
            if found is not None:
                return found
            row += step
        return None

    def _article_at(self, issue_row: int, *, first: bool) -> tuple[int, int] | None:
        issue = self.proxy.index(issue_row, 0)
        if self.proxy.canFetchMore(issue):
            self.proxy.fetchMore(issue)
        count = self.proxy.rowCount(issue)
        if not count:
            return None
        return self._ids(self.proxy.index(0 if first else count - 1, 0, issue))

    @staticmethod
    def _ids(index: QModelIndex | QPersistentModelIndex) -> tuple[int, int]:
        return int(index.data(Role.ISSUE_ID)), int(index.data(Role.ID))

"""Revision history of an article: every revision, its differences, and Restore (undoable).

Each revision is listed with its number, time, author, reason and status.
The selected one is compared with the current text (or with the revision
before it: what that step changed); Restore brings its text back as a new
revision, one :class:`RestoreCommand` on the window's undo stack.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.core.op_changes import OpChanges
from reader.gui.changes_view import time_text
from reader.gui.commands import RevisionCommand
from reader.gui.labels import status_label
from reader.gui.marked_text import MarkColors, legend, write_block_diffs
from reader.gui.undo import EditContext

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from reader.services.tracking.revisions import RevisionInfo
    from reader.services.tracking.saving import SaveResult

REVISION_ROLE = Qt.ItemDataRole.UserRole + 1
CURRENT, PREVIOUS = "current", "previous"


def reason_label(reason: str) -> str:
    """What a revision's stored reason means, in words."""

    kind, _, rest = reason.partition(":")
    if reason == "original":
        return QCoreApplication.translate("History", "As imported")
    if reason == "edit":
        return QCoreApplication.translate("History", "Edited")
    if reason == "revert":
        return QCoreApplication.translate("History", "A change reverted")
    if reason == "replace":
        return QCoreApplication.translate("History", "Find and replace")
    if reason == "segmentation":
        return QCoreApplication.translate("History", "Articles split or merged")
    if reason.startswith("restore "):
        return QCoreApplication.translate("History", "Revision %1 restored").replace(
            "%1", reason.removeprefix("restore ")
        )
    if kind == "status":
        return QCoreApplication.translate("History", "Status: %1").replace("%1", status_label(rest))
    if kind == "suggestion":
        from reader.gui.commands.suggestions import rule_label

        return QCoreApplication.translate("History", "Suggestion accepted (%1)").replace(
            "%1", rule_label(rest)
        )
    return reason


class RestoreCommand(RevisionCommand):
    """Bring an article's text back to a revision, as a new revision."""

    def __init__(self, context: EditContext, article_id: int, revision: RevisionInfo) -> None:
        text = QCoreApplication.translate("History", "Restore Revision %1").replace(
            "%1", str(revision.number)
        )
        super().__init__(context, text, article_id)
        self.revision_id = revision.id

    def change(self, session: Session) -> SaveResult:
        from reader.services.tracking.saving import restore_revision

        return restore_revision(session, self.revision_id, author=self.author)


class HistoryDialog(QDialog):
    """The revisions of one article (not modal: it follows the article shown)."""

    def __init__(self, context: EditContext, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("historyDialog")
        self.setWindowTitle(self.tr("Revision History"))
        self.context = context
        self.article_id: int | None = None
        self.revisions: list[RevisionInfo] = []

        self.title = QLabel()
        self.title.setObjectName("historyTitle")
        self.title.setWordWrap(True)
        self.list = QTreeWidget()
        self.list.setObjectName("revisionList")
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setHeaderLabels(
            [self.tr("No."), self.tr("When"), self.tr("By"), self.tr("Reason"), self.tr("Status")]
        )
        self.list.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.compare = QComboBox()
        self.compare.setObjectName("historyCompare")
        self.compare.addItem(self.tr("Compared with the current text"), CURRENT)
        self.compare.addItem(self.tr("What this revision changed"), PREVIOUS)
        self.legend = QLabel()
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.diff_view = QTextBrowser()
        self.diff_view.setObjectName("revisionDiff")
        compare_row = QHBoxLayout()
        compare_row.addWidget(self.compare)
        compare_row.addWidget(self.legend, 1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(compare_row)
        right_layout.addWidget(self.diff_view, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.list)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([420, 480])  # the list's five columns readable from the start

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.restore_button = QPushButton(self.tr("&Restore This Revision"))
        self.restore_button.setObjectName("restoreRevision")
        self.restore_button.setToolTip(self.tr("Bring this text back, as a new revision (undoable)"))
        self.buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        self.restore_button.clicked.connect(self.restore_selected)
        self.list.currentItemChanged.connect(lambda _item, _previous: self._show_diff())
        self.compare.currentIndexChanged.connect(lambda _row: self._show_diff())
        context.operation_did_execute.connect(self._on_changed)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.buttons)
        self.resize(900, 520)

    def load(self, article_id: int | None, title: str = "") -> None:
        """List the revisions of an article (the newest selected)."""
        from reader.services.tracking.revisions import revisions

        library = self.context.library()
        self.article_id = article_id
        self.revisions = []
        if article_id is not None and library is not None:
            with library.session() as session:
                self.revisions = revisions(session, article_id)
        if title:
            self.title.setText(title)
        elif article_id is None:
            self.title.setText(self.tr("No article is shown."))
        self.list.clear()
        for revision in self.revisions:
            item = QTreeWidgetItem(
                self.list,
                [
                    str(revision.number),
                    time_text(revision.created_at),
                    revision.author,
                    reason_label(revision.reason),
                    status_label(revision.status),
                ],
            )
            item.setData(0, REVISION_ROLE, revision.id)
            item.setToolTip(3, revision.reason)
        if not self.revisions and article_id is not None:
            self.title.setText(
                (title or self.title.text()) + "\n" + self.tr("This article has not been edited yet.")
            )
        last = self.list.topLevelItem(self.list.topLevelItemCount() - 1)
        if last is not None:
            self.list.setCurrentItem(last)
        else:
            self._show_diff()

    def selected(self) -> RevisionInfo | None:
        item = self.list.currentItem()
        if item is None:
            return None
        wanted = int(item.data(0, REVISION_ROLE))
        return next((r for r in self.revisions if r.id == wanted), None)

    def select_number(self, number: int) -> bool:
        """Select the revision with this number."""
        for row in range(self.list.topLevelItemCount()):
            item = self.list.topLevelItem(row)
            if item is not None and item.text(0) == str(number):
                self.list.setCurrentItem(item)
                return True
        return False

    def _show_diff(self) -> None:
        from reader.services.review import compare_with_current
        from reader.services.tracking.revisions import revision_diff

        colors = MarkColors.for_palette(self.palette())
        revision = self.selected()
        library = self.context.library()
        doc = QTextDocument(self.diff_view)
        latest = bool(self.revisions) and revision is not None and revision.id == self.revisions[-1].id
        self.restore_button.setEnabled(revision is not None and not latest and not self.context.read_only())
        if revision is None or library is None:
            self.diff_view.setDocument(doc)
            self.legend.clear()
            return
        with library.session() as session:
            if self.compare.currentData() == CURRENT:
                diffs = compare_with_current(session, revision.id)
            else:
                diffs = revision_diff(session, revision.id)
        write_block_diffs(QTextCursor(doc), diffs, colors)
        self.diff_view.setDocument(doc)
        self.legend.setText(legend(colors))

    def restore_selected(self) -> bool:
        """Restore the selected revision (one step on the undo stack)."""
        revision = self.selected()
        if revision is None or self.article_id is None:
            return False
        before = self.context.stack.count()
        self.context.stack.push(RestoreCommand(self.context, self.article_id, revision))
        return self.context.stack.count() > before

    def _on_changed(self, changes: object, _source: object) -> None:
        if self.isVisible() and isinstance(changes, OpChanges) and self.article_id in changes.article_ids:
            self.load(self.article_id)

"""Show changes: the article marked against its OCR original, and every change listed, revertible one by one.

The text is laid out with ``reader.core.diffing.render_marked`` (deleted runs
struck through in red, inserted ones underlined in green, in colours for
the light or dark palette); the list gives each change's author, time and
rule.  Reverting a change is a :class:`RevertChangeCommand` on the window's
undo stack.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
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

from reader.core.diffing import Mark, Segment, render_marked
from reader.gui.commands import RevisionCommand
from reader.gui.labels import role_label
from reader.gui.marked_text import MarkColors, insert_segments, label_format, legend, spaced_block
from reader.gui.undo import EditContext

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from reader.services.review import ArticleReview
    from reader.services.tracking.attribution import TrackedChange
    from reader.services.tracking.saving import SaveResult

CHANGE_ROLE = Qt.ItemDataRole.UserRole + 1  # the row's index in the review's changes


def change_text(old: str, new: str) -> str:
    """A change in a few words: “old” → “new”, or what was deleted or inserted."""
    if not new:
        return QCoreApplication.translate("ChangesView", "deleted “%1”").replace("%1", old)
    if not old:
        return QCoreApplication.translate("ChangesView", "inserted “%1”").replace("%1", new)
    return f"“{old}” → “{new}”"


def time_text(value: object) -> str:
    """A stored UTC time in local time, to the minute."""
    from datetime import datetime

    return value.astimezone().strftime("%Y-%m-%d %H:%M") if isinstance(value, datetime) else ""


class RevertChangeCommand(RevisionCommand):
    """Put back the original text of one change (a hunk against the OCR original), keeping the others."""

    def __init__(self, context: EditContext, article_id: int, change: TrackedChange) -> None:
        what = change_text(change.change.old, change.change.new)
        text = QCoreApplication.translate("ChangesView", "Revert %1").replace("%1", what)
        super().__init__(context, text, article_id)
        self.block_id = change.block_id
        self.index = change.index

    def change(self, session: Session) -> SaveResult:
        from reader.services.tracking.attribution import revert_one

        return revert_one(session, self.article_id, self.block_id, self.index, author=self.author)


class ChangesView(QWidget):
    """The current article with its changes marked, and the list of changes with a Revert button."""

    def __init__(self, context: EditContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("changesView")
        self.context = context
        self.article_id: int | None = None
        self.review: ArticleReview | None = None
        self._spans: list[tuple[int, int]] = []  # document span of each change, in list order

        self.header = QLabel()
        self.header.setObjectName("changesHeader")
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.text_view = QTextBrowser()
        self.text_view.setObjectName("changesText")
        self.text_view.setOpenLinks(False)
        self.list = QTreeWidget()
        self.list.setObjectName("changesList")
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setHeaderLabels(
            [self.tr("Block"), self.tr("Change"), self.tr("By"), self.tr("When"), self.tr("Rule")]
        )
        header = self.list.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self.revert_button = QPushButton(self.tr("&Revert This Change"))
        self.revert_button.setObjectName("revertChange")
        self.revert_button.setToolTip(self.tr("Put back the OCR original of the selected change (undoable)"))
        self.revert_button.setEnabled(False)
        self.count_label = QLabel()
        self.count_label.setObjectName("changesCount")

        below = QWidget()
        below_layout = QVBoxLayout(below)
        below_layout.setContentsMargins(0, 0, 0, 0)
        below_layout.addWidget(self.list, 1)
        row = QHBoxLayout()
        row.addWidget(self.count_label, 1)
        row.addWidget(self.revert_button)
        below_layout.addLayout(row)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.text_view)
        splitter.addWidget(below)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.header)
        layout.addWidget(splitter, 1)

        self.list.currentItemChanged.connect(self._on_current)
        self.list.itemActivated.connect(lambda _item, _column: self.revert_selected())
        self.revert_button.clicked.connect(self.revert_selected)

    # loading
    def load(self, article_id: int | None) -> None:
        """Show an article's changes (None: nothing)."""
        from reader.core.errors import JiaokanError
        from reader.services.review import article_review

        library = self.context.library()
        review = None
        if article_id is not None and library is not None:
            try:
                with library.session() as session:
                    review = article_review(session, article_id)
            except JiaokanError:
                review = None
        row = self.list.currentIndex().row() if article_id == self.article_id else 0
        self.article_id = article_id if review is not None else None
        self.review = review
        self._render()
        item = self.list.topLevelItem(min(max(row, 0), self.list.topLevelItemCount() - 1))
        if item is not None:
            self.list.setCurrentItem(item)

    def reload(self) -> None:
        """Read the article shown again (after a change), keeping the place in the list."""
        self.load(self.article_id)

    def _render(self) -> None:
        colors = MarkColors.for_palette(self.palette())
        review = self.review
        self.list.clear()
        self._spans = []
        doc = QTextDocument(self.text_view)
        if review is None:
            self.header.setText(self.tr("No article is shown."))
            self.text_view.setDocument(doc)
            self.count_label.clear()
            self.revert_button.setEnabled(False)
            return
        title = review.title or self.tr("(untitled)")
        self.header.setText(
            self.tr("<b>%1</b> against the OCR original (original script): %2")
            .replace("%1", title.replace("&", "&amp;").replace("<", "&lt;"))
            .replace("%2", legend(colors))
        )
        by_block: dict[int, list[TrackedChange]] = {}
        for change in review.changes:
            by_block.setdefault(change.block_id, []).append(change)
        spans: dict[tuple[int, int], tuple[int, int]] = {}
        cursor = QTextCursor(doc)
        for number, block in enumerate(review.blocks):
            if number:
                cursor.insertBlock(spaced_block(10.0))
            cursor.insertText(role_label(block.role), label_format(colors))
            cursor.insertBlock(spaced_block(2.0))
            segments = render_marked(block.original, block.text)
            placed = insert_segments(cursor, segments, colors)
            for index, span in _hunk_spans(segments, placed, by_block.get(block.id, [])):
                spans[(block.id, index)] = span
        self.text_view.setDocument(doc)
        for number, change in enumerate(review.changes):
            item = QTreeWidgetItem(
                self.list,
                [
                    role_label(review.blocks[change.block_position].role),
                    change_text(change.change.old, change.change.new),
                    change.author or "—",
                    time_text(change.time),
                    change.rule or "",
                ],
            )
            item.setData(0, CHANGE_ROLE, number)
            item.setToolTip(1, item.text(1))
            self._spans.append(spans.get((change.block_id, change.index), (0, 0)))
        self.count_label.setText(self.tr("%n change(s) against the original", "", len(review.changes)))
        self.revert_button.setEnabled(bool(review.changes) and not self.context.read_only())

    def selected_change(self) -> TrackedChange | None:
        item = self.list.currentItem()
        if item is None or self.review is None:
            return None
        return self.review.changes[int(item.data(0, CHANGE_ROLE))]

    def _on_current(self, item: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        if item is None:
            return
        start, end = self._spans[int(item.data(0, CHANGE_ROLE))]
        cursor = QTextCursor(self.text_view.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        self.text_view.setTextCursor(cursor)
        self.text_view.ensureCursorVisible()

    # reverting
    def revert_selected(self) -> bool:
        """Revert the selected change (one step on the undo stack)."""
        change = self.selected_change()
        if change is None or self.article_id is None:
            return False
        before = self.context.stack.count()
        self.context.stack.push(RevertChangeCommand(self.context, self.article_id, change))
        return self.context.stack.count() > before

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self.review is not None:
            self._render()


def _hunk_spans(
    segments: list[Segment], placed: list[tuple[int, int]], changes: list[TrackedChange]
) -> list[tuple[int, tuple[int, int]]]:
    """The document span of each of a block's changes, found in its marked runs.

    A change starts at the run (deleted when it removed text, else inserted)
    found where its original offset is; it covers that run and the inserted
    run right after it.
    """
    found = []
    position = 0  # offset in the original text
    pending = sorted(changes, key=lambda c: c.index)
    at = 0
    for number, segment in enumerate(segments):
        if at < len(pending) and segment.mark is not Mark.EQUAL:
            change = pending[at].change
            wanted = Mark.DELETED if change.old else Mark.INSERTED
            if change.orig_start == position and segment.mark is wanted:
                start, end = placed[number]
                following = segments[number + 1] if number + 1 < len(segments) else None
                if wanted is Mark.DELETED and change.new and following and following.mark is Mark.INSERTED:
                    end = placed[number + 1][1]
                found.append((pending[at].index, (start, end)))
                at += 1
        if segment.mark is not Mark.INSERTED:
            position += len(segment.text)
    return found

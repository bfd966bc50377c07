"""The layout view: a whole issue as its original blocks, in order, to fix its segmentation by keyboard.

One window per issue (Structure > Layout View, Ctrl+Shift+L): every article
is a bold heading row ("Article 3 · title · status") with its blocks under it
(role and text), and every leftover a grey row where it stands in the
original, so article boundaries and roles are visible at a glance.  The
structure edits (:mod:`reader.gui.layout_actions`) work on the selected row
and go on the main window's undo stack; the view reads the issue again in the
background after every change (of any view) and keeps the selection on the
same block.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QCloseEvent, QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMenuBar,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.gui.labels import leftover_label, role_label, status_label
from reader.gui.tasks import LatestTask
from reader.gui.workbench import Workbench

if TYPE_CHECKING:
    from reader.gui.edit_commands import Editing
    from reader.gui.tasks import TaskContext
    from reader.services.structure_view import IssueLayout

KIND = Qt.ItemDataRole.UserRole
"""Item data: ``("article", article_id)``, ``("block", article_id, position)`` or ``("leftover", id)``."""


@dataclass(frozen=True, slots=True)
class LayoutPlace:
    """The selected row: an article heading, one of its blocks, or a leftover."""

    kind: str  # "article", "block" or "leftover"
    issue_id: int
    article_id: int | None
    article_index: int  # among the issue's articles (-1 for a leftover)
    article_count: int
    position: int  # of the block in its article (-1 for an article heading or a leftover)
    block_count: int  # blocks of its article
    role: str  # the block's role, the leftover's kind, "" for an article
    text: str
    item_id: int  # the block's id, the leftover's id, or the article's id


class LayoutView(QWidget):
    """One issue's blocks in order (see the module); ``loaded`` fires after each read."""

    loaded = Signal()

    def __init__(self, wb: Workbench, editing: Editing, issue_id: int, article_id: int | None = None) -> None:
        super().__init__(wb.window, Qt.WindowType.Window)
        self.setObjectName("layoutView")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.wb = wb
        self.editing = editing
        self.issue_id = issue_id
        self.layout_: IssueLayout | None = None
        # what to select after the next read (at first: the article the reader was on)
        self._keep: tuple[str, int | None, int] | None = (
            None if article_id is None else ("article", None, article_id)
        )
        self._reader = reader = LatestTask(wb.runner, "read issue layout")
        # deleted with the window (no close event): a read still running must not fill it
        self.destroyed.connect(lambda *_: reader.cancel())
        self.heading = QLabel(self)
        self.heading.setObjectName("layoutHeading")
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("layoutTree")
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([self.tr("Block"), self.tr("Text")])
        self.tree.setRootIsDecorated(False)
        self.tree.setItemsExpandable(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(True)
        self.menu_bar = QMenuBar(self)
        box = QVBoxLayout(self)
        box.setMenuBar(self.menu_bar)
        box.addWidget(self.heading)
        box.addWidget(self.tree, 1)
        self.offer_area = QVBoxLayout()
        box.addLayout(self.offer_area)
        self.resize(900, 760)
        wb.operation_did_execute.connect(self._on_changed)

        from reader.gui.layout_actions import LayoutActions

        self.actions_ = LayoutActions(self)
        self.reload()

    # reading
    def reload(self) -> None:
        """Read the issue's layout in the background; the tree is filled when it arrives."""
        from reader.core.listing import NotFoundError
        from reader.services.library import check_issue_ids
        from reader.services.structure_view import issue_layout

        issue_id = self.issue_id

        def work(context: TaskContext) -> IssueLayout | None:
            with context.library.session() as session:
                try:
                    check_issue_ids(session, [issue_id])
                except NotFoundError:
                    return None  # deleted, here or by another client
                return issue_layout(session, issue_id)

        self._reader.start(work, self._read, self._failed)

    def _read(self, layout: IssueLayout | None) -> None:
        if layout is not None:
            self._fill(layout)
            return
        self._show_nothing(
            self.tr(
                "This issue was deleted. Edit > Undo in the main window brings it back; close this window."
            )
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        self._reader.cancel()  # a read still running must not fill a closed (deleted) view
        super().closeEvent(event)

    @property
    def loading(self) -> bool:
        return self._reader.running

    def _failed(self, error: BaseException) -> None:
        self._show_nothing(self.tr("The issue could not be read: %1").replace("%1", str(error)))

    def _show_nothing(self, why: str) -> None:
        self.heading.setText(why)
        self.tree.clear()
        self.layout_ = None
        self.loaded.emit()

    def _on_changed(self, _changes: object, _source: object) -> None:
        place = self.place()
        if place is not None and self._keep is None:
            self._keep = (
                place.kind,
                place.article_id,
                place.position if place.kind == "block" else place.item_id,
            )
        self.reload()

    def keep_selection(self, kind: str, article_id: int | None, position: int) -> None:
        """After the next read, select this row (a block by article and position, else by id)."""
        self._keep = (kind, article_id, position)

    def _fill(self, layout: IssueLayout) -> None:
        from reader.services.structure_view import LayoutArticle

        self.layout_ = layout
        keep, self._keep = self._keep, None
        articles = layout.articles
        self.setWindowTitle(self.tr("Layout of %1").replace("%1", layout.name))
        self.heading.setText(
            self.tr("%n article(s)", "", len(articles))
            + " · "
            + self.tr("%n leftover(s)", "", len(layout.items) - len(articles))
        )
        self.tree.clear()
        bold, italic = QFont(self.tree.font()), QFont(self.tree.font())
        bold.setBold(True)
        italic.setItalic(True)
        band = self.palette().brush(QPalette.ColorGroup.Active, QPalette.ColorRole.AlternateBase)
        grey = QBrush(self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
        chosen: QTreeWidgetItem | None = None
        for item in layout.items:
            if isinstance(item, LayoutArticle):
                head = QTreeWidgetItem(
                    self.tree,
                    [
                        self.tr("Article %1").replace("%1", str(item.position + 1)),
                        (item.title or self.tr("(untitled)")) + " · " + status_label(item.status),
                    ],
                )
                head.setData(0, KIND, ("article", item.id))
                for column in (0, 1):
                    head.setFont(column, bold)
                    head.setBackground(column, band)
                if keep is not None and keep[0] == "article" and keep[2] == item.id:
                    chosen = head
                for block in item.blocks:
                    row = QTreeWidgetItem(
                        head, [f"  {role_label(block.role)}", block.text.replace("\n", " ")]
                    )
                    row.setData(0, KIND, ("block", item.id, block.position))
                    row.setToolTip(1, block.text)
                    if keep is not None and keep[0] == "block" and keep[1:] == (item.id, block.position):
                        chosen = row
            else:
                row = QTreeWidgetItem(
                    self.tree,
                    [
                        self.tr("Leftover · %1").replace("%1", leftover_label(item.kind)),
                        item.text.replace("\n", " "),
                    ],
                )
                row.setData(0, KIND, ("leftover", item.id))
                for column in (0, 1):
                    row.setFont(column, italic)
                    row.setForeground(column, grey)
                if keep is not None and keep[0] == "leftover" and keep[2] == item.id:
                    chosen = row
        self.tree.expandAll()
        if chosen is None and keep is not None and keep[0] == "block":
            chosen = self._nearest_block(keep[1], keep[2])
        if chosen is None:
            chosen = self.tree.topLevelItem(0)
        if chosen is not None:
            self.tree.setCurrentItem(chosen)
        self.loaded.emit()

    def _nearest_block(self, article_id: int | None, position: int) -> QTreeWidgetItem | None:
        """The block at this position of the article, or its last one (a block that moved away)."""
        for index in range(self.tree.topLevelItemCount()):
            head = self.tree.topLevelItem(index)
            if head is not None and head.data(0, KIND) == ("article", article_id) and head.childCount():
                return head.child(min(position, head.childCount() - 1))
        return None

    # where the selection is
    def place(self) -> LayoutPlace | None:
        """The selected row, or None (nothing read yet, or nothing selected)."""
        from reader.services.structure_view import LayoutArticle

        item = self.tree.currentItem()
        layout = self.layout_
        if item is None or layout is None:
            return None
        data = item.data(0, KIND)
        articles = layout.articles
        count = len(articles)
        if data[0] == "leftover":
            found = next(
                (lo for lo in layout.items if not isinstance(lo, LayoutArticle) and lo.id == data[1]), None
            )
            if found is None:
                return None
            return LayoutPlace(
                "leftover", layout.issue_id, None, -1, count, -1, 0, found.kind, found.text, found.id
            )
        index = next((i for i, a in enumerate(articles) if a.id == data[1]), None)
        if index is None:
            return None
        article = articles[index]
        blocks = article.blocks
        if data[0] == "article":
            return LayoutPlace(
                "article",
                layout.issue_id,
                article.id,
                index,
                count,
                -1,
                len(blocks),
                "",
                article.title or "",
                article.id,
            )
        block = blocks[data[2]]
        return LayoutPlace(
            "block",
            layout.issue_id,
            article.id,
            index,
            count,
            block.position,
            len(blocks),
            block.role,
            block.text,
            block.id,
        )

    def select_block(self, article_id: int, position: int) -> bool:
        """Select a block row (True when there is one)."""
        found = self._nearest_block(article_id, position)
        if found is None or found.data(0, KIND) != ("block", article_id, position):
            return False
        self.tree.setCurrentItem(found)
        return True

    def select_text(self, text: str) -> bool:
        """Select the first row (block or leftover) showing exactly this text."""
        for item in self._rows():
            if item.data(0, KIND)[0] != "article" and item.toolTip(1) in (text, "") and item.text(1) == text:
                self.tree.setCurrentItem(item)
                return True
        return False

    def select_article(self, article_id: int) -> bool:
        for item in self._rows():
            if item.data(0, KIND) == ("article", article_id):
                self.tree.setCurrentItem(item)
                return True
        return False

    def _rows(self) -> list[QTreeWidgetItem]:
        rows: list[QTreeWidgetItem] = []
        for index in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(index)
            if top is not None:
                rows.append(top)
                rows.extend(c for i in range(top.childCount()) if (c := top.child(i)) is not None)
        return rows

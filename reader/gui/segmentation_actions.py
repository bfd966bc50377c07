"""Correcting the segmentation from the reading pane: the Structure menu and the block context menu.

The actions work on the block at the cursor (the editor's in edit mode, else
the reading pane's, where a right click moves it to the clicked block): split
the article there, merge it with the previous or next article, change the
block's role (``leftover`` takes it out of the article), move it to the
previous or next article, join it with the next block, split it at the
cursor.  Each is a command on the window's undo stack: redo runs the service
edit of :mod:`reader.services.segmentation_edits`, undo runs ``undo_edit``
with the undo record the edit returned (and keeps the redo record it returns
in turn).  The library pane and the reading pane are refreshed after each;
an edit that cannot be made (a SegmentationError) is shown and changes
nothing.  A status bar label tells which block the cursor is in."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMenu

from reader.gui import library_selection as selection
from reader.gui.commands import StructureCommand
from reader.gui.edit_commands import Editing, cursor_place, editor_blocks
from reader.gui.labels import role_label
from reader.gui.remember_offer import RememberOffer
from reader.gui.workbench import Workbench

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from reader.gui.layout_view import LayoutView
    from reader.services.segmentation_rows import Direction, EditResult

Edit = Callable[["Session", int, str], "EditResult"]
"""A segmentation edit of a block: ``(session, block id, author)``."""


class SegmentationCommand(StructureCommand):
    """One segmentation edit from the reading pane (see :class:`StructureCommand`).

    After each step an article shown that a merge removed is replaced.
    """

    def __init__(
        self, editing: Editing, text: str, article_id: int, edit: Callable[[Session], EditResult]
    ) -> None:
        super().__init__(editing.context, text, [article_id], edit, after=self._shown)
        self._editing = editing

    def _shown(self, result: EditResult) -> None:
        self._editing.show_surviving_article(frozenset(result.articles))


@dataclass(frozen=True, slots=True)
class BlockPlace:
    """Where the cursor is: article, block and offset in the block's stored text."""

    issue_id: int
    article_id: int
    article_position: int
    article_count: int  # articles in the issue
    block_index: int
    block_count: int
    role: str
    offset: int
    length: int  # of the block's stored text


def _block_id(session: Session, article_id: int, position: int) -> int:
    from sqlalchemy import select

    from db.models import Block
    from reader.services.segmentation_rows import SegmentationError

    block_id = session.scalar(
        select(Block.id).where(Block.article_id == article_id, Block.position == position)
    )
    if block_id is None:
        raise SegmentationError(
            QCoreApplication.translate("StructureActions", "article %1 has no block %2: show it again")
            .replace("%1", str(article_id))
            .replace("%2", str(position))
        )
    return block_id


class StructureActions(QObject):
    """The Structure menu, its entries in the reading pane's context menu, and the commands behind them."""

    def __init__(self, wb: Workbench, editing: Editing) -> None:
        super().__init__(wb)
        self.setObjectName("structureActions")
        self._wb = wb
        self._editing = editing
        a = wb.actions
        self.edit_actions: list[QAction] = [
            a.split_article,
            a.merge_previous,
            a.merge_next,
            a.move_to_previous,
            a.move_to_next,
            a.join_next,
            a.split_block,
        ]
        self.menu = QMenu(self.tr("&Structure"), wb.window)
        self.menu.setObjectName("structureMenu")
        self._fill_menu(self.menu)
        self.block_label = QLabel(wb.window)
        self.block_label.setObjectName("blockLabel")
        wb.add_status_widget(self.block_label)
        self.remember_offer = RememberOffer(
            editing, wb.window
        )  # after a role change: remember it for the paper
        wb.add_status_widget(self.remember_offer)

        a.layout_view.triggered.connect(lambda _checked=False: self.open_layout_view())
        from reader.gui.issue_actions import IssueActions
        from reader.gui.proofreading import Proofreading

        issue_actions = wb.feature(IssueActions)
        if issue_actions is not None:
            issue_actions.add_entry(
                self.tr("Show in &Layout View"), lambda issue_id: self.open_layout_view(issue_id)
            )
        a.split_article.triggered.connect(self.split_article)
        a.merge_previous.triggered.connect(lambda: self.merge("previous"))
        a.merge_next.triggered.connect(lambda: self.merge("next"))
        a.move_to_previous.triggered.connect(lambda: self.move("previous"))
        a.move_to_next.triggered.connect(lambda: self.move("next"))
        a.join_next.triggered.connect(self.join_next)
        a.split_block.triggered.connect(self.split_block)
        a.role_group.triggered.connect(lambda action: self.set_role(str(action.data())))
        view = wb.panes.reading_view
        view.cursorPositionChanged.connect(self.update_actions)
        proofreading = wb.feature(Proofreading)
        if proofreading is not None:  # in edit mode the editor's cursor is the one that counts
            proofreading.editor_pane.editor.cursorPositionChanged.connect(self.update_actions)
        wb.panes.stack.currentChanged.connect(lambda _index: self.update_actions())
        view.context_menu_opening.connect(self._extend_context_menu)
        wb.navigator.article_shown.connect(lambda _article_id: self.update_actions())
        wb.navigator.issue_shown.connect(lambda _issue_id: self.update_actions())
        wb.panes.library_pane.tree.selectionModel().selectionChanged.connect(lambda *_: self.update_actions())
        self.update_actions()

    def _fill_menu(self, menu: QMenu) -> None:
        a = self._wb.actions
        menu.addAction(a.layout_view)
        menu.addSeparator()
        menu.addActions([a.split_article, a.merge_previous, a.merge_next])
        menu.addSeparator()
        roles = menu.addMenu(self.tr("Block &Role"))
        roles.addActions(list(a.role_actions.values()))
        menu.addActions([a.move_to_previous, a.move_to_next])
        menu.addSeparator()
        menu.addActions([a.join_next, a.split_block])

    def _extend_context_menu(self, menu: QMenu) -> None:
        a = self._wb.actions
        if self._wb.navigator.article_id is None:
            return
        menu.addSeparator()
        menu.addAction(a.add_note)
        structure = menu.addMenu(self.tr("&Structure"))
        self._fill_menu(structure)

    # where the cursor is
    def place(self) -> BlockPlace | None:
        """The block at the reading pane's cursor, or None (no article, or between blocks)."""
        view = self._wb.panes.reading_view
        document = view.article_document
        rendered = view.rendered
        found = cursor_place(self._wb)
        if document is None or rendered is None or found is None:
            return None
        index, offset = found
        blocks = editor_blocks(self._wb)
        if blocks is None:  # reading: the pane's blocks
            blocks = [(block.role, len(block.original)) for block in rendered.blocks]
        if index >= len(blocks):
            return None
        issue_id = int(document["issue_id"])
        row = self._wb.panes.library_model.issue_row(issue_id)
        position = int(document["position"])
        role, length = blocks[index]
        return BlockPlace(
            issue_id,
            int(document["id"]),
            position,
            row.article_count if row is not None else position + 1,
            index,
            len(blocks),
            role,
            offset,
            length,
        )

    def update_actions(self) -> None:
        """Enable what makes sense at the cursor, check its block's role, name the block in the status bar."""
        a = self._wb.actions
        a.layout_view.setEnabled(self._issue_for_layout() is not None)
        place = self.place()
        if place is None:
            for action in [*self.edit_actions, *a.role_actions.values()]:
                action.setEnabled(False)
            checked = a.role_group.checkedAction()
            if checked is not None:
                checked.setChecked(False)
            self.block_label.clear()
            self._enable_merges_from_selection()
            return
        single = place.block_count == 1
        a.split_article.setEnabled(place.block_index > 0)
        a.merge_previous.setEnabled(place.article_position > 0)
        a.merge_next.setEnabled(place.article_position < place.article_count - 1)
        a.move_to_previous.setEnabled(place.article_position > 0 and not single)
        a.move_to_next.setEnabled(place.article_position < place.article_count - 1 and not single)
        a.join_next.setEnabled(place.block_index < place.block_count - 1)
        a.split_block.setEnabled(0 < place.offset < place.length)
        for role, action in a.role_actions.items():
            action.setEnabled(not (role == "leftover" and single))
            action.setChecked(role == place.role)
        self.block_label.setText(
            self.tr("Block %1 of %2 · %3")
            .replace("%1", str(place.block_index + 1))
            .replace("%2", str(place.block_count))
            .replace("%3", role_label(place.role))
        )

    def _article_for_merge(self) -> tuple[int, int, int] | None:
        """(article id, index, article count) of the article shown, or else selected in the library pane."""
        wb = self._wb
        shown = wb.navigator.article_id
        ids = [shown] if shown is not None else selection.selected_article_ids(wb.panes)
        issues = [wb.navigator.issue_id] if shown is not None else selection.selected_issue_ids(wb.panes)
        if len(ids) != 1 or len(issues) != 1 or issues[0] is None:
            return None
        rows = wb.panes.library_model.fetched_articles(issues[0]) or []
        index = next((i for i, row in enumerate(rows) if row.id == ids[0]), None)
        return None if index is None else (ids[0], index, len(rows))

    def _enable_merges_from_selection(self) -> None:
        """Merging needs no cursor: the article shown or selected in the library pane is enough."""
        a = self._wb.actions
        found = self._article_for_merge()
        a.merge_previous.setEnabled(found is not None and found[1] > 0)
        a.merge_next.setEnabled(found is not None and found[1] < found[2] - 1)

    def _issue_for_layout(self) -> int | None:
        """The issue shown in the reading pane, or else the one selected in the library pane."""
        shown = self._wb.navigator.issue_id
        if shown is not None:
            return shown  # the library pane's selection is read only when nothing is shown (it costs)
        selected = selection.selected_issue_ids(self._wb.panes)
        return selected[0] if len(selected) == 1 else None

    def open_layout_view(self, issue_id: int | None = None) -> LayoutView | None:
        """Open (or bring forward) the layout view of ``issue_id``, else of the issue shown or selected."""
        from reader.gui.layout_view import LayoutView

        if issue_id is None:
            issue_id = self._issue_for_layout()
        if issue_id is None:
            self._wb.messages.status(self.tr("Choose an issue in the library first."), 5000)
            return None
        for view in self._wb.findChildren(LayoutView):
            if view.issue_id == issue_id:
                view.raise_()
                view.activateWindow()
                return view
        shown = self._wb.panes.reading_view
        article_id = shown.article_id if shown.issue_id == issue_id else None
        view = LayoutView(self._wb, self._editing, issue_id, article_id)
        view.show()
        return view

    # edits
    def _run(self, text: str, edit: Edit, *, at: BlockPlace | None = None) -> bool:
        place = at or self.place()
        if place is None:
            self._wb.messages.status(self.tr("Put the cursor in a block of the article first."), 5000)
            return False
        author = self._editing.author
        article_id, position = place.article_id, place.block_index

        def first(session: Session) -> EditResult:
            return edit(session, _block_id(session, article_id, position), author)

        done = self._editing.push(SegmentationCommand(self._editing, text, article_id, first))
        self.update_actions()  # the checked role, when a role change failed
        return done

    def split_article(self) -> bool:
        """Start a new article at the block at the cursor."""
        from reader.services.segmentation_edits import split_article

        return self._run(
            self.tr("Split Article"),
            lambda session, block_id, author: split_article(session, block_id, author=author),
        )

    def merge(self, direction: Direction) -> bool:
        """Merge the article shown (or selected in the library pane) with the previous or the next one."""
        from reader.services.segmentation_edits import merge_articles

        found = self._article_for_merge()
        if found is None:
            return False
        article_id = found[0]
        author = self._editing.author

        def first(session: Session) -> EditResult:
            return merge_articles(session, article_id, direction, author=author)

        text = (
            self.tr("Merge with Previous Article")
            if direction == "previous"
            else self.tr("Merge with Next Article")
        )
        return self._editing.push(SegmentationCommand(self._editing, text, article_id, first))

    def move(self, direction: Direction) -> bool:
        """Move the block at the cursor to the end of the previous, or the start of the next, article."""
        from reader.services.segmentation_edits import move_block

        text = (
            self.tr("Move Block to Previous Article")
            if direction == "previous"
            else self.tr("Move Block to Next Article")
        )
        return self._run(
            text, lambda session, block_id, author: move_block(session, block_id, direction, author=author)
        )

    def join_next(self) -> bool:
        """Join the block at the cursor with the next one."""
        from reader.services.segmentation_edits import join_blocks

        return self._run(
            self.tr("Join Blocks"),
            lambda session, block_id, author: join_blocks(session, block_id, author=author),
        )

    def split_block(self) -> bool:
        """Split the block at the cursor into two, at the cursor."""
        from reader.services.segmentation_edits import split_block

        place = self.place()
        if place is None:
            return self._run(self.tr("Split Block"), _no_edit)
        offset = place.offset
        return self._run(
            self.tr("Split Block"),
            lambda session, block_id, author: split_block(session, block_id, offset, author=author),
            at=place,
        )

    def set_role(self, role: str) -> bool:
        """Give the block at the cursor another role (``leftover`` takes it out of the article)."""
        from reader.services.segmentation_edits import set_block_role

        place = self.place()
        if place is None or place.role == role:
            self.update_actions()
            return False
        rendered = self._wb.panes.reading_view.rendered
        line = rendered.blocks[place.block_index].original if rendered is not None else ""
        done = self._run(
            self.tr("Make Block a %1").replace("%1", role_label(role)),
            lambda session, block_id, author: set_block_role(session, block_id, role, author=author),
            at=place,
        )
        if done:
            self.remember_offer.offer((place.issue_id, line, role))
        return done


def _no_edit(session: Session, block_id: int, author: str) -> EditResult:
    """Never called: ``_run`` reports the missing cursor before any edit."""
    raise AssertionError("no block at the cursor")


def install_structure_menu(wb: Workbench, editing: Editing) -> StructureActions:
    """Add the Structure menu (before Help) and the reading pane's block context menu entries."""
    structure = StructureActions(wb, editing)
    wb.add_menu(structure.menu, before_menu_of=wb.actions.about)
    return structure

"""The layout view's commands: one key per role, split and merge, move and reorder blocks, leftovers.

Every command works on the selected row of the :class:`~reader.gui.layout_view.LayoutView`
and is a :class:`~reader.gui.commands.StructureCommand` on the main
window's undo stack (Ctrl+Z / Ctrl+Shift+Z here too), so it is tracked (a
``segmentation`` revision), checked for nothing-lost by the service, and
undoable.  The menus of the view name every shortcut.  After a role change or
a block taken out as masthead or leftover, a bar offers to remember the line
for the paper (Ctrl+R; :mod:`reader.gui.remember_offer`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
)

from reader.gui.commands import StructureCommand
from reader.gui.labels import ROLE_KEYS, leftover_label, role_label, role_menu_label
from reader.gui.remember_offer import LEFTOVER_KINDS, RememberOffer
from reader.gui.undo import make_undo_actions

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from reader.gui.layout_view import LayoutPlace, LayoutView
    from reader.services.segmentation_rows import EditResult


LEFTOVER_KEYS = {
    "leftover": QKeySequence(Qt.Key.Key_L),
    "masthead": QKeySequence(Qt.Key.Key_M),
    "layout": QKeySequence(Qt.Modifier.SHIFT | Qt.Key.Key_L),
}
"""Taking a block out of its article: as a leftover (other), as masthead, as page layout."""


class LayoutActions(QObject):
    """The layout view's actions and menus, and the commands behind them."""

    def __init__(self, view: LayoutView) -> None:
        super().__init__(view)
        self.setObjectName("layoutActions")
        self.view = view
        self.editing = view.editing
        self.role_group = QActionGroup(self)
        self.role_actions: dict[str, QAction] = {}
        for role, key in ROLE_KEYS.items():
            action = self._make(role_menu_label(role), QKeySequence(key), checkable=True)
            action.setData(role)
            self.role_group.addAction(action)
            self.role_actions[role] = action
        self.leftover_actions = {
            "leftover": self._make(self.tr("Take Out as &Leftover"), LEFTOVER_KEYS["leftover"]),
            "masthead": self._make(self.tr("Take Out as Mast&head"), LEFTOVER_KEYS["masthead"]),
            "layout": self._make(self.tr("Take Out as Page La&yout"), LEFTOVER_KEYS["layout"]),
        }
        ctrl, alt = Qt.Modifier.CTRL, Qt.Modifier.ALT
        self.split = self._make(self.tr("&Split Article Here"), QKeySequence(ctrl | Qt.Key.Key_Return))
        self.merge_previous = self._make(
            self.tr("Merge with &Previous Article"), QKeySequence(ctrl | Qt.Key.Key_Backspace)
        )
        self.merge_next = self._make(
            self.tr("Merge with &Next Article"), QKeySequence(ctrl | Qt.Key.Key_Delete)
        )
        self.move_to = self._make(self.tr("&Move Block to Article…"), QKeySequence(ctrl | Qt.Key.Key_M))
        self.move_new = self._make(self.tr("Move Block to a New &Article"), QKeySequence(ctrl | Qt.Key.Key_N))
        self.move_up = self._make(self.tr("Move Block &Up"), QKeySequence(alt | Qt.Key.Key_Up))
        self.move_down = self._make(self.tr("Move Block &Down"), QKeySequence(alt | Qt.Key.Key_Down))
        self.remember = self._make(self.tr("R&emember for This Paper"), QKeySequence(ctrl | Qt.Key.Key_R))
        self.forget = self._make(
            self.tr("&Forget for This Paper"), QKeySequence(ctrl | Qt.Modifier.SHIFT | Qt.Key.Key_R)
        )
        self.reload = self._make(self.tr("Read &Again"), QKeySequence(Qt.Key.Key_F5))
        self.close = self._make(self.tr("&Close"), QKeySequence(ctrl | Qt.Key.Key_W))
        self.undo, self.redo = make_undo_actions(self.editing.context.stack, self)
        view.addActions([self.undo, self.redo])
        self._build_menus()
        self.offer_bar = RememberOffer(self.editing, view)
        view.offer_area.addWidget(self.offer_bar)
        self.offer_bar.changed.connect(self.remember.setEnabled)

        self.role_group.triggered.connect(lambda action: self.set_role(str(action.data())))
        for role, action in self.leftover_actions.items():
            action.triggered.connect(lambda _checked=False, r=role: self.take_out(r))
        self.split.triggered.connect(self.split_here)
        self.merge_previous.triggered.connect(lambda: self.merge("previous"))
        self.merge_next.triggered.connect(lambda: self.merge("next"))
        self.move_to.triggered.connect(self.choose_target)
        self.move_new.triggered.connect(lambda: self.move_block(None))
        self.move_up.triggered.connect(lambda: self.reorder(-1))
        self.move_down.triggered.connect(lambda: self.reorder(1))
        self.remember.triggered.connect(self.offer_bar.remember)
        self.forget.triggered.connect(self.forget_line)
        self.reload.triggered.connect(view.reload)
        self.close.triggered.connect(view.close)
        view.tree.currentItemChanged.connect(lambda *_: self.update_actions())
        view.loaded.connect(self.update_actions)
        self.update_actions()

    def _make(self, text: str, key: QKeySequence, *, checkable: bool = False) -> QAction:
        action = QAction(text, self.view)
        action.setShortcut(key)
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.setCheckable(checkable)
        self.view.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.view.menu_bar
        block = bar.addMenu(self.tr("&Block"))
        roles = block.addMenu(self.tr("&Role"))
        roles.addActions(list(self.role_actions.values()))
        block.addActions(list(self.leftover_actions.values()))
        block.addSeparator()
        block.addActions([self.move_up, self.move_down, self.move_to, self.move_new])
        block.addSeparator()
        block.addActions([self.remember, self.forget])
        article = bar.addMenu(self.tr("&Article"))
        article.addActions([self.split, self.merge_previous, self.merge_next])
        edit = bar.addMenu(self.tr("&Edit"))
        edit.addActions([self.undo, self.redo, self.reload, self.close])

    # what is enabled
    def update_actions(self) -> None:
        place = self.view.place()
        block = place is not None and place.kind == "block"
        leftover = place is not None and place.kind == "leftover"
        several = place is not None and place.block_count > 1
        for role, action in self.role_actions.items():
            action.setEnabled(block or leftover)
            action.setChecked(block and place is not None and place.role == role)
        for action in self.leftover_actions.values():
            action.setEnabled(block and several)
        index = place.article_index if place is not None else -1
        count = place.article_count if place is not None else 0
        in_article = place is not None and place.kind in ("article", "block")
        self.split.setEnabled(block and place is not None and place.position > 0)
        self.merge_previous.setEnabled(in_article and index > 0)
        self.merge_next.setEnabled(in_article and 0 <= index < count - 1)
        self.move_to.setEnabled(block and several)
        self.move_new.setEnabled(block and several)
        self.move_up.setEnabled(block and place is not None and place.position > 0)
        self.move_down.setEnabled(block and place is not None and place.position < place.block_count - 1)
        self.remember.setEnabled(self.offer_bar.pending is not None)
        self.forget.setEnabled(place is not None and place.kind != "article")

    # commands
    def _push(
        self,
        text: str,
        place: LayoutPlace,
        edit: Callable[[Session, str], EditResult],
        after: Callable[[EditResult], None] | None = None,
    ) -> bool:
        author = self.editing.author
        ids = [place.article_id] if place.article_id is not None else []
        command = StructureCommand(
            self.editing.context, text, ids, lambda session: edit(session, author), after
        )
        done = self.editing.push(command)
        self.update_actions()
        return done

    def _block_place(self) -> LayoutPlace | None:
        place = self.view.place()
        if place is None or place.kind != "block":
            self.view.wb.messages.status(self.tr("Select a block first."), 5000)
            return None
        return place

    def set_role(self, role: str) -> bool:
        """Give the selected block this role (a leftover row: bring it into the article before it)."""
        from reader.services.segmentation_edits import leftover_to_article, set_block_role

        place = self.view.place()
        if place is None or place.kind == "article" or (place.kind == "block" and place.role == role):
            self.update_actions()
            return False
        text = self.tr("Make Block a %1").replace("%1", role_label(role))
        if place.kind == "leftover":
            return self._push(
                text, place, lambda s, a: leftover_to_article(s, place.item_id, role=role, author=a)
            )
        done = self._push(text, place, lambda s, a: set_block_role(s, place.item_id, role, author=a))
        if done:
            self.offer_bar.offer((place.issue_id, place.text, role))
        return done

    def take_out(self, how: str) -> bool:
        """Take the selected block out of its article: ``leftover``, ``masthead`` or ``layout``."""
        from reader.services.segmentation_edits import block_to_leftover

        place = self._block_place()
        if place is None:
            return False
        kind = LEFTOVER_KINDS[how]
        done = self._push(
            self.tr("Take Block Out as %1").replace("%1", leftover_label(kind)),
            place,
            lambda s, a: block_to_leftover(s, place.item_id, author=a, kind=kind),
        )
        if done:
            self.offer_bar.offer((place.issue_id, place.text, how))
        return done

    def split_here(self) -> bool:
        """Start a new article at the selected block."""
        from reader.services.segmentation_edits import split_article

        place = self._block_place()
        if place is None:
            return False
        return self._push(
            self.tr("Split Article"),
            place,
            lambda s, a: split_article(s, place.item_id, author=a),
            after=lambda result: self._follow(result, place.article_id, 0),
        )

    def merge(self, direction: str) -> bool:
        """Merge the selected row's article with the previous or the next one."""
        from reader.services.structure_edits import merge_into

        place = self.view.place()
        if place is None or place.article_id is None:
            return False
        text = (
            self.tr("Merge with Previous Article")
            if direction == "previous"
            else self.tr("Merge with Next Article")
        )
        article_id = place.article_id
        layout = self.view.layout_
        if direction == "previous" and layout is not None and place.article_index > 0:
            # the earlier article keeps its id: the selection follows the row into it
            previous = layout.articles[place.article_index - 1]
            if place.kind == "block":
                self.view.keep_selection("block", previous.id, len(previous.blocks) + place.position)
            else:
                self.view.keep_selection("article", None, previous.id)
        return self._push(text, place, lambda s, a: merge_into(s, article_id, direction, author=a))

    def reorder(self, step: int) -> bool:
        """Move the selected block up or down within its article."""
        from reader.services.structure_edits import reorder_block

        place = self._block_place()
        if place is None:
            return False
        to = place.position + step
        self.view.keep_selection("block", place.article_id, to)
        return self._push(
            self.tr("Move Block Up") if step < 0 else self.tr("Move Block Down"),
            place,
            lambda s, a: reorder_block(s, place.item_id, to, author=a),
        )

    def move_block(self, article_id: int | None) -> bool:
        """Move the selected block to the end of another article (None: to a new article of its own)."""
        from reader.services.segmentation_edits import move_block_to
        from reader.services.structure_edits import block_ids, move_block_to_new_article

        place = self._block_place()
        if place is None:
            return False
        if article_id is None:
            return self._push(
                self.tr("Move Block to a New Article"),
                place,
                lambda s, a: move_block_to_new_article(s, place.item_id, author=a),
                after=lambda result: self._follow(result, place.article_id, 0),
            )
        target = article_id

        def edit(session: Session, author: str) -> EditResult:
            return move_block_to(
                session, place.item_id, target, len(block_ids(session, target)), author=author
            )

        self.view.keep_selection("block", place.article_id, place.position)
        return self._push(self.tr("Move Block to Another Article"), place, edit)

    def _follow(self, result: EditResult, old: int | None, position: int) -> None:
        """Select the first block of the article an edit made (the one of the result that is new)."""
        new = [a for a in result.articles if a != old]
        if new:
            self.view.keep_selection("block", max(new), position)

    def choose_target(self) -> QDialog | None:
        """Ask which article the selected block goes to (or a new one); the move runs on OK."""
        place = self._block_place()
        layout = self.view.layout_
        if place is None or layout is None:
            return None
        dialog = QDialog(self.view)
        dialog.setObjectName("moveTargetDialog")
        dialog.setWindowTitle(self.tr("Move Block to Article"))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        targets = QListWidget(dialog)
        targets.setObjectName("moveTargets")
        new = QListWidgetItem(self.tr("A new article after this one"), targets)
        new.setData(Qt.ItemDataRole.UserRole, None)
        for article in layout.articles:
            if article.id != place.article_id:
                number = self.tr("Article %1").replace("%1", str(article.position + 1))
                item = QListWidgetItem(number + " · " + (article.title or self.tr("(untitled)")), targets)
                item.setData(Qt.ItemDataRole.UserRole, article.id)
        targets.setCurrentRow(0)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
        )
        box = QVBoxLayout(dialog)
        box.addWidget(targets)
        box.addWidget(buttons)
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        targets.itemActivated.connect(lambda _item: dialog.accept())

        def chosen() -> None:
            item = targets.currentItem()
            if item is not None and self.view.select_block(place.article_id or 0, place.position):
                self.move_block(item.data(Qt.ItemDataRole.UserRole))

        dialog.accepted.connect(chosen)
        dialog.open()
        return dialog

    def forget_line(self) -> int:
        """Forget what was remembered about the selected line for this paper; returns how many rules went."""
        from reader.gui.commands.settings import push_made
        from reader.services.setting_operations import forget_line_operation

        place = self.view.place()
        if place is None or place.kind == "article":
            return 0
        issue_id, text = place.issue_id, place.text
        label = self.tr("Forget Line “%1”").replace("%1", text)
        output = push_made(self.editing.context, label, forget_line_operation(issue_id, text))
        count = output.value if isinstance(output.value, int) else 0
        self.view.wb.messages.status(
            self.tr("Forgotten for this paper.")
            if count
            else self.tr("Nothing was remembered about this line."),
            5000,
        )
        return count

"""Whole issues in the window: properties, export and delete, from the Issue menu and the library pane.

The window makes one :class:`IssueActions` with the workbench.  The
library pane's context menu on an issue lists the entries registered with
:meth:`IssueActions.add_entry` (a new menu entry) or :meth:`IssueActions.register`
(an existing action that no other slot handles); adding one is a single line::

    issue_actions.add_entry(self.tr("Show in &Layout View"), lambda issue_id: show_layout(issue_id))

An entry's action, triggered from a menu or by its key, acts on the issue
the context menu was opened on, else on the issue selected or shown.
Changing properties and deleting are undoable steps of the window's undo
stack; deleting backs the library up first and asks before it starts.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QMessageBox

from reader.core.op_changes import OpChanges, OpOutput
from reader.gui import library_selection as selection
from reader.gui.commands import OperationCommand
from reader.gui.workbench import Workbench

if TYPE_CHECKING:
    from reader.gui.issue_properties_dialog import IssuePropertiesDialog
    from reader.gui.undo import EditContext
    from reader.services.issues import IssueProperties

IssueHandler = Callable[[int], object]
MESSAGE_MS = 5000


class IssuePropertiesCommand(OperationCommand):
    """Set an issue's title, publication, date and number (undo sets the old ones back)."""

    def __init__(
        self,
        context: EditContext,
        issue_id: int,
        old: IssueProperties,
        new: IssueProperties,
        done: Callable[[int], None],
    ) -> None:
        from reader.services.issues import apply_properties
        from reader.services.operations import toggle_operation

        operation = toggle_operation(
            lambda session: apply_properties(session, issue_id, new),
            lambda session: apply_properties(session, issue_id, old, check_date=False),  # what was
            OpChanges.of(issue_ids=[issue_id], issues=True),
        )
        super().__init__(
            context, QCoreApplication.translate("IssueActions", "Change Issue Properties"), operation
        )
        self.issue_id, self.old, self.new, self._done_with = issue_id, old, new, done

    def finished(self, output: OpOutput, undone: bool) -> None:
        self._done_with(self.issue_id)


class DeleteIssuesCommand(OperationCommand):
    """Delete issues after a backup; undo stores them again from their JSON documents (with new ids).

    Runs in the background (``reader.services.operations.delete_issues_operation``).
    """

    def __init__(self, context: EditContext, issue_ids: list[int], text: str, owner: IssueActions) -> None:
        from reader.services.operations import delete_issues_operation

        super().__init__(context, text, delete_issues_operation(issue_ids), background=True)
        self.issue_ids = issue_ids
        self.owner = owner

    def finished(self, output: OpOutput, undone: bool) -> None:
        assert isinstance(output.value, list)
        if undone:
            self.issue_ids = [int(i) for i in output.value]
            self.owner.issues_restored(self.issue_ids)
        else:
            self.owner.issues_deleted([item.issue_id for item in output.value])


class IssueActions(QObject):
    """The Issue entries: properties, export, delete, and the library pane's context menu of them."""

    def __init__(self, wb: Workbench) -> None:
        super().__init__(wb)
        self.setObjectName("issueActions")
        self.wb = wb
        self.entries: list[tuple[QAction, IssueHandler]] = []
        self._menu_issue: int | None = None
        self.context_menu: QMenu | None = None
        self.properties_dialog: IssuePropertiesDialog | None = None
        self.confirm_box: QMessageBox | None = None
        a = wb.actions
        self.register(a.issue_properties, self.show_properties)
        self.register(a.export_issue, self.export_issue)
        self.register(a.delete_issue, self.confirm_delete)
        tree = wb.panes.library_pane.tree
        tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        tree.customContextMenuRequested.connect(self.show_context_menu)

    def register(self, action: QAction, handler: IssueHandler) -> None:
        """Add an entry to the issue context menu; its action then acts on the issue of the menu."""
        self.entries.append((action, handler))
        action.triggered.connect(lambda _checked=False: self._run(handler))

    def add_entry(self, text: str, handler: IssueHandler) -> QAction:
        """A new entry of the issue context menu, calling ``handler`` with the issue's id."""
        action = QAction(text, self)
        self.register(action, handler)
        return action

    def target_issue(self) -> int | None:
        """The issue the context menu is open on, else the one selected in the library, else the one shown."""
        if self._menu_issue is not None:
            return self._menu_issue
        selected = selection.selected_issue_ids(self.wb.panes)
        if selected:
            return selected[0]
        return self.wb.navigator.issue_id

    def _run(self, handler: IssueHandler) -> None:
        issue_id = self.target_issue()
        self._menu_issue = None
        if issue_id is None:
            self.wb.messages.status(self.tr("Choose an issue in the library first."), MESSAGE_MS)
            return
        handler(issue_id)

    def show_context_menu(self, position: QPoint) -> QMenu | None:
        """The menu of the issue under ``position`` in the library tree (of an article's issue too)."""
        from reader.gui.library_model import Role

        pane = self.wb.panes.library_pane
        index = pane.tree.indexAt(position)
        if not index.isValid():
            return None
        issue_id = int(index.data(Role.ISSUE_ID))
        menu = QMenu(pane.tree)
        menu.setObjectName("issueContextMenu")
        menu.addActions([action for action, _ in self.entries])
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self._menu_issue = issue_id
        menu.aboutToHide.connect(self._forget_menu_issue_later)
        self.context_menu = menu
        menu.popup(pane.tree.viewport().mapToGlobal(position))
        return menu

    def _forget_menu_issue_later(self) -> None:
        # an entry's triggered signal comes after aboutToHide: forget the issue once it has run
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, self._forget_menu_issue)

    def _forget_menu_issue(self) -> None:
        self._menu_issue = None

    # properties
    def show_properties(self, issue_id: int) -> IssuePropertiesDialog | None:
        from reader.gui.issue_properties_dialog import IssuePropertiesDialog
        from reader.services.issues import issue_properties

        w = self.wb
        row = w.panes.library_model.issue_row(issue_id)
        if w.library is None or row is None:
            return None
        with w.library.session() as session:
            old = issue_properties(session, issue_id)
        dialog = IssuePropertiesDialog(row.source_name, old, w.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.accepted.connect(lambda: self.set_properties(issue_id, old, dialog.properties()))
        self.properties_dialog = dialog
        dialog.open()
        return dialog

    def set_properties(self, issue_id: int, old: IssueProperties, new: IssueProperties) -> bool:
        """Change an issue's properties (one undoable step); False when nothing changed."""
        if new == old:
            return False
        w = self.wb
        before = w.undo_stack.count()
        w.undo_stack.push(IssuePropertiesCommand(w.edit, issue_id, old, new, self._refresh_issue))
        return w.undo_stack.count() > before

    def _refresh_issue(self, issue_id: int) -> None:
        from reader.services.browsing import issue_row

        w = self.wb
        if w.library is None:
            return
        with w.library.session() as session:
            row = issue_row(session, issue_id)
        if row is not None:
            w.panes.library_model.refresh_issue(row, None)
        if w.navigator.issue_id == issue_id:
            if w.navigator.article_id is None:
                w.navigator.open_issue(issue_id)
            else:
                w.navigator.open_article(issue_id, w.navigator.article_id)

    # export
    def export_issue(self, issue_id: int) -> None:
        """The export dialog, on this issue."""
        from reader.gui.export_scope import ScopeKind

        w = self.wb
        w.panes.library_pane.select_issue(issue_id, silent=True)
        from reader.gui.export_launch import show_export_dialog

        dialog = show_export_dialog(w)
        index = dialog.scope_combo.findData(ScopeKind.SELECTED_ISSUES.value)
        if index >= 0 and dialog.sources.selected_issues == (issue_id,):
            dialog.scope_combo.setCurrentIndex(index)

    # delete
    def confirm_delete(self, issue_id: int) -> QMessageBox | None:
        """Ask before deleting an issue; deletes it (undoably) when the user agrees."""
        w = self.wb
        row = w.panes.library_model.issue_row(issue_id)
        if row is None:
            return None
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Delete Issue"),
            self.tr(
                "Delete “%1” with its %2 articles, corrections, notes and tags?\n\n"
                "The library is backed up first, and Edit > Undo brings the issue back."
            )
            .replace("%1", w.script(row.label))
            .replace("%2", str(row.article_count)),
            QMessageBox.StandardButton.Cancel,
            w.window,
        )
        box.setObjectName("deleteIssueBox")
        delete = box.addButton(self.tr("Delete"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        box.finished.connect(
            lambda _result: self.delete([issue_id]) if box.clickedButton() is delete else None
        )
        self.confirm_box = box
        box.open()
        return box

    def delete(self, issue_ids: list[int]) -> None:
        """Delete issues, backed up first, as one undoable step (it runs in the background)."""
        w = self.wb
        labels = [row.label for i in issue_ids if (row := w.panes.library_model.issue_row(i)) is not None]
        text = self.tr("Delete “%1”").replace("%1", "; ".join(labels) or str(issue_ids))
        w.undo_stack.push(DeleteIssuesCommand(w.edit, list(issue_ids), text, self))

    def import_undone(self, issue_ids: list[int]) -> None:
        """Take the issues of an import just undone out of the window (Edit > Redo brings them back)."""
        self.issues_deleted(issue_ids)
        self.wb.messages.status(
            self.tr("Import undone: its issues are deleted. Edit > Redo brings them back."), MESSAGE_MS
        )

    def issues_deleted(self, issue_ids: list[int]) -> None:
        """Take deleted issues out of the window; leave the reading pane if it showed one."""
        w = self.wb
        w.panes.library_model.remove_issues(issue_ids)
        if w.navigator.issue_id in issue_ids:
            from reader.gui.proofreading import Proofreading

            proofreading = w.feature(Proofreading)
            if proofreading is not None:
                proofreading.set_show_changes(False)
                proofreading.set_edit_mode(False)
            w.navigator.show_start()
        w.messages.status(self.tr("Deleted. Edit > Undo brings it back."), MESSAGE_MS)

    def issues_restored(self, issue_ids: list[int]) -> None:
        """Put restored issues back into the library pane."""
        from reader.services.browsing import issue_row

        w = self.wb
        if w.library is None:
            return
        with w.library.session() as session:
            rows = [row for i in issue_ids if (row := issue_row(session, i)) is not None]
        w.panes.library_model.add_issues(rows)
        if rows:
            w.navigator.open_issue(rows[0].id)

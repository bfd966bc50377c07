"""The proofreading feature's toolbar and menu entries, built with the window.

They hold only actions of the registry, so the window has them at its first
paint although the proofreading feature itself (the editor, the changes view,
its dialogs) is built just after it (reader.gui.deferred_start). Until then the
actions that need a library or an article are off, as the feature would set them.
Strings keep the feature's translation context.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar

from reader.gui.actions import Actions


def build_review_toolbar(actions: Actions, window: QMainWindow) -> QToolBar:
    """The Review toolbar: edit mode, show changes, the review statuses, next to review, history."""
    a = actions
    bar = QToolBar(QCoreApplication.translate("Proofreading", "Review Toolbar"), window)
    bar.setObjectName("reviewToolbar")
    bar.addActions([a.edit_mode, a.show_changes])
    bar.addSeparator()
    bar.addActions(list(a.status_actions.values()))
    bar.addSeparator()
    bar.addActions([a.next_needing_review, a.revision_history])
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
    return bar


def add_review_menus(actions: Actions, edit_menu: QMenu, view_menu: QMenu, go_menu: QMenu) -> None:
    """Undo and Redo open the Edit menu, editing and review close it; Show Changes; Next to Review."""
    a = actions
    existing = edit_menu.actions()
    if existing:
        edit_menu.insertActions(existing[0], [a.undo, a.redo])
        edit_menu.insertSeparator(existing[0])
    else:
        edit_menu.addActions([a.undo, a.redo])
    edit_menu.addSeparator()
    edit_menu.addActions([a.edit_mode, a.find_replace])
    status_menu = edit_menu.addMenu(QCoreApplication.translate("Proofreading", "Review &Status"))
    status_menu.addActions(list(a.status_actions.values()))
    edit_menu.addAction(a.revision_history)
    edit_menu.addSeparator()
    edit_menu.addAction(a.preferences)
    view_menu.addSeparator()
    view_menu.addAction(a.show_changes)
    go_menu.addSeparator()
    go_menu.addActions([a.next_needing_review, a.next_doubtful_layout, a.next_note, a.previous_note])


def set_review_actions(
    actions: Actions, *, has_library: bool, article: bool, writable: bool, editing: bool
) -> None:
    """Enable the review actions for what is open (the proofreading feature calls it on every change)."""
    a = actions
    a.edit_mode.setEnabled(article or editing)
    for action in a.status_actions.values():
        action.setEnabled(article and writable)
    a.revision_history.setEnabled(article)
    a.show_changes.setEnabled(has_library)
    a.next_needing_review.setEnabled(has_library)
    a.next_doubtful_layout.setEnabled(has_library)
    a.next_note.setEnabled(has_library)
    a.previous_note.setEnabled(has_library)
    a.find_replace.setEnabled(has_library)

"""Help > Keyboard Shortcuts: every action of the registry that has a key, generated, never typed in."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, cast

from PySide6.QtCore import QCoreApplication, QKeyCombination, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.gui.i18n import plain_text


def _typable(key: QKeySequence) -> bool:
    """A key of an ordinary keyboard: not F13–F35 nor a special key (the Undo, Find… keys some have)."""
    first: QKeyCombination = cast(Any, key)[0]  # the stubs lack QKeySequence.__getitem__
    code = int(first.key().value)
    return code < Qt.Key.Key_F13.value or Qt.Key.Key_F35.value < code < Qt.Key.Key_Back.value


def _name(action: QAction) -> str:
    """What the action does; Undo and Redo without the step their text names now."""
    fixed = {
        "undoAction": QCoreApplication.translate("Undo", "&Undo"),
        "redoAction": QCoreApplication.translate("Undo", "&Redo"),
    }
    return plain_text(fixed.get(action.objectName(), action.text()))


def shortcut_rows(actions: Iterable[QAction]) -> list[tuple[str, str]]:
    """(what the action does, its keys) of every action with a key, sorted by name; keys joined by "; "."""
    rows: dict[str, str] = {}
    for action in actions:
        shortcuts = [k for k in action.shortcuts() if not k.isEmpty() and _typable(k)]
        keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in shortcuts]
        name = _name(action)
        if keys and name:
            rows.setdefault(name, "; ".join(keys))
    return sorted(rows.items(), key=lambda row: row[0].casefold())


class ShortcutsSheet(QDialog):
    """A searchable table of the window's actions and their keys."""

    def __init__(self, actions: Iterable[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsSheet")
        self.setWindowTitle(self.tr("Keyboard Shortcuts"))
        self.rows = shortcut_rows(actions)
        self.filter_edit = QLineEdit()
        self.filter_edit.setObjectName("shortcutsFilter")
        self.filter_edit.setPlaceholderText(self.tr("Filter by action or key…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.table = QTableWidget(len(self.rows), 2, self)
        self.table.setObjectName("shortcutsTable")
        self.table.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Key")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        for n, (name, keys) in enumerate(self.rows):
            self.table.setItem(n, 0, QTableWidgetItem(name))
            self.table.setItem(n, 1, QTableWidgetItem(keys))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.filter_edit.textChanged.connect(self._filter)
        self.resize(520, 560)

    def _filter(self, text: str) -> None:
        needle = text.strip().casefold()
        for n, (name, keys) in enumerate(self.rows):
            self.table.setRowHidden(n, bool(needle) and needle not in f"{name} {keys}".casefold())

    def visible_rows(self) -> list[tuple[str, str]]:
        """The rows the filter leaves shown."""
        return [row for n, row in enumerate(self.rows) if not self.table.isRowHidden(n)]


def show_shortcuts(actions: Iterable[QAction], parent: QWidget) -> ShortcutsSheet:
    """Open the sheet (not modal: it can stay open beside the window)."""
    sheet = ShortcutsSheet(actions, parent)
    sheet.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    sheet.show()
    return sheet

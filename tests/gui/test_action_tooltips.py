"""Action tooltips (reader.gui.i18n.plain_tooltip): the text without its accelerator, and the key."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence

from reader.gui.i18n import plain_tooltip


def test_the_tooltip_follows_the_text_and_the_key_but_not_a_tooltip_set_on_purpose(qapp: object) -> None:
    owner = QObject()
    action = QAction("导入文件(&I)…", owner)
    action.setShortcut(QKeySequence("Ctrl+O"))
    plain_tooltip(action)
    assert action.toolTip() == "导入文件 (Ctrl+O)"
    action.setEnabled(False)  # a change that is not the text's
    assert action.toolTip() == "导入文件 (Ctrl+O)"
    action.setText("&Import Files…")
    assert action.toolTip() == "Import Files (Ctrl+O)"
    action.setShortcut(QKeySequence("Ctrl+Shift+O"))
    assert action.toolTip() == "Import Files (Ctrl+Shift+O)"
    action.setShortcut(QKeySequence())
    assert action.toolTip() == "Import Files"
    action.setToolTip("Bring issues in")
    action.setText("&Open…")
    assert action.toolTip() == "Bring issues in"

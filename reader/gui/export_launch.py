"""File > Export…: one export dialog at a time, raised when it is open already."""

from __future__ import annotations

from reader.gui.export_dialog import ExportDialog
from reader.gui.workbench import Workbench


def show_export_dialog(wb: Workbench) -> ExportDialog:
    """Choose what and how to export, with a live preview (the open dialog, if there is one)."""
    for old in wb.window.findChildren(ExportDialog):
        if old.isVisible():
            old.raise_()
            old.activateWindow()
            return old
        old.deleteLater()  # a closed one: the new dialog reads the remembered choices
    dialog = ExportDialog(wb)
    dialog.open()
    return dialog

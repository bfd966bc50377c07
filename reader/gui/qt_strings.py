"""Strings of Qt's own dialogs that the ``qtbase`` catalog PySide6 ships does not translate.

Listing them here puts them in Jiaokan's catalog under Qt's context (lupdate reads
the calls below), where Qt looks once ``qtbase`` has no translation: the file
dialog then says "查找范围(&L)：" rather than "&Look in:".  Never called at run time.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def _catalog_entries() -> list[str]:
    return [
        QCoreApplication.translate("QFileDialog", "&Look in:"),
        QCoreApplication.translate("QFileDialog", "Files of &type:"),
        # the Type column of the file dialogs (Qt 6 asks the icon provider)
        QCoreApplication.translate("QAbstractFileIconProvider", "Folder"),
        QCoreApplication.translate("QAbstractFileIconProvider", "Drive"),
        QCoreApplication.translate("QAbstractFileIconProvider", "Shortcut"),
    ]

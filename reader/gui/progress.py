"""The progress dialog of long background work (import, export): window-modal, with Cancel."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

PROGRESS_DELAY_MS = 300
"""Work that finishes sooner never shows the dialog."""


def work_progress_dialog(
    parent: QWidget, title: str, label: str, on_cancel: Callable[[], None]
) -> QProgressDialog:
    """A busy progress dialog (range set by the first report) whose Cancel calls ``on_cancel``."""
    dialog = QProgressDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    dialog.setCancelButtonText(QCoreApplication.translate("Progress", "Cancel"))
    dialog.setRange(0, 0)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(PROGRESS_DELAY_MS)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setMinimumWidth(420)
    dialog.canceled.connect(on_cancel)
    return dialog

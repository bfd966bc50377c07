"""Attaching page scans from the window: File > Attach Page Scans… and the library pane's context menu.

The files are chosen in a (non-blocking) file dialog and attached on a worker
thread, each all or nothing; the status bar says how many pages were attached
and a message box lists any file refused, with the reason.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from reader.gui import library_selection as selection
from reader.gui.tasks import TaskContext
from reader.gui.workbench import Workbench

if TYPE_CHECKING:
    from reader.gui.scan_pane import ScanPane
    from reader.services.pages import AttachReport


class ScanAttaching(QObject):
    """The Attach Page Scans… action, in the File menu and the library tree's context menu."""

    def __init__(self, wb: Workbench, pane: ScanPane) -> None:
        super().__init__(wb)
        self.setObjectName("scanAttaching")
        self._wb = wb
        self.pane = pane
        self.dialog: QFileDialog | None = None
        self.report_box: QMessageBox | None = None
        self.action = QAction(self.tr("Attach Page &Scans…"), wb)
        self.action.setStatusTip(self.tr("Attach page images or a PDF to the issue selected in the library"))
        self.action.triggered.connect(self.choose_files)
        file_menu = wb.menu_of(wb.actions.import_files)
        if file_menu is not None:
            file_menu.insertAction(wb.actions.import_folder, self.action)
        tree = wb.panes.library_pane.tree
        if tree.contextMenuPolicy() == Qt.ContextMenuPolicy.DefaultContextMenu:
            tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            tree.customContextMenuRequested.connect(self._context_menu)

    def target_issue(self) -> int | None:
        """The issue scans are attached to: the first selected in the library pane, else the one shown."""
        selected = selection.selected_issue_ids(self._wb.panes)
        return selected[0] if selected else selection.current_issue_id(self._wb.panes, self._wb.navigator)

    def _context_menu(self, point: QPoint) -> None:
        menu = QMenu(self._wb.panes.library_pane.tree)
        menu.addAction(self.action)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        menu.popup(self._wb.panes.library_pane.tree.viewport().mapToGlobal(point))

    def choose_files(self) -> QFileDialog | None:
        """Ask for the scan files of the selected issue (the dialog does not block)."""
        issue = self.target_issue()
        if issue is None or self._wb.library is None:
            self._wb.messages.status(self.tr("Select an issue in the library first."), 5000)
            return None
        dialog = QFileDialog(
            self._wb.window,
            self.tr("Attach Page Scans"),
            str(Path.home()),
            self.tr("Page scans (*.png *.jpg *.jpeg *.tif *.tiff *.pdf);;All files (*)"),
        )
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        dialog.filesSelected.connect(lambda files: self.attach(issue, [Path(f) for f in files]))
        self.dialog = dialog
        dialog.open()
        return dialog

    def attach(self, issue_id: int, files: list[Path]) -> None:
        """Attach files to an issue on a worker; report when done."""

        def work(context: TaskContext) -> AttachReport:
            from reader.services.pages import attach_files

            with context.library.writing() as session:
                return attach_files(session, issue_id, files)

        self._wb.runner.start("attach scans", work, on_success=self._attached, on_failure=self._failed)

    def _attached(self, report: AttachReport) -> None:
        message = QCoreApplication.translate("ScanAttaching", "%1 page(s) attached.").replace(
            "%1", str(report.pages)
        )
        self._wb.messages.status(message, 8000)
        self.pane.reload()
        if report.failed:
            lines = "\n".join(f"{Path(e.source).name}: {e.reason}" for e in report.failed)
            self._show(self.tr("Some files were not attached:") + "\n\n" + lines)

    def _failed(self, error: BaseException) -> None:
        self._show(str(error))

    def _show(self, text: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning, self.tr("Attach Page Scans"), text, parent=self._wb.window
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.report_box = box
        box.open()

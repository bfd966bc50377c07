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

from reader.gui.tasks import TaskContext

if TYPE_CHECKING:
    from reader.gui.main_window import MainWindow
    from reader.gui.scan_pane import ScanPane
    from reader.services.pages import AttachReport


class ScanAttaching(QObject):
    """The Attach Page Scans… action, in the File menu and the library tree's context menu."""

    def __init__(self, window: MainWindow, pane: ScanPane) -> None:
        super().__init__(window)
        self.setObjectName("scanAttaching")
        self.window_ = window
        self.pane = pane
        self.dialog: QFileDialog | None = None
        self.report_box: QMessageBox | None = None
        self.action = QAction(self.tr("Attach Page &Scans…"), window)
        self.action.setStatusTip(self.tr("Attach page images or a PDF to the issue selected in the library"))
        self.action.triggered.connect(self.choose_files)
        file_menu = next(
            (m for m in window.menuBar().findChildren(QMenu) if window.actions_.import_files in m.actions()),
            None,
        )
        if file_menu is not None:
            file_menu.insertAction(window.actions_.import_folder, self.action)
        tree = window.library_pane.tree
        if tree.contextMenuPolicy() == Qt.ContextMenuPolicy.DefaultContextMenu:
            tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            tree.customContextMenuRequested.connect(self._context_menu)

    def _issue(self) -> int | None:
        selected = self.window_.selected_issue_ids()
        return selected[0] if selected else self.window_.current_issue_id()

    def _context_menu(self, point: QPoint) -> None:
        menu = QMenu(self.window_.library_pane.tree)
        menu.addAction(self.action)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        menu.popup(self.window_.library_pane.tree.viewport().mapToGlobal(point))

    def choose_files(self) -> QFileDialog | None:
        """Ask for the scan files of the selected issue (the dialog does not block)."""
        issue = self._issue()
        if issue is None or self.window_.library is None:
            self.window_.statusBar().showMessage(self.tr("Select an issue in the library first."), 5000)
            return None
        dialog = QFileDialog(
            self.window_,
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

        self.window_.runner.start("attach scans", work, on_success=self._attached, on_failure=self._failed)

    def _attached(self, report: AttachReport) -> None:
        message = QCoreApplication.translate("ScanAttaching", "%1 page(s) attached.").replace(
            "%1", str(report.pages)
        )
        self.window_.statusBar().showMessage(message, 8000)
        self.pane.reload()
        if report.failed:
            lines = "\n".join(f"{Path(e.source).name}: {e.reason}" for e in report.failed)
            self._show(self.tr("Some files were not attached:") + "\n\n" + lines)

    def _failed(self, error: BaseException) -> None:
        self._show(str(error))

    def _show(self, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Attach Page Scans"), text, parent=self.window_)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.report_box = box
        box.open()

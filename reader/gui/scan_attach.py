"""Attaching page scans from the window: File > Attach Page Scans… and the library pane's context menu.

The files are chosen in a (non-blocking) file dialog and attached on a worker
thread, each all or nothing, as one undoable step (Edit > Undo detaches the
pages it attached); the status bar says how many pages were attached and a
message box lists any file refused, with the reason.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from reader.core.op_changes import OpChanges, OpOutput
from reader.gui import library_selection as selection
from reader.gui.actions import ATTACH_SCANS_KEY
from reader.gui.commands import OperationCommand
from reader.gui.workbench import Workbench

if TYPE_CHECKING:
    from reader.gui.scan_pane import ScanPane
    from reader.gui.undo import EditContext
    from reader.services.pages import AttachReport


class AttachScansCommand(OperationCommand):
    """Attach scan files to an issue in the background; undo detaches the pages attached.

    ``attached`` is called with the report after the first run and every redo.
    """

    def __init__(
        self,
        context: EditContext,
        issue_id: int,
        files: list[Path],
        attached: Callable[[AttachReport], object] = lambda _report: None,
    ) -> None:
        from reader.services.page_operations import attach_operation

        text = QCoreApplication.translate("ScanAttaching", "Attach Page Scans")
        super().__init__(context, text, attach_operation(issue_id, files), background=True)
        self._attached = attached

    def finished(self, output: OpOutput, undone: bool) -> None:
        from reader.services.pages import AttachReport

        if not undone and isinstance(output.value, AttachReport):
            self._attached(output.value)


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
        self.action.setShortcut(ATTACH_SCANS_KEY)
        self.action.setStatusTip(self.tr("Attach page images or a PDF to the issue selected in the library"))
        self.action.triggered.connect(self.choose_files)
        file_menu = wb.menu_of(wb.actions.import_files)
        if file_menu is not None:
            file_menu.insertAction(wb.actions.import_folder, self.action)
        wb.operation_did_execute.connect(self._on_operation)
        tree = wb.panes.library_pane.tree
        if tree.contextMenuPolicy() == Qt.ContextMenuPolicy.DefaultContextMenu:
            tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            tree.customContextMenuRequested.connect(self._context_menu)

    def _on_operation(self, changes: object, _source: object) -> None:
        assert isinstance(changes, OpChanges)
        if self.pane.issue_id is not None and self.pane.issue_id in changes.issue_ids:
            self.pane.reload()  # pages attached or detached (an undo too)

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
        """Attach files to an issue on a worker, as one undoable step; report when done."""
        self._wb.edit.stack.push(AttachScansCommand(self._wb.edit, issue_id, files, self._attached))

    def _attached(self, report: AttachReport) -> None:
        message = QCoreApplication.translate("ScanAttaching", "%1 page(s) attached.").replace(
            "%1", str(report.pages)
        )
        self._wb.messages.status(message, 8000)
        if report.failed:
            lines = "\n".join(f"{Path(e.source).name}: {e.reason}" for e in report.failed)
            self._show(self.tr("Some files were not attached:") + "\n\n" + lines)

    def _show(self, text: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning, self.tr("Attach Page Scans"), text, parent=self._wb.window
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.report_box = box
        box.open()

"""The dialog that ends an export: the files written, their sizes, and a button to open the folder."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from reader.services.exporting import ExportReport


class ExportSummaryDialog(QDialog):
    """Lists every file an export wrote; "Open Folder" shows them in the file manager."""

    def __init__(self, report: ExportReport, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportSummary")
        self.setWindowTitle(self.tr("Export Finished"))
        self.report = report
        self.folder = folder
        layout = QVBoxLayout(self)
        self.headline = QLabel(
            self.tr("%n file(s) written to %1", "", len(report.files)).replace("%1", str(folder))
            + " · "
            + self.tr("%n issue(s)", "", report.issues)
        )
        self.headline.setObjectName("exportHeadline")
        self.headline.setWordWrap(True)
        self.headline.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.headline.font()
        font.setBold(True)
        self.headline.setFont(font)
        layout.addWidget(self.headline)

        self.tree = QTreeWidget()
        self.tree.setObjectName("exportedFiles")
        self.tree.setHeaderLabels([self.tr("File"), self.tr("Size")])
        self.tree.setRootIsDecorated(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(False)
        locale = QLocale()
        for path in report.files:
            try:
                size = locale.formattedDataSize(path.stat().st_size)
            except OSError:
                size = ""
            item = QTreeWidgetItem(self.tree, [path.name, size])
            item.setToolTip(0, str(path))
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self.tree, 1)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.open_button = QPushButton(self.tr("Open Folder"))
        self.open_button.setObjectName("openExportFolder")
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.open_button.clicked.connect(self.open_folder)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, 360)

    def files(self) -> list[str]:
        """The names listed, in order."""
        items = [self.tree.topLevelItem(n) for n in range(self.tree.topLevelItemCount())]
        return [item.text(0) for item in items if item is not None]

    def open_folder(self) -> bool:
        """Show the export folder in the desktop's file manager."""
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.folder)))

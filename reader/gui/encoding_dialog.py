"""Choosing the encoding of a file the importer refused as ambiguous, from a preview of each reading."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from reader.core.decoding import preview_readings
from reader.core.errors import InputError


def encoding_label(encoding: str) -> str:
    """A reader-facing name for a codec."""
    labels = {
        "utf-8": QCoreApplication.translate("EncodingDialog", "UTF-8"),
        "gb18030": QCoreApplication.translate("EncodingDialog", "GB18030 / GBK (simplified Chinese)"),
        "big5": QCoreApplication.translate("EncodingDialog", "Big5 (traditional Chinese)"),
        "cp950": QCoreApplication.translate("EncodingDialog", "Big5 with Microsoft extensions (cp950)"),
        "big5hkscs": QCoreApplication.translate("EncodingDialog", "Big5-HKSCS (Hong Kong)"),
    }
    return labels.get(encoding, encoding)


class EncodingDialog(QDialog):
    """Shows the start of a file as each candidate encoding reads it; the reader picks the right one."""

    def __init__(self, path: Path, candidates: tuple[str, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("encodingDialog")
        self.setWindowTitle(self.tr("Choose the Encoding"))
        self.path = path
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr("%1 reads as more than one encoding. Choose the one whose text makes sense:").replace(
                "%1", path.name
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        try:
            self.previews = preview_readings(path, candidates)
            problem = ""
        except InputError as error:
            self.previews = {}
            problem = error.reason
        self.choices = QListWidget()
        for encoding in candidates:
            item = QListWidgetItem(encoding_label(encoding))
            item.setData(Qt.ItemDataRole.UserRole, encoding)
            self.choices.addItem(item)
        layout.addWidget(self.choices)
        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        self.preview.setPlaceholderText(problem)
        layout.addWidget(self.preview, 1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Import"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.choices.currentItemChanged.connect(self._show)
        self.choices.itemDoubleClicked.connect(lambda _item: self.accept())
        self.choices.setCurrentRow(0)
        ok.setEnabled(bool(self.previews))
        self.resize(560, 420)

    def chosen_encoding(self) -> str:
        """The encoding selected now."""
        item = self.choices.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else ""

    def _show(self, current: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        encoding = current.data(Qt.ItemDataRole.UserRole) if current is not None else None
        self.preview.setPlainText(self.previews.get(str(encoding), ""))

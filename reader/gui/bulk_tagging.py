"""Tagging several articles at once: add a tag to, or remove it from, every selected article.

Either is one command on the undo stack, whatever the number of articles.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reader.gui.error_label import ErrorLabel
from reader.gui.tag_models import FoldCompleter, TagListModel, kind_combo

if TYPE_CHECKING:
    from reader.gui.tag_commands import TagEditor


class BulkTagDialog(QDialog):
    """Adds a tag to, or removes it from, a fixed set of articles."""

    def __init__(
        self,
        editor: TagEditor,
        catalogue: TagListModel,
        article_ids: Sequence[int],
        convert: Callable[[str], str] = str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("bulkTagDialog")
        self.setWindowTitle(self.tr("Tag Selected Articles"))
        self._editor = editor
        self._catalogue = catalogue
        self._convert = convert
        self.article_ids = list(dict.fromkeys(article_ids))
        count = len(self.article_ids)

        self.summary = QLabel(self.tr("%n article(s) selected.", "", count), self)
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("bulkTagName")
        self.name_edit.setPlaceholderText(self.tr("Tag name"))
        self.name_edit.setCompleter(FoldCompleter(catalogue, self.name_edit))
        self.kind_combo = kind_combo(self, "bulkTagKind")
        self.kind_combo.setToolTip(self.tr("Kind of the new tag"))
        self.kind_combo.hide()
        self.error_label = ErrorLabel(self, "bulkTagError")
        self.add_button = QPushButton(self.tr("&Add to %n Article(s)", "", count), self)
        self.add_button.setObjectName("bulkAdd")
        self.add_button.setDefault(True)
        self.remove_button = QPushButton(self.tr("&Remove from %n Article(s)", "", count), self)
        self.remove_button.setObjectName("bulkRemove")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.add_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.remove_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)

        row = QHBoxLayout()
        row.addWidget(self.name_edit, 1)
        row.addWidget(self.kind_combo)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(row)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)

        self.name_edit.textChanged.connect(self._on_name_changed)
        self.add_button.clicked.connect(self.add)
        self.remove_button.clicked.connect(self.remove)
        self._on_name_changed("")

    def _on_name_changed(self, text: str) -> None:
        from reader.services.tag_browsing import guess_kind

        last = text.split("/")[-1].strip()
        known = self._catalogue.find(last) if last else None
        new = bool(last) and known is None
        if new:
            self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(guess_kind(last))))
        self.kind_combo.setVisible(new)
        self.add_button.setEnabled(bool(last) and bool(self.article_ids))
        self.remove_button.setEnabled(known is not None and bool(self.article_ids))
        self.error_label.hide()

    def add(self) -> None:
        """Add the tag to every article (one undo step) and close."""
        name = self.name_edit.text().strip()
        if not name:
            return
        kind = str(self.kind_combo.currentData()) if not self.kind_combo.isHidden() else None
        if self.error_label.run(lambda: self._editor.add(self.article_ids, name, kind=kind)):
            self.accept()

    def remove(self) -> None:
        """Take the tag off every article (one undo step) and close."""
        tag = self._catalogue.find(self.name_edit.text().strip())
        if tag is None:
            return
        if self.error_label.run(lambda: self._editor.remove(self.article_ids, tag.id, tag.name)):
            self.accept()

"""Preferences: the editor name every edit, status change and replace is recorded under."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from reader.gui.settings import AppSettings, default_editor_name

MAX_NAME_CHARS = 100  # what the library's author columns hold


class PreferencesDialog(QDialog):
    """Asks for the editor name (empty: the login name) and stores it in the settings on OK."""

    def __init__(self, settings: AppSettings, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("preferencesDialog")
        self.setWindowTitle(self.tr("Preferences"))
        self.settings = settings
        self.name_edit = QLineEdit(settings.editor_name)
        self.name_edit.setObjectName("editorName")
        self.name_edit.setMaxLength(MAX_NAME_CHARS)
        self.name_edit.setPlaceholderText(default_editor_name())
        self.name_edit.setClearButtonEnabled(True)
        hint = QLabel(
            self.tr(
                "Your edits, status changes and replacements are recorded under this name. Empty: %1."
            ).replace("%1", default_editor_name())
        )
        hint.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&Editor name:"), self.name_edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(buttons)

    def accept(self) -> None:
        self.settings.editor_name = self.name_edit.text()
        super().accept()

"""The dialog that explains why a library failed its integrity check and offers its newest good backup.

Shown by reader.gui.library_safety; a module of its own so that the window's
first paint does not import the dialog classes it needs only for a damaged library.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget


class DamagedLibraryDialog(QDialog):
    """Explains that the library failed its check, lists the problems, offers the newest good backup."""

    def __init__(self, path: str, problems: list[str], *, restorable: bool, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("damagedLibraryDialog")
        self.setWindowTitle(self.tr("The Library Is Damaged"))
        layout = QVBoxLayout(self)
        self.headline = QLabel(
            self.tr(
                "The library %1 failed its integrity check, so Jiaokan does not write to it: "
                "nothing was changed. The problems found:"
            ).replace("%1", path)
        )
        self.headline.setWordWrap(True)
        layout.addWidget(self.headline)
        self.problems = QPlainTextEdit("\n".join(problems))
        self.problems.setObjectName("damageProblems")
        self.problems.setReadOnly(True)
        layout.addWidget(self.problems, 1)
        advice = (
            self.tr(
                "Restoring replaces the library with its newest backup that passes verification; "
                "the damaged file is kept beside it as “%1”."
            ).replace("%1", Path(path).name + ".damaged")
            if restorable
            else self.tr("The library cannot be restored here: its file or its folder cannot be written.")
        )
        self.advice = QLabel(advice)
        self.advice.setWordWrap(True)
        layout.addWidget(self.advice)
        buttons = QDialogButtonBox()
        self.restore_button = buttons.addButton(
            self.tr("Restore the Newest Good Backup"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.restore_button.setEnabled(restorable)
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(620, 360)

"""The issue properties dialog: title, publication, date and number of an issue."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from reader.core.issue_dates import impossible_date
from reader.services.issues import LIMITS, IssueProperties


class IssuePropertiesDialog(QDialog):
    """Edit what names an issue; ``properties()`` is what the user typed (blank: not known)."""

    def __init__(self, source_name: str, properties: IssueProperties, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("issuePropertiesDialog")
        self.setWindowTitle(self.tr("Issue Properties"))
        self.original = properties
        self.edits: dict[str, QLineEdit] = {}
        form = QFormLayout()
        file_label = QLabel(source_name)
        file_label.setObjectName("issueFileName")
        form.addRow(self.tr("File:"), file_label)
        placeholders = {
            "title": self.tr("As printed in the masthead"),
            "publication": self.tr("The paper this is an issue of"),
            "publication_date": self.tr("For example 2021-04-16"),
            "number": self.tr("For example 第12期"),
        }
        for name, label in (
            ("title", self.tr("&Title:")),
            ("publication", self.tr("&Publication:")),
            ("publication_date", self.tr("&Date:")),
            ("number", self.tr("&Number:")),
        ):
            edit = QLineEdit(getattr(properties, name) or "")
            edit.setObjectName(f"issue_{name}")
            edit.setMaxLength(LIMITS[name])
            edit.setPlaceholderText(placeholders[name])
            edit.setClearButtonEnabled(True)
            self.edits[name] = edit
            form.addRow(label, edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.date_error = QLabel(self)
        self.date_error.setObjectName("issueDateError")
        self.date_error.setWordWrap(True)
        self.date_error.setStyleSheet("color: #c0392b;")
        form.addRow("", self.date_error)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.edits["publication_date"].textChanged.connect(self._check_date)
        self._check_date()
        self.resize(460, self.sizeHint().height())

    def _check_date(self) -> None:
        """A date written in digits must be one the calendar has: else say why, and OK is disabled."""
        bad = impossible_date(self.edits["publication_date"].text())
        if bad is None:
            message = ""
        elif not bad.days:
            message = self.tr("“%1” is not a date: there is no month %2.")
        else:
            message = self.tr("“%1” is not a date: %2-%3 has days 1 to %4.")
        if bad is not None:
            message = (
                message.replace("%1", bad.written)
                .replace("%2", str(bad.year) if bad.days else str(bad.month))
                .replace("%3", f"{bad.month:02d}")
                .replace("%4", str(bad.days))
            )
        self.date_error.setText(message)
        self.date_error.setVisible(bool(message))
        self.ok_button.setEnabled(not message)

    def properties(self) -> IssueProperties:
        """The values typed, blank ones as None."""
        values = {name: " ".join(edit.text().split()) or None for name, edit in self.edits.items()}
        return IssueProperties(**values)

"""The page an empty library opens on: what the application does and how to start."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class WelcomePage(QWidget):
    """Shown in the centre while the library is empty, with the three ways to fill it."""

    import_files_requested = Signal()
    import_folder_requested = Signal()
    sample_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomePage")
        outer = QVBoxLayout(self)
        outer.addStretch(2)

        title = QLabel(self.tr("Welcome to Jiaokan"))
        title.setObjectName("welcomeTitle")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 2.0)
        font.setBold(True)
        title.setFont(font)
        title.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        outer.addWidget(title)

        self.title = title
        text = QLabel(
            self.tr(
                "Read and proofread OCR'd Chinese community newspapers. "
                "Your library is empty: import issue files (plain text, UTF-8, GB18030 or Big5) "
                "or page scans (PDF, PNG, JPEG, TIFF, read by OCR), "
                "or open the sample issue to look around. "
                "You can also drop files and folders onto this window."
            )
        )
        self.text = text
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        text.setMaximumWidth(560)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(text)
        row.addStretch(1)
        outer.addSpacing(12)
        outer.addLayout(row)
        outer.addSpacing(24)

        self.import_files_button = QPushButton(self.tr("Import Files…"))
        self.import_folder_button = QPushButton(self.tr("Import a Folder…"))
        self.sample_button = QPushButton(self.tr("Open the Sample Issue"))
        self.import_files_button.setDefault(True)
        self.import_files_button.clicked.connect(self.import_files_requested)
        self.import_folder_button.clicked.connect(self.import_folder_requested)
        self.sample_button.clicked.connect(self.sample_requested)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.import_files_button, self.import_folder_button, self.sample_button):
            button.setMinimumHeight(34)
            buttons.addWidget(button)
        buttons.addStretch(1)
        outer.addLayout(buttons)
        outer.addStretch(3)

    def set_busy(self, busy: bool) -> None:
        """Hide the page's text and buttons while an import runs: its progress is shown over the page."""
        for widget in (self.title, self.text, *self.buttons):
            widget.setVisible(not busy)

    @property
    def buttons(self) -> tuple[QPushButton, QPushButton, QPushButton]:
        return (self.import_files_button, self.import_folder_button, self.sample_button)

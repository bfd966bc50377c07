"""File > Open Library…: choose a library file or a team library's server URL, from the recent ones.

The chosen library opens in a new window (the current one stays as it is).
Recent libraries are remembered in the settings, SQLite files and server URLs
alike, a URL without its password: the server's password comes from the
user's ``~/.pgpass`` (or ``PGPASSWORD``), never from plain settings.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from reader.gui.workbench import Workbench


class OpenLibraryDialog(QDialog):
    """An editable list of recent libraries, a Browse… button for a file, Open and Cancel."""

    def __init__(self, recent: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("openLibraryDialog")
        self.setWindowTitle(self.tr("Open Library"))
        self.location_box = QComboBox(self)
        self.location_box.setEditable(True)
        self.location_box.addItems(recent)
        self.location_box.setMinimumContentsLength(50)
        editor = self.location_box.lineEdit()
        if editor is not None:  # the last library is offered selected: a path typed replaces it
            editor.selectAll()
        browse = QPushButton(self.tr("&Browse…"), self)
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.location_box, 1)
        row.addWidget(browse)
        hint = QLabel(
            self.tr(
                "A library file, or a team library on a PostgreSQL server: "
                "postgresql+psycopg://user@host/database (the password comes from ~/.pgpass)."
            ),
            self,
        )
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(hint)
        layout.addWidget(buttons)

    def location(self) -> str:
        """The file path or URL chosen."""
        return self.location_box.currentText().strip()

    def _browse(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Open Library"), "", self.tr("Libraries (*.sqlite3 *.sqlite *.db);;All files (*)")
        )
        if path:
            self.location_box.setEditText(path)


def open_in_new_window(wb: Workbench, location: str) -> QMainWindow:
    """Open a new window on ``location`` (it deletes itself when closed); remember it once it is open,
    so a mistyped path that cannot be opened does not come first in the recent list (qa25 D)."""
    from sqlalchemy.engine import make_url

    from db.dialect import is_postgres_url
    from db.server_auth import remember_for_session, without_password

    if is_postgres_url(location) and (password := make_url(location).password) is not None:
        # the password stays in memory only, never in the window's title or the settings
        remember_for_session(location, str(password))
        location = without_password(location)
    other = wb.host.new_window(location, remember=True)
    other.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    other.show()
    return other


def choose_library(wb: Workbench, opened: list[QMainWindow]) -> OpenLibraryDialog:
    """Show the dialog (window-modal); on Open, the library opens in a new window added to ``opened``."""
    dialog = OpenLibraryDialog(wb.settings.recent_libraries, wb.window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)

    def accepted() -> None:
        if dialog.location():
            opened.append(open_in_new_window(wb, dialog.location()))

    dialog.accepted.connect(accepted)
    dialog.open()
    return dialog

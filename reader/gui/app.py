"""Starting the application window."""

from __future__ import annotations

import sys


def run_gui(db: str | None = None, lang: str | None = None, sample: bool = False) -> int:
    """Open the main window on the library; returns the exit status of the event loop."""
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Jiaokan")
    window = QMainWindow()
    window.setWindowTitle("校勘 Jiaokan")
    window.resize(1200, 800)
    window.show()
    return int(app.exec())

"""Starting the application window.

The window is shown before the library is opened: the library is opened (and
SQLAlchemy, jieba and OpenCC imported) by background tasks started once the
window has painted, so that nothing competes with the first paint. The
features not needed to paint are built just after it (reader.gui.deferred_start).
``JIAOKAN_STARTUP_TRACE=1`` prints the steps' times to stderr (reader.core.startup_trace).
"""

from __future__ import annotations

import gc
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from reader.core.startup_trace import mark
from reader.gui.fonts import ui_family
from reader.gui.i18n import install_translators
from reader.gui.main_window import MainWindow
from reader.gui.settings import APPLICATION, LANGUAGES, ORGANIZATION, AppSettings
from reader.gui.theme import apply_theme

APP_DISPLAY_NAME = "Jiaokan 校勘"
GC_PAUSE_MAX_MS = 3000
"""The garbage collector, paused while the window is made, runs again after this at the latest."""


def application(argv: list[str] | None = None) -> QApplication:
    """The QApplication, created once, with the names QSettings uses."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        app = existing
    else:
        app = QApplication(argv if argv is not None else sys.argv)
        mark("QApplication created")
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(APP_DISPLAY_NAME)
    return app


def build_window(db: str | Path | None = None, lang: str | None = None, sample: bool = False) -> MainWindow:
    """Set up language, palette and fonts, and create the main window (not shown yet)."""
    from reader.core.paths import default_library, sample_library

    app = application()
    settings = AppSettings(app)
    # --lang chooses for this run; the View menu changes the saved preference
    install_translators(app, lang if lang in LANGUAGES else settings.language)
    # the window system appends this name to a title not ending with it: the titles end with it translated
    app.setApplicationDisplayName(QCoreApplication.translate("MainWindow", APP_DISPLAY_NAME))
    apply_theme(settings.theme, at_start=True)
    family = ui_family()
    if family is not None and sys.platform.startswith("linux"):
        font = QFont(app.font())
        font.setFamilies([app.font().family(), family])
        app.setFont(font)
    # --sample without --db opens a library of its own: the sample never lands in the user's library
    library = db if db else sample_library() if sample else default_library()
    if not db and sample:
        Path(library).parent.mkdir(parents=True, exist_ok=True)
    mark("translations, theme and fonts set")
    # the features not needed to paint are built just after the first paint (reader.gui.deferred_start)
    window = MainWindow(library, settings=settings, open_sample=sample, defer_features=True)
    mark("window built")
    return window


def start(window: MainWindow) -> None:
    """Show the window, then, once it has painted, open the library in the background."""
    window.show()
    mark("window shown")
    window.first_painted.connect(lambda: mark("first paint"))
    window.first_painted.connect(gc.enable)  # paused by reader.entry while the window was being made
    QTimer.singleShot(GC_PAUSE_MAX_MS, gc.enable)  # and back anyway if the window never paints (minimised)
    window.first_painted.connect(window.open_library)


def run_gui(db: str | None = None, lang: str | None = None, sample: bool = False) -> int:
    """Open the main window on the library; returns the exit status of the event loop."""
    app = application()
    window = build_window(db, lang, sample)
    start(window)
    return int(app.exec())

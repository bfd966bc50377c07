"""A window remembered larger than the screen (another screen or scale factor) opens within it (qa23)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDockWidget
from pytestqt.qtbot import QtBot

from db.engine import Library
from reader.gui.main_window import MainWindow
from reader.gui.scan_pane import MIN_VIEW_HEIGHT, ScanPane
from reader.services.importing import ImportReport
from reader.services.pages import attach_files
from tests.gui.conftest import show_article
from tests.scan_support import corpus_lines, save_page

pytestmark = pytest.mark.gui

WindowFactory = Callable[..., MainWindow]
Importer = Callable[[Library, list[Path]], ImportReport]


def test_a_window_remembered_larger_than_the_screen_opens_within_it(
    qtbot: QtBot, open_window: WindowFactory
) -> None:
    screen = QGuiApplication.primaryScreen()
    assert screen is not None
    room = screen.availableGeometry()
    first = open_window()
    first.resize(room.width() * 2, room.height() * 2)
    first.move(room.right() - 50, room.bottom() - 50)  # almost off the screen
    first.close()
    again = open_window()
    frame = again.frameGeometry()
    assert frame.width() <= room.width() and frame.height() <= room.height()
    assert room.contains(frame.topLeft()) and room.contains(frame.bottomRight())


def test_a_window_fitted_on_the_screen_stays_within_it_once_page_scans_are_shown(
    qtbot: QtBot, gui_library: Library, import_into: Importer, sample_issue: Path, open_window: WindowFactory,
    tmp_path: Path,
) -> None:  # fmt: skip
    """qa25 B: a window fitted on the screen grew taller than it once an article with page scans was
    shown, the Page Scan dock (page view and thumbnails) under the tabbed Search/Tags/Suggestions/Notes
    docks: the status bar went off the screen."""
    import_into(gui_library, [sample_issue])
    lines = corpus_lines(12)
    files = [save_page(tmp_path / "p1.png", lines[:6]), save_page(tmp_path / "p2.jpg", lines[6:])]
    with gui_library.writing() as session:
        assert not attach_files(session, 1, files).failed
    screen = QGuiApplication.primaryScreen()
    assert screen is not None
    room = screen.availableGeometry()
    window = open_window()
    window.resize(room.width() * 7 // 8, room.height() * 5 // 8)
    qtbot.waitUntil(lambda: window.findChild(QDockWidget, "notesDock") is not None, timeout=20_000)
    for dock in window.findChildren(QDockWidget):
        dock.show()
    pane = window.scan_dock.widget()
    assert isinstance(pane, ScanPane)
    with qtbot.waitSignal(pane.article_loaded, timeout=10_000):
        show_article(qtbot, window, 1, 1)
    qtbot.waitUntil(lambda: pane.view.level > 0, timeout=10_000)
    qtbot.wait(100)
    frame = window.frameGeometry()
    assert frame.height() <= room.height(), (frame, room, window.minimumSizeHint())
    assert room.contains(frame.bottomRight())
    assert pane.view.height() >= MIN_VIEW_HEIGHT and pane.thumbnails.isVisible()

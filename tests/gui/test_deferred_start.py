"""The window's late features (reader.gui.deferred_start): built after the first paint, or at once
when the user's first key comes earlier; their docks take their remembered place."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget

from reader.gui.app import start
from reader.gui.main_window import MainWindow
from tests.template_library import new_library_file

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

NO_SUGGESTIONS = "No suggestions in this article."


def _deferred_window(qtbot: QtBot, lib_path: Path) -> MainWindow:
    window = MainWindow(new_library_file(lib_path), defer_features=True)
    qtbot.addWidget(window)
    return window


def test_a_shortcut_of_a_late_feature_works_before_the_first_paint(qtbot: QtBot, lib_path: Path) -> None:
    window = _deferred_window(qtbot, lib_path)
    window.setUpdatesEnabled(False)  # the user is quicker than the first paint
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    assert not window.late.built
    qtbot.keyClick(window.reading_view, Qt.Key.Key_F7)  # Next Suggestion, wired by the late review tools
    assert window.late.built
    assert window.statusBar().currentMessage() == NO_SUGGESTIONS
    window.setUpdatesEnabled(True)
    window.close()


def test_a_shortcut_works_as_soon_as_the_shown_window_is_active(qtbot: QtBot, lib_path: Path) -> None:
    window = _deferred_window(qtbot, lib_path)
    with qtbot.waitActive(window):
        start(window)
        window.activateWindow()
    qtbot.keyClick(window.reading_view, Qt.Key.Key_F7)
    assert window.statusBar().currentMessage() == NO_SUGGESTIONS
    with qtbot.waitSignal(window.library_loaded, timeout=20_000):
        pass
    window.close()


def test_late_features_are_built_after_the_first_paint_without_input(qtbot: QtBot, lib_path: Path) -> None:
    window = _deferred_window(qtbot, lib_path)
    assert window.findChild(QDockWidget, "scanDock") is None
    with qtbot.waitSignal(window.first_painted, timeout=10_000):
        window.show()
    qtbot.waitUntil(lambda: window.late.built, timeout=5_000)
    for name in ("scanDock", "suggestionsDock", "notesDock"):
        assert window.findChild(QDockWidget, name) is not None, name
    assert window.review_tools.suggestions_dock.objectName() == "suggestionsDock"
    window.close()


def test_late_docks_take_their_remembered_place(qtbot: QtBot, lib_path: Path) -> None:
    first = MainWindow(new_library_file(lib_path))  # everything built at once
    qtbot.addWidget(first)
    first.show()
    dock = first.review_tools.notes_dock
    assert dock.isVisibleTo(first)
    dock.hide()
    first.close()  # saves the window's state

    window = MainWindow(lib_path, defer_features=True)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.first_painted, timeout=10_000):
        window.show()
    qtbot.waitUntil(lambda: window.late.built, timeout=5_000)
    assert not window.review_tools.notes_dock.isVisibleTo(window)
    assert window.review_tools.suggestions_dock.isVisibleTo(window)
    window.close()

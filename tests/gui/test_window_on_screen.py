"""A window remembered larger than the screen (another screen or scale factor) opens within it (qa23)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from reader.gui.main_window import MainWindow

pytestmark = pytest.mark.gui

WindowFactory = Callable[..., MainWindow]


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

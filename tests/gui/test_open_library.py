"""File > Open Library…: recent libraries (files and server URLs, never a password), a new window."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from db.engine import Library
from reader.gui.main_window import MainWindow

pytestmark = pytest.mark.gui


def test_recent_libraries_keep_no_password_and_the_newest_first(
    qtbot: QtBot, open_window: Callable[..., MainWindow], tmp_path: Path
) -> None:
    window = open_window()
    settings = window.settings
    settings.remember_library(str(tmp_path / "a.sqlite3"))
    settings.remember_library("postgresql+psycopg://wang:secret@archive/papers")
    settings.remember_library(str(tmp_path / "a.sqlite3"))
    assert settings.recent_libraries == [
        str(tmp_path / "a.sqlite3"),
        "postgresql+psycopg://wang@archive/papers",
    ]
    assert "secret" not in repr(settings.recent_libraries)


def test_open_library_opens_the_chosen_library_in_a_new_window(
    qtbot: QtBot, open_window: Callable[..., MainWindow], gui_library: Library, tmp_path: Path
) -> None:
    window = open_window()
    assert "Ctrl+Alt+O" in window.actions_.open_library.shortcut().toString()
    other_path = tmp_path / "other.sqlite3"
    dialog = window.team.choose_library()
    dialog.location_box.setEditText(str(other_path))
    dialog.accept()
    [other] = window.team.windows
    qtbot.waitSignal(other.library_loaded, timeout=20_000)
    qtbot.waitUntil(lambda: other.library is not None, timeout=20_000)
    assert other.library is not None and other.library.engine.url.database == str(other_path)
    assert window.settings.recent_libraries[0] == str(other_path)
    other.close()


def test_a_path_typed_over_the_last_library_replaces_it(qtbot: QtBot, tmp_path: Path) -> None:
    """qa25: the field held the last library, unselected: typing a path appended to it
    ("/tmp/ocr.sqlite3/tmp/lib.sqlite3"), which opened a window on an error."""
    from PySide6.QtCore import Qt

    from reader.gui.open_library_dialog import OpenLibraryDialog

    last, typed = str(tmp_path / "ocr.sqlite3"), str(tmp_path / "lib.sqlite3")
    dialog = OpenLibraryDialog([last, str(tmp_path / "older.sqlite3")])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    editor = dialog.location_box.lineEdit()
    assert editor is not None
    qtbot.waitUntil(editor.hasFocus)
    assert dialog.location() == last  # offered, chosen by Return alone
    qtbot.keyClicks(editor, typed)
    assert dialog.location() == typed
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert dialog.result() == OpenLibraryDialog.DialogCode.Accepted and dialog.location() == typed


@pytest.mark.parametrize("kind", ["a path under a file", "a file that is no library"])
def test_a_library_that_cannot_be_opened_is_not_remembered(
    qtbot: QtBot, open_window: Callable[..., MainWindow], tmp_path: Path, kind: str
) -> None:
    """qa25 D: a mistyped path came first in the recent list though its window only showed the error."""
    from PySide6.QtWidgets import QDialog

    window = open_window()
    good = tmp_path / "good.sqlite3"
    window.settings.remember_library(str(good))
    (tmp_path / "notes.txt").write_text("不是文库\n" * 50, encoding="utf-8")
    typed = (
        tmp_path / "notes.txt" / "lib.sqlite3" if kind == "a path under a file" else tmp_path / "notes.txt"
    )
    dialog = window.team.choose_library()
    dialog.location_box.setEditText(str(typed))
    dialog.accept()
    [other] = window.team.windows
    # the error said (a text file is taken for a damaged library: the restore is offered)
    qtbot.waitUntil(lambda: other.findChild(QDialog) is not None, timeout=20_000)
    assert other.library is None
    assert window.settings.recent_libraries == [str(good)]
    other.close()

"""The library pane lists the issues (read with sqlite3) before the library is open."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from db.engine import Library
from reader.gui.early_rows import list_issues_early
from reader.gui.main_window import MainWindow
from reader.services.browsing import issue_rows
from reader.services.importing import ImportReport

pytestmark = pytest.mark.gui

Import = Callable[[Library, list[Path]], ImportReport]


@pytest.fixture
def window(
    qtbot: QtBot, lib_path: Path, gui_library: Library, import_into: Import, corpus_files: list[Path]
) -> MainWindow:
    assert import_into(gui_library, corpus_files).ok
    shown = MainWindow(lib_path)
    qtbot.addWidget(shown)
    return shown


def test_the_rows_are_listed_while_the_library_is_still_opening(
    qtbot: QtBot, window: MainWindow, gui_library: Library
) -> None:
    release = threading.Event()
    opening = window.runner.start("opening", lambda _context: release.wait(20))
    try:
        list_issues_early(window.workbench, window.library_path, opening)
        qtbot.waitUntil(lambda: window.library_model.issue_count() == 3, timeout=10_000)
        assert window.library is None  # nothing opened it
        with gui_library.session() as session:
            expected = issue_rows(session)
        assert [window.library_model.issue_row(row.id) for row in expected] == expected
    finally:
        release.set()
        window.runner.wait()


def test_nothing_is_listed_once_the_opening_has_finished_first(qtbot: QtBot, window: MainWindow) -> None:
    opening = window.runner.start("opening", lambda _context: None)
    qtbot.waitUntil(lambda: opening.done, timeout=10_000)
    early = list_issues_early(window.workbench, window.library_path, opening)
    qtbot.waitUntil(lambda: early.done, timeout=10_000)
    assert window.library_model.issue_count() == 0


def test_the_opened_window_lists_the_same_issues(
    open_window: Callable[..., MainWindow], window: MainWindow
) -> None:
    opened = open_window()
    assert opened.library_model.issue_count() == 3


def test_the_library_is_opened_only_once_the_early_rows_are_in_the_pane(
    qtbot: QtBot, window: MainWindow
) -> None:
    """Loading SQLAlchemy would slow the early rows down: the opening waits until they are shown."""
    from reader.gui import early_rows

    model = window.library_model
    original = early_rows.list_issues_early
    shown: list[Callable[[], None]] = []  # the opening's "rows are in" callback, held back here

    def holding(*args, **kwargs):  # type: ignore[no-untyped-def]
        return original(*args[:3], lambda: shown.append(args[3]))

    early_rows.list_issues_early = holding
    try:
        window.open_library()
        qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
        assert model.issue_count() == 3  # listed early
        qtbot.wait(300)
        assert window.library is None  # and the opening is still waiting for word of them
        with qtbot.waitSignal(window.library_loaded, timeout=20_000):
            shown[0]()
    finally:
        early_rows.list_issues_early = original
    assert window.library is not None

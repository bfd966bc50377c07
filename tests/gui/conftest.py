"""GUI test fixtures: offscreen Qt, settings in a temporary folder, real libraries."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QSettings, SignalInstance
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenu

from db.engine import Library
from db.opening import open_library
from tests.conftest import SAMPLE_ISSUE
from tests.template_library import new_library_file

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from reader.gui.main_window import MainWindow
    from reader.services.importing import ImportReport
    from reader.services.searching import SearchHit
    from tests.gui.command_support import Bench


@pytest.fixture(autouse=True, scope="session")
def _english_interface(qapp: QApplication) -> Iterator[None]:
    """Tests read the English interface, with its plural forms ("1 file", "2 files")."""
    from reader.gui.i18n import install_translators, remove_translators

    translators = install_translators(qapp, "en")
    yield
    remove_translators(qapp, translators)


@pytest.fixture(autouse=True)
def _isolated_settings(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Point QSettings at a fresh folder so no test reads or writes the user's preferences."""
    folder = tmp_path_factory.mktemp("settings")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(QSettings.Format.IniFormat, scope, str(folder))
    yield folder


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    """The interface in Chinese for one test (the catalog must load)."""
    from reader.gui.i18n import install_translators, remove_translators

    translators = install_translators(qapp, "zh_CN")
    assert translators, "the zh_CN catalog did not load"
    yield
    remove_translators(qapp, translators)


def menu_entries(*menus: QMenu) -> list[QAction]:
    """Every entry of ``menus`` and their submenus, submenus and separators left out."""
    found: list[QAction] = []
    stack = list(menus)
    while stack:
        for action in stack.pop().actions():
            if isinstance(sub := action.menu(), QMenu):
                stack.append(sub)
            elif not action.isSeparator():
                found.append(action)
    return found


def window_menus(window: MainWindow) -> list[QMenu]:
    """The menus of the window's menu bar."""
    return [m for a in window.menuBar().actions() if isinstance(m := a.menu(), QMenu)]


@pytest.fixture
def lib_path(tmp_path: Path) -> Path:
    return tmp_path / "lib.sqlite3"


@pytest.fixture
def gui_library(lib_path: Path) -> Iterator[Library]:
    """A real, empty library file the window can also open by path."""
    is_file = isinstance(lib_path, Path)  # some modules make it a PostgreSQL URL
    library = open_library(new_library_file(lib_path) if is_file else lib_path)
    yield library
    library.close()


@pytest.fixture
def import_into() -> Callable[[Library, list[Path]], ImportReport]:
    """Import files with the real importer."""

    def run(library: Library, paths: list[Path]) -> ImportReport:
        from reader.services.importing import import_files

        with library.write_session() as session:
            return import_files(session, paths)

    return run


@pytest.fixture
def sample_issue() -> Path:
    return SAMPLE_ISSUE


@pytest.fixture
def window(
    gui_library: Library,
    import_into: Callable[[Library, list[Path]], ImportReport],
    sample_issue: Path,
    open_window: Callable[..., MainWindow],
) -> MainWindow:
    """A window on a library holding the sample issue, its tree expanded and the tag pane raised
    (a module may define its own ``window``)."""
    from tests.gui.tagging_support import open_sample_window

    return open_sample_window(gui_library, import_into, sample_issue, open_window)


@pytest.fixture
def bare_window(
    gui_library: Library,
    import_into: Callable[[Library, list[Path]], ImportReport],
    sample_issue: Path,
    open_window: Callable[..., MainWindow],
) -> MainWindow:
    """A window on a library holding the sample issue, as it opens (no pane raised, nothing expanded)."""
    import_into(gui_library, [sample_issue])
    return open_window()


@pytest.fixture
def open_window(qtbot: QtBot, lib_path: Path) -> Callable[..., MainWindow]:
    """The one way GUI tests make a main window: created, shown and opened on a library file.

    Waits until its pane is filled, or until the signal ``until(window)`` names (a backup made,
    a damaged library explained, the sample's article shown…).
    """

    def make(
        path: Path | None = None,
        *,
        sample: bool = False,
        until: Callable[[MainWindow], SignalInstance] | None = None,
        timeout: int = 20_000,
    ) -> MainWindow:
        from reader.gui.main_window import MainWindow

        window = MainWindow(path or lib_path, open_sample=sample)
        qtbot.addWidget(window)
        window.show()
        with qtbot.waitSignal(window.library_loaded if until is None else until(window), timeout=timeout):
            window.open_library()
        return window

    return make


def show_article(
    qtbot: QtBot,
    window: MainWindow,
    issue_id: int,
    article_id: int,
    hit: SearchHit | None = None,
    *,
    timeout: int = 5000,
) -> None:
    """Open an article in the window and wait until it is on screen (it is read in the background)."""
    with qtbot.waitSignal(
        window.navigator.article_shown, timeout=timeout, check_params_cb=lambda shown: shown == article_id
    ):
        assert window.navigator.open_article(issue_id, article_id, hit)


def start_edit_mode(qtbot: QtBot, window: MainWindow, *, timeout: int = 5000) -> None:
    """Turn edit mode on and wait until the article is in the editor (it is read in the background)."""
    with qtbot.waitSignal(window.proofreading.editor_pane.loaded, timeout=timeout):
        assert window.proofreading.set_edit_mode(True)


@pytest.fixture
def bench(
    gui_library: Library, import_into: Callable[[Library, list[Path]], ImportReport], sample_issue: Path
) -> Iterator[Bench]:
    """A bare undo stack and edit context (no window) on a library holding the sample issue."""
    from tests.gui.command_support import Bench

    import_into(gui_library, [sample_issue])
    made = Bench(gui_library)
    yield made
    made.close()

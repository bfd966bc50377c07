"""GUI test fixtures: offscreen Qt, settings in a temporary folder, real libraries."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable, Iterator  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import TYPE_CHECKING  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from db.engine import Library, open_library  # noqa: E402

if TYPE_CHECKING:
    from reader.services.importing import ImportReport
from tests.conftest import SAMPLE_ISSUE  # noqa: E402


@pytest.fixture(autouse=True)
def _isolated_settings(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Point QSettings at a fresh folder so no test reads or writes the user's preferences."""
    folder = tmp_path_factory.mktemp("settings")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(QSettings.Format.IniFormat, scope, str(folder))
    yield folder


@pytest.fixture
def lib_path(tmp_path: Path) -> Path:
    return tmp_path / "lib.sqlite3"


@pytest.fixture
def gui_library(lib_path: Path) -> Iterator[Library]:
    """A real, empty library file the window can also open by path."""
    library = open_library(lib_path)
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
def qapp_args() -> list[str]:
    return ["jiaokan-tests"]


def process_events() -> None:
    QApplication.processEvents()

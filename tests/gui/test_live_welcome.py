"""The welcome page ("your library is empty") gives way when another client fills the library."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from opencc import OpenCC
from pytestqt.qtbot import QtBot

from db.engine import Library
from db.opening import open_library
from reader.gui.main_window import MainWindow
from reader.services.importing import ImportReport

pytestmark = pytest.mark.gui

Importer = Callable[[Library, list[Path]], ImportReport]
REFRESHED_MS = 10_000  # the window polls every second; generous for a loaded machine


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def lib_path(request: pytest.FixtureRequest, tmp_path: Path) -> str | Path:
    if request.param == "postgres":
        return str(request.getfixturevalue("postgres_url"))
    return tmp_path / "lib.sqlite3"


@pytest.fixture
def other(lib_path: str | Path) -> Iterator[Library]:
    """Another client on the same library (a second window, `main.py import`)."""
    library = open_library(lib_path)
    yield library
    library.close()


def _variant(sample: Path, folder: Path, how: str) -> Path:
    text = sample.read_text(encoding="utf-8")
    if how == "traditional":
        text = OpenCC("s2t").convert(text)
    elif how == "crlf":
        text = text.replace("\n", "\r\n")
    path = folder / f"{how}.txt"
    path.write_bytes(text.encode("utf-8"))
    return path


@pytest.mark.parametrize("how", ["as is", "traditional", "crlf"])
def test_another_client_s_import_leaves_the_welcome_page(
    qtbot: QtBot,
    open_window: Callable[..., MainWindow],
    other: Library,
    import_into: Importer,
    sample_issue: Path,
    tmp_path: Path,
    how: str,
) -> None:
    window = open_window()
    assert window.stack.currentWidget() is window.welcome_page
    qtbot.waitUntil(lambda: window.runner.active == 0)
    folder = tmp_path / "in"
    folder.mkdir()
    assert len(import_into(other, [_variant(sample_issue, folder, how)]).imported) == 1
    qtbot.waitUntil(lambda: window.library_model.issue_count() == 1, timeout=REFRESHED_MS)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.reading_view, timeout=REFRESHED_MS)
    assert "1" in window.size_label.text()

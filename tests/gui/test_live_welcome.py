"""The welcome page ("your library is empty") gives way when another client fills the library."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from opencc import OpenCC
from pytestqt.qtbot import QtBot

from db.engine import Library
from reader.gui.main_window import MainWindow
from reader.services.importing import ImportReport
from tests.gui import live_clients
from tests.gui.live_clients import REFRESHED_MS

pytestmark = pytest.mark.gui

lib_path = live_clients.lib_path  # both engines
other = live_clients.other  # another client on the same library

Importer = Callable[[Library, list[Path]], ImportReport]


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

"""The window backs up a team library automatically with pg_dump, and says so plainly when it cannot."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from db.pg_backup import list_dumps, server_folder
from reader.gui.main_window import MainWindow

pytestmark = [pytest.mark.gui, pytest.mark.postgres]


@pytest.fixture
def lib_path(postgres_url: str) -> str:
    return postgres_url


def test_a_server_library_is_dumped_when_a_backup_is_due(
    qtbot: QtBot, open_window: Callable[..., MainWindow], lib_path: str
) -> None:
    window = open_window()
    try:
        assert window.safety.start_auto_backup() is not None
        qtbot.waitUntil(lambda: window.safety.backup_task is None, timeout=60_000)
        [dump] = list_dumps(server_folder(lib_path))
        assert dump.name.endswith("-auto.dump")
        assert window.safety.start_auto_backup() is not None  # asked again: nothing due, nothing dumped
        qtbot.waitUntil(lambda: window.safety.backup_task is None, timeout=60_000)
        assert list_dumps(server_folder(lib_path)) == [dump]
    finally:
        window.close()


def test_without_pg_dump_the_window_warns_that_the_backup_failed(
    qtbot: QtBot,
    open_window: Callable[..., MainWindow],
    lib_path: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = open_window()
    monkeypatch.setenv("PATH", str(tmp_path))
    try:
        with qtbot.waitSignal(window.safety.backup_failed, timeout=60_000):
            if window.safety.backup_task is None:
                window.safety.start_auto_backup()
        label = window.safety.backup_warning
        assert label is not None and label.isVisible()
        assert "pg_dump is not on the PATH" in label.toolTip()
    finally:
        window.close()

"""A window of this host that crashed while editing stops showing as "X is editing" in the windows that
run on (qa24): they kept its claim, asked "X is editing this article. Edit it anyway?" and showed it in
the library pane and the status bar until the claim lapsed five minutes later, though nothing of that
window ran any more (a claim's process is checked once it is read: reader.core.processes)."""

from __future__ import annotations

import socket
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from db.engine import Library
from reader.gui.library_model import Column
from reader.gui.main_window import MainWindow
from reader.services.importing import ImportReport
from reader.services.presence import claim
from tests.gui.conftest import show_article
from tests.gui.proofreading_support import RIVER

pytestmark = pytest.mark.gui

Importer = Callable[[Library, list[Path]], ImportReport]


def test_the_claim_of_a_window_that_crashed_goes_at_the_next_poll(
    qtbot: QtBot,
    gui_library: Library,
    import_into: Importer,
    sample_issue: Path,
    open_window: Callable[..., MainWindow],
) -> None:
    import_into(gui_library, [sample_issue])
    other_window = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        client = f"0123456789abcdef@{socket.gethostname()[:40]}:{other_window.pid}"
        with gui_library.writing() as session:
            assert claim(session, RIVER, holder="李明", client=client) is None
        window = open_window()
        show_article(qtbot, window, 1, RIVER)
        window.team.refresh()
        qtbot.waitUntil(lambda: window.team.label.text() == "李明 is editing", timeout=10_000)
        status = window.library_model.index_of_article(1, RIVER).siblingAtColumn(Column.STATUS)
        assert status.data().endswith("✎ 李明")
        assert window.team.holder_of(RIVER) == "李明"
    finally:
        other_window.kill()
        other_window.wait()
    window.team.tick()
    assert window.team.holder_of(RIVER) is None
    assert window.team.may_edit(RIVER)  # without asking
    assert window.team.label.text() == ""
    status = window.library_model.index_of_article(1, RIVER).siblingAtColumn(Column.STATUS)
    assert "李明" not in status.data()

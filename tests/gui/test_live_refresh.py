"""Another client's saves reach an open window, and "X is editing", on both engines.

The other client is a second, independent connection to the same library (a
second window or machine): on SQLite the window notices through ``PRAGMA
data_version``, on PostgreSQL through ``LISTEN/NOTIFY``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from db.engine import Library
from reader.gui.library_model import Column
from reader.gui.main_window import MainWindow
from reader.gui.proofreading import Mode
from reader.services.importing import ImportReport
from reader.services.presence import active_claims, claim
from reader.services.review import set_status
from reader.services.tracking.saving import save_article_text
from tests.gui import live_clients
from tests.gui.conftest import show_article, start_edit_mode
from tests.gui.live_clients import REFRESHED_MS
from tests.gui.proofreading_support import FIRST, RIVER, RIVER_PARAGRAPH, block_id, block_texts, type_text
from tests.gui.waiting import wait_for_tasks

pytestmark = pytest.mark.gui

lib_path = live_clients.lib_path  # both engines
other = live_clients.other  # another client on the same library

Importer = Callable[[Library, list[Path]], ImportReport]


@pytest.fixture
def window(
    gui_library: Library, import_into: Importer, sample_issue: Path, open_window: Callable[..., MainWindow]
) -> MainWindow:
    import_into(gui_library, [sample_issue])
    window = open_window()
    window.settings.editor_name = "王芳"
    return window


def _status(window: MainWindow, article_id: int) -> str | None:
    rows = window.library_model.fetched_articles(1) or []
    return next((row.status for row in rows if row.id == article_id), None)


def test_another_client_s_save_and_status_reach_the_window(
    qtbot: QtBot, window: MainWindow, other: Library
) -> None:
    show_article(qtbot, window, 1, RIVER)
    qtbot.waitUntil(lambda: _status(window, RIVER) == "new", timeout=REFRESHED_MS)
    qtbot.waitUntil(lambda: window.team.known_version(RIVER) == 1, timeout=REFRESHED_MS)
    paragraph = block_id(other, RIVER, RIVER_PARAGRAPH)
    original = block_texts(other, RIVER)[RIVER_PARAGRAPH]
    with other.writing() as session:
        save_article_text(session, RIVER, {paragraph: "同事改过的" + original}, author="李明", base_version=1)
    with other.writing() as session:
        set_status(session, [RIVER], "proofread", author="李明")
    qtbot.waitUntil(lambda: "同事改过的" in window.reading_view.toPlainText(), timeout=REFRESHED_MS)
    qtbot.waitUntil(lambda: _status(window, RIVER) == "proofread", timeout=REFRESHED_MS)
    row = window.library_model.issue_row(1)
    assert row is not None and row.done_count == 1


def test_unsaved_typing_is_never_replaced_by_another_client_s_save(
    qtbot: QtBot, window: MainWindow, other: Library
) -> None:
    show_article(qtbot, window, 1, RIVER)
    start_edit_mode(qtbot, window)
    pane = window.proofreading.editor_pane
    pane.editor.set_place(RIVER_PARAGRAPH, 0)
    type_text(pane.editor, "我的")
    paragraph = block_id(other, RIVER, RIVER_PARAGRAPH)
    text = block_texts(other, RIVER)[RIVER_PARAGRAPH]
    with other.writing() as session:
        save_article_text(session, RIVER, {paragraph: "别人的" + text}, author="李明", base_version=1)
    window.team.refresh()
    wait_for_tasks(qtbot, window.runner)  # the other client's save was read
    assert pane.dirty and "我的" in pane.editor.toPlainText()  # still mine, to be saved or merged
    assert "别人的" not in pane.editor.toPlainText()
    assert not pane.flush()  # its save meets the version check: both texts are shown
    dialog = pane.conflict_dialog
    assert dialog is not None and "别人的" in dialog.newer_view.toPlainText()
    dialog.keep_button.click()
    assert block_texts(other, RIVER)[RIVER_PARAGRAPH].startswith("我的")


def test_editing_claims_the_article_and_a_claimed_one_asks_first(
    qtbot: QtBot, window: MainWindow, other: Library
) -> None:
    show_article(qtbot, window, 1, RIVER)
    start_edit_mode(qtbot, window)
    window.team.tick()
    with other.session() as session:
        claims = active_claims(session)
    assert claims[RIVER].holder == "王芳"
    assert window.proofreading.set_edit_mode(False)
    window.team.tick()
    with other.session() as session:
        assert RIVER not in active_claims(session)  # leaving edit mode releases it
    with other.writing() as session:
        assert claim(session, FIRST, holder="李明", client="another window") is None
    show_article(qtbot, window, 1, FIRST)
    window.team.refresh()
    qtbot.waitUntil(lambda: window.team.label.text() == "李明 is editing", timeout=REFRESHED_MS)
    status = window.library_model.index_of_article(1, FIRST).siblingAtColumn(Column.STATUS)
    assert status.data().endswith("✎ 李明") and status.data(Qt.ItemDataRole.ToolTipRole) == "李明 is editing"

    def answer(button: QMessageBox.StandardButton) -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox) and "李明 is editing this article" in box.text()
        box.button(button).click()

    QTimer.singleShot(200, lambda: answer(QMessageBox.StandardButton.No))
    assert not window.proofreading.set_edit_mode(True)
    assert window.proofreading.mode is Mode.READ
    QTimer.singleShot(200, lambda: answer(QMessageBox.StandardButton.Yes))
    start_edit_mode(qtbot, window)
    window.team.tick()
    with other.session() as session:
        assert active_claims(session)[FIRST].holder == "王芳"  # taken over, after asking

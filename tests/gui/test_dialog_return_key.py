"""Return in a dialog presses its main button, wherever the focus is (not the first button of the form)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from db.engine import Library
from reader.gui.export_dialog import ExportDialog
from reader.gui.main_window import MainWindow
from reader.services.exporting import ExportReport
from reader.services.importing import ImportReport
from reader.services.tracking.saving import save_article_text
from tests.gui.conftest import show_article, start_edit_mode
from tests.gui.proofreading_support import RIVER, RIVER_PARAGRAPH, block_id, block_texts, type_text

pytestmark = pytest.mark.gui

Importer = Callable[[Library, list[Path]], ImportReport]
WindowFactory = Callable[..., MainWindow]


@pytest.fixture
def window(
    gui_library: Library, import_into: Importer, sample_issue: Path, open_window: WindowFactory
) -> MainWindow:
    assert len(import_into(gui_library, [sample_issue]).imported) == 1
    return open_window()


def _defaults(dialog: QWidget) -> list[str]:
    return [button.objectName() for button in dialog.findChildren(QPushButton) if button.isDefault()]


@pytest.mark.parametrize("focus", ["exportScope", "exportFormat", "exportScript", "exportFolder"])
def test_return_in_the_export_dialog_exports(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, focus: str
) -> None:
    dialog = window.show_export_dialog()
    assert isinstance(dialog, ExportDialog) and dialog.isVisible()
    folder = tmp_path / "exports"
    folder.mkdir()
    dialog.set_folder(folder)
    qtbot.waitUntil(lambda: dialog.preview_ready, timeout=30_000)
    assert _defaults(dialog) == ["exportButton"]  # not Choose…, which opens a folder chooser
    widget = dialog.findChild(QWidget, focus)
    assert widget is not None
    widget.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget)
    with qtbot.waitSignal(dialog.exported, timeout=60_000) as blocker:
        qtbot.keyClick(widget, Qt.Key.Key_Return)
    assert blocker.args is not None and isinstance(blocker.args[0], ExportReport)
    assert [p.suffix for p in folder.iterdir()] == [".txt"]


def test_return_in_the_conflict_dialog_keeps_my_text(
    qtbot: QtBot, window: MainWindow, gui_library: Library
) -> None:
    original = block_texts(gui_library, RIVER)[RIVER_PARAGRAPH]
    show_article(qtbot, window, 1, RIVER)
    start_edit_mode(qtbot, window)
    pane = window.proofreading.editor_pane
    pane.editor.set_place(RIVER_PARAGRAPH, 0)
    type_text(pane.editor, "我的")
    with gui_library.writing() as session:
        paragraph = block_id(gui_library, RIVER, RIVER_PARAGRAPH)
        save_article_text(session, RIVER, {paragraph: "别人的" + original}, author="另一位", base_version=1)
    assert not pane.flush()
    dialog = pane.conflict_dialog
    assert dialog is not None and dialog.isVisible()
    assert _defaults(dialog) == ["keepMine"]  # not Copy My Text, the first button of the form
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: block_texts(gui_library, RIVER)[RIVER_PARAGRAPH] == "我的" + original)

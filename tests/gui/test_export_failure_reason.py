"""An export that cannot be written says where and why in the interface language (not in English)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from db.engine import Library
from reader.gui.export_dialog import ExportDialog
from reader.gui.i18n import install_translators, remove_translators
from reader.gui.main_window import MainWindow
from reader.services.importing import ImportReport

pytestmark = pytest.mark.gui

Importer = Callable[[Library, list[Path]], ImportReport]
WindowFactory = Callable[..., MainWindow]


def _failure(qtbot: QtBot, dialog: ExportDialog, folder: Path) -> str:
    dialog.set_folder(folder)
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog.findChild(QMessageBox, "exportFailed") is not None, timeout=20_000)
    box = dialog.findChild(QMessageBox, "exportFailed")
    assert isinstance(box, QMessageBox)
    text = box.text()
    box.close()
    box.setObjectName("")  # the next failure makes a box of its own
    return text


def test_an_export_into_a_file_says_why_in_chinese(
    qapp: QApplication,
    qtbot: QtBot,
    gui_library: Library,
    import_into: Importer,
    sample_issue: Path,
    open_window: WindowFactory,
    tmp_path: Path,
) -> None:
    import_into(gui_library, [sample_issue])
    translators = install_translators(qapp, "zh_CN")
    try:
        window = open_window()
        dialog = window.show_export_dialog()
        assert isinstance(dialog, ExportDialog)
        qtbot.waitUntil(lambda: dialog.preview_ready, timeout=30_000)
        blocker = tmp_path / "afile"
        blocker.write_text("x", encoding="utf-8")
        text = _failure(qtbot, dialog, blocker)
        assert str(blocker) in text and "不是文件夹" in text and "in the way" not in text
        text = _failure(qtbot, dialog, blocker / "sub")
        assert str(blocker / "sub") in text and "无法写入该文件夹" in text and "cannot" not in text
        dialog.close()
    finally:
        remove_translators(qapp, translators)

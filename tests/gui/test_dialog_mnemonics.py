"""No two controls of a dialog share an Alt letter, in either language (a shared letter only moves the focus
between them: Alt+F in Find and Replace never ran Find All), and a dialog's letters do what they say."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QGroupBox, QLabel, QTabWidget, QWidget
from pytestqt.qtbot import QtBot

from db.engine import Library
from reader.gui.i18n import install_translators, remove_translators
from reader.gui.main_window import MainWindow
from reader.services.importing import ImportReport

pytestmark = pytest.mark.gui

Importer = Callable[[Library, list[Path]], ImportReport]
WindowFactory = Callable[..., MainWindow]


def _letters(dialog: QDialog) -> dict[str, list[str]]:
    """The Alt letter of every control shown in the dialog, with the texts that carry it."""
    texts: list[str] = []
    for widget in dialog.findChildren(QWidget):
        if not widget.isVisibleTo(dialog):
            continue
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QTabWidget):
            texts += [widget.tabText(i) for i in range(widget.count())]
    letters: dict[str, list[str]] = {}
    for text in texts:
        plain = text.replace("&&", "")
        at = plain.find("&")
        if 0 <= at < len(plain) - 1:
            letters.setdefault(plain[at + 1].lower(), []).append(text)
    return letters


def _export_dialog(window: MainWindow) -> QDialog:
    dialog = window.show_export_dialog()
    assert isinstance(dialog, QDialog)
    return dialog


def _find_replace_dialog(window: MainWindow) -> QDialog:
    return window.proofreading.show_find_replace()


@pytest.mark.parametrize("language", ["en", "zh_CN"])
@pytest.mark.parametrize("opener", [_export_dialog, _find_replace_dialog], ids=["export", "find_replace"])
def test_no_two_controls_of_a_dialog_share_an_alt_letter(
    qapp: QApplication,
    qtbot: QtBot,
    gui_library: Library,
    import_into: Importer,
    sample_issue: Path,
    open_window: WindowFactory,
    opener: Callable[[MainWindow], QDialog],
    language: str,
) -> None:
    import_into(gui_library, [sample_issue])
    translators = install_translators(qapp, language) if language != "en" else []
    try:
        window = open_window()
        dialog = opener(window)
        assert dialog.isVisible()
        shared = {letter: texts for letter, texts in _letters(dialog).items() if len(texts) > 1}
        dialog.close()
        assert shared == {}
    finally:
        remove_translators(qapp, translators)


def test_the_find_all_letter_finds(
    qtbot: QtBot, gui_library: Library, import_into: Importer, sample_issue: Path, open_window: WindowFactory
) -> None:
    import_into(gui_library, [sample_issue])
    window = open_window()
    dialog = window.proofreading.show_find_replace()
    dialog.find_edit.setText("街道")
    dialog.activateWindow()  # a mnemonic is a shortcut of the active window
    qtbot.waitUntil(dialog.isActiveWindow, timeout=5000)
    letter = _letters(dialog)  # the letter the Find All button shows
    key = next(k for k, texts in letter.items() if dialog.find_button.text() in texts)
    alt_key = getattr(Qt.Key, f"Key_{key.upper()}")
    with qtbot.waitSignal(dialog.previewed, timeout=10_000) as blocker:
        QTest.keyClick(dialog.find_edit, alt_key, Qt.KeyboardModifier.AltModifier)
    assert blocker.args is not None and int(blocker.args[0]) > 3
    dialog.close()

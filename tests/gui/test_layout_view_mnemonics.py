"""The layout view's menus: no two entries share an Alt letter, in either language (its Block menu had
&Role / &Remember, &Leftover / Page &Layout, &Masthead / &Move Block to Article, and in Chinese R and M)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from db.engine import Library
from reader.gui.i18n import install_translators, remove_translators
from reader.gui.layout_view import LayoutView
from reader.gui.main_window import MainWindow
from reader.services.importing import ImportReport
from tests.gui.test_translations import _mnemonic_clashes

pytestmark = pytest.mark.gui

Importer = Callable[[Library, list[Path]], ImportReport]
WindowFactory = Callable[..., MainWindow]


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_no_two_entries_of_a_layout_view_menu_share_an_alt_letter(
    qapp: QApplication,
    qtbot: QtBot,
    gui_library: Library,
    import_into: Importer,
    sample_issue: Path,
    open_window: WindowFactory,
    language: str,
) -> None:
    import_into(gui_library, [sample_issue])
    translators = install_translators(qapp, language) if language != "en" else []
    try:
        window = open_window()
        assert window.library_pane.select_issue(1)
        qtbot.waitUntil(window.actions_.layout_view.isEnabled)
        window.actions_.layout_view.trigger()
        view = window.findChild(LayoutView)
        assert isinstance(view, LayoutView)
        clashes = [
            clash
            for action in view.menu_bar.actions()
            if isinstance(menu := action.menu(), QMenu)
            for clash in _mnemonic_clashes(menu, action.text())
        ]
        view.close()
        assert clashes == []
    finally:
        remove_translators(qapp, translators)

"""Help > Keyboard Shortcuts lists the tagging keys too (Ctrl+T, Ctrl+Shift+G, Alt+1…9 of the tag pane)."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from reader.gui.main_window import MainWindow
from reader.gui.shortcuts_sheet import ShortcutsSheet

pytestmark = pytest.mark.gui


def test_the_sheet_lists_the_keys_of_tagging(qtbot: QtBot, window: MainWindow) -> None:
    window.actions_.keyboard_shortcuts.trigger()
    sheet = window.findChild(ShortcutsSheet)
    assert sheet is not None
    rows = dict(sheet.rows)
    try:
        assert rows.get("Tag Article") == "Ctrl+T"
        assert rows.get("Tag Selected Articles") == "Ctrl+Shift+G"
        assert rows.get("Accept Tag Suggestion 1") == "Alt+1"
        assert rows.get("Accept Tag Suggestion 9") == "Alt+9"
        assert rows.get("Accept Suggestion") == "F9"  # the artefact rules' own, told apart
    finally:
        sheet.close()

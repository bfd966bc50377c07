"""Every menu entry a keyboard-only day reaches has a key of its own (qa25 F): Preferences has the
platform's (Ctrl+, where the platform has none), each pane of the View menu and File > Attach Page
Scans… one that no other entry has."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence

from reader.gui.main_window import MainWindow
from reader.gui.shortcuts_sheet import ShortcutsSheet
from tests.gui.conftest import menu_entries, window_menus

pytestmark = pytest.mark.gui


def _keys_by_text(window: MainWindow) -> dict[str, str]:
    return {a.text(): a.shortcut().toString() for a in menu_entries(*window_menus(window))}


def test_preferences_the_panes_and_attach_page_scans_have_keys(window: MainWindow) -> None:
    keys = _keys_by_text(window)
    platform = QKeySequence.keyBindings(QKeySequence.StandardKey.Preferences)
    assert keys["&Preferences…"] == (platform[0].toString() if platform else "Ctrl+,")
    for text in (
        "Librar&y Pane",
        "S&earch Pane",
        "&Tags Pane",
        "S&uggestions Pane",
        "&Notes Pane",
        "Tag &Browser",
        "&Page Scan Pane",
        "Attach Page &Scans…",
    ):
        assert keys[text], f"{text!r} has no key"


def test_no_two_menu_entries_share_a_key(window: MainWindow) -> None:
    """The registry, the actions added to the window and every menu entry (the panes' toggles too)."""
    owners: dict[str, str] = {}
    window_wide = [
        a for a in window.findChildren(QAction) if a.shortcutContext() == Qt.ShortcutContext.WindowShortcut
    ]
    for action in {*window_wide, *window.actions(), *menu_entries(*window_menus(window))}:
        for key in action.shortcuts():
            name = key.toString()
            assert name not in owners or owners[name] == action.text(), (
                f"{name}: {owners[name]!r} and {action.text()!r}"
            )
            owners[name] = action.text()


def test_the_sheet_lists_the_new_keys(window: MainWindow) -> None:
    window.actions_.keyboard_shortcuts.trigger()
    sheet = window.findChild(ShortcutsSheet)
    assert sheet is not None
    rows = dict(sheet.rows)
    for name in ("Preferences", "Library Pane", "Notes Pane", "Tag Browser", "Attach Page Scans"):
        assert rows.get(name), name
    sheet.close()

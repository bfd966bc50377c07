"""A day at the keyboard: keys in menus and tooltips, the shortcuts sheet, show changes keeping the place,
the first edit starting the proofreading, and history reasons in words."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from pytestqt.qtbot import QtBot

from db.engine import Library
from reader.gui.history import reason_label
from reader.gui.main_window import MainWindow
from reader.gui.proofreading import Mode
from reader.gui.shortcuts_sheet import ShortcutsSheet
from reader.services.importing import ImportReport
from tests.gui.conftest import menu_entries, show_article, start_edit_mode, window_menus
from tests.gui.proofreading_support import RIVER, article, type_text

pytestmark = pytest.mark.gui

Importer = Callable[[Library, list[Path]], ImportReport]
WindowFactory = Callable[..., MainWindow]


@pytest.fixture
def window(
    gui_library: Library, import_into: Importer, sample_issue: Path, open_window: WindowFactory
) -> MainWindow:
    import_into(gui_library, [sample_issue])
    return open_window()


def _menu_entry(window: MainWindow, text: str) -> str:
    """The shortcut Qt shows beside a menu entry (the action's key) for the entry of that text."""
    for action in menu_entries(*window_menus(window)):
        if action.text() == text:
            return action.shortcut().toString()
    raise AssertionError(f"no menu entry {text!r}")


def test_frequent_actions_have_keys_shown_in_menus_and_tooltips(window: MainWindow) -> None:
    a = window.actions_
    assert _menu_entry(window, "Find and Rep&lace…") == "Ctrl+H"
    assert _menu_entry(window, "&Accept Suggestion") == "F9"
    assert _menu_entry(window, "&Reject Suggestion") == "Shift+F9"
    assert _menu_entry(window, "Issue &Properties…") == "Alt+Return"
    assert _menu_entry(window, "&Keyboard Shortcuts") == "Ctrl+/"
    assert a.find.toolTip() == "Find (Ctrl+F)"
    assert a.find_replace.toolTip() == "Find and Replace (Ctrl+H)"
    assert a.accept_suggestion.toolTip() == "Accept Suggestion (F9)"
    keyless = [action for action in a.all() if action.shortcut().isEmpty() and action.text()]
    assert keyless, "some rare actions have no key"
    for action in keyless:  # no key, no parentheses
        assert action.toolTip() == action.text().replace("&", "").rstrip("…"), action.text()


def test_no_two_actions_share_a_key(window: MainWindow) -> None:
    """The window's registry and the actions added to the window by features: every key means one thing."""
    owners: dict[str, str] = {}
    for action in {*window.actions_.all(), *window.actions()}:
        for key in action.shortcuts():
            name = key.toString()
            assert name not in owners, f"{name}: {owners[name]!r} and {action.text()!r}"
            owners[name] = action.text()


def test_ctrl_h_opens_find_and_replace(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    show_article(qtbot, window, 1, RIVER)
    qtbot.keyClick(window.reading_view, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    dialog = window.proofreading.find_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.close()


def test_the_shortcuts_sheet_lists_every_key_of_the_registry(qtbot: QtBot, window: MainWindow) -> None:
    window.actions_.keyboard_shortcuts.trigger()
    sheet = window.findChild(ShortcutsSheet)
    assert sheet is not None and sheet.isVisible()
    rows = dict(sheet.rows)
    assert rows["Find and Replace"].startswith("Ctrl+H")
    assert rows["Accept Suggestion"] == "F9"
    assert rows["Next Article"] == "Ctrl+PgDown; Alt+Down"
    assert rows["Undo"].startswith("Ctrl+Z") and "F14" not in rows["Undo"]  # no special keys
    keyed = {a.text() for a in window.findChildren(QAction) if not a.shortcut().isEmpty()}  # features' too
    assert len(rows) == len({t.replace("&", "").removesuffix("…") for t in keyed})
    sheet.filter_edit.setText("f9")
    assert [name for name, _ in sheet.visible_rows()] == ["Accept Suggestion", "Reject Suggestion"]
    assert QKeySequence("Ctrl+/").matches(window.actions_.keyboard_shortcuts.shortcut())
    sheet.close()


def test_turning_show_changes_off_keeps_edit_mode_and_the_place(qtbot: QtBot, window: MainWindow) -> None:
    window.resize(900, 400)
    window.set_font_size(36)
    show_article(qtbot, window, 1, RIVER)
    p = window.proofreading
    start_edit_mode(qtbot, window)
    bar = p.editor_pane.editor.verticalScrollBar()
    assert bar.maximum() > 0
    bar.setValue(bar.maximum() // 2)
    middle = bar.value() / bar.maximum()
    window.actions_.show_changes.trigger()
    assert p.mode is Mode.CHANGES
    window.actions_.show_changes.trigger()
    assert p.mode is Mode.EDIT and window.actions_.edit_mode.isChecked()
    assert window.stack.currentWidget() is p.editor_pane
    assert abs(bar.value() / bar.maximum() - middle) < 0.05
    # in reading mode the reading pane keeps its place too
    assert p.set_edit_mode(False)
    view_bar = window.reading_view.verticalScrollBar()
    view_bar.setValue(view_bar.maximum() // 2)
    before = view_bar.value()
    window.actions_.show_changes.trigger()
    window.actions_.show_changes.trigger()
    assert p.mode is Mode.READ and abs(view_bar.value() - before) <= 2


def test_the_first_saved_edit_shows_the_article_in_progress(
    qtbot: QtBot, window: MainWindow, gui_library: Library
) -> None:
    show_article(qtbot, window, 1, RIVER)
    assert article(gui_library, RIVER).status == "new"
    p = window.proofreading
    start_edit_mode(qtbot, window)
    type_text(p.editor_pane.editor, "校")
    assert p.set_edit_mode(False)  # saves
    assert article(gui_library, RIVER).status == "in_progress"
    assert window.actions_.status_actions["in_progress"].isChecked()


def test_revision_reasons_are_words() -> None:
    assert reason_label("segmentation") == "Articles split or merged"
    assert reason_label("suggestion:halfwidth_punctuation") == "Suggestion accepted (half-width punctuation)"


def _toolbars_fit(window: MainWindow) -> list[str]:
    """The top toolbars that would hide buttons behind » at the window's width."""
    from PySide6.QtWidgets import QToolBar

    bars = [
        b for b in window.findChildren(QToolBar) if window.toolBarArea(b) is Qt.ToolBarArea.TopToolBarArea
    ]
    rows: dict[int, int] = {}
    for bar in bars:
        rows[bar.y()] = rows.get(bar.y(), 0) + bar.sizeHint().width()
    return [str(y) for y, width in rows.items() if width > window.width()]


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_toolbars_fit_the_default_window_in_both_languages(
    qapp: object, language: str, gui_library: Library, open_window: WindowFactory
) -> None:
    from reader.gui.i18n import install_translators, remove_translators

    translators = install_translators(qapp, language)  # type: ignore[arg-type]
    try:
        window = open_window()
        # the default size: the offscreen screen (800 x 800) is smaller, and a window is fitted into it
        window.resize(1280, 820)
        qapp.processEvents()  # type: ignore[attr-defined]
        assert (window.width(), window.height()) == (1280, 820)
        assert window.toolBarBreak(window.proofreading.toolbar)  # the review toolbar has a row of its own
        assert _toolbars_fit(window) == []
        assert window.toolbar.y() < window.proofreading.toolbar.y()
        window.close()
    finally:
        remove_translators(qapp, translators)  # type: ignore[arg-type]


def test_file_dialogs_start_in_the_last_folder_and_offer_jiaokan_json(tmp_path: Path) -> None:
    from reader.gui.file_dialogs import import_file_filter, last_folder, remember_folder

    assert last_folder("import") == str(Path.home())
    issue = tmp_path / "scans" / "issue.txt"
    issue.parent.mkdir()
    issue.write_text("x", encoding="utf-8")
    remember_folder("import", issue)
    assert last_folder("import") == str(issue.parent)
    assert last_folder("rules") == str(Path.home())  # each purpose its own
    remember_folder("rules", tmp_path)
    assert last_folder("rules") == str(tmp_path)
    issue.unlink()
    issue.parent.rmdir()
    assert last_folder("import") == str(Path.home())  # a folder gone since
    filters = import_file_filter().split(";;")
    assert filters[0].endswith("(*.txt *.json *.pdf *.png *.jpg *.jpeg *.tif *.tiff)")  # scans too
    assert "Jiaokan JSON exports (*.json)" in filters

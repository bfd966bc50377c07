"""qa22's findings 5, 7, 8 and 9 in the window, in English and in Chinese.

5: Issue Properties refuses an impossible date inline (OK disabled) and says why.
7: the import's progress is not drawn over the welcome page's text.
8: the import summary's cancelled group has one pair of brackets, its count.
9: Block Role and Move Block to Previous / Next Article have keys, shown in the Structure menu.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from reader.gui.i18n import install_translators, remove_translators
from reader.gui.import_summary import ImportSummaryDialog
from reader.gui.issue_properties_dialog import IssuePropertiesDialog
from reader.gui.main_window import MainWindow
from reader.services.importing import FileResult, ImportReport, Outcome
from reader.services.issues import IssueProperties
from tests.gui.conftest import menu_entries

pytestmark = pytest.mark.gui


@pytest.fixture(params=["en", "zh_CN"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    translators = install_translators(qapp, request.param) if request.param != "en" else []
    yield request.param
    remove_translators(qapp, translators)


DATES = [  # (typed, refused in English, in Chinese) — None: accepted
    ("2021-02-30", "“2021-02-30” is not a date: 2021-02 has days 1 to 28.",
     "“2021-02-30”不是日期：2021年02月只有1日至28日。"),
    ("２０２１年４月３１日", "“２０２１年４月３１” is not a date: 2021-04 has days 1 to 30.",
     "“２０２１年４月３１”不是日期：2021年04月只有1日至30日。"),
    ("2021.13", "“2021.13” is not a date: there is no month 13.", "“2021.13”不是日期：没有13月。"),
    ("2020-02-29", None, None),
    ("2021年4月", None, None),
    ("辛丑年三月", None, None),
    ("", None, None),
]  # fmt: skip


def test_an_impossible_date_disables_ok_and_says_why(qtbot: QtBot, language: str) -> None:
    dialog = IssuePropertiesDialog("000.txt", IssueProperties(publication_date="2021-04-16"))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.ok_button.isEnabled() and not dialog.date_error.isVisible()
    edit = dialog.edits["publication_date"]
    for typed, english, chinese in DATES:
        edit.clear()
        if typed.isascii():
            qtbot.keyClicks(edit, typed)
        else:  # QTest types Latin-1 only
            edit.insert(typed)
        reason = english if language == "en" else chinese
        assert dialog.ok_button.isEnabled() is (reason is None), typed
        assert dialog.date_error.isVisible() is (reason is not None), typed
        if reason is not None:
            assert dialog.date_error.text() == reason
    edit.setText("2021-02-28")
    assert dialog.ok_button.isEnabled() and not dialog.date_error.isVisible()
    assert dialog.properties().publication_date == "2021-02-28"


def test_a_stored_impossible_date_is_shown_with_its_reason(qtbot: QtBot) -> None:
    dialog = IssuePropertiesDialog("000.txt", IssueProperties(publication_date="2021-02-30"))
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.ok_button.isEnabled() and dialog.date_error.isVisible()


def test_the_cancelled_group_has_one_pair_of_brackets(qtbot: QtBot, language: str) -> None:
    report = ImportReport(
        [FileResult("/x/a.txt", Outcome.IMPORTED, "", issue_id=1, articles=3)]
        + [FileResult(f"/x/{n}.txt", Outcome.CANCELLED, "cancelled") for n in range(10)]
    )
    dialog = ImportSummaryDialog(report)
    qtbot.addWidget(dialog)
    titles = [dialog.groups[outcome].text(0) for outcome in (Outcome.IMPORTED, Outcome.CANCELLED)]
    for title in titles:
        assert len(re.findall(r"[(（]", title)) == 1 and len(re.findall(r"[)）]", title)) == 1, title
        assert title.endswith(" (1)") or title.endswith(" (10)"), title
    assert titles[1] == ("Cancelled, not imported (10)" if language == "en" else "已取消，未导入 (10)")


def test_the_welcome_text_is_hidden_under_the_import_progress(
    qtbot: QtBot, open_window: Callable[..., MainWindow], tmp_path: Path
) -> None:
    window = open_window()
    page = window.welcome_page
    assert window.stack.currentWidget() is page
    shown = [page.title, page.text, *page.buttons]
    assert all(widget.isVisible() for widget in shown)
    refused = tmp_path / "empty.txt"
    refused.write_bytes(b"")  # refused: the library stays empty and the welcome page with it
    with qtbot.waitSignal(window.import_flow.started, timeout=10_000):
        window.import_paths([refused])
    assert not any(widget.isVisible() for widget in shown)  # nothing of the page around the progress
    qtbot.waitUntil(lambda: window.import_flow.task is None, timeout=30_000)
    assert window.stack.currentWidget() is page
    assert all(widget.isVisible() for widget in shown)
    if window.import_flow.summary_dialog is not None:
        window.import_flow.summary_dialog.close()


def _structure_entries(window: MainWindow) -> dict[str, QAction]:
    """Every entry of the Structure menu and its submenus, by its text."""
    [structure] = [
        m for a in window.menuBar().actions() if isinstance(m := a.menu(), QMenu) and a.text() == "&Structure"
    ]
    return {action.text(): action for action in menu_entries(structure) if action.text()}


def test_block_edits_have_keys_in_the_structure_menu(qtbot: QtBot, window: MainWindow) -> None:
    a = window.actions_
    entries = _structure_entries(window)
    assert entries["Move Block to Pre&vious Article"].shortcut().toString() == "Ctrl+Alt+Shift+PgUp"
    assert entries["Move Block to Ne&xt Article"].shortcut().toString() == "Ctrl+Alt+Shift+PgDown"
    keys = {role: action.shortcut().toString() for role, action in a.role_actions.items()}
    assert keys["title"] == "Ctrl+Alt+Shift+T" and keys["paragraph"] == "Ctrl+Alt+Shift+P"
    assert keys["leftover"] == "Ctrl+Alt+Shift+L"
    assert len(set(keys.values())) == len(keys) and all(keys.values())
    assert all(entries[action.text()] is action for action in a.role_actions.values())  # in the menu
    owners: dict[str, str] = {}  # every key of the window means one thing
    for action in {*a.all(), *window.actions()}:
        for key in action.shortcuts():
            assert key.toString() not in owners, (key.toString(), owners.get(key.toString()), action.text())
            owners[key.toString()] = action.text()
    window.activateWindow()
    a.move_to_next.setEnabled(True)
    with qtbot.waitSignal(a.move_to_next.triggered, timeout=2_000):
        qtbot.keyClick(
            window,
            Qt.Key.Key_PageDown,
            Qt.KeyboardModifier.ControlModifier
            | Qt.KeyboardModifier.AltModifier
            | Qt.KeyboardModifier.ShiftModifier,
        )

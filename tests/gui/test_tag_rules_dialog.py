"""The tag rules and aliases dialogs: a rule previewed with a count, applied and undone; aliases."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from db.engine import Library
from reader.gui.main_window import MainWindow
from reader.services.tag_aliases import list_aliases
from reader.services.tag_rules import list_rules
from tests.gui.tagging_support import (
    ALL_ARTICLES,
    aliases_dialog_on_a_place,
    let_background_work_end,
    rules_dialog,
    tags_of,
    type_text,
    wait_for_tag_list,
)

pytestmark = pytest.mark.gui


def _mentioning(library: Library, text: str) -> set[int]:
    from reader.services.tag_idf import article_contents

    with library.session() as session:
        contents = article_contents(session, ALL_ARTICLES)
    return {i for i, c in contents.items() if text in c.headings + c.body}


def test_a_rule_is_added_previewed_applied_and_undone(
    qtbot: QtBot, window: MainWindow, gui_library: Library
) -> None:
    edit_menu = window.menuBar().actions()[1].menu()
    submenus = [a.menu() for a in edit_menu.actions() if a.menu()]
    assert any(window.tagging.rules_action in menu.actions() for menu in submenus)  # Edit > Tags
    dialog = rules_dialog(qtbot, window)  # closed below: it deletes itself
    type_text(dialog.pattern_edit, "梅园街道")
    type_text(dialog.tag_edit, "梅园街道")
    dialog.kind_box.setCurrentIndex(dialog.kind_box.findData("place"))
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert dialog.error_label.isHidden()
    with gui_library.session() as session:
        rules = list_rules(session)
    assert [(r.pattern, r.tag, r.kind) for r in rules] == [("梅园街道", "梅园街道", "place")]
    qtbot.waitUntil(lambda: dialog.selected_rule() == rules[0].id, timeout=5000)  # the new rule
    assert not dialog.apply_button.isEnabled()  # nothing to apply before a preview

    expected = _mentioning(gui_library, "梅园街道")
    assert expected
    with qtbot.waitSignal(dialog.previewed, timeout=20_000):
        qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    assert str(len(expected)) in dialog.preview_label.text()
    assert dialog.apply_button.isEnabled()
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert {a for a in ALL_ARTICLES if "梅园街道" in tags_of(gui_library, a)} == expected

    window.undo_stack.undo()  # the application
    assert not any("梅园街道" in tags_of(gui_library, a) for a in ALL_ARTICLES)
    window.undo_stack.undo()  # the rule
    with gui_library.session() as session:
        assert list_rules(session) == []
    qtbot.waitUntil(lambda: dialog.rule_ids() == [], timeout=5000)
    dialog.close()


def test_a_bad_rule_says_why(qtbot: QtBot, window: MainWindow) -> None:
    dialog = rules_dialog(qtbot, window)  # closed below: it deletes itself
    type_text(dialog.pattern_edit, "(未闭合")
    type_text(dialog.tag_edit, "坏")
    dialog.regex_box.setChecked(True)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert not dialog.error_label.isHidden() and "regular expression" in dialog.error_label.text()
    assert dialog.rule_ids() == []
    dialog.close()


def test_an_alias_is_added_and_undone(qtbot: QtBot, window: MainWindow, gui_library: Library) -> None:
    dialog = aliases_dialog_on_a_place(qtbot, window, gui_library)
    qtbot.addWidget(dialog)
    type_text(dialog.tag_edit, "梅园街道")
    type_text(dialog.alias_edit, "梅园")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert dialog.error_label.isHidden()
    assert dialog.aliases() == ["梅园"]
    with gui_library.session() as session:
        assert [(r.alias, r.tag) for r in list_aliases(session)] == [("梅园", "梅园街道")]
    wait_for_tag_list(qtbot, window)  # the tag list reloads after the change: the alias finds the tag
    found = window.tagging.catalogue.find("梅園")
    assert found is not None and found.name == "梅园街道"
    dialog.tag_edit.clear()
    type_text(dialog.tag_edit, "没有这个")
    type_text(dialog.alias_edit, "别名")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert not dialog.error_label.isHidden()
    window.undo_stack.undo()
    assert dialog.aliases() == []
    dialog.close()


def test_closing_the_rules_dialog_before_it_lists_the_rules_is_quiet(
    qtbot: QtBot, window: MainWindow
) -> None:
    dialog = window.tagging.tag_dialogs.edit_rules()
    assert dialog is not None and dialog.is_listing()  # the rules are read in the background
    dialog.close()
    let_background_work_end(
        qtbot, window
    )  # the list arrives after the dialog is gone: nothing may touch its widgets
    assert window.tagging.tag_dialogs.rules_dialog is None


def _two_rules(library: Library) -> tuple[int, int]:
    """Two rules in the library (梅园 → 梅园街道, 河长 → 河长制): their ids."""
    from reader.services.tag_rules import add_rule

    with library.writing() as session:
        return add_rule(session, "梅园街道", "梅园").rule_id, add_rule(session, "河长制", "河长").rule_id


def test_a_rule_picked_while_the_rules_are_read_again_stays_picked(
    qtbot: QtBot, window: MainWindow, gui_library: Library
) -> None:
    first, second = _two_rules(gui_library)
    dialog = rules_dialog(qtbot, window)
    dialog.rule_list.setCurrentRow(0)
    assert dialog.selected_rule() == first
    dialog.reload()  # as after any tag change: the rules are read in the background
    assert dialog.is_listing()
    dialog.rule_list.setCurrentRow(1)  # the archivist picks the other rule meanwhile
    qtbot.waitUntil(lambda: not dialog.is_listing(), timeout=5000)
    assert dialog.rule_ids() == [first, second] and dialog.selected_rule() == second
    dialog.close()


def test_a_rule_back_by_undo_is_selected_again(
    qtbot: QtBot, window: MainWindow, gui_library: Library
) -> None:
    first, second = _two_rules(gui_library)
    dialog = rules_dialog(qtbot, window)
    dialog.rule_list.setCurrentRow(1)
    assert dialog.selected_rule() == second
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.rule_ids() == [first], timeout=5000)
    dialog.rule_list.setCurrentRow(0)
    window.undo_stack.undo()  # the removal: the rule comes back, and is the one selected
    qtbot.waitUntil(lambda: dialog.rule_ids() == [first, second], timeout=5000)
    assert dialog.selected_rule() == second
    dialog.reload()  # read again with nothing new: the selection stays
    qtbot.waitUntil(lambda: not dialog.is_listing(), timeout=5000)
    assert dialog.selected_rule() == second
    dialog.close()


def test_rules_back_by_undos_in_a_row_are_all_selected_the_last_current(
    qtbot: QtBot, window: MainWindow, gui_library: Library
) -> None:
    first, second = _two_rules(gui_library)
    dialog = rules_dialog(qtbot, window)
    for left in ([second], []):
        dialog.rule_list.setCurrentRow(0)
        qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda left=left: dialog.rule_ids() == left, timeout=5000)
    window.undo_stack.undo()  # both removals undone before the rules are read again
    window.undo_stack.undo()
    qtbot.waitUntil(lambda: dialog.rule_ids() == [first, second] and not dialog.is_listing(), timeout=5000)
    assert dialog.selected_rules() == [first, second]  # both back, both selected
    assert dialog.selected_rule() == second  # the last of them is the current one
    dialog.close()


def test_rules_removed_together_come_back_together_selected(
    qtbot: QtBot, window: MainWindow, gui_library: Library
) -> None:
    from reader.services.tag_rules import add_rule

    first, second = _two_rules(gui_library)
    with gui_library.writing() as session:
        third = add_rule(session, "外滩", "外滩").rule_id
    dialog = rules_dialog(qtbot, window)
    dialog.rule_list.setCurrentRow(0)
    qtbot.keyClick(dialog.rule_list, Qt.Key.Key_End, Qt.KeyboardModifier.ShiftModifier)  # the three
    assert dialog.selected_rules() == [first, second, third]
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)  # one step removes the three
    qtbot.waitUntil(lambda: dialog.rule_ids() == [] and not dialog.is_listing(), timeout=5000)
    with gui_library.session() as session:
        assert list_rules(session) == []
    for _round in range(2):
        window.undo_stack.undo()  # one undo brings the three back: what Undo did is selected
        qtbot.waitUntil(lambda: dialog.rule_ids() == [first, second, third], timeout=5000)
        assert dialog.selected_rules() == [first, second, third]
        assert dialog.selected_rule() == third
        window.undo_stack.redo()
        qtbot.waitUntil(lambda: dialog.rule_ids() == [] and not dialog.is_listing(), timeout=5000)
    dialog.close()


def test_rules_back_by_redos_in_a_row_are_all_selected(qtbot: QtBot, window: MainWindow) -> None:
    dialog = rules_dialog(qtbot, window)
    for pattern, tag in (("梅园街道", "梅园"), ("河长制", "河长")):
        type_text(dialog.pattern_edit, pattern)
        type_text(dialog.tag_edit, tag)
        qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not dialog.is_listing(), timeout=5000)
    added = dialog.rule_ids()
    assert len(added) == 2
    window.undo_stack.undo()
    window.undo_stack.undo()
    qtbot.waitUntil(lambda: dialog.rule_ids() == [] and not dialog.is_listing(), timeout=5000)
    window.undo_stack.redo()  # both adds made again before the rules are read again
    window.undo_stack.redo()
    qtbot.waitUntil(lambda: dialog.rule_ids() == added and not dialog.is_listing(), timeout=5000)
    assert dialog.selected_rules() == added and dialog.selected_rule() == added[-1]
    dialog.close()

"""The tag rules and aliases dialogs used without a mouse: Tab follows the fields, Enter adds, Alt+letter."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel
from pytestqt.qtbot import QtBot
from sqlalchemy import update

from db.engine import Library
from db.tagging_models import ArticleTag
from reader.gui.main_window import MainWindow
from reader.gui.tag_rules_dialog import TagRulesDialog
from reader.services.tag_aliases import list_aliases
from reader.services.tag_rules import list_rules
from tests.gui.tagging_support import (
    RIVER,
    aliases_dialog_on_a_place,
    let_background_work_end,
    rules_dialog,
    tag,
    tag_count_shown,
    tags_of,
    type_text,
    wait_for_tag_list,
)

pytestmark = pytest.mark.gui


def _mnemonic(button: QAbstractButton | QLabel) -> str:
    found = re.search(r"&(\w)", button.text())
    assert found is not None, button.text()
    return found.group(1).lower()


def test_tab_goes_from_the_text_to_the_tag_and_enter_there_adds_the_rule(
    qtbot: QtBot, window: MainWindow, gui_library: Library
) -> None:
    dialog = window.tagging.tag_dialogs.edit_rules()
    assert dialog is not None
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    dialog.pattern_edit.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.pattern_edit, timeout=2000)
    type_text(dialog.pattern_edit, "河长制")
    qtbot.keyClick(dialog.pattern_edit, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.tag_edit  # the field under it, not the check box
    type_text(dialog.tag_edit, "河长制")
    qtbot.keyClick(dialog.tag_edit, Qt.Key.Key_Return)
    assert dialog.error_label.isHidden()
    with gui_library.session() as session:
        assert [(r.pattern, r.tag) for r in list_rules(session)] == [("河长制", "河长制")]
    qtbot.keyClick(dialog.tag_edit, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.kind_box  # the kind of a tag the rule creates
    qtbot.keyClick(dialog.kind_box, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.regex_box
    dialog.close()


def test_each_button_of_the_rules_dialog_has_its_own_alt_letter(qtbot: QtBot, window: MainWindow) -> None:
    dialog = rules_dialog(qtbot, window)  # closed below: it deletes itself
    buttons = [
        dialog.preview_button,
        dialog.apply_button,
        dialog.unapply_button,
        dialog.remove_button,
        dialog.regex_box,
        dialog.add_button,
        dialog.kind_caption,
    ]
    letters = [_mnemonic(b) for b in buttons]
    assert len(set(letters)) == len(letters), letters  # Alt+P must not stop at Preview and Apply in turn
    dialog.close()


def test_removing_an_alias_is_undone(qtbot: QtBot, window: MainWindow, gui_library: Library) -> None:
    dialog = aliases_dialog_on_a_place(qtbot, window, gui_library)
    qtbot.addWidget(dialog)
    type_text(dialog.tag_edit, "梅园街道")
    type_text(dialog.alias_edit, "梅园")
    qtbot.keyClick(dialog.alias_edit, Qt.Key.Key_Return)
    assert dialog.aliases() == ["梅园"]
    dialog.alias_list.setCurrentRow(0)
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert dialog.aliases() == []
    window.undo_stack.undo()
    assert dialog.aliases() == ["梅园"]
    with gui_library.session() as session:
        assert [(r.alias, r.tag) for r in list_aliases(session)] == [("梅园", "梅园街道")]
    dialog.close()


def _rules_dialog_on_one_rule(qtbot: QtBot, window: MainWindow, gui_library: Library) -> TagRulesDialog:
    """The rules dialog of a library with one rule: 梅园 → 梅园街道."""
    from reader.services.tag_rules import add_rule

    with gui_library.writing() as session:
        add_rule(session, "梅园街道", "梅园")
    return rules_dialog(qtbot, window)


def test_closing_the_rules_dialog_while_it_counts_is_quiet(
    qtbot: QtBot, window: MainWindow, gui_library: Library
) -> None:
    # the count arrives after the dialog is gone: nothing may touch its deleted widgets
    dialog = _rules_dialog_on_one_rule(qtbot, window, gui_library)
    dialog.rule_list.setCurrentRow(0)
    dialog.preview_selected()
    dialog.close()
    let_background_work_end(qtbot, window)
    assert window.tagging.tag_dialogs.rules_dialog is None


def test_a_rules_tags_are_taken_off_in_the_window_and_hand_made_ones_stay(
    qtbot: QtBot, window: MainWindow, gui_library: Library
) -> None:
    # what `tags rule undo` does, for the tags a rule added on import too
    from reader.services.tag_rules import add_rule, apply_rule

    with gui_library.writing() as session:
        rule_id = add_rule(session, "梅园街道", "梅园").rule_id
        tagged = set(apply_rule(session, rule_id).added)
    assert len(tagged) >= 2 and RIVER in tagged
    by_hand = next(a for a in sorted(tagged) if a != RIVER)
    with gui_library.writing() as session:  # the archivist tags one of them by hand too
        session.execute(
            update(ArticleTag).where(ArticleTag.article_id == by_hand).values(added_by="archivist")
        )
    dialog = rules_dialog(qtbot, window)
    dialog.rule_list.setCurrentRow(0)
    assert dialog.unapply_button.isEnabled()
    with qtbot.waitSignal(window.tagging.editor.changed, timeout=5000):
        qtbot.mouseClick(dialog.unapply_button, Qt.MouseButton.LeftButton)
    assert dialog.error_label.isHidden()
    assert tags_of(gui_library, by_hand) == ["梅园街道"]
    assert all("梅园街道" not in tags_of(gui_library, a) for a in tagged - {by_hand})
    assert str(len(tagged) - 1) in dialog.preview_label.text()
    qtbot.waitUntil(lambda: tag_count_shown(window, RIVER) == 0, timeout=5000)
    window.undo_stack.undo()
    assert all("梅园街道" in tags_of(gui_library, a) for a in tagged)
    qtbot.waitUntil(lambda: tag_count_shown(window, RIVER) == 1, timeout=5000)
    dialog.close()


def test_ctrl_z_in_the_rules_dialog_undoes_what_it_did(
    qtbot: QtBot, window: MainWindow, gui_library: Library
) -> None:
    # the dialog is modal: the window's Ctrl+Z cannot be reached while it is open
    dialog = _rules_dialog_on_one_rule(qtbot, window, gui_library)
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    dialog.rule_list.setCurrentRow(0)
    dialog.rule_list.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.rule_list, timeout=2000)
    with qtbot.waitSignal(dialog.previewed, timeout=20_000):
        qtbot.keyClick(dialog.rule_list, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(dialog.rule_list, Qt.Key.Key_Y, Qt.KeyboardModifier.AltModifier)  # clicks after a blink
    qtbot.waitUntil(lambda: tags_of(gui_library, RIVER) == ["梅园街道"], timeout=2000)
    assert "Tagged" in dialog.preview_label.text()
    qtbot.keyClick(dialog.rule_list, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert tags_of(gui_library, RIVER) == []
    assert "Tagged" not in dialog.preview_label.text()  # it no longer holds
    qtbot.keyClick(
        dialog.rule_list,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert tags_of(gui_library, RIVER) == ["梅园街道"]
    dialog.close()


def test_ctrl_z_in_the_aliases_dialog_undoes_what_it_did(
    qtbot: QtBot, window: MainWindow, gui_library: Library
) -> None:
    dialog = aliases_dialog_on_a_place(qtbot, window, gui_library)
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    type_text(dialog.tag_edit, "梅园街道")
    type_text(dialog.alias_edit, "梅园")
    qtbot.keyClick(dialog.alias_edit, Qt.Key.Key_Return)
    assert dialog.aliases() == ["梅园"]
    dialog.alias_list.setFocus()
    qtbot.keyClick(dialog.alias_list, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert dialog.aliases() == []
    dialog.close()


def test_the_tag_browser_filter_finds_a_tag_by_its_alias(
    qtbot: QtBot, window: MainWindow, gui_library: Library
) -> None:
    # as `tags list --filter` does: typing part of an alias (in any script) shows the tag
    from PySide6.QtCore import QModelIndex

    from reader.services.tag_aliases import add_alias

    tag_id = tag(gui_library, "梅园街道", [RIVER], kind="place")
    with gui_library.writing() as session:
        add_alias(session, tag_id, "青溪片区")
    window.tagging.reload_tags()
    wait_for_tag_list(qtbot, window)
    browser = window.tagging.browser
    model = browser.tree.model()

    def shown(parent: QModelIndex | None = None) -> list[str]:
        parent = parent or QModelIndex()
        out: list[str] = []
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            out += [str(index.data()), *shown(index)]
        return out

    browser.filter_edit.setText("青溪片")
    assert "梅园街道" in shown()
    browser.filter_edit.setText("溪片區")  # traditional forms fold to the same
    assert "梅园街道" in shown()
    browser.filter_edit.setText("没有这个")
    assert "梅园街道" not in shown()

"""With several rules selected in the rules dialog only Remove acts (on them all): Preview, Apply
and Take Tags Off, which act on one rule, are off rather than acting on the current rule alone."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from db.engine import Library
from reader.gui.main_window import MainWindow
from reader.services.tag_rules import add_rule, apply_rule
from tests.gui.tagging_support import ALL_ARTICLES, rules_dialog, tags_of

pytestmark = pytest.mark.gui


def test_take_tags_off_waits_for_one_rule_when_several_are_selected(
    qtbot: QtBot, window: MainWindow, gui_library: Library
) -> None:
    with gui_library.writing() as session:
        first = add_rule(session, "梅园街道", "梅园").rule_id
        second = add_rule(session, "河长制", "河长").rule_id
        apply_rule(session, first)
        apply_rule(session, second)
    tagged = {a: tags_of(gui_library, a) for a in ALL_ARTICLES}
    assert any("梅园街道" in names for names in tagged.values())
    assert any("河长制" in names for names in tagged.values())
    dialog = rules_dialog(qtbot, window)
    dialog.rule_list.setCurrentRow(0)
    assert dialog.preview_button.isEnabled() and dialog.unapply_button.isEnabled()
    qtbot.keyClick(dialog.rule_list, Qt.Key.Key_End, Qt.KeyboardModifier.ShiftModifier)  # both
    assert dialog.selected_rules() == [first, second] and dialog.selected_rule() == second
    assert dialog.remove_button.isEnabled()
    assert not dialog.preview_button.isEnabled()
    assert not dialog.unapply_button.isEnabled()
    assert not dialog.apply_button.isEnabled()
    steps = window.undo_stack.count()
    qtbot.mouseClick(dialog.unapply_button, Qt.MouseButton.LeftButton)  # a click on it does nothing
    qtbot.keyClick(dialog, Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)  # nor its Alt letter
    assert window.undo_stack.count() == steps
    assert {a: tags_of(gui_library, a) for a in ALL_ARTICLES} == tagged  # rule 2's tags are on
    qtbot.keyClick(dialog.rule_list, Qt.Key.Key_Home)  # one rule again: it can be taken off
    assert dialog.selected_rules() == [first] and dialog.unapply_button.isEnabled()
    assert dialog.preview_button.isEnabled()
    dialog.close()

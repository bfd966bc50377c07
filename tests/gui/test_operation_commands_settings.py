"""The user's rules, dictionary words and conversion lists as steps on a bare QUndoStack (no window).

Each test makes the step, checks the library, undoes it, checks, redoes it,
checks again, and checks what the step told every view (``rules``).
"""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from db.engine import Library
from db.layout_models import LayoutRule
from db.rules_models import UserRuleRow
from reader.core.op_changes import OpChanges
from reader.core.rules.user import RuleError
from reader.gui.commands.settings import push_made
from reader.gui.user_dictionary import UserDictionaryDialog
from reader.services.conversion import Phrase, list_phrases, list_protected_names, set_protected_names
from reader.services.rules_import_operation import rules_import_operation
from reader.services.setting_operations import (
    RuleSnapshot,
    RuleSpec,
    conversion_lists_operation,
    forget_line_operation,
    remember_line_operation,
    rule_add_operation,
    rule_change_operation,
    rule_delete_operation,
)
from reader.services.tag_browsing import user_words
from tests.gui.command_support import Bench

pytestmark = pytest.mark.gui

RULES = OpChanges(rules=True)
SPACE = RuleSpec("全角空格", "\u3000", "", scope="paragraph")


def _rules(library: Library) -> dict[int, tuple[str, str, str | None, bool]]:
    with library.session() as session:
        rows = session.scalars(select(UserRuleRow).order_by(UserRuleRow.id))
        return {r.id: (r.name, r.pattern, r.replacement, r.enabled) for r in rows}


def _words(library: Library) -> dict[str, str]:
    with library.session() as session:
        return {row.word: row.kind for row in user_words(session)}


def _lists(library: Library) -> tuple[list[str], list[Phrase]]:
    with library.session() as session:
        return list_protected_names(session), list_phrases(session)


def test_a_rule_is_added_changed_and_deleted_and_each_step_undone(bench: Bench, gui_library: Library) -> None:
    before = _rules(gui_library)
    made = push_made(bench.context, "Add Rule “全角空格”", rule_add_operation(SPACE))
    assert made.changes == RULES and bench.last() == RULES
    [rule_id] = set(_rules(gui_library)) - set(before)
    assert _rules(gui_library)[rule_id] == ("全角空格", "\u3000", "", True)
    changed = RuleSpec("全角空格", "\u3000\u3000", None, enabled=False)
    push_made(bench.context, "Change Rule “全角空格”", rule_change_operation(rule_id, changed))
    assert _rules(gui_library)[rule_id] == ("全角空格", "\u3000\u3000", None, False)
    push_made(bench.context, "Delete Rule “全角空格”", rule_delete_operation(rule_id))
    assert _rules(gui_library) == before
    assert bench.stack.count() == 3 and bench.stack.undoText() == "Delete Rule “全角空格”"

    bench.stack.undo()  # back with its id, so the change below it still finds it
    assert _rules(gui_library)[rule_id] == ("全角空格", "\u3000\u3000", None, False)
    bench.stack.undo()
    assert _rules(gui_library)[rule_id] == ("全角空格", "\u3000", "", True)
    bench.stack.undo()
    assert _rules(gui_library) == before
    assert bench.last() == RULES
    bench.stack.redo()
    bench.stack.redo()
    assert _rules(gui_library)[rule_id] == ("全角空格", "\u3000\u3000", None, False)
    bench.stack.redo()
    assert _rules(gui_library) == before
    assert len(bench.seen) == 9 and all(changes == RULES for changes, _ in bench.seen)
    assert bench.failures == []


def test_a_rule_refused_changes_nothing_and_is_not_pushed(bench: Bench, gui_library: Library) -> None:
    before = _rules(gui_library)
    with pytest.raises(RuleError):
        push_made(
            bench.context, "Add Rule “坏”", rule_add_operation(RuleSpec("坏", "(", None, is_regex=True))
        )
    assert _rules(gui_library) == before
    assert bench.stack.count() == 0 and bench.seen == []


def test_undoing_a_delete_is_refused_when_its_name_was_taken(bench: Bench, gui_library: Library) -> None:
    made = push_made(bench.context, "Add Rule", rule_add_operation(SPACE)).value
    assert isinstance(made, RuleSnapshot)
    push_made(bench.context, "Delete Rule", rule_delete_operation(made.id))
    with gui_library.writing() as session:  # the name is taken again meanwhile, outside the stack
        session.add(UserRuleRow(name=SPACE.name, pattern="x", replacement=None, created_at=made.created_at))
    after = _rules(gui_library)
    bench.stack.undo()
    assert bench.failures and "already exists" in bench.failures[0]
    assert _rules(gui_library) == after


def test_dictionary_words_are_added_and_removed_from_the_dialog_and_undone(
    qtbot: QtBot, bench: Bench, gui_library: Library
) -> None:
    dialog = UserDictionaryDialog(bench.context)
    qtbot.addWidget(dialog)
    before = _words(gui_library)
    dialog.word_edit.setText("梅园新村")
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("place"))
    dialog.add_word()
    assert _words(gui_library) == before | {"梅园新村": "place"}
    assert "梅园新村" in dialog.words() and bench.last() == RULES
    assert bench.stack.undoText() == "Add Dictionary Word “梅园新村”"
    dialog.word_edit.setText("梅园新村")  # the same word again, as a person: its kind changes
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("person"))
    dialog.add_word()
    assert _words(gui_library)["梅园新村"] == "person"
    dialog.word_list.setCurrentRow(dialog.words().index("梅园新村"))
    dialog.remove_selected()
    assert _words(gui_library) == before and "梅园新村" not in dialog.words()
    assert bench.stack.undoText() == "Remove Dictionary Word “梅园新村”"

    bench.stack.undo()  # the list follows the stack
    assert _words(gui_library)["梅园新村"] == "person" and "梅园新村" in dialog.words()
    bench.stack.undo()
    assert _words(gui_library)["梅园新村"] == "place"
    bench.stack.undo()
    assert _words(gui_library) == before and "梅园新村" not in dialog.words()
    bench.stack.redo()
    assert _words(gui_library)["梅园新村"] == "place"
    bench.stack.redo()
    bench.stack.redo()
    assert _words(gui_library) == before
    assert len(bench.seen) == 9 and all(changes == RULES for changes, _ in bench.seen)
    assert bench.failures == []
    dialog.close()


def _layout(library: Library) -> set[tuple[str, str, str]]:
    with library.session() as session:
        return {(r.publication, r.line, r.role) for r in session.scalars(select(LayoutRule))}


def test_a_layout_line_is_remembered_changed_and_forgotten_and_each_step_undone(
    bench: Bench, gui_library: Library
) -> None:
    assert _layout(gui_library) == set()
    made = push_made(
        bench.context, "Remember Line", remember_line_operation(1, "本报讯", "layout", author="ed")
    )
    remembered = _layout(gui_library)
    assert made.value == len(remembered) >= 1 and {role for _, _, role in remembered} == {"layout"}
    assert bench.last() == RULES
    push_made(bench.context, "Remember Line", remember_line_operation(1, "本报讯", "masthead", author="ed"))
    assert {role for _, _, role in _layout(gui_library)} == {"masthead"}
    forgot = push_made(bench.context, "Forget Line", forget_line_operation(1, "本报讯"))
    assert forgot.value == len(remembered) and _layout(gui_library) == set()
    bench.stack.undo()
    assert {role for _, _, role in _layout(gui_library)} == {"masthead"}
    bench.stack.undo()  # back to the role it had
    assert _layout(gui_library) == remembered
    bench.stack.undo()
    assert _layout(gui_library) == set()
    bench.stack.redo()
    bench.stack.redo()
    bench.stack.redo()
    assert _layout(gui_library) == set()
    assert len(bench.seen) == 9 and all(changes == RULES for changes, _ in bench.seen)
    nothing = push_made(bench.context, "Forget Line", forget_line_operation(1, "本报讯"))
    assert nothing.value == 0 and bench.stack.count() == 3  # nothing to forget: no step
    assert bench.failures == []


def test_a_rules_file_is_imported_and_the_import_undone(bench: Bench, gui_library: Library) -> None:
    made = push_made(bench.context, "Add Rule", rule_add_operation(SPACE)).value
    assert isinstance(made, RuleSnapshot)
    with gui_library.writing() as session:
        set_protected_names(session, ["李群"])
    before = (_rules(gui_library), _layout(gui_library), _lists(gui_library))
    rules = [
        {"name": SPACE.name, "pattern": "\u3000", "replacement": None, "is_regex": False, "scope": "all"},
        {"name": "核对街道名", "pattern": "梅园街道", "replacement": None},
    ]
    layout = [{"publication": "幸福社区", "line": "幸福社区报", "role": "masthead"}]
    conversions = {
        "protected_names": ["张家口"],
        "conversions": [{"script": "hk", "phrase": "并", "replacement": "並"}],
    }
    output = push_made(bench.context, "Import Rules", rules_import_operation(rules, layout, conversions))
    assert output.value == 2 and bench.last() == RULES
    after = (_rules(gui_library), _layout(gui_library), _lists(gui_library))
    assert after[0][made.id] == (SPACE.name, "\u3000", None, True)  # changed in place, with its id
    assert {name for name, *_ in after[0].values()} == {SPACE.name, "核对街道名"}
    assert after[1] == {("幸福社区", "幸福社区报", "masthead")}
    assert after[2] == (["张家口", "李群"], [Phrase("hk", "并", "並")])
    bench.stack.undo()
    assert (_rules(gui_library), _layout(gui_library), _lists(gui_library)) == before
    bench.stack.redo()
    assert _layout(gui_library) == after[1] and _lists(gui_library) == after[2]
    assert {name for name, *_ in _rules(gui_library).values()} == {SPACE.name, "核对街道名"}
    assert bench.failures == []


def test_a_bad_rules_file_changes_nothing(bench: Bench, gui_library: Library) -> None:
    before = (_rules(gui_library), _layout(gui_library), _lists(gui_library))
    bad = [
        {"name": "甲", "pattern": "x", "replacement": None},
        {"name": "甲", "pattern": "y", "replacement": None},
    ]
    with pytest.raises(RuleError):
        push_made(bench.context, "Import Rules", rules_import_operation(bad, [], {}))
    assert (_rules(gui_library), _layout(gui_library), _lists(gui_library)) == before
    assert bench.stack.count() == 0 and bench.seen == []


def test_the_conversion_lists_are_set_and_set_back(bench: Bench, gui_library: Library) -> None:
    with gui_library.writing() as session:
        set_protected_names(session, ["李群"])
    old = _lists(gui_library)
    new = (["张家口", "梅园"], [Phrase("traditional", "并为", "並為")])
    push_made(bench.context, "Change Conversion Lists", conversion_lists_operation(*new))
    assert _lists(gui_library) == new and bench.last() == RULES
    bench.stack.undo()
    assert _lists(gui_library) == old == (["李群"], [])
    bench.stack.redo()
    assert _lists(gui_library) == new
    assert len(bench.seen) == 3 and bench.failures == []


def test_bad_conversion_lists_change_nothing(bench: Bench, gui_library: Library) -> None:
    from reader.core.errors import JiaokanError

    old = _lists(gui_library)
    with pytest.raises(JiaokanError):
        push_made(
            bench.context, "Change", conversion_lists_operation(["新"], [Phrase("klingon", "并", "並")])
        )
    assert _lists(gui_library) == old and bench.stack.count() == 0

"""The user's rules as operations on both engines: done, undone and redone in write transactions (no Qt).

A deleted rule comes back with its id (so steps further down the stack still
find it), and a new rule made after that does not collide with it.
"""

from __future__ import annotations

import pytest
from sqlalchemy import select

from db.engine import Library
from db.rules_models import UserRuleRow
from reader.core.op_changes import Operation, OpOutput
from reader.services.setting_operations import (
    RuleSnapshot,
    RuleSpec,
    rule_add_operation,
    rule_change_operation,
    rule_delete_operation,
    word_add_operation,
)
from reader.services.tag_browsing import user_words

pytestmark = pytest.mark.both_engines


def _run(library: Library, operation: Operation) -> OpOutput:
    with library.writing() as session:
        return operation(session)


def _undo(library: Library, output: OpOutput) -> OpOutput:
    assert output.undo is not None
    return _run(library, output.undo)


def _rules(library: Library) -> dict[int, tuple[str, str | None, bool]]:
    with library.session() as session:
        return {r.id: (r.name, r.replacement, r.enabled) for r in session.scalars(select(UserRuleRow))}


def test_a_deleted_rule_comes_back_with_its_id_and_new_ones_do_not_collide(library: Library) -> None:
    added = _run(library, rule_add_operation(RuleSpec("全角空格", "\u3000", "")))
    made = added.value
    assert isinstance(made, RuleSnapshot) and added.changes.rules
    changed = _run(
        library, rule_change_operation(made.id, RuleSpec("全角空格", "\u3000", None, enabled=False))
    )
    deleted = _run(library, rule_delete_operation(made.id))
    assert _rules(library) == {}
    back = _undo(library, deleted)
    assert _rules(library) == {made.id: ("全角空格", None, False)}
    _undo(library, changed)
    assert _rules(library) == {made.id: ("全角空格", "", True)}
    other = _run(library, rule_add_operation(RuleSpec("句号", ".", "。"))).value
    assert isinstance(other, RuleSnapshot) and other.id != made.id
    again = _undo(library, back)  # the restore's undo deletes it again
    assert set(_rules(library)) == {other.id}
    _undo(library, again)
    assert set(_rules(library)) == {made.id, other.id}


def test_a_word_added_twice_is_undone_to_its_first_kind(library: Library) -> None:
    first = _run(library, word_add_operation("梅园新村", "place"))
    second = _run(library, word_add_operation("梅园新村", "person"))

    def words() -> dict[str, str]:
        with library.session() as session:
            return {row.word: row.kind for row in user_words(session)}

    assert words() == {"梅园新村": "person"}
    _undo(library, second)
    assert words() == {"梅园新村": "place"}
    _undo(library, first)
    assert words() == {}

"""The user's own rules as operations: suggestion rules, dictionary words, conversion lists, layout lines.

Each function returns an :data:`~reader.core.op_changes.Operation` whose
output tells ``rules=True`` (the suggestions, rule counts and conversion
display read these) and carries the operation that undoes it; the undo's
output redoes it, so the window runs them as any other undoable step
(``reader.gui.commands.OperationCommand``).  A rule deleted and brought
back keeps its id, so steps further down the stack still find it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from reader.core.op_changes import OpChanges, Operation, OpOutput

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sqlalchemy.orm import Session

    from db.rules_models import UserRuleRow
    from reader.services.conversion import Phrase

RULES = OpChanges(rules=True)


@dataclass(frozen=True, slots=True)
class RuleSpec:
    """What the user writes of a rule."""

    name: str
    pattern: str
    replacement: str | None
    is_regex: bool = False
    scope: str = "all"
    enabled: bool = True


@dataclass(frozen=True, slots=True)
class RuleSnapshot:
    """A whole stored rule, to bring it back as it was (with its id)."""

    id: int
    spec: RuleSpec
    created_at: datetime


def _snapshot(row: UserRuleRow) -> RuleSnapshot:
    spec = RuleSpec(row.name, row.pattern, row.replacement, row.is_regex, row.scope, row.enabled)
    return RuleSnapshot(row.id, spec, row.created_at)


def _stored(session: Session, rule_id: int) -> UserRuleRow:
    from db.rules_models import UserRuleRow
    from reader.services.library import NotFoundError

    row = session.get(UserRuleRow, rule_id)
    if row is None:
        raise NotFoundError(f"no user rule with id {rule_id}")
    return row


def rule_add_operation(spec: RuleSpec) -> Operation:
    """Add a rule (checked: a bad regex or a taken name raises RuleError); undo deletes it.

    Value: the :class:`RuleSnapshot` of the rule made.
    """
    from reader.services.suggesting import create_user_rule

    def run(session: Session) -> OpOutput:
        row = create_user_rule(
            session,
            spec.name,
            spec.pattern,
            spec.replacement,
            is_regex=spec.is_regex,
            scope=spec.scope,
            enabled=spec.enabled,
        )
        made = _snapshot(row)
        return OpOutput(RULES, rule_delete_operation(made.id), made)

    return run


def rule_delete_operation(rule_id: int) -> Operation:
    """Delete a rule; undo brings it back with its id and fields (value: its snapshot)."""
    from reader.services.suggesting import delete_user_rule

    def run(session: Session) -> OpOutput:
        gone = _snapshot(_stored(session, rule_id))
        delete_user_rule(session, rule_id)
        return OpOutput(RULES, _rule_restore_operation(gone), gone)

    return run


def _rule_restore_operation(snapshot: RuleSnapshot) -> Operation:
    from sqlalchemy import select

    from db.rules_models import UserRuleRow
    from reader.core.rules.user import RuleError

    def run(session: Session) -> OpOutput:
        name = snapshot.spec.name
        if session.scalar(select(UserRuleRow.id).where(UserRuleRow.name == name)) is not None:
            raise RuleError(f"a rule named {name!r} already exists")
        session.add(UserRuleRow(id=snapshot.id, created_at=snapshot.created_at, **asdict(snapshot.spec)))
        session.flush()
        return OpOutput(RULES, rule_delete_operation(snapshot.id), snapshot)

    return run


def rule_change_operation(rule_id: int, spec: RuleSpec) -> Operation:
    """Change a rule (checked as on creation); undo sets back the fields it had (value: its snapshot)."""
    from reader.services.suggesting import update_user_rule

    def run(session: Session) -> OpOutput:
        before = _snapshot(_stored(session, rule_id))
        row = update_user_rule(
            session,
            rule_id,
            name=spec.name,
            pattern=spec.pattern,
            replacement=spec.replacement,
            is_regex=spec.is_regex,
            scope=spec.scope,
            enabled=spec.enabled,
        )
        return OpOutput(RULES, rule_change_operation(rule_id, before.spec), _snapshot(row))

    return run


def _word_kind(session: Session, word: str) -> str | None:
    """The kind of a word in the user dictionary (None: it is not there)."""
    from sqlalchemy import select

    from db.tagging_models import UserWord
    from reader.services.tag_browsing import KIND_OF_POS
    from reader.services.tagging import normalise_name

    pos = session.scalar(select(UserWord.pos).where(UserWord.word == normalise_name(word)))
    return None if pos is None else KIND_OF_POS.get(pos, "topic")


def word_add_operation(word: str, kind: str) -> Operation:
    """Add a word to the user dictionary (or change its kind); undo takes it out or sets its kind back."""
    from reader.services.tag_suggesting import add_user_word

    def run(session: Session) -> OpOutput:
        before = _word_kind(session, word)
        add_user_word(session, word, kind)
        undo = word_remove_operation(word) if before is None else word_add_operation(word, before)
        return OpOutput(RULES, undo, word)

    return run


def word_remove_operation(word: str) -> Operation:
    """Take a word out of the user dictionary; undo adds it back with its kind.

    A word that was not there changes nothing (the output has no undo).
    """
    from reader.services.tag_browsing import remove_user_word

    def run(session: Session) -> OpOutput:
        kind = _word_kind(session, word)
        if kind is None or not remove_user_word(session, word):
            return OpOutput(OpChanges(), None, word)
        return OpOutput(RULES, word_add_operation(word, kind), word)

    return run


def conversion_lists_operation(names: Sequence[str], phrases: Sequence[Phrase]) -> Operation:
    """Replace the protected names and the conversion list (checked); undo puts back the lists before."""
    from reader.services.conversion import (
        list_phrases,
        list_protected_names,
        set_phrases,
        set_protected_names,
    )

    kept_names, kept_phrases = list(names), list(phrases)

    def run(session: Session) -> OpOutput:
        old_names, old_phrases = list_protected_names(session), list_phrases(session)
        set_protected_names(session, kept_names)
        set_phrases(session, kept_phrases)
        return OpOutput(RULES, conversion_lists_operation(old_names, old_phrases), None)

    return run


def remember_line_operation(issue_id: int, text: str, role: str, *, author: str) -> Operation:
    """Remember a line of the issue's paper as ``role`` (value: how many keys it went under).

    Undo puts back what was remembered of the line before (nothing, or another role).
    """
    from reader.services.layout_memory import remember_line

    return _line_operation(
        issue_id, text, lambda session: remember_line(session, issue_id, text, role, author=author)
    )


def forget_line_operation(issue_id: int, text: str) -> Operation:
    """Forget a remembered line of the issue's paper (value: how many rules went); undo remembers it again.

    Forgetting a line that was not remembered changes nothing (the output has no undo).
    """
    from reader.services.layout_memory import forget_line

    return _line_operation(issue_id, text, lambda session: forget_line(session, issue_id, text))


LineState = list[tuple[str, str, str, datetime]]  # publication, role, author, created_at


def _line_operation(issue_id: int, text: str, change: Callable[[Session], int]) -> Operation:
    def run(session: Session) -> OpOutput:
        before = _line_state(session, issue_id, text)
        count = change(session)
        if count == 0:
            return OpOutput(OpChanges(), None, count)
        return OpOutput(RULES, _line_put_back(issue_id, text, before, run), count)

    return run


def _line_state(session: Session, issue_id: int, text: str) -> LineState:
    """What is remembered of a line of the issue's paper now, under each of its keys."""
    from sqlalchemy import select

    from db.layout_models import LayoutRule
    from reader.core.learnt_layout import line_key
    from reader.services.layout_memory import issue_publication_keys

    keys = issue_publication_keys(session, issue_id)
    query = (
        select(LayoutRule)
        .where(LayoutRule.publication.in_(keys), LayoutRule.line == line_key(text))
        .order_by(LayoutRule.publication)
    )
    return [(r.publication, r.role, r.author, r.created_at) for r in session.scalars(query)]


def _line_put_back(issue_id: int, text: str, state: LineState, redo: Operation) -> Operation:
    from db.layout_models import LayoutRule
    from reader.core.learnt_layout import line_key
    from reader.services.layout_memory import forget_line

    def run(session: Session) -> OpOutput:
        forget_line(session, issue_id, text)  # flushed: the rows below may take the same keys
        line = line_key(text)
        session.add_all(
            LayoutRule(publication=key, line=line, role=role, author=author, created_at=at)
            for key, role, author, at in state
        )
        session.flush()
        return OpOutput(RULES, redo, len(state))

    return run


__all__ = [
    "RULES",
    "RuleSnapshot",
    "RuleSpec",
    "conversion_lists_operation",
    "forget_line_operation",
    "remember_line_operation",
    "rule_add_operation",
    "rule_change_operation",
    "rule_delete_operation",
    "word_add_operation",
    "word_remove_operation",
]

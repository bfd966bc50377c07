"""Importing a user rules file (rules, remembered layout lines, conversion lists) as one undoable operation.

The import adds or updates by name, all or nothing.  Undo puts every one of
the three back as it was: the rules it added go, the rules it changed get
their fields back (keeping their ids), the remembered lines and the
conversion lists are the ones from before.  Redo imports the same data again.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from reader.core.op_changes import Operation, OpOutput
from reader.services.setting_operations import RULES, RuleSnapshot, RuleSpec

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from reader.services.conversion import Phrase


@dataclass(frozen=True, slots=True)
class RulesBefore:
    """The user's rules, remembered lines and conversion lists before an import."""

    rules: dict[int, RuleSnapshot]
    layout: list[tuple[str, str, str, str, datetime]]  # publication, line, role, author, created_at
    names: list[str]
    phrases: list[Phrase]


def rules_import_operation(
    rules: Sequence[Mapping[str, Any]], layout: object, conversions: Mapping[str, Any]
) -> Operation:
    """Import rules, layout lines and conversion lists from a rules file (value: how many rules)."""
    from reader.services.conversion import import_conversion_list
    from reader.services.layout_memory import import_layout_rules
    from reader.services.suggesting import import_user_rules

    def run(session: Session) -> OpOutput:
        before = _before(session)
        count = import_user_rules(session, rules)
        import_layout_rules(session, layout)
        import_conversion_list(session, conversions)
        return OpOutput(RULES, _put_back(before, run), count)

    return run


def _before(session: Session) -> RulesBefore:
    from sqlalchemy import select

    from db.layout_models import LayoutRule
    from db.rules_models import UserRuleRow
    from reader.services.conversion import list_phrases, list_protected_names

    rules = {
        row.id: RuleSnapshot(
            row.id,
            RuleSpec(row.name, row.pattern, row.replacement, row.is_regex, row.scope, row.enabled),
            row.created_at,
        )
        for row in session.scalars(select(UserRuleRow))
    }
    layout = [
        (r.publication, r.line, r.role, r.author, r.created_at) for r in session.scalars(select(LayoutRule))
    ]
    return RulesBefore(rules, layout, list_protected_names(session), list_phrases(session))


def _put_back(before: RulesBefore, redo: Operation) -> Operation:
    from sqlalchemy import delete, select

    from db.layout_models import LayoutRule
    from db.rules_models import UserRuleRow
    from reader.services.conversion import set_phrases, set_protected_names

    def run(session: Session) -> OpOutput:
        rows = list(session.scalars(select(UserRuleRow)))
        for row in rows:  # the added ones go first, so the names they took are free again
            if row.id not in before.rules:
                session.delete(row)
        session.flush()
        for row in rows:
            kept = before.rules.get(row.id)
            if kept is not None:
                for name, value in asdict(kept.spec).items():
                    setattr(row, name, value)
        session.flush()
        session.execute(delete(LayoutRule))
        session.add_all(
            LayoutRule(publication=p, line=line, role=role, author=author, created_at=at)
            for p, line, role, author, at in before.layout
        )
        set_protected_names(session, before.names)
        set_phrases(session, before.phrases)
        session.flush()
        return OpOutput(RULES, redo, None)

    return run


__all__ = ["RulesBefore", "rules_import_operation"]

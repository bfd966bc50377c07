"""The one way a block's text is changed by rules and batch replaces: splice and track.

``apply_block_edit`` replaces one span; ``apply_block_edits`` several
non-overlapping spans of one block at once, as one tracked change and one
revision; ``apply_edits_batch`` edits many blocks as one step (one revision
per article), for accept-all and the safe fixes.  Tracking
(``reader.services.tracking``) keeps the change records, the article's
heading columns, its version and its revisions.  Callers own the transaction.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Block
from db.rules_models import SuggestionDecision
from reader.core.errors import JiaokanError
from reader.services.tracking.changes import BlockChange, hunks_of_edits, record_change, record_changes

Edit = tuple[int, int, str]
"""``(start, end, replacement)``: put ``replacement`` where ``text[start:end]`` was."""


class EditError(JiaokanError):
    """An edit that does not fit the block's text, or names no block."""


def apply_block_edit(
    session: Session, block_id: int, start: int, end: int, replacement: str, *, author: str, rule: str | None
) -> Block:
    """Replace ``text[start:end]`` of a block: one tracked change, one version bump."""
    return apply_block_edits(session, block_id, [(start, end, replacement)], author=author, rule=rule)


def apply_block_edits(
    session: Session, block_id: int, edits: Sequence[Edit], *, author: str, rule: str | None
) -> Block:
    """Apply non-overlapping edits (positions in the current text) to a block as one change."""
    block = session.get(Block, block_id)
    if block is None:
        raise EditError(f"there is no block {block_id}")
    old_text = block.text
    new_text = splice(old_text, edits)
    if new_text != old_text:
        _shift_decisions(session, {block.id: edits})
        record_change(
            session, block, old_text, new_text, author=author, rule=rule, new_revision=True, bump_version=True
        )
    return block


def apply_edits_batch(
    session: Session, items: Sequence[tuple[Block, Sequence[Edit]]], *, author: str, rule: str | None
) -> int:
    """Apply edits to many blocks as one step: one revision per article; returns the change records."""
    changes: list[BlockChange] = []
    shifts: dict[int, Sequence[Edit]] = {}
    for block, edits in items:
        new_text = splice(block.text, edits)
        if new_text != block.text:
            changes.append((block, block.text, new_text, hunks_of_edits(block.text, edits)))
            shifts[block.id] = edits
    _shift_decisions(session, shifts)
    return record_changes(session, changes, author=author, rule=rule)


def splice(text: str, edits: Sequence[Edit]) -> str:
    """``text`` with the edits applied; raises EditError for spans out of range or overlapping."""
    parts: list[str] = []
    at = 0
    for start, end, replacement in sorted(edits, key=lambda e: (e[0], e[1])):
        if not at <= start <= end <= len(text):
            raise EditError(f"edit [{start}, {end}) does not fit a text of {len(text)} characters")
        parts += [text[at:start], replacement]
        at = end
    parts.append(text[at:])
    return "".join(parts)


def _shift_decisions(session: Session, edits_by_block: dict[int, Sequence[Edit]]) -> None:
    """Move suggestion decisions that lie after an edit by the length the edit changed."""
    shifts = {
        block_id: [(end, len(replacement) - (end - start)) for start, end, replacement in edits]
        for block_id, edits in edits_by_block.items()
    }
    moved = [block_id for block_id, deltas in shifts.items() if any(delta for _, delta in deltas)]
    if not moved:
        return
    decisions: dict[int, list[SuggestionDecision]] = defaultdict(list)
    for decision in session.scalars(select(SuggestionDecision).where(SuggestionDecision.block_id.in_(moved))):
        decisions[decision.block_id].append(decision)
    for block_id in moved:
        for decision in decisions[block_id]:
            delta = sum(d for end, d in shifts[block_id] if end <= decision.start)
            if delta:
                decision.start += delta
                decision.end += delta

"""Attribution: a block's hunks against its OCR original, each with who made it (when known).

The hunks come from the original and the current text; the change records say
who made each (:func:`attribute`).  :func:`revert_one` undoes one hunk and
keeps every other change.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.editing_models import ChangeRecord
from db.models import Block
from db.original_text import TextWindow
from reader.core.diffing import Change, diff_changes, revert_change
from reader.services.tracking.changes import (
    record_hunks,
)
from reader.services.tracking.revisions import (
    TrackingError,
    article_blocks,
    blocks_window,
    create_revision,
    current_revision,
    original_of,
)
from reader.services.tracking.saving import (
    SaveResult,
    get_article,
)

# ---------------------------------------------------------------- tracked changes vs the original


@dataclass(frozen=True, slots=True)
class TrackedChange:
    """A hunk of a block's text against its OCR original, with who made it (when known)."""

    block_id: int
    block_position: int
    index: int  # of the hunk within its block, for revert_one
    change: Change
    author: str | None
    time: datetime | None
    rule: str | None


def _overlaps(record: ChangeRecord, change: Change) -> bool:
    if record.start is None or record.end is None:
        return False
    start, end, new_start, new_end = record.start, record.end, change.new_start, change.new_end
    if start == end:
        return new_start <= start <= new_end
    if new_start == new_end:
        return start <= new_start <= end
    return start < new_end and new_start < end


def attribute(change: Change, records: Sequence[ChangeRecord]) -> ChangeRecord | None:
    """The latest of a block's records (oldest first) that touches the hunk, else one with its text."""
    for record in reversed(records):
        if _overlaps(record, change):
            return record
    for record in reversed(records):
        if (change.new and record.new_text and change.new in record.new_text) or (
            not change.new and change.old and change.old in record.old_text
        ):
            return record
    return None


def block_changes(
    original: TextWindow, block: Block, position: int, records: Sequence[ChangeRecord]
) -> list[TrackedChange]:
    """A block's hunks against its original (read from ``original``), attributed to its change records."""
    result = []
    for index, change in enumerate(diff_changes(original.of(block.pieces), block.text)):
        record = attribute(change, records)
        result.append(
            TrackedChange(
                block.id,
                position,
                index,
                change,
                record.author if record else None,
                record.created_at if record else None,
                record.rule if record else None,
            )
        )
    return result


def records_by_block(session: Session, article_ids: Sequence[int]) -> dict[int, list[ChangeRecord]]:
    """Change records of these articles' blocks, oldest first, by block id."""
    grouped: dict[int, list[ChangeRecord]] = defaultdict(list)
    query = select(ChangeRecord).where(
        ChangeRecord.article_id.in_(article_ids), ChangeRecord.block_id.is_not(None)
    )
    for record in session.scalars(query.order_by(ChangeRecord.id)):
        assert record.block_id is not None
        grouped[record.block_id].append(record)
    return grouped


def article_changes(session: Session, article_id: int) -> list[TrackedChange]:
    """Every tracked change of the article against the OCR original, in reading order."""
    article = get_article(session, article_id)
    blocks = article_blocks(session, article_id)
    original = blocks_window(session, article.issue_id, (b.pieces for b in blocks))
    records = records_by_block(session, [article_id])
    return [
        change
        for position, block in enumerate(blocks)
        for change in block_changes(original, block, position, records.get(block.id, []))
    ]


def revert_one(
    session: Session, article_id: int, block_id: int, change_index: int, *, author: str
) -> SaveResult:
    """Undo one hunk of a block against the original, keeping every other change."""
    article = get_article(session, article_id)
    block = session.get(Block, block_id)
    if block is None or block.article_id != article_id:
        raise TrackingError(f"block {block_id} is not in article {article_id}")
    original = original_of(session, article.issue_id, block.pieces)
    changes = diff_changes(original, block.text)
    if not 0 <= change_index < len(changes):
        raise TrackingError(f"block {block_id} has no change {change_index}")
    current_revision(session, article)
    record_hunks(
        session,
        article,
        block,
        block.text,
        revert_change(original, block.text, changes[change_index]),
        author=author,
        rule=None,
    )
    revision = create_revision(session, article, author=author, reason="revert")
    return SaveResult(article_id, article.version, revision.id, (block_id,))

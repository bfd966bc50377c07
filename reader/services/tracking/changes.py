"""Recording changes: every change of a block's text keeps a change record per diff hunk.

:func:`record_hunks` (one block) and :func:`record_changes` (many, in a handful
of queries) set the text, keep one :class:`ChangeRecord` per hunk, move older
records and re-anchor the block's notes, and keep the article's heading columns
in sync.  Nothing here commits.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from db.editing_models import ChangeRecord, Note, Revision
from db.models import Article, Block, table_of, utcnow
from reader.core.diffing import Change, diff_changes, shift_region
from reader.services.notes import reanchor_notes
from reader.services.tracking.revisions import (
    BASELINE_AUTHOR,
    BASELINE_REASON,
    create_revision,
    current_revision,
    headings,
    sync_article,
    sync_from_blocks,
)
from reader.services.version_swap import bump_version as bump_version_of

# ---------------------------------------------------------------- recording changes


def record_hunks(
    session: Session,
    article: Article,
    block: Block,
    old_text: str,
    new_text: str,
    *,
    author: str,
    rule: str | None,
) -> list[ChangeRecord]:
    """Set the block's text, keeping one change record per hunk and moving older records and notes."""
    hunks = diff_changes(old_text, new_text)
    earlier = list(
        session.scalars(
            select(ChangeRecord).where(ChangeRecord.block_id == block.id, ChangeRecord.start.is_not(None))
        )
    )
    for hunk in reversed(hunks):  # right to left: each hunk's offset is still valid
        for record in earlier:
            if record.start is None or record.end is None:
                continue
            region = shift_region((record.start, record.end), hunk.orig_start, len(hunk.old), len(hunk.new))
            record.start, record.end = region if region is not None else (None, None)
    block.text = new_text
    now = utcnow()
    records = [
        ChangeRecord(
            article_id=article.id,
            block_id=block.id,
            offset=hunk.orig_start,
            start=hunk.new_start,
            end=hunk.new_end,
            old_text=hunk.old,
            new_text=hunk.new,
            author=author,
            created_at=now,
            rule=rule,
        )
        for hunk in hunks
    ]
    session.add_all(records)
    session.flush()
    reanchor_notes(session, block.id)
    return records


def record_change(
    session: Session,
    block: Block,
    old_text: str,
    new_text: str,
    *,
    author: str,
    rule: str | None = None,
    reason: str | None = None,
    new_revision: bool = True,
    bump_version: bool = False,
) -> list[ChangeRecord]:
    """Record that ``block``'s text went from ``old_text`` to ``new_text`` (and set it).

    Called by every text edit, before or after it wrote ``block.text``.  Keeps
    one change record per diff hunk, re-anchors the block's notes and syncs the
    article's headings.  With ``new_revision`` (the default) a revision is made
    at once, reason ``reason`` or ``suggestion:<rule>`` or ``edit``; else the
    records stay pending until the caller's :func:`create_revision`.  The
    version is bumped only with ``bump_version`` (``apply_block_edit`` bumps it itself).
    """
    if old_text == new_text:
        return []
    article = session.get_one(Article, block.article_id)
    current_revision(session, article, overrides={block.id: old_text})
    records = record_hunks(session, article, block, old_text, new_text, author=author, rule=rule)
    if new_revision:
        create_revision(
            session, article, author=author, reason=reason or _reason(rule), bump_version=bump_version
        )
    else:
        if bump_version:
            bump_version_of(session, article)
        sync_article(session, article)
    return records


BlockChange = tuple[Block, str, str] | tuple[Block, str, str, Sequence[Change]]
"""``(block, old_text, new_text[, hunks])`` for :func:`record_changes`; callers that know
exactly what they replaced pass the hunks and spare a diff."""


def hunks_of_edits(text: str, edits: Iterable[tuple[int, int, str]]) -> list[Change]:
    """The change hunks of non-overlapping ``(start, end, replacement)`` edits of ``text``."""
    hunks: list[Change] = []
    shift = 0
    for start, end, replacement in sorted(edits):
        if text[start:end] == replacement:
            continue
        new_start = start + shift
        hunks.append(
            Change(start, end, new_start, new_start + len(replacement), text[start:end], replacement)
        )
        shift += len(replacement) - (end - start)
    return hunks


def _snapshot_of(blocks: Sequence[Block], texts: Mapping[int, str]) -> dict[str, Any]:
    rows = [(b.role, texts.get(b.id, b.text), [list(p) for p in b.pieces]) for b in blocks]
    return {
        "blocks": [{"role": role, "text": text, "pieces": pieces} for role, text, pieces in rows],
        "heading": headings((role, text) for role, text, _ in rows),
    }


def record_changes(session: Session, changes: Sequence[BlockChange], *, author: str, rule: str | None) -> int:
    """Record many blocks' text changes at once (and set their text); returns the records made.

    The bulk form of :func:`record_change` for batch edits (accept all, safe
    fixes, batch replace): the same change records, note re-anchoring,
    heading sync and one new revision (and version) per article, in a handful
    of queries instead of several per block.
    """
    work = [
        (c[0], c[1], c[2], c[3] if len(c) == 4 else diff_changes(c[1], c[2])) for c in changes if c[1] != c[2]
    ]
    if not work:
        return 0
    now = utcnow()
    article_ids = sorted({b.article_id for b, _, _, _ in work})
    block_ids = [b.id for b, _, _, _ in work]
    old_texts = {b.id: old for b, old, _, _ in work}
    articles = {a.id: a for a in session.scalars(select(Article).where(Article.id.in_(article_ids)))}
    blocks: dict[int, list[Block]] = defaultdict(list)
    for block in session.scalars(
        select(Block).where(Block.article_id.in_(article_ids)).order_by(Block.article_id, Block.position)
    ):
        blocks[block.article_id].append(block)
    latest = {
        row[0]: row[1]
        for row in session.execute(
            select(Revision.article_id, func.max(Revision.number))
            .where(Revision.article_id.in_(article_ids))
            .group_by(Revision.article_id)
        )
    }
    revision_rows: list[dict[str, Any]] = []
    for article_id in article_ids:
        if article_id not in latest:  # baseline: the article as it was before its first edit
            revision_rows.append(
                {
                    "article_id": article_id,
                    "number": 1,
                    "created_at": now,
                    "author": BASELINE_AUTHOR,
                    "reason": BASELINE_REASON,
                    "snapshot": _snapshot_of(blocks[article_id], old_texts),
                    "status": articles[article_id].status,
                }
            )
            latest[article_id] = 1
    earlier: dict[int, list[ChangeRecord]] = defaultdict(list)
    for record in session.scalars(
        select(ChangeRecord).where(ChangeRecord.block_id.in_(block_ids), ChangeRecord.start.is_not(None))
    ):
        earlier[record.block_id or 0].append(record)
    record_rows: list[dict[str, Any]] = []
    for block, _old_text, new_text, hunks in work:
        for hunk in reversed(hunks):  # right to left: each hunk's offset is still valid
            for record in earlier[block.id]:
                if record.start is None or record.end is None:
                    continue
                region = shift_region(
                    (record.start, record.end), hunk.orig_start, len(hunk.old), len(hunk.new)
                )
                record.start, record.end = region if region is not None else (None, None)
        block.text = new_text
        record_rows.extend(
            {
                "article_id": block.article_id,
                "block_id": block.id,
                "offset": hunk.orig_start,
                "start": hunk.new_start,
                "end": hunk.new_end,
                "old_text": hunk.old,
                "new_text": hunk.new,
                "author": author,
                "created_at": now,
                "rule": rule,
            }
            for hunk in hunks
        )
    for article_id in article_ids:
        article = articles[article_id]
        bump_version_of(session, article)
        sync_from_blocks(article, blocks[article_id], now)
        revision_rows.append(
            {
                "article_id": article_id,
                "number": latest[article_id] + 1,
                "created_at": now,
                "author": author,
                "reason": _reason(rule),
                "snapshot": _snapshot_of(blocks[article_id], {}),
                "status": article.status,
            }
        )
    session.flush()
    revision_table = table_of(Revision)
    inserted = session.execute(
        insert(revision_table).returning(
            revision_table.c.id, revision_table.c.article_id, sort_by_parameter_order=True
        ),
        revision_rows,
    ).all()
    newest = {row[1]: row[0] for row in inserted}  # the last row per article is its new revision
    for row in record_rows:
        row["revision_id"] = newest[row["article_id"]]
    pending = select(ChangeRecord).where(
        ChangeRecord.article_id.in_(article_ids), ChangeRecord.revision_id.is_(None)
    )
    for record in session.scalars(pending):
        record.revision_id = newest[record.article_id]
    if record_rows:
        session.execute(insert(table_of(ChangeRecord)), record_rows)
    noted = session.scalars(select(Note.block_id).where(Note.block_id.in_(block_ids)).distinct())
    for block_id in noted:
        if block_id is not None:
            reanchor_notes(session, block_id)
    return len(record_rows)


def _reason(rule: str | None) -> str:
    return f"suggestion:{rule}" if rule else "edit"

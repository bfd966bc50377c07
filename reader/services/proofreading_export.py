"""Proofreading data of articles for the JSON export: corrections, revisions, notes.

``article_extras`` reads everything for many articles in a handful of queries;
``documents.article_documents`` merges each article's dictionary into its own.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.editing_models import ChangeRecord, Note, Revision
from db.models import Article, Block
from db.original_text import TextWindow, window_for
from reader.core.timestamps import iso_utc
from reader.services.tracking.attribution import block_changes, records_by_block

BLOCK_SEPARATOR = "\n\n"
"""Between blocks in ``corrections.original_text`` and ``current_text``."""


def _corrections(
    original: TextWindow, blocks: Sequence[Block], records: dict[int, list[ChangeRecord]]
) -> dict[str, Any]:
    changes = [
        {
            "block": tracked.block_position,
            "old": tracked.change.old,
            "new": tracked.change.new,
            "author": tracked.author,
            "time": iso_utc(tracked.time) if tracked.time else None,
            "rule": tracked.rule,
        }
        for position, block in enumerate(blocks)
        for tracked in block_changes(original, block, position, records.get(block.id, []))
    ]
    return {
        "original_text": BLOCK_SEPARATOR.join(original.of(b.pieces) for b in blocks),
        "current_text": BLOCK_SEPARATOR.join(b.text for b in blocks),
        "changes": changes,
    }


def revision_dict(revision: Revision) -> dict[str, Any]:
    """A revision as the JSON export lists it: who, when and why (version 2 adds its content)."""
    return {
        "number": revision.number,
        "author": revision.author,
        "time": iso_utc(revision.created_at),
        "reason": revision.reason,
    }


def note_dict(note: Note) -> dict[str, Any]:
    """A note as the JSON export writes it (W3C TextQuoteSelector fields plus position)."""
    return {
        "quote": note.quote,
        "prefix": note.prefix,
        "suffix": note.suffix,
        "start": note.start,
        "end": note.end,
        "body": note.body,
        "author": note.author,
        "time": iso_utc(note.created_at),
        "resolved": note.resolved,
        "orphaned": note.orphaned,
    }


def article_extras(session: Session, article_ids: Sequence[int]) -> dict[int, dict[str, Any]]:
    """For each article: ``corrections``, ``revisions`` and ``notes`` as exported in JSON."""
    ids = list(dict.fromkeys(article_ids))
    query_issues = select(Article.id, Article.issue_id).where(Article.id.in_(ids))
    issue_of = {article_id: issue_id for article_id, issue_id in session.execute(query_issues)}
    blocks: dict[int, list[Block]] = defaultdict(list)
    query = select(Block).where(Block.article_id.in_(ids)).order_by(Block.article_id, Block.position)
    for block in session.scalars(query):
        blocks[block.article_id].append(block)
    spans: dict[int, list[Sequence[int]]] = {issue_id: [] for issue_id in issue_of.values()}
    for article_id, article_blocks in blocks.items():
        spans[issue_of[article_id]].extend(piece for block in article_blocks for piece in block.pieces)
    # one read per issue, of the stretch of its original these articles come from
    texts = {issue_id: window_for(session, issue_id, issue_spans) for issue_id, issue_spans in spans.items()}
    revisions: dict[int, list[dict[str, Any]]] = defaultdict(list)
    query_revisions = select(Revision).where(Revision.article_id.in_(ids)).order_by(Revision.number)
    for revision in session.scalars(query_revisions):
        revisions[revision.article_id].append(revision_dict(revision))
    notes: dict[int, list[dict[str, Any]]] = defaultdict(list)
    query_notes = (
        select(Note)
        .outerjoin(Block, Block.id == Note.block_id)
        .where(Note.article_id.in_(ids))
        .order_by(Note.orphaned, Block.position, Note.start, Note.id)
    )
    for note in session.scalars(query_notes):
        notes[note.article_id].append(note_dict(note))
    records = records_by_block(session, ids)
    return {
        article_id: {
            "corrections": _corrections(texts[issue_of[article_id]], blocks[article_id], records),
            "revisions": revisions[article_id],
            "notes": notes[article_id],
        }
        for article_id in ids
        if article_id in issue_of
    }

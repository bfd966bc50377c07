"""What an article carries besides its blocks, kept across structure edits: tags and review status.

A merge gives the surviving article the union of both articles' tags and the
less advanced of their review statuses; a split gives the new part every tag
of the article it came from.  Undo records hold the exact tag rows (who added
each and when) and statuses, so undoing a merge or split restores them exactly.
Notes and corrections follow their blocks (``reader.services.segmentation_edits``).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from db.models import ARTICLE_STATUSES, table_of
from db.tagging_models import ArticleTag, Tag

TagRows = list[list[Any]]
"""An article's tags as JSON-able rows: ``[tag_id, added_by, added_at (ISO 8601), from_suggestion]``."""


def less_advanced(first: str, second: str) -> str:
    """The review status further from approval (``new`` < ``in_progress`` < ``proofread`` < ``approved``)."""
    return min(first, second, key=ARTICLE_STATUSES.index)


def tag_rows(session: Session, article_id: int) -> TagRows:
    """The article's tags, exactly, in tag id order."""
    query = select(ArticleTag).where(ArticleTag.article_id == article_id).order_by(ArticleTag.tag_id)
    return [
        [row.tag_id, row.added_by, row.added_at.isoformat(), row.from_suggestion]
        for row in session.scalars(query)
    ]


def add_tag_rows(session: Session, article_id: int, rows: Sequence[Sequence[Any]]) -> None:
    """Give the article these tags (those it has already stay as they are)."""
    session.flush()
    have = {row[0] for row in tag_rows(session, article_id)}
    new = [
        {
            "article_id": article_id,
            "tag_id": tag_id,
            "added_by": added_by,
            "added_at": datetime.fromisoformat(added_at),
            "from_suggestion": bool(from_suggestion),
        }
        for tag_id, added_by, added_at, from_suggestion in rows
        if tag_id not in have
    ]
    if new:
        session.execute(insert(table_of(ArticleTag)), new)


def set_tag_rows(session: Session, article_id: int, rows: Sequence[Sequence[Any]]) -> None:
    """Make the article's tags exactly these rows (a tag deleted since is skipped)."""
    session.flush()
    session.execute(delete(ArticleTag).where(ArticleTag.article_id == article_id))
    add_tag_rows(session, article_id, [row for row in rows if session.get(Tag, row[0]) is not None])

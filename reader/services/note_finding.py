"""Use case: finding notes again, across the library (the Notes pane lists only the shown article's).

A proofreader marks a doubtful character with a note and comes back to it later, from another article or
another day.  :func:`note_listings` lists the notes in reading order (issue, article, passage) with the
article they belong to; :func:`next_note` is the open note after (or before) the one chosen, wrapping
around the library, as "Next Article Needing Review" does for articles.  Services take a Session; callers
own the transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from db.editing_models import Note
from db.models import Article, Block


@dataclass(frozen=True, slots=True)
class NoteListing:
    """A note and where it is: issue, article (and its title), the passage quoted."""

    id: int
    issue_id: int
    article_id: int
    article_title: str
    quote: str
    body: str
    author: str
    resolved: bool
    orphaned: bool
    updated_at: datetime


def _in_reading_order() -> Select[Note, int, int, str | None, int]:
    return (
        select(Note, Article.issue_id, Article.position, Article.title, Block.position)
        .join(Article, Article.id == Note.article_id)
        .outerjoin(Block, Block.id == Note.block_id)
        .order_by(
            Article.issue_id,
            Article.position,
            Block.position.is_(None),  # a note whose passage is gone comes after the article's others
            Block.position,
            Note.start,
            Note.id,
        )
    )


def note_listings(
    session: Session, *, issue_ids: list[int] | None = None, include_resolved: bool = False
) -> list[NoteListing]:
    """The notes (open ones only, unless ``include_resolved``), in reading order."""
    query = _in_reading_order()
    if issue_ids is not None:
        query = query.where(Article.issue_id.in_(issue_ids))
    if not include_resolved:
        query = query.where(Note.resolved.is_(False))
    return [
        NoteListing(
            note.id,
            issue_id,
            note.article_id,
            title or "",
            note.quote,
            note.body,
            note.author,
            note.resolved,
            note.orphaned,
            note.updated_at,
        )
        for note, issue_id, _position, title, _block in session.execute(query)
    ]


def next_note(
    session: Session, article_id: int | None, note_id: int | None = None, *, backwards: bool = False
) -> NoteListing | None:
    """The open note after ``note_id`` (or, with none chosen, the first in ``article_id`` or after it),
    before it with ``backwards``; wrapping around the library.  None when no note is open."""
    notes = note_listings(session)
    if not notes:
        return None
    ids = [n.id for n in notes]
    if note_id in ids:
        at = ids.index(note_id)
        return notes[(at - 1 if backwards else at + 1) % len(notes)]
    current = session.get(Article, article_id) if article_id is not None else None
    if current is None:
        return notes[-1] if backwards else notes[0]
    noted = {n.article_id for n in notes}
    query = select(Article.id, Article.issue_id, Article.position).where(Article.id.in_(noted))
    order = {a: (i, p) for a, i, p in session.execute(query)}
    here = (current.issue_id, current.position)
    if backwards:
        before = [n for n in notes if order[n.article_id] < here]
        return before[-1] if before else notes[-1]
    after = [n for n in notes if order[n.article_id] >= here]
    return after[0] if after else notes[0]

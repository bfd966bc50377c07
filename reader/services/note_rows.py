"""Use case: notes as plain rows for views, and a deleted note brought back (to undo its deletion).

A :class:`NoteRow` carries everything a notes list shows and where the note's
passage is (its block's position in the article), detached from any Session
so it can cross threads.  Services take a Session; callers own the transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.editing_models import Note
from db.models import Block
from reader.services.notes import NoteError, list_notes, reanchor_notes


@dataclass(frozen=True, slots=True)
class NoteRow:
    """A note as shown in a list; ``block_position`` is None for a note no longer in any block."""

    id: int
    article_id: int
    block_id: int | None
    block_position: int | None
    quote: str
    prefix: str
    suffix: str
    start: int
    end: int
    body: str
    author: str
    created_at: datetime
    updated_at: datetime
    resolved: bool
    orphaned: bool


def _row(note: Note, position: int | None) -> NoteRow:
    return NoteRow(
        note.id,
        note.article_id,
        note.block_id,
        position,
        note.quote,
        note.prefix,
        note.suffix,
        note.start,
        note.end,
        note.body,
        note.author,
        note.created_at,
        note.updated_at,
        note.resolved,
        note.orphaned,
    )


def note_rows(session: Session, article_id: int) -> list[NoteRow]:
    """The article's notes in reading order (orphaned ones last), resolved ones included."""
    notes = list_notes(session, article_id)
    block_ids = {n.block_id for n in notes if n.block_id is not None}
    query = select(Block.id, Block.position).where(Block.id.in_(block_ids))
    positions = {block_id: position for block_id, position in session.execute(query)}
    return [_row(n, positions.get(n.block_id) if n.block_id is not None else None) for n in notes]


def note_row(session: Session, note_id: int) -> NoteRow:
    """One note as a row; raises NoteError when there is no such note."""
    note = session.get(Note, note_id)
    if note is None:
        raise NoteError(f"there is no note {note_id}")
    position = None
    if note.block_id is not None:
        position = session.scalar(select(Block.position).where(Block.id == note.block_id))
    return _row(note, position)


def restore_note(session: Session, row: NoteRow) -> Note:
    """Bring a deleted note back with its id, anchor, text and state.

    A note whose block is gone comes back orphaned.  Raises NoteError when
    the id is taken again.
    """
    if session.get(Note, row.id) is not None:
        raise NoteError(f"note {row.id} exists already")
    block = session.get(Block, row.block_id) if row.block_id is not None else None
    attached = block is not None and block.article_id == row.article_id
    note = Note(
        id=row.id,
        article_id=row.article_id,
        block_id=row.block_id if attached else None,
        quote=row.quote,
        prefix=row.prefix,
        suffix=row.suffix,
        start=row.start,
        end=row.end,
        body=row.body,
        author=row.author,
        created_at=row.created_at,
        updated_at=row.updated_at,
        resolved=row.resolved,
        orphaned=row.orphaned or not attached,
    )
    session.add(note)
    session.flush()
    if attached and row.block_id is not None:
        reanchor_notes(session, row.block_id)
    return note

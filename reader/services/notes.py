"""Use case: notes on passages of an article, kept attached while the text is edited.

A note is anchored by quote + context and by position (see
:mod:`reader.core.anchoring`).  :func:`reanchor_notes` runs after every change
of a block's text (``tracking.changes.record_change`` calls it); a note whose passage
is gone is marked orphaned, never dropped, and found again if the passage
comes back.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.editing_models import Note
from db.models import Block, utcnow
from reader.core.anchoring import Anchor, make_anchor, reanchor
from reader.core.errors import JiaokanError


class NoteError(JiaokanError):
    """A note that cannot be made or found as asked."""


def add_note(
    session: Session, article_id: int, block_id: int, start: int, end: int, body: str, *, author: str
) -> Note:
    """Attach a note to ``block.text[start:end]`` of one of the article's blocks."""
    block = session.get(Block, block_id)
    if block is None or block.article_id != article_id:
        raise NoteError(f"block {block_id} is not in article {article_id}")
    try:
        anchor = make_anchor(block.text, start, end)
    except ValueError as error:
        raise NoteError(str(error)) from error
    now = utcnow()
    note = Note(
        article_id=article_id,
        block_id=block_id,
        quote=anchor.quote,
        prefix=anchor.prefix,
        suffix=anchor.suffix,
        start=start,
        end=end,
        body=body,
        author=author,
        created_at=now,
        updated_at=now,
        resolved=False,
        orphaned=False,
    )
    session.add(note)
    session.flush()
    return note


def _note(session: Session, note_id: int) -> Note:
    note = session.get(Note, note_id)
    if note is None:
        raise NoteError(f"there is no note {note_id}")
    return note


def update_note(session: Session, note_id: int, body: str) -> Note:
    """Change a note's text."""
    note = _note(session, note_id)
    note.body = body
    note.updated_at = utcnow()
    return note


def _set_resolved(session: Session, note_id: int, resolved: bool) -> Note:
    note = _note(session, note_id)
    note.resolved = resolved
    note.updated_at = utcnow()
    return note


def resolve_note(session: Session, note_id: int) -> Note:
    """Mark a note resolved (it is kept)."""
    return _set_resolved(session, note_id, True)


def reopen_note(session: Session, note_id: int) -> Note:
    """Mark a resolved note open again."""
    return _set_resolved(session, note_id, False)


def delete_note(session: Session, note_id: int) -> None:
    """Delete a note for good."""
    session.delete(_note(session, note_id))
    session.flush()


def list_notes(session: Session, article_id: int, *, include_resolved: bool = True) -> list[Note]:
    """The article's notes in reading order (orphaned ones last, by creation)."""
    query = (
        select(Note)
        .outerjoin(Block, Block.id == Note.block_id)
        .where(Note.article_id == article_id)
        .order_by(Note.orphaned, Block.position, Note.start, Note.id)
    )
    if not include_resolved:
        query = query.where(Note.resolved.is_(False))
    return list(session.scalars(query))


def reanchor_notes(session: Session, block_id: int) -> list[Note]:
    """Find every note of a block again in its current text; returns the notes that moved or orphaned."""
    block = session.get(Block, block_id)
    if block is None:
        return []
    changed: list[Note] = []
    for note in session.scalars(select(Note).where(Note.block_id == block_id)):
        found = reanchor(block.text, Anchor(note.quote, note.prefix, note.suffix, note.start, note.end))
        if found is None:
            if not note.orphaned:
                note.orphaned = True
                changed.append(note)
            continue
        new = (found.quote, found.prefix, found.suffix, found.start, found.end, False)
        if new != (note.quote, note.prefix, note.suffix, note.start, note.end, note.orphaned):
            note.quote, note.prefix, note.suffix, note.start, note.end, note.orphaned = new
            changed.append(note)
    return changed


def move_notes(session: Session, block_id: int, to_block: Block, *, shift: int, from_offset: int = 0) -> None:
    """Move a block's notes starting at or after ``from_offset`` onto ``to_block``, shifted.

    Used by segmentation edits that join or split blocks.
    """
    for note in session.scalars(select(Note).where(Note.block_id == block_id, Note.start >= from_offset)):
        note.block_id = to_block.id
        note.article_id = to_block.article_id
        note.start += shift
        note.end += shift

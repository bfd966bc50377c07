"""Notes as rows for views, and deleted notes brought back."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from db.engine import Library
from db.models import Article, Block
from reader.services.importing import import_files
from reader.services.note_rows import note_row, note_rows, restore_note
from reader.services.notes import NoteError, add_note, delete_note, resolve_note
from tests.conftest import SAMPLE_ISSUE


@pytest.fixture
def paragraph(library: Library) -> tuple[int, int, int]:
    """(article id, block id, block position) of the sample's first article's first paragraph."""
    with library.write_session() as session:
        import_files(session, [SAMPLE_ISSUE])
    with library.session() as session:
        block = session.scalars(
            select(Block)
            .join(Article)
            .where(Block.role == "paragraph")
            .order_by(Article.position, Block.position)
        ).first()
        assert block is not None
        return block.article_id, block.id, block.position


def test_rows_carry_the_block_position(library: Library, paragraph: tuple[int, int, int]) -> None:
    article_id, block_id, position = paragraph
    with library.writing() as session:
        note = add_note(session, article_id, block_id, 5, 9, "核对", author="ann")
        resolve_note(session, note.id)
    with library.session() as session:
        rows = note_rows(session, article_id)
        assert rows == [note_row(session, note.id)]
    row = rows[0]
    assert (row.block_position, row.start, row.end, row.resolved, row.orphaned) == (
        position,
        5,
        9,
        True,
        False,
    )


def test_a_deleted_note_comes_back_with_its_id(library: Library, paragraph: tuple[int, int, int]) -> None:
    article_id, block_id, _ = paragraph
    with library.writing() as session:
        note = add_note(session, article_id, block_id, 5, 9, "核对", author="ann")
        row = note_row(session, note.id)
        delete_note(session, note.id)
    with library.writing() as session:
        restore_note(session, row)
        with pytest.raises(NoteError):
            restore_note(session, row)
    with library.session() as session:
        assert note_rows(session, article_id) == [row]

"""Notes on passages: anchoring, staying attached while text around them changes, orphaning."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from db.editing_models import Note
from db.engine import Library
from db.models import Article, Block
from reader.core.anchoring import make_anchor, reanchor
from reader.services.importing import import_files
from reader.services.notes import (
    NoteError,
    add_note,
    delete_note,
    list_notes,
    reopen_note,
    resolve_note,
    update_note,
)
from reader.services.segmentation_edits import join_blocks, split_block, undo_edit
from reader.services.tracking.attribution import revert_one
from reader.services.tracking.revisions import article_blocks
from reader.services.tracking.saving import save_article_text
from tests.conftest import SAMPLE_ISSUE

pytestmark = pytest.mark.both_engines

TEXT = "今年以来,梅园街道以河长制为抓手,持续推进辖区河道综合治理。街道与区水务部门联合制定了治理方案。"


# ---------------------------------------------------------------- pure anchoring


def test_anchor_keeps_quote_and_up_to_32_characters_of_context() -> None:
    long = "前" * 40 + "梅园" + "后" * 40
    anchor = make_anchor(long, 40, 42)
    assert (anchor.quote, len(anchor.prefix), len(anchor.suffix)) == ("梅园", 32, 32)
    with pytest.raises(ValueError):
        make_anchor(long, 5, 5)


def test_reanchor_follows_text_inserted_before() -> None:
    anchor = make_anchor(TEXT, 5, 9)
    moved = reanchor("按:" + TEXT, anchor)
    assert moved is not None and (moved.start, moved.end, moved.quote) == (7, 11, "梅园街道")


def test_reanchor_prefers_the_occurrence_whose_context_agrees() -> None:
    start = TEXT.index("街道与")
    anchor = make_anchor(TEXT, start, start + 2)  # the second 街道
    edited = "街道" + TEXT  # a third one, nearer the old position of none
    moved = reanchor(edited, anchor)
    assert moved is not None and moved.start == start + 2 and moved.suffix.startswith("与区水务")


def test_reanchor_keeps_a_passage_corrected_in_place() -> None:
    anchor = make_anchor(TEXT, 5, 9)
    moved = reanchor(TEXT.replace("梅园街道", "梅園街道"), anchor)
    assert moved is not None and (moved.start, moved.end, moved.quote) == (5, 9, "梅園街道")


def test_reanchor_finds_a_long_passage_fuzzily_and_loses_a_deleted_one() -> None:
    start = TEXT.index("持续")
    anchor = make_anchor(TEXT, start, start + 14)
    rewritten = "另起一段:" + TEXT[start : start + 6] + "某" + TEXT[start + 7 : start + 14] + "。"
    found = reanchor(rewritten, anchor)
    assert found is not None and found.quote.startswith("持续推进")
    assert reanchor(TEXT.replace("梅园街道", ""), make_anchor(TEXT, 5, 9)) is None
    assert reanchor("全然无关的文字", make_anchor(TEXT, 5, 9)) is None


# ---------------------------------------------------------------- notes in the library


@pytest.fixture
def paragraph(library: Library) -> tuple[int, int, str]:
    """(article id, block id, text) of the river article's first paragraph in the imported sample."""
    with library.write_session() as session:
        import_files(session, [SAMPLE_ISSUE])
    with library.session() as session:
        article_id = session.execute(
            select(Article.id).where(Article.title == "梅园街道河长制工作再上新台阶")
        ).scalar_one()
        block = next(b for b in article_blocks(session, article_id) if b.role == "paragraph")
        return article_id, block.id, block.text


def _note(library: Library, note_id: int) -> Note:
    with library.session() as session:
        return session.get_one(Note, note_id)


def test_add_update_resolve_reopen_delete(library: Library, paragraph: tuple[int, int, str]) -> None:
    article_id, block_id, text = paragraph
    with library.writing() as session:
        note = add_note(session, article_id, block_id, 5, 9, "核对街道名", author="ann")
        with pytest.raises(NoteError):
            add_note(session, article_id, block_id, 9, 9, "空", author="ann")
        with pytest.raises(NoteError):
            add_note(session, article_id + 1, block_id, 0, 1, "别的文章", author="ann")
        update_note(session, note.id, "核对街道全称")
        resolve_note(session, note.id)
    assert (_note(library, note.id).body, _note(library, note.id).resolved) == ("核对街道全称", True)
    with library.writing() as session:
        assert list_notes(session, article_id, include_resolved=False) == []
        reopen_note(session, note.id)
        assert [n.id for n in list_notes(session, article_id, include_resolved=False)] == [note.id]
        delete_note(session, note.id)
        assert list_notes(session, article_id) == []
        with pytest.raises(NoteError):
            delete_note(session, note.id)
    assert text[5:9] == "梅园街道"


def test_notes_stay_attached_while_text_around_them_is_edited(
    library: Library, paragraph: tuple[int, int, str]
) -> None:
    article_id, block_id, text = paragraph
    with library.writing() as session:
        note = add_note(session, article_id, block_id, 5, 9, "核对", author="ann")
        edited = "【按】" + text.replace(",", "，")
        save_article_text(session, article_id, {block_id: edited}, author="bob", base_version=1)
    moved = _note(library, note.id)
    assert (moved.quote, moved.start, moved.end, moved.orphaned) == ("梅园街道", 8, 12, False)
    assert edited[moved.start : moved.end] == "梅园街道"
    assert moved.prefix.endswith("今年以来，")


def test_a_note_on_a_deleted_passage_is_orphaned_not_dropped_and_found_again_on_revert(
    library: Library, paragraph: tuple[int, int, str]
) -> None:
    article_id, block_id, text = paragraph
    with library.writing() as session:
        note = add_note(session, article_id, block_id, 5, 9, "核对", author="ann")
        save_article_text(
            session, article_id, {block_id: text.replace("梅园街道", "")}, author="bob", base_version=1
        )
    orphan = _note(library, note.id)
    assert orphan.orphaned and orphan.quote == "梅园街道" and orphan.block_id == block_id
    with library.writing() as session:
        assert [n.id for n in list_notes(session, article_id)] == [note.id]
        revert_one(session, article_id, block_id, 0, author="ann")
    found = _note(library, note.id)
    assert (found.orphaned, found.start, found.end) == (False, 5, 9)


def test_notes_follow_their_passage_through_block_splits_and_joins(
    library: Library, paragraph: tuple[int, int, str]
) -> None:
    article_id, block_id, text = paragraph
    cut = text.index("街道与")
    with library.writing() as session:
        before = add_note(session, article_id, block_id, 5, 9, "前半", author="ann")
        after = add_note(session, article_id, block_id, cut, cut + 2, "后半", author="ann")
        across = add_note(session, article_id, block_id, cut - 3, cut + 3, "跨越", author="ann")
        split = split_block(session, block_id, cut, author="ann")
    with library.session() as session:
        first, second = (
            session.get_one(Block, block_id),
            session.scalars(
                select(Block).where(Block.article_id == article_id, Block.text.startswith("街道与"))
            ).one(),
        )
        moved = session.get_one(Note, after.id)
        assert (moved.block_id, moved.start, moved.end) == (second.id, 0, 2)
        kept = session.get_one(Note, before.id)
        assert (kept.block_id, kept.start, first.text[kept.start : kept.end]) == (block_id, 5, "梅园街道")
        assert session.get_one(Note, across.id).orphaned
    with library.writing() as session:
        undo_edit(session, split.undo, author="ann")
    with library.session() as session:
        notes = {n.id: n for n in list_notes(session, article_id)}
        assert all(n.block_id == block_id and not n.orphaned for n in notes.values())
        assert (notes[after.id].start, notes[across.id].start) == (cut, cut - 3)


def test_joining_blocks_carries_the_second_blocks_notes(
    library: Library, paragraph: tuple[int, int, str]
) -> None:
    article_id, block_id, text = paragraph
    with library.writing() as session:
        blocks = article_blocks(session, article_id)
        second = blocks[[b.id for b in blocks].index(block_id) + 1]
        note = add_note(session, article_id, second.id, 2, 6, "下一段", author="ann")
        quote = second.text[2:6]
        join_blocks(session, block_id, author="ann")
    with library.session() as session:
        joined = session.get_one(Block, block_id)
        moved = session.get_one(Note, note.id)
        assert (moved.block_id, moved.start, moved.orphaned) == (block_id, len(text) + 2, False)
        assert joined.text[moved.start : moved.end] == quote

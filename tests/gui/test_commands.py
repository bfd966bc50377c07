"""Operations as undoable commands on a bare QUndoStack with an edit context: no window.

Each adapter of ``reader.services.operations`` is run, undone and redone
through :class:`~reader.gui.commands.OperationCommand`, on a real library
holding the sample issue; every step says what it changed with one signal.
"""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from db.editing_models import Note
from db.engine import Library
from db.models import Article, Block
from reader.core.op_changes import OpChanges
from reader.gui.commands import OperationCommand, StructureCommand
from reader.services.operations import note_delete_operation, record_operation, revision_operation
from reader.services.segmentation_edits import merge_articles
from tests.gui.command_support import Bench, articles, texts
from tests.gui.tagging_support import tags_of

pytestmark = pytest.mark.gui


def test_a_tagging_record_is_undone_and_redone(bench: Bench, gui_library: Library) -> None:
    from reader.services.tagging import add_tag

    first = articles(gui_library)[0]
    changes = OpChanges.of([first], tags=True)
    operation = record_operation(lambda s: add_tag(s, [first], "社区", author="ed"), changes)
    bench.stack.push(OperationCommand(bench.context, "Tag", operation))
    assert tags_of(gui_library, first) == ["社区"]
    assert bench.last() == changes
    bench.stack.undo()
    assert tags_of(gui_library, first) == []
    assert bench.last().tags and bench.last().article_ids == {first}
    bench.stack.redo()
    assert tags_of(gui_library, first) == ["社区"]
    assert len(bench.seen) == 3 and bench.failures == []


def test_a_text_change_is_undone_by_revisions_unless_changed_since(
    bench: Bench, gui_library: Library
) -> None:
    from reader.services.tracking.saving import save_article_text

    first = articles(gui_library)[0]
    before = texts(gui_library, first)
    after = [before[0] + "（校）", *before[1:]]

    def change(session: Session) -> object:
        version = session.get(Article, first).version  # type: ignore[union-attr]
        return save_article_text(session, first, after, author="ed", base_version=version)

    bench.stack.push(OperationCommand(bench.context, "Edit", revision_operation(change, author="ed")))  # type: ignore[arg-type]
    assert texts(gui_library, first) == after
    assert bench.last() == OpChanges.of([first], text=True)
    bench.stack.undo()
    assert texts(gui_library, first) == before
    bench.stack.redo()
    assert texts(gui_library, first) == after
    # changed elsewhere meanwhile: undo is refused and the text stays as it is
    with gui_library.writing() as session:
        version = session.get(Article, first).version  # type: ignore[union-attr]
        save_article_text(session, first, before, author="other", base_version=version)
    bench.stack.undo()
    assert texts(gui_library, first) == before
    assert bench.failures and bench.stack.count() == 0  # the step left the stack


def test_a_deleted_note_comes_back_with_its_id(bench: Bench, gui_library: Library) -> None:
    from reader.services.notes import add_note

    first = articles(gui_library)[0]
    with gui_library.writing() as session:
        block = session.scalars(select(Block).where(Block.article_id == first)).first()
        assert block is not None
        note_id = add_note(session, first, block.id, 0, 2, "查原报", author="ed").id
    bench.stack.push(OperationCommand(bench.context, "Delete Note", note_delete_operation(note_id)))
    with gui_library.session() as session:
        assert session.get(Note, note_id) is None
    assert bench.last() == OpChanges.of([first], notes=True)
    bench.stack.undo()
    with gui_library.session() as session:
        restored = session.get(Note, note_id)
        assert restored is not None and restored.body == "查原报"
    bench.stack.redo()
    with gui_library.session() as session:
        assert session.get(Note, note_id) is None


def test_a_merge_says_the_structure_changed_and_which_articles(bench: Bench, gui_library: Library) -> None:
    first, second, *_rest = articles(gui_library)
    bench.stack.push(
        StructureCommand(
            bench.context, "Merge", [second], lambda s: merge_articles(s, second, "previous", author="ed")
        )
    )
    assert len(articles(gui_library)) == 3
    changes = bench.last()
    assert changes.structure and changes.counts and changes.tag_counts
    assert {first, second} <= changes.article_ids  # the survivor and the article merged away
    assert len(changes.issue_ids) == 1
    bench.stack.undo()
    assert len(articles(gui_library)) == 4
    assert bench.last().structure


def test_changes_combine_and_say_what_counts_may_differ() -> None:
    text = OpChanges.of([1], text=True)
    tags = OpChanges.of([2], [7], tags=True)
    both = text | tags
    assert both == OpChanges.of([1, 2], [7], text=True, tags=True)
    assert not text.counts and not text.tag_counts
    assert tags.tag_counts and not tags.counts
    assert OpChanges(imported=True).counts and OpChanges(issues=True).tag_counts
    assert OpChanges().empty and not both.empty
    assert OpChanges.of([3]).with_flags(["status", "notes"]) == OpChanges.of([3], status=True, notes=True)

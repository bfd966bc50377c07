"""Adapters from each service's own undo record to one :data:`~reader.core.op_changes.Operation`.

The services keep their undo records (a revision to restore, a tagging
``Record``, a segmentation ``Undo``, a deleted ``NoteRow``); these functions
turn each into an operation whose output carries its :class:`OpChanges` and the operation that
undoes it, so the window runs, undoes and redoes all of them the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Protocol

from reader.core.op_changes import OpChanges, Operation, OpOutput

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from reader.services.note_rows import NoteRow
    from reader.services.segmentation_rows import EditResult, Undo
    from reader.services.tracking.saving import SaveResult


class UndoRecord(Protocol):
    """A tagging service's record of a change (``reader.services.tagging``, rules, aliases)."""

    def undo(self, session: Session) -> None: ...


def structure_operation(
    edit: Callable[[Session], EditResult], *, author: str, origin: Iterable[int] = ()
) -> Operation:
    """A structure edit (split, merge, block moves); undone and redone with ``undo_edit``.

    ``origin``: the articles the edit started from (a merge may delete one), told to views too.
    """
    from_ = frozenset(origin)

    def output(result: EditResult) -> OpOutput:
        changes = OpChanges.of(
            from_ | frozenset(result.articles), [result.issue_id], structure=True, text=True, tags=True
        )
        return OpOutput(changes, _undo_structure(result.undo, author, output), result)

    return lambda session: output(edit(session))


def _undo_structure(undo: Undo, author: str, output: Callable[[EditResult], OpOutput]) -> Operation:
    from reader.services.segmentation_edits import undo_edit

    return lambda session: output(undo_edit(session, undo, author=author))


def revision_operation(change: Callable[[Session], SaveResult], *, author: str) -> Operation:
    """A change of one article's text; undo and redo restore revisions while nobody changed it since."""
    from reader.services.review import preceding_revision, restore_checked
    from reader.services.tracking.revisions import TrackingError

    def restore(revision: int, expected: int) -> Operation:
        def run(session: Session) -> OpOutput:
            result = restore_checked(session, revision, expected_revision=expected, author=author)
            changes = OpChanges.of([result.article_id], text=True)
            return OpOutput(changes, restore(expected, revision), result)

        return run

    def first(session: Session) -> OpOutput:
        result = change(session)
        if result.revision_id is None:
            raise TrackingError("there was nothing to change")
        before = preceding_revision(session, result.revision_id)
        changes = OpChanges.of([result.article_id], text=True)
        return OpOutput(changes, restore(before, result.revision_id), result)

    return first


def record_operation(apply: Callable[[Session], UndoRecord], changes: OpChanges) -> Operation:
    """A tagging change: undone by its record's ``undo``, redone by applying it again."""

    def run(session: Session) -> OpOutput:
        record = apply(session)

        def undo(session: Session) -> OpOutput:
            record.undo(session)
            return OpOutput(changes, run, record)

        return OpOutput(changes, undo, record)

    return run


def note_delete_operation(note_id: int) -> Operation:
    """Delete a note; undone by bringing it back with its id, anchor, text and state."""
    from reader.services.note_rows import note_row
    from reader.services.notes import delete_note

    def run(session: Session) -> OpOutput:
        row = note_row(session, note_id)
        delete_note(session, note_id)
        return OpOutput(_note_changes(row), _restore(row), row)

    return run


def _restore(row: NoteRow) -> Operation:
    from reader.services.note_rows import restore_note

    def run(session: Session) -> OpOutput:
        restore_note(session, row)
        return OpOutput(_note_changes(row), note_delete_operation(row.id), row)

    return run


def _note_changes(row: NoteRow) -> OpChanges:
    return OpChanges.of([row.article_id], notes=True)


__all__ = [
    "UndoRecord",
    "note_delete_operation",
    "record_operation",
    "revision_operation",
    "structure_operation",
]

"""Every undoable change of the library as one :data:`~reader.core.op_changes.Operation`.

The services keep their own undo records (a revision to restore, a tagging
``Record``, a segmentation ``Undo``, a deleted ``NoteRow``, a ``TextStep`` of
accepted suggestions, a ``ReplaceResult``, a decision to forget, a region to
unlink, deleted issues' documents); these functions turn each into an
operation whose output carries its :class:`OpChanges` and the operation that
undoes it, so the window runs, undoes and redoes all of them the same way
(``reader.gui.commands.OperationCommand``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Protocol, TypeVar

from reader.core.op_changes import OpChanges, Operation, OpOutput

T = TypeVar("T")
R = TypeVar("R", bound="UndoRecord")

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from reader.services.find_replace import Match, ReplaceResult
    from reader.services.issues import DeletedIssue
    from reader.services.note_rows import NoteRow
    from reader.services.ocr_unsure import Confirmation
    from reader.services.page_regions import Box
    from reader.services.segmentation_rows import EditResult, Undo
    from reader.services.suggesting import BlockSuggestion, Scope
    from reader.services.suggestion_steps import TextStep
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


def revision_operation(
    change: Callable[[Session], SaveResult], *, author: str, nothing: str = "there was nothing to change"
) -> Operation:
    """A change of one article's text; undo and redo restore revisions while nobody changed it since.

    ``nothing``: the message of the TrackingError raised when the change made no revision.
    """
    from reader.services.tracking.revisions import TrackingError

    def first(session: Session) -> OpOutput:
        result = change(session)
        if result.revision_id is None:
            raise TrackingError(nothing)
        return revision_done(result, author=author)

    return first


def revision_done(result: SaveResult, *, author: str) -> OpOutput:
    """What a text change already saved (by the editor) gave: undo restores the revision before it."""
    from reader.services.review import preceding_revision

    assert result.revision_id is not None
    after = result.revision_id

    def undo(session: Session) -> OpOutput:
        return _restore_revision(preceding_revision(session, after), after, author)(session)

    return OpOutput(OpChanges.of([result.article_id], text=True), undo, result)


def _restore_revision(revision: int, expected: int, author: str) -> Operation:
    from reader.services.review import restore_checked

    def run(session: Session) -> OpOutput:
        result = restore_checked(session, revision, expected_revision=expected, author=author)
        changes = OpChanges.of([result.article_id], text=True)
        return OpOutput(changes, _restore_revision(expected, revision, author), result)

    return run


def text_step_operation(make: Callable[[Session], TextStep], *, author: str) -> Operation:
    """Suggestions accepted in many articles as one step (a ``TextStep``).

    Undo brings every article back to its revision from before (refused, with
    nothing changed, when one was edited since; its value is the list of
    articles restored); redo makes the step again.
    """
    from reader.services.suggestion_steps import undo_text_step

    def run(session: Session) -> OpOutput:
        step = make(session)

        def undo(session: Session) -> OpOutput:
            restored = undo_text_step(session, step, author=author)
            return OpOutput(OpChanges.of(step.after, text=True), run, restored)

        return OpOutput(OpChanges.of(step.after, text=True), undo, step)

    return run


def replace_operation(matches: Sequence[Match], replacement: str, *, author: str) -> Operation:
    """Replace the chosen matches (one revision per article); see :func:`replace_done` for its undo."""
    from reader.services.find_replace import apply_replacements

    chosen = list(matches)

    def run(session: Session) -> OpOutput:
        result = apply_replacements(session, chosen, replacement, author=author)
        return replace_done(chosen, replacement, result, author=author)

    return run


def replace_done(
    matches: Sequence[Match], replacement: str, result: ReplaceResult, *, author: str
) -> OpOutput:
    """What a replace gave: undo restores each article not edited since (its value: those restored)."""
    from reader.services.find_replace import undo_replacements

    changes = OpChanges.of(result.before, text=True)

    def undo(session: Session) -> OpOutput:
        restored = undo_replacements(session, result, author=author)
        return OpOutput(changes, replace_operation(matches, replacement, author=author), restored)

    return OpOutput(changes, undo, result)


def toggle_operation(
    do: Callable[[Session], object], undo: Callable[[Session], object], changes: OpChanges
) -> Operation:
    """A change undone by another call (a status or properties set back); redo calls ``do`` again."""

    def forward(session: Session) -> OpOutput:
        return OpOutput(changes, backward, do(session))

    def backward(session: Session) -> OpOutput:
        return OpOutput(changes, forward, undo(session))

    return forward


def record_operation(
    apply: Callable[[Session], R], changes: OpChanges | Callable[[R], OpChanges]
) -> Operation:
    """A tagging change: undone by its record's ``undo``, redone by applying it again.

    ``changes``: what it changed, or how to tell from its record.
    """

    def run(session: Session) -> OpOutput:
        return record_done(apply(session), run, changes)

    return run


def record_done(record: R, redo: Operation, changes: OpChanges | Callable[[R], OpChanges]) -> OpOutput:
    """What a tagging change already made gave: undo calls ``record.undo``, then ``redo`` makes it again."""
    told = changes if isinstance(changes, OpChanges) else changes(record)

    def undo(session: Session) -> OpOutput:
        record.undo(session)
        return OpOutput(told, redo, record)

    return OpOutput(told, undo, record)


def chained_operation(
    run: Callable[[Session], T], changes: OpChanges, undo: Callable[[T], Operation]
) -> Operation:
    """``run``, undone by the operation ``undo`` builds from what it returned (whose output redoes it)."""

    def first(session: Session) -> OpOutput:
        value = run(session)
        return OpOutput(changes, undo(value), value)

    return first


def note_add_operation(add: Callable[[Session], int], changes: OpChanges) -> Operation:
    """Add a note (``add`` returns its id); undo deletes it, redo brings it back with its id."""
    from reader.services.note_rows import note_row

    return chained_operation(
        lambda session: note_row(session, add(session)),
        changes,
        lambda row: note_delete_operation(row.id, changes),
    )


def note_delete_operation(note_id: int, changes: OpChanges | None = None) -> Operation:
    """Delete a note; undone by bringing it back with its id, anchor, text and state.

    ``changes``: what to tell (by default the note's article, with the ``notes`` flag).
    """
    from reader.services.note_rows import note_row
    from reader.services.notes import delete_note

    def run(session: Session) -> OpOutput:
        row = note_row(session, note_id)
        delete_note(session, note_id)
        return OpOutput(changes or _note_changes(row), _restore_note(row, changes), row)

    return run


def _restore_note(row: NoteRow, changes: OpChanges | None) -> Operation:
    from reader.services.note_rows import restore_note

    def run(session: Session) -> OpOutput:
        restore_note(session, row)
        return OpOutput(changes or _note_changes(row), note_delete_operation(row.id, changes), row)

    return run


def _note_changes(row: NoteRow) -> OpChanges:
    return OpChanges.of([row.article_id], notes=True)


def region_link_operation(
    page_id: int, article_id: int, box: Box, block_id: int | None, *, author: str, changes: OpChanges
) -> Operation:
    """Link a rectangle of a page to an article (or a block); undo removes the region made."""
    from reader.services.page_regions import link_region

    return chained_operation(
        lambda session: link_region(session, page_id, article_id, box, block_id=block_id, author=author),
        changes,
        lambda row: region_unlink_operation(row.id, author=author, changes=changes),
    )


def region_unlink_operation(region_id: int, *, author: str, changes: OpChanges) -> Operation:
    """Remove a region's link; undo links the same rectangle again (as a new region)."""
    from reader.services.page_regions import unlink_region

    return chained_operation(
        lambda session: unlink_region(session, region_id),
        changes,
        lambda row: region_link_operation(
            row.page_id, row.article_id, row.box, row.block_id, author=author, changes=changes
        ),
    )


def reject_operation(item: BlockSuggestion, *, author: str, changes: OpChanges) -> Operation:
    """Reject a suggestion (it is not offered again); undo forgets the rejection."""
    from reader.services.suggesting import reject
    from reader.services.suggestion_steps import unreject

    def forget(decision_id: int) -> Operation:
        def run(session: Session) -> OpOutput:
            unreject(session, decision_id)
            return OpOutput(changes, reject_operation(item, author=author, changes=changes), None)

        return run

    return chained_operation(lambda session: reject(session, item, author=author).id, changes, forget)


def confirm_reading_operation(item: BlockSuggestion, *, author: str, changes: OpChanges) -> Operation:
    """Accept an unsure OCR reading as right; undo takes the decision back and the marks it cleared."""
    from reader.services.ocr_unsure import confirm_reading, undo_confirmation
    from reader.services.suggesting import check_current

    def confirm(session: Session) -> Confirmation:
        check_current(session, item)
        return confirm_reading(session, item.block_id, item.suggestion, author=author)

    def take_back(confirmation: Confirmation) -> Operation:
        def run(session: Session) -> OpOutput:
            undo_confirmation(session, [confirmation.decision_id], confirmation.cleared)
            return OpOutput(changes, confirm_reading_operation(item, author=author, changes=changes), None)

        return run

    return chained_operation(confirm, changes, take_back)


def confirm_all_readings_operation(scope: Scope, scope_id: int | None, *, author: str) -> Operation:
    """Accept every unsure OCR reading in a scope as right (value: the ``Confirmations``).

    Undo forgets the decisions and marks the passages again; its output redoes the step.
    """
    from reader.services.ocr_unsure_all import confirm_all_readings, undo_confirmations

    def run(session: Session) -> OpOutput:
        confirmations = confirm_all_readings(session, scope, scope_id, author=author)
        changes = OpChanges.of(article_ids=confirmations.article_ids, text=True)

        def take_back(session: Session) -> OpOutput:
            undo_confirmations(session, confirmations)
            return OpOutput(changes, confirm_all_readings_operation(scope, scope_id, author=author), None)

        return OpOutput(changes, take_back, confirmations)

    return run


def delete_issues_operation(issue_ids: Sequence[int]) -> Operation:
    """Delete issues after a backup (value: the ``DeletedIssue``\\ s); undo stores them again.

    The undo's value is the restored issues' new ids; redo deletes those.
    """
    from reader.services.issues import delete_issues, restore_issues

    def restore(deleted: list[DeletedIssue]) -> Operation:
        def run(session: Session) -> OpOutput:
            ids = restore_issues(session, deleted)
            return OpOutput(_issue_changes(ids), delete_issues_operation(ids), ids)

        return run

    ids = list(issue_ids)
    return chained_operation(lambda session: delete_issues(session, ids), _issue_changes(ids), restore)


def _issue_changes(issue_ids: Iterable[int]) -> OpChanges:
    return OpChanges.of(issue_ids=issue_ids, issues=True, tags=True)


__all__ = [
    "UndoRecord",
    "chained_operation",
    "confirm_reading_operation",
    "delete_issues_operation",
    "note_add_operation",
    "note_delete_operation",
    "record_done",
    "record_operation",
    "region_link_operation",
    "region_unlink_operation",
    "reject_operation",
    "replace_done",
    "replace_operation",
    "revision_done",
    "revision_operation",
    "structure_operation",
    "text_step_operation",
    "toggle_operation",
]

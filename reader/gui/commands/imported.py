"""An import, as a step on the undo stack: undo deletes the issues it added, redo stores them again.

The import itself runs in the import flow (progress, Cancel, a summary); once
its issues are listed, the step is pushed as already made.  Undo is the issue
deletion (a backup first, ``reader.services.operations.delete_issues_operation``),
redo brings the issues back from what the deletion kept (with new ids).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from reader.core.op_changes import OpChanges, OpOutput
from reader.gui.commands.operation import OperationCommand
from reader.gui.i18n import Context

if TYPE_CHECKING:
    from reader.gui.undo import EditContext


ImportCommand = Context("ImportCommand")  # tr() with plural forms


class ImportedIssuesCommand(OperationCommand):
    """Issues just imported (see the module); ``deleted``/``restored`` keep the window's lists right."""

    def __init__(
        self,
        context: EditContext,
        issue_ids: Sequence[int],
        *,
        deleted: Callable[[list[int]], None],
        restored: Callable[[list[int]], None],
    ) -> None:
        from reader.services.operations import delete_issues_operation

        ids = list(issue_ids)
        made = OpOutput(OpChanges.of(issue_ids=ids, imported=True), delete_issues_operation(ids), ids)
        label = ImportCommand.tr("Import %n Issue(s)", "", len(ids))
        super().__init__(context, label, lambda _session: made, done=made, background=True)
        self._deleted, self._restored = deleted, restored

    def finished(self, output: OpOutput, undone: bool) -> None:
        assert isinstance(output.value, list)
        if undone:  # the deletion's value: what it deleted
            self._deleted([item.issue_id for item in output.value])
        else:  # the issues stored again, with their new ids
            self._restored([int(i) for i in output.value])


def push_imported(
    context: EditContext,
    issue_ids: Sequence[int],
    *,
    deleted: Callable[[list[int]], None],
    restored: Callable[[list[int]], None],
) -> ImportedIssuesCommand:
    """Push an import just made as an undoable step and tell every view (``imported``)."""
    command = ImportedIssuesCommand(context, issue_ids, deleted=deleted, restored=restored)
    context.stack.push(command)
    assert command.output is not None
    context.announce(command.output.changes, command)
    return command


__all__ = ["ImportedIssuesCommand", "push_imported"]

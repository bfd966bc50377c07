"""One undoable step that runs an :data:`~reader.core.op_changes.Operation`.

The operation's output says what changed (told to every view through the
edit context's ``operation_did_execute``) and gives the operation that undoes
it; undoing gives the one that redoes it, and so on.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from reader.core.op_changes import OpChanges, OpOutput
from reader.gui.undo import EditContext, ServiceCommand

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from reader.core.op_changes import Operation


class OperationCommand(ServiceCommand):
    """Run ``operation`` now (and on every redo); undo runs the operation its output gave."""

    def __init__(
        self, context: EditContext, text: str, operation: Operation, article_ids: Iterable[int] = ()
    ) -> None:
        super().__init__(context, text, article_ids)
        self._forward: Operation = operation
        self._backward: Operation | None = None
        self.output: OpOutput | None = None  # what the last step (made, undone or redone) gave

    def apply(self, session: Session) -> OpOutput:
        return self._forward(session)

    def revert(self, session: Session) -> OpOutput:
        assert self._backward is not None, "an operation without an undo was undone"
        return self._backward(session)

    def applied(self, value: object) -> None:
        assert isinstance(value, OpOutput)
        self.output = value
        if value.undo is None:
            self.setObsolete(True)  # it cannot be undone: it does not stay on the stack
        else:
            self._backward = value.undo
        self.finished(value)

    def reverted(self, value: object) -> None:
        assert isinstance(value, OpOutput)
        self.output = value
        if value.undo is not None:
            self._forward = value.undo
        self.finished(value)

    def changes(self, value: object) -> OpChanges:
        assert isinstance(value, OpOutput)
        return value.changes | OpChanges.of(self.article_ids)

    def finished(self, output: OpOutput) -> None:
        """After each step, on the GUI thread (for subclasses)."""

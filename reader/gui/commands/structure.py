"""A structure edit as an undoable step: the service edit first, then the undo records it returns.

:class:`StructureCommand` runs any edit of ``reader.services.segmentation_edits``
or ``reader.services.structure_edits`` (a function of the session returning an
``EditResult``) as an operation (``reader.services.operations.structure_operation``):
undo runs ``undo_edit`` with the record the edit returned, and redo the record
the undo returned, so a chain of steps undone and redone in order restores the
structure exactly.  Each step tells every view the articles it touched (and the
one it started from, which a merge may delete) with the ``structure`` flag, and
``after`` (when given) gets the ``EditResult``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from reader.core.op_changes import OpOutput
from reader.gui.commands.operation import OperationCommand
from reader.gui.undo import EditContext

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from reader.services.segmentation_rows import EditResult

EditStep = Callable[["Session"], "EditResult"]


class StructureCommand(OperationCommand):
    """A structure edit on the undo stack; ``after`` gets each step's ``EditResult``."""

    def __init__(
        self,
        context: EditContext,
        text: str,
        article_ids: Iterable[int],
        edit: EditStep,
        after: Callable[[EditResult], None] | None = None,
    ) -> None:
        from reader.services.operations import structure_operation

        origin = frozenset(article_ids)
        super().__init__(context, text, structure_operation(edit, author=context.author(), origin=origin))
        self._after_edit = after

    def finished(self, output: OpOutput, undone: bool) -> None:
        from reader.services.segmentation_rows import EditResult

        assert isinstance(output.value, EditResult)
        if self._after_edit is not None:
            self._after_edit(output.value)

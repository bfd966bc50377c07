"""The one undoable step: it runs an :data:`~reader.core.op_changes.Operation`.

Every change of the library made from the window (text, status, tags, notes,
structure, rules, regions, issues) is an :class:`OperationCommand` on the
window's one QUndoStack.  The operation's output says what changed (told to
every view through the edit context's ``operation_did_execute``) and gives
the operation that undoes it; undoing gives the one that redoes it, and so on::

    operation = record_operation(lambda s: add_tag(s, [7], "社区", author=a), OpChanges.of([7], tags=True))
    workbench.undo_stack.push(OperationCommand(workbench.edit, "Add Tag", operation))

``push`` runs the operation at once in one short write transaction on the GUI
thread (retried while another program holds the lock); undo and redo run the
operations the outputs gave the same way.  A step that fails is reported
(``context.failed``) and the command leaves the stack: the library stays as
it was.

* ``done=output``: the change was already made (a replace in the background,
  a tag change whose errors the caller shows); the push skips the first run
  and undo starts from ``output.undo``.  ``pending=True``: the change is on
  screen and saved later (typing), when :meth:`~OperationCommand.made` is
  called; undone before that, the command leaves the stack.
* ``background=True``: bulk work such as a library-wide replace.  Its steps
  run in the task runner on a session of their own, one at a time; any other
  step asked for meanwhile waits its turn, and Undo/Redo are disabled until
  it is done.
* Before every step, typing still unsaved in the editor is saved
  (:meth:`EditContext.flush`), so a step never races an edit on screen.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from reader.core.op_changes import OpChanges, OpOutput
from reader.gui.undo import EditContext, EditRefused, write

if TYPE_CHECKING:
    from reader.core.op_changes import Operation


class OperationCommand(QUndoCommand):
    """Run ``operation`` now (and on every redo); undo runs the operation its output gave."""

    def __init__(
        self,
        context: EditContext,
        text: str,
        operation: Operation,
        article_ids: Iterable[int] = (),
        *,
        done: OpOutput | None = None,
        pending: bool = False,
        background: bool = False,
    ) -> None:
        super().__init__(text)
        self.context = context
        self.label = text
        self.author = context.author()  # who the first run records (the operations keep their own)
        self.article_ids: frozenset[int] = frozenset(article_ids)  # told to views besides the output's
        self.background = background
        self._forward: Operation = operation
        self._backward: Operation | None = None
        self._skip_redo = done is not None or pending
        self.output: OpOutput | None = None  # what the last step (made, undone or redone) gave
        if done is not None:
            self.made(done)

    def made(self, output: OpOutput) -> None:
        """The change was made outside the stack (``pending``: it is saved now) and gave ``output``."""
        self.output = output
        self._backward = output.undo

    def finished(self, output: OpOutput, undone: bool) -> None:
        """After each step (made, undone or redone), on the GUI thread (for subclasses)."""

    # QUndoCommand
    def redo(self) -> None:
        if self._skip_redo:
            self._skip_redo = False
            return
        self._step(lambda: self._forward, self._applied)

    def undo(self) -> None:
        if self._backward is None:  # pending, and nothing of it was saved: nothing to undo
            if shiboken6.isValid(self):
                self.setObsolete(True)
            return
        self._step(self._undo_operation, self._reverted)

    def _undo_operation(self) -> Operation:
        assert self._backward is not None, "an operation without an undo was undone"
        return self._backward

    # running
    def _step(self, operation: Callable[[], Operation], after: Callable[[OpOutput], None]) -> None:
        if self.context.busy:
            self.context.when_idle(lambda: self._run(operation(), after))
        else:
            self._run(operation(), after)

    def _run(self, operation: Operation, after: Callable[[OpOutput], None]) -> None:
        context = self.context
        try:
            library = context.writable_library()
            if not context.flush(inside_step=True):
                raise EditRefused(
                    QCoreApplication.translate(
                        "Undo",
                        "Unsaved typing in the editor could not be saved first; nothing else was changed.",
                    )
                )
        except EditRefused as error:
            self._failed(error)
            return
        if self.background:
            context.run_background(
                self.label, operation, lambda value: self._done(after, value), self._failed
            )
            return
        try:
            output = write(library, operation)
        except Exception as error:  # reported, the library left as it was
            self._failed(error)
            return
        self._done(after, output)

    def _applied(self, output: OpOutput) -> None:
        if output.undo is None:
            self.setObsolete(True)  # it cannot be undone: it does not stay on the stack
        else:
            self._backward = output.undo
        self.finished(output, False)

    def _reverted(self, output: OpOutput) -> None:
        if output.undo is not None:
            self._forward = output.undo
        self.finished(output, True)

    def _done(self, after: Callable[[OpOutput], None], output: OpOutput) -> None:
        self.output = output
        after(output)
        self.context.announce(output.changes | OpChanges.of(self.article_ids), self)

    def _failed(self, error: BaseException) -> None:
        if shiboken6.isValid(self):
            self.setObsolete(True)  # dropped from the stack at once, or when next reached
        self.context.report(self.label, error)


__all__ = ["OperationCommand"]


class ReloadingCommand(OperationCommand):
    """An operation whose owner is told after each step (made, undone or redone): ``changed``,
    a pane reloading what it shows (notes, page regions, an OCR reading's marks)."""

    def __init__(
        self, context: EditContext, text: str, operation: Operation, changed: Callable[[], object]
    ) -> None:
        super().__init__(context, text, operation)
        self._changed = changed

    def finished(self, output: OpOutput, undone: bool) -> None:
        self._changed()

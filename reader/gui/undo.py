"""Undo for the whole window: one QUndoStack, and the edit context its commands run in.

The window owns ``undo_stack`` (the one QUndoStack) and the workbench's
``edit`` (an :class:`EditContext`: the library, who edits, the task runner,
and the ``operation_did_execute`` signal views refresh on).  Every undoable
change is an :class:`~reader.gui.commands.OperationCommand` running an
operation of ``reader.services.operations``::

    operation = toggle_operation(set_flag, clear_flag, OpChanges.of([7], status=True))
    workbench.undo_stack.push(OperationCommand(workbench.edit, "Flag Article", operation))

:func:`write` runs work in one write transaction (retried while another
program holds the lock); :class:`EditContext` saves unsaved typing before a
step (:meth:`EditContext.flush`), runs bulk steps in the background one at a
time, reports a step that failed (``failed``) and tells every view what a
step changed (``operation_did_execute``).
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QAction, QIcon, QKeySequence, QUndoStack

from reader.core.errors import JiaokanError
from reader.core.op_changes import OpChanges

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from db.engine import Library
    from reader.gui.tasks import TaskContext, TaskRunner

T = TypeVar("T")
log = logging.getLogger(__name__)


class EditRefused(JiaokanError):
    """A change that cannot be made now: no library, a read-only one, or unsaved typing not saved."""


def write(library: Library, work: Callable[[Session], T]) -> T:
    """Run ``work`` in one write transaction, retried while another program holds the lock."""
    from db.retry import with_write_retry

    def once() -> T:
        with library.writing() as session:
            return work(session)

    return with_write_retry(once)


def make_undo_actions(stack: QUndoStack, parent: QObject) -> tuple[QAction, QAction]:
    """The Undo (Ctrl+Z) and Redo (Ctrl+Shift+Z) actions of a stack; their text names the step."""
    undo = stack.createUndoAction(parent, QCoreApplication.translate("Undo", "&Undo"))
    undo.setObjectName("undoAction")
    undo.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Undo))
    undo.setIcon(QIcon.fromTheme("edit-undo"))
    redo = stack.createRedoAction(parent, QCoreApplication.translate("Undo", "&Redo"))
    redo.setObjectName("redoAction")
    keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
    ctrl_shift_z = QKeySequence("Ctrl+Shift+Z")
    if ctrl_shift_z not in keys:
        keys.append(ctrl_shift_z)
    redo.setShortcuts(keys)
    redo.setIcon(QIcon.fromTheme("edit-redo"))
    return undo, redo


class EditContext(QObject):
    """What commands need from the window: the library, who edits, a runner, where to report.

    ``operation_did_execute`` (changes, source) carries the
    :class:`~reader.core.op_changes.OpChanges` of every step made, undone
    or redone (and of changes made outside the stack: saves, imports), and
    what made it; ``failed`` (what, why) a step that could not be made.
    """

    operation_did_execute = Signal(object, object)
    failed = Signal(str, str)
    busy_changed = Signal(bool)

    def __init__(
        self,
        stack: QUndoStack,
        runner: TaskRunner,
        library: Callable[[], Library | None],
        author: Callable[[], str],
        read_only: Callable[[], bool] = lambda: False,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("editContext")
        self.stack = stack
        self.runner = runner
        self._library = library
        self._author = author
        self._read_only = read_only
        self._flushers: list[Callable[[bool], bool]] = []
        self._queue: deque[Callable[[], None]] = deque()
        self._busy = False

    # what commands ask
    def author(self) -> str:
        """Who changes are recorded as (the editor name of the preferences)."""
        return self._author()

    def library(self) -> Library | None:
        return self._library()

    def read_only(self) -> bool:
        """True when the library cannot be written (read-only file or medium, damaged)."""
        from db.safety import is_read_only

        library = self._library()
        return self._read_only() or (library is not None and is_read_only(library))

    def writable_library(self) -> Library:
        """The open library, or EditRefused saying why nothing can be changed."""
        library = self._library()
        if library is None:
            raise EditRefused(QCoreApplication.translate("Undo", "The library is not open yet."))
        if self.read_only():
            raise EditRefused(
                QCoreApplication.translate("Undo", "The library is open read-only: nothing can be changed.")
            )
        return library

    def library_file(self) -> str | None:
        """The library's file, as recovery files name it (None for an in-memory library)."""
        from db.safety import library_path

        library = self._library()
        path = library_path(library) if library is not None else None
        return None if path is None else str(path)

    # unsaved typing
    def add_flusher(self, flush: Callable[[bool], bool]) -> None:
        """Register what saves unsaved typing; it gets ``inside_step`` and returns False when it failed."""
        self._flushers.append(flush)

    def flush(self, *, inside_step: bool = False) -> bool:
        """Save typing not saved yet (every flusher runs); False when some could not be saved.

        ``inside_step``: called while the stack runs a step, when nothing may be pushed.
        """
        results = [flush(inside_step) for flush in self._flushers]
        return all(results)

    # steps
    @property
    def busy(self) -> bool:
        """True while a background step runs (other steps wait for it)."""
        return self._busy

    def _set_busy(self, busy: bool) -> None:
        if busy != self._busy:
            self._busy = busy
            self.busy_changed.emit(busy)

    def hold(self, busy: bool) -> None:
        """A step runs outside the task queue (a restore: the library is closed, swapped, reopened).

        While held, other steps wait and Undo/Redo are disabled, as for a background step.
        """
        self._set_busy(busy)
        if not busy:
            self._drain()

    def when_idle(self, step: Callable[[], None]) -> None:
        """Run ``step`` now, or after the background step under way (steps keep their order)."""
        self._queue.append(step)
        self._drain()

    def _drain(self) -> None:
        while self._queue and not self._busy:
            self._queue.popleft()()

    def run_background(
        self,
        name: str,
        work: Callable[[Session], T],
        on_success: Callable[[T], None],
        on_failure: Callable[[BaseException], None] | None = None,
    ) -> None:
        """Run ``work`` in one write transaction on the task runner; other steps wait meanwhile."""
        self._set_busy(True)

        def job(context: TaskContext) -> T:
            return write(context.library, work)

        def finish() -> None:
            self._set_busy(False)
            self._drain()

        def succeeded(value: T) -> None:
            try:
                on_success(value)
            finally:
                finish()

        def failed(error: BaseException) -> None:
            try:
                if on_failure is not None:
                    on_failure(error)
                else:
                    self.report(name, error)
            finally:
                finish()

        self.runner.start(name, job, on_success=succeeded, on_failure=failed)

    def guard_actions(self, undo: QAction, redo: QAction) -> None:
        """Keep Undo and Redo disabled while a background step runs."""

        def update() -> None:
            if not all(shiboken6.isValid(o) for o in (self, self.stack, undo, redo)):
                return  # the window is going away
            undo.setEnabled(not self._busy and self.stack.canUndo())
            redo.setEnabled(not self._busy and self.stack.canRedo())

        # connected after the stack's own connections, so this runs last
        self.stack.canUndoChanged.connect(update)
        self.stack.canRedoChanged.connect(update)
        self.busy_changed.connect(update)

    # telling
    def announce(self, changes: OpChanges, source: object = None) -> None:
        """Tell every view what an operation changed (nothing is told of no change)."""
        if not changes.empty:
            self.operation_did_execute.emit(changes, source)

    def notify(self, article_ids: Iterable[int], source: object = None) -> None:
        """Tell every view that the text of these articles changed (a save, a replace)."""
        self.announce(OpChanges.of(article_ids, text=True), source)

    def report(self, what: str, error: BaseException | str) -> None:
        """Tell the user that a step could not be made."""
        log.warning("%s failed: %s", what, error)
        self.failed.emit(what, str(error))

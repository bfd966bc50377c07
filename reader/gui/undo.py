"""Undo for the whole window: one QUndoStack, and commands that call services.

The window owns ``undo_stack`` (the one QUndoStack) and the workbench's
``edit`` (an :class:`EditContext`: the library, who edits,
the task runner, and the ``operation_did_execute`` signal views refresh on).  A feature's
undoable change is a :class:`ServiceCommand`::

    class FlagCommand(ServiceCommand):
        def __init__(self, context: EditContext, article_id: int) -> None:
            super().__init__(context, QCoreApplication.translate("Undo", "Flag Article"), [article_id])
            self.article_id = article_id

        def apply(self, session: Session) -> object:  # the first run and every redo
            return flags.set_flag(session, self.article_id, author=self.author)

        def revert(self, session: Session) -> object:  # every undo
            return flags.clear_flag(session, self.article_id, author=self.author)

    workbench.undo_stack.push(FlagCommand(workbench.edit, 7))

``push`` runs ``apply`` at once in one short write transaction on the GUI
thread (retried while another program holds the lock); undo and redo run
``revert``/``apply`` the same way.  Then ``applied``/``reverted`` get the value
returned, and ``context.operation_did_execute`` carries what the step changed (an
:class:`~reader.core.op_changes.OpChanges`) so every view reloads what it
shows.  A step that fails is reported (``context.failed``)
and the command leaves the stack: the library stays as it was.

* ``done=True``: the change was already made (in the background, or by the
  editor's autosave); the push skips the first ``apply``.
* ``background = True`` (class attribute): bulk work such as a library-wide
  replace.  Its steps run in the task runner on a session of their own, one
  at a time; any other step asked for meanwhile waits its turn, and the
  Undo/Redo actions are disabled until it is done.
* Before every step, typing still unsaved in the editor is saved
  (:meth:`EditContext.flush`), so a step never races an edit on screen.

:class:`RevisionCommand` is the ready-made base for a change of one
article's text: undo and redo restore revisions, and only while nobody
else changed the text in between.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, ClassVar, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QAction, QIcon, QKeySequence, QUndoCommand, QUndoStack

from reader.core.errors import JiaokanError
from reader.core.op_changes import OpChanges

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from db.engine import Library
    from reader.gui.tasks import TaskContext, TaskRunner
    from reader.services.tracking.saving import SaveResult

T = TypeVar("T")
Step = Callable[["Session"], object]
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


class ServiceCommand(QUndoCommand):
    """An undoable change made by services: ``apply`` for redo, ``revert`` for undo (see the module)."""

    background: ClassVar[bool] = False
    flags: ClassVar[frozenset[str]] = frozenset({"text"})  # what kinds of data a step changes

    def __init__(
        self, context: EditContext, text: str, article_ids: Iterable[int] = (), *, done: bool = False
    ) -> None:
        super().__init__(text)
        self.context = context
        self.label = text
        self.article_ids: frozenset[int] = frozenset(article_ids)
        self.author = context.author()
        self._skip_redo = done

    # what subclasses write
    def apply(self, session: Session) -> object:
        """Make the change in ``session`` (the first run, and every redo)."""
        raise NotImplementedError

    def revert(self, session: Session) -> object:
        """Undo the change in ``session``."""
        raise NotImplementedError

    def applied(self, value: object) -> None:
        """After ``apply`` was committed, with what it returned (GUI thread)."""

    def reverted(self, value: object) -> None:
        """After ``revert`` was committed, with what it returned (GUI thread)."""

    def changes(self, value: object) -> OpChanges:
        """What the step just made changed (by default: ``article_ids`` with the class's ``flags``)."""
        return OpChanges.of(self.article_ids).with_flags(self.flags)

    # QUndoCommand
    def redo(self) -> None:
        if self._skip_redo:
            self._skip_redo = False
            return
        self._step(self.apply, self.applied)

    def undo(self) -> None:
        self._step(self.revert, self.reverted)

    def _step(self, work: Step, after: Callable[[object], None]) -> None:
        if self.context.busy:
            self.context.when_idle(lambda: self._run(work, after))
        else:
            self._run(work, after)

    def _run(self, work: Step, after: Callable[[object], None]) -> None:
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
        self.author = context.author()
        if self.background:
            context.run_background(self.label, work, lambda value: self._done(after, value), self._failed)
            return
        try:
            value = write(library, work)
        except Exception as error:  # reported, the library left as it was
            self._failed(error)
            return
        self._done(after, value)

    def _done(self, after: Callable[[object], None], value: object) -> None:
        after(value)
        self.context.announce(self.changes(value), self)

    def _failed(self, error: BaseException) -> None:
        if shiboken6.isValid(self):
            self.setObsolete(True)  # dropped from the stack at once, or when next reached
        self.context.report(self.label, error)


class RevisionCommand(ServiceCommand):
    """A change of one article's text, undone and redone by restoring revisions.

    Subclasses make the change in ``change`` (the first run); pass
    ``result`` for a change already saved.  Undo restores the revision
    before the change and redo the one it made, each as a new revision, and
    only while the article's text is still what the step left: an edit made
    elsewhere meanwhile is never overwritten (the step is refused, and leaves
    the stack).
    """

    def __init__(
        self, context: EditContext, text: str, article_id: int, *, result: SaveResult | None = None
    ) -> None:
        super().__init__(context, text, [article_id], done=result is not None)
        self.article_id = article_id
        self.after_revision: int | None = None
        self.before_revision: int | None = None
        if result is not None:
            self.applied(result)

    def change(self, session: Session) -> SaveResult:
        """Make the change the first time; return the service's SaveResult."""
        raise NotImplementedError

    def apply(self, session: Session) -> SaveResult:
        from reader.services.review import restore_checked
        from reader.services.tracking.revisions import TrackingError

        if self.after_revision is None:
            result = self.change(session)
            if result.revision_id is None:
                raise TrackingError(QCoreApplication.translate("Undo", "There was nothing to change."))
            return result
        assert self.before_revision is not None
        return restore_checked(
            session, self.after_revision, expected_revision=self.before_revision, author=self.author
        )

    def revert(self, session: Session) -> SaveResult:
        from reader.services.review import preceding_revision, restore_checked

        assert self.after_revision is not None
        if self.before_revision is None:
            self.before_revision = preceding_revision(session, self.after_revision)
        return restore_checked(
            session, self.before_revision, expected_revision=self.after_revision, author=self.author
        )

    def applied(self, value: object) -> None:
        from reader.services.tracking.saving import SaveResult

        assert isinstance(value, SaveResult)
        if self.after_revision is None:
            self.after_revision = value.revision_id

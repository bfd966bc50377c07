"""Restoring a backup, as a step on the undo stack: "Restore Backup “name”".

A restore replaces the library's file (it is not a transaction on the
library but a new file: the library is closed, swapped and opened again), so
it runs through a :class:`Restorer` (the window's data safety) rather than as
an :data:`~reader.core.op_changes.Operation`; like every step it saves
unsaved typing first, keeps other steps waiting while it runs, reports a
failure (the step then leaves the stack) and tells every view what changed.

The first restore is made by the Backups dialog and pushed as made: it backed
the library up first (reason ``pre-restore``).  Undo restores that backup;
redo restores the chosen backup again.  Every step pushed before the restore
names articles and issues of the library as it was, so the stack is cleared
when the restore is pushed: a restore is the oldest step that can be undone.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import shiboken6
from PySide6.QtGui import QUndoCommand

from reader.core.op_changes import OpChanges
from reader.gui.i18n import Context
from reader.gui.undo import EditRefused

if TYPE_CHECKING:
    from db.backup import Restored
    from reader.gui.undo import EditContext

RestoreCommandText = Context("RestoreCommand")

RESTORED = OpChanges.of(
    text=True, status=True, tags=True, notes=True, structure=True, rules=True, issues=True
)
"""What a restore may change: anything (the views read the library anew)."""


class Restorer(Protocol):
    """Who replaces the library's file with a backup and opens it again (the window's data safety)."""

    def restore_backup(
        self,
        backup: Path,
        *,
        keep: Sequence[Path] = (),
        done: Callable[[Restored], None] | None = None,
        failed: Callable[[BaseException], None] | None = None,
    ) -> object | None:
        """Start restoring ``backup`` (None: it cannot be started now); ``keep``: backups rotation spares.

        ``done`` is called once the restored library is open again, ``failed`` when it could not be restored.
        """
        ...


class RestoreCommand(QUndoCommand):
    """A backup restored (see the module): redo restores ``backup``, undo restores ``pre_restore``."""

    def __init__(
        self, context: EditContext, restorer: Restorer, backup: Path, pre_restore: Path, name: str
    ) -> None:
        text = RestoreCommandText.tr("Restore Backup “%1”").replace("%1", name)
        super().__init__(text)
        self.context = context
        self.label = text
        self.restorer = restorer
        self.backup = backup
        self.pre_restore = pre_restore
        self._made = True  # pushed once the first restore is done: the push does not restore again

    # QUndoCommand
    def redo(self) -> None:
        if self._made:
            self._made = False
            return
        self._step(self.backup)

    def undo(self) -> None:
        self._step(self.pre_restore)

    # running
    def _step(self, backup: Path) -> None:
        if self.context.busy:
            self.context.when_idle(lambda: self._run(backup))
        else:
            self._run(backup)

    def _run(self, backup: Path) -> None:
        context = self.context
        try:
            context.writable_library()
            if not context.flush(inside_step=True):
                raise EditRefused(
                    RestoreCommandText.tr(
                        "Unsaved typing in the editor could not be saved first; nothing was restored."
                    )
                )
        except EditRefused as error:
            self._failed(error)
            return
        context.hold(True)  # other steps wait, Undo and Redo are disabled, until it is open again
        started = self.restorer.restore_backup(
            backup, keep=[self.backup, self.pre_restore], done=self._done, failed=self._failed_held
        )
        if started is None:
            context.hold(False)
            self._failed(
                RestoreCommandText.tr("Another restore is under way, or this library is not a file.")
            )

    def _done(self, _restored: Restored) -> None:
        self.context.hold(False)
        self.context.announce(RESTORED, self)

    def _failed_held(self, error: BaseException) -> None:
        self.context.hold(False)
        self._failed(error)

    def _failed(self, error: BaseException | str) -> None:
        if shiboken6.isValid(self):
            self.setObsolete(True)  # dropped from the stack at once, or when next reached
        self.context.report(self.label, error)


def push_restore(
    context: EditContext, restorer: Restorer, backup: Path, pre_restore: Path, name: str
) -> RestoreCommand:
    """Push a restore just made as the only step (the steps before it name the library as it was)."""
    context.stack.clear()
    command = RestoreCommand(context, restorer, backup, pre_restore, name)
    context.stack.push(command)
    context.announce(RESTORED, command)
    return command


__all__ = ["RESTORED", "RestoreCommand", "Restorer", "push_restore"]

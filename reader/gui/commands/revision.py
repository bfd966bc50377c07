"""A change of one article's text as an undoable step, undone and redone by restoring revisions.

Subclasses make the change in ``change`` (the first run); pass ``result``
for a change already saved, or ``pending=True`` for typing saved later
(:meth:`RevisionCommand.complete`).  Undo restores the revision before the
change and redo the one it made, each as a new revision, and only while the
article's text is still what the step left: an edit made elsewhere meanwhile
is never overwritten (the step is refused, and leaves the stack).  See
``reader.services.operations.revision_operation``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from reader.gui.commands.operation import OperationCommand
from reader.gui.undo import EditContext

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from reader.services.tracking.saving import SaveResult


class RevisionCommand(OperationCommand):
    """One article's text changed by ``change``; undo and redo restore revisions."""

    def __init__(
        self,
        context: EditContext,
        text: str,
        article_id: int,
        *,
        result: SaveResult | None = None,
        pending: bool = False,
    ) -> None:
        from reader.services.operations import revision_done, revision_operation

        author = context.author()
        nothing = QCoreApplication.translate("Undo", "There was nothing to change.")
        super().__init__(
            context,
            text,
            revision_operation(lambda session: self.change(session), author=author, nothing=nothing),
            done=None if result is None else revision_done(result, author=author),
            pending=pending,
        )
        self.article_id = article_id

    def change(self, session: Session) -> SaveResult:
        """Make the change the first time; return the service's SaveResult."""
        raise NotImplementedError

    def complete(self, result: SaveResult) -> None:
        """The change (pending until now) was saved as ``result``."""
        from reader.services.operations import revision_done

        self.made(revision_done(result, author=self.context.author()))


__all__ = ["RevisionCommand"]

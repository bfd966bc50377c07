"""A structure edit as an undoable step: the service edit first, then the undo records it returns.

:class:`StructureCommand` runs any edit of ``reader.services.segmentation_edits``
or ``reader.services.structure_edits`` (a function of the session returning an
``EditResult``); undo runs ``undo_edit`` with the record the edit returned, and
redo the record the undo returned, so a chain of steps undone and redone in
order restores the structure exactly.  After each step the articles it touched
(and the one it started from, which a merge may delete) are told to every view
(``EditContext.changed``), and ``after`` (when given) gets the result.  It
needs only an :class:`~reader.gui.undo.EditContext`: tests push it on a bare
QUndoStack.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from reader.gui.undo import EditContext, ServiceCommand

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from reader.services.segmentation_rows import EditResult, Undo

EditStep = Callable[["Session"], "EditResult"]


def reload_tag_counts(window: object) -> None:
    """Have the window read its tags' article counts again (a merge or split changes them)."""
    tagging = getattr(window, "tagging", None)
    reload = getattr(tagging, "reload_tags", None)
    if callable(reload):
        reload()


class StructureCommand(ServiceCommand):
    """One structure edit on an undo stack (see the module)."""

    def __init__(
        self,
        context: EditContext,
        text: str,
        article_ids: Iterable[int],
        edit: EditStep,
        after: Callable[[EditResult], None] | None = None,
    ) -> None:
        super().__init__(context, text, article_ids)
        self._origin = frozenset(article_ids)
        self._edit = edit
        self._after = after
        self._undo: Undo | None = None  # reverses the edit
        self._redo: Undo | None = None  # makes it again, once undone

    def apply(self, session: Session) -> EditResult:
        from reader.services.segmentation_edits import undo_edit

        if self._redo is None:
            return self._edit(session)
        return undo_edit(session, self._redo, author=self.author)

    def revert(self, session: Session) -> EditResult:
        from reader.services.segmentation_edits import undo_edit

        assert self._undo is not None
        return undo_edit(session, self._undo, author=self.author)

    def applied(self, value: object) -> None:
        from reader.services.segmentation_rows import EditResult

        assert isinstance(value, EditResult)
        self._undo = value.undo
        self._touched(value)

    def reverted(self, value: object) -> None:
        from reader.services.segmentation_rows import EditResult

        assert isinstance(value, EditResult)
        self._redo = value.undo
        self._touched(value)

    def _touched(self, result: EditResult) -> None:
        """Views are told of these articles next (and ``after`` gets the result)."""
        self.article_ids = self._origin | frozenset(result.articles)
        if self._after is not None:
            self._after(result)

"""Every tag change as one :class:`~reader.gui.commands.OperationCommand` on the window's undo stack.

:class:`TagEditor` is what the tag pane, the tag browser and the bulk dialog
call: it makes the change with a service function of
:mod:`reader.services.tagging` in one short write transaction on the GUI
thread (small indexed writes), then pushes it already done
(``done=``); undo calls the service's ``record.undo`` and redo runs the
function again.  After each of these ``changed`` carries a
:class:`TagChange`, so every view reloads what it shows.  Errors of the
first run (a name taken, a cycle, a read-only library) reach the caller as
:class:`~reader.core.errors.JiaokanError` and push nothing; a failed undo
or redo is reported through the window's :class:`~reader.gui.undo.EditContext`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol, cast

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from reader.core.op_changes import OpChanges, OpOutput
from reader.gui.commands import OperationCommand
from reader.gui.undo import EditContext, write

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from db.engine import Library

log = logging.getLogger(__name__)


class Record(Protocol):
    """What every tagging service change returns."""

    def undo(self, session: Session) -> None: ...


Apply = Callable[["Session", str], Record]
"""Makes a change (session, author) and returns its record."""


@dataclass(frozen=True, slots=True)
class TagChange:
    """What a change (or its undo) touched.

    ``article_ids``: articles that gained or lost tags (or a dismissed
    suggestion); ``structure``: tags were merged or deleted (every view
    reloads).  Any change may rename, recolour or move tags: tag lists
    always reload.
    """

    article_ids: frozenset[int] = frozenset()
    structure: bool = False


@dataclass(frozen=True, slots=True)
class _Dismissal:
    article_id: int
    name: str

    def undo(self, session: Session) -> None:
        from reader.services.tag_suggesting import undismiss_suggestion

        undismiss_suggestion(session, self.article_id, self.name)


def op_changes(change: TagChange) -> OpChanges:
    """A tag change in the window's one change model."""
    return OpChanges.of(change.article_ids, tags=True)


class TagCommand(OperationCommand):
    """One tag change, pushed already made: undo restores it, redo makes it again (``record_operation``)."""

    def __init__(
        self,
        editor: TagEditor,
        text: str,
        apply: Apply,
        record: Record,
        change: Callable[[Record], TagChange],
    ) -> None:
        from reader.services.operations import record_done, record_operation

        author = editor.context().author()

        def changes(made: Record) -> OpChanges:
            return op_changes(change(made))

        redo = record_operation(lambda session: apply(session, author), changes)
        super().__init__(editor.context(), text, redo, done=record_done(record, redo, changes))
        self._editor = editor
        self._change = change

    def finished(self, output: OpOutput, undone: bool) -> None:
        self._editor.notify(self._change(cast(Record, output.value)))


class TagEditor(QObject):
    """Changes tags through the services, one undoable command per change."""

    changed = Signal(object)  # TagChange

    def __init__(self, context: EditContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._context = context

    # plumbing
    @property
    def stack(self) -> QUndoStack:
        return self._context.stack

    def context(self) -> EditContext:
        """The window's edit context."""
        return self._context

    def library(self) -> Library:
        library = self._context.library()
        if library is None:
            raise RuntimeError("the library is not open")
        return library

    def notify(self, change: TagChange) -> None:
        self.changed.emit(change)

    def _push(
        self, text: str, apply: Apply, change: Callable[[Record], TagChange], *, only_if_changed: bool = False
    ) -> Record:
        context = self.context()
        library = context.writable_library()  # EditRefused (a JiaokanError) when read-only
        context.flush()
        author = context.author()
        record = write(library, lambda session: apply(session, author))  # errors reach the caller
        if only_if_changed and not change(record).article_ids:
            return record  # nothing was tagged or untagged: no step to undo
        command = TagCommand(self, text, apply, record, change)
        self.stack.push(command)
        self.notify(change(record))
        context.announce(op_changes(change(record)), command)
        return record

    def push(
        self, text: str, apply: Apply, change: Callable[[Record], TagChange], *, only_if_changed: bool = False
    ) -> Record:
        """Make any tagging change (rules, aliases) as one undoable command; errors reach the caller.
        With ``only_if_changed``, a change that tagged or untagged no article is no step."""
        return self._push(text, apply, change, only_if_changed=only_if_changed)

    # changes
    def add(
        self,
        article_ids: Iterable[int],
        name: str,
        *,
        kind: str | None = None,
        from_suggestion: bool = False,
    ) -> Record:
        """Tag articles with ``name`` (created with ``kind`` if new)."""
        from reader.services.tagging import AddResult, add_tag

        ids = list(article_ids)

        def apply(session: Session, author: str) -> Record:
            return add_tag(session, ids, name, kind=kind, author=author, from_suggestion=from_suggestion)

        def change(record: Record) -> TagChange:
            assert isinstance(record, AddResult)
            return TagChange(frozenset(record.added))

        text = self.tr("Add Tag “%1”").replace("%1", name)
        if len(ids) > 1:
            text = self.tr("Add Tag “%1” to %n Article(s)", "", len(ids)).replace("%1", name)
        return self._push(text, apply, change)

    def remove(self, article_ids: Iterable[int], tag_id: int, name: str = "") -> Record:
        """Take a tag off articles."""
        from reader.services.tagging import RemoveResult, remove_tag

        ids = list(article_ids)

        def change(record: Record) -> TagChange:
            assert isinstance(record, RemoveResult)
            return TagChange(frozenset(link.article_id for link in record.removed))

        text = self.tr("Remove Tag “%1”").replace("%1", name) if name else self.tr("Remove Tag")
        if len(ids) > 1:
            text = self.tr("Remove Tag “%1” from %n Article(s)", "", len(ids)).replace("%1", name)
        return self._push(text, lambda session, _author: remove_tag(session, ids, tag_id), change)

    def rename(self, tag_id: int, new_name: str) -> Record:
        """Rename a tag (TagExistsError when another tag has the name)."""
        from reader.services.tagging import rename_tag

        return self._push(
            self.tr("Rename Tag to “%1”").replace("%1", new_name),
            lambda session, _author: rename_tag(session, tag_id, new_name),
            lambda _record: TagChange(),
        )

    def merge(self, source_id: int, target_id: int, target_name: str = "") -> Record:
        """Merge one tag into another (the source is deleted)."""
        from reader.services.tagging import MergeResult, merge_tags

        def change(record: Record) -> TagChange:
            assert isinstance(record, MergeResult)
            ids = frozenset(link.article_id for link in record.moved + record.collapsed)
            return TagChange(ids, structure=True)

        return self._push(
            self.tr("Merge Tag into “%1”").replace("%1", target_name),
            lambda session, _author: merge_tags(session, source_id, target_id),
            change,
        )

    def delete(self, tag_id: int, name: str = "") -> Record:
        """Delete a tag from every article."""
        from reader.services.tagging import DeleteResult, delete_tag

        def change(record: Record) -> TagChange:
            assert isinstance(record, DeleteResult)
            return TagChange(frozenset(link.article_id for link in record.links), structure=True)

        return self._push(
            self.tr("Delete Tag “%1”").replace("%1", name),
            lambda session, _author: delete_tag(session, tag_id),
            change,
        )

    def set_kind(self, tag_id: int, kind: str) -> Record:
        from reader.services.tagging import set_kind

        return self._push(
            self.tr("Change Tag Kind"),
            lambda session, _author: set_kind(session, tag_id, kind),
            lambda _r: TagChange(),
        )

    def set_parent(self, tag_id: int, parent_id: int | None) -> Record:
        """Place a tag under another (None: at the top); TagCycleError for a cycle."""
        from reader.services.tagging import set_parent

        return self._push(
            self.tr("Change Tag Parent"),
            lambda session, _author: set_parent(session, tag_id, parent_id),
            lambda _r: TagChange(),
        )

    def set_colour(self, tag_id: int, colour: str | None) -> Record:
        from reader.services.tagging import set_colour

        return self._push(
            self.tr("Change Tag Colour"),
            lambda session, _author: set_colour(session, tag_id, colour),
            lambda _r: TagChange(),
        )

    def dismiss(self, article_id: int, name: str) -> Record:
        """Never suggest ``name`` for this article again (until undone)."""
        from reader.services.tag_suggesting import dismiss_suggestion

        def apply(session: Session, _author: str) -> Record:
            dismiss_suggestion(session, article_id, name)
            return _Dismissal(article_id, name)

        return self._push(
            self.tr("Dismiss Suggestion “%1”").replace("%1", name),
            apply,
            lambda _r: TagChange(frozenset({article_id})),
        )

"""What the proofreading features share: undoable edits on the window's stack, and refreshing views.

An :class:`EditCommand` is pushed already done: :meth:`Editing.execute` runs
its first change in one write transaction (a few small indexed writes, on
the GUI thread) and pushes it only when that succeeded, so an error (a
:class:`~reader.core.errors.JiaokanError` such as a SegmentationError) is
shown and nothing lands on the stack.  Work too long for the GUI thread
(accept-all over the library) runs through the task runner first and is
pushed with :meth:`Editing.push_done`.  Undo and redo run the command's
services in one write transaction each; one that fails is reported and the
command dropped from the stack (the library is left as it was).  After
every change the library pane rows and the reading pane are refreshed and
``changed`` tells the panes.
"""

from __future__ import annotations

import getpass
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QMessageBox

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from db.engine import Library
    from reader.gui.main_window import MainWindow

T = TypeVar("T")
log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Touched:
    """What a change touched: issues, articles, and whether their text and structure stayed the same."""

    issue_ids: frozenset[int] = frozenset()
    article_ids: frozenset[int] = frozenset()
    text_unchanged: bool = False

    @classmethod
    def of(
        cls, issue_ids: Iterable[int], article_ids: Iterable[int], *, text_unchanged: bool = False
    ) -> Touched:
        return cls(frozenset(issue_ids), frozenset(article_ids), text_unchanged)


def author_name() -> str:
    """Who changes are recorded as: the user's login name."""
    try:
        return getpass.getuser() or "gui"
    except (KeyError, OSError):
        return "gui"


def undo_stack(window: MainWindow) -> QUndoStack:
    """The window's one undo stack (made here when the window has none yet)."""
    stack = getattr(window, "undo_stack", None)
    if isinstance(stack, QUndoStack):
        return stack
    stack = QUndoStack(window)
    stack.setObjectName("undoStack")
    setattr(window, "undo_stack", stack)  # noqa: B010  (the window may not declare it)
    return stack


class EditCommand(QUndoCommand):
    """An edit pushed already done; :meth:`apply` repeats it, :meth:`revert` reverses it."""

    def __init__(self, editing: Editing, text: str) -> None:
        super().__init__(text)
        self.editing = editing
        self._skip_redo = False

    def apply(self, session: Session) -> Touched:
        """Make the change (first time and redo) in the write transaction given."""
        raise NotImplementedError

    def revert(self, session: Session) -> Touched:
        """Reverse the change in the write transaction given."""
        raise NotImplementedError

    def redo(self) -> None:
        if self._skip_redo:  # pushed already done
            self._skip_redo = False
            return
        self.editing.run(self, self.apply)

    def undo(self) -> None:
        self.editing.run(self, self.revert)


class Editing(QObject):
    """The proofreading features' way to change the library: commands, errors, view refresh."""

    changed = Signal(object)  # Touched, after every change, undo or redo
    failed = Signal(str)  # an error already shown to the user

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("editing")
        self.window = window
        self.author = author_name()
        self.busy = False  # a background edit is running: no other edit starts meanwhile

    @property
    def stack(self) -> QUndoStack:
        return undo_stack(self.window)

    def library(self) -> Library:
        library = self.window.library
        if library is None:
            raise RuntimeError(self.tr("The library is not open yet."))
        return library

    def write(self, work: Callable[[Session], T]) -> T:
        """Run ``work`` in one write transaction (committed on success, rolled back on error)."""
        with self.library().writing() as session:
            return work(session)

    # commands
    def can_write(self) -> bool:
        """Whether a change may start now (says why not in the status bar)."""
        if getattr(self.window, "read_only", False):
            message = self.tr("The library is read-only: nothing can be changed.")
        elif self.busy:
            message = self.tr("Wait for the change under way to finish.")
        elif self.window.library is None:
            message = self.tr("The library is not open yet.")
        else:
            return True
        self.window.statusBar().showMessage(message, 5000)
        return False

    def execute(self, command: EditCommand) -> bool:
        """Make a command's change and push it; an error is shown and nothing is pushed."""
        if not self.can_write():
            return False
        try:
            touched = self.write(command.apply)
        except Exception as error:  # any failure is shown, none is lost
            self.show_error(self.tr("The Change Was Not Made"), error)
            return False
        self.push_done(command, touched)
        return True

    def push_done(self, command: EditCommand, touched: Touched) -> None:
        """Push a command whose change is already made (in the background, say) and refresh views."""
        command._skip_redo = True
        self.stack.push(command)
        self.refresh(touched)

    def run(self, command: EditCommand, work: Callable[[Session], Touched]) -> None:
        """Undo or redo a command; a failure is shown and the command leaves the stack."""
        try:
            touched = self.write(work)
        except Exception as error:
            command.setObsolete(True)
            self.show_error(self.tr("Undo or Redo Failed"), error)
            return
        self.refresh(touched)

    def show_error(self, title: str, error: BaseException | str) -> None:
        """Tell the user what went wrong (a window-modal box that does not block)."""
        text = str(error)
        log.warning("%s: %s", title, text)
        box = QMessageBox(
            QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Close, self.window
        )
        box.setObjectName("editErrorBox")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        box.open()
        self.failed.emit(text)

    # views
    def refresh(self, touched: Touched) -> None:
        """Bring the library pane and reading pane in step with a change, then tell the panes."""
        if not touched.text_unchanged and self.window.library is not None:
            self._refresh_library_pane(touched)
            self._refresh_reading_pane(touched)
        self.changed.emit(touched)

    def _refresh_library_pane(self, touched: Touched) -> None:
        from reader.services.browsing import article_rows, issue_row

        model = self.window.library_model
        issue_ids = set(touched.issue_ids)
        for issue_id in model.issue_ids():  # text edits change titles of the issues listed so far
            fetched = model.fetched_articles(issue_id)
            if fetched and any(a.id in touched.article_ids for a in fetched):
                issue_ids.add(issue_id)
        with self.library().session() as session:
            for issue_id in sorted(issue_ids):
                row = issue_row(session, issue_id)
                if row is not None:
                    fetched = model.fetched_articles(issue_id)
                    model.refresh_issue(row, article_rows(session, issue_id) if fetched is not None else None)
        update_size = getattr(self.window, "_update_size_label", None)
        if callable(update_size):
            update_size()

    def _refresh_reading_pane(self, touched: Touched) -> None:
        from db.models import Article

        view = self.window.reading_view
        issue_id = view.issue_id
        if issue_id is None:
            return
        article_id = view.article_id
        if article_id is None:  # an issue page: its leftovers may have changed
            if issue_id in touched.issue_ids:
                self.window.open_issue(issue_id)
            return
        if issue_id not in touched.issue_ids and article_id not in touched.article_ids:
            return
        with self.library().session() as session:
            exists = session.get(Article, article_id) is not None
            if not exists:  # merged away: show an article the change left
                candidates = sorted(touched.article_ids)
                article_id = next((a for a in candidates if session.get(Article, a) is not None), 0)
        if not article_id:
            self.window.open_issue(issue_id)
            return
        bar = view.verticalScrollBar()
        scroll, position = bar.value(), view.textCursor().position()
        self.window.open_article(issue_id, article_id)
        if exists:  # the same article again: keep the reader's place
            cursor = view.textCursor()
            cursor.setPosition(min(position, max(0, view.document().characterCount() - 1)))
            view.setTextCursor(cursor)
            bar.setValue(scroll)

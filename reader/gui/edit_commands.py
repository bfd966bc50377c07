"""What the proofreading panes share: the window's edit context, pushing commands, refreshing views.

Commands are :class:`reader.gui.undo.ServiceCommand`\\ s on the window's one
undo stack, run through the window's :class:`~reader.gui.undo.EditContext`
(``window.proofreading.context``, which also keeps the library pane and the
reading pane in step after every change).  Until the window has one, one is
made here on ``window.undo_stack``, and then :class:`Editing` itself brings
the library pane's rows and the reading pane in step after each step.
:class:`Editing` pushes commands, shows a step of its own that failed, and
tells the panes (``refreshed``) which articles a step changed.
"""

from __future__ import annotations

import getpass
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QTextCursor, QUndoStack
from PySide6.QtWidgets import QMessageBox, QTextEdit

from reader.gui.undo import EditContext, ServiceCommand, write

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from db.engine import Library
    from reader.gui.main_window import MainWindow

T = TypeVar("T")
log = logging.getLogger(__name__)


def author_name() -> str:
    """Who changes are recorded as when the window does not say: the user's login name."""
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


def _text_editor(window: MainWindow) -> QTextEdit | None:
    """The article editor, when edit mode shows the article of the reading pane (else None)."""
    pane = getattr(getattr(window, "proofreading", None), "editor_pane", None)
    editor = getattr(pane, "editor", None)
    if pane is None or not isinstance(editor, QTextEdit) or window.stack.currentWidget() is not pane:
        return None
    shown = window.reading_view.article_id
    return editor if shown is not None and getattr(pane, "article_id", None) == shown else None


def cursor_place(window: MainWindow) -> tuple[int, int] | None:
    """(block index, offset) of the cursor in the editor when editing, else in the reading pane."""
    editor = _text_editor(window)
    if editor is None:
        return window.reading_view.block_at()
    cursor = editor.textCursor()
    return cursor.blockNumber(), cursor.positionInBlock()


def selected_span(window: MainWindow) -> tuple[int, int, int] | None:
    """(block index, start, end) of a selection within one block, in the editor or the reading pane."""
    editor = _text_editor(window)
    if editor is None:
        return window.reading_view.selected_span()
    cursor = editor.textCursor()
    if not cursor.hasSelection():
        return None
    document = editor.document()
    first = document.findBlock(cursor.selectionStart())
    last = document.findBlock(cursor.selectionEnd())
    if first.blockNumber() != last.blockNumber():
        return None
    return (
        first.blockNumber(),
        cursor.selectionStart() - first.position(),
        cursor.selectionEnd() - first.position(),
    )


def show_span(window: MainWindow, index: int, start: int, end: int, *, select: bool = True) -> bool:
    """Scroll to a span of a block's stored text (selected, or the cursor put at its start), in the
    editor when editing, else in the reading pane."""
    editor = _text_editor(window)
    if editor is None:
        view = window.reading_view
        if select:
            return view.select_span(index, start, end)
        found = view.document_range(index, start, end)
        if found is None:
            return False
        cursor = QTextCursor(view.document())
        cursor.setPosition(found[0])
        view.setTextCursor(cursor)
        view.ensureCursorVisible()
        return True
    block = editor.document().findBlockByNumber(index)
    if not block.isValid():
        return False
    size = block.length() - 1
    cursor = QTextCursor(block)
    cursor.setPosition(block.position() + min(start, size))
    if select:
        cursor.setPosition(block.position() + min(end, size), QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    editor.ensureCursorVisible()
    return True


class Editing(QObject):
    """The proofreading panes' way to change the library: push commands, show failures, refresh views."""

    refreshed = Signal(object)  # the article ids a step changed (a frozenset), once the views show it
    busy_changed = Signal(bool)  # a background step started or ended

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("editing")
        self.window = window
        self._fallback: EditContext | None = None
        self._watched: set[int] = set()
        self._failures: list[str] | None = None  # collected while a push runs

    # the context
    @property
    def context(self) -> EditContext:
        """The window's edit context (its own when it has one; else one made here, once)."""
        owner = getattr(self.window, "proofreading", None)
        context = getattr(owner, "context", None)
        if not isinstance(context, EditContext):
            if self._fallback is None:
                window = self.window
                self._fallback = EditContext(
                    undo_stack(window),
                    window.runner,
                    lambda: window.library,
                    author_name,
                    lambda: bool(getattr(window, "read_only", False)),
                    parent=self,
                )
            context = self._fallback
        if id(context) not in self._watched:
            self._watched.add(id(context))
            context.changed.connect(lambda ids, c=context: self._on_changed(c, ids))
            context.failed.connect(lambda what, why, c=context: self._on_failed(c, what, why))
            context.busy_changed.connect(self.busy_changed)
        return context

    @property
    def author(self) -> str:
        return self.context.author()

    @property
    def busy(self) -> bool:
        """True while a background step runs."""
        return self.context.busy

    def library(self) -> Library:
        library = self.window.library
        if library is None:
            raise RuntimeError(self.tr("The library is not open yet."))
        return library

    def can_write(self) -> bool:
        """Whether a change may start now (says why not in the status bar)."""
        context = self.context
        if self.window.library is None:
            message = self.tr("The library is not open yet.")
        elif context.read_only():
            message = self.tr("The library is open read-only: nothing can be changed.")
        elif context.busy:
            message = self.tr("Wait for the change under way to finish.")
        else:
            return True
        self.window.statusBar().showMessage(message, 5000)
        return False

    def write(self, work: Callable[[Session], T]) -> T:
        """Run ``work`` in one write transaction now (for changes that are not undoable steps)."""
        return write(self.context.writable_library(), work)

    # commands
    def push(self, command: ServiceCommand) -> bool:
        """Push a command (its first step runs now, or in the background); False when it failed at once."""
        if not self.can_write():
            return False
        if not self.context.flush():  # save pending typing first, so the step starts from it
            return False
        self._failures = []
        try:
            self.context.stack.push(command)
        finally:
            failures, self._failures = self._failures, None
        return not failures

    def _on_failed(self, context: EditContext, what: str, why: str) -> None:
        if self._failures is not None:
            self._failures.append(why)
        elif context is not self._fallback:
            return  # a background step on the window's context: the window reports it
        self.show_error(what, why)

    def show_error(self, title: str, error: BaseException | str) -> None:
        """Tell the user what could not be done (a window-modal box that does not block)."""
        text = str(error)
        log.warning("%s: %s", title, text)
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Not Changed"),
            self.tr("%1 could not be done:\n\n%2").replace("%1", title).replace("%2", text),
            QMessageBox.StandardButton.Close,
            self.window,
        )
        box.setObjectName("editErrorBox")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        box.open()

    # views
    def _on_changed(self, context: EditContext, article_ids: object) -> None:
        assert isinstance(article_ids, frozenset)
        if context is self._fallback:  # else the window's proofreading keeps its views in step
            self.refresh(article_ids)
        self.refreshed.emit(article_ids)

    def show_surviving_article(self, article_ids: frozenset[int]) -> None:
        """When the article shown was merged away, show the first of these that still exists."""
        from reader.services.review import article_states

        view = self.window.reading_view
        issue_id, article_id = view.issue_id, view.article_id
        if self.window.library is None or issue_id is None or article_id is None:
            return
        with self.library().session() as session:
            states = article_states(session, {article_id, *article_ids})
        if article_id in states:
            return
        left = [state.id for _, state in sorted(states.items()) if state.issue_id == issue_id]
        if left:
            self.window.open_article(issue_id, left[0])
        else:
            self.window.open_issue(issue_id)

    def refresh(self, article_ids: frozenset[int]) -> None:
        """Bring the library pane and the reading pane in step with a change of these articles."""
        if article_ids and self.window.library is not None:
            shown_deleted = self._refresh_library_pane(article_ids)
            self._refresh_reading_pane(article_ids, shown_deleted)

    def _refresh_library_pane(self, article_ids: frozenset[int]) -> bool:
        """Reload the rows of the issues these articles are in; True when the article shown is gone."""
        from reader.services.browsing import article_rows, issue_row
        from reader.services.review import article_states

        model = self.window.library_model
        view = self.window.reading_view
        with self.library().session() as session:
            states = article_states(session, article_ids)
            issue_ids = {state.issue_id for state in states.values()}
            shown_deleted = view.article_id is not None and view.article_id in article_ids - states.keys()
            if shown_deleted and view.issue_id is not None:
                issue_ids.add(view.issue_id)
            for issue_id in sorted(issue_ids):
                row = issue_row(session, issue_id)
                if row is not None:
                    fetched = model.fetched_articles(issue_id) is not None
                    model.refresh_issue(row, article_rows(session, issue_id) if fetched else None)
        update_size = getattr(self.window, "_update_size_label", None)
        if callable(update_size):
            update_size()
        return shown_deleted

    def _refresh_reading_pane(self, article_ids: frozenset[int], shown_deleted: bool) -> None:
        view = self.window.reading_view
        issue_id, article_id = view.issue_id, view.article_id
        if issue_id is None:
            return
        if article_id is None:  # an issue page: its leftovers may have changed
            self.window.open_issue(issue_id)
        elif shown_deleted:
            self.show_surviving_article(article_ids)
        elif article_id in article_ids:  # laid out again where the reader was
            bar = view.verticalScrollBar()
            scroll, position = bar.value(), view.textCursor().position()
            self.window.open_article(issue_id, article_id)
            cursor = view.textCursor()
            cursor.setPosition(min(position, max(0, view.document().characterCount() - 1)))
            view.setTextCursor(cursor)
            bar.setValue(scroll)

"""What the proofreading panes share: the workbench's edit context, pushing commands, the cursor.

Commands are :class:`reader.gui.commands.OperationCommand`\\ s on the window's one
undo stack, run through the workbench's :class:`~reader.gui.undo.EditContext`;
every view follows what they change through
``Workbench.operation_did_execute``.  :class:`Editing` pushes commands and
shows a step of its own that failed; the functions below find the cursor and
the selection in the editor (when editing) or the reading pane.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QTextEdit

from reader.gui.commands import OperationCommand
from reader.gui.undo import EditContext
from reader.gui.workbench import Workbench

if TYPE_CHECKING:
    from db.engine import Library

log = logging.getLogger(__name__)


def _text_editor(wb: Workbench) -> QTextEdit | None:
    """The article editor, when edit mode shows the article shown (else None)."""
    from reader.gui.proofreading import Proofreading

    proofreading = wb.feature(Proofreading)
    if proofreading is None:
        return None
    pane = proofreading.editor_pane
    if wb.panes.stack.currentWidget() is not pane:
        return None
    shown = wb.navigator.article_id
    return pane.editor if shown is not None and pane.article_id == shown else None


def cursor_place(wb: Workbench) -> tuple[int, int] | None:
    """(block index, offset) of the cursor in the editor when editing, else in the reading pane."""
    editor = _text_editor(wb)
    if editor is None:
        return wb.panes.reading_view.block_at()
    cursor = editor.textCursor()
    return cursor.blockNumber(), cursor.positionInBlock()


def editor_blocks(wb: Workbench) -> list[tuple[str, int]] | None:
    """(role, length) of each block in the editor when editing the article shown, else None.

    The editor holds the article as it is now: the reading pane is laid out again only when edit mode
    ends, so after a structure edit its blocks are those of before."""
    from reader.gui.article_text_edit import ArticleEditor

    editor = _text_editor(wb)
    if not isinstance(editor, ArticleEditor):
        return None
    document = editor.document()
    return [(role, document.findBlockByNumber(n).length() - 1) for n, role in enumerate(editor.roles)]


def selected_span(wb: Workbench) -> tuple[int, int, int] | None:
    """(block index, start, end) of a selection within one block, in the editor or the reading pane."""
    editor = _text_editor(wb)
    if editor is None:
        return wb.panes.reading_view.selected_span()
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


def show_span(wb: Workbench, index: int, start: int, end: int, *, select: bool = True) -> bool:
    """Scroll to a span of a block's stored text (selected, or the cursor put at its start), in the
    editor when editing, else in the reading pane."""
    editor = _text_editor(wb)
    if editor is None:
        view = wb.panes.reading_view
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
    """The proofreading panes' way to change the library: push commands, show failures."""

    busy_changed = Signal(bool)  # a background step started or ended

    def __init__(self, workbench: Workbench) -> None:
        super().__init__(workbench)
        self.setObjectName("editing")
        self.wb = workbench
        self.context: EditContext = workbench.edit
        self._failures: list[str] | None = None  # collected while a push runs
        self.context.failed.connect(self._on_failed)
        self.context.busy_changed.connect(self.busy_changed)

    @property
    def author(self) -> str:
        return self.context.author()

    @property
    def busy(self) -> bool:
        """True while a background step runs."""
        return self.context.busy

    def library(self) -> Library:
        library = self.wb.library
        if library is None:
            raise RuntimeError(self.tr("The library is not open yet."))
        return library

    def can_write(self) -> bool:
        """Whether a change may start now (says why not in the status bar)."""
        context = self.context
        if self.wb.library is None:
            message = self.tr("The library is not open yet.")
        elif context.read_only():
            message = self.tr("The library is open read-only: nothing can be changed.")
        elif context.busy:
            message = self.tr("Wait for the change under way to finish.")
        else:
            return True
        self.wb.messages.status(message, 5000)
        return False

    # commands
    def push(self, command: OperationCommand) -> bool:
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

    def _on_failed(self, what: str, why: str) -> None:
        if self._failures is None:
            return  # a background step: the proofreading reports it
        self._failures.append(why)
        self.show_error(what, why)

    def show_error(self, title: str, error: BaseException | str) -> None:
        """Tell the user what could not be done (a window-modal box that does not block)."""
        text = str(error)
        log.warning("%s: %s", title, text)
        self.wb.messages.error(
            self.tr("Not Changed"),
            self.tr("%1 could not be done:\n\n%2").replace("%1", title).replace("%2", text),
            "editErrorBox",
        )

    # views
    def show_surviving_article(self, article_ids: frozenset[int]) -> None:
        """When the article shown was merged away, show the first of these that still exists."""
        from reader.services.review import article_states

        navigator = self.wb.navigator
        issue_id, article_id = navigator.issue_id, navigator.article_id
        if self.wb.library is None or issue_id is None or article_id is None:
            return
        with self.wb.session() as session:
            states = article_states(session, {article_id, *article_ids})
        if article_id in states:
            return
        left = [state.id for _, state in sorted(states.items()) if state.issue_id == issue_id]
        if left:
            navigator.open_article(issue_id, left[0])
        else:
            navigator.open_issue(issue_id)

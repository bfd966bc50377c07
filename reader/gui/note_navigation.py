"""Next and Previous Open Note: going from note to note across the library (F4, Shift+F4).

The Notes pane lists the shown article's notes; these actions find the open note after (or before) the
chosen one in reading order, in any article (:func:`reader.services.note_finding.next_note`, read in the
background), open its article, raise the Notes pane and choose the note there, which scrolls the reading
pane to its passage.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDockWidget

from reader.gui.notes_pane import NotesPane
from reader.gui.tasks import TaskContext
from reader.gui.workbench import Workbench

if TYPE_CHECKING:
    from reader.services.note_finding import NoteListing


class NoteNavigation(QObject):
    """F4 / Shift+F4: the next or previous open note, in any article."""

    arrived = Signal(int)  # note id: chosen in the Notes pane, its passage shown

    def __init__(self, wb: Workbench, dock: QDockWidget, pane: NotesPane) -> None:
        super().__init__(wb)
        self.setObjectName("noteNavigation")
        self.wb, self.dock, self.pane = wb, dock, pane
        self._waiting: tuple[int, int] | None = None  # (article, note) to choose once its notes are listed
        wb.actions.next_note.triggered.connect(lambda: self.go(backwards=False))
        wb.actions.previous_note.triggered.connect(lambda: self.go(backwards=True))
        pane.loaded.connect(self._on_listed)

    def go(self, *, backwards: bool) -> None:
        """Find the next (previous) open note in the background, then show it."""
        wb = self.wb
        if wb.runner.library is None:
            return
        article_id = wb.navigator.article_id
        chosen = self.pane.current()
        note_id = chosen.id if chosen is not None and chosen.article_id == article_id else None

        def work(context: TaskContext) -> NoteListing | None:
            from reader.services.note_finding import next_note

            with context.session() as session:
                return next_note(session, article_id, note_id, backwards=backwards)

        wb.runner.start("next note", work, on_success=self._show, on_failure=self._failed)

    def _show(self, found: NoteListing | None) -> None:
        if found is None:
            self.wb.messages.status(self.tr("No note is open."), 3000)
            return
        self.dock.show()
        self.dock.raise_()
        self._waiting = (found.article_id, found.id)
        if self.wb.navigator.article_id == found.article_id and self.pane.article_id == found.article_id:
            self._on_listed(found.article_id)
        else:
            self.wb.navigator.open_article(found.issue_id, found.article_id)

    def _on_listed(self, article_id: int) -> None:
        if self._waiting is None or self._waiting[0] != article_id:
            return  # another article's notes, listed late (the one shown before)
        _, note_id = self._waiting
        self._waiting = None
        if self.pane.select_note(note_id):
            self.arrived.emit(note_id)  # (not when resolved or deleted meanwhile)

    def _failed(self, error: BaseException) -> None:
        self.wb.messages.status(self.tr("The notes could not be read: %1").replace("%1", str(error)), 5000)

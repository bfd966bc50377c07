"""The notes pane: notes on passages of the shown article, added from a selection.

Select text within one block (in the reading pane, or in the editor in edit
mode) and press Ctrl+Alt+M to note it: the note anchors to the block and the
selection's offsets in its stored text, and stays attached while the text
around it is edited (see :mod:`reader.services.notes`).  Notes are listed
with their quote, body, author, time and state; a note whose passage is gone
is shown as orphaned, never dropped.  Choosing a note scrolls to its passage
and highlights it; every open note's passage is subtly highlighted in the
reading pane.  Adding, editing, resolving, reopening and deleting are
commands on the undo stack."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QKeyEvent, QPalette, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDockWidget,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from reader.core.op_changes import OpChanges
from reader.gui.after_paint import Soon
from reader.gui.commands import ReloadingCommand
from reader.gui.edit_commands import Editing, selected_span, show_span
from reader.gui.tasks import ArticleRows, LatestTask, read_article_rows
from reader.gui.undo import EditContext
from reader.gui.workbench import Workbench

if TYPE_CHECKING:
    from collections.abc import Callable

    from sqlalchemy.orm import Session

    from reader.gui.tasks import Task
    from reader.services.note_rows import NoteRow

NOTES_LAYER = "notes"  # every noted passage, subtly
FOCUS_LAYER = "note-focus"  # the chosen note's passage
NOTE_ROLE = Qt.ItemDataRole.UserRole + 1  # the note's id
QUOTE_CHARS = 40  # of a long quote shown in the list


NOTE_CHANGES = OpChanges(notes=True)  # no article ids: the text does not change, the notes pane reloads


class AddNoteCommand(ReloadingCommand):
    """Attach a note to a passage; undo deletes it, redo brings it back with its id."""

    def __init__(
        self,
        context: EditContext,
        article_id: int,
        block_position: int,
        span: tuple[int, int],
        body: str,
        changed: Callable[[], object],
    ) -> None:
        from reader.services.operations import note_add_operation

        author = context.author()

        def add(session: Session) -> int:
            from sqlalchemy import select

            from db.models import Block
            from reader.services.notes import NoteError, add_note

            block_id = session.scalar(
                select(Block.id).where(Block.article_id == article_id, Block.position == block_position)
            )
            if block_id is None:
                raise NoteError(
                    QCoreApplication.translate("Notes", "article %1 has no block %2")
                    .replace("%1", str(article_id))
                    .replace("%2", str(block_position))
                )
            return add_note(session, article_id, block_id, *span, body, author=author).id

        text = QCoreApplication.translate("Notes", "Add Note")
        super().__init__(context, text, note_add_operation(add, NOTE_CHANGES), changed)

    @property
    def row(self) -> NoteRow | None:
        """The note added (None before it was, or when adding failed)."""
        from reader.services.note_rows import NoteRow

        value = self.output.value if self.output is not None else None
        return value if isinstance(value, NoteRow) else None


class EditNoteCommand(ReloadingCommand):
    """Change a note's body; undo puts the old one back."""

    def __init__(self, context: EditContext, row: NoteRow, body: str, changed: Callable[[], object]) -> None:
        from reader.services.notes import update_note
        from reader.services.operations import toggle_operation

        operation = toggle_operation(
            lambda session: update_note(session, row.id, body),
            lambda session: update_note(session, row.id, row.body),
            NOTE_CHANGES,
        )
        super().__init__(context, QCoreApplication.translate("Notes", "Edit Note"), operation, changed)


class ResolveNoteCommand(ReloadingCommand):
    """Mark a note resolved or open again; undo does the opposite."""

    def __init__(
        self, context: EditContext, row: NoteRow, resolved: bool, changed: Callable[[], object]
    ) -> None:
        from reader.services.notes import reopen_note, resolve_note
        from reader.services.operations import toggle_operation

        text = (
            QCoreApplication.translate("Notes", "Resolve Note")
            if resolved
            else QCoreApplication.translate("Notes", "Reopen Note")
        )
        set_it, set_back = (resolve_note, reopen_note) if resolved else (reopen_note, resolve_note)
        operation = toggle_operation(
            lambda session: set_it(session, row.id), lambda session: set_back(session, row.id), NOTE_CHANGES
        )
        super().__init__(context, text, operation, changed)


class DeleteNoteCommand(ReloadingCommand):
    """Delete a note; undo brings it back as it was, with its id (``note_delete_operation``).

    It tells the note's article (with the ``notes`` flag), so every view of it reloads.
    """

    def __init__(self, context: EditContext, row: NoteRow, changed: Callable[[], object]) -> None:
        from reader.services.operations import note_delete_operation

        text = QCoreApplication.translate("Notes", "Delete Note")
        super().__init__(context, text, note_delete_operation(row.id), changed)


class _CtrlEnterAccepts(QObject):
    """Accepts its dialog on Ctrl+Enter (or Ctrl+Return) in the widget it filters."""

    def __init__(self, dialog: QDialog) -> None:
        super().__init__(dialog)
        self.dialog = dialog

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            isinstance(event, QKeyEvent)
            and event.type() in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            if event.type() == QEvent.Type.KeyPress:
                self.dialog.accept()
            event.accept()
            return True
        return super().eventFilter(watched, event)


class NotesPane(QWidget):
    """The shown article's notes, with add, edit, resolve/reopen and delete."""

    loaded = Signal(int)  # article id: the list shows its notes now

    def __init__(self, wb: Workbench, editing: Editing, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notesPane")
        self._wb = wb
        self._editing = editing
        self._loads = LatestTask(wb.runner, "notes")
        self._rows: list[NoteRow] = []
        self._article_id: int | None = None
        self._select_after: int | None = None  # note id to choose once listed
        a = wb.actions

        self.list = QListWidget(self)
        self.list.setObjectName("notesList")
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.show_resolved = QCheckBox(self.tr("Show resolved"), self)
        self.show_resolved.setObjectName("showResolvedNotes")
        self.show_resolved.setChecked(True)
        self.status = QLabel(self)
        self.status.setObjectName("notesStatus")
        self.status.setWordWrap(True)

        bar = QToolBar(self)  # overflows into a menu when the pane is narrow
        bar.setObjectName("notesBar")
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        bar.addActions([a.add_note, a.edit_note, a.toggle_note_resolved, a.delete_note])
        bar.addSeparator()
        bar.addActions([a.previous_note, a.next_note])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(bar)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.show_resolved)
        layout.addWidget(self.status)

        self.list.currentItemChanged.connect(lambda _current, _previous: self._on_current_changed())
        self.list.itemActivated.connect(lambda _item: self.show_current())
        self.list.itemClicked.connect(lambda _item: self.show_current())
        self.list.itemDoubleClicked.connect(lambda _item: self.edit_current())
        self.show_resolved.toggled.connect(lambda _on: self._fill())
        a.add_note.triggered.connect(lambda: self.add_note_for_selection())
        a.edit_note.triggered.connect(lambda: self.edit_current())
        a.toggle_note_resolved.triggered.connect(self.toggle_resolved)
        a.delete_note.triggered.connect(self.delete_current)
        self._reload_soon = Soon(self.reload, self)  # after the reading pane's paint
        wb.navigator.article_shown.connect(lambda _article_id: self._reload_soon.request())
        wb.navigator.issue_shown.connect(lambda _issue_id: self._reload_soon.request())
        wb.operation_did_execute.connect(self._on_operation)
        wb.script.changed.connect(lambda _script: self._fill())
        self._update_actions()

    # loading
    @property
    def read_requested(self) -> bool:
        """True while a read of the shown article's rows is asked for and not started yet."""
        return self._reload_soon.pending

    @property
    def loading(self) -> bool:
        """True while a read of the shown article's rows runs in the background."""
        return self._loads.running

    @property
    def article_id(self) -> int | None:
        """The article whose notes are listed."""
        return self._article_id

    def notes(self) -> list[NoteRow]:
        """The notes of the article, resolved ones included, in reading order (orphaned last)."""
        return list(self._rows)

    def reload(self) -> Task | None:
        """Read the shown article's notes again, in the background (the latest request wins)."""
        from reader.services.note_rows import note_rows

        self._loads.cancel()
        article_id = self._wb.navigator.article_id
        if article_id is None or self._wb.runner.library is None:
            self._article_id = None
            self._rows = []
            self._fill()
            return None

        def done(result: ArticleRows[NoteRow]) -> None:
            if result.article_id != self._wb.navigator.article_id:
                return
            self._article_id = result.article_id
            self._rows = result.rows
            self._fill()
            self.loaded.emit(result.article_id)

        def failed(error: BaseException) -> None:
            self.status.setText(self.tr("The notes could not be read: %1").replace("%1", str(error)))

        return self._loads.start(read_article_rows(article_id, note_rows), done, failed)

    def _on_operation(self, changes: object, _source: object) -> None:
        assert isinstance(changes, OpChanges)
        article_id = self._wb.navigator.article_id
        if article_id is not None and article_id in changes.article_ids:
            # the text changed (notes may have moved or orphaned): a read under way began before it
            self._loads.cancel()
            self._reload_soon.request()

    def _fill(self) -> None:
        convert = self._wb.script
        current = self.current()
        keep = self._select_after if self._select_after is not None else (current.id if current else None)
        self._select_after = None
        self.list.blockSignals(True)
        self.list.clear()
        muted = self.palette().brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        shown = [r for r in self._rows if self.show_resolved.isChecked() or not r.resolved]
        for row in shown:
            quote = convert(row.quote)
            if len(quote) > QUOTE_CHARS:
                quote = quote[: QUOTE_CHARS - 1] + "…"
            when = row.updated_at.astimezone().strftime("%Y-%m-%d %H:%M")
            states = []
            if row.orphaned:
                states.append(self.tr("orphaned: the passage is gone"))
            if row.resolved:
                states.append(self.tr("resolved"))
            meta = " · ".join([row.author, when, *states])
            item = QListWidgetItem(f"“{quote}”\n{row.body}\n{meta}", self.list)
            item.setData(NOTE_ROLE, row.id)
            item.setToolTip(f"{convert(row.quote)}\n\n{row.body}")
            if row.resolved:
                item.setForeground(muted)
            if row.orphaned:
                font = QFont(item.font())
                font.setItalic(True)
                item.setFont(font)
        self.list.blockSignals(False)
        if keep is not None:
            for n in range(self.list.count()):
                found = self.list.item(n)
                if found is not None and found.data(NOTE_ROLE) == keep:
                    self.list.setCurrentRow(n)
                    break
        if self._article_id is None:
            self.status.setText(self.tr("Open an article to see its notes."))
        elif not self._rows:
            self.status.setText(self.tr("No notes. Select text and press Ctrl+Alt+M to add one."))
        else:
            orphaned = sum(1 for r in self._rows if r.orphaned)
            text = self.tr("%n note(s)", "", len(self._rows))
            if orphaned:
                text += " · " + self.tr("%n orphaned", "", orphaned)
            self.status.setText(text)
        self._highlight_all()
        self._highlight_current()
        self._update_actions()

    # highlighting
    def _formats(self) -> tuple[QTextCharFormat, QTextCharFormat]:
        palette = self._wb.panes.reading_view.palette()
        dark = palette.color(QPalette.ColorRole.Base).lightness() < 128
        subtle = QTextCharFormat()
        subtle.setBackground(QBrush(QColor(110, 95, 20, 110) if dark else QColor(255, 236, 150, 120)))
        subtle.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
        strong = QTextCharFormat()
        strong.setBackground(QBrush(QColor(170, 120, 0, 200) if dark else QColor(255, 200, 40, 220)))
        return subtle, strong

    def _highlight_all(self) -> None:
        view = self._wb.panes.reading_view
        if self._article_id is None or view.article_id != self._article_id:
            return
        spans = [
            (row.block_position, row.start, row.end)
            for row in self._rows
            if row.block_position is not None and not row.orphaned and not row.resolved
        ]
        view.set_highlights(NOTES_LAYER, spans, self._formats()[0])

    def _highlight_current(self) -> None:
        view = self._wb.panes.reading_view
        row = self.current()
        if row is None or row.orphaned or row.block_position is None or view.article_id != row.article_id:
            view.set_highlights(FOCUS_LAYER, [], QTextCharFormat())
            return
        view.set_highlights(FOCUS_LAYER, [(row.block_position, row.start, row.end)], self._formats()[1])

    # choosing
    def current(self) -> NoteRow | None:
        """The note chosen in the list."""
        item = self.list.currentItem()
        if item is None:
            return None
        note_id = item.data(NOTE_ROLE)
        return next((r for r in self._rows if r.id == note_id), None)

    def select_note(self, note_id: int) -> bool:
        """Choose a note in the list (scrolling the reading pane to it)."""
        for n in range(self.list.count()):
            item = self.list.item(n)
            if item is not None and item.data(NOTE_ROLE) == note_id:
                self.list.setCurrentRow(n)
                return True
        return False

    def _on_current_changed(self) -> None:
        self.show_current()
        self._update_actions()

    def show_current(self) -> bool:
        """Scroll the reading pane to the chosen note's passage and highlight it."""
        self._highlight_current()
        row = self.current()
        view = self._wb.panes.reading_view
        gone = self.tr("The noted passage is no longer in the text; the note is kept.")
        if row is None or view.article_id != row.article_id:
            return False
        if row.orphaned or row.block_position is None:
            self._wb.messages.status(gone, 5000)
            return False
        self._wb.messages.clear_status(gone)  # said of the note chosen before (F4 from an orphaned one)
        return show_span(self._wb, row.block_position, row.start, row.end, select=False)

    def _update_actions(self) -> None:
        a = self._wb.actions
        row = self.current()
        a.add_note.setEnabled(self._wb.navigator.article_id is not None)
        for action in (a.edit_note, a.toggle_note_resolved, a.delete_note):
            action.setEnabled(row is not None)
        a.toggle_note_resolved.setText(
            self.tr("Re&open Note") if row is not None and row.resolved else self.tr("Re&solve Note")
        )

    # changes
    def add_note_for_selection(self, body: str | None = None) -> QInputDialog | bool:
        """Note the passage selected in the reading pane.

        Without ``body`` a dialog asks for it (and is returned); with it the
        note is added at once (True when it was).
        """
        view = self._wb.panes.reading_view
        span = selected_span(self._wb)
        article_id = view.article_id
        if article_id is None or span is None:
            self._wb.messages.status(
                self.tr("Select the passage to note first, within one block of an article."), 5000
            )
            return False
        self._wb.messages.clear_status()  # the hint to select a passage first, if it was shown
        if body is not None:
            return self._add(article_id, span, body)
        dialog = self._ask(self.tr("Add Note"), self.tr("Note on “%1”:").replace("%1", self._quote(span)), "")
        dialog.textValueSelected.connect(lambda text: self._add(article_id, span, text))
        dialog.open()
        return dialog

    def _quote(self, span: tuple[int, int, int]) -> str:
        view = self._wb.panes.reading_view
        found = view.document_range(*span)
        if found is None:
            return ""
        cursor = QTextCursor(view.document())
        cursor.setPosition(found[0])
        cursor.setPosition(found[1], QTextCursor.MoveMode.KeepAnchor)
        text = cursor.selectedText()
        return text if len(text) <= QUOTE_CHARS else text[: QUOTE_CHARS - 1] + "…"

    def _ask(self, title: str, label: str, text: str) -> QInputDialog:
        dialog = QInputDialog(self._wb.window)
        dialog.setObjectName("noteBodyDialog")
        dialog.setWindowTitle(title)
        dialog.setLabelText(label)
        dialog.setOption(QInputDialog.InputDialogOption.UsePlainTextEditForTextInput, True)
        dialog.setTextValue(text)
        dialog.setOkButtonText(self.tr("OK (Ctrl+Enter)"))
        editor = dialog.findChild(QPlainTextEdit)
        if editor is not None:  # Enter alone starts a new line of the note; Ctrl+Enter submits it
            editor.installEventFilter(_CtrlEnterAccepts(dialog))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        return dialog

    def _add(self, article_id: int, span: tuple[int, int, int], body: str) -> bool:
        body = body.strip()
        if not body:
            self._wb.messages.status(self.tr("An empty note was not added."), 5000)
            return False
        command = AddNoteCommand(
            self._editing.context, article_id, span[0], (span[1], span[2]), body, self.reload
        )
        if self._editing.push(command) and command.row is not None:
            self._select_after = command.row.id
            return True
        return False

    def edit_current(self, body: str | None = None) -> QInputDialog | bool:
        """Change the chosen note's body (asked for in a dialog, returned, when not given)."""
        row = self.current()
        if row is None:
            return False
        if body is not None:
            return self._edit(row, body)
        dialog = self._ask(self.tr("Edit Note"), self.tr("Note:"), row.body)
        dialog.textValueSelected.connect(lambda text: self._edit(row, text))
        dialog.open()
        return dialog

    def _edit(self, row: NoteRow, body: str) -> bool:
        body = body.strip()
        if not body or body == row.body:
            return False
        return self._editing.push(EditNoteCommand(self._editing.context, row, body, self.reload))

    def toggle_resolved(self) -> bool:
        """Resolve the chosen note, or reopen it when it is resolved."""
        row = self.current()
        if row is None:
            return False
        return self._editing.push(
            ResolveNoteCommand(self._editing.context, row, not row.resolved, self.reload)
        )

    def delete_current(self) -> bool:
        """Delete the chosen note (undoable)."""
        row = self.current()
        if row is None:
            return False
        return self._editing.push(DeleteNoteCommand(self._editing.context, row, self.reload))


def install_notes_pane(wb: Workbench, editing: Editing, beside: QDockWidget | None = None) -> QDockWidget:
    """Add the notes dock to the window (tabbed with ``beside`` when given); returns it."""
    dock = QDockWidget(QCoreApplication.translate("Notes", "Notes"), wb.window)
    dock.setObjectName("notesDock")
    pane = NotesPane(wb, editing, dock)
    dock.setWidget(pane)
    wb.add_dock(dock, Qt.DockWidgetArea.RightDockWidgetArea, tabify_with=beside)
    return dock

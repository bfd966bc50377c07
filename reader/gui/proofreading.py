"""The proofreading workbench of the main window: edit mode, show changes, history, review status, replace.

The window makes one :class:`Proofreading` with the workbench once its panes
exist.  It puts the article editor and the changes view in the
central stack beside the reading pane, adds a Review toolbar and its entries
to the Edit, View and Go menus (:meth:`Proofreading.add_to_menus`), and
keeps the central pane in step after each operation
(``workbench.operation_did_execute``).

The navigator says what is shown (``workbench.navigator.article_id``): the
editor and the changes view follow it, each time ``article_shown`` or
``issue_shown`` is emitted.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from enum import StrEnum
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QAbstractScrollArea, QMessageBox, QToolBar

from reader.core.op_changes import OpChanges
from reader.core.script import Script
from reader.gui.article_editor import ArticleEditorPane
from reader.gui.changes_view import ChangesView
from reader.gui.commands import OperationCommand
from reader.gui.commands.typing import short
from reader.gui.labels import STATUSES, status_label
from reader.gui.review_bar import set_review_actions
from reader.gui.scripts import script_label
from reader.gui.undo import EditContext, EditRefused
from reader.gui.workbench import Workbench

if TYPE_CHECKING:
    from reader.gui.find_replace import FindReplaceDialog
    from reader.gui.history import HistoryDialog
    from reader.gui.preferences import PreferencesDialog

log = logging.getLogger(__name__)
MESSAGE_MS = 5000


class Mode(StrEnum):
    """What the central pane shows of the current article."""

    READ = "read"
    EDIT = "edit"
    CHANGES = "changes"


def issue_review_rows(counts: Mapping[str, int], open_suggestions: int) -> list[tuple[str, str]]:
    """The issue page's review lines: articles done, how many have each status, open suggestions.

    ``counts``: the issue's articles per status, as read (in the background) with ``open_suggestions``.
    """
    total = sum(counts.values())
    done = counts.get("proofread", 0) + counts.get("approved", 0)
    rows = [(QCoreApplication.translate("Proofreading", "Proofread or approved"), f"{done} / {total}")]
    rows += [(status_label(status), str(counts.get(status, 0))) for status in STATUSES]
    rows.append(
        (
            QCoreApplication.translate("Proofreading", "Remaining suggestions"),
            str(open_suggestions),
        )
    )
    return rows


class StatusCommand(OperationCommand):
    """Set an article's review status (a revision ``status:…``; undo sets the old one back)."""

    def __init__(self, context: EditContext, article_id: int, title: str, old: str, new: str) -> None:
        from reader.services.operations import toggle_operation
        from reader.services.review import set_status

        text = (
            QCoreApplication.translate("Proofreading", "Mark “%1” %2")
            .replace("%1", short(title) or QCoreApplication.translate("Proofreading", "(untitled)"))
            .replace("%2", status_label(new))
        )
        author = context.author()
        operation = toggle_operation(
            lambda session: set_status(session, [article_id], new, author=author),
            lambda session: set_status(session, [article_id], old, author=author),
            OpChanges.of([article_id], status=True),
        )
        super().__init__(context, text, operation)
        self.article_id = article_id
        self.old = old
        self.new = new


class Proofreading(QObject):
    """Editing with tracked changes, show changes, revision history, review status, find and replace."""

    def __init__(self, workbench: Workbench, toolbar: QToolBar) -> None:
        super().__init__(workbench)
        self.setObjectName("proofreading")
        self.wb = workbench
        self.context: EditContext = workbench.edit
        panes = workbench.panes
        self.editor_pane = ArticleEditorPane(self.context, panes.reading_view.style_for_script)
        self.changes_view = ChangesView(self.context)
        panes.stack.addWidget(self.editor_pane)
        panes.stack.addWidget(self.changes_view)
        self.mode = Mode.READ
        self._before_changes: tuple[Mode, float] = (Mode.READ, 0.0)
        self._reading_stale = False
        self.history_dialog: HistoryDialog | None = None
        self.find_dialog: FindReplaceDialog | None = None
        self.preferences_dialog: PreferencesDialog | None = None
        self.message_box: QMessageBox | None = None
        self.offer_box: QMessageBox | None = None
        self.toolbar = toolbar  # built with the window (reader.gui.review_bar), like the menu entries
        self._connect()
        self._update_actions()

    def _connect(self) -> None:
        wb, a = self.wb, self.wb.actions
        a.edit_mode.triggered.connect(self.set_edit_mode)
        a.show_changes.triggered.connect(self.set_show_changes)
        a.revision_history.triggered.connect(self.show_history)
        a.status_group.triggered.connect(lambda action: self.set_status(str(action.data())))
        a.next_needing_review.triggered.connect(self.next_needing_review)
        a.find_replace.triggered.connect(self.show_find_replace)
        a.preferences.triggered.connect(self.show_preferences)
        wb.navigator.article_shown.connect(self._on_article_shown)
        wb.navigator.issue_shown.connect(self._on_issue_shown)
        wb.library_loaded.connect(self._update_actions)
        wb.read_only_changed.connect(self._on_read_only_changed)
        wb.script.changed.connect(self._on_script_changed)
        wb.operation_did_execute.connect(self._on_operation)
        self.context.failed.connect(self._on_failed)
        self.editor_pane.editor.refused.connect(lambda why: wb.messages.status(why, MESSAGE_MS))
        self.editor_pane.load_failed.connect(self._cannot_edit)
        self.editor_pane.journal.not_kept.connect(lambda why: wb.messages.status(why, 3 * MESSAGE_MS))
        self.editor_pane.open_requested.connect(
            lambda issue_id, article_id, then: wb.navigator.open_article(issue_id, article_id, then=then)
        )

    # the window tells
    def _on_article_shown(self, article_id: int) -> None:
        stack = self.wb.panes.stack
        if self.mode is Mode.EDIT:
            if self.editor_pane.open_article(article_id):
                stack.setCurrentWidget(self.editor_pane)
            else:
                self._left_edit_mode()
                self._tell(self.tr("This article cannot be edited."))
        elif self.mode is Mode.CHANGES:
            self.changes_view.load(article_id)
            stack.setCurrentWidget(self.changes_view)
        else:
            self._reading_stale = False
        document = self.wb.panes.reading_view.article_document
        self._check_status(str(document.get("status", "")) if document else None)
        self._update_actions()
        dialog = self.history_dialog
        if dialog is not None and dialog.isVisible() and dialog.article_id != article_id:
            self._load_history(dialog)

    def _cannot_edit(self, _article_id: int) -> None:
        """The article asked for could not be read for editing (deleted meanwhile, say)."""
        if self.mode is Mode.EDIT:
            self._left_edit_mode()
            self._tell(self.tr("This article cannot be edited."))

    def _on_issue_shown(self, _issue_id: int) -> None:
        if self.mode is Mode.EDIT:
            self.editor_pane.release()
            self._left_edit_mode()
        elif self.mode is Mode.CHANGES:
            self.changes_view.load(None)
        self._check_status(None)
        self._update_actions()

    def _on_read_only_changed(self, read_only: bool) -> None:
        if read_only and self.mode is Mode.EDIT:
            self.editor_pane.release()
            self._left_edit_mode()
            self.refresh_reading()
        self._update_actions()

    def _on_script_changed(self, script: object) -> None:
        if self.mode is Mode.EDIT and script is not Script.ORIGINAL and self.set_edit_mode(False):
            self.wb.messages.status(
                self.tr("Converted scripts are read-only: edit mode was left."), MESSAGE_MS
            )

    def about_to_close(self) -> bool:
        """Save typing before the window closes; False (refuse to close) only when it is kept nowhere."""
        if self.editor_pane.about_to_close():
            return True
        self._tell(
            self.tr(
                "Your last edit could not be saved, nor kept in a recovery file. Copy the text somewhere "
                "safe before closing the window."
            ),
            QMessageBox.Icon.Critical,
        )
        return False

    # modes
    def _edit_refusal(self) -> str | None:
        if self.wb.navigator.article_id is None:
            return self.tr("Open an article to edit its text.")
        try:
            self.context.writable_library()
        except EditRefused as error:
            return str(error)
        return None

    def set_edit_mode(self, on: bool) -> bool:
        """Edit the current article's text (on) or read it again (off, after saving); True when done."""
        wb, a = self.wb, self.wb.actions
        if not on:
            if self.mode is not Mode.EDIT:
                a.edit_mode.setChecked(False)
                return True
            if not self.editor_pane.flush():
                a.edit_mode.setChecked(True)
                self._tell(
                    self.tr("Your text is not saved yet, so edit mode stays on; see the message about it.")
                )
                return False
            self.editor_pane.release()
            self._left_edit_mode()
            self.refresh_reading()
            wb.panes.reading_view.setFocus(Qt.FocusReason.OtherFocusReason)
            return True
        if self.mode is Mode.EDIT:
            return True
        why = self._edit_refusal()
        if why is not None:
            a.edit_mode.setChecked(False)
            self._tell(why)
            return False
        if wb.script.script is not Script.ORIGINAL:
            a.edit_mode.setChecked(False)
            self._offer_original()
            return False
        article_id = wb.navigator.article_id
        assert article_id is not None
        if not wb.may_edit(article_id):  # someone else is editing it: asked first
            a.edit_mode.setChecked(False)
            return False
        if self.mode is Mode.CHANGES:
            self.set_show_changes(False)
        if not self.editor_pane.open_article(article_id):
            a.edit_mode.setChecked(False)
            self._tell(self.tr("This article cannot be edited."))
            return False
        self.mode = Mode.EDIT
        a.edit_mode.setChecked(True)
        wb.panes.stack.setCurrentWidget(self.editor_pane)
        self.editor_pane.editor.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def _left_edit_mode(self) -> None:
        self.mode = Mode.READ
        self.wb.actions.edit_mode.setChecked(False)
        self.wb.panes.stack.setCurrentWidget(self.wb.panes.reading_view)

    def _offer_original(self) -> QMessageBox:
        """The converted script is read-only: offer to show the original and edit it."""
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("Converted Text Is Read-Only"),
            self.tr(
                "The text is shown in %1. Converted views are read-only: edits are made to the original "
                "text, as it was printed. Show the original script and edit it?"
            ).replace("%1", script_label(self.wb.script.script)),
            QMessageBox.StandardButton.Cancel,
            self.wb.window,
        )
        box.setObjectName("convertedReadOnlyBox")
        edit = box.addButton(self.tr("Show the Original and Edit"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(edit)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)

        def chosen() -> None:
            if box.clickedButton() is edit:
                self.wb.script.set_script(Script.ORIGINAL)
                self.set_edit_mode(True)

        box.finished.connect(lambda _result: chosen())
        self.offer_box = box
        box.open()
        return box

    def set_show_changes(self, on: bool) -> bool:
        """Show the current article marked against its original (on), or read it again (off)."""
        wb, a = self.wb, self.wb.actions
        stack, reading_view = wb.panes.stack, wb.panes.reading_view
        if on:
            if self.mode is not Mode.CHANGES:  # turning it off again goes back there, at the same place
                self._before_changes = (self.mode, _scroll_ratio(self._scrolled_widget()))
            if self.mode is Mode.EDIT and not self.set_edit_mode(False):
                a.show_changes.setChecked(False)
                return False
            self.mode = Mode.CHANGES
            a.show_changes.setChecked(True)
            article_id = wb.navigator.article_id
            if article_id is not None:
                self.changes_view.load(article_id)
                stack.setCurrentWidget(self.changes_view)
            return True
        a.show_changes.setChecked(False)
        if self.mode is Mode.CHANGES:
            self.mode = Mode.READ
            if stack.currentWidget() is self.changes_view:
                stack.setCurrentWidget(reading_view)
            if self._reading_stale:
                self.refresh_reading()
            mode, ratio = self._before_changes
            if mode is Mode.EDIT and wb.navigator.article_id is not None:
                self.set_edit_mode(True)
            _set_scroll_ratio(self._scrolled_widget(), ratio)
        return True

    def _scrolled_widget(self) -> QAbstractScrollArea:
        return self.editor_pane.editor if self.mode is Mode.EDIT else self.wb.panes.reading_view

    # review status
    def set_status(self, status: str) -> bool:
        """Set the current article's review status (one undoable step)."""
        from reader.services.review import article_states

        wb = self.wb
        article_id = wb.navigator.article_id
        if article_id is None:
            wb.messages.status(self.tr("Open an article to set its status."), MESSAGE_MS)
            self._check_status(None)
            return False
        try:
            library = self.context.writable_library()
        except EditRefused as error:
            wb.messages.status(str(error), MESSAGE_MS)
            return False
        with library.session() as session:
            state = article_states(session, [article_id]).get(article_id)
        if state is None:
            return False
        if state.status == status:
            self._check_status(status)
            return False
        before = self.context.stack.count()
        self.context.stack.push(
            StatusCommand(self.context, article_id, state.title or "", state.status, status)
        )
        return self.context.stack.count() > before

    def _check_status(self, status: str | None) -> None:
        for code, action in self.wb.actions.status_actions.items():
            action.setChecked(code == status)

    def next_needing_review(self) -> bool:
        """Open the next article (across issues, wrapping) not yet proofread or approved."""
        from reader.services.browsing import issue_of_article
        from reader.services.review import next_needing_review

        wb = self.wb
        if wb.library is None:
            return False
        with wb.session() as session:
            target = next_needing_review(session, wb.navigator.article_id)
            issue_id = issue_of_article(session, target) if target is not None else None
        if target is None or issue_id is None:
            wb.messages.status(self.tr("Every article is proofread or approved."), MESSAGE_MS)
            return False
        return wb.navigator.open_article(issue_id, target)

    # dialogs
    def show_history(self) -> HistoryDialog | None:
        """The revision history of the current article."""
        from reader.gui.history import HistoryDialog

        if self.wb.navigator.article_id is None:
            self.wb.messages.status(self.tr("Open an article to see its history."), MESSAGE_MS)
            return None
        self.context.flush()
        if self.history_dialog is None:
            self.history_dialog = HistoryDialog(self.context, self.wb.window)
        self._load_history(self.history_dialog)
        self.history_dialog.show()
        self.history_dialog.raise_()
        return self.history_dialog

    def _load_history(self, dialog: HistoryDialog) -> None:
        title = self.wb.panes.reading_view.document_title() or self.tr("(untitled)")
        dialog.load(self.wb.navigator.article_id, self.tr("Revisions of “%1”").replace("%1", title))

    def show_find_replace(self) -> FindReplaceDialog:
        """Find and replace, starting from the text selected in the reading pane or the editor."""
        from reader.gui.find_replace import FindReplaceDialog

        wb = self.wb
        if self.find_dialog is None:
            self.find_dialog = FindReplaceDialog(
                self.context,
                lambda: (wb.navigator.issue_id, wb.navigator.article_id),
                self._issue_label,
                wb.window,
            )
            self.find_dialog.match_activated.connect(wb.navigator.open_article)
        source = self.editor_pane.editor if self.mode is Mode.EDIT else wb.panes.reading_view
        selected = source.textCursor().selectedText()
        self.find_dialog.set_find_text(selected if "\u2029" not in selected else "")
        self.find_dialog.show()
        self.find_dialog.raise_()
        return self.find_dialog

    def show_preferences(self) -> PreferencesDialog:
        from reader.gui.preferences import PreferencesDialog

        dialog = PreferencesDialog(self.wb.settings, self.wb.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.preferences_dialog = dialog
        dialog.open()
        return dialog

    def _issue_label(self, issue_id: int) -> str:
        row = self.wb.panes.library_model.issue_row(issue_id)
        return row.label if row is not None else self.tr("Issue %1").replace("%1", str(issue_id))

    # keeping the central pane in step
    def _on_operation(self, changes: object, _source: object) -> None:
        assert isinstance(changes, OpChanges)
        wb = self.wb
        if self.find_dialog is not None:
            self.find_dialog.library_changed(changes)  # its hits may be gone
        if wb.library is None or not (changes.article_ids or changes.issue_ids):
            return
        with wb.session() as session:
            from reader.services.review import article_states

            issues = {s.issue_id for s in article_states(session, changes.article_ids).values()}
        issues |= changes.issue_ids
        current, issue_id = wb.navigator.article_id, wb.navigator.issue_id
        if current is not None and current in changes.article_ids:
            if self.mode is Mode.EDIT:
                self.editor_pane.external_change()
                self._reading_stale = True
            elif self.mode is Mode.CHANGES:
                self.changes_view.reload()
                self._reading_stale = True
            else:
                self.refresh_reading()
            self._check_status_from_library(current)
        elif current is None and issue_id is not None and issue_id in issues:
            wb.navigator.open_issue(issue_id)  # its counts per status
        elif current is not None and issue_id in issues and self.mode is Mode.READ:
            self.refresh_reading()  # other articles of its issue changed: its number in the issue may have

    def refresh_reading(self) -> None:
        """Lay the current article out again from the library (read in the background), keeping the place."""
        wb = self.wb
        self._reading_stale = False
        if wb.navigator.article_id is None or wb.library is None:
            return
        wb.navigator.reopen()

    def _check_status_from_library(self, article_id: int) -> None:
        from reader.services.review import article_states

        if self.wb.library is None:
            return
        with self.wb.session() as session:
            state = article_states(session, [article_id]).get(article_id)
        self._check_status(state.status if state is not None else None)

    def _update_actions(self) -> None:
        has_library = self.wb.library is not None
        set_review_actions(
            self.wb.actions,
            has_library=has_library,
            article=self.wb.navigator.article_id is not None,
            writable=has_library and not self.context.read_only(),
            editing=self.mode is Mode.EDIT,
        )

    # telling
    def _on_failed(self, what: str, why: str) -> None:
        self.wb.messages.status(f"{what}: {why}", MESSAGE_MS * 2)
        self._tell(f"{what}:\n\n{why}", QMessageBox.Icon.Warning)

    def _tell(self, text: str, icon: QMessageBox.Icon = QMessageBox.Icon.Information) -> QMessageBox:
        """A message that does not block (one at a time: a newer one replaces its text)."""
        box = self.message_box
        if box is not None and shiboken6.isValid(box) and box.isVisible():
            box.setIcon(icon)
            box.setText(text)
            return box
        box = QMessageBox(
            icon, self.tr("Proofreading"), text, QMessageBox.StandardButton.Close, self.wb.window
        )
        box.setObjectName("proofreadingMessage")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.message_box = box
        box.open()
        return box


def _scroll_ratio(area: QAbstractScrollArea) -> float:
    bar = area.verticalScrollBar()
    return bar.value() / bar.maximum() if bar.maximum() > 0 else 0.0


def _set_scroll_ratio(area: QAbstractScrollArea, ratio: float) -> None:
    bar = area.verticalScrollBar()
    bar.setValue(round(ratio * bar.maximum()))


__all__ = ["Mode", "Proofreading", "StatusCommand", "issue_review_rows"]

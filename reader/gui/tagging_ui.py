"""Tagging in the main window: the tag pane and tag browser docks, the library's tag filter,
bulk tagging, the user dictionary, and the library's IDF kept current after imports.

:class:`TaggingUi` is made by the window and wires everything to it: the
article shown goes to the tag pane; every tag change (and its undo) reloads
the tag list in the background, updates the tag counts of the library pane's
rows and re-applies the library's tag filter.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDockWidget,
    QLabel,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from reader.core.op_changes import OpChanges
from reader.gui.tag_browser import TagBrowser, TagFilterBar, TagFilterState
from reader.gui.tag_commands import TagEditor
from reader.gui.tag_dialogs import TagDialogs
from reader.gui.tag_docks import SHOWN
from reader.gui.tag_models import TagListModel
from reader.gui.tag_pane import TagPane
from reader.gui.tasks import LatestTask, Task, TaskContext
from reader.gui.workbench import Workbench

if TYPE_CHECKING:
    from reader.gui.bulk_tagging import BulkTagDialog
    from reader.gui.user_dictionary import UserDictionaryDialog
    from reader.services.importing import ImportReport
    from reader.services.tag_browsing import TagInfo

log = logging.getLogger(__name__)


def _load_tags(context: TaskContext) -> list[TagInfo]:
    from reader.services.tag_browsing import tag_infos

    context.check_cancelled()
    with context.session() as session:
        return tag_infos(session)


def _tag_counts(article_ids: list[int], context: TaskContext) -> dict[int, int]:
    from reader.services.tag_browsing import tag_counts

    with context.session() as session:
        return tag_counts(session, article_ids)


def _refresh_idf(context: TaskContext) -> int:
    from reader.core import segmenter
    from reader.services.tag_browsing import refresh_idf_in_steps
    from reader.services.tag_phrases import discover_phrases, store_phrases

    segmenter.ensure_loaded()
    counted = refresh_idf_in_steps(context.library, cancelled=context.cancelled)
    context.check_cancelled()
    with context.session() as session:  # the recurring phrases: counted outside the write lock
        phrases = discover_phrases(session)
    context.check_cancelled()
    with context.library.writing() as session:
        store_phrases(session, phrases)
    return counted


class TaggingUi(QObject):
    """The tagging features of one main window."""

    def __init__(self, wb: Workbench, pane_dock: QDockWidget, browser_dock: QDockWidget) -> None:
        super().__init__(wb)
        self.setObjectName("taggingUi")
        self.wb = wb
        self._tags_task: Task | None = None
        self._tags_again = False
        self._idf = LatestTask(wb.runner, "refresh IDF")
        self.idf_label = QLabel(self.tr("Updating the tag suggestions with the new articles…"), wb.window)
        # shown while the counting runs (seconds on a library of some hundred articles)
        self.idf_label.setObjectName("idfProgress")
        self.idf_label.hide()
        wb.add_status_widget(self.idf_label)
        self._last_list: QAbstractItemView | None = None
        self.bulk_dialog: BulkTagDialog | None = None
        self.dictionary_dialog: UserDictionaryDialog | None = None

        self.catalogue = TagListModel(wb.script, self)
        self.editor = TagEditor(wb.edit, self)
        self.filter_state = TagFilterState(self)

        # the docks are the window's (reader.gui.tag_docks), in place at its first paint
        self.pane = TagPane(self.editor, self.catalogue, wb.runner, wb.script)
        self.pane_dock = pane_dock
        self.pane_dock.setWidget(self.pane)
        self.pane_dock.visibilityChanged.connect(self.pane.set_shown)
        self.pane.set_shown(bool(self.pane_dock.property(SHOWN)))  # as it is now (a late build)

        self.browser = TagBrowser(self.editor, self.catalogue, self.filter_state, wb.script)
        self.browser_dock = browser_dock
        self.browser_dock.setWidget(self.browser)

        library_pane = wb.panes.library_pane
        self.filter_bar = TagFilterBar(self.filter_state, self.catalogue, wb.script, library_pane)
        cast(QVBoxLayout, library_pane.layout()).insertWidget(0, self.filter_bar)  # above the library pane
        # several search results can be selected, for tagging them at once
        wb.panes.search_pane.results.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)

        self.focus_entry_action = QAction(self.tr("&Tag Article…"), self)
        self.focus_entry_action.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_T))
        self.focus_entry_action.setStatusTip(self.tr("Type a tag for the article shown"))
        self.bulk_action = QAction(self.tr("Tag &Selected Articles…"), self)
        self.bulk_action.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Modifier.SHIFT | Qt.Key.Key_G))
        self.bulk_action.setStatusTip(
            self.tr("Add a tag to, or remove it from, the articles selected in the library or search results")
        )
        self.dictionary_action = QAction(self.tr("User &Dictionary…"), self)
        self.dictionary_action.setStatusTip(self.tr("Words the segmenter keeps whole"))
        self.rules_action = QAction(self.tr("Tag &Rules…"), self)
        self.rules_action.setStatusTip(self.tr("Tag every article that mentions a text"))
        self.aliases_action = QAction(self.tr("Tag &Aliases…"), self)
        self.aliases_action.setStatusTip(self.tr("Other names of tags, for suggestions and the tag filter"))
        wb.add_shortcuts([self.focus_entry_action, self.bulk_action, self.dictionary_action])
        self.tag_dialogs = TagDialogs(self)

        self.focus_entry_action.triggered.connect(self.focus_entry)
        self.bulk_action.triggered.connect(self.tag_selected_articles)
        self.dictionary_action.triggered.connect(self.edit_user_dictionary)
        wb.operation_did_execute.connect(self._on_operation)
        self.filter_state.changed.connect(self._apply_filter)
        wb.navigator.article_shown.connect(self._on_article_shown)
        wb.navigator.issue_shown.connect(lambda _issue: self.pane.set_article(None))
        wb.library_loaded.connect(self._on_library_loaded)
        wb.script.changed.connect(self._on_script_changed)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_focus_changed)

    def add_to_menus(self, edit_menu: QMenu, before: QAction) -> None:
        """Put the tagging actions in the Edit menu, before ``before`` (the review entries)."""
        edit_menu.insertSeparator(before)
        tags = QMenu(self.tr("&Tags"), edit_menu)  # a submenu: the Edit menu's letters would clash otherwise
        tags.addActions([self.focus_entry_action, self.bulk_action])
        tags.addSeparator()
        tags.addActions([self.dictionary_action, self.rules_action, self.aliases_action])
        edit_menu.insertMenu(before, tags)

    # the library
    def _on_library_loaded(self) -> None:
        self.reload_tags()

    def reload_tags(self) -> None:
        """Read every tag with its count in the background (one reload at a time, the last one wins)."""
        if self.wb.runner.library is None:
            return
        if self._tags_task is not None:
            self._tags_again = True
            return

        def done(tags: list[TagInfo]) -> None:
            self._tags_task = None
            self.catalogue.set_tags(tags)
            self.filter_state.keep_only({t.id for t in tags})
            if self._tags_again:
                self._tags_again = False
                self.reload_tags()

        def failed(error: BaseException) -> None:
            self._tags_task = None
            self._log_failure(error)

        self._tags_task = self.wb.runner.start("list tags", _load_tags, on_success=done, on_failure=failed)

    @property
    def busy(self) -> bool:
        """True while the tag list is being read."""
        return self._tags_task is not None

    def _on_operation(self, changes: object, _source: object) -> None:
        """Tags, structure edits, imports and deleted issues change tag counts: read them again."""
        assert isinstance(changes, OpChanges)
        if not changes.tag_counts:
            return
        self.reload_tags()
        if changes.article_ids and self.wb.runner.library is not None:
            ids = sorted(changes.article_ids)
            self.wb.runner.start(
                "tag counts",
                lambda context: _tag_counts(ids, context),
                on_success=self.wb.panes.library_model.set_tag_counts,
                on_failure=self._log_failure,
            )
        if self.filter_state.active:
            self._apply_filter()

    def _apply_filter(self) -> None:
        value = self.filter_state.value
        self.wb.panes.library_pane.tag_filter = value if value.active else None
        self.wb.panes.library_pane.apply_filter()

    # the article
    def _on_article_shown(self, article_id: int) -> None:
        self.pane.set_article(article_id, self.wb.panes.reading_view.document_title())

    def focus_entry(self) -> None:
        """Show the tag pane and put the cursor in its entry (Ctrl+T)."""
        self.pane_dock.show()
        self.pane_dock.raise_()
        self.pane.focus_entry()

    def _on_script_changed(self, _script: object) -> None:
        self.catalogue.refresh()
        self.pane.refresh_text()
        self.browser.refresh_text()
        self.filter_bar.refresh()

    # several articles
    def _on_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is self.wb.panes.library_pane.tree or new is self.wb.panes.search_pane.results:
            self._last_list = new

    def selected_article_ids(self) -> list[int]:
        """The articles selected in the search results (when they had the focus last), else in the library."""
        from reader.gui.search_results import HIT_ROLE

        results = self.wb.panes.search_pane.results
        if self._last_list is results:
            hits = [index.data(HIT_ROLE) for index in results.selectionModel().selectedRows()]
            ids = [int(hit.article_id) for hit in hits if hit is not None]
            if ids:
                return list(dict.fromkeys(ids))
        return [article_id for _issue, article_id in self.wb.panes.library_pane.selected_articles()]

    def tag_selected_articles(self) -> BulkTagDialog | None:
        """Open the dialog that tags every selected article at once."""
        from reader.gui.bulk_tagging import BulkTagDialog

        if self.wb.library is None:
            return None
        ids = self.selected_article_ids()
        if not ids:
            self.wb.messages.status(
                self.tr("Select articles in the library pane or the search results first."), 5000
            )
            return None
        if self.bulk_dialog is not None:
            self.bulk_dialog.close()
        dialog = BulkTagDialog(self.editor, self.catalogue, ids, self.wb.script, self.wb.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.destroyed.connect(lambda: setattr(self, "bulk_dialog", None))
        self.bulk_dialog = dialog
        dialog.open()
        return dialog

    def edit_user_dictionary(self) -> UserDictionaryDialog | None:
        """Open the user dictionary."""
        from reader.gui.user_dictionary import UserDictionaryDialog

        library = self.wb.library
        if library is None:
            return None
        if self.dictionary_dialog is not None:
            self.dictionary_dialog.raise_()
            return self.dictionary_dialog
        dialog = UserDictionaryDialog(self.wb.edit, self.wb.script, self.wb.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.destroyed.connect(lambda: setattr(self, "dictionary_dialog", None))
        self.dictionary_dialog = dialog
        dialog.open()
        return dialog

    # imports
    def after_import(self, report: ImportReport | None) -> Task | None:
        """Count newly imported articles into the library's IDF and find its phrases, in the background."""
        if report is None or not report.imported or self.wb.runner.library is None:
            return None
        task = self._idf.start(
            _refresh_idf,
            lambda counted: log.info("library IDF: %d new articles counted", counted),
            self._log_failure,
        )
        self.idf_label.show()
        task.signals.finished.connect(lambda: self.idf_label.setVisible(self._idf.running))
        return task

    @property
    def idf_task(self) -> Task | None:
        """The IDF refresh running now, if any."""
        return self._idf.task

    @staticmethod
    def _log_failure(error: BaseException) -> None:
        from reader.gui.tasks import TaskCancelled

        if not isinstance(error, TaskCancelled):
            log.warning("tagging task failed: %s", error)

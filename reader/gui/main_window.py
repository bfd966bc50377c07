"""The main window: library pane, reading pane, search pane, menus, toolbar, status bar.

The window paints before the library is opened: opening it, loading the issue
rows, importing and searching all run through the task runner, and the
window fills in as their results arrive.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal, SignalInstance
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QShowEvent,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from reader.core.script import Script
from reader.gui import library_selection as selection
from reader.gui.actions import Actions
from reader.gui.deferred_start import LateFeatures
from reader.gui.import_dialogs import ImportDialogs, local_paths
from reader.gui.import_flow import ImportFlow
from reader.gui.library_lifecycle import LibraryLifecycle
from reader.gui.library_model import LibraryModel
from reader.gui.library_pane import LibraryPane
from reader.gui.reading_view import ReadingView
from reader.gui.review_bar import add_review_menus, build_review_toolbar, set_review_actions
from reader.gui.scripts import SCRIPT_ORDER, ScriptChoice, parse_script, script_label, stored_text
from reader.gui.search_pane import SearchPane
from reader.gui.settings import AppSettings
from reader.gui.tag_docks import add_tag_dock_toggles, build_tag_docks
from reader.gui.tasks import Task
from reader.gui.undo import EditContext
from reader.gui.view_settings import ViewSettings
from reader.gui.welcome_page import WelcomePage
from reader.gui.workbench import Navigator, Panes, Workbench

if TYPE_CHECKING:
    from db.engine import Library
    from reader.gui.conversion_ui import ConversionUi
    from reader.gui.export_dialog import ExportDialog
    from reader.gui.issue_actions import IssueActions
    from reader.gui.layout_review import LayoutReview
    from reader.gui.proofreading import Proofreading
    from reader.gui.review_tools import ReviewTools
    from reader.gui.tagging_ui import TaggingUi
    from reader.gui.team_presence import TeamPresence
    from reader.services.importing import ImportReport

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    """Jiaokan's window on one library file."""

    first_painted = Signal()
    # built by reader.gui.deferred_start (at once, or after the first paint with defer_features)
    tagging: TaggingUi
    proofreading: Proofreading
    issue_actions: IssueActions
    review_tools: ReviewTools
    conversion: ConversionUi
    layout_review: LayoutReview
    scan_dock: QDockWidget
    team: TeamPresence

    def __init__(
        self,
        library_path: str | Path,
        *,
        settings: AppSettings | None = None,
        open_sample: bool = False,
        defer_features: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("Jiaokan 校勘"))
        self.settings = settings if settings is not None else AppSettings(self)
        self.library_path = library_path
        self._painted = False

        from reader.gui.tasks import TaskRunner

        self.runner = TaskRunner(self)
        self.runner.unhandled_failure.connect(self._on_task_failure)
        self.script = ScriptChoice(
            parse_script(self.settings.script), self, parse_script(self.settings.traditional_script)
        )
        self.undo_stack = QUndoStack(self)  # the window's one undo stack (see reader.gui.undo)
        self.undo_stack.setObjectName("undoStack")
        self.actions_ = Actions(self)
        self.actions_.add_undo_actions(self.undo_stack)
        self.addActions(self.actions_.all())
        self.edit_context = EditContext(
            self.undo_stack,
            self.runner,
            lambda: self.library,
            lambda: self.settings.editor_name,
            lambda: self.read_only,
            self,
        )
        self.edit_context.guard_actions(self.actions_.undo, self.actions_.redo)
        self.navigator = Navigator(self)

        # centre: the welcome page or the reading pane
        self.reading_view = ReadingView(self.script)
        self.reading_view.set_font_size(self.settings.font_size)
        self.reading_view.cleared.connect(lambda: self.navigator.shown(None, None))
        self.welcome_page = WelcomePage()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.reading_view)
        self.stack.addWidget(self.welcome_page)
        from reader.gui.library_safety import LibrarySafety

        self.safety = LibrarySafety(self)  # read-only banner above the pane, backups, restores
        self.setCentralWidget(self.safety.wrap(self.stack))

        # library pane
        self.library_model = LibraryModel(None, self)
        self.library_pane = LibraryPane(self.library_model, self.runner, self.script)
        self.library_dock = QDockWidget(self.tr("Library"), self)
        self.library_dock.setObjectName("libraryDock")
        self.library_dock.setWidget(self.library_pane)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.library_dock)

        # search pane
        self.search_pane = SearchPane(self.runner, self.script, self._issue_label)
        self.search_dock = QDockWidget(self.tr("Search"), self)
        self.search_dock.setObjectName("searchDock")
        self.search_dock.setWidget(self.search_pane)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.search_dock)
        self.resizeDocks([self.library_dock, self.search_dock], [380, 320], Qt.Orientation.Horizontal)

        self.import_flow = ImportFlow(self.runner, self)
        self.workbench = Workbench(
            self,
            settings=self.settings,
            runner=self.runner,
            script=self.script,
            actions=self.actions_,
            edit=self.edit_context,
            navigator=self.navigator,
            panes=Panes(
                self.reading_view,
                self.stack,
                self.welcome_page,
                self.library_pane,
                self.library_model,
                self.search_pane,
                self.library_dock,
                self.search_dock,
            ),
            host=self,
        )
        wb = self.workbench
        from reader.gui.reading_navigation import ReadingNavigation

        self.reading = ReadingNavigation(
            self.runner,
            self.navigator,
            wb.panes,
            self.settings,
            wb.messages,
            self.script,
            issue_label=self._issue_label,
            update_location=self._update_location,
            parent=self,
        )  # articles read in the background, issue pages, the start page
        self.safety.attach(wb)
        from reader.gui.view_refresh import ViewRefresh

        self.view_refresh = ViewRefresh(wb, self._update_size_label, self._update_location)
        # the tag docks are in place at the first paint; the tagging feature fills them late
        self.tag_docks = build_tag_docks(wb)
        # the Review toolbar holds registry actions only; the feature behind it is a late one
        self.review_toolbar = build_review_toolbar(self.actions_, self)
        set_review_actions(self.actions_, has_library=False, article=False, writable=False, editing=False)
        self.view_settings = ViewSettings(wb, self.settings)
        self.imports = ImportDialogs(wb, self.import_flow, self._after_import, self.reading.show_start)
        self.imports.open_sample_on_load = open_sample
        self.lifecycle = LibraryLifecycle(
            wb,
            library_path,
            self.safety,
            update_counts=self._update_size_label,
            after_opened=self._after_opened,
        )

        self._build_menus()
        self._build_toolbar()
        self._build_status_bar()
        self._connect()
        self.late = LateFeatures(self, defer=defer_features)  # issues, review docks, scans, team
        self.setAcceptDrops(True)
        self.resize(1280, 820)
        self.restoreGeometry(self.settings.geometry)
        self._fitted = False  # fitted on the screen once shown (its frame is known then)
        if not self.restoreState(self.settings.window_state):
            # first run: Search is the front tab of the right-hand docks (the Tags tab loads
            # jieba, some 200 MB, only once it is shown); later the remembered layout rules
            QTimer.singleShot(0, self.search_dock.raise_)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._fitted:
            self._fitted = True
            self._fit_on_screen()  # remembered on a larger screen, or at another scale factor

    def _fit_on_screen(self) -> None:
        """Keep the restored window within the screen it is on: no larger than it, not off it."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            return
        room = screen.availableGeometry()
        frame = self.frameGeometry()
        extra_w, extra_h = frame.width() - self.width(), frame.height() - self.height()
        width = min(self.width(), room.width() - extra_w)
        height = min(self.height(), room.height() - extra_h)
        if (width, height) != (self.width(), self.height()):
            self.resize(max(width, 200), max(height, 150))
        frame = self.frameGeometry()
        x = min(max(frame.x(), room.left()), max(room.left(), room.right() + 1 - frame.width()))
        y = min(max(frame.y(), room.top()), max(room.top(), room.bottom() + 1 - frame.height()))
        if (x, y) != (frame.x(), frame.y()):
            self.move(x, y)

    # what tests and the app read of the window (the workbench's)
    @property
    def library(self) -> Library | None:
        """The open library (None before it is open and while it is closed for a restore)."""
        return self.runner.library

    @property
    def read_only(self) -> bool:
        """True when the library cannot be written (read-only medium, damaged); see library_safety."""
        return self.workbench.read_only if hasattr(self, "workbench") else False

    @property
    def library_loaded(self) -> SignalInstance:
        """Issue rows are in the library pane."""
        return self.workbench.library_loaded

    @property
    def read_only_changed(self) -> SignalInstance:
        return self.workbench.read_only_changed

    @property
    def article_shown(self) -> SignalInstance:
        return self.navigator.article_shown

    @property
    def issue_shown(self) -> SignalInstance:
        return self.navigator.issue_shown

    def _build_menus(self) -> None:
        from reader.gui.window_menus import build_menus

        edit_menu, view_menu, go_menu = build_menus(self, self.workbench)
        add_tag_dock_toggles(view_menu, *self.tag_docks)
        add_review_menus(self.actions_, edit_menu, view_menu, go_menu)

    def _build_toolbar(self) -> None:
        from reader.gui.window_menus import build_toolbar

        self.toolbar, self.script_combo = build_toolbar(self, self.workbench)
        # first row; the review toolbar on the next (side by side they overflow 1280 pixels in English)
        self.insertToolBar(self.review_toolbar, self.toolbar)
        self.insertToolBarBreak(self.review_toolbar)

    def _build_status_bar(self) -> None:
        status = self.statusBar()
        self.location_label = QLabel()
        self.location_label.setObjectName("locationLabel")
        self.size_label = QLabel()
        self.size_label.setObjectName("librarySizeLabel")
        self.script_label = QLabel()
        self.script_label.setObjectName("scriptLabel")
        status.addWidget(self.location_label, 1)
        status.addPermanentWidget(self.size_label)
        status.addPermanentWidget(self.script_label)
        self._update_script_label()

    def _connect(self) -> None:
        a = self.actions_
        a.import_files.triggered.connect(self.imports.choose_files)
        a.import_folder.triggered.connect(self.imports.choose_folder)
        a.open_sample.triggered.connect(self.open_sample_issue)
        a.export.triggered.connect(self.show_export_dialog)
        a.backups.triggered.connect(self.safety.show_backups_dialog)
        a.quit.triggered.connect(self.close)
        a.copy.triggered.connect(self.reading_view.copy)
        a.select_all.triggered.connect(self.reading_view.selectAll)
        a.find.triggered.connect(self.focus_search)
        a.filter_library.triggered.connect(self.focus_library_filter)
        a.next_script.triggered.connect(
            lambda: self.script.cycle(stored_text(self.reading_view.article_document))
        )
        a.next_article.triggered.connect(lambda: self.reading.step(1))
        a.previous_article.triggered.connect(lambda: self.reading.step(-1))
        a.issue_page.triggered.connect(self.reading.show_current_issue_page)
        a.keyboard_shortcuts.triggered.connect(self.show_shortcuts)
        a.about.triggered.connect(self.show_about)
        a.about_qt.triggered.connect(QApplication.aboutQt)
        self.script_combo.currentIndexChanged.connect(
            lambda row: self.script.set_script(SCRIPT_ORDER[row]) if row >= 0 else None
        )
        self.script.changed.connect(self._on_script_changed)
        self.library_pane.article_chosen.connect(self.navigator.open_article)
        self.library_pane.issue_chosen.connect(self.navigator.open_issue)
        self.search_pane.hit_activated.connect(self.reading.open_hit)
        self.welcome_page.import_files_requested.connect(self.imports.choose_files)
        self.welcome_page.import_folder_requested.connect(self.imports.choose_folder)
        self.welcome_page.sample_requested.connect(self.open_sample_issue)
        self.import_flow.started.connect(lambda: self.welcome_page.set_busy(True))  # under the progress
        self.import_flow.finished.connect(lambda _report: self.welcome_page.set_busy(False))

    def event(self, event: QEvent) -> bool:
        if not getattr(self, "_painted", True) and event.type() in (
            QEvent.Type.Paint,
            QEvent.Type.UpdateRequest,
        ):
            self._painted = True
            QTimer.singleShot(0, self.first_painted.emit)
        return super().event(event)

    def open_library(self) -> Task:
        """Open the library file and list its issues in the background (reader.gui.library_lifecycle)."""
        # said here, not when the window is built: laying out the message costs the first paint
        self.reading_view.show_message(self.tr("Opening the library…"))
        return self.lifecycle.open()

    def _after_opened(self) -> None:
        if self.imports.open_sample_on_load:
            self.open_sample_issue()

    # what other features read of the window (the export dialog, data safety)
    def current_article_id(self) -> int | None:
        """The article the reading pane shows (None on an issue page or the welcome page)."""
        return selection.current_article_id(self.workbench.panes, self.navigator)

    def current_issue_id(self) -> int | None:
        """The issue of the article or issue page the reading pane shows."""
        return selection.current_issue_id(self.workbench.panes, self.navigator)

    def selected_issue_ids(self) -> list[int]:
        """The issues selected in the library pane (those of the selected articles when no issue is)."""
        return selection.selected_issue_ids(self.workbench.panes)

    def selected_article_ids(self) -> list[int]:
        """The articles selected in the library pane, in the pane's order."""
        return selection.selected_article_ids(self.workbench.panes)

    def search_result_article_ids(self) -> list[int]:
        """The articles of the search pane's results, in their order."""
        return selection.search_result_article_ids(self.workbench.panes)

    def new_window(self, location: str, *, remember: bool = False) -> MainWindow:
        """Another window on the library at ``location`` (File > Open Library…), opening it;
        ``remember``: put it first in the recent libraries once it is open (a mistyped path is not)."""
        other = MainWindow(location)
        if remember:
            settings = other.settings
            loaded = other.library_loaded
            loaded.connect(
                lambda: settings.remember_library(location), Qt.ConnectionType.SingleShotConnection
            )
        other.open_library()
        return other

    def close_library(self) -> None:
        """Release the library's connections (before a restore); open_library() opens it again."""
        self.lifecycle.close()

    def show_export_dialog(self) -> ExportDialog:
        """File > Export…: choose what and how to export, with a live preview."""
        from reader.gui.export_launch import show_export_dialog

        return show_export_dialog(self.workbench)

    # reading
    def _issue_label(self, issue_id: int) -> str:
        row = self.library_model.issue_row(issue_id)
        return row.label if row is not None else self.tr("Issue %1").replace("%1", str(issue_id))

    # zoom and script (reader.gui.view_settings)
    def set_font_size(self, size: int) -> None:
        self.view_settings.set_font_size(size)

    def _on_script_changed(self, script: object) -> None:
        assert isinstance(script, Script)
        self.settings.script, self.settings.traditional_script = script.value, self.script.traditional.value
        self.actions_.script_actions[script].setChecked(True)
        self.script_combo.blockSignals(True)
        self.script_combo.setCurrentIndex(SCRIPT_ORDER.index(script))
        self.script_combo.blockSignals(False)
        self.library_pane.refresh_text()
        self.search_pane.model.refresh()
        self._update_script_label()
        self._update_location()

    def _update_script_label(self) -> None:
        self.script_label.setText(self.tr("Script: %1").replace("%1", script_label(self.script.script)))

    # status bar
    def _update_size_label(self) -> None:
        issues = self.library_model.issue_count()
        articles = sum(
            row.article_count
            for i in self.library_model.issue_ids()
            if (row := self.library_model.issue_row(i))
        )
        self.size_label.setText(
            self.tr("%n issue(s)", "", issues) + " · " + self.tr("%n article(s)", "", articles)
        )

    def _untitled_label(self, issue_id: int) -> str:
        """An untitled article named as the library pane lists it: its first words (else "(untitled)")."""
        article_id = self.navigator.article_id
        rows = self.library_model.fetched_articles(issue_id) or []
        label = next((row.label for row in rows if row.id == article_id), "")
        return self.script(label) if label else self.tr("(untitled)")

    def _update_location(self) -> None:
        document = self.reading_view.article_document
        issue_id = self.navigator.issue_id
        if issue_id is None:
            self.location_label.clear()
            self.setWindowTitle(self.tr("Jiaokan 校勘"))
            return
        issue = self.script(self._issue_label(issue_id))
        if document is not None:
            # a headline in two title blocks is two lines: named on one, the status bar keeps its height
            title = " ".join(self.script(document.get("title") or "").splitlines()) or self._untitled_label(
                issue_id
            )
            count = self.library_model.issue_row(issue_id)
            total = count.article_count if count is not None else 0
            where = self.tr("article %1 of %2").replace("%1", str(int(document["position"]) + 1))
            where = where.replace("%2", str(total))
            self.location_label.setText(f"{issue} · {where} · {title}")
            self.setWindowTitle(f"{title} — " + self.tr("Jiaokan 校勘"))
        else:
            self.location_label.setText(issue)
            self.setWindowTitle(f"{issue} — " + self.tr("Jiaokan 校勘"))

    # search and filter
    def focus_search(self) -> None:
        self.search_dock.show()
        self.search_dock.raise_()
        self.search_pane.focus_query()

    def focus_library_filter(self) -> None:
        self.library_dock.show()
        self.library_dock.raise_()
        self.library_pane.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.library_pane.filter_edit.selectAll()

    # importing (reader.gui.import_dialogs)
    def _after_import(self, report: ImportReport) -> None:
        self.tagging.after_import(report)  # count the new articles into the IDF, in the background

    def import_paths(self, paths: list[Path]) -> Task | None:
        """Import files and folders in the background, with progress and a summary at the end."""
        return self.imports.import_paths(paths)

    def open_sample_issue(self) -> Task | None:
        """Import the bundled sample issue if needed and open its first article."""
        return self.imports.open_sample_issue()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if local_paths(event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: Any) -> None:
        event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = local_paths(event.mimeData().urls())
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.import_paths(paths)

    # misc
    def show_shortcuts(self) -> None:
        """Help > Keyboard Shortcuts: the sheet of every action's keys (imported when first asked for)."""
        from reader.gui.shortcuts_sheet import show_shortcuts

        # the registry's, then the features' own (tagging's Ctrl+T and Alt+1…9, the scan pane's keys)
        show_shortcuts([*self.actions_.all(), *self.findChildren(QAction)], self)

    def show_about(self) -> None:
        from reader import __version__ as version

        text = (
            self.tr(
                "<h3>Jiaokan 校勘 %1</h3>"
                "<p>A reader and proofreading workbench for OCR'd Chinese community newspapers.</p>"
                "<p>Library: %2</p>"
            )
            .replace("%1", str(version))
            .replace("%2", str(self.library_path))
        )
        self.workbench.messages.box(QMessageBox.Icon.NoIcon, self.tr("About Jiaokan"), text)

    def _on_task_failure(self, name: str, error: object) -> None:
        log.error("background task %s failed: %s", name, error)
        self.workbench.messages.box(
            QMessageBox.Icon.Warning,
            self.tr("Something Went Wrong"),
            self.tr("A background task failed (%1):\n\n%2").replace("%1", name).replace("%2", str(error)),
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.late.about_to_close():  # unsaved typing is saved (or kept on disk) first
            event.ignore()
            return
        self.lifecycle.closing = True
        self.settings.geometry = self.saveGeometry()
        self.settings.window_state = self.saveState()
        self.settings.sync()
        self.late.stop()
        self.runner.shutdown()
        self.lifecycle.close()
        super().closeEvent(event)

"""Importing from the window: File > Import Files… and Import Folder…, dropped files, the sample issue.

:class:`ImportDialogs` starts imports through the import flow (progress and a
summary), lists the new issues in the library pane when they are in, tells
every view (``OpChanges(imported=True)``) and opens the first article of a
library that was empty.  Strings keep the window's translation context.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject

from reader.core.op_changes import OpChanges
from reader.gui.import_flow import ImportFlow
from reader.gui.tasks import Task, TaskContext
from reader.gui.workbench import Workbench

if TYPE_CHECKING:
    from PySide6.QtCore import QUrl

    from reader.services.browsing import IssueRow
    from reader.services.importing import ImportReport


@dataclass(frozen=True, slots=True)
class Added:
    """Issues just imported, and the article to open (issue id, article id) when one should be."""

    issues: list[IssueRow]
    open_article: tuple[int, int] | None


def _load_issues(issue_ids: list[int], open_first: bool, context: TaskContext) -> Added:
    from reader.services.browsing import first_article_id, issue_row

    with context.session() as session:
        rows = [row for i in issue_ids if (row := issue_row(session, i)) is not None]
        target = None
        if open_first:
            for row in rows:
                article = first_article_id(session, row.id)
                if article is not None:
                    target = (row.id, article)
                    break
        return Added(rows, target)


def _import_sample(context: TaskContext) -> Added:
    from reader.core.paths import sample_issue
    from reader.services.importing import import_files

    with context.write_session() as session:
        report = import_files(session, [sample_issue()], cancelled=context.cancelled)
    result = report.results[0] if report.results else None
    if result is None or result.issue_id is None:
        reason = result.message if result is not None else "nothing was imported"
        raise RuntimeError(f"the sample issue could not be imported: {reason}")
    return _load_issues([result.issue_id], True, context)


def local_paths(urls: list[QUrl]) -> list[Path]:
    """The local files and folders among dropped URLs."""
    return [Path(url.toLocalFile()) for url in urls if url.isLocalFile()]


class ImportDialogs(QObject):
    """Starts imports and brings the new issues into the window."""

    def __init__(
        self,
        wb: Workbench,
        flow: ImportFlow,
        after_import: Callable[[ImportReport], None],
        show_start: Callable[[], None],
    ) -> None:
        super().__init__(wb)
        self.setObjectName("importDialogs")
        self.wb = wb
        self.flow = flow
        self._after_import = after_import
        self._show_start = show_start
        self.open_sample_on_load = False  # File > Open the Sample Issue before the library was open
        self._open_first_after_import = False
        flow.finished.connect(self._on_import_finished)

    def choose_files(self) -> None:
        from reader.gui.file_dialogs import choose_import_files

        if files := choose_import_files(self.wb.window):
            self.import_paths(files)

    def choose_folder(self) -> None:
        from reader.gui.file_dialogs import choose_import_folder

        if folder := choose_import_folder(self.wb.window):
            self.import_paths([folder])

    def import_paths(self, paths: list[Path]) -> Task | None:
        """Import files and folders in the background, with progress and a summary at the end."""
        messages = self.wb.messages
        if self.wb.library is None:
            messages.status(QCoreApplication.translate("MainWindow", "The library is not open yet."), 5000)
            return None
        if self.wb.read_only:
            messages.status(
                QCoreApplication.translate(
                    "MainWindow", "The library is read-only: nothing can be imported."
                ),
                5000,
            )
            return None
        if self.flow.running:
            messages.status(QCoreApplication.translate("MainWindow", "An import is already running."), 5000)
            return None
        self._open_first_after_import = self.wb.panes.library_model.issue_count() == 0
        return self.flow.start(paths)

    def _on_import_finished(self, report: ImportReport | None) -> None:
        if report is None or self.wb.library is None:
            return
        self._after_import(report)
        new_ids = [r.issue_id for r in report.imported if r.issue_id is not None]
        if new_ids:
            open_first = self._open_first_after_import
            self.wb.runner.start(
                "list imported issues",
                lambda context: _load_issues(new_ids, open_first, context),
                on_success=self._on_issues_added,
            )

    def _on_issues_added(self, added: Added) -> None:
        panes = self.wb.panes
        panes.library_model.add_issues(added.issues)
        self._push_import([row.id for row in added.issues])
        if panes.stack.currentWidget() is panes.welcome_page:
            self._show_start()
        if added.open_article is not None:
            self.wb.navigator.open_article(*added.open_article)
        if panes.library_pane.proxy.matches is not None:
            panes.library_pane.apply_filter()

    def _push_import(self, issue_ids: list[int]) -> None:
        """The import as an undoable step (Edit > Undo deletes its issues, after a backup)."""
        from reader.gui.commands.imported import push_imported
        from reader.gui.issue_actions import IssueActions

        issues = self.wb.feature(IssueActions)
        if issues is None:  # a window without issue actions: told, not undoable
            self.wb.announce(OpChanges.of(issue_ids=issue_ids, imported=True), self)
            return
        push_imported(self.wb.edit, issue_ids, deleted=issues.import_undone, restored=issues.issues_restored)

    def open_sample_issue(self) -> Task | None:
        """Import the bundled sample issue if needed and open its first article."""
        if self.wb.library is None:
            self.open_sample_on_load = True
            return None
        self.open_sample_on_load = False
        if self.wb.read_only:
            self.wb.messages.status(
                QCoreApplication.translate(
                    "MainWindow", "The library is read-only: nothing can be imported."
                ),
                5000,
            )
            return None
        self.wb.messages.status(QCoreApplication.translate("MainWindow", "Opening the sample issue…"), 0)
        return self.wb.runner.start("sample issue", _import_sample, on_success=self._on_sample_ready)

    def _on_sample_ready(self, added: Added) -> None:
        self.wb.messages.clear_status()
        self._on_issues_added(added)

"""The window's library file: opened in the background, checked, closed for a restore or at the end.

:class:`LibraryLifecycle` opens the file on the task runner (read-only when it
must be), fills the library pane, says ``library_loaded`` on the workbench,
checks the file's soundness beside that, and explains a library that cannot
be opened.  Strings keep the window's translation context.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QMessageBox

from reader.gui.tasks import Task, TaskContext
from reader.gui.warm_up import warm_up
from reader.gui.workbench import Workbench

if TYPE_CHECKING:
    from db.engine import Library
    from reader.gui.library_safety import LibrarySafety
    from reader.services.browsing import ArticleRow, IssueRow


@dataclass(frozen=True, slots=True)
class Opened:
    """A library just opened, with its issue rows."""

    library: Library
    issues: list[IssueRow]
    read_only: bool = False
    read_only_reason: str = ""


EARLY_ROWS_WAIT_S = 2.0
"""How long opening the library waits for the pane's early rows to be shown (they normally take a tenth)."""


def _open_library(path: str | Path, context: TaskContext, rows_read: threading.Event) -> Opened:
    # Loading SQLAlchemy holds the interpreter most of the time: started beside the early rows
    # (reader.gui.early_rows), it would make them, and the pane they fill, wait twice as long.
    rows_read.wait(EARLY_ROWS_WAIT_S)
    from sqlalchemy.exc import DBAPIError

    from reader.services.browsing import issue_rows
    from reader.services.safe_opening import check_sound, open_checked

    # read-only when it must be; the quick_check runs beside filling the pane (see _on_opened)
    checked = open_checked(path, check=False)
    library = checked.library
    try:
        context.check_cancelled()
        try:
            with library.session() as session:
                return Opened(library, issue_rows(session), checked.read_only, checked.reason)
        except DBAPIError:
            check_sound(library, path)  # a damaged file: LibraryDamaged, with what is wrong
            raise
    except BaseException:
        library.close()
        raise


class LibraryLifecycle(QObject):
    """Opens, checks and closes the window's library (see the module)."""

    about_to_close = Signal()  # the library is closing: release what is held in it

    def __init__(
        self,
        wb: Workbench,
        path: str | Path,
        safety: LibrarySafety,
        *,
        update_counts: Callable[[], None],
        after_opened: Callable[[], None],
    ) -> None:
        super().__init__(wb)
        self.setObjectName("libraryLifecycle")
        self.wb = wb
        self.path = path
        self.safety = safety
        self._update_counts = update_counts
        self._after_opened = after_opened
        self.closing = False  # the window is closing: a library opened now is closed at once

    @property
    def library(self) -> Library | None:
        return self.wb.runner.library

    def open(self) -> Task:
        """Open the library file and list its issues in the background."""
        from reader.gui.early_rows import list_issues_early

        path = self.path
        rows_read = threading.Event()  # set once the early rows are in the pane (or could not be read)
        task = self.wb.runner.start(
            "open library",
            lambda context: _open_library(path, context, rows_read),
            on_success=self._on_opened,
            on_failure=self.open_failed,
        )
        list_issues_early(self.wb, path, task, rows_read.set)  # the pane's rows, read before SQLAlchemy loads
        return task

    def _on_opened(self, opened: Opened) -> None:
        if self.closing:
            opened.library.close()
            return
        wb, panes = self.wb, self.wb.panes
        wb.runner.library = opened.library
        self.safety.library_opened(opened.read_only, opened.read_only_reason)
        panes.library_model.set_fetcher(self._fetch_articles)
        panes.library_model.set_issues(opened.issues)
        self._update_counts()
        wb.runner.start("warm up", warm_up, on_failure=lambda _e: None)
        if not opened.issues:
            panes.stack.setCurrentWidget(panes.welcome_page)
            panes.reading_view.show_message("")
        else:
            wb.navigator.show_start()
        wb.library_loaded.emit()
        self._check(opened.library)
        self._after_opened()

    def _check(self, library: Library) -> None:
        """``quick_check`` the open library in the background; if damaged, close it and explain."""
        from reader.services.safe_opening import check_sound

        path = self.path

        def damaged(error: BaseException) -> None:
            if self.library is library:
                self.close()
            self.open_failed(error)

        self.wb.runner.start("check library", lambda _context: check_sound(library, path), on_failure=damaged)

    def open_failed(self, error: BaseException) -> None:
        from reader.gui.server_password import offer_password

        if self.library is None:  # nothing listed (early) from a library that cannot be opened
            self.wb.panes.library_model.set_issues([])
        if offer_password(self.wb, str(self.path), error, self.open) is not None:
            return  # a team library's server asks for a password: asked, then opened again
        if self.safety.open_failed(error):
            return  # a damaged library: explained, with its newest good backup offered
        self.wb.panes.reading_view.show_message(
            QCoreApplication.translate("MainWindow", "The library could not be opened"), str(error)
        )
        self.wb.messages.box(
            QMessageBox.Icon.Critical,
            QCoreApplication.translate("MainWindow", "Cannot Open the Library"),
            QCoreApplication.translate("MainWindow", "The library %1 could not be opened:\n\n%2")
            .replace("%1", str(self.path))
            .replace("%2", str(error)),
        )

    def _fetch_articles(self, issue_id: int) -> list[ArticleRow]:
        from reader.services.browsing import article_rows

        if self.library is None:
            return []
        with self.wb.session() as session:
            return article_rows(session, issue_id)

    def close(self) -> None:
        """Release the library's connections (before a restore, at the end); ``open`` opens it again."""
        self.about_to_close.emit()
        library = self.library
        if library is not None:
            library.close()
            self.wb.runner.library = None

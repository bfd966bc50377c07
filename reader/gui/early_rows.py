"""The library pane filled before the library is open.

Opening a library first loads SQLAlchemy, its ORM and the models, a few
tenths of a second after the window's first paint.  Meanwhile
:func:`list_issues_early` reads the pane's issue rows straight from the file
with sqlite3 (``db.quick_listing.quick_issue_rows``, the same rows as
``reader.services.browsing.issue_rows``) in the background and shows them; the
usual opening then sets them again from the open library (an issue expanded
in between folds again: only then can its articles be read).  A library that
is not an SQLite file at the current schema is left to the usual opening
alone, and one that then fails to open lists nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from reader.core.listing import IssueRow
    from reader.gui.tasks import Task, TaskContext
    from reader.gui.workbench import Workbench


def list_issues_early(
    wb: Workbench, path: str | Path, opening: Task, read_done: Callable[[], None] = lambda: None
) -> Task:
    """Read and show the library pane's issue rows while ``opening`` opens the library.

    ``read_done`` is called once the rows are in the pane, or could not be read.
    """
    model = wb.panes.library_model

    def read(_context: TaskContext) -> list[IssueRow] | None:
        from db.quick_listing import quick_issue_rows

        return quick_issue_rows(path)

    def show(rows: list[IssueRow] | None) -> None:
        if rows and not opening.done and model.issue_count() == 0:
            model.set_issues(rows)  # the usual opening has neither listed them nor failed
        read_done()

    def failed(_error: BaseException) -> None:
        read_done()

    return wb.runner.start("list issues", read, on_success=show, on_failure=failed)


__all__ = ["list_issues_early"]

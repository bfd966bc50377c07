"""The library pane, the status bar and the search results follow every operation.

(``Workbench.operation_did_execute``.)

One place brings the library pane's rows (titles, statuses, progress, how
many articles an issue has) and the status bar's counts in step with what an
operation changed, reading only what its flags say may differ; a search shown
is run again (in the background) when articles or issues it may list changed,
so that no hit of a deleted issue stays and the count is right.  The reading
pane, the tag browser, the notes and the suggestions follow the same signal
in their own features.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from reader.core.op_changes import OpChanges
from reader.gui.workbench import Workbench


class ViewRefresh(QObject):
    """Refreshes the library pane's rows and the window's counts after each operation."""

    def __init__(
        self, workbench: Workbench, update_counts: Callable[[], None], update_location: Callable[[], None]
    ) -> None:
        super().__init__(workbench)
        self.setObjectName("viewRefresh")
        self._wb = workbench
        self._update_counts = update_counts
        self._update_location = update_location
        workbench.operation_did_execute.connect(self._on_operation)

    def update_counts(self) -> None:
        """The status bar's counts and "article N of M" read again from the library pane (live refresh)."""
        self._update_counts()
        self._update_location()

    def _on_operation(self, changes: object, _source: object) -> None:
        assert isinstance(changes, OpChanges)
        if self._wb.library is None:
            return
        issues = self.refresh_library_pane(changes)
        if changes.counts or issues:
            self._update_counts()
            self._update_location()  # "article N of M"
        c = changes  # what a search finds, or the issues its hits are in, may differ:
        if c.text or c.status or c.tags or c.structure or c.issues or c.imported:
            self._wb.panes.search_pane.search_again()

    def refresh_library_pane(self, changes: OpChanges) -> set[int]:
        """New titles, statuses, progress and article lists of the issues touched; returns them."""
        from reader.services.browsing import article_rows, issue_row
        from reader.services.review import article_states

        if not (changes.article_ids or changes.issue_ids):
            return set()
        model = self._wb.panes.library_model
        navigator = self._wb.navigator
        with self._wb.session() as session:
            states = article_states(session, changes.article_ids) if changes.article_ids else {}
            issues = {state.issue_id for state in states.values()} | set(changes.issue_ids)
            gone = changes.article_ids - states.keys()
            if navigator.issue_id is not None and navigator.article_id in gone:
                issues.add(navigator.issue_id)  # the article shown was merged away
            rows = {i: issue_row(session, i) for i in issues}
            articles = {
                i: article_rows(session, i)
                for i, row in rows.items()
                if row is not None and model.fetched_articles(i) is not None
            }
        for issue_id in sorted(issues):
            row = rows[issue_id]
            if row is not None and model.issue_row(issue_id) is not None:
                model.refresh_issue(row, articles.get(issue_id))
        return issues

"""What is chosen in the window, for features that act on it (export, scans, structure, tagging).

The issues and articles selected in the library pane, those its filter
keeps, the articles of the search results, and what the reading pane shows
(only while it is the central pane).
"""

from __future__ import annotations

from PySide6.QtCore import QTimer

from reader.gui.library_model import ARTICLE, ISSUE, Role
from reader.gui.workbench import Navigator, Panes


def current_article_id(panes: Panes, navigator: Navigator) -> int | None:
    """The article the reading pane shows (None on an issue page, the welcome page, or while editing)."""
    return navigator.article_id if panes.stack.currentWidget() is panes.reading_view else None


def current_issue_id(panes: Panes, navigator: Navigator) -> int | None:
    """The issue of the article or issue page the reading pane shows."""
    return navigator.issue_id if panes.stack.currentWidget() is panes.reading_view else None


def selected_issue_ids(panes: Panes) -> list[int]:
    """The issues selected in the library pane (those of the selected articles when no issue is)."""
    issues: list[int] = []
    of_articles: list[int] = []
    rows = sorted(
        panes.library_pane.tree.selectionModel().selectedRows(),
        key=lambda index: (index.parent().row(), index.row()),
    )
    for index in rows:
        kind = index.data(Role.KIND)
        if kind == ISSUE:
            issues.append(int(index.data(Role.ID)))
        elif kind == ARTICLE:
            of_articles.append(int(index.data(Role.ISSUE_ID)))
    return list(dict.fromkeys(issues or of_articles))


def selected_article_ids(panes: Panes) -> list[int]:
    """The articles selected in the library pane, in the pane's order."""
    rows = sorted(
        panes.library_pane.tree.selectionModel().selectedRows(),
        key=lambda index: (index.parent().row(), index.row()),
    )
    return [int(index.data(Role.ID)) for index in rows if index.data(Role.KIND) == ARTICLE]


def filtered_article_ids(panes: Panes) -> list[int] | None:
    """The articles the library pane's filter keeps (None when no filter is applied)."""
    matches = panes.library_pane.proxy.matches
    return None if matches is None else sorted(matches.article_ids)


def search_result_article_ids(panes: Panes) -> list[int]:
    """The articles of the search pane's results, in their order (empty when nothing was found)."""
    return list(dict.fromkeys(hit.article_id for hit in panes.search_pane.model.hits()))


def sync_library_pane(panes: Panes, navigator: Navigator, issue_id: int, article_id: int | None) -> None:
    """Select what the reading pane shows in the library pane.

    An issue far down a large library is not laid out in the pane yet, and
    laying it out takes a moment: that happens just after the text is shown.
    """

    def select() -> None:
        if navigator.issue_id != issue_id or navigator.article_id != article_id:
            return  # the reader has moved on
        if article_id is None:
            panes.library_pane.select_issue(issue_id, silent=True)
        else:
            panes.library_pane.select_article(issue_id, article_id, silent=True)

    if panes.library_model.is_shown(issue_id):
        select()
    else:
        QTimer.singleShot(0, select)

"""What an export covers: the kinds of scope the Export dialog offers and the ids behind each.

``ScopeSources`` is read from the window once, when the dialog opens (the
current article and issue, the library pane's selection and filter, the search
results); ``scope`` turns a kind into the services' ``ExportScope``.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from reader.gui import library_selection as chosen

if TYPE_CHECKING:
    from reader.gui.workbench import Workbench
    from reader.services.export_formats.scope import ExportScope


class ScopeKind(StrEnum):
    """What an export covers."""

    CURRENT_ARTICLE = "current_article"
    CURRENT_ISSUE = "current_issue"
    SELECTED_ISSUES = "selected_issues"
    SELECTED_ARTICLES = "selected_articles"
    FILTERED = "filtered"
    SEARCH_RESULTS = "search_results"
    LIBRARY = "library"


@dataclass(frozen=True, slots=True)
class ScopeSources:
    """The ids the window offers to export, read when the dialog opens."""

    current_article: int | None = None
    current_issue: int | None = None
    selected_issues: tuple[int, ...] = ()
    selected_articles: tuple[int, ...] = ()
    filtered: tuple[int, ...] | None = None  # None: no filter applied
    search_results: tuple[int, ...] = ()
    has_library: bool = False

    @classmethod
    def from_workbench(cls, wb: Workbench) -> ScopeSources:
        filtered, panes = chosen.filtered_article_ids(wb.panes), wb.panes
        return cls(
            current_article=chosen.current_article_id(panes, wb.navigator),
            current_issue=chosen.current_issue_id(panes, wb.navigator),
            selected_issues=tuple(chosen.selected_issue_ids(panes)),
            selected_articles=tuple(chosen.selected_article_ids(panes)),
            filtered=None if filtered is None else tuple(filtered),
            search_results=tuple(chosen.search_result_article_ids(panes)),
            has_library=wb.library is not None and panes.library_model.issue_count() > 0,
        )

    def count(self, kind: ScopeKind) -> int | None:
        """How many issues or articles a scope holds (None when it is not available)."""
        counts: dict[ScopeKind, int | None] = {
            ScopeKind.CURRENT_ARTICLE: 1 if self.current_article is not None else None,
            ScopeKind.CURRENT_ISSUE: 1 if self.current_issue is not None else None,
            ScopeKind.SELECTED_ISSUES: len(self.selected_issues) or None,
            ScopeKind.SELECTED_ARTICLES: len(self.selected_articles) or None,
            ScopeKind.FILTERED: len(self.filtered) if self.filtered else None,
            ScopeKind.SEARCH_RESULTS: len(self.search_results) or None,
            ScopeKind.LIBRARY: 1 if self.has_library else None,
        }
        return counts[kind]

    def scope(self, kind: ScopeKind) -> ExportScope | None:
        """The export scope of a kind (None when it is not available)."""
        from reader.services.export_formats.scope import ExportScope

        if self.count(kind) is None:
            return None
        if kind is ScopeKind.CURRENT_ARTICLE:
            return ExportScope(article_ids=[self.current_article or 0])
        if kind is ScopeKind.CURRENT_ISSUE:
            return ExportScope(issue_ids=[self.current_issue or 0])
        if kind is ScopeKind.SELECTED_ISSUES:
            return ExportScope(issue_ids=list(self.selected_issues))
        if kind is ScopeKind.SELECTED_ARTICLES:
            return ExportScope(article_ids=list(self.selected_articles))
        if kind is ScopeKind.FILTERED:
            return ExportScope(article_ids=list(self.filtered or ()))
        if kind is ScopeKind.SEARCH_RESULTS:
            return ExportScope(article_ids=list(self.search_results))
        return ExportScope()


__all__ = ["ScopeKind", "ScopeSources"]

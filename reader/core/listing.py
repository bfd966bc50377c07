"""What listing the library returns (issues, articles: no text), in a module light enough to import
before SQLAlchemy is loaded (``db.quick_listing`` answers ``list`` and fills the window's library
pane without it)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from reader.core.errors import JiaokanError


@dataclass(frozen=True, slots=True)
class IssueSummary:
    """One issue as listed: no text, just what identifies it."""

    id: int
    source_name: str
    title: str | None
    encoding: str
    imported_at: datetime
    char_count: int
    article_count: int


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    """One article as listed: headings and status, no body text."""

    id: int
    issue_id: int
    position: int
    title: str | None
    section: str | None
    status: str
    span: tuple[int, int]


DONE_STATUSES = ("proofread", "approved")
"""Statuses counted as done in an issue's progress."""


@dataclass(frozen=True, slots=True)
class IssueRow:
    """One issue as listed in the library pane (no text)."""

    id: int
    source_name: str
    title: str | None
    publication_date: str | None
    article_count: int
    done_count: int
    publication: str | None = None
    number: str | None = None

    @property
    def label(self) -> str:
        """What names the issue: its title (and publication), number and date, else its file name."""
        publication = self.publication if self.publication != self.title else None
        parts = [p for p in (self.title, publication, self.number, self.publication_date) if p]
        return " ".join(parts) if parts else self.source_name


class NotFoundError(JiaokanError):
    """An id that names nothing in the library."""


def missing_ids(wanted: list[int], found: set[int]) -> NotFoundError | None:
    """The error naming every id of ``wanted`` not in ``found`` (None when all are there)."""
    missing = [i for i in wanted if i not in found]
    return NotFoundError("no issue with id " + ", ".join(str(i) for i in missing)) if missing else None


__all__ = [
    "DONE_STATUSES",
    "ArticleSummary",
    "IssueRow",
    "IssueSummary",
    "NotFoundError",
    "missing_ids",
]

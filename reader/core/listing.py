"""What listing the library returns (issues, articles: no text), in a module light enough to import
before SQLAlchemy is loaded (``db.quick_listing`` answers ``list`` without it)."""

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


class NotFoundError(JiaokanError):
    """An id that names nothing in the library."""


def missing_ids(wanted: list[int], found: set[int]) -> NotFoundError | None:
    """The error naming every id of ``wanted`` not in ``found`` (None when all are there)."""
    missing = [i for i in wanted if i not in found]
    return NotFoundError("no issue with id " + ", ".join(str(i) for i in missing)) if missing else None


def iso_utc(value: datetime) -> str:
    """An aware UTC timestamp as ISO 8601 with a ``Z``."""
    return value.isoformat().replace("+00:00", "Z")


__all__ = ["ArticleSummary", "IssueSummary", "NotFoundError", "iso_utc", "missing_ids"]

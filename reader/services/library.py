"""Use case: read what the library holds (issues, their articles) without loading text."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.models import Article, Issue
from reader.core.listing import ArticleSummary, IssueSummary, NotFoundError, missing_ids

__all__ = [
    "ArticleSummary",
    "IssueSummary",
    "NotFoundError",
    "check_issue_ids",
    "list_articles",
    "list_issues",
]


def list_issues(session: Session, issue_ids: list[int] | None = None) -> list[IssueSummary]:
    """Issues in import order (optionally only those ids), with their article counts."""
    counts = select(Article.issue_id, func.count(Article.id).label("n")).group_by(Article.issue_id).subquery()
    query = (
        select(
            Issue.id,
            Issue.source_name,
            Issue.title,
            Issue.encoding,
            Issue.imported_at,
            Issue.char_count,
            func.coalesce(counts.c.n, 0),
        )
        .outerjoin(counts, counts.c.issue_id == Issue.id)
        .order_by(Issue.id)
    )
    if issue_ids is not None:
        query = query.where(Issue.id.in_(issue_ids))
    return [IssueSummary(*row) for row in session.execute(query)]


def list_articles(session: Session, issue_id: int) -> list[ArticleSummary]:
    """The articles of one issue in reading order."""
    rows = session.execute(
        select(
            Article.id,
            Article.issue_id,
            Article.position,
            Article.title,
            Article.section,
            Article.status,
            Article.span_start,
            Article.span_end,
        )
        .where(Article.issue_id == issue_id)
        .order_by(Article.position)
    )
    return [ArticleSummary(r[0], r[1], r[2], r[3], r[4], r[5], (r[6], r[7])) for r in rows]


def check_issue_ids(session: Session, issue_ids: list[int]) -> None:
    """Raise NotFoundError naming every id the library does not have."""
    found = set(session.scalars(select(Issue.id).where(Issue.id.in_(issue_ids))))
    error = missing_ids(issue_ids, found)
    if error is not None:
        raise error

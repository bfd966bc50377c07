"""What an export covers: issues, articles, tags and statuses, resolved to ids."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import ARTICLE_STATUSES, Article, Issue
from reader.core.errors import JiaokanError
from reader.services.library import NotFoundError, check_issue_ids

_CHUNK = 500


class ScopeError(JiaokanError):
    """An export scope that names something impossible (an unknown status)."""


@dataclass(frozen=True, slots=True)
class ExportScope:
    """Which issues and articles to export; every criterion given must hold (AND).

    ``issue_ids``: only these issues (default: all); ``article_ids``: only these
    articles (the current article, search results); ``tags``: articles carrying
    every one of these tags (or a tag below it), by name in any script;
    ``statuses``: articles with one of these review statuses.
    """

    issue_ids: Sequence[int] | None = None
    article_ids: Sequence[int] | None = None
    tags: Sequence[str] = field(default=())
    statuses: Sequence[str] = field(default=())

    @property
    def filters_articles(self) -> bool:
        """Whether the scope picks articles (not just whole issues)."""
        return self.article_ids is not None or bool(self.tags) or bool(self.statuses)


@dataclass(frozen=True, slots=True)
class Selection:
    """A resolved scope: issue ids in export order, and the articles wanted (None: all of them)."""

    issue_ids: list[int]
    article_ids: frozenset[int] | None


def _existing_articles(session: Session, ids: Sequence[int]) -> dict[int, int]:
    found: dict[int, int] = {}
    for start in range(0, len(ids), _CHUNK):
        query = select(Article.id, Article.issue_id).where(Article.id.in_(list(ids[start : start + _CHUNK])))
        found.update({article_id: issue_id for article_id, issue_id in session.execute(query)})
    return found


def resolve(session: Session, scope: ExportScope) -> Selection:
    """The issues and articles a scope covers; raises NotFoundError for unknown ids or tags."""
    if scope.issue_ids is None:
        issue_ids = list(session.scalars(select(Issue.id).order_by(Issue.id)))
    else:
        issue_ids = list(dict.fromkeys(scope.issue_ids))
        check_issue_ids(session, issue_ids)
    if not scope.filters_articles:
        return Selection(issue_ids, None)
    wanted: set[int] | None = None
    if scope.article_ids is not None:
        ids = list(dict.fromkeys(scope.article_ids))
        found = _existing_articles(session, ids)
        missing = [i for i in ids if i not in found]
        if missing:
            raise NotFoundError("no article with id " + ", ".join(str(i) for i in missing))
        wanted = set(ids)
    if scope.tags:
        from reader.services.tag_queries import articles_with_tags
        from reader.services.tagging import find_tag

        tag_ids = []
        for name in dict.fromkeys(scope.tags):
            tag = find_tag(session, name)
            if tag is None:
                raise NotFoundError(f"no tag {name!r}")
            tag_ids.append(tag.id)
        tagged = set(articles_with_tags(session, tag_ids, mode="all"))
        wanted = tagged if wanted is None else wanted & tagged
    if scope.statuses:
        unknown = [s for s in scope.statuses if s not in ARTICLE_STATUSES]
        if unknown:
            raise ScopeError(f"unknown status {unknown[0]!r}; expected one of {', '.join(ARTICLE_STATUSES)}")
        with_status = set(session.scalars(select(Article.id).where(Article.status.in_(list(scope.statuses)))))
        wanted = with_status if wanted is None else wanted & with_status
    assert wanted is not None
    issues_of = _existing_articles(session, sorted(wanted))
    having = set(issues_of.values())
    return Selection([i for i in issue_ids if i in having], frozenset(wanted))

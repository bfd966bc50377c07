"""Use case: read an article's or a whole issue's structure (blocks, roles, leftovers) for display.

``article_outline`` is what ``python main.py show`` prints; ``issue_layout``
is what the layout view shows: every article's blocks and every leftover of
an issue, in the order of the original text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Article, Block, Issue, Leftover
from reader.services.segmentation_rows import SegmentationError
from reader.services.tag_queries import tags_for_export


@dataclass(frozen=True, slots=True)
class BlockLine:
    """A block of an article: its position (0-based), role and current text."""

    id: int
    position: int
    role: str
    text: str


@dataclass(frozen=True, slots=True)
class ArticleOutline:
    """An article with its blocks, tags and review status."""

    id: int
    issue_id: int
    position: int
    title: str | None
    status: str
    version: int
    blocks: list[BlockLine]
    tags: list[dict[str, str | None]] = field(default_factory=list)

    def as_json(self) -> dict[str, object]:
        """The ``show --json`` object."""
        return {
            "id": self.id,
            "issue_id": self.issue_id,
            "position": self.position,
            "title": self.title,
            "status": self.status,
            "version": self.version,
            "blocks": [{"position": b.position, "role": b.role, "text": b.text} for b in self.blocks],
            "tags": self.tags,
        }


def _blocks(session: Session, article_id: int) -> list[BlockLine]:
    query = select(Block.id, Block.position, Block.role, Block.text).where(Block.article_id == article_id)
    return [BlockLine(*row) for row in session.execute(query.order_by(Block.position))]


def article_outline(session: Session, article_id: int) -> ArticleOutline:
    """One article's structure (SegmentationError when there is no such article)."""
    article = session.get(Article, article_id)
    if article is None:
        raise SegmentationError(f"there is no article {article_id}")
    return ArticleOutline(
        article.id,
        article.issue_id,
        article.position,
        article.title,
        article.status,
        article.version,
        _blocks(session, article.id),
        tags_for_export(session, [article.id]).get(article.id, []),
    )


@dataclass(frozen=True, slots=True)
class LayoutArticle:
    """An article of the layout: its id, position, title, status and blocks."""

    id: int
    position: int
    title: str | None
    status: str
    start: int  # where its first block starts in the original
    blocks: list[BlockLine]


@dataclass(frozen=True, slots=True)
class LayoutLeftover:
    """A block of the issue that belongs to no article."""

    id: int
    position: int
    kind: str
    text: str
    start: int


@dataclass(frozen=True, slots=True)
class IssueLayout:
    """An issue's articles (in reading order) and leftovers, interleaved by where they start."""

    issue_id: int
    name: str
    items: list[LayoutArticle | LayoutLeftover]

    @property
    def articles(self) -> list[LayoutArticle]:
        return [item for item in self.items if isinstance(item, LayoutArticle)]


def issue_layout(session: Session, issue_id: int) -> IssueLayout:
    """Every block of an issue in order: articles by position, leftovers placed where they start."""
    issue = session.get(Issue, issue_id)
    if issue is None:
        raise SegmentationError(f"there is no issue {issue_id}")
    articles = [
        LayoutArticle(a.id, a.position, a.title, a.status, a.span_start, _blocks(session, a.id))
        for a in session.scalars(
            select(Article).where(Article.issue_id == issue_id).order_by(Article.position)
        )
    ]
    leftovers = [
        LayoutLeftover(lo.id, lo.position, lo.kind, lo.text, lo.span_start)
        for lo in session.scalars(
            select(Leftover).where(Leftover.issue_id == issue_id).order_by(Leftover.position)
        )
    ]
    items: list[LayoutArticle | LayoutLeftover] = []
    rest = iter(leftovers)
    pending = next(rest, None)
    for article in articles:  # articles keep their order; a leftover goes before the first starting after it
        while pending is not None and pending.start < article.start:
            items.append(pending)
            pending = next(rest, None)
        items.append(article)
    while pending is not None:
        items.append(pending)
        pending = next(rest, None)
    return IssueLayout(issue.id, issue.source_name, items)

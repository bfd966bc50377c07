"""What the reading pane shows of an article: a typed read model, apart from the export document.

:func:`article_view` reads one article row and its blocks (two indexed
queries); the export document (``reader.services.documents``: corrections,
revisions, notes, tags) is built only by export.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from db.models import Article, Block

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


@dataclass(frozen=True, slots=True)
class BlockView:
    """One block as the reading pane lays it out."""

    role: str
    text: str


@dataclass(frozen=True, slots=True)
class ArticleView:
    """One article as the reading pane shows it."""

    id: int
    issue_id: int
    position: int
    title: str | None
    status: str
    version: int
    blocks: tuple[BlockView, ...]

    def as_mapping(self) -> dict[str, Any]:
        """The keys the reading pane reads, in the shape of the export document's."""
        return {
            "id": self.id,
            "issue_id": self.issue_id,
            "position": self.position,
            "title": self.title,
            "status": self.status,
            "version": self.version,
            "blocks": [{"role": b.role, "text": b.text} for b in self.blocks],
        }


def article_view(session: Session, article_id: int) -> ArticleView:
    """The article's read model; NoResultFound when it is not in the library."""
    row = session.execute(
        select(
            Article.id, Article.issue_id, Article.position, Article.title, Article.status, Article.version
        ).where(Article.id == article_id)
    ).one()
    blocks = session.execute(
        select(Block.role, Block.text).where(Block.article_id == article_id).order_by(Block.position)
    )
    return ArticleView(
        row.id,
        row.issue_id,
        row.position,
        row.title,
        row.status,
        row.version,
        tuple(BlockView(role, text) for role, text in blocks),
    )

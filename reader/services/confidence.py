"""Use case: the segmentation confidence of articles and the review queue of doubtful ones.

Computed from the stored blocks when asked (nothing stored, so a structure
edit never leaves a stale figure behind): see
:mod:`reader.core.segment.confidence` for the rules.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Article, Block
from reader.core.segment.confidence import Confidence, assess


@dataclass(frozen=True, slots=True)
class DoubtfulArticle:
    """An article whose layout needs a look, where it sits, and why."""

    id: int
    issue_id: int
    position: int
    title: str | None
    confidence: Confidence


def article_confidence(session: Session, article_ids: Sequence[int]) -> dict[int, Confidence]:
    """The confidence of each of ``article_ids`` that exists (unknown ids are left out)."""
    blocks: dict[int, list[tuple[str, str]]] = defaultdict(list)
    ids = list(dict.fromkeys(article_ids))
    existing = set(session.scalars(select(Article.id).where(Article.id.in_(ids))))
    rows = session.execute(
        select(Block.article_id, Block.role, Block.text)
        .where(Block.article_id.in_(ids))
        .order_by(Block.article_id, Block.position)
    )
    for article_id, role, text in rows:
        blocks[article_id].append((role, text))
    return {article_id: assess(blocks[article_id]) for article_id in ids if article_id in existing}


def doubtful_articles(session: Session, issue_id: int | None = None) -> list[DoubtfulArticle]:
    """The doubtful articles of one issue (or of the whole library), in issue and reading order."""
    query = select(Article.id, Article.issue_id, Article.position, Article.title).order_by(
        Article.issue_id, Article.position
    )
    if issue_id is not None:
        query = query.where(Article.issue_id == issue_id)
    articles = list(session.execute(query))
    found: list[DoubtfulArticle] = []
    for start in range(0, len(articles), 500):
        chunk = articles[start : start + 500]
        confidence = article_confidence(session, [row[0] for row in chunk])
        for article_id, issue, position, title in chunk:
            if confidence[article_id].doubtful:
                found.append(DoubtfulArticle(article_id, issue, position, title, confidence[article_id]))
    return found


def next_doubtful_article(session: Session, after_article_id: int | None = None) -> int | None:
    """The next doubtful article after ``after_article_id`` across issues (wrapping round); None if none."""
    queue = doubtful_articles(session)
    if not queue:
        return None
    if after_article_id is not None:
        here = session.execute(
            select(Article.issue_id, Article.position).where(Article.id == after_article_id)
        ).first()
        if here is not None:
            key = (here[0], here[1])
            for item in queue:
                if (item.issue_id, item.position) > key:
                    return item.id
    return queue[0].id

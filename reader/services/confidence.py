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

CHUNK = 500  # articles assessed per query of their blocks


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
    for start in range(0, len(articles), CHUNK):
        chunk = articles[start : start + CHUNK]
        confidence = article_confidence(session, [row[0] for row in chunk])
        for article_id, issue, position, title in chunk:
            if confidence[article_id].doubtful:
                found.append(DoubtfulArticle(article_id, issue, position, title, confidence[article_id]))
    return found


def next_doubtful_article(session: Session, after_article_id: int | None = None) -> int | None:
    """The next doubtful article after ``after_article_id`` across issues (wrapping round); None if none.

    Articles are read in issue and reading order a chunk at a time, so the
    search stops at the first doubtful one instead of assessing the library.
    """
    key: tuple[int, int] | None = None
    if after_article_id is not None:
        here = session.execute(
            select(Article.issue_id, Article.position).where(Article.id == after_article_id)
        ).first()
        key = None if here is None else (here[0], here[1])
    found = _first_doubtful(session, key)
    if found is None and key is not None:
        found = _first_doubtful(session, None, until=key)
    return found


def _first_doubtful(
    session: Session, after: tuple[int, int] | None, *, until: tuple[int, int] | None = None
) -> int | None:
    """The first doubtful article after ``after`` (from the start when None), up to ``until`` included."""
    query = select(Article.id).order_by(Article.issue_id, Article.position)
    if after is not None:
        query = query.where(
            (Article.issue_id > after[0]) | ((Article.issue_id == after[0]) & (Article.position > after[1]))
        )
    if until is not None:
        query = query.where(
            (Article.issue_id < until[0]) | ((Article.issue_id == until[0]) & (Article.position <= until[1]))
        )
    ids = list(session.scalars(query))  # small rows; the blocks are read a chunk at a time
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        confidence = article_confidence(session, chunk)
        for article_id in chunk:
            if confidence[article_id].doubtful:
                return article_id
    return None

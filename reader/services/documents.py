"""Plain-data documents of articles: the article part of the JSON export structure.

The same dictionaries feed the exports (``export_formats.full_document``
wraps them into whole issue documents) and the reading pane, so every view of
an article shows the same thing.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Article, Block, Contributor
from reader.core.model import Role
from reader.services.proofreading_export import article_extras
from reader.services.tag_queries import tags_for_export

BODY_ROLES = (Role.PARAGRAPH.value, Role.SUBHEADING.value)


def article_documents(session: Session, articles: Sequence[Article]) -> list[dict[str, Any]]:
    """Documents of several articles, with two queries for all their blocks and people."""
    ids = [a.id for a in articles]
    blocks: dict[int, list[Block]] = defaultdict(list)
    for block in session.scalars(
        select(Block).where(Block.article_id.in_(ids)).order_by(Block.article_id, Block.position)
    ):
        blocks[block.article_id].append(block)
    people: dict[int, list[Contributor]] = defaultdict(list)
    for person in session.scalars(
        select(Contributor).where(Contributor.article_id.in_(ids)).order_by(Contributor.position)
    ):
        people[person.article_id].append(person)
    # Feature areas add their own keys (corrections, revisions, notes, tags…).
    extras = article_extras(session, ids)
    tags = tags_for_export(session, ids)
    return [
        {
            "id": a.id,
            "issue_id": a.issue_id,
            "position": a.position,
            "section": a.section,
            "kicker": a.kicker,
            "title": a.title,
            "subtitle": a.subtitle,
            "byline": a.byline,
            "people": [{"name": p.name, "role": p.role} for p in people[a.id]],
            "source": a.source,
            "status": a.status,
            "version": a.version,
            "paragraphs": [b.text for b in blocks[a.id] if b.role in BODY_ROLES],
            "captions": [b.text for b in blocks[a.id] if b.role == Role.CAPTION.value],
            "furniture": [b.text for b in blocks[a.id] if b.role == Role.FURNITURE.value],
            "span": [a.span_start, a.span_end],
            "blocks": [{"role": b.role, "text": b.text, "pieces": b.pieces} for b in blocks[a.id]],
            "tags": tags.get(a.id, []),
            **extras.get(a.id, {}),
        }
        for a in articles
    ]


def article_document(session: Session, article_id: int) -> dict[str, Any]:
    """The document of one article (as in the JSON export's ``articles`` list)."""
    return article_documents(session, [session.get_one(Article, article_id)])[0]

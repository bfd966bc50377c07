"""Rows written straight into a library, for tests that need many or odd issues quickly."""

from __future__ import annotations

from sqlalchemy import insert

from db.engine import Library
from db.models import Article, Block, Issue, utcnow

ArticleSpec = tuple[str | None, str, str]
"""(title or None, first paragraph, status)"""


def add_issue(library: Library, name: str, articles: list[ArticleSpec], *, title: str | None = None) -> int:
    """Insert one issue with its articles (each: a title block and one paragraph); returns its id."""
    now = utcnow()
    with library.writing() as session:
        issue_id = session.scalars(
            insert(Issue).returning(Issue.id),
            [
                {
                    "source_name": name,
                    "source_stem": name.removesuffix(".txt"),
                    "sha256": (name * 64)[:64],
                    "encoding": "utf-8",
                    "original_text": "",
                    "char_count": 0,
                    "imported_at": now,
                    "title": title,
                    "publication_date": None,
                }
            ],
        ).one()
        for position, (article_title, paragraph, status) in enumerate(articles):
            article_id = session.scalars(
                insert(Article).returning(Article.id),
                [
                    {
                        "issue_id": issue_id,
                        "position": position,
                        "title": article_title,
                        "status": status,
                        "span_start": 0,
                        "span_end": 0,
                        "updated_at": now,
                    }
                ],
            ).one()
            blocks = [("paragraph", paragraph)]
            if article_title:
                blocks.insert(0, ("title", article_title))
            session.execute(
                insert(Block),
                [
                    {"article_id": article_id, "position": n, "role": role, "text": text, "pieces": []}
                    for n, (role, text) in enumerate(blocks)
                ],
            )
    return issue_id

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


def add_many_issues(library: Library, count: int, articles_each: int = 1) -> list[int]:
    """Insert ``count`` small issues at once (one titled article each by default); returns their ids."""
    now = utcnow()
    with library.writing() as session:
        ids = list(
            session.scalars(
                insert(Issue).returning(Issue.id, sort_by_parameter_order=True),
                [
                    {
                        "source_name": f"issue_{n:05d}.txt",
                        "source_stem": f"issue_{n:05d}",
                        "sha256": f"{n:064x}",
                        "encoding": "utf-8",
                        "char_count": 0,
                        "imported_at": now,
                        "title": None,
                        "publication_date": None,
                    }
                    for n in range(count)
                ],
            )
        )
        session.execute(
            insert(Article),
            [
                {
                    "issue_id": issue_id,
                    "position": position,
                    "title": f"第{n}期 第{position + 1}篇",
                    "status": "new",
                    "span_start": 0,
                    "span_end": 0,
                    "updated_at": now,
                }
                for n, issue_id in enumerate(ids)
                for position in range(articles_each)
            ],
        )
    return ids

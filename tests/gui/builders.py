"""Rows written straight into a library, for tests that need many or odd issues quickly.

The libraries they make pass the full check (``python main.py check``): each
issue's original is the text of its blocks (or a masthead leftover), with
its SHA-256 and length, the blocks' pieces cover it, and the hashes are recorded.
"""

from __future__ import annotations

import hashlib

from sqlalchemy import insert
from sqlalchemy.orm import Session

from db.engine import Library
from db.integrity import record_issue_hashes
from db.models import Article, Block, Issue, Leftover, utcnow
from db.original_text import write_text


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _finish(session: Session, issue_id: int, original: str) -> None:
    write_text(session.connection(), issue_id, original)
    record_issue_hashes(session, [issue_id])


ArticleSpec = tuple[str | None, str, str]
"""(title or None, first paragraph, status)"""


def add_issue(library: Library, name: str, articles: list[ArticleSpec], *, title: str | None = None) -> int:
    """Insert one issue with its articles (each: a title block and one paragraph); returns its id."""
    now = utcnow()
    article_blocks: list[list[tuple[str, str, list[list[int]]]]] = []
    original = ""
    for article_title, paragraph, _status in articles:
        blocks = [("paragraph", paragraph)]
        if article_title:
            blocks.insert(0, ("title", article_title))
        placed = []
        for role, text in blocks:
            placed.append((role, text, [[len(original), len(original) + len(text)]]))
            original += text + "\n"
        article_blocks.append(placed)
    with library.writing() as session:
        issue_id = session.scalars(
            insert(Issue).returning(Issue.id),
            [
                {
                    "source_name": name,
                    "source_stem": name.removesuffix(".txt"),
                    "sha256": _sha(original) if original else (name * 64)[:64],
                    "encoding": "utf-8",
                    "char_count": len(original),
                    "imported_at": now,
                    "title": title,
                    "publication_date": None,
                }
            ],
        ).one()
        for position, ((article_title, _paragraph, status), blocks) in enumerate(
            zip(articles, article_blocks, strict=True)
        ):
            article_id = session.scalars(
                insert(Article).returning(Article.id),
                [
                    {
                        "issue_id": issue_id,
                        "position": position,
                        "title": article_title,
                        "status": status,
                        "span_start": blocks[0][2][0][0],
                        "span_end": blocks[-1][2][0][1],
                        "updated_at": now,
                    }
                ],
            ).one()
            session.execute(
                insert(Block),
                [
                    {"article_id": article_id, "position": n, "role": role, "text": text, "pieces": pieces}
                    for n, (role, text, pieces) in enumerate(blocks)
                ],
            )
        _finish(session, issue_id, original)
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
                        "sha256": _sha(f"第{n}期"),
                        "encoding": "utf-8",
                        "char_count": len(f"第{n}期"),
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
        for n, issue_id in enumerate(ids):  # the masthead is each issue's whole original
            masthead = f"第{n}期"
            session.add(
                Leftover(
                    issue_id=issue_id,
                    position=0,
                    kind="masthead",
                    text=masthead,
                    span_start=0,
                    span_end=len(masthead),
                )
            )
            _finish(session, issue_id, masthead)
    return ids

"""Helpers for the data-safety tests: small real libraries built without the importer."""

from __future__ import annotations

import hashlib
from pathlib import Path

from db.engine import Library, open_library
from db.integrity import record_hashes
from db.models import Article, Block, Issue, utcnow


def add_articles(library: Library, articles: int = 3, blocks: int = 3, tag: str = "") -> list[int]:
    """Add one issue with ``articles`` articles of ``blocks`` blocks each; returns the article ids."""
    now = utcnow()
    original = f"原文{tag}{now.isoformat()}"
    with library.writing() as session:
        issue = Issue(
            source_name=f"issue{tag}.txt",
            source_stem=f"issue{tag}",
            sha256=hashlib.sha256(original.encode()).hexdigest(),
            encoding="utf-8",
            original_text=original,
            char_count=len(original),
            imported_at=now,
        )
        for a in range(articles):
            article = Article(position=a, title=f"文章{a}", span_start=0, span_end=1, updated_at=now)
            article.blocks = [
                Block(position=b, role="paragraph", text=f"第{a}篇第{b}段。", pieces=[[0, 1]])
                for b in range(blocks)
            ]
            issue.articles.append(article)
        session.add(issue)
        session.flush()
        ids = [article.id for article in issue.articles]
        record_hashes(session, ids)
    return ids


def make_library(path: Path, articles: int = 3, blocks: int = 3) -> list[int]:
    """Create a library file at ``path`` with some articles; returns their ids."""
    library = open_library(path)
    try:
        return add_articles(library, articles, blocks)
    finally:
        library.close()


def corrupt_pages(path: Path, offset: int = 4096, length: int = 2048) -> None:
    """Overwrite part of a closed database file with garbage (not its header)."""
    with open(path, "r+b") as handle:
        handle.seek(offset)
        handle.write(b"\xa5" * length)

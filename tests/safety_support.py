"""Helpers for the data-safety tests: small real libraries built without the importer."""

from __future__ import annotations

import hashlib
from pathlib import Path

from sqlalchemy import select, update

from db.engine import Library
from db.integrity import record_hashes
from db.models import Article, Block, Issue, Leftover, utcnow
from db.opening import open_library
from db.original_text import write_text
from tests.template_library import new_library_file


def add_articles(library: Library, articles: int = 3, blocks: int = 3, tag: str = "") -> list[int]:
    """Add one issue with ``articles`` articles of ``blocks`` blocks each; returns the article ids.

    The issue passes the full check: its original is its masthead line and the
    blocks' texts, which the blocks' pieces and a masthead leftover cover exactly.
    """
    now = utcnow()
    masthead = f"原文{tag}{now.isoformat()}"
    original = masthead + "\n"
    placed: list[list[tuple[str, list[list[int]]]]] = []
    for a in range(articles):
        texts = []
        for b in range(blocks):
            text = f"第{a}篇第{b}段。"
            texts.append((text, [[len(original), len(original) + len(text)]]))
            original += text + "\n"
        placed.append(texts)
    with library.writing() as session:
        issue = Issue(
            source_name=f"issue{tag}.txt",
            source_stem=f"issue{tag}",
            sha256=hashlib.sha256(original.encode()).hexdigest(),
            encoding="utf-8",
            char_count=len(original),
            imported_at=now,
        )
        issue.leftovers = [
            Leftover(position=0, kind="masthead", text=masthead, span_start=0, span_end=len(masthead))
        ]
        for a, texts in enumerate(placed):
            article = Article(
                position=a,
                title=f"文章{a}",
                span_start=texts[0][1][0][0],
                span_end=texts[-1][1][0][1],
                updated_at=now,
            )
            article.blocks = [
                Block(position=b, role="paragraph", text=text, pieces=pieces)
                for b, (text, pieces) in enumerate(texts)
            ]
            issue.articles.append(article)
        session.add(issue)
        session.flush()
        write_text(session.connection(), issue.id, original)
        ids = [article.id for article in issue.articles]
        record_hashes(session, ids)
    return ids


def save_all_blocks(library: Library, text: str) -> None:
    """Give every block of the library ``text``, recording the hashes as every save does."""
    with library.writing() as session:
        session.execute(update(Block).values(text=text))
        record_hashes(session, session.scalars(select(Article.id)))


def make_library(path: Path, articles: int = 3, blocks: int = 3) -> list[int]:
    """Create a library file at ``path`` with some articles; returns their ids."""
    library = open_library(new_library_file(path))
    try:
        return add_articles(library, articles, blocks)
    finally:
        library.close()


def corrupt_pages(path: Path, offset: int = 4096, length: int = 2048) -> None:
    """Overwrite part of a closed database file with garbage (not its header)."""
    with open(path, "r+b") as handle:
        handle.seek(offset)
        handle.write(b"\xa5" * length)


OLD_ISSUE_SQL = (
    "INSERT INTO issue (source_name, source_stem, sha256, encoding, original_text, char_count, imported_at) "
    "VALUES ('old.txt', 'old', ?, 'utf-8', ?, ?, '2020-01-01 00:00:00')"
)


def library_at(path: Path, *revisions: str, down: bool = False) -> None:
    """Create a library file whose schema is at these (older) migration revisions (or downgrade to them)."""
    from alembic import command

    from db.engine import create_library_engine, database_url
    from db.migrate import alembic_config

    engine = create_library_engine(database_url(path))
    try:
        with engine.connect() as conn:
            conn.connection.driver_connection.execute("PRAGMA foreign_keys=OFF")  # type: ignore[union-attr]  # as db.migrate does
            config = alembic_config()
            config.attributes["connection"] = conn
            for revision in revisions:
                (command.downgrade if down else command.upgrade)(config, revision)
            conn.commit()
    finally:
        engine.dispose()


def copy_into_older(source: Path, target: Path) -> None:
    """Copy every row of a library at head into ``target``, a library made by :func:`library_at`.

    Only the tables and columns the older schema has are copied (the search index's shadow tables
    included, so the index stays whole): data written by today's services, in an older library.
    """
    import sqlite3

    with sqlite3.connect(target) as conn:
        conn.execute("PRAGMA foreign_keys=OFF")
        conn.execute("ATTACH DATABASE ? AS src", (str(source),))
        tables = conn.execute(
            "SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND name != 'alembic_version' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'"
        ).fetchall()
        for (table,) in tables:
            old = [row[1] for row in conn.execute(f"PRAGMA main.table_info('{table}')")]
            new = {row[1] for row in conn.execute(f"PRAGMA src.table_info('{table}')")}
            columns = ", ".join(f'"{c}"' for c in old if c in new)
            conn.execute(f'DELETE FROM main."{table}"')
            conn.execute(f'INSERT INTO main."{table}" ({columns}) SELECT {columns} FROM src."{table}"')
        conn.commit()
        conn.execute("DETACH DATABASE src")
    conn.close()


def add_old_issue(path: Path, original: str, articles: int = 3) -> None:
    """Add an issue with articles to a library whose issue table still has ``original_text`` (before 0008)."""
    import sqlite3

    with sqlite3.connect(path) as conn:
        digest = hashlib.sha256(original.encode()).hexdigest()
        issue_id = conn.execute(OLD_ISSUE_SQL, (digest, original, len(original))).lastrowid
        for position in range(articles):
            conn.execute(
                "INSERT INTO article (issue_id, position, title, span_start, span_end, status, version, "
                "updated_at) VALUES (?, ?, ?, 0, 1, 'new', 1, '2020-01-01 00:00:00')",
                (issue_id, position, f"文章{position}"),
            )
            conn.execute(
                "INSERT INTO block (article_id, position, role, text, pieces) "
                "VALUES (?, 0, 'paragraph', ?, '[[0, 1]]')",
                (conn.execute("SELECT max(id) FROM article").fetchone()[0], f"第{position}篇。"),
            )
    conn.close()

"""Full-text search index: contentless FTS5 over folded character bigrams (a GIN index on PostgreSQL).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-21

Frozen: the tables are created with this file's own SQL, and the articles an
older library already holds are indexed from the ``block`` table as it is at
this revision (article id, position, text), without the application's models
or services.  Only the tokeniser is shared (``reader.core.search_index.payload_for``
and ``reader.core.search_index_pg.tokens_of``, pure functions of a text): the
index must hold exactly the tokens today's queries look for.
"""

from __future__ import annotations

from collections.abc import Iterator

import sqlalchemy as sa
from alembic import op

from reader.core.search_index import payload_for
from reader.core.search_index_pg import tokens_of
from reader.core.search_tokens import _unpack

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# The tokenizer: ``ascii`` with all ASCII punctuation as token characters (quotes doubled twice).
_SQLITE_UP = (
    "CREATE TABLE IF NOT EXISTS article_search_terms (article_id INTEGER PRIMARY KEY, folded BLOB NOT NULL)",
    "CREATE VIRTUAL TABLE IF NOT EXISTS article_search USING fts5(terms, content='', columnsize=0, "
    "prefix='1', tokenize='ascii tokenchars ''!\"#$%&''''()*+,-./:;<=>?@[\\]^_`{|}~''')",
)
_SQLITE_DOWN = ("DROP TABLE IF EXISTS article_search", "DROP TABLE IF EXISTS article_search_terms")
_PG_UP = (
    "CREATE TABLE IF NOT EXISTS article_search ("
    "article_id INTEGER PRIMARY KEY, tokens TSVECTOR NOT NULL, folded TEXT NOT NULL)",
    "CREATE INDEX IF NOT EXISTS ix_article_search_tokens ON article_search USING gin (tokens)",
)
_PG_DOWN = ("DROP TABLE IF EXISTS article_search",)
_BATCH = 500


def upgrade() -> None:
    conn = op.get_bind()
    postgres = conn.dialect.name == "postgresql"
    for statement in _PG_UP if postgres else _SQLITE_UP:
        op.execute(statement)
    # Index what an older library already holds: each article's blocks joined by newlines, in order.
    for rows in _batches(_article_texts(conn)):
        if postgres:
            _write_postgres(conn, rows)
        else:
            _write_sqlite(conn, rows)


def downgrade() -> None:
    for statement in _PG_DOWN if op.get_bind().dialect.name == "postgresql" else _SQLITE_DOWN:
        op.execute(statement)


def _article_texts(conn: sa.Connection) -> Iterator[tuple[int, str]]:
    """(article id, searchable text) of every article that has blocks, in id order."""
    current: int | None = None
    texts: list[str] = []
    for article_id, text in conn.execute(
        sa.text("SELECT article_id, text FROM block ORDER BY article_id, position")
    ):
        if article_id != current and current is not None:
            yield current, "\n".join(texts)
            texts = []
        current = article_id
        texts.append(text)
    if current is not None:
        yield current, "\n".join(texts)


def _batches(rows: Iterator[tuple[int, str]]) -> Iterator[list[tuple[int, str]]]:
    batch: list[tuple[int, str]] = []
    for row in rows:
        batch.append(row)
        if len(batch) == _BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def _write_sqlite(conn: sa.Connection, rows: list[tuple[int, str]]) -> None:
    payloads = [(article_id, payload_for(text)) for article_id, text in rows]
    conn.exec_driver_sql(
        "INSERT INTO article_search(rowid, terms) VALUES (?, ?)",
        [(article_id, payload[0]) for article_id, payload in payloads],
    )
    conn.exec_driver_sql(
        "INSERT INTO article_search_terms(article_id, folded) VALUES (?, ?)",
        [(article_id, payload[-1]) for article_id, payload in payloads],
    )


def _write_postgres(conn: sa.Connection, rows: list[tuple[int, str]]) -> None:
    values = []
    for article_id, text in rows:
        folded = _unpack(payload_for(text)[-1])
        lexemes = " ".join("'" + t.replace("\\", "\\\\").replace("'", "''") + "'" for t in tokens_of(folded))
        values.append({"id": article_id, "tokens": lexemes, "folded": folded})
    conn.execute(
        sa.text(
            "INSERT INTO article_search (article_id, tokens, folded) "
            "VALUES (:id, CAST(:tokens AS tsvector), :folded)"
        ),
        values,
    )

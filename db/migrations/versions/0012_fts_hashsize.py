"""The SQLite search index holds 64 MB of new entries in memory before writing them (PostgreSQL: nothing).

Revision ID: 0012_fts_hashsize
Revises: 0011_ocr
Create Date: 2026-12-06 11:00:00

FTS5's ``hashsize`` is a setting kept in the index's own config table; a new
library gets it from ``reader.core.search_index.create_index_ddl``, an older
one here.  Frozen: the value and statement are this file's own.  The entries
already written are not touched; downgrading puts back FTS5's default.
"""

from __future__ import annotations

from alembic import op

from db.dialect import is_sqlite

revision = "0012_fts_hashsize"
down_revision = "0011_ocr"
branch_labels = None
depends_on = None

_SET = "INSERT INTO article_search(article_search, rank) VALUES ('hashsize', {})"


def upgrade() -> None:
    if is_sqlite(op.get_bind()):
        op.execute(_SET.format(64 * 1024 * 1024))


def downgrade() -> None:
    if is_sqlite(op.get_bind()):
        op.execute(_SET.format(1024 * 1024))

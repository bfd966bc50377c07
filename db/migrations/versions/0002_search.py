"""Full-text search index: contentless FTS5 over folded character bigrams (a GIN index on PostgreSQL).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-21
"""

from __future__ import annotations

from alembic import op

from reader.core.search_index import create_index_ddl, drop_index_ddl

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    for statement in create_index_ddl(op.get_bind().dialect.name):
        op.execute(statement)
    # Index what an older library already holds: every block's text, in order.
    from reader.services.searching import rebuild_index

    rebuild_index(op.get_bind())


def downgrade() -> None:
    for statement in drop_index_ddl(op.get_bind().dialect.name):
        op.execute(statement)

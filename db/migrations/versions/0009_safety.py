"""Digests for what ``check`` must vouch for beyond article text.

``issue``, ``tag``, ``revision`` and ``change_record`` get a ``digest`` column
(``db.row_digests``) and ``article_hash`` a ``structure`` column (the hash of
an article's title, block roles, order and pieces), each with a partial index
of the rows still to be digested; the existing rows are digested here.
Columns are added with ``ALTER TABLE … ADD COLUMN`` (batch mode, never
recreating a table: recreating ``issue`` would delete every article through
``ON DELETE CASCADE``, see 0008).

Revision ID: 0009_safety
Revises: 0008
Create Date: 2026-12-06 06:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.orm import Session

revision = "0009_safety"
down_revision = "0009_daily"
branch_labels = None
depends_on = None

DIGESTED = ("issue", "tag", "revision", "change_record")


def upgrade() -> None:
    for table in DIGESTED:
        with op.batch_alter_table(table, recreate="never") as batch:
            batch.add_column(sa.Column("digest", sa.String(length=64), nullable=True))
        _pending_index(f"ix_{table}_digest_pending", table, "id", "digest")
    with op.batch_alter_table("article_hash", recreate="never") as batch:
        batch.add_column(sa.Column("structure", sa.String(length=64), nullable=True))
    _pending_index("ix_article_hash_structure_pending", "article_hash", "article_id", "structure")
    from db.integrity import record_structures
    from db.row_digests import refresh_digests

    session = Session(bind=op.get_bind())
    refresh_digests(session)
    record_structures(session)
    session.flush()


def _pending_index(name: str, table: str, column: str, digest: str) -> None:
    where = sa.text(f"{digest} IS NULL")
    op.create_index(name, table, [column], unique=False, sqlite_where=where, postgresql_where=where)


def downgrade() -> None:
    op.drop_index("ix_article_hash_structure_pending", table_name="article_hash")
    with op.batch_alter_table("article_hash", recreate="never") as batch:
        batch.drop_column("structure")
    for table in reversed(DIGESTED):
        op.drop_index(f"ix_{table}_digest_pending", table_name=table)
        with op.batch_alter_table(table, recreate="never") as batch:
            batch.drop_column("digest")

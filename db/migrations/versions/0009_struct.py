"""Article ids are never reused (AUTOINCREMENT); a table of what was learnt about papers' layouts.

SQLite hands a new row the largest id plus one, so deleting the last article
(a merge) let the next article take its id: a save meant for the deleted
article could then land on another one.  The ``article`` table is rebuilt
with ``AUTOINCREMENT`` (SQLite keeps the highest id ever used in
``sqlite_sequence``).  Rebuilding drops the old table, which with foreign
keys on would delete every block, tag, note and revision through
``ON DELETE CASCADE``: ``db.migrate`` runs migrations with foreign keys off
and checks them (``PRAGMA foreign_key_check``) before committing, and this
migration refuses to rebuild when they are on.  PostgreSQL sequences never
reuse a value: nothing to rebuild there.

Revision ID: 0009_struct
Revises: 0008
Create Date: 2026-12-06 05:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009_struct"
down_revision = "0008"
branch_labels = None
depends_on = None


def _rebuild_article(autoincrement: bool) -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return
    if bind.exec_driver_sql("PRAGMA foreign_keys").scalar():
        raise RuntimeError("the article table can only be rebuilt with foreign keys off (see db.migrate)")
    with op.batch_alter_table(
        "article", recreate="always", table_kwargs={"sqlite_autoincrement": autoincrement}
    ) as batch:
        batch.alter_column("id", existing_type=sa.Integer(), autoincrement=True)


def upgrade() -> None:
    op.create_table(
        "layout_rule",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("publication", sa.String(length=200), nullable=False),
        sa.Column("line", sa.Text(), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("author", sa.String(length=100), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_layout_rule")),
        sa.UniqueConstraint("publication", "line", name=op.f("uq_layout_rule_publication")),
    )
    _rebuild_article(True)


def downgrade() -> None:
    _rebuild_article(False)
    op.drop_table("layout_rule")

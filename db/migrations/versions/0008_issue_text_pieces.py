"""The original text of an issue moves from ``issue.original_text`` to pieces in ``issue_text``.

A huge issue (hundreds of megabytes) can then be stored while it is decoded
and read an article at a time.  Existing texts move over verbatim, one piece
each; the column is dropped with SQLite's own ``ALTER TABLE … DROP COLUMN``
(SQLite 3.35+): recreating the ``issue`` table, as batch mode otherwise
would, deletes every article through ``ON DELETE CASCADE`` while foreign keys
are on, and they cannot be switched off inside the migration's transaction.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-21 12:00:00
"""

from __future__ import annotations

import sqlite3

import sqlalchemy as sa
from alembic import op

from db.dialect import is_postgres, is_sqlite

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if is_sqlite(op.get_bind()) and sqlite3.sqlite_version_info < (3, 35, 0):
        raise RuntimeError(
            f"this library needs SQLite 3.35 or newer to upgrade (this Python has {sqlite3.sqlite_version})"
        )
    op.create_table(
        "issue_text",
        sa.Column("issue_id", sa.Integer(), nullable=False),
        sa.Column("start", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("stop", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.CheckConstraint("stop = start + length(text)", name=op.f("ck_issue_text_span")),
        sa.ForeignKeyConstraint(
            ["issue_id"], ["issue.id"], name=op.f("fk_issue_text_issue_id_issue"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("issue_id", "start", name=op.f("pk_issue_text")),
    )
    op.execute(
        "INSERT INTO issue_text (issue_id, start, stop, text) "
        "SELECT id, 0, length(original_text), original_text FROM issue WHERE length(original_text) > 0"
    )
    with op.batch_alter_table("issue", recreate="never") as batch:
        batch.drop_column("original_text")


def downgrade() -> None:
    with op.batch_alter_table("issue", recreate="never") as batch:
        batch.add_column(sa.Column("original_text", sa.Text(), nullable=False, server_default=""))
    joined = "string_agg(text, '' ORDER BY start)" if is_postgres(op.get_bind()) else "group_concat(text, '')"
    op.execute(
        f"UPDATE issue SET original_text = coalesce((SELECT {joined} FROM "
        "(SELECT text, start FROM issue_text WHERE issue_id = issue.id ORDER BY start) AS pieces), '')"
    )
    op.drop_table("issue_text")

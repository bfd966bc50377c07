"""Tag aliases, tag rules and the library's recurring phrases.

Revision ID: 0009_tags
Revises: 0008
Create Date: 2026-12-06 05:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009_tags"
down_revision = "0009_safety"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "tag_alias",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("tag_id", sa.Integer(), nullable=False),
        sa.Column("alias", sa.String(length=100), nullable=False),
        sa.Column("alias_key", sa.String(length=100), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["tag_id"], ["tag.id"], name=op.f("fk_tag_alias_tag_id_tag"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tag_alias")),
        sa.UniqueConstraint("alias_key", name=op.f("uq_tag_alias_alias_key")),
    )
    with op.batch_alter_table("tag_alias", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_tag_alias_tag_id"), ["tag_id"], unique=False)
    op.create_table(
        "tag_rule",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("tag_id", sa.Integer(), nullable=False),
        sa.Column("pattern", sa.String(length=200), nullable=False),
        sa.Column("is_regex", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["tag_id"], ["tag.id"], name=op.f("fk_tag_rule_tag_id_tag"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tag_rule")),
    )
    with op.batch_alter_table("tag_rule", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_tag_rule_tag_id"), ["tag_id"], unique=False)
    op.create_table(
        "tag_phrase",
        sa.Column("phrase", sa.String(length=100), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("phrase", name=op.f("pk_tag_phrase")),
    )


def downgrade() -> None:
    op.drop_table("tag_phrase")
    with op.batch_alter_table("tag_rule", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_tag_rule_tag_id"))
    op.drop_table("tag_rule")
    with op.batch_alter_table("tag_alias", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_tag_alias_tag_id"))
    op.drop_table("tag_alias")

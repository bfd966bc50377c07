"""Proofreading rules: user rules and decisions on suggestions.

Revision ID: 0003
Revises: 0001
Create Date: 2026-11-21 10:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "user_rule",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("pattern", sa.Text(), nullable=False),
        sa.Column("replacement", sa.Text(), nullable=True),
        sa.Column("is_regex", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("scope", sa.String(length=20), server_default="all", nullable=False),
        sa.Column("enabled", sa.Boolean(), server_default="1", nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "scope IN ('all', 'paragraph', 'heading', 'caption')", name=op.f("ck_user_rule_scope")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_user_rule")),
        sa.UniqueConstraint("name", name=op.f("uq_user_rule_name")),
    )
    op.create_table(
        "suggestion_decision",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("block_id", sa.Integer(), nullable=False),
        sa.Column("rule", sa.String(length=100), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("decision", sa.String(length=10), nullable=False),
        sa.Column("author", sa.String(length=100), nullable=False),
        sa.Column("decided_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "decision IN ('rejected', 'accepted')", name=op.f("ck_suggestion_decision_decision")
        ),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["article.id"],
            name=op.f("fk_suggestion_decision_article_id_article"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["block_id"], ["block.id"], name=op.f("fk_suggestion_decision_block_id_block"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_suggestion_decision")),
    )
    with op.batch_alter_table("suggestion_decision", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_suggestion_decision_article_id"), ["article_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_suggestion_decision_block_id"), ["block_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("suggestion_decision", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_suggestion_decision_block_id"))
        batch_op.drop_index(batch_op.f("ix_suggestion_decision_article_id"))

    op.drop_table("suggestion_decision")
    op.drop_table("user_rule")

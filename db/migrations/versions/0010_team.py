"""Team libraries: soft claims on the articles being edited.

Revision ID: 0010_team
Revises: 0009_struct
Create Date: 2026-12-06 06:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010_team"
down_revision = "0009_scans"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "article_claim",
        sa.Column("article_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("holder", sa.String(length=100), nullable=False),
        sa.Column("client", sa.String(length=64), nullable=False),
        sa.Column("claimed_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["article.id"],
            name=op.f("fk_article_claim_article_id_article"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("article_id", name=op.f("pk_article_claim")),
    )


def downgrade() -> None:
    op.drop_table("article_claim")

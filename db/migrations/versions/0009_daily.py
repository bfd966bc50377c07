"""An issue's publication and number; names kept through script conversion; the user's conversion list.

``issue`` gains two nullable columns, added with ``ALTER TABLE … ADD COLUMN``
(recreating ``issue`` would delete its articles through ``ON DELETE CASCADE``).

Revision ID: 0009_daily
Revises: 0008
Create Date: 2026-12-06 05:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009_daily"
down_revision = "0009_struct"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("issue", recreate="never") as batch:
        batch.add_column(sa.Column("publication", sa.String(length=200), nullable=True))
        batch.add_column(sa.Column("number", sa.String(length=50), nullable=True))
    op.create_table(
        "protected_name",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_protected_name")),
        sa.UniqueConstraint("name", name=op.f("uq_protected_name_name")),
    )
    op.create_table(
        "conversion_phrase",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("script", sa.String(length=20), nullable=False),
        sa.Column("phrase", sa.String(length=200), nullable=False),
        sa.Column("replacement", sa.String(length=200), nullable=False),
        sa.CheckConstraint(
            "script IN ('simplified', 'traditional', 'tw', 'hk')", name=op.f("ck_conversion_phrase_script")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_conversion_phrase")),
        sa.UniqueConstraint("script", "phrase", name=op.f("uq_conversion_phrase_script")),
    )


def downgrade() -> None:
    op.drop_table("conversion_phrase")
    op.drop_table("protected_name")
    with op.batch_alter_table("issue", recreate="never") as batch:
        batch.drop_column("number")
        batch.drop_column("publication")

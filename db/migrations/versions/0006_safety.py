"""Data safety: the article_hash table, filled for the articles already in the library.

Revision ID: 0006
Revises: 0001
Create Date: 2026-11-21 09:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from db.safety_models import article_text_digest

revision = "0006"
down_revision = "0001"
branch_labels = None
depends_on = None

_BATCH = 500


def upgrade() -> None:
    table = op.create_table(
        "article_hash",
        sa.Column("article_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["article.id"],
            name=op.f("fk_article_hash_article_id_article"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("article_id", name=op.f("pk_article_hash")),
    )
    _record_existing(op.get_bind(), table)


def _record_existing(bind: sa.Connection, table: sa.Table) -> None:
    """Hash every existing article, so a check can tell later damage from the text imported."""
    versions = {row[0]: row[1] for row in bind.execute(sa.text("SELECT id, version FROM article"))}
    texts: dict[int, list[str]] = {article_id: [] for article_id in versions}
    rows = bind.execute(sa.text("SELECT article_id, text FROM block ORDER BY article_id, position"))
    for article_id, text in rows:
        texts[article_id].append(text)
    values = [
        {"article_id": article_id, "sha256": article_text_digest(blocks), "version": versions[article_id]}
        for article_id, blocks in texts.items()
    ]
    for start in range(0, len(values), _BATCH):
        bind.execute(table.insert(), values[start : start + _BATCH])


def downgrade() -> None:
    op.drop_table("article_hash")

"""Page scans: attached files (stored in chunks), their pages, and regions linked to articles.

Revision ID: 0009_scans
Revises: 0008
Create Date: 2026-12-06 05:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009_scans"
down_revision = "0009_tags"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "scan_file",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("issue_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=500), nullable=False),
        sa.Column("media_type", sa.String(length=40), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("byte_count", sa.Integer(), nullable=False),
        sa.Column("attached_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["issue_id"], ["issue.id"], name=op.f("fk_scan_file_issue_id_issue"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_scan_file")),
        sa.UniqueConstraint("issue_id", "position", name=op.f("uq_scan_file_issue_id")),
    )
    with op.batch_alter_table("scan_file", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_scan_file_issue_id"), ["issue_id"], unique=False)

    op.create_table(
        "scan_chunk",
        sa.Column("file_id", sa.Integer(), nullable=False),
        sa.Column("start", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("stop", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.CheckConstraint("stop = start + length(data)", name=op.f("ck_scan_chunk_span")),
        sa.ForeignKeyConstraint(
            ["file_id"], ["scan_file.id"], name=op.f("fk_scan_chunk_file_id_scan_file"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("file_id", "start", name=op.f("pk_scan_chunk")),
    )

    op.create_table(
        "scan_page",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("issue_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("file_id", sa.Integer(), nullable=False),
        sa.Column("frame", sa.Integer(), nullable=False),
        sa.Column("width", sa.Integer(), nullable=False),
        sa.Column("height", sa.Integer(), nullable=False),
        sa.CheckConstraint("width > 0 AND height > 0", name=op.f("ck_scan_page_size")),
        sa.ForeignKeyConstraint(
            ["file_id"], ["scan_file.id"], name=op.f("fk_scan_page_file_id_scan_file"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["issue_id"], ["issue.id"], name=op.f("fk_scan_page_issue_id_issue"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_scan_page")),
        sa.UniqueConstraint("issue_id", "number", name=op.f("uq_scan_page_issue_id")),
    )
    with op.batch_alter_table("scan_page", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_scan_page_file_id"), ["file_id"], unique=False)

    op.create_table(
        "scan_region",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("page_id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("block_id", sa.Integer(), nullable=True),
        sa.Column("x", sa.Integer(), nullable=False),
        sa.Column("y", sa.Integer(), nullable=False),
        sa.Column("w", sa.Integer(), nullable=False),
        sa.Column("h", sa.Integer(), nullable=False),
        sa.Column("origin", sa.String(length=20), server_default="manual", nullable=False),
        sa.Column("author", sa.String(length=100), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("w > 0 AND h > 0 AND x >= 0 AND y >= 0", name=op.f("ck_scan_region_box")),
        sa.CheckConstraint("origin IN ('manual', 'ocr')", name=op.f("ck_scan_region_origin")),
        sa.ForeignKeyConstraint(
            ["article_id"], ["article.id"], name=op.f("fk_scan_region_article_id_article"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["block_id"], ["block.id"], name=op.f("fk_scan_region_block_id_block"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["page_id"], ["scan_page.id"], name=op.f("fk_scan_region_page_id_scan_page"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_scan_region")),
    )
    with op.batch_alter_table("scan_region", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_scan_region_article_id"), ["article_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_scan_region_block_id"), ["block_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_scan_region_page_id"), ["page_id"], unique=False)


def downgrade() -> None:
    op.drop_table("scan_region")
    op.drop_table("scan_page")
    op.drop_table("scan_chunk")
    op.drop_table("scan_file")

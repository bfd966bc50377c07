"""OCR line geometry: every line read on a page scan, with its span, page, box and confidences.

Revision ID: 0011_ocr
Revises: 0010_team
Create Date: 2026-12-06 08:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011_ocr"
down_revision = "0011_team_search"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "ocr_line",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("issue_id", sa.Integer(), nullable=False),
        sa.Column("page_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("span_start", sa.Integer(), nullable=False),
        sa.Column("span_end", sa.Integer(), nullable=False),
        sa.Column("x", sa.Integer(), nullable=False),
        sa.Column("y", sa.Integer(), nullable=False),
        sa.Column("w", sa.Integer(), nullable=False),
        sa.Column("h", sa.Integer(), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("char_confidences", sa.Text(), nullable=True),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("size", sa.Float(), nullable=False),
        sa.Column("block", sa.Integer(), nullable=False),
        sa.Column("unsure", sa.Boolean(), server_default="0", nullable=False),
        sa.CheckConstraint("span_end >= span_start AND span_start >= 0", name=op.f("ck_ocr_line_span")),
        sa.CheckConstraint("w >= 0 AND h >= 0", name=op.f("ck_ocr_line_box")),
        sa.ForeignKeyConstraint(
            ["issue_id"], ["issue.id"], name=op.f("fk_ocr_line_issue_id_issue"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["page_id"], ["scan_page.id"], name=op.f("fk_ocr_line_page_id_scan_page"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ocr_line")),
        sa.UniqueConstraint("issue_id", "position", name=op.f("uq_ocr_line_issue_id")),
    )
    with op.batch_alter_table("ocr_line", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_ocr_line_page_id"), ["page_id"], unique=False)


def downgrade() -> None:
    op.drop_table("ocr_line")

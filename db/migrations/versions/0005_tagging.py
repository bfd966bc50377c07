"""Tagging: tags, article tags, dismissed suggestions, user words, library IDF.

Revision ID: 0005
Revises: 0001
Create Date: 2026-11-21 09:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from db.dialect import colour_check

revision = "0005"
down_revision = "0001"
branch_labels = None
depends_on = None

_KIND_CHECK = "kind IN ('person', 'place', 'organisation', 'topic', 'other')"


def upgrade() -> None:
    op.create_table(
        "tag",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("name_key", sa.String(length=100), nullable=False),
        sa.Column("kind", sa.String(length=20), server_default="topic", nullable=False),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("colour", sa.String(length=7), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(_KIND_CHECK, name=op.f("ck_tag_kind")),
        sa.CheckConstraint(colour_check(op.get_bind().dialect.name), name=op.f("ck_tag_colour")),
        sa.ForeignKeyConstraint(
            ["parent_id"], ["tag.id"], name=op.f("fk_tag_parent_id_tag"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tag")),
        sa.UniqueConstraint("name_key", name=op.f("uq_tag_name_key")),
    )
    with op.batch_alter_table("tag", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_tag_parent_id"), ["parent_id"], unique=False)

    op.create_table(
        "article_tag",
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("tag_id", sa.Integer(), nullable=False),
        sa.Column("added_by", sa.String(length=100), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.Column("from_suggestion", sa.Boolean(), server_default="0", nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"], ["article.id"], name=op.f("fk_article_tag_article_id_article"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["tag_id"], ["tag.id"], name=op.f("fk_article_tag_tag_id_tag"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("article_id", "tag_id", name=op.f("pk_article_tag")),
    )
    with op.batch_alter_table("article_tag", schema=None) as batch_op:
        batch_op.create_index("ix_article_tag_tag_id", ["tag_id", "article_id"], unique=False)

    op.create_table(
        "dismissed_tag_suggestion",
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("name_key", sa.String(length=100), nullable=False),
        sa.Column("dismissed_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["article.id"],
            name=op.f("fk_dismissed_tag_suggestion_article_id_article"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("article_id", "name_key", name=op.f("pk_dismissed_tag_suggestion")),
    )
    op.create_table(
        "user_word",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("word", sa.String(length=100), nullable=False),
        sa.Column("pos", sa.String(length=10), server_default="n", nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_user_word")),
        sa.UniqueConstraint("word", name=op.f("uq_user_word_word")),
    )
    op.create_table(
        "term_df",
        sa.Column("term", sa.String(length=100), nullable=False),
        sa.Column("df", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("term", name=op.f("pk_term_df")),
    )
    op.create_table(
        "idf_article",
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"], ["article.id"], name=op.f("fk_idf_article_article_id_article"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("article_id", name=op.f("pk_idf_article")),
    )
    op.create_table(
        "idf_stats",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("n_docs", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("id = 1", name=op.f("ck_idf_stats_single_row")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_idf_stats")),
    )


def downgrade() -> None:
    op.drop_table("idf_stats")
    op.drop_table("idf_article")
    op.drop_table("term_df")
    op.drop_table("user_word")
    op.drop_table("dismissed_tag_suggestion")
    with op.batch_alter_table("article_tag", schema=None) as batch_op:
        batch_op.drop_index("ix_article_tag_tag_id")
    op.drop_table("article_tag")
    with op.batch_alter_table("tag", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_tag_parent_id"))
    op.drop_table("tag")

"""The search index keeps no token positions (FTS5 ``detail=none``): a third of the size, faster to write.

Words of three or more characters are confirmed against the stored folded
text (``reader.core.search_index.confirmed_ids``), so search stays exact.
The index is rebuilt from the folded texts it already stores.

Revision ID: 0009_speed_search
Revises: 0009_struct
"""

from __future__ import annotations

from alembic import op

from reader.core.search_index import rebuild_fts_table

revision = "0009_speed_search"
down_revision = "0009_struct"
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":  # FTS5 is SQLite's
        rebuild_fts_table(bind, "none")


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        rebuild_fts_table(bind, "full")

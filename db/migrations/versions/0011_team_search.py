"""Team libraries: the PostgreSQL search index gains trigram and id-bucket tokens (SQLite: nothing).

Revision ID: 0011_team_search
Revises: 0010_team
Create Date: 2026-12-06 08:30:00

The stored folded text of every indexed article is tokenised again
(``reader.core.search_index_pg``); the index's semantics do not change, its
newest-first first page and its longer words get fast.  Downgrading keeps the
extra tokens, which the older code never asks for.
"""

from __future__ import annotations

from alembic import op

from db.dialect import is_postgres

revision = "0011_team_search"
down_revision = "0010_team"
branch_labels = None
depends_on = None


def upgrade() -> None:
    conn = op.get_bind()
    if is_postgres(conn):
        from reader.core.search_index_pg import retokenize

        retokenize(conn)


def downgrade() -> None:
    pass

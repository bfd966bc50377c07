"""One-character words from a table of the articles' characters, not a prefix index (PostgreSQL: nothing).

Revision ID: 0013_fts_characters
Revises: 0012_fts_hashsize
Create Date: 2026-12-06 18:00:00

The bigram index kept a one-character prefix index: every bigram's positions
a second time under its first character, two fifths of the index's size and
of the time to write it.  One-character words are now answered by
``article_search_chars``, a contentless ``detail=none`` FTS5 table of each
article's characters.  FTS5 cannot drop a prefix index from a table,
so ``article_search`` is made again without it; both are filled from the
folded texts ``article_search_terms`` keeps (the same tokens as at import).
Frozen: the statements are this file's own; only the tokeniser is shared
(``reader.core.search_tokens``), as in 0002.  Downgrading puts back the
prefix index and drops the characters' table.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from db.dialect import is_sqlite
from reader.core.search_tokens import _characters, _tokens, _unpack

revision = "0013_fts_characters"
down_revision = "0012_fts_hashsize"
branch_labels = None
depends_on = None

_TOKENIZE = "tokenize='ascii tokenchars ''!\"#$%&''''()*+,-./:;<=>?@[\\]^_`{|}~'''"
_BIGRAMS = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS article_search USING fts5(terms, content='', columnsize=0, "
    f"{_TOKENIZE})"
)
_BIGRAMS_WITH_PREFIX = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS article_search USING fts5(terms, content='', columnsize=0, "
    f"prefix='1', {_TOKENIZE})"
)
_CHARACTERS = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS article_search_chars USING fts5(terms, content='', columnsize=0, "
    f"detail=none, {_TOKENIZE})"
)
_HASH_SIZE = "INSERT INTO {0}({0}, rank) VALUES ('hashsize', 67108864)"
_BATCH = 1000


def upgrade() -> None:
    if not is_sqlite(op.get_bind()):
        return
    op.execute("DROP TABLE IF EXISTS article_search")
    op.execute(_BIGRAMS)
    op.execute(_CHARACTERS)
    for table in ("article_search", "article_search_chars"):
        op.execute(_HASH_SIZE.format(table))
    _reindex(op.get_bind(), characters=True)


def downgrade() -> None:
    if not is_sqlite(op.get_bind()):
        return
    op.execute("DROP TABLE IF EXISTS article_search_chars")
    op.execute("DROP TABLE IF EXISTS article_search")
    op.execute(_BIGRAMS_WITH_PREFIX)
    op.execute(_HASH_SIZE.format("article_search"))
    _reindex(op.get_bind(), characters=False)


def _reindex(conn: sa.Connection, *, characters: bool) -> None:
    """Index every article again from its stored folded text, a thousand at a time."""
    last = -1
    while True:
        rows = conn.exec_driver_sql(
            "SELECT article_id, folded FROM article_search_terms WHERE article_id > ? "
            "ORDER BY article_id LIMIT ?",
            (last, _BATCH),
        ).all()
        if not rows:
            return
        folded = [(int(article_id), _unpack(packed)) for article_id, packed in rows]
        conn.exec_driver_sql(
            "INSERT INTO article_search(rowid, terms) VALUES (?, ?)",
            [(article_id, _tokens(text)) for article_id, text in folded],
        )
        if characters:
            conn.exec_driver_sql(
                "INSERT INTO article_search_chars(rowid, terms) VALUES (?, ?)",
                [(article_id, _characters(text)) for article_id, text in folded],
            )
        last = folded[-1][0]

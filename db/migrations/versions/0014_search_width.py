"""The search index folds the width of punctuation and symbols: ``，`` is indexed as ``,`` (both engines).

Revision ID: 0014_search_width
Revises: 0013_fts_characters
Create Date: 2026-12-07 15:00:00

The index's fold grew from ``reader.core.script.fold_table`` (script, case, and
the width of letters and digits) to ``search_fold_table`` (the width of every
width pair too: ``，（）＋：`` and the ideographic space), so that ``近日,`` finds
``近日，`` and the other way round.  Every stored folded text is folded again and,
where that changed it, re-tokenised: the new fold of the old folded text is the
new fold of the text, so no article text is read.  On SQLite the old tokens of a
changed row are deleted from both FTS5 tables (``article_search_terms`` keeps
the exact folded text they were made of) and the new ones inserted; on
PostgreSQL the row is written again.  All in the migration's one transaction.
Only the tokeniser and fold are shared (``reader.core.search_tokens``), as in
0013.  Downgrading changes nothing: the older code then reads the refolded
texts well, but finds full-width punctuation only where it was written
half-width (as before this revision, the other way round).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from db.dialect import is_postgres, is_sqlite
from reader.core.search_tokens import _characters, _pack, _prepare, _tokens, _unpack

revision = "0014_search_width"
down_revision = "0013_fts_characters"
branch_labels = None
depends_on = None

_BATCH = 1000


def upgrade() -> None:
    conn = op.get_bind()
    if is_sqlite(conn):
        _refold_sqlite(conn)
    elif is_postgres(conn):
        _refold_postgres(conn)


def downgrade() -> None:
    pass


def _changed(rows: list[tuple[int, str]]) -> list[tuple[int, str, str]]:
    """``(article id, old folded text, new folded text)`` of the rows the new fold changes."""
    return [(aid, old, new) for aid, old in rows if (new := _prepare(old)) != old]


def _refold_sqlite(conn: sa.Connection) -> None:
    last = -1
    while True:
        rows = conn.exec_driver_sql(
            "SELECT article_id, folded FROM article_search_terms WHERE article_id > ? "
            "ORDER BY article_id LIMIT ?",
            (last, _BATCH),
        ).all()
        if not rows:
            return
        last = int(rows[-1][0])
        changed = _changed([(int(aid), _unpack(packed)) for aid, packed in rows])
        if not changed:
            continue
        for table, terms in (("article_search", _tokens), ("article_search_chars", _characters)):
            conn.exec_driver_sql(
                f"INSERT INTO {table}({table}, rowid, terms) VALUES ('delete', ?, ?)",
                [(aid, terms(old)) for aid, old, _ in changed],
            )
            conn.exec_driver_sql(
                f"INSERT INTO {table}(rowid, terms) VALUES (?, ?)",
                [(aid, terms(new)) for aid, _, new in changed],
            )
        conn.exec_driver_sql(
            "UPDATE article_search_terms SET folded = ? WHERE article_id = ?",
            [(_pack(new), aid) for aid, _, new in changed],
        )


def _refold_postgres(conn: sa.Connection) -> None:
    from reader.core.search_index_pg import write

    query = sa.text(
        "SELECT article_id, folded FROM article_search WHERE article_id > :after "
        "ORDER BY article_id LIMIT :batch"
    )
    after = -1
    while rows := [
        (int(aid), str(folded)) for aid, folded in conn.execute(query, {"after": after, "batch": _BATCH})
    ]:
        after = rows[-1][0]
        write(conn, [(aid, new) for aid, _, new in _changed(rows)])

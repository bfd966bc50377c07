"""The search index on PostgreSQL: the same semantics as the SQLite FTS5 index, from a GIN index.

Layout
    ``article_search`` is an ordinary table: per article, ``tokens`` (a
    ``tsvector`` of the tokens as they are, under a GIN index; never parsed by a
    text-search configuration) and ``folded``, the folded text that was indexed
    (PostgreSQL compresses it itself).  Rows are written with ``COPY``; after
    a bulk write GIN's pending list is merged at once (else the planner,
    seeing a long pending list, scans the whole table instead of the index).  The tokens are the distinct
    bigrams of every whitespace-separated run of the folded text (as on SQLite)
    plus every character of it as a unigram, so a one-character query needs no
    prefix search.

Queries
    An article contains a folded word ``w`` iff ``folded`` contains it as a
    substring.  The index answers that exactly for one and two characters
    (``tokens @@ 'w'``); for longer words it gives the articles holding every
    bigram of ``w``, an over-match which ``strpos(folded, w) > 0`` re-checks.
    All words of a query are ANDed, newest (highest id) first, exactly as
    :func:`reader.core.search_index.search_ids` does on SQLite.
"""

from __future__ import annotations

from collections.abc import Sequence
from operator import add

import sqlalchemy as sa

TABLE = "article_search"
INDEX = f"ix_{TABLE}_tokens"
_MERGE_AFTER = 100  # rows written at once after which the GIN pending list is merged


def create_index_ddl() -> list[str]:
    """SQL statements creating the search table and its GIN index (run once, by the migration)."""
    return [
        f"CREATE TABLE IF NOT EXISTS {TABLE} ("
        "article_id INTEGER PRIMARY KEY, tokens TSVECTOR NOT NULL, folded TEXT NOT NULL)",
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON {TABLE} USING gin (tokens)",
    ]


def drop_index_ddl() -> list[str]:
    """SQL statements dropping the search table (the migration's downgrade)."""
    return [f"DROP TABLE IF EXISTS {TABLE}"]


def tokens_of(folded: str, *, ordered: bool = True) -> list[str]:
    """The distinct index tokens of a folded text: the bigrams of each run and every character."""
    tokens: set[str] = set()
    for run in folded.split():
        tokens.update(run)
        tokens.update(map(add, run, run[1:]))
    return sorted(tokens) if ordered else list(tokens)


def _word_tokens(word: str) -> list[str]:
    return [word] if len(word) <= 2 else list(dict.fromkeys(map(add, word, word[1:])))


def _lexeme(token: str) -> str:
    """A token quoted for ``tsvector`` / ``tsquery`` input: taken verbatim, never normalised."""
    return "'" + token.replace("\\", "\\\\").replace("'", "''") + "'"


def _tsvector(folded: str) -> str:
    """The ``tsvector`` input of a folded text's tokens (escaped in one go: no token holds a space)."""
    joined = " ".join(tokens_of(folded, ordered=False))
    if not joined:
        return ""  # no token at all: the empty tsvector
    return "'" + joined.replace("\\", "\\\\").replace("'", "''").replace(" ", "' '") + "'"


def write(conn: sa.Connection, rows: Sequence[tuple[int, str]]) -> None:
    """Insert or replace the index rows of ``(article_id, folded text)``, with ``COPY``."""
    if not rows:
        return
    remove(conn, [aid for aid, _ in rows])
    cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        with cursor.copy(f"COPY {TABLE} (article_id, tokens, folded) FROM STDIN") as copy:
            for aid, folded in rows:
                copy.write_row((aid, _tsvector(folded), folded))
    finally:
        cursor.close()
    if len(rows) >= _MERGE_AFTER:  # a bulk write: merge GIN's pending list, or queries plan badly
        conn.execute(sa.text(f"SELECT gin_clean_pending_list('{INDEX}'::regclass)"))


def remove(conn: sa.Connection, article_ids: Sequence[int]) -> None:
    """Drop these articles from the index."""
    if article_ids:
        conn.execute(sa.text(f"DELETE FROM {TABLE} WHERE article_id = ANY(:ids)"), {"ids": list(article_ids)})


def clear(conn: sa.Connection) -> None:
    """Empty the index."""
    conn.execute(sa.text(f"DELETE FROM {TABLE}"))


def search_ids(
    conn: sa.Connection,
    words: Sequence[str],
    *,
    issue_id: int | None = None,
    status: str | None = None,
    limit: int | None = None,
) -> list[int]:
    """Ids of the articles whose folded text contains every one of ``words``, newest first."""
    if not words:
        return []
    tokens = dict.fromkeys(token for word in words for token in _word_tokens(word))
    params: dict[str, object] = {"tokens": " & ".join(map(_lexeme, tokens))}
    sql = f"SELECT s.article_id FROM {TABLE} AS s"
    where = ["s.tokens @@ CAST(:tokens AS tsquery)"]
    for n, word in enumerate(w for w in words if len(w) > 2):
        where.append(f"strpos(s.folded, :w{n}) > 0")
        params[f"w{n}"] = word
    if issue_id is not None or status is not None:
        sql += " JOIN article AS a ON a.id = s.article_id"
        if issue_id is not None:
            where.append("a.issue_id = :issue_id")
            params["issue_id"] = issue_id
        if status is not None:
            where.append("a.status = :status")
            params["status"] = status
    sql += " WHERE " + " AND ".join(where)
    if any(len(w) > 2 for w in words):
        # a longer word is rare: find every match from the index first, then the newest of them
        # (with a LIMIT the planner would rather walk the ids backwards, re-checking every row)
        sql = f"WITH hits AS MATERIALIZED ({sql}) SELECT article_id FROM hits AS s"
    sql += " ORDER BY s.article_id DESC"
    if limit is not None:
        sql += " LIMIT :limit"
        params["limit"] = max(0, limit)
    return [int(row[0]) for row in conn.execute(sa.text(sql), params)]

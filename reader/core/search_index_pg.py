"""The search index on PostgreSQL: the same semantics as the SQLite FTS5 index, from a GIN index.

Layout
    ``article_search`` is an ordinary table: per article, ``tokens`` (a
    ``tsvector`` of the tokens as they are, under a GIN index; never parsed by a
    text-search configuration) and ``folded``, the folded text that was indexed
    (PostgreSQL compresses it itself).  Rows are written with ``COPY``; after
    a bulk write GIN's pending list is merged at once (else the planner,
    seeing a long pending list, scans the whole table instead of the index).
    The tokens are, for every whitespace-separated run of the folded text (as
    on SQLite), each of its characters, bigrams and trigrams, plus one *bucket*
    token naming the article's block of :data:`BUCKET` consecutive ids.

Queries
    An article contains a folded word ``w`` iff ``folded`` contains it as a
    substring.  The index answers that exactly for one to three characters
    (``tokens @@ 'w'``); for longer words it gives the articles holding every
    trigram of ``w``, an over-match which ``strpos(folded, w) > 0`` re-checks.
    All words of a query are ANDed, newest (highest id) first, exactly as
    :func:`reader.core.search_index.search_ids` does on SQLite.

Newest first, with a limit
    The first page of a common word must not read every article holding it:
    the query is ANDed with the bucket tokens of the newest ids, two buckets,
    then the eight before them, and so on (four times more each round) until
    the page is full.  GIN intersects the posting lists itself, so a round
    touches only the rows of its buckets; the table's rows (their ``tokens``
    are large) are never read to test a word, and a rare word costs at most a
    few rounds of small intersections.
"""

from __future__ import annotations

from collections.abc import Sequence
from operator import add

import sqlalchemy as sa

TABLE = "article_search"
INDEX = f"ix_{TABLE}_tokens"
_MERGE_AFTER = 100  # rows written at once after which the GIN pending list is merged
BUCKET_BITS = 10
BUCKET = 1 << BUCKET_BITS
"""Consecutive article ids sharing one bucket token."""
_BUCKET_MARK = "\x01"  # bucket tokens start with a control character, which folded text never holds
_FIRST_ROUND = 2  # buckets searched first; each later round searches four times as many
_MOST_BUCKETS = 128  # past this many buckets a round filters on the id instead


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
    """The distinct text tokens of a folded text: every character, bigram and trigram of each run."""
    tokens: set[str] = set()
    for run in folded.split():
        tokens.update(run)
        pairs = list(map(add, run, run[1:]))
        tokens.update(pairs)
        tokens.update(map(add, pairs, run[2:]))
    return sorted(tokens) if ordered else list(tokens)


def bucket_token(article_id: int) -> str:
    """The token naming the block of :data:`BUCKET` ids holding ``article_id``."""
    return f"{_BUCKET_MARK}{article_id >> BUCKET_BITS}"


def _word_tokens(word: str) -> list[str]:
    """What an article holding ``word`` holds: the word itself up to three characters, else its trigrams."""
    if len(word) <= 3:
        return [word]
    return list(dict.fromkeys(word[i : i + 3] for i in range(len(word) - 2)))


def _lexeme(token: str) -> str:
    """A token quoted for ``tsvector`` / ``tsquery`` input: taken verbatim, never normalised."""
    return "'" + token.replace("\\", "\\\\").replace("'", "''") + "'"


def _tsvector(article_id: int, folded: str) -> str:
    """The ``tsvector`` input of an article's tokens (escaped in one go: no token holds a space)."""
    joined = " ".join([bucket_token(article_id), *tokens_of(folded, ordered=False)])
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
                copy.write_row((aid, _tsvector(aid, folded), folded))
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
    tokens = " & ".join(map(_lexeme, dict.fromkeys(t for word in words for t in _word_tokens(word))))
    long_words = [w for w in words if len(w) > 3]
    if limit is None or issue_id is not None:  # every hit, or one issue's: one query
        return _all_hits(conn, tokens, long_words, issue_id=issue_id, status=status, limit=limit)
    return _newest_hits(conn, tokens, long_words, status=status, limit=max(0, limit))


def _recheck(long_words: list[str], params: dict[str, object]) -> list[str]:
    """``strpos`` conditions for the words the tokens can over-match (named ``:w0``, ``:w1``…)."""
    for n, word in enumerate(long_words):
        params[f"w{n}"] = word
    return [f"strpos(s.folded, :w{n}) > 0" for n in range(len(long_words))]


def _all_hits(
    conn: sa.Connection,
    tokens: str,
    long_words: list[str],
    *,
    issue_id: int | None,
    status: str | None,
    limit: int | None,
) -> list[int]:
    params: dict[str, object] = {"tokens": tokens}
    sql = f"SELECT s.article_id FROM {TABLE} AS s"
    where = ["s.tokens @@ CAST(:tokens AS tsquery)", *_recheck(long_words, params)]
    if issue_id is not None or status is not None:
        sql += " JOIN article AS a ON a.id = s.article_id"
        if issue_id is not None:
            where.append("a.issue_id = :issue_id")
            params["issue_id"] = issue_id
        if status is not None:
            where.append("a.status = :status")
            params["status"] = status
    # every match from the index first, then the newest of them (with a LIMIT the planner
    # would rather walk the ids backwards, reading every row's large token list)
    sql = f"WITH hits AS MATERIALIZED ({sql} WHERE {' AND '.join(where)}) SELECT article_id FROM hits"
    sql += " ORDER BY article_id DESC"
    if limit is not None:
        sql += " LIMIT :limit"
        params["limit"] = max(0, limit)
    return [int(row[0]) for row in conn.execute(sa.text(sql), params)]


def _newest_hits(
    conn: sa.Connection, tokens: str, long_words: list[str], *, status: str | None, limit: int
) -> list[int]:
    """The newest ``limit`` hits, searching the newest buckets first (see the module's docstring)."""
    newest = conn.execute(sa.text(f"SELECT max(article_id) FROM {TABLE}")).scalar()
    found: list[int] = []
    if newest is None or limit == 0:
        return found
    high, size = int(newest) >> BUCKET_BITS, _FIRST_ROUND
    while high >= 0 and len(found) < limit:
        low = max(0, high - size + 1)
        params: dict[str, object] = {}
        where = _recheck(long_words, params)
        if high - low + 1 > _MOST_BUCKETS:  # a rare word in a large library: the rest at once
            params["tokens"] = tokens
            where.append(f"s.article_id + 0 < {(high + 1) << BUCKET_BITS}")  # "+ 0": a filter, not the key
        else:
            buckets = " | ".join(_lexeme(bucket_token(b << BUCKET_BITS)) for b in range(low, high + 1))
            params["tokens"] = f"{tokens} & ({buckets})"
        where.insert(0, "s.tokens @@ CAST(:tokens AS tsquery)")
        sql = (
            f"WITH hits AS MATERIALIZED (SELECT s.article_id FROM {TABLE} AS s WHERE {' AND '.join(where)}) "
            "SELECT article_id FROM hits ORDER BY article_id DESC"
        )
        ids = [int(row[0]) for row in conn.execute(sa.text(sql), params)]
        if status is not None and ids:
            kept = set(
                conn.execute(
                    sa.text("SELECT id FROM article WHERE id = ANY(:ids) AND status = :status"),
                    {"ids": ids, "status": status},
                ).scalars()
            )
            ids = [i for i in ids if i in kept]
        found += ids[: limit - len(found)]
        high, size = low - 1, size * 4
    return found


def retokenize(conn: sa.Connection) -> None:
    """Write every row's tokens again from its stored folded text (after the token scheme changed)."""
    after = 0
    query = sa.text(
        f"SELECT article_id, folded FROM {TABLE} WHERE article_id > :after ORDER BY article_id LIMIT 500"
    )
    while rows := [(int(aid), str(folded)) for aid, folded in conn.execute(query, {"after": after})]:
        write(conn, rows)
        after = rows[-1][0]

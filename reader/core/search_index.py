"""Chinese-aware, script-insensitive full-text search on SQLite FTS5 (and PostgreSQL).

Every function taking a connection works on both engines: on PostgreSQL it
hands over to :mod:`reader.core.search_index_pg`, which indexes the same
folded text with the same query semantics.

Layout
    ``article_search`` is a *contentless* FTS5 table (``content=''``,
    ``columnsize=0``: nothing but the inverted index) whose rowid is the
    article id.  ``article_search_chars`` is a second contentless table, with
    ``detail=none`` (which articles hold a token, no positions), of each
    article's characters: it answers one-character words.  (Until
    migration 0013 a one-character prefix index did, which kept every bigram's
    positions a second time under its first character: two fifths of the
    index's size and of the time to write it.)  ``article_search_terms``
    keeps, per article, the folded text that was indexed, as UTF-16
    (:func:`~reader.core.search_tokens._pack`; older libraries hold it
    zlib-compressed, which is still read).  SQLite 3.40 has no
    ``contentless_delete``, and deleting from a contentless table needs the
    exact tokens that were inserted; re-tokenising the stored folded text at
    delete time gives exactly those tokens, even after an OpenCC upgrade
    changes :func:`~reader.core.script.search_fold_table`.  A regular FTS5 table would store
    the token string itself (over twice the text's size) and write it on import.

Tokens
    Text is folded (:func:`~reader.core.script.search_fold_table`: traditional ->
    simplified, full-width -> half-width, punctuation and symbols too, lower
    case), cut into runs at whitespace (and at ASCII control characters), and
    each run ``r`` becomes its overlapping bigrams ``r[0:2] r[1:3] … r[-2:]``
    followed by its last character as a unigram.  Every other character,
    punctuation included, is indexed.  The tokenizer is ``ascii`` with all
    ASCII punctuation declared token characters: then only the spaces we put
    between tokens separate them, every non-ASCII character is a token
    character, and nothing is stripped or folded further (ASCII case is already
    folded).  The characters' table gets every character that is no white
    space, in order (it keeps each token once per article).

Queries
    A word of two or more characters is the phrase of its bigrams: consecutive
    bigrams at consecutive positions spell exactly a substring of one run, and
    a phrase cannot cross runs because the unigram token that ends each run
    differs from every bigram.  A one-character word is a token of the
    characters' table.  So :func:`search_ids` is exact by
    construction: an article matches iff ``search_fold(text)`` contains every
    whitespace-separated word of ``search_fold(query)``.
"""

from __future__ import annotations

import string
from collections.abc import Iterable, Iterator, Sequence
from itertools import chain, islice
from operator import add, itemgetter
from typing import NamedTuple, TypeVar

import sqlalchemy as sa

from db.dialect import is_postgres
from reader.core import search_index_pg
from reader.core.search_tokens import (
    IndexPayload,
    _characters,
    _pack,
    _prepare,
    _tokens,
    _unpack,
)
from reader.core.search_tokens import characters_for as characters_for
from reader.core.search_tokens import payload_for as payload_for  # re-exported: the migrations use it
from reader.core.search_tokens import tokens_for as tokens_for

FTS_TABLE = "article_search"
CHARS_TABLE = "article_search_chars"
TERMS_TABLE = "article_search_terms"

_BATCH = 500  # rows per executemany / ids per IN (...)
HASH_SIZE = 64 * 1024 * 1024
"""FTS5's ``hashsize``: the bytes of new index entries held in memory before they are written out.

The default (1 MB) writes an import's 200-file transaction as a few dozen small
segments that the index then merges again and again; 64 MB writes it as one
or two (an import's index written in two thirds of the CPU time, fewer
segments for queries to read).  Every transaction still writes its entries at
commit, so memory holds at most one transaction's (about 40 MB for 200 files).
"""
_T = TypeVar("_T")


def _sql_string(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def create_index_ddl(dialect: str = "sqlite") -> list[str]:
    """SQL statements creating the search tables for ``dialect`` (run once, by the migration)."""
    if dialect == "postgresql":
        return search_index_pg.create_index_ddl()
    tokenize = _sql_string("ascii tokenchars " + _sql_string(string.punctuation))
    return [
        f"CREATE TABLE IF NOT EXISTS {TERMS_TABLE} (article_id INTEGER PRIMARY KEY, folded BLOB NOT NULL)",
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
        f"terms, content='', columnsize=0, tokenize={tokenize})",
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {CHARS_TABLE} USING fts5("
        f"terms, content='', columnsize=0, detail=none, tokenize={tokenize})",
        *(hash_size_statement(table) for table in (FTS_TABLE, CHARS_TABLE)),
    ]


def hash_size_statement(table: str) -> str:
    """The statement setting an FTS table's ``hashsize`` (:data:`HASH_SIZE`; kept in its config table)."""
    return f"INSERT INTO {table}({table}, rank) VALUES ('hashsize', {HASH_SIZE})"


def drop_index_ddl(dialect: str = "sqlite") -> list[str]:
    """SQL statements dropping the search tables (the migration's downgrade)."""
    if dialect == "postgresql":
        return search_index_pg.drop_index_ddl()
    return [f"DROP TABLE IF EXISTS {table}" for table in (FTS_TABLE, CHARS_TABLE, TERMS_TABLE)]


def _words(query: str) -> list[str]:
    """The distinct folded words of a query, in order."""
    return list(dict.fromkeys(_prepare(query).split()))


def query_words(query: str) -> list[str]:
    """The distinct folded words of a query, in order: what every word must match."""
    return _words(query)


def _chunks(items: Iterable[_T], size: int = _BATCH) -> Iterator[list[_T]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def _remove(conn: sa.Connection, ids: Sequence[int]) -> None:
    marks = ",".join("?" * len(ids))
    old = conn.exec_driver_sql(
        f"SELECT article_id, folded FROM {TERMS_TABLE} WHERE article_id IN ({marks})", tuple(ids)
    ).all()
    if not old:
        return
    folded = [(aid, _unpack(packed)) for aid, packed in old]
    conn.exec_driver_sql(
        f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, terms) VALUES ('delete', ?, ?)",
        [(aid, _tokens(text)) for aid, text in folded],
    )
    conn.exec_driver_sql(
        f"INSERT INTO {CHARS_TABLE}({CHARS_TABLE}, rowid, terms) VALUES ('delete', ?, ?)",
        [(aid, _characters(text)) for aid, text in folded],
    )
    conn.exec_driver_sql(
        f"DELETE FROM {TERMS_TABLE} WHERE article_id IN ({','.join('?' * len(old))})",
        tuple(aid for aid, _ in old),
    )


def index_new_payloads(conn: sa.Connection, rows: Sequence[tuple[int, IndexPayload]]) -> None:
    """Index articles that are not in the index yet (fresh ids), from precomputed payloads."""
    if not rows:
        return
    if is_postgres(conn):
        search_index_pg.write(conn, [(aid, _unpack(packed)) for aid, (_, _, packed) in rows])
        return
    _insert(conn, [(aid, tokens, characters, packed) for aid, (tokens, characters, packed) in rows])


def _insert(conn: sa.Connection, rows: Sequence[tuple[int, object, object, bytes]]) -> None:
    """Insert (article id, token string, characters' token string, packed folded text) rows (SQLite)."""
    conn.exec_driver_sql(f"INSERT INTO {FTS_TABLE}(rowid, terms) VALUES (?, ?)", [row[:2] for row in rows])
    conn.exec_driver_sql(
        f"INSERT INTO {CHARS_TABLE}(rowid, terms) VALUES (?, ?)", [(row[0], row[2]) for row in rows]
    )
    conn.exec_driver_sql(
        f"INSERT INTO {TERMS_TABLE}(article_id, folded) VALUES (?, ?)", [(row[0], row[3]) for row in rows]
    )


def index_rows(conn: sa.Connection, rows: Iterable[tuple[int, str]]) -> None:
    """Index ``(article_id, searchable text)`` rows, replacing any earlier entry."""
    for chunk in _chunks(rows):
        latest: dict[int, str] = {}
        for aid, text in chunk:
            latest[int(aid)] = _prepare(text)
        if is_postgres(conn):
            search_index_pg.write(conn, list(latest.items()))
            continue
        _remove(conn, list(latest))
        _insert(
            conn,
            [(aid, _tokens(folded), _characters(folded), _pack(folded)) for aid, folded in latest.items()],
        )


def remove_rows(conn: sa.Connection, article_ids: Iterable[int]) -> None:
    """Drop these articles from the index; unknown ids are ignored."""
    for chunk in _chunks(dict.fromkeys(article_ids)):
        if is_postgres(conn):
            search_index_pg.remove(conn, [int(aid) for aid in chunk])
        else:
            _remove(conn, [int(aid) for aid in chunk])


def reindex_row(conn: sa.Connection, article_id: int, text: str) -> None:
    """Re-index one article after its text changed: old hits go, new ones come."""
    index_rows(conn, [(article_id, text)])


def clear_index(conn: sa.Connection) -> None:
    """Empty the index (before a full rebuild)."""
    if is_postgres(conn):
        search_index_pg.clear(conn)
        return
    for table in (FTS_TABLE, CHARS_TABLE):
        conn.exec_driver_sql(f"INSERT INTO {table}({table}) VALUES ('delete-all')")
    conn.exec_driver_sql(f"DELETE FROM {TERMS_TABLE}")


def _fts_string(value: str) -> str:
    return '"' + value.replace('"', '""') + '"'


class MatchQuery(NamedTuple):
    """A query's MATCH expressions: ``phrases`` for the bigram table, ``characters`` for the characters'."""

    phrases: str | None
    characters: str | None


def match_query(query: str) -> MatchQuery | None:
    """Safe FTS5 MATCH expressions for user text, or None if it has no words.

    The query is data, never FTS syntax: every token is quoted.  Words
    (separated by whitespace) are ANDed; a longer word is the phrase of its
    bigrams (in the bigram table), a one-character word a token of the
    characters' table.
    """
    words = _words(query)
    if not words:
        return None
    phrases = [_fts_string(" ".join(map(add, word, word[1:]))) for word in words if len(word) > 1]
    characters = [_fts_string(word) for word in words if len(word) == 1]
    return MatchQuery(" AND ".join(phrases) or None, " AND ".join(characters) or None)


def search_ids(
    conn: sa.Connection,
    query: str,
    *,
    issue_id: int | None = None,
    status: str | None = None,
    limit: int | None = None,
) -> list[int]:
    """Ids of the articles containing every word of ``query``, newest (highest id) first.

    ``issue_id`` and ``status`` keep only the articles of one issue or status.
    """
    if is_postgres(conn):
        return search_index_pg.search_ids(conn, _words(query), issue_id=issue_id, status=status, limit=limit)
    expr = match_query(query)
    if expr is None:
        return []
    if expr.phrases is None or expr.characters is None:
        table, match = (
            (FTS_TABLE, expr.phrases) if expr.characters is None else (CHARS_TABLE, expr.characters)
        )
        assert match is not None  # match_query gives None rather than two empty expressions
        sql, params = _newest_first(table, match, issue_id, status)
        if limit is not None:
            sql += " LIMIT ?"
            params.append(max(0, limit))
        return [row[0] for row in conn.exec_driver_sql(sql, tuple(params))]
    # Words of both kinds: each table's matches newest first, merged, the characters' from the
    # first phrase match down.  (Handing SQLite "rowid IN (the other table's matches)" makes it
    # look each id up in FTS5 one by one: seconds for a common character.)
    driver = conn.connection.driver_connection
    assert driver is not None
    phrased, characters = driver.cursor(), driver.cursor()
    try:
        phrased.execute(*_newest_first(FTS_TABLE, expr.phrases, issue_id, status))
        first = phrased.fetchone()
        if first is None:
            return []
        characters.execute(*_newest_first(CHARS_TABLE, expr.characters, None, None, at_most=first[0]))
        found = _common(chain([first[0]], map(itemgetter(0), phrased)), map(itemgetter(0), characters))
        return list(found if limit is None else islice(found, max(0, limit)))
    finally:
        phrased.close()
        characters.close()


def _newest_first(
    table: str, match: str, issue_id: int | None, status: str | None, at_most: int | None = None
) -> tuple[str, list[object]]:
    """The statement (and its parameters) listing the ids ``table`` matches, newest first, filtered."""
    sql = f"SELECT s.rowid FROM {table} AS s"
    where = [f"{table} MATCH ?"]
    params: list[object] = [match]
    if at_most is not None:
        where.append("s.rowid <= ?")
        params.append(at_most)
    if issue_id is not None or status is not None:
        sql += " JOIN article AS a ON a.id = s.rowid"
        if issue_id is not None:
            where.append("a.issue_id = ?")
            params.append(issue_id)
        if status is not None:
            where.append("a.status = ?")
            params.append(status)
    return sql + " WHERE " + " AND ".join(where) + " ORDER BY s.rowid DESC", params


def _common(first: Iterator[int], second: Iterator[int]) -> Iterator[int]:
    """The ids in both of two descending sequences, descending (read no further than needed)."""
    other = next(second, None)
    for value in first:
        while other is not None and other > value:
            other = next(second, None)
        if other is None:
            return
        if other == value:
            yield value


def find_hits(text: str, query: str) -> list[tuple[int, int]]:
    """Spans of the query's words in ``text``, script-insensitively.

    Each word's occurrences are found left to right without overlap; the spans
    are sorted and overlapping ones merged.  Returns ``[]`` unless every word
    occurs (the same rule as :func:`search_ids`).  Offsets are valid in
    ``text`` because folding keeps the length.
    """
    words = _words(query)
    if not words:
        return []
    folded = _prepare(text)  # folded as the index folds it (punctuation's width too)
    spans: list[tuple[int, int]] = []
    for word in words:
        start = folded.find(word)
        if start < 0:
            return []
        while start >= 0:
            spans.append((start, start + len(word)))
            start = folded.find(word, start + len(word))
    spans.sort()
    merged = [spans[0]]
    for s, e in spans[1:]:
        if s < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    return merged


_FLATTEN = str.maketrans("\n\r\t\v\f", "     ")


def snippet(
    text: str, spans: Sequence[tuple[int, int]], width: int = 40
) -> tuple[str, list[tuple[int, int]]]:
    """About ``width`` characters around the first span, and the spans inside it.

    Line breaks become spaces; "…" marks a cut at either end.  The returned
    spans are relative to the passage, clipped to it, for highlighting.
    """
    if not spans:
        end = min(len(text), width)
        return text[:end].translate(_FLATTEN) + ("…" if end < len(text) else ""), []
    first_start, first_end = spans[0]
    size = max(width, first_end - first_start)
    start = max(0, first_start - (size - (first_end - first_start)) // 2)
    end = min(len(text), start + size)
    start = max(0, end - size)
    lead = "…" if start > 0 else ""
    passage = lead + text[start:end].translate(_FLATTEN) + ("…" if end < len(text) else "")
    shift = len(lead) - start
    inside = [(max(s, start) + shift, min(e, end) + shift) for s, e in spans if s < end and e > start]
    return passage, inside

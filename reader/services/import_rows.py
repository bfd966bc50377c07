"""The importer's hot path: an issue's rows written through the database driver's own cursor.

Importing a thousand issues runs some ten thousand statements; through the
ORM session each costs more Python than the database spends on it, and the
storing process is the one the worker waits for.  :class:`RowWriter` runs
them on the DB-API cursor of the session's connection, inside the session's
transaction and savepoints, with statements written once in the driver's
paramstyle (``db.dialect.driver_sql``) and timestamps converted by the models'
own column type, so SQLite and PostgreSQL store exactly what the ORM would.
A driver error is raised as SQLAlchemy's ``DBAPIError`` (what the importer
catches to report a file it could not store).  Row digests need nothing here:
rows inserted with a NULL digest are digested at commit (``db.row_digests``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.exc import DBAPIError

from db.dialect import driver_sql
from db.models import Issue, table_of
from db.original_text import text_pieces

_DUPLICATE = "SELECT id FROM issue WHERE sha256 = ?"
_DUPLICATE_OF_ANY = "SELECT id FROM issue WHERE sha256 IN ({}) ORDER BY id LIMIT 1"
_ISSUE = (
    "INSERT INTO issue (source_name, source_stem, sha256, encoding, char_count, imported_at, title, "
    "publication_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"
)
_ARTICLE = (
    "INSERT INTO article (issue_id, position, section, kicker, title, subtitle, byline, source, span_start, "
    "span_end, status, version, updated_at) VALUES {} RETURNING id, position"
)
_ARTICLE_VALUES = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'new', 1, ?)"
_ARTICLES_PER_STATEMENT = 100  # 1,100 parameters: far below either engine's limit
_TEXT = "INSERT INTO issue_text (issue_id, start, stop, text) VALUES (?, ?, ?, ?)"
_BLOCK = "INSERT INTO block (article_id, position, role, text, pieces) VALUES (?, ?, ?, ?, ?)"
_HASH = "INSERT INTO article_hash (article_id, sha256, version, structure) VALUES (?, ?, 1, ?)"
_PERSON = "INSERT INTO contributor (article_id, position, name, role) VALUES (?, ?, ?, ?)"
_LEFTOVER = (
    "INSERT INTO leftover (issue_id, position, kind, text, span_start, span_end) VALUES (?, ?, ?, ?, ?, ?)"
)

_STATEMENTS = (_DUPLICATE, _ISSUE, _TEXT, _BLOCK, _HASH, _PERSON, _LEFTOVER)

ArticleRow = tuple[int, int, str | None, str | None, str | None, str | None, str | None, str | None, int, int]
"""(issue id, position, section, kicker, title, subtitle, byline, source, span start, span end)."""


class RowWriter:
    """Inserts of one import on ``conn``'s driver connection (``conn`` inside a transaction)."""

    def __init__(self, conn: Connection) -> None:
        self._cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
        self._error: Any = conn.dialect.loaded_dbapi.Error
        stamp = table_of(Issue).c.imported_at.type.bind_processor(conn.dialect)
        self._stamp: Callable[[datetime], object] = stamp if stamp is not None else lambda value: value
        self._conn = conn
        self._sql = {statement: driver_sql(conn, statement) for statement in _STATEMENTS}
        self._article_sql: dict[int, str] = {}  # the statement inserting so many articles
        self._any_sql: dict[int, str] = {}  # the statement looking so many hashes up

    def close(self) -> None:
        self._cursor.close()

    def duplicate(self, sha256: str) -> int | None:
        """The id of the issue with this content hash, if the library has it."""
        with self._driver(_DUPLICATE):
            self._cursor.execute(self._sql[_DUPLICATE], (sha256,))
            row = self._cursor.fetchone()
        return None if row is None else int(row[0])

    def duplicate_of_any(self, hashes: Sequence[str]) -> int | None:
        """The first issue whose content hash is one of ``hashes`` (a text's usual endings: one lookup)."""
        if not hashes:
            return None
        statement = self._any_sql.get(len(hashes))
        if statement is None:
            statement = driver_sql(self._conn, _DUPLICATE_OF_ANY.format(", ".join("?" * len(hashes))))
            self._any_sql[len(hashes)] = statement
        with self._driver(_DUPLICATE_OF_ANY):
            self._cursor.execute(statement, tuple(hashes))
            row = self._cursor.fetchone()
        return None if row is None else int(row[0])

    def issue(self, values: Sequence[object], imported_at: datetime) -> int:
        """Insert an issue's row: (source name, stem, sha256, encoding, characters, title, date)."""
        *before, title, date = values
        return self._returning_id(_ISSUE, (*before, self._stamp(imported_at), title, date))

    def text(self, issue_id: int, text: str, start: int = 0) -> None:
        """The issue's verbatim original, in pieces (as ``db.original_text.write_text`` stores it)."""
        self._many(_TEXT, [(issue_id, at, at + len(piece), piece) for at, piece in text_pieces(text, start)])

    def articles(self, rows: Sequence[ArticleRow], updated_at: datetime) -> list[int]:
        """Insert article rows (of one issue), a hundred per statement; returns their ids in order.

        The ids come back with each row's position: a statement's rows are
        returned in no particular order.
        """
        stamp = self._stamp(updated_at)
        ids: dict[int, int] = {}
        for start in range(0, len(rows), _ARTICLES_PER_STATEMENT):
            chunk = rows[start : start + _ARTICLES_PER_STATEMENT]
            statement = self._article_sql.get(len(chunk)) or self._articles_statement(len(chunk))
            with self._driver(_ARTICLE):
                self._cursor.execute(statement, [value for row in chunk for value in (*row, stamp)])
                ids.update(
                    (int(position), int(article_id)) for article_id, position in self._cursor.fetchall()
                )
        return [ids[row[1]] for row in rows]

    def _articles_statement(self, count: int) -> str:
        """The statement inserting ``count`` article rows (made once per count)."""
        statement = driver_sql(self._conn, _ARTICLE.format(", ".join([_ARTICLE_VALUES] * count)))
        self._article_sql[count] = statement
        return statement

    def blocks(self, rows: Sequence[tuple[object, ...]]) -> None:
        self._many(_BLOCK, rows)

    def hashes(self, rows: Sequence[tuple[object, ...]]) -> None:
        self._many(_HASH, rows)

    def people(self, rows: Sequence[tuple[object, ...]]) -> None:
        self._many(_PERSON, rows)

    def leftovers(self, rows: Sequence[tuple[object, ...]]) -> None:
        self._many(_LEFTOVER, rows)

    def _returning_id(self, statement: str, values: Sequence[object]) -> int:
        with self._driver(statement):
            self._cursor.execute(self._sql[statement], values)
            row = self._cursor.fetchone()
        if row is None:
            raise AssertionError(f"no id returned by {statement}")
        return int(row[0])

    def _many(self, statement: str, rows: Sequence[tuple[object, ...]]) -> None:
        if rows:
            with self._driver(statement):
                self._cursor.executemany(self._sql[statement], rows)

    @contextmanager
    def _driver(self, statement: str) -> Iterator[None]:
        """Raise a driver error as SQLAlchemy's ``DBAPIError`` (IntegrityError, OperationalError…)."""
        try:
            yield
        except self._error as error:
            raise DBAPIError.instance(statement, None, error, self._error) from error


__all__ = ["ArticleRow", "RowWriter"]

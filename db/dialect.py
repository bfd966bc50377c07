"""Every difference between the two engines a library can live on: SQLite and PostgreSQL.

SQLite (the embedded default)
    Pragmas on every connection (foreign keys, WAL, busy timeout); the driver
    in autocommit mode so SQLAlchemy emits ``BEGIN`` itself: read transactions
    ``BEGIN DEFERRED``, write transactions ``BEGIN IMMEDIATE`` (writers
    serialise at the start instead of failing at commit).  Search is an FTS5
    table; migrations run in batch mode.

PostgreSQL (a team library, ``postgresql+psycopg://…``)
    Read committed transactions.  A write transaction first takes one
    transaction-scoped advisory lock (:data:`WRITER_LOCK`), so writers
    serialise exactly as ``BEGIN IMMEDIATE`` makes them on SQLite while
    readers never wait; the per-article version is also compared and swapped
    in the ``UPDATE`` itself (``reader.services.version_swap``).
    ``String(n)`` columns are unbounded ``VARCHAR`` (SQLite never enforced the
    lengths).  Search is a table of character, bigram and trigram tokens
    under a GIN index (``reader.core.search_index_pg``).  Migrations are the same scripts: their
    batch operations run as plain ``ALTER TABLE`` there.
    Every write transaction also sends ``NOTIFY`` on :data:`CHANGES_CHANNEL`,
    which other windows ``LISTEN`` to (``reader.services.live_refresh``).

Services never test the dialect themselves: they call the helpers here.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Engine, event
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import make_url
from sqlalchemy.ext.compiler import compiles

BUSY_TIMEOUT_MS = 10_000
BEGIN_OPTION = "sqlite_begin"
"""Execution option saying how a transaction begins: ``DEFERRED`` (reading) or ``IMMEDIATE`` (writing)."""

WRITER_LOCK = 0x4A69616F
"""The PostgreSQL advisory lock every write transaction holds (``pg_advisory_xact_lock``)."""

BUSY_SQLSTATES = frozenset({"55P03", "40001", "40P01"})
"""PostgreSQL errors that mean "busy, try again": lock not available, serialisation failure, deadlock."""

CHANGES_CHANNEL = "jiaokan_changes"
"""The PostgreSQL channel every write transaction notifies (at its commit), for live refresh."""

Bind = sa.Connection | sa.Engine


def name_of(bind: Bind | sa.Dialect) -> str:
    """``sqlite`` or ``postgresql``."""
    dialect = bind if isinstance(bind, sa.Dialect) else bind.dialect
    return str(dialect.name)


def is_postgres(bind: Bind | sa.Dialect) -> bool:
    """True for a PostgreSQL library."""
    return name_of(bind) == "postgresql"


def is_sqlite(bind: Bind | sa.Dialect) -> bool:
    """True for an SQLite library."""
    return name_of(bind) == "sqlite"


def is_postgres_url(url: str) -> bool:
    """True when a library URL names a PostgreSQL server."""
    return "://" in url and make_url(url).get_backend_name() == "postgresql"


def engine_arguments(url: str) -> dict[str, Any]:
    """Extra ``create_engine`` arguments for a library URL."""
    if is_postgres_url(url):
        from db.server_auth import session_password

        password = session_password(url)
        extra = {"connect_args": {"password": password}} if password is not None else {}
        return {"pool_pre_ping": True, **extra}
    return {}


def install_hooks(engine: Engine) -> None:
    """Connection set-up and transaction beginning for ``engine``'s dialect."""
    if is_sqlite(engine):
        _install_sqlite_hooks(engine)
    elif is_postgres(engine):
        _install_postgres_hooks(engine)


# ------------------------------------------------------------------ SQLite


def _set_wal(cursor: Any) -> None:
    """Switch to WAL, waiting while another connection holds the lock the switch needs.

    SQLite does not call the busy handler for a journal-mode change, so two
    processes opening a new library at the same moment would otherwise see
    "database is locked" here.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    delay = 0.01
    while True:
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(delay)
            delay = min(delay * 2, 0.2)


def prepare_connection(dbapi_connection: Any, *pragmas: str) -> None:
    """Set up a new SQLite connection: explicit transactions, foreign keys, busy timeout, ``pragmas``.

    The driver is put in autocommit mode so that SQLAlchemy, not the driver,
    decides when transactions begin.
    """
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        for pragma in pragmas:
            cursor.execute(f"PRAGMA {pragma}")
    finally:
        cursor.close()


def _install_sqlite_hooks(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        prepare_connection(dbapi_connection, "synchronous=NORMAL")
        cursor = dbapi_connection.cursor()
        try:
            _set_wal(cursor)
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        mode = conn.get_execution_options().get(BEGIN_OPTION, "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")


# ------------------------------------------------------------------ PostgreSQL


def _install_postgres_hooks(engine: Engine) -> None:
    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        if conn.get_execution_options().get(BEGIN_OPTION, "DEFERRED") != "DEFERRED":
            conn.exec_driver_sql(f"SET LOCAL lock_timeout = {BUSY_TIMEOUT_MS}")  # as SQLite's busy timeout
            conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITER_LOCK})")
            conn.exec_driver_sql(f"NOTIFY {CHANGES_CHANNEL}")  # sent at commit, dropped on rollback


@compiles(sa.String, "postgresql")
def _unbounded_varchar(type_: sa.String, compiler: Any, **kw: Any) -> str:
    """``String(n)`` is an unbounded ``VARCHAR`` on PostgreSQL, as SQLite never enforced the lengths.

    A library moved from SQLite (``copy-library``) may hold longer values
    than a declared length, and the services never relied on the limit.
    """
    return "VARCHAR"


# ------------------------------------------------------------------ SQL that differs


def driver_sql(bind: Bind, statement: str) -> str:
    """A driver-level statement written with ``?`` placeholders, in the driver's own paramstyle."""
    if bind.dialect.paramstyle in ("format", "pyformat"):
        return statement.replace("?", "%s")
    return statement


def upsert(bind: Bind, table: Any) -> Any:
    """An ``INSERT`` with ``on_conflict_do_nothing`` / ``on_conflict_do_update`` for ``bind``'s dialect."""
    if is_postgres(bind):
        return postgresql.insert(table)
    return sqlite.insert(table)


def colour_check(dialect: str) -> str:
    """The ``tag.colour`` check: "#" and six lower-case hex digits (GLOB on SQLite, a regex on PostgreSQL)."""
    if dialect == "postgresql":
        return "colour IS NULL OR colour ~ '^#[0-9a-f]{6}$'"
    return "colour IS NULL OR colour GLOB '#" + "[0-9a-f]" * 6 + "'"


def json_as_text(column: str, bind: Bind) -> str:
    """SQL reading a JSON column as its stored text (PostgreSQL's driver would parse it)."""
    return f"CAST({column} AS TEXT)" if is_postgres(bind) else column


@contextmanager
def foreign_keys_off(conn: sa.Connection) -> Iterator[None]:
    """SQLite foreign keys off (outside any transaction) while migrating, on again afterwards.

    A migration that rebuilds a table drops the old one, and with foreign keys
    on SQLite deletes every child row through ``ON DELETE CASCADE`` first (the
    pragma cannot change inside a transaction, so it is set here).  PostgreSQL
    alters tables in place: nothing to do.
    """
    if not is_sqlite(conn):
        yield
        return
    driver = conn.connection.driver_connection
    assert driver is not None
    driver.execute("PRAGMA foreign_keys=OFF")
    try:
        yield
    finally:
        driver.execute("PRAGMA foreign_keys=ON")


def broken_references(conn: sa.Connection) -> list[Any]:
    """Rows whose foreign keys point nowhere (SQLite, checked after migrating with them off)."""
    return list(conn.exec_driver_sql("PRAGMA foreign_key_check").all()) if is_sqlite(conn) else []


def has_table(conn: sa.Connection, table: str) -> bool:
    """True when ``table`` exists."""
    return sa.inspect(conn).has_table(table)


def snapshot_options(bind: Bind) -> dict[str, Any]:
    """Execution options for a read transaction that sees one snapshot from start to end.

    An SQLite read transaction does already; PostgreSQL needs ``REPEATABLE READ``.
    """
    return {"isolation_level": "REPEATABLE READ"} if is_postgres(bind) else {}


def reset_id_sequences(conn: sa.Connection, tables: list[sa.Table]) -> None:
    """After rows were inserted with explicit ids: let new rows continue after the highest id.

    PostgreSQL's ``SERIAL`` sequences do not see explicit ids; SQLite picks
    ``max(id) + 1`` (or follows ``sqlite_sequence``) by itself.
    """
    if not is_postgres(conn):
        return
    for table in tables:
        columns = list(table.primary_key.columns)
        if len(columns) != 1 or not isinstance(columns[0].type, sa.Integer):
            continue
        name, column = table.name, columns[0].name
        conn.execute(
            sa.text(
                "SELECT setval(pg_get_serial_sequence(:table, :column), "
                f'coalesce(max("{column}"), 0) + 1, false) FROM "{name}"'
            ),
            {"table": name, "column": column},
        )

"""Opening a library: SQLite engine with the right pragmas and explicit transactions.

Every connection gets ``foreign_keys=ON``, WAL journalling and a busy timeout.
Python's ``sqlite3`` module is put in autocommit mode so that SQLAlchemy emits
``BEGIN`` itself: read sessions begin ``DEFERRED``, write sessions begin
``IMMEDIATE`` (so two writers serialise at the start instead of failing at
commit).  See SQLAlchemy's SQLite dialect docs, "Serializable isolation /
Savepoints / Transactional DDL".
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import StaticPool

BUSY_TIMEOUT_MS = 10_000
_BEGIN_OPTION = "sqlite_begin"


def database_url(db: str | Path) -> str:
    """Turn a file path or an SQLAlchemy URL into a URL."""
    text = str(db)
    if "://" in text:
        return text
    return "sqlite:///" + str(Path(text).expanduser().resolve())


def _is_memory(url: str) -> bool:
    parsed = make_url(url)
    return parsed.get_backend_name() == "sqlite" and parsed.database in (None, "", ":memory:")


def create_library_engine(url: str) -> Engine:
    """Create an engine for a library URL with pragmas and transaction handling installed."""
    kwargs: dict[str, Any] = {}
    if _is_memory(url):
        kwargs = {"poolclass": StaticPool, "connect_args": {"check_same_thread": False}}
    else:
        path = make_url(url).database
        if path:
            Path(path).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, **kwargs)
    if engine.dialect.name == "sqlite":
        _install_sqlite_hooks(engine)
    return engine


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
        mode = conn.get_execution_options().get(_BEGIN_OPTION, "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")


class Library:
    """An open library: the engine plus session factories for reading and writing."""

    def __init__(self, engine: Engine) -> None:
        import db.row_digests  # noqa: F401  (installs the hooks that keep the row digests current)

        self.engine = engine
        self._read = sessionmaker(bind=engine, expire_on_commit=False)
        self._write = sessionmaker(
            bind=engine.execution_options(**{_BEGIN_OPTION: "IMMEDIATE"}), expire_on_commit=False
        )

    @property
    def url(self) -> str:
        """The library's URL, password hidden."""
        return self.engine.url.render_as_string(hide_password=True)

    def session(self) -> Session:
        """A session for reading (its transactions begin DEFERRED)."""
        return self._read()

    def write_session(self) -> Session:
        """A session for writing: its transactions begin with ``BEGIN IMMEDIATE``."""
        return self._write()

    @contextmanager
    def writing(self) -> Iterator[Session]:
        """A write session in one transaction: committed on success, rolled back on error."""
        with self._write() as session, session.begin():
            yield session

    def close(self) -> None:
        """Release every connection."""
        self.engine.dispose()


def open_library(db: str | Path) -> Library:
    """Open (creating if needed) the library at a path or URL and upgrade its schema to head.

    An existing library is backed up (verified) before any migration runs.
    """
    from db.backup import upgrade_with_backup
    from db.safety import library_path

    engine = create_library_engine(database_url(db))
    try:
        upgrade_with_backup(engine, library_path(db))
    except BaseException:
        engine.dispose()
        raise
    return Library(engine)

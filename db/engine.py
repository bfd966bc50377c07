"""Opening a library: an engine with the right set-up (``db.dialect``) and explicit transactions.

On SQLite every connection gets ``foreign_keys=ON``, WAL journalling and a
busy timeout (on PostgreSQL write transactions take the writer lock instead).
Python's ``sqlite3`` module is put in autocommit mode so that SQLAlchemy emits
``BEGIN`` itself: read sessions begin ``DEFERRED``, write sessions begin
``IMMEDIATE`` (so two writers serialise at the start instead of failing at
commit).  See SQLAlchemy's SQLite dialect docs, "Serializable isolation /
Savepoints / Transactional DDL".
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import StaticPool

from db.dialect import BEGIN_OPTION as _BEGIN_OPTION
from db.dialect import BUSY_TIMEOUT_MS, engine_arguments, install_hooks, is_postgres_url, prepare_connection

__all__ = [
    "BUSY_TIMEOUT_MS",
    "Library",
    "create_library_engine",
    "database_url",
    "open_library",
    "prepare_connection",
]


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
    elif make_url(url).get_backend_name() == "sqlite":
        path = make_url(url).database
        if path:
            Path(path).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, **kwargs, **engine_arguments(url))
    install_hooks(engine)
    return engine


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

    url = database_url(db)
    engine = create_library_engine(url)
    try:
        if is_postgres_url(url):
            from db.pg_backup import upgrade_with_dump

            upgrade_with_dump(engine, url)  # pg_dump first, as SQLite's file is copied first
        else:
            upgrade_with_backup(engine, library_path(db))
    except BaseException:
        engine.dispose()
        raise
    return Library(engine)

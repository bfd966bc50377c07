"""A library's engine: the right set-up (``db.dialect``) and explicit transactions.

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

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import StaticPool

from db.dialect import BEGIN_OPTION as _BEGIN_OPTION
from db.dialect import BUSY_TIMEOUT_MS, engine_arguments, install_hooks, prepare_connection
from db.errors import LibraryClosed

__all__ = [
    "BUSY_TIMEOUT_MS",
    "Library",
    "create_library_engine",
    "database_url",
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


def _close_on_checkin(dbapi_connection: Any, record: Any) -> None:
    if dbapi_connection is not None:
        record.invalidate()


class Library:
    """An open library: the engine plus session factories for reading and writing."""

    def __init__(self, engine: Engine) -> None:
        import db.row_digests  # noqa: F401  (installs the hooks that keep the row digests current)

        self.engine = engine
        self._closed = False
        self._read = sessionmaker(bind=engine, expire_on_commit=False)
        self._write = sessionmaker(
            bind=engine.execution_options(**{_BEGIN_OPTION: "IMMEDIATE"}), expire_on_commit=False
        )

    @property
    def url(self) -> str:
        """The library's URL, password hidden."""
        return self.engine.url.render_as_string(hide_password=True)

    @property
    def closed(self) -> bool:
        """True once :meth:`close` ran: no session is given any more."""
        return self._closed

    def session(self) -> Session:
        """A session for reading (its transactions begin DEFERRED); LibraryClosed after close."""
        self._check_open()
        return self._read()

    def write_session(self) -> Session:
        """A session for writing: its transactions begin with ``BEGIN IMMEDIATE``."""
        self._check_open()
        return self._write()

    @contextmanager
    def writing(self) -> Iterator[Session]:
        """A write session in one transaction: committed on success, rolled back on error."""
        with self.write_session() as session, session.begin():
            yield session

    def close(self) -> None:
        """Release every connection, for good.

        A session asked for afterwards (a background task that started before)
        would open a new connection and keep it in the pool, holding the file a
        restore must replace: it raises LibraryClosed instead.
        """
        self._closed = True
        self.engine.dispose()
        if not isinstance(self.engine.pool, StaticPool):
            # A session made before close may take its first connection only now, from the new pool
            # dispose() left: that connection is closed when handed back, never kept in the pool.
            event.listen(self.engine.pool, "checkin", _close_on_checkin)

    def _check_open(self) -> None:
        if self._closed:
            raise LibraryClosed(self.url)

"""Opening a library read-only when its file or folder cannot be written.

SQLite in WAL mode needs to create ``-wal`` and ``-shm`` files beside the
library, so a library on a read-only medium (or in a read-only folder) cannot
be opened the usual way.  ``db.opening.open_library_safely`` detects that and
opens it read-only instead: with ``mode=ro`` when SQLite can use the existing ``-shm``,
with ``immutable=1`` when the library was closed cleanly (no ``-wal``), and
from a temporary copy when a ``-wal`` is present without its ``-shm`` (opening
it immutable would silently ignore the last saves).  Every write on such a
library raises ``ReadOnlyLibrary`` before anything is touched.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from contextlib import _GeneratorContextManager
from pathlib import Path
from typing import Any, NoReturn
from urllib.parse import quote

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import ExceptionContext, make_url
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session

from db.engine import Library, database_url, prepare_connection
from db.errors import LibraryDamaged, ReadOnlyLibrary, could_not_run, is_damage


class ReadOnlyLibraryHandle(Library):
    """A library opened read-only: asking for a write session raises ReadOnlyLibrary."""

    read_only = True

    def __init__(self, engine: Engine, path: Path, reason: str, temp_dir: Path | None = None) -> None:
        super().__init__(engine)
        self.path = path
        self.reason = reason
        self._temp_dir = temp_dir

    def _refuse(self) -> NoReturn:
        raise ReadOnlyLibrary(self.path, self.reason)

    def write_session(self) -> Session:
        """Refused: the library is read-only."""
        self._refuse()

    def writing(self) -> _GeneratorContextManager[Session]:
        """Refused: the library is read-only (raised at the call, before any transaction)."""
        self._refuse()

    def close(self) -> None:
        """Release every connection (and the temporary copy, if one was made)."""
        super().close()
        if self._temp_dir is not None:
            shutil.rmtree(self._temp_dir, ignore_errors=True)
            self._temp_dir = None


def is_read_only(library: Library) -> bool:
    """True when ``library`` was opened read-only."""
    return bool(getattr(library, "read_only", False))


def library_path(library_or_url: Library | str | Path) -> Path | None:
    """The file behind a library, path or URL; None for an in-memory or non-SQLite one."""
    if isinstance(library_or_url, Library):
        url = make_url(str(library_or_url.engine.url))
        if isinstance(library_or_url, ReadOnlyLibraryHandle):
            return library_or_url.path
    else:
        url = make_url(database_url(library_or_url))
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    return Path(url.database).resolve()


def writable(path: Path) -> bool:
    """True when SQLite can write ``path`` and create its ``-wal``/``-shm`` files beside it."""
    folder = path.parent
    if not os.access(folder, os.W_OK | os.X_OK):
        return False
    return not path.exists() or os.access(path, os.W_OK)


def open_read_only(
    path: str | Path, reason: str = "opened read-only", *, check_schema: bool = True
) -> ReadOnlyLibraryHandle:
    """Open an existing library read-only, never migrating it (see module docstring).

    With ``check_schema`` (the default) a library that is not at the current
    schema is refused with ReadOnlyLibrary, as the application could not use it.
    """
    path = Path(path).resolve()
    if not path.is_file():
        raise ReadOnlyLibrary(path, "there is no library file here to open")
    wal, shm = Path(f"{path}-wal"), Path(f"{path}-shm")
    temp_dir: Path | None = None
    target, query = path, "mode=ro"
    has_wal = wal.exists() and wal.stat().st_size > 0
    if not has_wal and not writable(path):
        query = "mode=ro&immutable=1"
    elif has_wal and not shm.exists() and not writable(path):
        temp_dir = Path(tempfile.mkdtemp(prefix="jiaokan-ro-"))
        target = temp_dir / path.name
        shutil.copyfile(path, target)
        shutil.copyfile(wal, Path(f"{target}-wal"))
        reason += " (from a temporary copy, to read its unsaved journal)"
    uri = "file:" + quote(str(target)) + "?" + query
    engine = create_engine(
        "sqlite:///" + str(path),
        creator=lambda: sqlite3.connect(uri, uri=True, check_same_thread=False),
    )
    _install_read_only_hooks(engine, path, reason)
    library = ReadOnlyLibraryHandle(engine, path, reason, temp_dir)
    try:
        if check_schema:
            _check_schema_current(engine, path)
    except BaseException:
        library.close()
        raise
    return library


def _check_schema_current(engine: Engine, path: Path) -> None:
    from db.migrate import current_revisions, head_revisions

    try:
        current = current_revisions(engine)
    except DBAPIError as exc:
        if not is_damage(exc):
            raise could_not_run(path, exc) from exc
        raise LibraryDamaged(path, [f"cannot read the library: {exc.orig}"]) from exc
    if current != head_revisions():
        raise ReadOnlyLibrary(
            path,
            "the library was made by another version of Jiaokan and must be upgraded, which needs "
            "write access; copy it to a writable folder and open the copy",
        )


def _install_read_only_hooks(engine: Engine, path: Path, reason: str) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        prepare_connection(dbapi_connection, "query_only=ON")

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        if conn.get_execution_options().get("sqlite_begin", "DEFERRED") != "DEFERRED":
            raise ReadOnlyLibrary(path, reason)
        conn.exec_driver_sql("BEGIN DEFERRED")

    @event.listens_for(engine, "handle_error")
    def _on_error(context: ExceptionContext) -> BaseException | None:
        original = context.original_exception
        if isinstance(original, sqlite3.Error) and _read_only_message(str(original)):
            return ReadOnlyLibrary(path, reason)
        return None


def _read_only_message(message: str) -> bool:
    text = message.lower()
    return "readonly" in text or "read-only" in text or "query_only" in text


def is_read_only_failure(exc: OperationalError) -> bool:
    """True when opening for writing failed because the file or folder cannot be written."""
    text = str(exc.orig).lower()
    return _read_only_message(text) or "unable to open database file" in text


__all__ = [
    "ReadOnlyLibraryHandle",
    "is_read_only",
    "is_read_only_failure",
    "library_path",
    "open_read_only",
    "writable",
]

"""Use case: open a library for an interactive session, checked before anything is written.

:func:`open_checked` opens the library for writing when it can and read-only
when its file or folder cannot be written (``db.opening.open_library_safely``),
then runs ``quick_check``: a damaged library raises ``LibraryDamaged`` listing
the problems, with nothing written and the library closed.  A file so damaged
that even opening it fails (a malformed schema page) is reported the same way.
:func:`recoveries_for` lists the unsaved edits kept for one library.
"""

from __future__ import annotations

import sqlite3
from contextlib import _GeneratorContextManager, closing
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from db.engine import Library
from db.errors import LibraryDamaged, could_not_run, is_damage
from db.integrity import ensure_sound
from db.opening import open_library_safely
from db.safety import library_path
from reader.services.recovery import RecoveryFile, pending_recoveries

__all__ = [
    "CheckedLibrary",
    "GatedLibrary",
    "check_sound",
    "file_problems",
    "open_checked",
    "open_for_command",
    "recoveries_for",
]


@dataclass(frozen=True, slots=True)
class CheckedLibrary:
    """An open library that passed ``quick_check``; ``reason`` says why it is read-only."""

    library: Library
    read_only: bool
    reason: str
    path: Path | None  # the library file (None for an in-memory library)


def file_problems(path: str | Path) -> list[str]:
    """``PRAGMA quick_check`` of a database file read directly (empty when it is sound).

    Raises CheckNotRun when the check cannot run (disk full, I/O error, permission).
    """
    uri = f"file:{quote(str(Path(path).resolve()))}?mode=ro"
    try:
        with closing(sqlite3.connect(uri, uri=True)) as conn:
            rows = [str(row[0]) for row in conn.execute("PRAGMA quick_check")]
    except sqlite3.DatabaseError as exc:
        if not is_damage(exc):
            raise could_not_run(path, exc) from exc
        return [f"the file cannot be read as a database: {exc}{_not_sqlite(path)}"]
    return [] if rows == ["ok"] else rows


SQLITE_HEADER = b"SQLite format 3\x00"


def _not_sqlite(path: str | Path) -> str:
    """Says so when the file does not even start as an SQLite file (a text file given by mistake)."""
    try:
        with open(path, "rb") as file:
            start = file.read(len(SQLITE_HEADER))
    except OSError:
        return ""
    if start == SQLITE_HEADER:
        return ""
    return (
        "; it does not start as an SQLite database does, so it may not be a Jiaokan library at all "
        "(a library whose first bytes were overwritten looks the same)"
    )


def open_checked(db: str | Path, *, check: bool = True) -> CheckedLibrary:
    """Open a library (read-only when it must be) and check it; raises LibraryDamaged when damaged.

    With ``check=False`` the ``quick_check`` is left to the caller (the window
    runs it beside filling the library pane, see :func:`check_sound`).
    Other failures (ReadOnlyLibrary for a library that cannot be used at all,
    BackupError when the backup before an upgrade fails) propagate unchanged.
    """
    path = library_path(db)
    try:
        library, read_only = open_library_safely(db)
    except DBAPIError as exc:
        problems = file_problems(path) if path is not None and path.is_file() else []
        if problems:
            raise LibraryDamaged(path or str(db), problems) from exc
        raise
    try:
        if check:
            ensure_sound(library.engine, path or str(db))
    except BaseException:
        library.close()
        raise
    reason = str(getattr(library, "reason", "")) if read_only else ""
    return CheckedLibrary(library, read_only, reason, path)


class GatedLibrary(Library):
    """A library that runs the content check (every hash, every original, the coverage) before its
    first write session: a library damaged behind the application's back is never written to."""

    def __init__(self, library: Library, path: str | Path) -> None:
        super().__init__(library.engine)
        self.path = path
        self._checked = False

    def _gate(self) -> None:
        if not self._checked:
            from db.integrity import content_problems

            problems = content_problems(self)
            if problems:
                raise LibraryDamaged(self.path, problems)
            self._checked = True

    def write_session(self) -> Session:
        """A write session, once the library passed the content check (else LibraryDamaged)."""
        self._gate()
        return super().write_session()

    def writing(self) -> _GeneratorContextManager[Session]:
        """One write transaction, once the library passed the content check (else LibraryDamaged)."""
        self._gate()
        return super().writing()


def open_for_command(db: str | Path) -> Library:
    """Open a library for a command-line command, through the same soundness gate as the window.

    The library opens read-only when it must (writes then fail saying why);
    ``quick_check`` runs at once, so every command, reading or writing, stops
    with LibraryDamaged on a damaged file instead of a traceback; a writable
    library is returned as a :class:`GatedLibrary`, so a writing command also
    refuses a library whose content was changed behind the application's back.
    """
    checked = open_checked(db)
    if checked.read_only:
        return checked.library
    return GatedLibrary(checked.library, checked.path or str(db))


def check_sound(library: Library, db: str | Path) -> None:
    """The ``quick_check`` of an open library; raises LibraryDamaged with the problems found."""
    path = library_path(db)
    try:
        ensure_sound(library.engine, path or str(db))
    except DBAPIError as exc:
        if not is_damage(exc):
            raise could_not_run(path or str(db), exc) from exc
        problems = file_problems(path) if path is not None and path.is_file() else []
        raise LibraryDamaged(path or str(db), problems or [str(exc.orig)]) from exc


def recoveries_for(db: str | Path) -> list[RecoveryFile]:
    """The recovery files kept for this library (or for no library in particular), oldest first."""
    path = library_path(db)
    names = {str(db)} | ({str(path)} if path is not None else set())
    return [r for r in pending_recoveries() if r.library is None or r.library in names]

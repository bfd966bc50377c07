"""Opening a library: the policy above the engine, the backups and read-only opening.

``open_library`` creates or opens a library and upgrades its schema, backing an
existing one up first (``upgrade_with_backup``); ``open_library_safely`` falls
back to opening it read-only (``db.safety``) when its file or folder cannot be
written.  The lower layers (``db.engine``, ``db.safety``, ``db.backup``) never
import this module.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError

from db.backup import backup_before
from db.dialect import is_postgres_url
from db.engine import Library, create_library_engine, database_url
from db.errors import ReadOnlyLibrary
from db.migrate import current_revisions, is_current, known_revisions, upgrade_to_head
from db.pg_backup import upgrade_with_dump
from db.safety import is_read_only_failure, library_path, open_read_only, writable


def open_library(db: str | Path) -> Library:
    """Open (creating if needed) the library at a path or URL and upgrade its schema to head.

    An existing library is backed up (verified) before any migration runs.
    """
    url = database_url(db)
    engine = create_library_engine(url)
    try:
        if is_postgres_url(url):
            upgrade_with_dump(engine, url)  # pg_dump first, as SQLite's file is copied first
        else:
            upgrade_with_backup(engine, library_path(db))
    except BaseException:
        engine.dispose()
        raise
    return Library(engine)


def open_library_safely(db: str | Path) -> tuple[Library, bool]:
    """Open a library for writing when possible, else read-only; returns (library, read_only)."""
    path = library_path(db)
    if path is None or not path.exists():
        if path is not None and path.parent.is_dir() and not writable(path):
            raise ReadOnlyLibrary(path, "cannot create a library here: the folder is read-only")
        return open_library(db), False
    if writable(path):
        try:
            return open_library(path), False
        except OperationalError as exc:
            if not is_read_only_failure(exc):
                raise
            reason = f"the library could not be opened for writing ({exc.orig}), so nothing can be changed"
    else:
        reason = "the library's file or folder is read-only, so nothing can be changed"
    return open_read_only(path, reason), True


def upgrade_with_backup(engine: Engine, library_path: str | Path | None) -> bool:
    """Upgrade the schema to head, first backing up (``pre-migration``) an existing library.

    A new (empty) library, one already at head, and an in-memory one
    (``library_path`` None) are migrated without a backup.  If the backup
    fails, nothing is migrated and BackupError / LibraryDamaged is raised.
    """
    if is_current(engine):
        return False
    revisions = current_revisions(engine)
    if library_path is not None and revisions and revisions <= known_revisions():  # else refused: not ours
        backup_before(library_path, "pre-migration")
    return upgrade_to_head(engine)


__all__ = ["open_library", "open_library_safely", "upgrade_with_backup"]

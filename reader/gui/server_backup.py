"""Automatic backups of a team library from the window: a ``pg_dump`` in the background, when due.

SQLite libraries are copied by ``reader.gui.library_safety``; a library on a
PostgreSQL server is dumped (custom format, verified) into the user's data
folder by ``db.pg_backup.backup_if_due``.  A failure, ``pg_dump`` missing from
the PATH included, shows the same lasting warning in the status bar.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.gui.library_safety import LibrarySafety
    from reader.gui.tasks import Task, TaskContext


def _dump_if_due(url: str, hours: int, _context: TaskContext) -> Path | None:
    from db.pg_backup import backup_if_due

    return backup_if_due(url, hours)


def start_server_backup(safety: LibrarySafety, location: str, hours: int) -> Task | None:
    """Dump a server library in the background when its newest dump is older than ``hours``."""
    from db.dialect import is_postgres_url

    if not is_postgres_url(location):
        return None

    def done(path: Path | None) -> None:
        safety.backup_task = None
        if path is not None:
            safety.server_backup_made(path)

    task = safety.runner.start(
        "automatic backup",
        lambda context: _dump_if_due(location, hours, context),
        on_success=done,
        on_failure=safety.backup_error,
    )
    safety.backup_task = task
    return task

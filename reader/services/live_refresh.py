"""Use case: notice that another client changed the library, cheaply, so a window can refresh.

On PostgreSQL every write transaction sends ``NOTIFY`` on
:data:`db.dialect.CHANGES_CHANNEL` (delivered at commit, dropped on
rollback); the watcher ``LISTEN``\\ s on a connection of its own.  On SQLite
the watcher reads ``PRAGMA data_version`` on a connection of its own: the
number changes when any *other* connection commits, this process's other
connections included.  :meth:`ChangeWatcher.changed` never blocks: it reads
what is already there.
"""

from __future__ import annotations

from typing import Any

from db import dialect
from db.engine import Library


class ChangeWatcher:
    """Says whether another connection committed since the last call."""

    def __init__(self, library: Library) -> None:
        self._postgres = dialect.is_postgres(library.engine)
        raw: Any = library.engine.raw_connection()
        self._driver: Any = raw.driver_connection
        raw.detach()  # its own connection, never handed back to the pool (it listens, or autocommits)
        if self._postgres:
            self._driver.autocommit = True
            self._driver.execute(f"LISTEN {dialect.CHANGES_CHANNEL}")
            self._last: int = 0
        else:
            self._last = self._data_version()

    def _data_version(self) -> int:
        cursor = self._driver.execute("PRAGMA data_version")
        try:
            return int(cursor.fetchone()[0])
        finally:
            cursor.close()

    def changed(self) -> bool:
        """True when someone else committed a change since the last call (or since the watcher began)."""
        if self._postgres:
            seen = False
            for _notice in self._driver.notifies(timeout=0, stop_after=1000):
                seen = True
            return seen
        version = self._data_version()
        if version != self._last:
            self._last = version
            return True
        return False

    def close(self) -> None:
        """Close the watcher's connection."""
        self._driver.close()

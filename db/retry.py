"""Retrying a write transaction when another process holds the library's write lock.

Write sessions begin ``IMMEDIATE`` and every connection waits ``busy_timeout``
for the lock, so "database is locked" only surfaces after a long wait, or at
once in the cases SQLite's busy handler does not cover (a lock taken while a
WAL checkpoint or recovery runs, a read transaction that tried to become a
write one).  ``with_write_retry`` runs the whole unit of work again with
exponential backoff and jitter, then gives up with ``LibraryBusy``.  The unit
must be a complete transaction (it is re-run from the start), e.g.
``lambda: save(...)`` opening its own ``library.writing()``.
"""

from __future__ import annotations

import random
import sqlite3
import time
from collections.abc import Callable
from typing import TypeVar

from sqlalchemy.exc import OperationalError

from db.dialect import BUSY_SQLSTATES
from db.errors import LibraryBusy

T = TypeVar("T")

DEFAULT_ATTEMPTS = 6
_BUSY_MESSAGES = ("database is locked", "database is busy", "database table is locked")


def is_busy_error(exc: BaseException) -> bool:
    """True for SQLite's SQLITE_BUSY / SQLITE_LOCKED errors, raw or wrapped by SQLAlchemy.

    On PostgreSQL: the writer lock not granted within the lock timeout
    (and a deadlock or serialisation failure, which a retry resolves too).
    """
    original = exc.orig if isinstance(exc, OperationalError) else exc
    if getattr(original, "sqlstate", None) in BUSY_SQLSTATES:
        return True
    if not isinstance(original, sqlite3.OperationalError):
        return False
    code = getattr(original, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
    return any(message in str(original).lower() for message in _BUSY_MESSAGES)


def with_write_retry(
    fn: Callable[[], T],
    attempts: int = DEFAULT_ATTEMPTS,
    *,
    base_delay: float = 0.05,
    max_delay: float = 2.0,
    sleep: Callable[[float], None] = time.sleep,
    on_retry: Callable[[int, BaseException], None] | None = None,
) -> T:
    """Call ``fn``; while it fails because the library is locked, wait and call it again.

    Waits ``base_delay * 2**n`` (at most ``max_delay``, with ±50 % jitter so two
    writers do not retry in step).  After ``attempts`` tries raises LibraryBusy;
    any other error propagates at once.
    """
    if attempts < 1:
        raise ValueError("attempts must be at least 1")
    for attempt in range(1, attempts + 1):
        try:
            return fn()
        except (OperationalError, sqlite3.OperationalError) as exc:
            if not is_busy_error(exc):
                raise
            if attempt == attempts:
                raise LibraryBusy(
                    f"the library stayed locked by another program through {attempts} attempts; "
                    "nothing was written, try again"
                ) from exc
            if on_retry is not None:
                on_retry(attempt, exc)
            delay = min(max_delay, base_delay * 2 ** (attempt - 1))
            sleep(delay * random.uniform(0.5, 1.5))
    raise AssertionError("unreachable")  # pragma: no cover


__all__ = ["DEFAULT_ATTEMPTS", "is_busy_error", "with_write_retry"]

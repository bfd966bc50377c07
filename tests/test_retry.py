"""Write retry: a locked library is waited for with backoff, then reported as busy, never crashing."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, text, update
from sqlalchemy.exc import IntegrityError

from db.engine import Library
from db.errors import LibraryBusy
from db.models import Block
from db.retry import is_busy_error, with_write_retry
from tests.safety_support import add_articles


def _impatient(library: Library) -> None:
    """Make the library's connections give up on a lock at once (as after a long busy wait)."""
    library.engine.dispose()

    def no_wait(dbapi_connection: Any, _record: object) -> None:
        dbapi_connection.execute("PRAGMA busy_timeout=0")

    event.listen(library.engine, "connect", no_wait)


def _save(library: Library, value: str) -> str:
    with library.writing() as session:
        session.execute(update(Block).where(Block.id == 1).values(text=value))
    return value


def test_a_write_waits_for_another_process_and_then_succeeds(library: Library, tmp_path: Path) -> None:
    add_articles(library, articles=1)
    _impatient(library)
    other = sqlite3.connect(tmp_path / "library.sqlite3", isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    threading.Timer(0.3, lambda: other.execute("COMMIT")).start()
    retries: list[int] = []
    result = with_write_retry(
        lambda: _save(library, "等到了"), attempts=10, on_retry=lambda n, _exc: retries.append(n)
    )
    other.close()
    assert result == "等到了" and retries
    with library.session() as session:
        assert session.execute(text("SELECT text FROM block WHERE id = 1")).scalar() == "等到了"


def test_a_lock_held_too_long_becomes_library_busy(library: Library, tmp_path: Path) -> None:
    add_articles(library, articles=1)
    _impatient(library)
    other = sqlite3.connect(tmp_path / "library.sqlite3", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    sleeps: list[float] = []
    try:
        with pytest.raises(LibraryBusy, match="nothing was written"):
            with_write_retry(lambda: _save(library, "x"), attempts=4, sleep=sleeps.append)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert len(sleeps) == 3
    assert sleeps[0] < sleeps[2]  # backs off
    assert all(s <= 2.0 * 1.5 for s in sleeps)


def test_other_errors_are_not_retried() -> None:
    calls = []

    def fail() -> None:
        calls.append(1)
        raise IntegrityError("INSERT", {}, sqlite3.IntegrityError("UNIQUE constraint failed"))

    with pytest.raises(IntegrityError):
        with_write_retry(fail, attempts=5, sleep=lambda _s: None)
    assert calls == [1]
    assert not is_busy_error(ValueError("database is locked"))
    locked = sqlite3.OperationalError("database is locked")
    assert is_busy_error(locked)
    with pytest.raises(ValueError, match="at least 1"):
        with_write_retry(lambda: None, attempts=0)

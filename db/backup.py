"""Backups of a library with SQLite's online backup API, verified, rotated, restorable.

A backup is never a file copy of a live database: ``sqlite3.Connection.backup``
takes a consistent snapshot even while another connection writes.  Each copy
is written under a temporary name, switched to a single self-contained file
(``journal_mode=DELETE``), verified with ``PRAGMA quick_check`` and only then
renamed into place; a copy that fails is deleted and reported.  Because a copy
of a damaged library fails that check, a damaged library never pushes good
backups out of the rotation.

Backups of the default library live in ``data_dir()/backups/``, those of any
other library in ``<library>.backups/`` beside it, named
``<stem>-<UTC timestamp>-<reason>.sqlite3``.  Rotation keeps the newest
``KEEP_LAST`` plus the newest of each of the last ``KEEP_WEEKS`` calendar weeks.
"""

from __future__ import annotations

import os
import re
import sqlite3
import tempfile
import time
from collections.abc import Iterable
from contextlib import closing, suppress
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import Engine

from db.safety import BackupError, LibraryDamaged

REASONS = ("auto", "manual", "pre-migration", "pre-bulk", "pre-restore")
KEEP_LAST = 10
KEEP_WEEKS = 8
SUFFIX = ".sqlite3"
_STAMP = "%Y%m%dT%H%M%S"
_NAME = re.compile(
    r"^(?P<stem>.+)-(?P<stamp>\d{8}T\d{6})\.(?P<ms>\d{3})Z-(?P<reason>[a-z]+(?:-[a-z]+)*)\.sqlite3$"
)
_BUSY_MS = 10_000
_STALE_PART_SECONDS = 3600
_MONDAY = datetime(2001, 1, 1, tzinfo=UTC)  # a Monday: calendar weeks start on Mondays


@dataclass(frozen=True, slots=True)
class BackupInfo:
    """One backup file: where, when (UTC), how big, and why it was made."""

    path: Path
    created_at: datetime
    size: int
    reason: str


def backup_dir(library_path: str | Path) -> Path:
    """Where the backups of a library live."""
    from reader.core.paths import data_dir, default_library

    library = Path(library_path).expanduser().resolve()
    if library == default_library().expanduser().resolve():
        return data_dir().expanduser().resolve() / "backups"
    return library.with_name(library.name + ".backups")


def list_backups(library_path: str | Path) -> list[BackupInfo]:
    """The library's verified backups, newest first."""
    folder = backup_dir(library_path)
    try:
        entries = list(os.scandir(folder))
    except FileNotFoundError:
        return []
    except OSError as exc:
        raise BackupError(folder, f"cannot read the backup folder: {exc.strerror or exc}") from exc
    found = []
    for entry in entries:
        parsed = _parse_name(entry.name)
        if parsed is not None and entry.is_file():
            found.append(BackupInfo(Path(entry.path), parsed[0], entry.stat().st_size, parsed[1]))
    return sorted(found, key=lambda b: (b.created_at, b.path.name), reverse=True)


def backup_before(library_path: str | Path, reason: str) -> BackupInfo:
    """Make a verified backup now into the backup folder, then rotate; raises BackupError."""
    info = _backup_into_folder(library_path, reason)
    rotate(library_path)
    return info


def _backup_into_folder(library_path: str | Path, reason: str) -> BackupInfo:
    if reason not in REASONS:
        raise ValueError(f"unknown backup reason {reason!r}; expected one of {', '.join(REASONS)}")
    library = _existing_library(library_path)
    folder = backup_dir(library)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BackupError(folder, f"cannot create the backup folder: {exc.strerror or exc}") from exc
    _remove_stale_parts(folder)
    target = _new_name(folder, library, reason)
    size = backup_to(library, target)
    parsed = _parse_name(target.name)
    assert parsed is not None
    return BackupInfo(target, parsed[0], size, reason)


def backup_if_due(library_path: str | Path, interval_hours: float = 24) -> BackupInfo | None:
    """Back up (reason ``auto``) when the newest backup is older than the interval; else None."""
    newest = next(iter(list_backups(library_path)), None)
    if newest is not None and datetime.now(UTC) - newest.created_at < timedelta(hours=interval_hours):
        return None
    return backup_before(library_path, "auto")


def backup_to(library_path: str | Path, target: str | Path) -> int:
    """Write a verified backup of the library to ``target`` (a file, or a folder to put it in).

    Returns the size in bytes.  ``target`` is replaced atomically and only by
    a copy that passed ``quick_check``.
    """
    library = _existing_library(library_path)
    target = Path(target).expanduser()
    if target.is_dir():
        target = _new_name(target, library, "manual")
    if target.resolve() == library:
        raise BackupError(target, "a backup cannot overwrite the library itself")
    part = _part_name(target)
    try:
        with closing(_connect_source(library)) as source, closing(sqlite3.connect(part)) as copy:
            source.backup(copy)
            copy.execute("PRAGMA journal_mode=DELETE")
    except sqlite3.DatabaseError as exc:
        part.unlink(missing_ok=True)
        problems = _check_file(library)
        if problems:
            raise LibraryDamaged(library, problems) from exc
        raise BackupError(target, f"the backup could not be written: {exc}") from exc
    problems = _check_file(part)
    if problems:
        part.unlink(missing_ok=True)
        library_problems = _check_file(library)
        if library_problems:
            raise LibraryDamaged(library, library_problems)
        raise BackupError(target, "the backup failed verification and was deleted: " + "; ".join(problems))
    _commit_file(part, target)
    return target.stat().st_size


def rotate(library_path: str | Path, now: datetime | None = None, protect: Iterable[Path] = ()) -> list[Path]:
    """Delete the backups the rotation no longer keeps (never those in ``protect``); returns them."""
    backups = list_backups(library_path)
    keep = kept_backups(backups, now or datetime.now(UTC))
    spared = {Path(p).resolve() for p in protect}
    deleted = []
    for backup in backups:
        if backup not in keep and backup.path.resolve() not in spared:
            with suppress(FileNotFoundError):
                backup.path.unlink()
            deleted.append(backup.path)
    return deleted


def kept_backups(backups: Iterable[BackupInfo], now: datetime) -> set[BackupInfo]:
    """The newest KEEP_LAST backups plus the newest of each of the last KEEP_WEEKS calendar weeks."""
    ordered = sorted(backups, key=lambda b: b.created_at, reverse=True)
    keep = set(ordered[:KEEP_LAST])
    this_week = _week(now)
    seen_weeks: set[int] = set()
    for backup in ordered:
        week = _week(backup.created_at)
        if this_week - week < KEEP_WEEKS and week not in seen_weeks:
            seen_weeks.add(week)
            keep.add(backup)
    return keep


def verify_backup(path: str | Path) -> list[str]:
    """Problems that make ``path`` unusable as a library backup; empty when it is good."""
    path = Path(path)
    if not path.is_file():
        return [f"{path} is not a file"]
    problems = _check_file(path)
    if problems:
        return problems
    try:
        with closing(_connect_source(path)) as conn:
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    except sqlite3.DatabaseError as exc:
        return [f"cannot read it: {exc}"]
    missing = {"alembic_version", "issue", "article", "block"} - tables
    if missing:
        return ["it is not a Jiaokan library (no " + ", ".join(sorted(missing)) + " table)"]
    return []


@dataclass(frozen=True, slots=True)
class Restored:
    """What a restore did with the library it replaced."""

    pre_restore: BackupInfo | None  # the backup of the library as it was
    quarantined: Path | None  # where a damaged library was moved instead


def restore(library_path: str | Path, backup_path: str | Path) -> Restored:
    """Replace the library's content with a verified backup (see ``Restored``).

    The current library is first backed up (reason ``pre-restore``); if it is
    damaged it is quarantined (renamed ``*.damaged``) instead, so nothing is
    lost.  The content is copied with the backup API into the live file, so
    other connections see the restored library at their next transaction;
    close the ``Library`` before and reopen it after (the restored copy may be
    migrated then).
    """
    backup = Path(backup_path).expanduser().resolve()
    problems = verify_backup(backup)
    if problems:
        raise BackupError(backup, "not restored, the backup is unusable: " + "; ".join(problems))
    library = Path(library_path).expanduser().resolve()
    before: BackupInfo | None = None
    quarantined: Path | None = None
    if library.exists():
        if _check_file(library):
            from db.integrity import quarantine

            quarantined = quarantine(library)
        else:
            before = _backup_into_folder(library, "pre-restore")  # rotated once restored
    if library.exists():
        _copy_into_live(backup, library)
    else:
        part = _part_name(library)
        with closing(_connect_source(backup)) as source, closing(sqlite3.connect(part)) as copy:
            source.backup(copy)
        _commit_file(part, library)
    problems = _check_file(library)
    if problems:
        raise LibraryDamaged(library, problems)
    rotate(library, protect=[backup])  # the backup just restored stays, to restore again
    return Restored(before, quarantined)


def upgrade_with_backup(engine: Engine, library_path: str | Path | None) -> bool:
    """Upgrade the schema to head, first backing up (``pre-migration``) an existing library.

    A new (empty) library, one already at head, and an in-memory one
    (``library_path`` None) are migrated without a backup.  If the backup
    fails, nothing is migrated and BackupError / LibraryDamaged is raised.
    """
    from db.migrate import current_revisions, is_current, upgrade_to_head

    if is_current(engine):
        return False
    if library_path is not None and current_revisions(engine):
        backup_before(library_path, "pre-migration")
    return upgrade_to_head(engine)


def _existing_library(library_path: str | Path) -> Path:
    library = Path(library_path).expanduser().resolve()
    if not library.is_file():
        raise BackupError(library, "there is no library file here to back up")
    return library


def _connect_source(path: Path) -> sqlite3.Connection:
    """A read-only connection (it still reads the committed ``-wal`` content)."""
    from urllib.parse import quote

    conn = sqlite3.connect(f"file:{quote(str(path))}?mode=ro", uri=True, timeout=_BUSY_MS / 1000)
    return conn


def _check_file(path: Path) -> list[str]:
    """``PRAGMA quick_check`` of a database file; the problems found (empty when ok)."""
    try:
        with closing(_connect_source(path)) as conn:
            rows = [str(row[0]) for row in conn.execute("PRAGMA quick_check")]
    except sqlite3.DatabaseError as exc:
        return [f"quick_check could not run: {exc}"]
    return [] if rows == ["ok"] else rows


def _new_name(folder: Path, library: Path, reason: str) -> Path:
    while True:
        now = datetime.now(UTC)
        name = f"{library.stem}-{now.strftime(_STAMP)}.{now.microsecond // 1000:03d}Z-{reason}{SUFFIX}"
        if not (folder / name).exists():
            return folder / name
        time.sleep(0.002)


def _parse_name(name: str) -> tuple[datetime, str] | None:
    """(created at, reason) of a backup file name; None for any other file."""
    match = _NAME.match(name)
    if match is None:
        return None
    stamp = datetime.strptime(match["stamp"], _STAMP).replace(tzinfo=UTC)
    return stamp + timedelta(milliseconds=int(match["ms"])), match["reason"]


def _week(moment: datetime) -> int:
    return (moment - _MONDAY).days // 7


def _part_name(target: Path) -> Path:
    try:
        fd, name = tempfile.mkstemp(dir=target.parent, prefix="." + target.name + ".", suffix=".part")
    except OSError as exc:
        raise BackupError(target, f"cannot create a file in {target.parent}: {exc.strerror or exc}") from exc
    os.close(fd)
    return Path(name)


def _commit_file(part: Path, target: Path) -> None:
    """fsync ``part`` and rename it to ``target`` atomically."""
    try:
        with open(part, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(part, target)
    except OSError as exc:
        part.unlink(missing_ok=True)
        raise BackupError(target, f"cannot write the file: {exc.strerror or exc}") from exc
    with suppress(OSError):
        fd = os.open(target.parent, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _remove_stale_parts(folder: Path) -> None:
    """Delete temporary files left by a backup that was interrupted long ago."""
    cutoff = time.time() - _STALE_PART_SECONDS
    for part in folder.glob(".*.part"):
        with suppress(OSError):
            if part.stat().st_mtime < cutoff:
                part.unlink()


def _copy_into_live(backup: Path, library: Path) -> None:
    """Copy the backup's pages into the live library file (other connections stay valid)."""
    try:
        with (
            closing(_connect_source(backup)) as source,
            closing(sqlite3.connect(library, timeout=_BUSY_MS / 1000, isolation_level=None)) as live,
        ):
            source_size = source.execute("PRAGMA page_size").fetchone()[0]
            if live.execute("PRAGMA page_size").fetchone()[0] != source_size:
                # WAL cannot change the page size: leave WAL (needs no other connection) first.
                live.execute("PRAGMA journal_mode=DELETE")
            source.backup(live)
            live.execute("PRAGMA journal_mode=WAL")
    except sqlite3.DatabaseError as exc:
        raise BackupError(
            library,
            f"the backup could not be restored into the library ({exc}); close every window and "
            "program using the library and try again; the library was not changed",
        ) from exc


__all__ = [
    "KEEP_LAST",
    "KEEP_WEEKS",
    "REASONS",
    "BackupInfo",
    "Restored",
    "backup_before",
    "backup_dir",
    "backup_if_due",
    "backup_to",
    "kept_backups",
    "list_backups",
    "restore",
    "rotate",
    "upgrade_with_backup",
    "verify_backup",
]

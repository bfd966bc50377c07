"""Backups of a library with SQLite's online backup API, verified, rotated, restorable.

A backup is never a file copy of a live database: ``sqlite3.Connection.backup``
takes a consistent snapshot even while another connection writes.  Each copy
is written under a temporary name, switched to a single self-contained file
(``journal_mode=DELETE``), verified with ``PRAGMA quick_check`` and only then
renamed into place; a copy that fails is deleted and reported.  A copy that
passes ``quick_check`` then gets the full check (``integrity_check``, every
content hash, every original text: ``db.integrity.check_file``); a copy that
fails it is a copy of a damaged library: it is kept apart in the
``failed-check/`` subfolder with a ``.problems.txt`` label, never listed, never
rotated, and LibraryDamaged is raised.  So a damaged library never pushes good
backups out of the rotation, and the newest backup that passed the full check
(the newest one listed) is never deleted.

A library's backups live in ``<library>.backups/`` beside it, however it is
opened (``--db PATH`` or as the default library), named
``<stem>-<UTC timestamp>-<reason>.sqlite3``.  Older versions put the default
library's backups in ``data_dir()/backups/``: that policy is the application's, so
the caller passes such a folder as ``legacy`` (``reader.core.paths.legacy_backup_folder``)
and its backups of this library are then listed, restorable and rotated too.
Rotation keeps the newest ``KEEP_LAST`` plus the newest of each of the last
``KEEP_WEEKS`` calendar weeks.

A check that cannot run (disk full, I/O error, permission) raises CheckNotRun:
it never counts as damage.  A restore writes the backup's content to a new
file beside the library, verifies it, and only then renames it over the
library: on any failure the library at its path is as it was.
"""

from __future__ import annotations

import gc
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

from db.errors import BackupError, CheckNotRun, LibraryDamaged, could_not_run, is_damage
from db.integrity import check_file
from db.quarantine import quarantine
from db.safety import writable

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
_LEAVE_WAL_SECONDS = 15  # a background task of this process may hold a connection for seconds under load
_MONDAY = datetime(2001, 1, 1, tzinfo=UTC)  # a Monday: calendar weeks start on Mondays
FAILED_CHECK = "failed-check"  # subfolder of the backup folder for copies of a damaged library


@dataclass(frozen=True, slots=True)
class BackupInfo:
    """One backup file: where, when (UTC), how big, and why it was made."""

    path: Path
    created_at: datetime
    size: int
    reason: str


def backup_dir(library_path: str | Path) -> Path:
    """Where new backups of a library go: ``<library>.backups/`` beside it, however it is opened."""
    library = Path(library_path).expanduser().resolve()
    return library.with_name(library.name + ".backups")


def backup_folders(library_path: str | Path, legacy: Path | None = None) -> list[Path]:
    """Every folder holding backups of a library: ``backup_dir`` and the caller's ``legacy`` folder
    (one older versions used, shared by several libraries), if any."""
    folders = [backup_dir(library_path)]
    if legacy is not None:
        folders.append(legacy.expanduser().resolve())
    return folders


def list_backups(library_path: str | Path, legacy: Path | None = None) -> list[BackupInfo]:
    """The library's verified backups (in every folder of ``backup_folders``), newest first."""
    library = Path(library_path).expanduser().resolve()
    found = []
    for index, folder in enumerate(backup_folders(library, legacy)):
        try:
            entries = list(os.scandir(folder))
        except FileNotFoundError:
            continue
        except OSError as exc:
            raise BackupError(folder, f"cannot read the backup folder: {exc.strerror or exc}") from exc
        for entry in entries:
            parsed = _parse_name(entry.name)
            if parsed is None or not entry.is_file() or (index > 0 and parsed[2] != library.stem):
                continue  # the legacy folder may hold other libraries' backups
            found.append(BackupInfo(Path(entry.path), parsed[0], entry.stat().st_size, parsed[1]))
    return sorted(found, key=lambda b: (b.created_at, b.path.name), reverse=True)


def failed_backups(library_path: str | Path) -> list[Path]:
    """Copies of the library kept apart because they failed the full check, newest first."""
    folder = backup_dir(library_path) / FAILED_CHECK
    return sorted(folder.glob(f"*{SUFFIX}"), reverse=True) if folder.is_dir() else []


def backup_before(library_path: str | Path, reason: str, legacy: Path | None = None) -> BackupInfo:
    """Make a verified backup now into the backup folder, then rotate; raises BackupError."""
    info = _backup_into_folder(library_path, reason)
    rotate(library_path, legacy=legacy)
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
    size = _write_backup(library, target)
    parsed = _parse_name(target.name)
    assert parsed is not None
    return BackupInfo(target, parsed[0], size, reason)


def backup_if_due(
    library_path: str | Path, interval_hours: float = 24, legacy: Path | None = None
) -> BackupInfo | None:
    """Back up (reason ``auto``) when the newest backup is older than the interval; else None."""
    newest = next(iter(list_backups(library_path, legacy)), None)
    if newest is not None and datetime.now(UTC) - newest.created_at < timedelta(hours=interval_hours):
        return None
    return backup_before(library_path, "auto", legacy)


def backup_to(library_path: str | Path, target: str | Path, legacy: Path | None = None) -> int:
    """Write a verified backup of the library to ``target`` (a file, or a folder to put it in).

    Returns the size in bytes.  ``target`` is replaced atomically and only by
    a copy that passed ``quick_check`` and the full check.  Refused (BackupError)
    when ``target`` is the library, its ``-wal``, ``-shm`` or ``-journal``, or
    one of its listed backups.  A library on a read-only medium can be backed up.
    """
    library = _existing_library(library_path)
    target = Path(target).expanduser()
    if target.is_dir():
        target = _new_name(target, library, "manual")
    _refuse_target(library, target, legacy)
    return _write_backup(library, target)


def _refuse_target(library: Path, target: Path, legacy: Path | None) -> None:
    resolved = target.resolve()
    own = {Path(f"{library}{suffix}"): what for suffix, what in _OWN_FILES}
    for path, what in own.items():
        if resolved == path or (target.exists() and path.exists() and os.path.samefile(target, path)):
            raise BackupError(target, f"a backup cannot overwrite {what}")
    if any(resolved == b.path.resolve() for b in list_backups(library, legacy)):
        raise BackupError(
            target, "a backup cannot overwrite one of the library's backups (python main.py backups)"
        )


_OWN_FILES = (
    ("", "the library itself"),
    ("-wal", "the library's write-ahead log (-wal): it may hold saves not yet in the library"),
    ("-shm", "the library's shared-memory index (-shm)"),
    ("-journal", "the library's rollback journal (-journal)"),
)


def _write_backup(library: Path, target: Path) -> int:
    part = _part_name(target)
    try:
        with closing(_connect_source(library)) as source, closing(sqlite3.connect(part)) as copy:
            source.backup(copy)
            copy.execute("PRAGMA journal_mode=DELETE")
    except sqlite3.DatabaseError as exc:
        part.unlink(missing_ok=True)
        if is_damage(exc):
            raise LibraryDamaged(library, _check_file(library) or [str(exc)]) from exc
        raise BackupError(target, f"the backup could not be written: {_plain(exc)}") from exc
    try:
        problems = _check_file(part)
    except CheckNotRun as exc:
        part.unlink(missing_ok=True)
        raise BackupError(target, f"the backup could not be verified: {exc.reason}") from exc
    if problems:
        part.unlink(missing_ok=True)
        library_problems = _check_file(library)
        if library_problems:
            raise LibraryDamaged(library, library_problems)
        raise BackupError(target, "the backup failed verification and was deleted: " + "; ".join(problems))
    _full_check_or_keep_apart(library, part, target)
    _commit_file(part, target)
    return target.stat().st_size


def _full_check_or_keep_apart(library: Path, part: Path, target: Path) -> None:
    """Run the full check on a new copy; a copy that fails is moved apart and LibraryDamaged raised."""
    try:
        problems = check_file(part)
    except CheckNotRun as exc:
        part.unlink(missing_ok=True)
        raise BackupError(target, f"the backup could not be verified: {exc.reason}") from exc
    if not problems:
        return
    folder = backup_dir(library) / FAILED_CHECK
    try:
        folder.mkdir(parents=True, exist_ok=True)
        kept = folder / (
            target.name if _parse_name(target.name) else _new_name(folder, library, "manual").name
        )
        label = kept.with_name(kept.name + ".problems.txt")
        label.write_text(
            f"A copy of {library} that failed the full check; it is not a good backup.\n"
            + "".join(f"{line}\n" for line in problems),
            encoding="utf-8",
        )
        _commit_file(part, kept)
    except (OSError, BackupError):
        part.unlink(missing_ok=True)
        raise LibraryDamaged(library, problems) from None
    raise LibraryDamaged(
        library,
        [*problems, f"this copy was kept apart in {kept} and does not count among the backups"],
    )


def rotate(
    library_path: str | Path,
    now: datetime | None = None,
    protect: Iterable[Path] = (),
    legacy: Path | None = None,
) -> list[Path]:
    """Delete the backups the rotation no longer keeps (never those in ``protect``); returns them."""
    backups = list_backups(library_path, legacy)
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
    if not path.exists():  # a typo or a name without its folder: say so, not "unusable"
        return [f"{path} does not exist (the backups command lists every backup with its full path)"]
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


def restore(
    library_path: str | Path,
    backup_path: str | Path,
    *,
    quarantine_it: bool = False,
    legacy: Path | None = None,
    keep: Iterable[Path] = (),
) -> Restored:
    """Replace the library with a verified backup (see ``Restored``).

    The backup's content is first written to a new file beside the library and
    verified; the current library is then backed up (reason ``pre-restore``),
    or, if it is damaged (or ``quarantine_it``), renamed ``*.damaged`` so
    nothing is lost; only then is the new file renamed over the library.  On
    any failure (BackupError, CheckNotRun: disk full, I/O error, another
    program holding the library) the library at its path is left as it was.
    Close every ``Library`` on it before (other programs too) and reopen it
    after (the restored copy may be migrated then).  The rotation that
    follows spares the backup restored and those in ``keep`` (the backups an
    undoable restore goes back and forth between).
    """
    backup = Path(backup_path).expanduser().resolve()
    problems = verify_backup(backup)
    if problems:
        unusable = "the backup is unusable: " if backup.exists() else ""
        raise BackupError(backup, "not restored, " + unusable + "; ".join(problems))
    library = Path(library_path).expanduser().resolve()
    part = _part_name(library)
    try:
        _copy_file(backup, part, library)
        problems = _check_file(part)
        if problems:
            raise BackupError(library, "not restored, the copy failed verification: " + "; ".join(problems))
        before: BackupInfo | None = None
        quarantined: Path | None = None
        if library.exists():
            damaged = quarantine_it or bool(_check_file(library))
            if not damaged:
                try:
                    before = _backup_into_folder(library, "pre-restore")  # rotated once restored
                except LibraryDamaged:
                    damaged = True  # its content failed the full check (that copy was kept apart)
            if damaged:
                quarantined = quarantine(library)
            else:
                _leave_wal(library)
        _commit_file(part, library)
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    rotate(library, protect=[backup, *keep], legacy=legacy)  # the backup restored stays, to restore again
    return Restored(before, quarantined)


@dataclass(frozen=True, slots=True)
class Recovery:
    """What ``restore_newest_good_backup`` did."""

    restored: BackupInfo
    quarantined: Path | None
    skipped: list[tuple[Path, str]]


def restore_newest_good_backup(library_path: str | Path, legacy: Path | None = None) -> Recovery:
    """Restore the newest backup that passes verification and the full check, quarantining the library.

    The restored copy is written and verified beside the library before the
    library is renamed ``*.damaged`` and the copy renamed into its place (see
    ``restore``).  When no backup is usable, or anything fails
    (BackupError, CheckNotRun), the library is left where it is, as it was.
    """
    library = Path(library_path).expanduser().resolve()
    skipped: list[tuple[Path, str]] = []
    for backup in list_backups(library, legacy):
        problems = verify_backup(backup.path) or check_file(backup.path)
        if problems:
            skipped.append((backup.path, "; ".join(problems)))
            continue
        done = restore(library, backup.path, quarantine_it=True, legacy=legacy)
        return Recovery(backup, done.quarantined, skipped)
    detail = "".join(f"; {path.name}: {why}" for path, why in skipped)
    raise BackupError(library, "no usable backup to restore, the library was left as it is" + detail)


def _copy_file(backup: Path, part: Path, library: Path) -> None:
    """Write the backup's content to ``part`` as a self-contained file (no ``-wal``)."""
    try:
        with closing(_connect_source(backup)) as source, closing(sqlite3.connect(part)) as copy:
            source.backup(copy)
            copy.execute("PRAGMA journal_mode=DELETE")
    except sqlite3.DatabaseError as exc:
        raise BackupError(
            library,
            f"not restored, the new library could not be written: {_plain(exc)}; the library was not changed",
        ) from exc


def _leave_wal(library: Path) -> None:
    """Fold the library's ``-wal`` into it and delete it, so no old journal outlives the swap.

    Switching out of WAL needs every other connection closed: while another
    window or program uses the library the restore is refused.
    """
    deadline = time.monotonic() + _LEAVE_WAL_SECONDS  # a connection closing just now is waited for
    while True:
        try:
            with closing(sqlite3.connect(library, timeout=_BUSY_MS / 1000, isolation_level=None)) as conn:
                mode = str(conn.execute("PRAGMA journal_mode=DELETE").fetchone()[0]).lower()
        except sqlite3.OperationalError as exc:
            if is_damage(exc) or "locked" not in str(exc):
                raise BackupError(
                    library, f"not restored ({_plain(exc)}); the library was not changed"
                ) from exc
            mode = "busy"
        if mode == "delete" or time.monotonic() > deadline:
            break
        # A connection handed back to the pool of a closed Library of this process stays open
        # until the garbage collector breaks the pool's reference cycle: let it run.
        gc.collect()
        time.sleep(0.05)
    reason = "another window or program is using it"
    if mode != "delete":
        raise BackupError(
            library,
            f"not restored ({reason}); close every window and program using the library and try "
            "again; the library was not changed",
        )
    with suppress(OSError):
        Path(f"{library}-shm").unlink()


def _existing_library(library_path: str | Path) -> Path:
    library = Path(library_path).expanduser().resolve()
    if not library.is_file():
        raise BackupError(library, "there is no library file here to back up")
    return library


def _connect_source(path: Path) -> sqlite3.Connection:
    """A read-only connection (it still reads the committed ``-wal`` content).

    A file that cannot be written (a read-only medium) and has no ``-wal`` is
    opened ``immutable``: SQLite then needs no ``-shm`` beside it.
    """
    from urllib.parse import quote

    wal = Path(f"{path}-wal")
    immutable = not writable(path) and not (wal.exists() and wal.stat().st_size > 0)
    query = "mode=ro&immutable=1" if immutable else "mode=ro"
    return sqlite3.connect(f"file:{quote(str(path))}?{query}", uri=True, timeout=_BUSY_MS / 1000)


def _check_file(path: Path) -> list[str]:
    """``PRAGMA quick_check`` of a database file; the problems found (empty when ok).

    Raises CheckNotRun when the check cannot run (disk full, I/O error, permission).
    """
    try:
        with closing(_connect_source(path)) as conn:
            rows = [str(row[0]) for row in conn.execute("PRAGMA quick_check")]
    except sqlite3.DatabaseError as exc:
        if not is_damage(exc):
            raise could_not_run(path, exc) from exc
        return [f"the file cannot be read as a database: {exc}"]
    return [] if rows == ["ok"] else rows


def _plain(exc: BaseException) -> str:
    """A database error's message, with what it means when the disk is full or failing."""
    return could_not_run("", exc).reason


def _new_name(folder: Path, library: Path, reason: str) -> Path:
    while True:
        now = datetime.now(UTC)
        name = f"{library.stem}-{now.strftime(_STAMP)}.{now.microsecond // 1000:03d}Z-{reason}{SUFFIX}"
        if not (folder / name).exists():
            return folder / name
        time.sleep(0.002)


def _parse_name(name: str) -> tuple[datetime, str, str] | None:
    """(created at, reason, library stem) of a backup file name; None for any other file."""
    match = _NAME.match(name)
    if match is None:
        return None
    stamp = datetime.strptime(match["stamp"], _STAMP).replace(tzinfo=UTC)
    return stamp + timedelta(milliseconds=int(match["ms"])), match["reason"], match["stem"]


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


__all__ = [
    "KEEP_LAST",
    "KEEP_WEEKS",
    "REASONS",
    "BackupInfo",
    "Recovery",
    "Restored",
    "backup_before",
    "backup_dir",
    "backup_folders",
    "backup_if_due",
    "backup_to",
    "failed_backups",
    "kept_backups",
    "list_backups",
    "restore",
    "restore_newest_good_backup",
    "rotate",
    "verify_backup",
]

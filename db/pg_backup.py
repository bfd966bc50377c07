"""Backups of a PostgreSQL library: ``pg_dump`` in custom format, verified by ``pg_restore --list``.

A dump is written beside its final name and renamed only when complete and
readable; ``restore`` loads one with ``pg_restore --clean --single-transaction``
(all or nothing).  The server's own backups (base backups and WAL archiving)
remain the real safety net of a team library: these dumps are the app's
manual and before-a-bulk-change copies, as on SQLite.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.engine import URL, make_url

from db.errors import BackupError
from db.server_auth import session_password

DUMP_SUFFIX = ".dump"


def tool(name: str) -> str | None:
    """The path of a PostgreSQL client program (``pg_dump``, ``pg_restore``) on the PATH, or None."""
    return shutil.which(name)


def _libpq(url: str) -> tuple[list[str], dict[str, str]]:
    """Connection arguments and environment for the client programs (the password never on argv)."""
    parsed: URL = make_url(url)
    args = ["--dbname", str(parsed.database or "")]
    host = parsed.host or parsed.query.get("host")
    port = parsed.port or parsed.query.get("port")
    if host:
        args += ["--host", str(host)]
    if port:
        args += ["--port", str(port)]
    if parsed.username:
        args += ["--username", parsed.username]
    env = dict(os.environ)
    password = session_password(url)
    if password:
        env["PGPASSWORD"] = password
    return args, env


def backup_folder(url: str, data_dir: Path) -> Path:
    """Where the dumps of the library at ``url`` are kept (one folder per server and database)."""
    parsed = make_url(url)
    host = str(parsed.host or parsed.query.get("host") or "local").strip("/").replace("/", "_")
    return (
        data_dir
        / "server-backups"
        / f"{host}-{parsed.port or parsed.query.get('port') or 5432}-{parsed.database}"
    )


def _run(command: list[str], env: dict[str, str], what: str, target: Path) -> str:
    try:
        done = subprocess.run(command, env=env, capture_output=True, text=True, check=False, timeout=3600)
    except OSError as exc:
        raise BackupError(target, f"{what} could not run: {exc}") from exc
    if done.returncode != 0:
        raise BackupError(target, f"{what} failed: {done.stderr.strip() or done.returncode}")
    return done.stdout


def verify_dump(path: Path) -> list[str]:
    """Problems reading a dump's table of contents (empty when it is a complete custom-format dump)."""
    program = tool("pg_restore")
    if program is None:
        return ["pg_restore is not on the PATH"]
    done = subprocess.run([program, "--list", str(path)], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        return [done.stderr.strip() or f"pg_restore --list failed ({done.returncode})"]
    if "TABLE DATA public article " not in done.stdout:
        return ["the dump holds no article table"]
    return []


def dump(url: str, target: Path, reason: str = "manual") -> Path:
    """Dump the library at ``url`` into ``target`` (a file, or a folder for a dated name); verified."""
    program = tool("pg_dump")
    if program is None:
        raise BackupError(target, "pg_dump is not on the PATH: install the PostgreSQL client programs")
    if target.is_dir() or not target.suffix:
        target.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S-%f")
        target = target / f"{make_url(url).database}-{stamp}-{reason}{DUMP_SUFFIX}"
    part = target.with_name(target.name + ".part")
    args, env = _libpq(url)
    _run([program, "--format=custom", "--no-owner", "--file", str(part), *args], env, "pg_dump", target)
    problems = verify_dump(part)
    if problems:
        part.unlink(missing_ok=True)
        raise BackupError(target, "the dump could not be verified: " + "; ".join(problems))
    part.replace(target)
    return target


def list_dumps(folder: Path) -> list[Path]:
    """The complete dumps in ``folder``, newest first."""
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"*{DUMP_SUFFIX}"), key=lambda p: p.stat().st_mtime, reverse=True)


def restore_dump(url: str, path: Path) -> None:
    """Replace the library's contents with a dump, in one transaction (nothing changes on failure)."""
    program = tool("pg_restore")
    if program is None:
        raise BackupError(path, "pg_restore is not on the PATH: install the PostgreSQL client programs")
    problems = verify_dump(path)
    if problems:
        raise BackupError(path, "not a usable dump: " + "; ".join(problems))
    args, env = _libpq(url)
    command = [program, "--clean", "--if-exists", "--single-transaction", "--no-owner", *args, str(path)]
    _run(command, env, "pg_restore", path)


KEEP_PER_REASON = 8
"""Automatic, before-a-bulk-change and before-a-migration dumps kept per library (manual ones all)."""
ROTATED_REASONS = ("auto", "pre-bulk", "pre-migration")


def server_folder(url: str) -> Path:
    """The folder of this library's dumps in the user's data folder."""
    from reader.core.paths import data_dir

    return backup_folder(url, data_dir())


def backup_before(url: str, reason: str) -> Path:
    """A verified dump of the library's committed state (before a bulk change, a migration…).

    Older dumps taken for the same reason beyond :data:`KEEP_PER_REASON` are
    removed.  Raises BackupError saying why when no dump can be made (for
    instance ``pg_dump`` missing): the caller then changes nothing.
    """
    folder = server_folder(url)
    path = dump(url, folder, reason)
    if reason in ROTATED_REASONS:
        same = [p for p in list_dumps(folder) if p.name.endswith(f"-{reason}{DUMP_SUFFIX}")]
        for old in same[KEEP_PER_REASON:]:
            old.unlink(missing_ok=True)
    return path


def backup_if_due(url: str, interval_hours: float = 24) -> Path | None:
    """An automatic dump when the newest dump of this library is older than ``interval_hours``."""
    newest = list_dumps(server_folder(url))
    if newest and datetime.now(UTC).timestamp() - newest[0].stat().st_mtime < interval_hours * 3600:
        return None
    return backup_before(url, "auto")


def upgrade_with_dump(engine: Engine, url: str) -> bool:
    """Upgrade a server library's schema to head, first dumping it (``pre-migration``) when it has data.

    As on SQLite: a new (empty) database and one already at head are migrated
    without a dump; when the dump fails nothing is migrated (BackupError).
    """
    from db.migrate import current_revisions, is_current, known_revisions, upgrade_to_head

    if is_current(engine):
        return False
    revisions = current_revisions(engine)
    if revisions and revisions <= known_revisions():  # else refused: not a library of ours
        backup_before(url, "pre-migration")
    return upgrade_to_head(engine)

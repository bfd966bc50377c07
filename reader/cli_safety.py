"""Data-safety commands: ``backup``, ``backups``, ``restore`` and ``check``.

Wired into ``reader.cli`` by ``add_commands``; like every command, their
output is a public interface (see README.md).  Exit status 0 on success, 1 on
a failure or on any problem ``check`` finds.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from reader import cli_server
from reader.core.errors import JiaokanError
from reader.core.paths import legacy_backup_folder

EXIT_OK = 0
EXIT_PROBLEMS = 1

Command = Callable[[argparse.Namespace], int]


def add_commands(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser], db_parent: argparse.ArgumentParser
) -> dict[str, Command]:
    """Add the data-safety subcommands; returns their handlers by name."""
    backup = subparsers.add_parser("backup", parents=[db_parent], help="back up the library now (verified)")
    backup.add_argument(
        "--to",
        type=Path,
        metavar="PATH",
        help="write the backup to this file or folder instead of the backup folder",
    )
    subparsers.add_parser("backups", parents=[db_parent], help="list the library's backups, newest first")
    restore = subparsers.add_parser(
        "restore",
        parents=[db_parent],
        help="replace the library with a backup (the current state is backed up first)",
    )
    restore.add_argument("backup", type=Path, metavar="BACKUP", help="backup file to restore")
    check = subparsers.add_parser(
        "check", parents=[db_parent], help="full integrity check and every article's content hash"
    )
    check.add_argument(
        "--repair",
        action="store_true",
        help="first move each page-scan region and suggestion decision to its block's article "
        "(a backup is made first), then check",
    )
    return {"backup": cmd_backup, "backups": cmd_backups, "restore": cmd_restore, "check": cmd_check}


def _library_file(db: str | None) -> Path:
    from db.safety import library_path
    from reader.core.paths import default_library

    path = library_path(db) if db else default_library().expanduser().resolve()
    if path is None:
        raise JiaokanError(f"{db}: only a library file can be backed up, restored or checked")
    return path


def _size(size: int) -> str:
    return f"{size / 1e6:.1f} MB" if size >= 100_000 else f"{size / 1e3:.0f} kB"


def cmd_backup(args: argparse.Namespace) -> int:
    """Write a verified backup; prints its path and size."""
    if cli_server.is_server_library(args.db):
        return cli_server.cmd_backup(args)
    from db.backup import backup_before, backup_to

    library = _library_file(args.db)
    if args.to is not None:
        target = args.to.expanduser()
        size = backup_to(library, target, legacy_backup_folder(library))
        if target.is_dir():
            target = max(target.glob(f"{library.stem}-*-manual.sqlite3"), key=lambda p: p.stat().st_mtime)
        print(f"backed up {library} to {target} ({_size(size)}, verified)")
    else:
        info = backup_before(library, "manual", legacy_backup_folder(library))
        print(f"backed up {library} to {info.path} ({_size(info.size)}, verified)")
    return EXIT_OK


def cmd_backups(args: argparse.Namespace) -> int:
    """List the backups, newest first: date (UTC), size, reason, path."""
    if cli_server.is_server_library(args.db):
        return cli_server.cmd_backups(args)
    from db.backup import backup_dir, failed_backups, list_backups

    library = _library_file(args.db)
    backups = list_backups(library, legacy_backup_folder(library))
    apart = failed_backups(library)
    if apart:
        print(
            f"note: {len(apart)} copies of the library failed the full check and are kept apart in "
            f"{apart[0].parent} (not backups)",
            file=sys.stderr,
        )
    if not backups:
        print(f"no backups of {library} (they are kept in {backup_dir(library)})")
        return EXIT_OK
    for info in backups:
        print(
            f"{info.created_at:%Y-%m-%d %H:%M:%S} UTC  {_size(info.size):>9}  {info.reason:<13}  {info.path}"
        )
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    """Restore a backup into the library, backing up the current state first."""
    if cli_server.is_server_library(args.db):
        return cli_server.cmd_restore(args)
    from db.backup import restore

    library = _library_file(args.db)
    done = restore(library, args.backup, legacy=legacy_backup_folder(library))
    if done.pre_restore is not None:
        print(f"the library as it was is kept in {done.pre_restore.path}")
    if done.quarantined is not None:
        print(f"the damaged library was moved to {done.quarantined}")
    print(f"restored {args.backup} into {library}")
    return EXIT_OK


def repair_links(db: str | None) -> None:
    """``check --repair``: the block-linked rows moved to their blocks' articles, in one transaction
    after a verified backup; one line saying how many (nothing written when none is misplaced)."""
    from reader.cli_common import counted, open_cli_library
    from reader.services.link_repair import repair_links as repair

    library = open_cli_library(db)
    try:
        with library.writing() as session:
            done = repair(session)
    finally:
        library.close()
    regions, decisions = (
        counted(done.regions, "page-scan region"),
        counted(done.decisions, "suggestion decision"),
    )
    moved = f"{regions} and {decisions}"
    print(f"repaired: {moved} moved to their blocks' articles")


def cmd_check(args: argparse.Namespace) -> int:
    """Full integrity check: every problem on its own line; exit 1 when there is any."""
    if getattr(args, "repair", False):
        repair_links(args.db)
    if cli_server.is_server_library(args.db):
        return cli_server.cmd_check(args)
    from db.errors import LibraryDamaged
    from db.integrity import CheckReport, full_check
    from db.safety import open_read_only

    library_file = _library_file(args.db)
    if not library_file.is_file():
        raise JiaokanError(f"{library_file}: there is no library file here")
    try:  # a check that cannot run (disk full, I/O error) raises CheckNotRun: never called damage
        library = open_read_only(library_file, "checked read-only", check_schema=False)
    except LibraryDamaged as exc:
        report = CheckReport(integrity=exc.problems)
    else:
        try:
            report = full_check(library)
        finally:
            library.close()
    for note in report.notes:
        print(f"note: {note}")
    links = [str(link) for link in report.links]
    if report.ok and not links:
        hashes = f"{report.articles_checked} article hashes ok, {report.issues_checked} original texts ok" + (
            "" if report.notes else ", coverage ok, issue, tag, revision and change record hashes ok"
        )
        print(f"ok: {library_file}: integrity_check ok, foreign keys ok, {hashes}, page-scan regions ok")
        return EXIT_OK
    problems = report.problems()
    for line in problems + links:
        print(f"problem: {line}")
    if problems:
        print(
            f"{len(problems)} problems in {library_file}; restore a backup (python main.py backups, "
            "python main.py restore BACKUP)",
            file=sys.stderr,
        )
    if links:
        print(links_advice(len(links), library_file), file=sys.stderr)
    return EXIT_PROBLEMS


def links_advice(count: int, library: object) -> str:
    """The stderr line after rows found on another article than their block's."""
    return (
        f"{count} page-scan regions or suggestion decisions on another article than their block's in "
        f"{library}; python main.py check --repair moves them (a backup is made first)"
    )


__all__ = [
    "add_commands",
    "cmd_backup",
    "cmd_backups",
    "cmd_check",
    "cmd_restore",
    "links_advice",
    "repair_links",
]

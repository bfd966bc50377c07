"""``backup``, ``backups``, ``restore`` and ``check`` for a library on a PostgreSQL server.

``reader.cli_safety`` hands a ``postgresql+…://`` library over to these.
Backups are ``pg_dump`` custom-format files (``db.pg_backup``), kept in the
data folder per server and database; ``check`` verifies what the server does
not (every article's content hash and every issue's original text) and says
so, as PostgreSQL checks its own pages and always enforces foreign keys.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reader.core.errors import JiaokanError

EXIT_OK = 0
EXIT_PROBLEMS = 1


def is_server_library(db: str | None) -> bool:
    """True when ``--db`` names a PostgreSQL library."""
    from db.dialect import is_postgres_url

    return db is not None and is_postgres_url(db)


def _shown(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


def _folder(url: str) -> Path:
    from db.pg_backup import backup_folder
    from reader.core.paths import data_dir

    return backup_folder(url, data_dir())


def _size(path: Path) -> str:
    size = path.stat().st_size
    return f"{size / 1e6:.1f} MB" if size >= 100_000 else f"{size / 1e3:.0f} kB"


def cmd_backup(args: argparse.Namespace) -> int:
    """``pg_dump`` (custom format) into the backup folder or ``--to``; verified."""
    from db.pg_backup import dump

    target = args.to.expanduser() if args.to is not None else _folder(args.db)
    path = dump(args.db, target)
    print(f"backed up {_shown(args.db)} to {path} ({_size(path)}, verified)")
    return EXIT_OK


def cmd_backups(args: argparse.Namespace) -> int:
    """List the dumps of this library, newest first."""
    from datetime import UTC, datetime

    from db.pg_backup import list_dumps

    folder = _folder(args.db)
    dumps = list_dumps(folder)
    if not dumps:
        print(f"no backups of {_shown(args.db)} (they are kept in {folder})")
    for path in dumps:
        when = datetime.fromtimestamp(path.stat().st_mtime, UTC)
        print(f"{when:%Y-%m-%d %H:%M:%S} UTC  {_size(path):>9}  {path}")
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    """Dump the library as it is, then replace it with the dump given, in one transaction."""
    from db.pg_backup import dump, restore_dump

    kept = dump(args.db, _folder(args.db), "pre-restore")
    print(f"the library as it was is kept in {kept}")
    restore_dump(args.db, args.backup)
    print(f"restored {args.backup} into {_shown(args.db)}")
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    """Content hashes and original texts; every problem on its own line; exit 1 when there is any."""
    from db.engine import Library, create_library_engine
    from db.integrity import full_check
    from db.migrate import current_revisions, head_revisions

    library = Library(create_library_engine(args.db))
    try:
        if current_revisions(library.engine) != head_revisions():
            raise JiaokanError(f"{_shown(args.db)}: not a Jiaokan library at this version (open it once)")
        report = full_check(library)
    finally:
        library.close()
    for note in report.notes:
        print(f"note: {note}")
    links = [str(link) for link in report.links]
    if report.ok and not links:
        hashes = f"{report.articles_checked} article hashes ok, {report.issues_checked} original texts ok"
        print(f"ok: {_shown(args.db)}: {hashes}, page-scan regions ok")
        return EXIT_OK
    problems = report.problems()
    for line in problems + links:
        print(f"problem: {line}")
    if problems:
        print(f"{len(problems)} problems in {_shown(args.db)}; restore a backup", file=sys.stderr)
    if links:
        from reader.cli_safety import links_advice

        print(links_advice(len(links), _shown(args.db)), file=sys.stderr)
    return EXIT_PROBLEMS

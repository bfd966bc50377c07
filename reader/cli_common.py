"""What every command-line module shares: opening the library the same way."""

from __future__ import annotations

from contextlib import suppress
from typing import TYPE_CHECKING

from reader.core.errors import JiaokanError

if TYPE_CHECKING:
    from db.engine import Library


def counted(count: int, noun: str) -> str:
    """ "1 article", "3 articles": a count and its English noun, plural when it is not one."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def open_cli_library(db: str | None) -> Library:
    """Open the library named by ``--db`` (a path or URL), or the per-user default one.

    Every command goes through the window's soundness gate
    (``reader.services.safe_opening.open_for_command``): a damaged library
    stops every command with LibraryDamaged (what is wrong, how to restore),
    and a writing command also refuses a library whose content no longer
    matches its hashes.  A library on a read-only medium opens read-only:
    reading commands work and writing ones fail before touching anything, saying why.
    """
    from reader.core.paths import default_library
    from reader.services.safe_opening import open_for_command

    return open_for_command(db if db else default_library())


def database_failure(db: str | None, error: BaseException) -> str:
    """The one-line message for a database error that reached the command line (never a traceback).

    A damaged file says so, with what ``quick_check`` finds and how to restore;
    a lock held too long says another program has the library; any other
    failure (a deleted ``-wal``, a full or vanished disk) says the library could
    not be read or written, and why.
    """
    from db.dialect import is_postgres_url
    from db.errors import LibraryDamaged, could_not_run, is_damage
    from db.retry import is_busy_error
    from db.safety import library_path
    from db.server_auth import is_auth_failure, password_hint, without_password
    from reader.core.paths import default_library
    from reader.services.safe_opening import file_problems

    if db and is_postgres_url(db):
        if is_auth_failure(error):
            return password_hint(db)
        db = without_password(db)
        if _no_connection(error):
            return (
                f"{db}: cannot connect to the PostgreSQL server ({_one_line(error)}); nothing was read or "
                "written. Check that the server is running, the URL's host, port and database, and that "
                "the database exists (createdb)"
            )
    path = library_path(db) if db else default_library().expanduser().resolve()
    where = path if path is not None else db or "the library"
    if is_damage(error):
        problems: list[str] = []
        if path is not None and path.is_file():
            with suppress(JiaokanError):
                problems = file_problems(path)
        original = getattr(error, "orig", None) or error
        return str(LibraryDamaged(where, problems or [str(original)]))
    reason = " ".join(could_not_run(where, error).reason.split())  # one line, as every error: line
    if is_busy_error(error):
        return (
            f"{where}: the library is in use: another program kept it locked ({reason}); the step under "
            "way was not written. Try again when that program has finished (an import run again skips "
            "what is already in the library)"
        )
    return (
        f"{where}: the library could not be read or written ({reason}). A save that was under way was "
        "not kept; run python main.py check, and if the library's -wal file was deleted or moved while "
        "a program had it open, close that program first"
    )


CONNECTION_SQLSTATES = ("08", "3D000")  # connection exceptions; the database does not exist
CONNECTION_MESSAGES = ("connection is bad", "connection failed")  # psycopg's, when no server answered


def _no_connection(error: BaseException) -> bool:
    """True when a PostgreSQL server could not be reached, or has no such database."""
    original = getattr(error, "orig", None) or error
    state = getattr(original, "sqlstate", None) or ""
    return state.startswith(CONNECTION_SQLSTATES) or str(original).startswith(CONNECTION_MESSAGES)


def _one_line(error: BaseException) -> str:
    original = getattr(error, "orig", None) or error
    return " ".join(str(original).split())

"""The library's exceptions: what went wrong with the file, its backups or its locks, said plainly.

Every layer of ``db`` raises these; none of them imports another ``db`` module.
``is_damage`` and ``could_not_run`` tell a damaged file from a check that could
not run (disk full, I/O error, permission).
"""

from __future__ import annotations

from pathlib import Path

from reader.core.errors import JiaokanError


class ReadOnlyLibrary(JiaokanError):
    """A write was attempted on a library opened read-only."""

    def __init__(self, path: str | Path, reason: str = "") -> None:
        self.path = str(path)
        self.reason = reason or (
            "the library is open read-only (its file or folder cannot be written); "
            "copy it to a writable folder to change it"
        )
        super().__init__(f"{self.path}: {self.reason}")


class LibraryDamaged(JiaokanError):
    """The library failed an integrity check; ``problems`` says exactly what is wrong."""

    def __init__(self, path: str | Path, problems: list[str]) -> None:
        self.path = str(path)
        self.problems = problems
        shown = "; ".join(problems[:5]) + (f"; … {len(problems) - 5} more" if len(problems) > 5 else "")
        super().__init__(
            f"{self.path}: the library is damaged ({shown}). Nothing was changed; restore a backup "
            "(python main.py backups / restore BACKUP) or run python main.py check for the full report"
        )


class BackupError(JiaokanError):
    """A backup could not be made, verified or restored."""

    def __init__(self, path: str | Path, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


class CheckNotRun(JiaokanError):
    """A check could not run (disk full, I/O error, permission): this says nothing about damage."""

    def __init__(self, path: str | Path, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(
            f"{self.path}: the check could not run ({reason}); this does not mean the library is "
            "damaged: free some disk space or fix the permissions, then try again. Nothing was changed"
        )


# SQLite's primary result codes that mean the file itself is damaged (SQLITE_CORRUPT,
# SQLITE_NOTADB); every other error (SQLITE_IOERR, SQLITE_FULL, SQLITE_CANTOPEN,
# SQLITE_PERM, SQLITE_READONLY, SQLITE_BUSY…) means the check or the read could not run.
_DAMAGE_CODES = frozenset((11, 26))


def is_damage(error: BaseException) -> bool:
    """True when a database error says the file is damaged, not that it could not be read."""
    original = getattr(error, "orig", None) or error
    code = getattr(original, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code & 0xFF in _DAMAGE_CODES
    text = str(original).lower()
    return "malformed" in text or "not a database" in text


def could_not_run(path: str | Path, error: BaseException) -> CheckNotRun:
    """The CheckNotRun for a database error that is not damage, naming its cause plainly."""
    original = getattr(error, "orig", None) or error
    text = str(original)
    lowered = text.lower()
    if "full" in lowered:
        text += ": the disk is full"
    elif "i/o" in lowered:
        text += (
            ": the disk could not be read or written (is it full or gone, or was the library's -wal "
            "file deleted while a program had it open? then close that program)"
        )
    elif "unable to open" in lowered or "permission" in lowered or "readonly" in lowered:
        text += ": check the permissions of the library's file and folder"
    return CheckNotRun(path, text)


class NotALibrary(JiaokanError):
    """The database holds tables of its own but no Jiaokan schema version (none, or one none of ours
    names): it is left untouched."""

    def __init__(self, where: str, tables: list[str], versions: list[str] | None = None) -> None:
        self.where = where
        self.tables = tables
        self.versions = versions or []
        shown = ", ".join(tables[:5]) + (f", … {len(tables) - 5} more" if len(tables) > 5 else "")
        if self.versions:
            what = (
                f"its schema version ({', '.join(self.versions)}) is none of this Jiaokan's: another "
                "program's database, or a library of a newer Jiaokan"
            )
        else:
            what = f"the database holds other tables ({shown}) and no Jiaokan schema version"
        super().__init__(
            f"{where}: not a Jiaokan library: {what}; nothing was changed. "
            "Give a new file or an empty database"
        )


class LibraryClosed(JiaokanError):
    """A session was asked of a library already closed (for a restore, a switch, the end)."""

    def __init__(self, url: str) -> None:
        self.url = url
        super().__init__(f"{url}: the library was closed; nothing was read or written")


class LibraryBusy(JiaokanError):
    """Another program kept the library locked for longer than every retry allowed."""


__all__ = [
    "BackupError",
    "CheckNotRun",
    "LibraryBusy",
    "LibraryClosed",
    "LibraryDamaged",
    "NotALibrary",
    "ReadOnlyLibrary",
    "could_not_run",
    "is_damage",
]

"""What every command-line module shares: opening the library the same way."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from db.engine import Library


def open_cli_library(db: str | None) -> Library:
    """Open the library named by ``--db`` (a path or URL), or the per-user default one.

    A library on a read-only medium opens read-only: reading commands work and
    writing ones fail before touching anything, saying why.
    """
    from db.safety import open_library_safely
    from reader.core.paths import default_library

    library, _read_only = open_library_safely(db if db else default_library())
    return library

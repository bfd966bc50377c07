"""What every command-line module shares: opening the library the same way."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from db.engine import Library


def open_cli_library(db: str | None) -> Library:
    """Open the library named by ``--db`` (a path or URL), or the per-user default one."""
    from db.engine import open_library
    from reader.core.paths import default_library

    return open_library(db if db else default_library())

"""Putting a damaged library aside: renamed ``*.damaged`` (with its ``-wal``/``-shm``), never deleted.

A file operation beside ``db.backup`` (which calls it when a restore replaces a
damaged library); it imports no other ``db`` module.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path


def quarantine(library_path: str | Path) -> Path:
    """Rename a damaged library (and its ``-wal``/``-shm``) to ``*.damaged``; returns the new path.

    Close the library first.  An earlier quarantined file is never overwritten.
    """
    library = Path(library_path).expanduser().resolve()
    target = library.with_name(library.name + ".damaged")
    if _any_exists(target):
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S.%fZ")
        target = library.with_name(f"{library.name}.{stamp}.damaged")
    # The main file last: until it moves, the library stays whole under its own name.
    for suffix in ("-shm", "-wal", ""):
        source = Path(f"{library}{suffix}")
        if source.exists():
            os.replace(source, Path(f"{target}{suffix}"))
    return target


def _any_exists(path: Path) -> bool:
    return any(Path(f"{path}{suffix}").exists() for suffix in ("", "-wal", "-shm"))


__all__ = ["quarantine"]

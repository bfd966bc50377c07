"""Where the application keeps its files (platformdirs, overridable by environment)."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "Jiaokan"
LIBRARY_FILE = "library.sqlite3"


def data_dir() -> Path:
    """The per-user data folder (``JIAOKAN_DATA_DIR`` overrides it)."""
    override = os.environ.get("JIAOKAN_DATA_DIR")
    if override:
        return Path(override)
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def cache_dir() -> Path:
    """The per-user cache folder (``JIAOKAN_CACHE_DIR`` overrides it); jieba's cache lives here."""
    override = os.environ.get("JIAOKAN_CACHE_DIR")
    if override:
        return Path(override)
    from platformdirs import user_cache_path

    return user_cache_path(APP_NAME, appauthor=False)


def default_library() -> Path:
    """The library used when no ``--db`` is given."""
    return data_dir() / LIBRARY_FILE


def legacy_backup_folder(library: str | Path) -> Path | None:
    """Where older versions kept the backups of a library in the data folder (the default library's).

    That is ``data_dir()/backups``, which ``db.backup`` lists and rotates when
    given it as ``legacy``; None for a library anywhere else.
    """
    data = data_dir().expanduser().resolve()
    return data / "backups" if Path(library).expanduser().resolve().parent == data else None


def sample_library() -> Path:
    """The library ``--sample`` opens: a separate one, so the sample never enters the user's library."""
    return data_dir() / "sample" / LIBRARY_FILE


def resources_dir() -> Path:
    """The bundled ``resources/`` folder (icons, styles, dictionaries, samples)."""
    return Path(__file__).resolve().parents[2] / "resources"


def sample_issue() -> Path:
    """The sample issue shipped with the application."""
    return resources_dir() / "samples" / "sample_issue.txt"

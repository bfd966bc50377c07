"""An empty SQLite library at the current schema, made once per test process and copied per test.

Creating a library runs the whole schema set-up (``db.migrate.create_at_head``):
about a tenth of a second, thousands of times in the suite.  A copy of a closed,
empty library made once is the same file (WAL mode is kept in its header)
and costs a few milliseconds.  ``open_library`` then finds it at head and
changes nothing.  Tests of creating a library call ``open_library`` on a
new path themselves.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from functools import cache
from pathlib import Path

from db.opening import open_library


@cache
def _template() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="jiaokan-template-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    path = folder / "template.sqlite3"
    open_library(path).close()
    return path


def new_library_file(path: Path) -> Path:
    """Put an empty library at the current schema at ``path`` (which must not exist yet); returns it."""
    if path.exists():
        raise FileExistsError(f"{path} exists: a new library never replaces a file")
    path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(_template(), path)
    return path

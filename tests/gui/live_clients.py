"""Fixtures of the live-refresh tests: a window and another client on one library, on both engines.

Import the fixtures by name into a test module (``from tests.gui.live_clients import lib_path, other``);
they replace ``lib_path`` of ``tests/gui/conftest.py`` with a SQLite file and a PostgreSQL database.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from db.engine import Library
from db.opening import open_library

REFRESHED_MS = 10_000  # the window polls every second; generous for a loaded machine


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def lib_path(request: pytest.FixtureRequest, tmp_path: Path) -> str | Path:
    if request.param == "postgres":
        return str(request.getfixturevalue("postgres_url"))
    return tmp_path / "lib.sqlite3"


@pytest.fixture
def other(lib_path: str | Path) -> Iterator[Library]:
    """Another client on the same library (a second window, a `main.py` command)."""
    library = open_library(lib_path)
    yield library
    library.close()

"""Shared fixtures: an isolated data folder per test, the corpus, a real temporary library.

The ``library`` fixture is an SQLite file by default, a copy of an empty library
migrated once per session (``tests.template_library``).  A test module runs on
both engines with ``pytestmark = pytest.mark.both_engines`` (or one test with
the mark): ``library`` is then parametrised over SQLite and a fresh
PostgreSQL database, cloned from a template migrated once, on a server the
``postgres_server`` session fixture starts (skipped when PostgreSQL or psycopg
is not installed).
"""

from __future__ import annotations

import gc
import importlib.util
import itertools
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from db.engine import Library
from db.opening import open_library
from tests.pg_server import PostgresServer, find_binaries, start_server

# Qt headless for every test, a test file run alone too (tests outside tests/gui make a QApplication)
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from tests.template_library import new_library_file

REPO = Path(__file__).resolve().parents[1]
CORPUS_DIR = REPO.parent / "shared" / "corpus"
SAMPLE_ISSUE = REPO / "resources" / "samples" / "sample_issue.txt"


@pytest.fixture(autouse=True)
def _isolated_folders(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never touch the user's real library, settings or cache from a test."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("JIAOKAN_DATA_DIR", str(home / "data"))
    monkeypatch.setenv("JIAOKAN_CACHE_DIR", str(home / "cache"))


@pytest.fixture
def corpus_files() -> list[Path]:
    """The three real issues in ../shared/corpus (skips when the corpus is absent)."""
    files = sorted(CORPUS_DIR.glob("*.txt"))
    if not files:
        pytest.skip(f"corpus not found at {CORPUS_DIR} (it lives in ../shared/corpus beside the clone)")
    return files


ENGINES = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Tests marked ``both_engines`` that use ``library`` run once per engine."""
    if "library" in metafunc.fixturenames and metafunc.definition.get_closest_marker("both_engines"):
        metafunc.parametrize("library", ENGINES, indirect=True)


_TEMPLATE = "jiaokan_template"
_numbers = itertools.count(1)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """A PostgreSQL server for the whole session, in a temporary folder (stopped at the end)."""
    if importlib.util.find_spec("psycopg") is None:
        pytest.skip('psycopg is not installed (pip install -e ".[postgres]")')
    if find_binaries() is None:
        pytest.skip("PostgreSQL server binaries (initdb, pg_ctl) are not installed")
    try:
        server = start_server()
    except RuntimeError as error:
        pytest.skip(str(error))
    try:
        template = open_library(server.createdb(_TEMPLATE))  # migrated once, cloned per test
        template.close()
        yield server
    finally:
        gc.collect()  # connections a test left to the garbage collector are returned while the server runs
        server.stop()


@pytest.fixture
def postgres_url(postgres_server: PostgresServer) -> Iterator[str]:
    """The URL of a new, empty PostgreSQL library at the current schema (dropped afterwards)."""
    name = f"test_{next(_numbers)}"
    admin = sa.create_engine(postgres_server.url("postgres"), isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.exec_driver_sql(f"CREATE DATABASE {name} TEMPLATE {_TEMPLATE}")
        yield postgres_server.url(name)
        with admin.connect() as conn:
            conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    finally:
        admin.dispose()


@pytest.fixture
def library(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Library]:
    """A real, empty library: a temporary SQLite file, or a PostgreSQL database under ``both_engines``."""
    if getattr(request, "param", "sqlite") == "postgres":
        lib = open_library(request.getfixturevalue("postgres_url"))
    else:
        lib = open_library(new_library_file(tmp_path / "library.sqlite3"))
    yield lib
    lib.close()

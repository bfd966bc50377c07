"""Alembic migrations run programmatically: a new library is created at head, an old one upgraded.

Opening a library that is already current costs one query: Alembic itself
(a fifth of a second to import) is loaded only when something must migrate.
A new, empty SQLite library is not migrated at all: its schema is created at
head directly from the models (plus the search index's DDL) and stamped, in
one transaction (``tests/test_db_engine.py`` checks that both ways give the
same schema).  Importing this module loads neither SQLAlchemy nor Alembic:
``db.quick_listing`` compares a library's version with
:data:`HEAD` before either is needed.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy import Connection, Engine

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
HEAD = "0014_search_width"
"""The single head of the migration scripts (``tests/test_db_engine.py`` keeps this true)."""


def alembic_config() -> Config:
    """An Alembic config pointing at this package's migrations."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revisions() -> set[str]:
    """The newest revision of every branch in the migration scripts."""
    from alembic.script import ScriptDirectory

    return set(ScriptDirectory.from_config(alembic_config()).get_heads())


def known_revisions() -> set[str]:
    """Every revision of the migration scripts (a library is at one of them)."""
    from alembic.script import ScriptDirectory

    return {script.revision for script in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def current_revisions(engine: Engine) -> set[str]:
    """The revisions the database is at (empty for a new, empty database)."""
    from sqlalchemy.exc import DBAPIError

    with engine.connect() as conn:
        try:
            return set(conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalars())
        except DBAPIError:  # no such table: a new library
            return set()


def is_current(engine: Engine) -> bool:
    """True when the database is at :data:`HEAD` (one query, no Alembic import)."""
    return current_revisions(engine) == {HEAD}


def upgrade_to_head(engine: Engine) -> bool:
    """Upgrade the database to head in one transaction; returns True when anything ran."""
    from sqlalchemy import inspect

    from db.dialect import BEGIN_OPTION, broken_references, foreign_keys_off, has_table
    from db.errors import NotALibrary

    if is_current(engine):
        return False
    with engine.execution_options(**{BEGIN_OPTION: "IMMEDIATE"}).connect() as conn, foreign_keys_off(conn):
        conn.begin()  # take the writer lock first: another process may be migrating right now
        has_versions = has_table(conn, "alembic_version")
        revisions: set[str] = (
            set(conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalars())
            if has_versions
            else set()
        )
        if revisions == {HEAD}:  # another process migrated it while we waited for the lock
            conn.rollback()
            return False
        tables = inspect(conn).get_table_names()
        others = sorted(set(tables) - {"alembic_version"})
        # a revision none of ours: another program's (Alembic too), or a newer Jiaokan's
        foreign = sorted(revisions - known_revisions()) if revisions else []
        if foreign or (others and not revisions):  # someone else's database: never add our schema to it
            conn.rollback()
            where = engine.url.database if engine.dialect.name == "sqlite" else None
            raise NotALibrary(where or engine.url.render_as_string(hide_password=True), others, foreign)
        if conn.dialect.name == "sqlite" and not tables:
            create_at_head(conn)
        else:
            upgrade_with_alembic(conn)
        broken = broken_references(conn)
        if broken:
            raise RuntimeError(f"the migration would break {len(broken)} references: {broken[:5]}")
        conn.commit()
    return True


def upgrade_with_alembic(conn: Connection) -> None:
    """Upgrade to head with Alembic on ``conn`` (inside its transaction)."""
    from alembic import command

    config = alembic_config()
    config.attributes["connection"] = conn
    command.upgrade(config, "heads")


def create_at_head(conn: Connection) -> None:
    """Create the whole schema of an empty SQLite database at head and stamp it, without Alembic.

    Runs inside ``conn``'s transaction: the tables of every model, the search
    index (raw DDL, as its migration runs it) and ``alembic_version`` at :data:`HEAD`.
    """
    from db.schema import metadata
    from reader.core.search_index import create_index_ddl

    metadata.create_all(conn)
    for statement in create_index_ddl():
        conn.exec_driver_sql(statement)
    conn.exec_driver_sql(
        "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, "
        "CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))"
    )
    conn.exec_driver_sql("INSERT INTO alembic_version (version_num) VALUES (?)", (HEAD,))

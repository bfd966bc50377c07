"""Alembic migrations run programmatically: a new library is created at head, an old one upgraded.

Feature areas may add migrations on their own branches; upgrading goes to all
heads, so the schema is complete whatever order the branches were written in.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def alembic_config() -> Config:
    """An Alembic config pointing at this package's migrations."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revisions() -> set[str]:
    """The newest revision of every branch in the migration scripts."""
    return set(ScriptDirectory.from_config(alembic_config()).get_heads())


def current_revisions(engine: Engine) -> set[str]:
    """The revisions the database is at (empty for a new, empty database)."""
    with engine.connect() as conn:
        return set(MigrationContext.configure(conn).get_current_heads())


def upgrade_to_head(engine: Engine) -> bool:
    """Upgrade the database to every head in one transaction; returns True when anything ran."""
    if current_revisions(engine) == head_revisions():
        return False
    config = alembic_config()
    with engine.execution_options(sqlite_begin="IMMEDIATE").connect() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "heads")
        conn.commit()
    return True

"""Alembic environment: runs against the connection handed over by ``db.migrate``."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from db.schema import include_name, metadata

config = context.config
target_metadata = metadata


def run_migrations() -> None:
    """Run migrations in batch mode (SQLite cannot ALTER most things in place)."""
    connection = config.attributes.get("connection")
    if connection is None:  # command-line use: alembic -x url=sqlite:///path.sqlite3 …
        url = context.get_x_argument(as_dictionary=True).get("url", "sqlite:///library.sqlite3")
        with create_engine(url).connect() as conn:
            _run(conn)
            conn.commit()
        return
    _run(connection)


def _run(connection: object) -> None:
    context.configure(
        connection=connection,  # type: ignore[arg-type]
        target_metadata=target_metadata,
        render_as_batch=True,
        include_name=include_name,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations()

"""A database of another Alembic-managed program is no library either: refused by name, left untouched.

It has an ``alembic_version`` table too: with a revision that is none of ours, or with none.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from db.backup import backup_dir
from tests.test_cli import run


def _schema(path: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(path) as conn:
        return sorted(conn.execute("SELECT type, name FROM sqlite_master").fetchall())


@pytest.mark.parametrize(("revision", "named"), [("9f1c2d3e4b5a", "9f1c2d3e4b5a"), (None, "invoice")])
def test_another_programs_alembic_database_is_refused_and_left_untouched(
    tmp_path: Path, revision: str | None, named: str
) -> None:
    other = tmp_path / "accounts.sqlite3"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) PRIMARY KEY)")
        if revision is not None:
            conn.execute("INSERT INTO alembic_version VALUES (?)", (revision,))
        conn.execute("CREATE TABLE invoice (id INTEGER PRIMARY KEY, amount REAL)")
        conn.execute("INSERT INTO invoice (amount) VALUES (12.5)")
    before = _schema(other)

    result = run("list", "--db", str(other))

    assert result.returncode == 1, result.stdout
    assert result.stderr.startswith(f"error: {other}: not a Jiaokan library"), result.stderr
    assert named in result.stderr
    assert "Traceback" not in result.stderr
    assert _schema(other) == before
    assert not backup_dir(other).exists()  # no "pre-migration" backup of it either

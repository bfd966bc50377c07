"""Mistakes of a new user at the command line: one `error:` naming the file, exit 1, nothing half-done."""

from __future__ import annotations

import json
import sqlite3
import struct
import subprocess
import sys
import time
import zlib
from pathlib import Path

import pytest
import sqlalchemy as sa

from tests.conftest import SAMPLE_ISSUE
from tests.pg_server import PostgresServer
from tests.test_cli import run


def _schema(path: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(path) as conn:
        return sorted(conn.execute("SELECT type, name FROM sqlite_master").fetchall())


def test_a_database_that_is_not_a_library_is_refused_and_left_untouched(tmp_path: Path) -> None:
    other = tmp_path / "accounts.sqlite3"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE invoice (id INTEGER PRIMARY KEY, amount REAL)")
        conn.execute("INSERT INTO invoice (amount) VALUES (12.5)")
    before = _schema(other)

    for args in (("import", str(SAMPLE_ISSUE)), ("list",)):
        result = run(*args, "--db", str(other))
        assert result.returncode == 1, result.stdout
        assert result.stderr.startswith(f"error: {other}: not a Jiaokan library"), result.stderr
        assert "invoice" in result.stderr
        assert "Traceback" not in result.stderr

    assert _schema(other) == before
    with sqlite3.connect(other) as conn:
        assert conn.execute("SELECT amount FROM invoice").fetchall() == [(12.5,)]


def test_a_folder_with_nothing_to_import_is_an_error_naming_it(tmp_path: Path) -> None:
    db = str(tmp_path / "lib.sqlite3")
    empty = tmp_path / "scans later"
    (empty / "notes").mkdir(parents=True)
    (empty / "notes" / "readme.md").write_text("nothing here", encoding="utf-8")

    result = run("import", "--db", db, str(empty), str(SAMPLE_ISSUE))

    assert result.returncode == 1
    assert f"error: {empty}: no issue files in this folder" in result.stderr
    assert "1 imported, 0 skipped as duplicates, 1 failed" in result.stdout
    assert "sample_issue.txt" in run("list", "--db", db).stdout


def test_a_folder_of_duplicates_only_is_not_an_error(tmp_path: Path) -> None:
    db = str(tmp_path / "lib.sqlite3")
    folder = tmp_path / "issues"
    folder.mkdir()
    (folder / "sample_issue.txt").write_bytes(SAMPLE_ISSUE.read_bytes())
    assert run("import", "--db", db, str(folder)).returncode == 0

    again = run("import", "--db", db, str(folder))

    assert again.returncode == 0, again.stderr
    assert "0 imported, 1 skipped as duplicates, 0 failed" in again.stdout


def test_a_library_locked_by_another_program_says_so(tmp_path: Path) -> None:
    db = tmp_path / "lib.sqlite3"
    assert run("import", "--db", str(db), str(SAMPLE_ISSUE)).returncode == 0
    with subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sqlite3, sys, time\n"
            f"c = sqlite3.connect({str(db)!r}, isolation_level=None)\n"
            "c.execute('BEGIN EXCLUSIVE')\n"
            "print('locked', flush=True)\n"
            "time.sleep(120)\n",
        ],
        stdout=subprocess.PIPE,
        text=True,
    ) as holder:
        try:
            assert holder.stdout is not None
            assert holder.stdout.readline().strip() == "locked"
            started = time.monotonic()
            result = run("tags", "add", "河长制", "--article", "4", "--db", str(db))
            assert time.monotonic() - started < 100
        finally:
            holder.kill()

    assert result.returncode == 1
    assert result.stderr.startswith(f"error: {db}: the library is in use: another program kept it locked")
    assert "-wal" not in result.stderr
    assert "河长制" not in run("tags", "list", "--db", str(db)).stdout


@pytest.mark.postgres
def test_a_postgresql_database_of_something_else_is_refused_and_left_untouched(
    postgres_server: PostgresServer,
) -> None:
    url = postgres_server.createdb("someone_elses")
    engine = sa.create_engine(url)
    try:
        with engine.begin() as conn:
            conn.exec_driver_sql("CREATE TABLE invoice (id integer)")

        result = run("import", "--db", url, str(SAMPLE_ISSUE))

        assert result.returncode == 1, result.stdout
        assert "not a Jiaokan library: the database holds other tables (invoice)" in result.stderr
        assert sa.inspect(engine).get_table_names() == ["invoice"]
    finally:
        engine.dispose()
        postgres_server.dropdb("someone_elses")


def test_export_into_a_file_says_it_is_not_a_folder(tmp_path: Path) -> None:
    db = str(tmp_path / "lib.sqlite3")
    assert run("import", "--db", db, str(SAMPLE_ISSUE)).returncode == 0
    notes = tmp_path / "notes.txt"
    notes.write_text("mine", encoding="utf-8")

    result = run("export", "--db", db, "--format", "txt", "--out", str(notes))

    assert result.returncode == 1
    assert (
        result.stderr
        == f"error: {notes}: not a folder: a file of that name is in the way; name a folder to export into\n"
    )
    assert notes.read_text(encoding="utf-8") == "mine"


TOO_LARGE = "99999999999999999999"
ID_ARGUMENTS = [
    ["show", TOO_LARGE],
    ["show", "-5"],
    ["issue", "set", TOO_LARGE, "--title", "x"],
    ["delete", "-1", "--yes"],
    ["structure", "split", TOO_LARGE, "--at", "1"],
    ["structure", "merge", "1", "--into", TOO_LARGE],
    ["structure", "move", "1", "0", "--to", TOO_LARGE],
    ["pages", "list", TOO_LARGE],
    ["pages", "detach", "1", TOO_LARGE],
    ["tags", "rule", "apply", TOO_LARGE],
]


@pytest.mark.parametrize("args", ID_ARGUMENTS, ids=lambda args: " ".join(args[:2]))
def test_an_id_out_of_range_is_a_usage_error_on_every_command(tmp_path: Path, args: list[str]) -> None:
    result = run(*args, "--db", str(tmp_path / "lib.sqlite3"))

    assert result.returncode == 2, result.stderr
    assert "is out of range (0 to 9223372036854775807)" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.postgres
def test_an_id_too_large_for_postgresql_is_a_usage_error_not_a_database_failure(postgres_url: str) -> None:
    result = run("show", TOO_LARGE, "--db", postgres_url)

    assert result.returncode == 2, result.stderr
    assert "could not be read or written" not in result.stderr


def test_an_issue_file_given_as_the_library_is_not_called_a_damaged_library_only(tmp_path: Path) -> None:
    issue = tmp_path / "issue.txt"
    issue.write_bytes(SAMPLE_ISSUE.read_bytes())

    result = run("import", "--db", str(issue), str(SAMPLE_ISSUE))

    assert result.returncode == 1
    assert result.stderr.startswith(f"error: {issue}: ")
    assert "it does not start as an SQLite database does, so it may not be a Jiaokan library at all" in (
        result.stderr
    )
    assert issue.read_bytes() == SAMPLE_ISSUE.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["issue.txt"]


def test_several_ids_follow_one_option_as_the_readme_writes_them(tmp_path: Path) -> None:
    db = str(tmp_path / "lib.sqlite3")
    second = tmp_path / "second.txt"
    second.write_text(SAMPLE_ISSUE.read_text(encoding="utf-8") + "\n第二份不同的内容。\n", encoding="utf-8")
    third = tmp_path / "third.txt"
    third.write_text(SAMPLE_ISSUE.read_text(encoding="utf-8") + "\n第三份不同的内容。\n", encoding="utf-8")
    assert run("import", "--db", db, str(SAMPLE_ISSUE), str(second), str(third)).returncode == 0

    listed = run("list", "--db", db, "--issue", "1", "3", "--json")
    assert listed.returncode == 0, listed.stderr
    assert [json.loads(line)["issue_id"] for line in listed.stdout.splitlines()] == [1, 3]
    out = tmp_path / "out"
    exported = run(
        "export", "--db", db, "--out", str(out), "--issue", "2", "3", "--status", "new", "approved"
    )
    assert exported.returncode == 0, exported.stderr
    assert sorted(p.name for p in out.iterdir()) == ["second.txt", "third.txt"]
    suggestions = run("suggestions", "--db", db, "--issue", "1", "2", "--json")
    assert suggestions.returncode == 0, suggestions.stderr
    assert {json.loads(line)["issue_id"] for line in suggestions.stdout.splitlines()} == {1, 2}


def _white_png(path: Path, width: int = 64, height: int = 96) -> None:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + b"\xff" * width * 3 for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def test_a_folder_of_page_scans_is_not_called_empty(tmp_path: Path) -> None:
    folder = tmp_path / "scans"
    folder.mkdir()
    _white_png(folder / "p1.png")

    result = run("import", "--db", str(tmp_path / "lib.sqlite3"), str(folder))

    assert "p1.png" in result.stderr  # read through OCR, or refused without the extra: either way named
    assert "no issue files in this folder" not in result.stderr


@pytest.mark.postgres
def test_a_postgresql_library_that_cannot_be_reached_is_one_line_saying_so(
    postgres_server: PostgresServer, tmp_path: Path
) -> None:
    missing_database = postgres_server.url("no_such_library")
    no_server = f"postgresql+psycopg://{postgres_server.user}@/papers?host={tmp_path}&port=9"

    for url in (missing_database, no_server):
        result = run("list", "--db", url)

        assert result.returncode == 1
        lines = result.stderr.splitlines()
        assert len(lines) == 1, result.stderr
        assert ": cannot connect to the PostgreSQL server (" in lines[0]
        assert "-wal" not in lines[0]
    assert 'database "no_such_library" does not exist' in run("list", "--db", missing_database).stderr


def test_search_in_an_unknown_issue_is_an_error_as_in_list_and_export(tmp_path: Path) -> None:
    db = str(tmp_path / "lib.sqlite3")
    assert run("import", "--db", db, str(SAMPLE_ISSUE)).returncode == 0

    unknown = run("search", "巡河", "--issue", "99", "--db", db)
    assert unknown.returncode == 1
    assert unknown.stderr == "error: no issue with id 99\n"
    assert unknown.stdout == ""

    found = run("search", "巡河", "--issue", "1", "--db", db)
    assert found.returncode == 0
    assert found.stderr == "1 matching article\n"

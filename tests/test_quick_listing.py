"""``list`` read straight with sqlite3 (db.quick_listing): the same as the usual way, or nothing."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from db.opening import open_library
from db.quick_listing import quick_issue_rows, quick_listing
from reader.core.listing import NotFoundError
from reader.services.importing import import_files
from reader.services.library import list_articles, list_issues
from tests.conftest import REPO


@pytest.fixture
def db(tmp_path: Path, corpus_files: list[Path]) -> Path:
    path = tmp_path / "lib.sqlite3"
    library = open_library(path)
    try:
        with library.write_session() as session:
            assert import_files(session, corpus_files).ok
        with library.writing() as session:  # an article with a status other than new
            session.connection().exec_driver_sql("UPDATE article SET status = 'proofread' WHERE id = 2")
    finally:
        library.close()
    return path


def _usual(path: Path, issue_ids: list[int] | None = None) -> list[tuple[object, list[object]]]:
    library = open_library(path)
    try:
        with library.session() as session:
            return [(i, list(list_articles(session, i.id))) for i in list_issues(session, issue_ids)]
    finally:
        library.close()


def test_reads_what_the_services_read(db: Path) -> None:
    listing = quick_listing(db)
    assert listing is not None
    assert listing.issues == _usual(db)
    assert len(listing.issues) == 3 and all(articles for _issue, articles in listing.issues)
    assert any(a.status == "proofread" for _issue, articles in listing.issues for a in articles)
    assert all(issue.imported_at.utcoffset() is not None for issue, _articles in listing.issues)


def test_only_the_issues_asked_for_and_a_missing_one_named(db: Path) -> None:
    listing = quick_listing(db, [3, 1, 3])
    assert listing is not None
    assert [issue.id for issue, _ in listing.issues] == [1, 3]
    assert listing.issues == _usual(db, [3, 1])
    with pytest.raises(NotFoundError, match="no issue with id 7, 9"):
        quick_listing(db, [1, 7, 9])


def test_leaves_every_other_library_to_the_usual_way(db: Path, tmp_path: Path) -> None:
    assert quick_listing(tmp_path / "none.sqlite3") is None  # created by the usual way
    assert not (tmp_path / "none.sqlite3").exists()
    assert quick_listing(f"sqlite:///{db}") is None  # a URL
    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(b"not a database at all" * 100)
    assert quick_listing(garbage) is None  # the usual way says it is damaged
    with closing(sqlite3.connect(db)) as conn, conn:
        conn.execute("UPDATE alembic_version SET version_num = '0009_older'")
    assert quick_listing(db) is None  # to be upgraded (with its backup) first


def test_a_damaged_page_is_left_to_the_usual_way(db: Path) -> None:
    with closing(sqlite3.connect(db)) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'article'").fetchone()[0]
    with db.open("r+b") as file:  # break the article table's root page
        file.seek((root - 1) * page_size)
        file.write(b"\xff" * 64)
    assert quick_listing(db) is None


def test_list_in_a_fresh_process_never_loads_sqlalchemy(db: Path) -> None:
    code = (
        "import sys\n"
        "from reader.cli import main\n"
        f"status = main(['--db', {str(db)!r}, 'list', '--json'])\n"
        "print('loaded' if 'sqlalchemy' in sys.modules else 'not loaded', status)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=REPO,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
        timeout=60,
        check=True,
    )
    lines = result.stdout.splitlines()
    assert lines[-1] == "not loaded 0"
    assert len(lines) == 4  # one JSON line per issue


def test_the_pane_rows_are_those_of_the_browsing_service(db: Path) -> None:
    from reader.services.browsing import issue_rows

    with closing(sqlite3.connect(db)) as conn, conn:
        conn.execute("UPDATE issue SET publication = '宁陀睦邻报', number = '第3期' WHERE id = 2")
    rows = quick_issue_rows(db)
    library = open_library(db)
    try:
        with library.session() as session:
            assert rows == issue_rows(session)
    finally:
        library.close()
    assert rows is not None and sum(row.done_count for row in rows) == 1
    assert quick_issue_rows(f"sqlite:///{db}") is None

"""Integrity: SQLite's checks, content hashes per article, quarantine and recovery from backups."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import update

from db.backup import backup_before, list_backups, restore_newest_good_backup
from db.engine import Library
from db.errors import BackupError, LibraryDamaged
from db.integrity import ensure_sound, full_check, quick_check, record_hashes, require_sound, verify_hashes
from db.models import Article, Block
from db.opening import open_library
from db.original_text import PIECE_CHARS
from db.quarantine import quarantine
from db.safety_models import article_text_digest
from reader.services.importing import import_files
from tests.conftest import SAMPLE_ISSUE
from tests.safety_support import add_articles, corrupt_pages, make_library


def test_a_sound_library_passes_every_check(library: Library) -> None:
    add_articles(library, articles=5)
    assert quick_check(library.engine) == []
    report = full_check(library)
    assert report.ok and report.problems() == [] and report.articles_checked == 5
    ensure_sound(library.engine, "lib")
    assert require_sound(library, "lib").ok


def test_hash_is_unambiguous_over_block_boundaries() -> None:
    assert article_text_digest(["ab", "c"]) != article_text_digest(["a", "bc"])
    assert article_text_digest([]) != article_text_digest([""])


def test_a_text_changed_behind_the_applications_back_is_reported_precisely(library: Library) -> None:
    ids = add_articles(library, articles=3)
    with library.writing() as session:
        session.execute(
            update(Block).where(Block.article_id == ids[1], Block.position == 0).values(text="篡改")
        )
    with library.session() as session:
        [problem] = verify_hashes(session)
    assert problem.article_id == ids[1] and problem.issue == "mismatch"
    assert problem.recorded_version == problem.version == 1
    assert problem.expected != problem.actual
    message = str(problem)
    assert f"article {ids[1]}" in message and problem.expected in message and problem.actual in message  # type: ignore[operator]
    assert "without a save" in message
    with pytest.raises(LibraryDamaged, match=f"article {ids[1]}"):
        require_sound(library, "lib")


def test_a_save_that_did_not_record_its_hash_is_told_apart(library: Library) -> None:
    [aid] = add_articles(library, articles=1)
    with library.writing() as session:
        session.execute(update(Block).where(Block.article_id == aid).values(text="新"))
        session.execute(update(Article).where(Article.id == aid).values(version=2))
    with library.session() as session:
        [problem] = verify_hashes(session)
    assert "at version 1, the article is now at version 2" in str(problem)
    with library.writing() as session:
        record_hashes(session, [aid])
    with library.session() as session:
        assert verify_hashes(session) == []


def test_an_article_without_a_hash_is_reported(library: Library) -> None:
    [aid] = add_articles(library, articles=1)
    with sqlite3.connect(library.engine.url.database or "") as conn:
        conn.execute("DELETE FROM article_hash")
    with library.session() as session:
        [problem] = verify_hashes(session)
    assert problem.article_id == aid and problem.issue == "unrecorded"
    assert "no content hash recorded" in str(problem)


def test_damaged_pages_are_reported_by_integrity_check(tmp_path: Path) -> None:
    lib = tmp_path / "lib.sqlite3"
    make_library(lib, articles=40, blocks=6)
    corrupt_pages(lib, offset=3 * 4096, length=4096)
    library = open_library(lib)
    try:
        assert quick_check(library.engine)
        report = full_check(library)
        assert not report.ok and report.integrity
        assert all(
            line.startswith("integrity_check: ") for line in report.problems()[: len(report.integrity)]
        )
        with pytest.raises(LibraryDamaged, match="damaged") as raised:
            ensure_sound(library.engine, lib)
        assert raised.value.problems and "restore" in str(raised.value)
    finally:
        library.close()


def test_foreign_key_violations_are_reported(library: Library) -> None:
    add_articles(library, articles=1)
    path = library.engine.url.database or ""
    with sqlite3.connect(path) as conn:  # foreign keys off: a dangling block
        conn.execute(
            "INSERT INTO block (article_id, position, role, text, pieces) VALUES (999, 0, 'p', 't', '[]')"
        )
    conn.close()
    report = full_check(library)
    assert any("block row" in line and "missing article" in line for line in report.foreign_keys)


def test_quarantine_moves_the_library_and_its_journal_aside(tmp_path: Path) -> None:
    lib = tmp_path / "lib.sqlite3"
    make_library(lib)
    Path(f"{lib}-wal").write_bytes(b"wal")
    Path(f"{lib}-shm").write_bytes(b"shm")
    first = quarantine(lib)
    assert first == tmp_path / "lib.sqlite3.damaged"
    assert first.exists() and Path(f"{first}-wal").read_bytes() == b"wal"
    assert not lib.exists() and not Path(f"{lib}-wal").exists() and not Path(f"{lib}-shm").exists()
    make_library(lib)
    second = quarantine(lib)
    assert second != first and second.name.endswith(".damaged") and first.exists()


def test_restore_newest_good_backup_skips_bad_ones(tmp_path: Path) -> None:
    lib = tmp_path / "lib.sqlite3"
    make_library(lib, articles=30, blocks=6)
    good = backup_before(lib, "manual")
    newer = backup_before(lib, "auto")
    corrupt_pages(newer.path, offset=3 * 4096, length=4096)  # a backup damaged on disk later
    corrupt_pages(lib, offset=3 * 4096, length=4096)
    done = restore_newest_good_backup(lib)
    assert done.restored == good
    assert done.quarantined == tmp_path / "lib.sqlite3.damaged"
    assert [path for path, _why in done.skipped] == [newer.path]
    library = open_library(lib)
    try:
        assert full_check(library).ok
    finally:
        library.close()
    assert good in list_backups(lib)


def test_restore_newest_good_backup_without_any_good_backup(tmp_path: Path) -> None:
    lib = tmp_path / "lib.sqlite3"
    make_library(lib)
    with pytest.raises(BackupError, match="no usable backup"):
        restore_newest_good_backup(lib)
    assert lib.exists() and not (tmp_path / "lib.sqlite3.damaged").exists()


def test_every_original_text_is_checked_against_its_import_hash(library: Library, tmp_path: Path) -> None:
    long_issue = tmp_path / "long.txt"
    sample = SAMPLE_ISSUE.read_text(encoding="utf-8")
    long_issue.write_text(sample * (2 * PIECE_CHARS // len(sample) + 1), encoding="utf-8")  # three pieces
    with library.write_session() as session:
        report = import_files(session, [SAMPLE_ISSUE, long_issue])
    [sample_id, long_id] = [r.issue_id for r in report.results]
    checked = full_check(library)
    assert checked.ok and checked.issues_checked == 2
    with library.engine.connect() as conn:
        assert (
            conn.exec_driver_sql("SELECT count(*) FROM issue_text WHERE issue_id = ?", (long_id,)).scalar()
            >= 3
        )
    with library.engine.begin() as conn:  # damage behind the application's back
        conn.exec_driver_sql(
            "UPDATE issue_text SET text = '某' || substr(text, 2) WHERE issue_id = ? AND start = 0",
            (sample_id,),
        )
        conn.exec_driver_sql(
            "DELETE FROM issue_text WHERE issue_id = ? AND start = (SELECT min(start) FROM issue_text "
            "WHERE issue_id = ? AND start > 0)",
            (long_id, long_id),
        )
    problems = full_check(library).problems()
    assert len(problems) == 3, problems
    assert problems[0].startswith(
        f"issue {long_id} (long.txt): its original text has a gap or overlap at character "
    )
    assert (
        f"issue {sample_id} (sample_issue.txt): its original text does not match the SHA-256" in problems[1]
    )
    assert problems[2].startswith(f"issue {long_id} (long.txt): its original text does not match the SHA-256")

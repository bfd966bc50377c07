"""Recovery files: an edit whose save fails for real (disk full) is kept, listed, applied, discarded."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, select, text

from db.engine import Library
from db.integrity import verify_hashes
from db.models import Article, Block
from db.opening import open_library
from reader.core.paths import data_dir
from reader.services.recovery import (
    RecoveryError,
    apply_recovery,
    discard,
    is_storage_failure,
    pending_recoveries,
    recovery_dir,
    save_or_recover,
    write_recovery,
)
from reader.services.tracking.saving import StaleVersion
from tests.safety_support import add_articles


def _fill_disk(library: Library) -> Callable[[], None]:
    """Cap the library at its current size: every write that needs a new page fails with SQLITE_FULL.

    Returns the function that frees the space again.
    """
    with library.session() as session:
        pages = session.execute(text("PRAGMA page_count")).scalar()
    library.engine.dispose()

    def cap(dbapi_connection: Any, _record: object) -> None:
        dbapi_connection.execute(f"PRAGMA max_page_count={pages}")

    event.listen(library.engine, "connect", cap)

    def free() -> None:
        event.remove(library.engine, "connect", cap)
        library.engine.dispose()

    return free


def _texts(library: Library, article_id: int) -> list[str]:
    with library.session() as session:
        query = select(Block.text).where(Block.article_id == article_id).order_by(Block.position)
        return list(session.scalars(query))


def _version(library: Library, article_id: int) -> int:
    with library.session() as session:
        return session.get_one(Article, article_id).version


def test_recovery_files_round_trip_and_are_written_atomically() -> None:
    one = write_recovery(7, 3, ["第一段", "第二段"], "校对员", library="/x/lib.sqlite3", reason="disk full")
    two = write_recovery(8, 1, {12: "按块编号"}, "校对员")
    assert one.path.parent == recovery_dir() == data_dir() / "recovery"
    assert json.loads(one.path.read_text(encoding="utf-8"))["blocks_text"] == ["第一段", "第二段"]
    assert not list(recovery_dir().glob(".*"))  # no temporary file left behind
    assert pending_recoveries() == [one, two]
    assert pending_recoveries("/x/lib.sqlite3") == [one, two]  # two names no library: shown everywhere
    assert pending_recoveries("/other.sqlite3") == [two]
    (recovery_dir() / "article-9-broken.json").write_text("{not json", encoding="utf-8")
    assert pending_recoveries() == [one, two]  # unreadable files are skipped, never deleted
    discard(one)
    discard(one)  # already gone: fine
    assert pending_recoveries() == [two]
    assert (recovery_dir() / "article-9-broken.json").exists()
    with pytest.raises(ValueError, match="not a recovery file"):
        discard(Path("/etc/passwd"))


def test_a_save_that_fails_with_disk_full_is_kept_and_applied_later(library: Library) -> None:
    [article_id, other] = add_articles(library, articles=2, blocks=3)
    before = _texts(library, article_id)
    edit = ["很长的修改。" * 4000, "第二段", "第三段"]
    free_space = _fill_disk(library)
    attempt = save_or_recover(library, article_id, edit, author="校对员", base_version=1, library_file="L")
    assert not attempt.saved and "full" in attempt.error
    assert attempt.recovery is not None and attempt.recovery.blocks_text == edit
    assert _texts(library, article_id) == before  # nothing half-written
    assert _version(library, article_id) == 1
    [pending] = pending_recoveries("L")
    assert pending == attempt.recovery

    free_space()
    saved = apply_recovery(library, pending)
    assert saved.saved and saved.result is not None and saved.result.version == 2
    assert _texts(library, article_id) == edit
    assert pending_recoveries() == []
    with library.session() as session:
        assert verify_hashes(session) == []  # the hash was recorded with the save
    assert _texts(library, other)  # untouched


def test_applying_a_stale_recovery_reports_both_texts_and_keeps_the_file(library: Library) -> None:
    [article_id] = add_articles(library, articles=1, blocks=2)
    recovery = write_recovery(article_id, 1, ["我的版本", "二"], "甲")
    assert save_or_recover(library, article_id, ["别人的版本", "二"], author="乙", base_version=1).saved
    with pytest.raises(StaleVersion) as raised:
        apply_recovery(library, recovery)
    assert "我的版本" in raised.value.submitted.values()
    assert "别人的版本" in raised.value.stored.values()
    assert pending_recoveries() == [recovery]


def test_when_not_even_the_recovery_file_can_be_written(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    monkeypatch.setenv("JIAOKAN_DATA_DIR", str(blocker))
    with pytest.raises(RecoveryError, match="copy the text elsewhere"):
        write_recovery(1, 1, ["文字"], "甲")


def test_storage_failures_are_told_from_other_errors(library: Library) -> None:
    import errno
    import sqlite3

    assert is_storage_failure(OSError(errno.ENOSPC, "No space left on device"))
    assert not is_storage_failure(OSError(errno.ENOENT, "missing"))
    full = sqlite3.OperationalError("database or disk is full")
    full.sqlite_errorcode = sqlite3.SQLITE_FULL
    assert is_storage_failure(full)
    constraint = sqlite3.IntegrityError("UNIQUE constraint failed")
    constraint.sqlite_errorcode = sqlite3.SQLITE_CONSTRAINT
    assert not is_storage_failure(constraint)


def test_a_wrong_edit_is_not_hidden_in_a_recovery_file(library: Library) -> None:
    from reader.services.tracking.revisions import TrackingError

    [article_id] = add_articles(library, articles=1, blocks=2)
    with pytest.raises(TrackingError):
        save_or_recover(library, article_id, ["only one text"], author="甲", base_version=1)
    assert pending_recoveries() == []


def test_recovery_survives_reopening(tmp_path: Path) -> None:
    lib = open_library(tmp_path / "lib.sqlite3")
    [article_id] = add_articles(lib, articles=1, blocks=1)
    _fill_disk(lib)
    attempt = save_or_recover(lib, article_id, ["长" * 50000], author="甲", base_version=1)
    lib.close()
    assert attempt.recovery is not None
    assert [r.blocks_text for r in pending_recoveries()] == [["长" * 50000]]

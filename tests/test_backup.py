"""Backups: online backup API, verification, rotation, restore, the pre-migration backup."""

from __future__ import annotations

import os
import sqlite3
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, text, update

from db.backup import (
    KEEP_LAST,
    BackupInfo,
    backup_before,
    backup_dir,
    backup_if_due,
    backup_to,
    kept_backups,
    list_backups,
    restore,
    rotate,
    verify_backup,
)
from db.engine import create_library_engine, database_url
from db.errors import BackupError, LibraryDamaged
from db.integrity import record_hashes
from db.migrate import current_revisions, head_revisions
from db.models import Block
from db.opening import open_library, upgrade_with_backup
from reader.core.paths import data_dir, default_library, legacy_backup_folder
from tests.safety_support import add_old_issue, corrupt_pages, library_at, make_library, save_all_blocks


def _texts(path: Path) -> list[str]:
    with sqlite3.connect(path) as conn:
        return [row[0] for row in conn.execute("SELECT text FROM block ORDER BY id")]


def test_backup_is_a_verified_self_contained_copy_named_with_time_and_reason(tmp_path: Path) -> None:
    lib = tmp_path / "my lib 报纸.sqlite3"
    make_library(lib, articles=4)
    info = backup_before(lib, "manual")
    assert info.path.parent == tmp_path / "my lib 报纸.sqlite3.backups"
    assert info.reason == "manual" and info.size == info.path.stat().st_size > 0
    assert abs(datetime.now(UTC) - info.created_at) < timedelta(minutes=1)
    assert info.path.name.startswith("my lib 报纸-") and info.path.name.endswith("Z-manual.sqlite3")
    assert _texts(info.path) == _texts(lib)
    conn = sqlite3.connect(info.path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    conn.close()
    assert not list(info.path.parent.glob(".*.part"))
    assert list_backups(lib) == [info]
    assert verify_backup(info.path) == []


def test_one_backup_folder_per_library_however_it_is_opened(tmp_path: Path) -> None:
    make_library(default_library())
    folder = data_dir().resolve() / "library.sqlite3.backups"
    assert backup_dir(default_library()) == folder
    # the same file named through a symlinked folder and a relative path: the same folder
    link = tmp_path / "link"
    link.symlink_to(data_dir(), target_is_directory=True)
    assert backup_dir(link / "library.sqlite3") == folder
    assert backup_dir(os.path.relpath(default_library())) == folder
    info = backup_before(default_library(), "auto")
    assert info.path.parent == folder
    assert list_backups(link / "library.sqlite3") == [info]


def test_backups_in_the_old_default_folder_are_still_listed_and_restorable(tmp_path: Path) -> None:
    make_library(default_library())
    legacy = data_dir() / "backups"
    legacy.mkdir(parents=True)
    old = legacy / "library-20260101T000000.000Z-auto.sqlite3"
    backup_to(default_library(), old)
    (legacy / "other-20260101T000000.000Z-auto.sqlite3").write_bytes(b"not ours")
    new = backup_before(default_library(), "manual", legacy_backup_folder(default_library()))
    listed = list_backups(default_library(), legacy_backup_folder(default_library()))
    assert [b.path for b in listed] == [new.path, old.resolve()]
    relative = os.path.relpath(default_library())
    assert list_backups(relative, legacy_backup_folder(relative)) == listed
    # a library elsewhere named library.sqlite3 does not see the default library's old backups
    make_library(tmp_path / "library.sqlite3")
    elsewhere = tmp_path / "library.sqlite3"
    assert list_backups(elsewhere, legacy_backup_folder(elsewhere)) == []
    restore(default_library(), old, legacy=legacy_backup_folder(default_library()))


def test_backup_sees_committed_wal_content_while_the_library_is_open(tmp_path: Path) -> None:
    lib = tmp_path / "lib.sqlite3"
    make_library(lib)
    library = open_library(lib)
    with library.writing() as session:
        session.execute(update(Block).where(Block.id == 1).values(text="已保存的修改"))
        record_hashes(session, [session.get_one(Block, 1).article_id])  # as every save does
    assert Path(f"{lib}-wal").stat().st_size > 0  # the change is still only in the WAL
    info = backup_before(lib, "manual")
    library.close()
    assert "已保存的修改" in _texts(info.path)


def test_backup_while_another_connection_writes_is_consistent(tmp_path: Path) -> None:
    lib = tmp_path / "lib.sqlite3"
    make_library(lib, articles=20, blocks=5)
    library = open_library(lib)
    stop, started = threading.Event(), threading.Event()

    def write() -> None:
        n = 0
        while not stop.is_set():
            n += 1
            save_all_blocks(library, f"第{n}轮")  # every block of the library gets the same text
            started.set()

    writer = threading.Thread(target=write)
    writer.start()
    started.wait(10)
    try:
        infos = [backup_before(lib, "manual") for _ in range(5)]
    finally:
        stop.set()
        writer.join()
        library.close()
    for info in infos:
        assert len(set(_texts(info.path))) == 1  # a snapshot: never half of a write


def test_backup_if_due_only_when_the_newest_is_older_than_the_interval(tmp_path: Path) -> None:
    lib = tmp_path / "lib.sqlite3"
    make_library(lib)
    first = backup_if_due(lib)
    assert first is not None and first.reason == "auto"
    assert backup_if_due(lib, interval_hours=24) is None
    again = backup_if_due(lib, interval_hours=0)
    assert again is not None and again != first


def test_backup_to_a_chosen_file_or_folder(tmp_path: Path) -> None:
    lib = tmp_path / "lib.sqlite3"
    make_library(lib)
    target = tmp_path / "elsewhere" / "copy.sqlite3"
    target.parent.mkdir()
    assert backup_to(lib, target) == target.stat().st_size
    assert verify_backup(target) == []
    folder = tmp_path / "folder"
    folder.mkdir()
    backup_to(lib, folder)
    assert len(list(folder.glob("lib-*-manual.sqlite3"))) == 1
    with pytest.raises(BackupError, match="cannot overwrite the library"):
        backup_to(lib, lib)
    with pytest.raises(BackupError, match="cannot create a file in"):
        backup_to(lib, tmp_path / "no such folder" / "copy.sqlite3")


def test_a_damaged_library_is_never_rotated_into_the_backups(tmp_path: Path) -> None:
    lib = tmp_path / "lib.sqlite3"
    make_library(lib, articles=30, blocks=6)
    good = backup_before(lib, "manual")
    corrupt_pages(lib, offset=2 * 4096, length=3 * 4096)
    with pytest.raises(LibraryDamaged, match="damaged"):
        backup_before(lib, "auto")
    assert list_backups(lib) == [good]
    assert not list(good.path.parent.glob(".*.part"))


def test_unknown_reason_is_refused(tmp_path: Path) -> None:
    lib = tmp_path / "lib.sqlite3"
    make_library(lib)
    with pytest.raises(ValueError, match="unknown backup reason"):
        backup_before(lib, "whenever")
    with pytest.raises(BackupError, match="no library file"):
        backup_before(tmp_path / "missing.sqlite3", "manual")


def _fake(created: datetime, n: int) -> BackupInfo:
    return BackupInfo(Path(f"b{n}"), created, 1, "auto")


def test_rotation_keeps_the_last_ten_and_one_per_week_for_eight_weeks() -> None:
    now = datetime(2026, 11, 21, 12, tzinfo=UTC)  # a Saturday
    daily = [_fake(now - timedelta(days=d), d) for d in range(100)]
    kept = kept_backups(daily, now)
    ages = sorted((now - b.created_at).days for b in kept)
    assert ages[:KEEP_LAST] == list(range(KEEP_LAST))
    older = ages[KEEP_LAST:]
    # One per calendar week (the week's newest, a Sunday) back to the 8th week, nothing older.
    assert older == [13, 20, 27, 34, 41, 48]
    assert all(age < 8 * 7 for age in ages)


def _week(moment: datetime) -> int:
    return (moment - datetime(2001, 1, 1, tzinfo=UTC)).days // 7  # weeks since a Monday


def test_rotation_is_stable_day_after_day() -> None:
    """A week's newest backup stays kept until its week leaves the eight weeks."""
    start = datetime(2026, 1, 5, 3, tzinfo=UTC)
    existing: list[BackupInfo] = []
    for day in range(120):
        now = start + timedelta(days=day)
        existing.append(_fake(now, day))
        kept = kept_backups(existing, now)
        for dropped in set(existing) - kept:
            newest_of_week = max(
                (b for b in existing if _week(b.created_at) == _week(dropped.created_at)),
                key=lambda b: b.created_at,
            )
            assert dropped != newest_of_week or _week(now) - _week(dropped.created_at) >= 8
        existing = [b for b in existing if b in kept]
        if day > 70:
            assert len({_week(b.created_at) for b in existing}) == 8
            assert len(existing) <= KEEP_LAST + 7


def test_rotate_deletes_files_beyond_the_policy(tmp_path: Path) -> None:
    lib = tmp_path / "lib.sqlite3"
    make_library(lib)
    infos = [backup_before(lib, "manual") for _ in range(KEEP_LAST + 3)]
    remaining = list_backups(lib)  # all made this week: the week's newest is among the last ten
    assert remaining == infos[::-1][:KEEP_LAST]
    assert not any(info.path.exists() for info in infos[:3])
    assert rotate(lib) == []


def test_restore_replaces_the_content_and_backs_up_the_current_state_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("db.backup._LEAVE_WAL_SECONDS", 1)  # the refusal below need not wait long
    lib = tmp_path / "lib.sqlite3"
    make_library(lib)
    before = _texts(lib)
    saved = backup_before(lib, "manual")
    library = open_library(lib)
    save_all_blocks(library, "改坏了")
    with pytest.raises(BackupError, match="close every window and program using the library"):
        restore(lib, saved.path)  # another connection is open: refused, nothing changed
    assert set(_texts(lib)) == {"改坏了"} and not list(tmp_path.glob(".*.part"))
    library.close()
    done = restore(lib, saved.path)
    pre = done.pre_restore
    assert pre is not None and pre.reason == "pre-restore" and done.quarantined is None
    assert set(_texts(pre.path)) == {"改坏了"}
    library = open_library(lib)
    with library.session() as session:
        assert list(session.scalars(select(Block.text).order_by(Block.id))) == before
        assert session.execute(text("PRAGMA journal_mode")).scalar() == "wal"
    library.close()
    assert _texts(lib) == before


def test_restoring_the_oldest_kept_backup_never_rotates_it_away(tmp_path: Path) -> None:
    lib = tmp_path / "lib.sqlite3"
    make_library(lib)
    oldest = backup_before(lib, "manual")
    for _ in range(KEEP_LAST - 1):
        backup_before(lib, "auto")
    assert len(list_backups(lib)) == KEEP_LAST
    done = restore(lib, oldest.path)
    assert oldest.path.exists() and done.pre_restore in list_backups(lib)


def test_restore_refuses_an_unusable_backup_and_leaves_the_library_alone(tmp_path: Path) -> None:
    lib = tmp_path / "lib.sqlite3"
    make_library(lib)
    before = _texts(lib)
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"not a database at all" * 100)
    with pytest.raises(BackupError, match="unusable"):
        restore(lib, junk)
    other = tmp_path / "other.sqlite3"
    sqlite3.connect(other).execute("CREATE TABLE t(x)").connection.close()
    with pytest.raises(BackupError, match="not a Jiaokan library"):
        restore(lib, other)
    assert _texts(lib) == before
    assert list_backups(lib) == []


def test_restore_over_a_damaged_library_quarantines_it(tmp_path: Path) -> None:
    lib = tmp_path / "lib.sqlite3"
    make_library(lib, articles=30, blocks=6)
    saved = backup_before(lib, "manual")
    corrupt_pages(lib, offset=2 * 4096, length=3 * 4096)
    done = restore(lib, saved.path)
    assert done.pre_restore is None and done.quarantined == tmp_path / "lib.sqlite3.damaged"
    assert done.quarantined.exists()
    assert _texts(lib) == _texts(saved.path)


def test_pre_migration_backup_only_when_an_existing_library_needs_migrating(tmp_path: Path) -> None:
    lib = tmp_path / "lib.sqlite3"
    engine = create_library_engine(database_url(lib))
    assert upgrade_with_backup(engine, lib) is True  # new library: nothing to back up
    assert list_backups(lib) == []
    assert upgrade_with_backup(engine, lib) is False  # at head: nothing to do
    engine.dispose()
    old = tmp_path / "old.sqlite3"  # a library made before the data-safety migration
    library_at(old, "0002", "0003", "0004", "0005")
    add_old_issue(old, "原文", articles=3)
    lib = old
    engine = create_library_engine(database_url(lib))
    assert upgrade_with_backup(engine, lib) is True
    assert current_revisions(engine) == head_revisions()
    engine.dispose()
    [backup] = list_backups(lib)
    assert backup.reason == "pre-migration"
    with sqlite3.connect(backup.path) as conn:
        assert "0006" not in {row[0] for row in conn.execute("SELECT version_num FROM alembic_version")}
    # the migration recorded a hash for each article already there
    with sqlite3.connect(lib) as conn:
        assert conn.execute("SELECT count(*) FROM article_hash").fetchone()[0] == 3

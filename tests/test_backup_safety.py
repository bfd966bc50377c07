"""Backups of a damaged library never push out good ones; ``backup --to`` spares the library's files."""

from __future__ import annotations

import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from db.backup import (
    FAILED_CHECK,
    KEEP_LAST,
    backup_before,
    backup_dir,
    backup_to,
    failed_backups,
    list_backups,
)
from db.errors import BackupError, LibraryDamaged
from db.opening import open_library
from reader.cli import main
from tests.safety_support import make_library


def _tamper(lib: Path) -> None:
    """Change one block's text behind the application's back (``check`` reports the hash mismatch)."""
    with sqlite3.connect(lib) as conn:
        conn.execute("UPDATE block SET text = '悄悄改了' WHERE id = 2")
    conn.close()


def test_backups_of_a_damaged_library_are_kept_apart_and_never_rotate_good_ones(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lib = tmp_path / "lib.sqlite3"
    make_library(lib)
    good = backup_before(lib, "manual")
    _tamper(lib)
    for _ in range(KEEP_LAST + 1):
        assert main(["--db", str(lib), "backup"]) == 1
    captured = capsys.readouterr()
    assert "verified" not in captured.out and "text does not match its recorded hash" in captured.err
    assert "kept apart" in captured.err
    assert list_backups(lib) == [good]  # the good one is still listed, nothing rotated it away
    apart = failed_backups(lib)
    assert len(apart) == KEEP_LAST + 1 and all(p.parent == backup_dir(lib) / FAILED_CHECK for p in apart)
    label = apart[0].with_name(apart[0].name + ".problems.txt").read_text(encoding="utf-8")
    assert "failed the full check" in label and "recorded hash" in label
    with pytest.raises(LibraryDamaged):
        backup_before(lib, "auto")
    assert list_backups(lib) == [good]
    assert main(["--db", str(lib), "backups"]) == 0
    listed = capsys.readouterr()
    assert str(good.path) in listed.out and f"{KEEP_LAST + 2} copies of the library failed" in listed.err
    # restoring the good backup is the way back: the damaged library is moved aside, nothing lost
    assert main(["--db", str(lib), "restore", str(good.path)]) == 0
    assert "damaged library was moved to" in capsys.readouterr().out
    assert main(["--db", str(lib), "check"]) == 0
    assert Path(f"{lib}.damaged").exists()


def test_backup_to_refuses_the_librarys_own_files_and_its_backups(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lib = tmp_path / "lib.sqlite3"
    make_library(lib)
    library = open_library(lib)  # open: its -wal and -shm exist
    try:
        listed = backup_before(lib, "manual")
        wal, shm = Path(f"{lib}-wal"), Path(f"{lib}-shm")
        assert wal.exists() and shm.exists()
        saved = {p: p.read_bytes() for p in (lib, wal, shm, listed.path)}
        for target in (
            lib,
            wal,
            shm,
            Path(f"{lib}-journal"),
            listed.path,
            tmp_path / "." / "lib.sqlite3-wal",
        ):
            with pytest.raises(BackupError, match="cannot overwrite"):
                backup_to(lib, target)
            assert main(["--db", str(lib), "backup", "--to", str(target)]) == 1
        assert all(p.read_bytes() == data for p, data in saved.items() if p != shm)
        assert not Path(f"{lib}-journal").exists()
    finally:
        library.close()
    assert "cannot overwrite the library's write-ahead log" in capsys.readouterr().err


@pytest.fixture
def read_only_disk(tmp_path: Path) -> Iterator[Path]:
    """A small tmpfs holding a library, remounted read-only (root only; else skipped)."""
    disk = tmp_path / "disk"
    disk.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(disk)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode(errors='replace').strip()}")
    try:
        make_library(disk / "lib.sqlite3")
        for leftover in disk.glob("lib.sqlite3-*"):
            leftover.unlink()
        subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
        yield disk
    finally:
        subprocess.run(["umount", "-l", str(disk)], check=False)


def test_a_library_on_a_read_only_medium_can_be_backed_up(
    read_only_disk: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "copy.sqlite3"
    assert main(["--db", str(read_only_disk / "lib.sqlite3"), "backup", "--to", str(target)]) == 0
    captured = capsys.readouterr()
    assert "verified" in captured.out and "damaged" not in captured.out + captured.err
    assert main(["--db", str(target), "check"]) == 0

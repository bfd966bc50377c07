"""A full disk: checks that cannot run are not damage, and a restore leaves the library as it was.

Runs on a small tmpfs mounted for the test (root only); skipped, with the
reason, where mounting is not permitted.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from db.backup import backup_before, backup_to, restore_newest_good_backup
from db.errors import CheckNotRun
from reader.cli import main
from reader.core.errors import JiaokanError
from tests.safety_support import make_library


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 3 MB tmpfs, unmounted afterwards."""
    disk = tmp_path / "disk"
    disk.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(disk)], capture_output=True, check=False
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here: {done.stderr.decode(errors='replace').strip()}")
    try:
        yield disk
    finally:
        subprocess.run(["umount", "-l", str(disk)], check=False)


def _fill(disk: Path) -> None:
    """Fill the disk to its last block."""
    fd = os.open(disk / "filler", os.O_WRONLY | os.O_CREAT, 0o644)
    try:
        for chunk in (65536, 4096, 512):
            try:
                while True:
                    os.write(fd, b"\0" * chunk)
            except OSError:
                pass
    finally:
        os.close(fd)


def _state(disk: Path) -> dict[str, str]:
    """Every file on the disk but the fillers, with the hash of its content."""
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in disk.iterdir()
        if p.is_file() and not p.name.startswith("filler")
    }


@pytest.fixture
def full_library(small_disk: Path, tmp_path: Path) -> tuple[Path, Path]:
    """A library on a disk that is now full, and a good backup of it elsewhere."""
    lib = small_disk / "lib.sqlite3"
    make_library(lib, articles=6)
    elsewhere = tmp_path / "elsewhere.sqlite3"
    backup_to(lib, elsewhere)
    wal, shm = Path(f"{lib}-wal"), Path(f"{lib}-shm")
    if wal.exists() and wal.stat().st_size == 0:  # left by the read-only copy: gone after a clean close
        wal.unlink()
        shm.unlink(missing_ok=True)
    _fill(small_disk)
    return lib, elsewhere


def test_check_on_a_full_disk_says_it_could_not_run(
    full_library: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    lib, _backup = full_library
    assert main(["--db", str(lib), "check"]) == 1
    out, err = capsys.readouterr()
    assert "problem:" not in out and "damaged" not in out + err.replace(
        "does not mean the library is damaged", ""
    )
    assert "could not run" in err and "Traceback" not in err


def test_restore_on_a_full_disk_leaves_the_library_as_it_was(
    full_library: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    lib, backup = full_library
    before = _state(lib.parent)
    assert main(["--db", str(lib), "restore", str(backup)]) == 1
    _out, err = capsys.readouterr()
    assert err.startswith("error: ") and "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert _state(lib.parent) == before  # no library moved aside, no part file left
    (lib.parent / "filler").unlink()  # space again: the library is whole, and restoring works
    assert main(["--db", str(lib), "check"]) == 0
    assert main(["--db", str(lib), "restore", str(backup)]) == 0


def test_restoring_the_newest_good_backup_on_a_full_disk_changes_nothing(small_disk: Path) -> None:
    lib = small_disk / "lib.sqlite3"
    make_library(lib, articles=6)
    backup_before(lib, "manual")
    _fill(small_disk)
    before = _state(lib.parent)
    with pytest.raises(JiaokanError) as raised:
        restore_newest_good_backup(lib)  # what the window's "restore newest good backup" runs
    assert "not restored" in str(raised.value) or isinstance(raised.value, CheckNotRun)
    assert _state(lib.parent) == before and lib.exists()

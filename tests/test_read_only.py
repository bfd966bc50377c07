"""A library on a read-only medium opens read-only, and every write is refused cleanly.

A real read-only medium is used: as root, a read-only bind mount inside a
private mount namespace (``unshare -m``, so nothing leaks to the host); as an
ordinary user, a folder and file without write permission.  The library is
opened in a subprocess that sees the folder read-only.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from db.errors import ReadOnlyLibrary
from db.opening import open_library_safely
from tests.conftest import REPO
from tests.safety_support import make_library

PROBE = r"""
import json, sys
from sqlalchemy import select, text, update
from db.models import Block
from db.safety import is_read_only
from db.opening import open_library_safely
from db.errors import ReadOnlyLibrary

out = {}
try:
    library, read_only = open_library_safely(sys.argv[1])
except ReadOnlyLibrary as exc:
    print(json.dumps({"open_error": str(exc)}, ensure_ascii=False))
    sys.exit(0)
out["read_only"] = read_only and is_read_only(library)
with library.session() as session:
    out["texts"] = list(session.scalars(select(Block.text).order_by(Block.id)))
    out["journal"] = session.execute(text("PRAGMA journal_mode")).scalar()
refused = []
for attempt in ("write_session", "writing", "raw"):
    try:
        if attempt == "write_session":
            library.write_session()
        elif attempt == "writing":
            with library.writing() as session:
                session.execute(update(Block).values(text="不该写入"))
        else:
            with library.session() as session, session.begin():
                session.execute(update(Block).values(text="不该写入"))
    except ReadOnlyLibrary as exc:
        refused.append(str(exc))
out["refused"] = refused
library.close()
print(json.dumps(out, ensure_ascii=False))
"""


def _read_only_mode() -> str | None:
    if os.geteuid() != 0:
        return "chmod"
    if shutil.which("unshare") and shutil.which("mount"):
        probe = subprocess.run(["unshare", "-m", "true"], capture_output=True, check=False)
        if probe.returncode == 0:
            return "mount"
    return None


def _probe_read_only(folder: Path, library: Path) -> dict[str, object]:
    """Open ``library`` in a subprocess that sees ``folder`` as a read-only medium."""
    mode = _read_only_mode()
    if mode is None:
        pytest.skip("needs a read-only medium: not root-with-unshare, and chmod does not bind root")
    command = [sys.executable, "-c", PROBE, str(library)]
    if mode == "mount":
        script = 'mount --bind "$1" "$1" && mount -o remount,bind,ro "$1" && shift && exec "$@"'
        command = ["unshare", "-m", "sh", "-c", script, "sh", str(folder), *command]
        result = subprocess.run(command, capture_output=True, text=True, cwd=REPO, check=False)
        if result.returncode != 0 and result.stderr.startswith("mount:"):
            pytest.skip(f"cannot make a read-only bind mount here: {result.stderr.strip()}")
    else:
        modes = {p: p.stat().st_mode for p in [folder, *folder.iterdir()]}
        for path in modes:
            path.chmod(0o555 if path.is_dir() else 0o444)
        try:
            result = subprocess.run(command, capture_output=True, text=True, cwd=REPO, check=False)
        finally:
            for path, old in modes.items():
                path.chmod(old)
    assert result.returncode == 0, result.stderr
    return dict(json.loads(result.stdout))


def _snapshot(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def _texts(path: Path) -> list[str]:
    with sqlite3.connect(path) as conn:
        return [row[0] for row in conn.execute("SELECT text FROM block ORDER BY id")]


def _leave_wal(path: Path, new_text: str, keep_shm: bool) -> None:
    """Commit a change and exit without checkpointing, as a crashed program would."""
    code = (
        "import os, sqlite3, sys\n"
        "c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
        "c.execute('PRAGMA wal_autocheckpoint=0')\n"
        "c.execute('UPDATE block SET text = ? WHERE id = 1', (sys.argv[2],))\n"
        "os._exit(0)\n"
    )
    subprocess.run([sys.executable, "-c", code, str(path), new_text], check=True)
    assert Path(f"{path}-wal").stat().st_size > 0
    if not keep_shm:
        Path(f"{path}-shm").unlink()


@pytest.mark.parametrize("name", ["lib.sqlite3", "我的 报纸库.sqlite3"])
def test_cleanly_closed_library_on_read_only_medium_opens_read_only(tmp_path: Path, name: str) -> None:
    folder = tmp_path / "medium"
    folder.mkdir()
    lib = folder / name
    make_library(lib)
    expected = _texts(lib)
    before = _snapshot(folder)
    out = _probe_read_only(folder, lib)
    assert out["read_only"] is True
    assert out["texts"] == expected
    refused = out["refused"]
    assert isinstance(refused, list) and len(refused) == 3
    assert all("read-only" in message and name in message for message in refused)
    assert all("so nothing can be changed" in message for message in refused)  # a write refused says so
    assert _snapshot(folder) == before  # nothing written, no -wal or -shm created


@pytest.mark.parametrize("keep_shm", [True, False], ids=["with-shm", "wal-without-shm"])
def test_unsaved_journal_on_read_only_medium_is_read_not_ignored(tmp_path: Path, keep_shm: bool) -> None:
    folder = tmp_path / "medium"
    folder.mkdir()
    lib = folder / "lib.sqlite3"
    make_library(lib)
    _leave_wal(lib, "只在日志里的修改", keep_shm)
    before = _snapshot(folder)
    out = _probe_read_only(folder, lib)
    assert out["read_only"] is True
    texts = out["texts"]
    assert isinstance(texts, list) and texts[0] == "只在日志里的修改"
    assert len(out["refused"]) == 3  # type: ignore[arg-type]
    assert _snapshot(folder) == before


def test_library_needing_an_upgrade_on_read_only_medium_is_refused_clearly(tmp_path: Path) -> None:
    folder = tmp_path / "medium"
    folder.mkdir()
    lib = folder / "lib.sqlite3"
    make_library(lib)
    with sqlite3.connect(lib) as conn:
        conn.execute("DELETE FROM alembic_version")  # back to the heads before 0006 (and the merge)
        conn.executemany(
            "INSERT INTO alembic_version VALUES (?)", [("0002",), ("0003",), ("0004",), ("0005",)]
        )
    conn.close()
    out = _probe_read_only(folder, lib)
    assert "must be upgraded" in str(out["open_error"]) and "writable folder" in str(out["open_error"])


def test_writable_library_opens_for_writing(tmp_path: Path) -> None:
    lib = tmp_path / "lib.sqlite3"
    make_library(lib)
    library, read_only = open_library_safely(lib)
    assert read_only is False
    with library.writing() as session:
        session.execute(text("UPDATE block SET text = '可以写' WHERE id = 1"))
    library.close()
    assert _texts(lib)[0] == "可以写"


def test_new_library_in_read_only_folder_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("db.opening.writable", lambda path: False)
    with pytest.raises(ReadOnlyLibrary, match="cannot create a library here"):
        open_library_safely(tmp_path / "new.sqlite3")
    assert not (tmp_path / "new.sqlite3").exists()


def test_in_memory_library_is_never_read_only() -> None:
    library, read_only = open_library_safely("sqlite://")
    assert read_only is False
    library.close()

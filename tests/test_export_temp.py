"""Working folders left by killed exports are cleaned up by the next export into the same folder."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from db.engine import Library
from reader.core.exporters.options import ExportFormat, ExportOptions
from reader.services.exporting import OWNER_FILE, STALE_SECONDS, TEMP_PREFIX, export
from reader.services.importing import import_files
from tests.conftest import SAMPLE_ISSUE


def _dead_pid() -> int:
    done = subprocess.Popen([sys.executable, "-c", "pass"])
    done.wait()
    return done.pid


def _left_behind(out: Path, name: str, owner: int | None, age: float = 0) -> Path:
    folder = out / f"{TEMP_PREFIX}{name}"
    folder.mkdir()
    (folder / "sample_issue.txt").write_text("半个文件", encoding="utf-8")
    if owner is not None:
        (folder / OWNER_FILE).write_text(str(owner), encoding="ascii")
    if age:
        stamp = time.time() - age
        os.utime(folder, (stamp, stamp))
    return folder


def test_a_later_export_removes_what_killed_exports_left(library: Library, tmp_path: Path) -> None:
    with library.write_session() as session:
        assert import_files(session, [SAMPLE_ISSUE]).ok
    out = tmp_path / "out"
    out.mkdir()
    killed = _left_behind(out, "killed", _dead_pid())
    ancient = _left_behind(out, "ancient", None, age=STALE_SECONDS + 60)
    running = _left_behind(out, "running", os.getppid())  # a live export elsewhere: kept
    recent = _left_behind(out, "recent", None)  # unmarked but new: maybe starting, kept
    with library.session() as session:
        report = export(session, out, ExportOptions(format=ExportFormat.TXT))
    assert [p.name for p in report.files] == ["sample_issue.txt"]
    assert not killed.exists() and not ancient.exists()
    assert running.exists() and recent.exists()
    hidden = sorted(p.name for p in out.iterdir() if p.name.startswith("."))
    assert hidden == sorted([running.name, recent.name])

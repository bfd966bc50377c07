"""A batch import SIGKILLed half way: whole files only, its worker processes gone, a rerun finishes it."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reader.services.importing import DEFAULT_BATCH_SIZE
from tests.conftest import REPO

FILES = DEFAULT_BATCH_SIZE * 2 + 50


def _issues(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=10) as conn:
            return int(conn.execute("SELECT count(*) FROM issue").fetchone()[0])
    except sqlite3.Error:
        return 0


def _children(pid: int) -> set[int]:
    found = set()
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        found.update(int(n) for n in task.read_text().split())
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _command(db: Path, folder: Path) -> list[str]:
    return [sys.executable, str(REPO / "main.py"), "--db", str(db), "import", str(folder)]


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux's /proc to find the workers")
def test_a_killed_batch_import_keeps_whole_files_and_leaves_no_process(tmp_path: Path) -> None:
    folder = tmp_path / "issues"
    folder.mkdir()
    for n in range(FILES):
        (folder / f"issue_{n:04d}.txt").write_text(
            f"第{n}期\n\n社区新闻{n}\n\n本期第{n}篇报道，居民反映良好。\n", encoding="utf-8"
        )
    db = tmp_path / "lib.sqlite3"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    process = subprocess.Popen(
        _command(db, folder), env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 240
    children: set[int] = set()
    while _issues(db) < DEFAULT_BATCH_SIZE and time.monotonic() < deadline and process.poll() is None:
        children |= _children(process.pid)
        time.sleep(0.05)
    children |= _children(process.pid)
    assert process.poll() is None, "the import ended before it could be killed"
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert children, "no worker process was started"
    gone = time.monotonic() + 10
    while any(_alive(pid) for pid in children) and time.monotonic() < gone:
        time.sleep(0.1)
    left = [pid for pid in children if _alive(pid)]
    assert not left, "a worker or the resource tracker outlived the import"

    kept = _issues(db)
    assert DEFAULT_BATCH_SIZE <= kept < FILES  # the batches committed before the kill, whole
    checked = subprocess.run([*_command(db, folder)[:4], "check"], env=env, capture_output=True, text=True)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    rerun = subprocess.run(_command(db, folder), env=env, capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{FILES - kept} imported, {kept} skipped as duplicates, 0 failed" in rerun.stdout
    assert _issues(db) == FILES

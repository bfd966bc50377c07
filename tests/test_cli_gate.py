"""Every command goes through the soundness gate: no write into a damaged library, no traceback."""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from db.opening import open_library
from reader.cli import main
from reader.services.importing import import_files
from tests.conftest import REPO, SAMPLE_ISSUE
from tests.safety_support import add_articles, corrupt_pages, make_library, save_all_blocks
from tests.template_library import new_library_file

WRITING = [
    ["tags", "add", "新标签", "--article", "1"],
    ["import", str(SAMPLE_ISSUE), "--on-conflict", "copy"],
    ["fix", "--rules", "safe"],
    ["tags", "rename", "无此标签", "新名"],
]
READING = [["list"], ["search", "河长"], ["tags", "list"], ["suggestions"]]


@pytest.fixture
def sample_db(tmp_path: Path) -> Path:
    path = tmp_path / "lib.sqlite3"
    library = open_library(new_library_file(path))
    with library.write_session() as session:
        assert import_files(session, [SAMPLE_ISSUE]).ok
    library.close()
    return path


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def test_content_changed_behind_the_apps_back_stops_every_writing_command(
    sample_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with sqlite3.connect(sample_db) as conn:
        conn.execute("UPDATE block SET text = '悄悄改了' WHERE id = 3")
    conn.close()
    before = _digest(sample_db)
    for command in WRITING:
        status, _out, err = _run(capsys, "--db", str(sample_db), *command)
        assert status == 1, command
        assert err.startswith("error: ") and "damaged" in err and "restore" in err, command
        assert "Traceback" not in err
    assert _digest(sample_db) == before
    status, out, _err = _run(capsys, "--db", str(sample_db), "list")  # reading still works
    assert status == 0 and "issue 1" in out


def test_a_damaged_file_stops_every_command_with_a_clear_message(
    sample_db: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    corrupt_pages(sample_db, offset=3 * 4096, length=4096)
    before = _digest(sample_db)
    out_dir = tmp_path / "out"
    for command in [*WRITING, *READING, ["export", "--format", "txt", "--out", str(out_dir)]]:
        status, _out, err = _run(capsys, "--db", str(sample_db), *command)
        assert status == 1, command
        assert err.startswith("error: ") and "damaged" in err, (command, err)
    assert _digest(sample_db) == before
    assert not out_dir.exists() or not any(out_dir.iterdir())


@pytest.mark.parametrize("seed", range(6))
def test_64_random_bytes_never_let_a_write_through_when_check_finds_damage(
    sample_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], seed: int
) -> None:
    rng = random.Random(seed)
    size = sample_db.stat().st_size
    with open(sample_db, "r+b") as handle:
        handle.seek(rng.randrange(size // 4, 3 * size // 4))
        handle.write(rng.randbytes(64))
    checked, _out, _err = _run(capsys, "--db", str(sample_db), "check")
    for command in [*WRITING, *READING, ["export", "--format", "txt", "--out", str(tmp_path / "o")]]:
        copy = tmp_path / f"copy{seed}.sqlite3"
        shutil.copyfile(sample_db, copy)
        before = _digest(copy)
        status, _out, err = _run(capsys, "--db", str(copy), *command)
        assert "Traceback" not in err
        if status != 0:
            assert err.startswith("error: "), (command, err)
        if checked == 1 and command in WRITING:
            assert status == 1 and _digest(copy) == before, command
        copy.unlink()


def test_ids_too_large_for_sqlite_are_usage_errors(
    sample_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    huge = str(2**63)
    for command in (
        ["export", "--out", "x", "--article", huge],
        ["export", "--out", "x", "--issue", huge],
        ["search", "河", "--limit", huge],
        ["list", "--issue", huge],
        ["tags", "add", "x", "--article", huge],
    ):
        with pytest.raises(SystemExit) as exited:
            main(["--db", str(sample_db), *command])
        assert exited.value.code == 2
        assert "out of range" in capsys.readouterr().err
    status, _out, _err = _run(capsys, "--db", str(sample_db), "list", "--issue", str(2**63 - 1))
    assert status == 1


def test_list_into_a_closed_pipe_exits_quietly(tmp_path: Path) -> None:
    db = tmp_path / "many.sqlite3"
    library = open_library(db)
    add_articles(library, articles=4000, blocks=1)
    library.close()
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    shell = f"{sys.executable} {REPO / 'main.py'} --db '{db}' list | head -1"
    done = subprocess.run(["bash", "-c", shell], capture_output=True, text=True, env=env, timeout=120)
    assert done.stdout.startswith("issue ") and len(done.stdout.splitlines()) == 1
    assert done.stderr == ""


def test_file_names_are_printed_escaped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    forged = folder / "a\nerror: forged.txt"
    forged.write_bytes(b"")
    escape = folder / "b\x1b[31mred.txt"
    escape.write_text("第一版\n\n正文。\n", encoding="utf-8")
    status, out, err = _run(capsys, "--db", str(tmp_path / "lib.sqlite3"), "import", str(folder))
    assert status == 1
    assert "\x1b" not in out + err
    assert [line for line in err.splitlines() if line.startswith("error: ")] == [
        f"error: {folder}/a\\nerror: forged.txt: the file is empty"
    ]
    assert "b\\x1b[31mred.txt" in out


def test_a_wal_deleted_under_a_running_program_gives_a_clear_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "lib.sqlite3"
    make_library(db)
    running = open_library(db)  # another program, with saves still only in the -wal
    try:
        save_all_blocks(running, "改动")
        with running.session() as session:
            session.execute(text("SELECT 1"))
        os.unlink(f"{db}-wal")
        for command in (["list"], ["tags", "add", "x", "--article", "1"], ["check"]):
            status, _out, err = _run(capsys, "--db", str(db), *command)
            assert status == 1 and "Traceback" not in err, command
            [line] = err.splitlines()
            assert (
                line.startswith(f"error: {db}: ") and "-wal" in line and "damaged" not in line.split("(")[0]
            )
    finally:
        running.close()

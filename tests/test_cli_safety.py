"""The data-safety commands: backup, backups, restore, check (exit status and output)."""

from __future__ import annotations

import argparse
import sqlite3
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest

from db.backup import list_backups
from db.opening import open_library
from reader.cli_safety import add_commands
from reader.core.errors import JiaokanError
from reader.core.paths import data_dir, default_library
from tests.safety_support import corrupt_pages, make_library, save_all_blocks


def run(argv: Sequence[str]) -> int:
    """Run a command as ``python main.py`` does (through reader.cli once the commands are wired there)."""
    from reader import cli

    if "check" in getattr(cli, "COMMANDS", {}):
        return cli.main(list(argv))
    parser = argparse.ArgumentParser()
    db = argparse.ArgumentParser(add_help=False)
    db.add_argument("--db", default=None)
    commands = add_commands(parser.add_subparsers(dest="command"), db)
    args = parser.parse_args(argv)
    try:
        return commands[args.command](args)
    except JiaokanError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1


def test_backup_backups_restore_round_trip(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lib = tmp_path / "lib.sqlite3"
    make_library(lib)
    assert run(["backups", "--db", str(lib)]) == 0
    assert "no backups" in capsys.readouterr().out
    assert run(["backup", "--db", str(lib)]) == 0
    out = capsys.readouterr().out
    assert "backed up" in out and "verified" in out
    [backup] = list_backups(lib)
    assert str(backup.path) in out

    library = open_library(lib)
    save_all_blocks(library, "改动")
    library.close()

    assert run(["backups", "--db", str(lib)]) == 0
    listing = capsys.readouterr().out.splitlines()
    assert len(listing) == 1 and " UTC " in listing[0] and " MB " in listing[0] and "manual" in listing[0]

    assert run(["restore", str(backup.path), "--db", str(lib)]) == 0
    out = capsys.readouterr().out
    assert "restored" in out and "pre-restore" in out
    with sqlite3.connect(lib) as conn:
        assert "改动" not in {row[0] for row in conn.execute("SELECT text FROM block")}
    conn.close()


def test_backup_to_a_chosen_place(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lib = tmp_path / "lib.sqlite3"
    make_library(lib)
    target = tmp_path / "u盘 备份.sqlite3"
    assert run(["backup", "--db", str(lib), "--to", str(target)]) == 0
    assert target.exists() and str(target) in capsys.readouterr().out
    assert list_backups(lib) == []


def test_default_library_is_used_without_db(capsys: pytest.CaptureFixture[str]) -> None:
    make_library(default_library())
    assert run(["backup"]) == 0
    assert str(data_dir().resolve() / "library.sqlite3.backups") in capsys.readouterr().out


def test_check_ok_and_problems(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lib = tmp_path / "lib.sqlite3"
    make_library(lib, articles=4)
    assert run(["check", "--db", str(lib)]) == 0
    assert "4 article hashes ok" in capsys.readouterr().out
    with sqlite3.connect(lib) as conn:
        conn.execute("UPDATE block SET text = '悄悄改了' WHERE id = 2")
    conn.close()
    assert run(["check", "--db", str(lib)]) == 1
    captured = capsys.readouterr()
    assert "problem: article 1: text does not match its recorded hash" in captured.out
    assert "expected" in captured.out and "restore" in captured.err


def test_check_a_damaged_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lib = tmp_path / "lib.sqlite3"
    make_library(lib, articles=40, blocks=6)
    corrupt_pages(lib, offset=3 * 4096, length=4096)
    assert run(["check", "--db", str(lib)]) == 1
    assert "problem: integrity_check:" in capsys.readouterr().out
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"\x00garbage" * 1000)
    assert run(["check", "--db", str(junk)]) == 1
    assert "problem:" in capsys.readouterr().out


def test_errors_are_one_clear_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["backup", "--db", str(tmp_path / "missing.sqlite3")]) == 1
    assert "no library file" in capsys.readouterr().err
    lib = tmp_path / "lib.sqlite3"
    make_library(lib)
    assert run(["restore", str(tmp_path / "nope.sqlite3"), "--db", str(lib)]) == 1
    err = capsys.readouterr().err
    assert "nope.sqlite3 does not exist" in err and "unusable" not in err and len(err.splitlines()) == 1
    # a backup's bare name (without its folder) as `backups` lists it: missing here, said so
    backup = list_backups(lib)[0] if list_backups(lib) else None
    name = backup.path.name if backup is not None else "lib-20261207T163609.914Z-manual.sqlite3"
    assert run(["restore", name, "--db", str(lib)]) == 1
    assert "does not exist (the backups command lists every backup" in capsys.readouterr().err
    # something that is there but is no backup: unusable, with the reason
    (tmp_path / "folder.sqlite3").mkdir()
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"\x00garbage" * 1000)
    for there, reason in ((tmp_path / "folder.sqlite3", "is not a file"), (junk, "unusable")):
        assert run(["restore", str(there), "--db", str(lib)]) == 1
        err = capsys.readouterr().err
        assert "the backup is unusable" in err and reason in err and "does not exist" not in err
    assert run(["check", "--db", "sqlite://"]) == 1
    assert "only a library file" in capsys.readouterr().err

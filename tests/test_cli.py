"""The command line as users script it: ``python main.py import|list|export``."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reader.cli import TerminalProgress
from reader.core.decoding import STREAM_THRESHOLD
from tests.conftest import REPO, SAMPLE_ISSUE


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, str(REPO / "main.py"), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=cwd,
        timeout=120,
        check=False,
    )


@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(tmp_path / "lib.sqlite3")


def test_import_list_export_round(db: str, tmp_path: Path) -> None:
    result = run("import", "--db", db, str(SAMPLE_ISSUE))
    assert result.returncode == 0, result.stderr
    assert "1 imported" in result.stdout

    listed = run("list", "--db", db)
    assert listed.returncode == 0, listed.stderr
    assert "sample_issue.txt" in listed.stdout
    assert "梅园街道河长制工作再上新台阶" in listed.stdout

    out = tmp_path / "out"
    exported = run("--db", db, "export", "--format", "json", "--out", str(out))
    assert exported.returncode == 0, exported.stderr
    doc = json.loads((out / "sample_issue.json").read_text(encoding="utf-8"))
    assert doc["issue"]["source_name"] == "sample_issue.txt"

    txt = run("export", "--db", db, "--format", "txt", "--script", "tw", "--out", str(out), "--issue", "1")
    assert txt.returncode == 0, txt.stderr
    assert (out / "sample_issue.txt").read_text(encoding="utf-8").strip()


def test_an_issue_of_one_article_is_counted_in_the_singular(db: str, tmp_path: Path) -> None:
    """qa25: "imported issue.txt: issue 1, 1 articles" and "(utf-8, 1 articles, …)" in `list`."""
    one = tmp_path / "一篇.txt"
    one.write_text(
        "社区新闻\n\n　　近日，纬五路社区举办了一场书画展览，吸引了众多居民前来参观。\n", encoding="utf-8"
    )
    result = run("import", "--db", db, str(one))
    assert result.returncode == 0, result.stderr
    assert f"imported {one}: issue 1, 1 article\n" in result.stdout, result.stdout
    listed = run("list", "--db", db)
    assert "(utf-8, 1 article, " in listed.stdout and " 1 articles" not in listed.stdout, listed.stdout


def test_duplicate_is_not_a_failure(db: str) -> None:
    assert run("import", "--db", db, str(SAMPLE_ISSUE)).returncode == 0
    again = run("import", "--db", db, str(SAMPLE_ISSUE))
    assert again.returncode == 0
    assert "skipped" in again.stdout and "already in the library" in again.stdout


def test_failed_files_exit_1_with_one_line_each_and_the_rest_imported(db: str, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    result = run("import", "--db", db, str(empty), str(SAMPLE_ISSUE), str(binary))
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 2
    assert any("empty.txt" in line for line in errors)
    assert any("binary.txt" in line for line in errors)
    assert "1 imported" in result.stdout


def test_list_json_lines(db: str) -> None:
    run("import", "--db", db, str(SAMPLE_ISSUE))
    result = run("list", "--db", db, "--json")
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows[0]["source_name"] == "sample_issue.txt"
    assert rows[0]["articles"]


def test_an_empty_library_says_so_on_stderr_only(db: str) -> None:
    result = run("list", "--db", db)
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    assert f"no issues in {db}" in result.stderr
    json_result = run("list", "--db", db, "--json")
    assert json_result.stdout == "" and "no issues" in json_result.stderr
    run("import", "--db", db, str(SAMPLE_ISSUE))
    assert "no issues" not in run("list", "--db", db).stderr


def test_default_library_lives_in_the_data_folder(tmp_path: Path) -> None:
    result = run("import", str(SAMPLE_ISSUE))
    assert result.returncode == 0, result.stderr
    assert (Path(os.environ["JIAOKAN_DATA_DIR"]) / "library.sqlite3").exists()


def test_unknown_issue_is_a_clear_error(db: str, tmp_path: Path) -> None:
    run("import", "--db", db, str(SAMPLE_ISSUE))
    result = run("export", "--db", db, "--format", "txt", "--out", str(tmp_path / "o"), "--issue", "42")
    assert result.returncode == 1
    assert "no issue with id 42" in result.stderr


def test_import_autofix_applies_the_safe_rules_as_tracked_changes(db: str, tmp_path: Path) -> None:
    import re

    result = run("import", "--autofix", "--db", db, str(SAMPLE_ISSUE))
    assert result.returncode == 0, result.stderr
    assert "autofix" in result.stdout
    out = tmp_path / "out"
    assert run("export", "--db", db, "--format", "json", "--out", str(out)).returncode == 0
    doc = json.loads((out / "sample_issue.json").read_text(encoding="utf-8"))
    body = "\n".join(p for a in doc["articles"] for p in a["paragraphs"])
    assert not re.search(r"[\u4e00-\u9fff],[\u4e00-\u9fff]", body)
    assert "98.5%" in body  # numbers untouched
    changes = [c for a in doc["articles"] for c in a["corrections"]["changes"]]
    assert changes and all(c["rule"] == "halfwidth_punctuation" for c in changes)
    assert doc["original_text"] == SAMPLE_ISSUE.read_text(encoding="utf-8")


def test_safe_fix_is_backed_up_first_and_the_library_checks_clean(db: str) -> None:
    assert run("import", "--db", db, str(SAMPLE_ISSUE)).returncode == 0
    fixed = run("fix", "--rules", "safe", "--db", db)
    assert fixed.returncode == 0, fixed.stderr
    backups = run("backups", "--db", db)
    assert "pre-bulk" in backups.stdout
    check = run("check", "--db", db)
    assert check.returncode == 0, check.stdout + check.stderr
    assert "hashes ok" in check.stdout


def test_tag_merge_is_backed_up_first(db: str) -> None:
    assert run("import", "--db", db, str(SAMPLE_ISSUE)).returncode == 0
    assert run("tags", "add", "梅园", "--article", "1", "--db", db).returncode == 0
    assert run("tags", "add", "梅园街道", "--article", "2", "--db", db).returncode == 0
    merged = run("tags", "merge", "梅园", "梅园街道", "--db", db)
    assert merged.returncode == 0, merged.stderr
    assert "pre-bulk" in run("backups", "--db", db).stdout


def test_terminal_progress_shows_how_far_into_a_large_file_it_is() -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    out = Terminal()
    progress = TerminalProgress("importing", out)
    progress(0, 1, "合订本.txt")
    assert out.getvalue() == ""  # one small file: no bar
    progress.file_bytes(50, 200)
    assert out.getvalue().endswith(" 25%") and "合订本.txt" in out.getvalue() and "[######" in out.getvalue()
    progress.finish()
    assert out.getvalue().endswith("\r")


@pytest.mark.slow
def test_interrupting_the_import_of_a_large_file_keeps_none_of_it(db: str, tmp_path: Path) -> None:
    """Ctrl-C while a file over the streaming threshold is being written: exit 130, nothing of it stored."""
    big = tmp_path / "合订本.txt"
    issue = SAMPLE_ISSUE.read_bytes()
    with big.open("wb") as out:
        while out.tell() <= STREAM_THRESHOLD + len(issue):
            out.write(issue + b"\n\n")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    command = [sys.executable, str(REPO / "main.py"), "import", "--db", db, str(big)]
    process = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        # Ctrl-C reaches the import even when the tests run as a background job (which ignores SIGINT)
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    wal = Path(db + "-wal")
    deadline = time.monotonic() + 60
    while not (wal.exists() and wal.stat().st_size > 4_000_000):  # text and articles are being written
        assert process.poll() is None, "the import ended before it could be interrupted"
        assert time.monotonic() < deadline
        time.sleep(0.02)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130 and "interrupted" in stderr
    listed = run("list", "--db", db, "--json")
    assert listed.returncode == 0 and listed.stdout == ""
    checked = run("check", "--db", db)
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_import_refuses_a_link_out_of_a_scan_folder_naming_it(db: str, tmp_path: Path) -> None:
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "p1.png").write_bytes(b"")
    issue = tmp_path / "issue"
    issue.mkdir()
    (issue / "p1.png").symlink_to(tmp_path / "elsewhere" / "p1.png")
    result = run("import", "--db", db, str(issue))
    assert result.returncode == 1
    assert f"error: {issue / 'p1.png'}: skipped: the link points outside the folder" in result.stderr
    assert "0 imported" in result.stdout

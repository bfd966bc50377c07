"""``python main.py export`` in every format and scope, and ``import`` of JSON exports with --on-conflict."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from db.opening import open_library
from tests.conftest import SAMPLE_ISSUE
from tests.test_cli import run
from tests.test_export_formats import RIVER_TITLE, make_edits


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = tmp_path / "lib.sqlite3"
    result = run("import", "--db", str(path), str(SAMPLE_ISSUE))
    assert result.returncode == 0, result.stderr
    return str(path)


@pytest.fixture
def edited_db(db: str) -> str:
    library = open_library(db)
    try:
        make_edits(library, 1)
    finally:
        library.close()
    return db


def test_every_format_one_file_per_issue_quiet_when_piped(db: str, tmp_path: Path) -> None:
    suffixes = {"txt": ".txt", "md": ".md", "json": ".json", "csv": ".csv", "tei": ".tei.xml"}
    for fmt, suffix in suffixes.items():
        out = tmp_path / fmt
        result = run("export", "--db", db, "--format", fmt, "--out", str(out))
        assert result.returncode == 0, result.stderr
        assert result.stdout.splitlines() == [str(out / f"sample_issue{suffix}")]
        assert "\r" not in result.stderr and result.stderr == ""
    assert json.loads((tmp_path / "json" / "sample_issue.json").read_text(encoding="utf-8"))["version"] == 2
    assert (tmp_path / "csv" / "sample_issue.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    assert f"# {RIVER_TITLE}" in (tmp_path / "md" / "sample_issue.md").read_text(encoding="utf-8")


def test_scope_single_file_and_annotations(edited_db: str, tmp_path: Path) -> None:
    out = tmp_path / "tagged"
    result = run(
        "export",
        "--db",
        edited_db,
        "--format",
        "md",
        "--tag",
        "陸家嘴",
        "--status",
        "proofread",
        "--out",
        str(out),
    )
    assert result.returncode == 0, result.stderr
    text = (out / "sample_issue.md").read_text(encoding="utf-8")
    assert RIVER_TITLE not in text and "* * *" not in text and text.strip()
    both = tmp_path / "both"
    result = run(
        "export", "--db", edited_db, "--format", "tei", "--single-file", "--annotations", "--out", str(both)
    )
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in both.iterdir()) == [
        "jiaokan-export.annotations.jsonld",
        "jiaokan-export.tei.xml",
    ]
    annotations = json.loads((both / "jiaokan-export.annotations.jsonld").read_text(encoding="utf-8"))
    assert annotations["total"] == 1
    nothing = run("export", "--db", edited_db, "--status", "approved", "--out", str(tmp_path / "none"))
    assert nothing.returncode == 0 and "nothing to export" in nothing.stderr
    unknown = run("export", "--db", edited_db, "--tag", "没有", "--out", str(tmp_path / "none"))
    assert unknown.returncode == 1 and "error: no tag '没有'" in unknown.stderr


def test_import_json_exports_with_each_conflict_mode(edited_db: str, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert run("export", "--db", edited_db, "--format", "json", "--out", str(out)).returncode == 0
    export = out / "sample_issue.json"
    fresh = str(tmp_path / "fresh.sqlite3")
    first = run("import", "--db", fresh, str(export))
    assert first.returncode == 0, first.stderr
    assert f"imported {export}: issue 1, 4 articles" in first.stdout
    skipped = run("import", "--db", fresh, str(export))
    assert (
        skipped.returncode == 0 and "skipped" in skipped.stdout and "0 imported, 1 skipped" in skipped.stdout
    )
    copied = run("import", "--db", fresh, str(export), "--on-conflict", "copy")
    assert copied.returncode == 0 and "(a copy of issue 1, sha256" in copied.stdout
    replaced = run("import", "--db", fresh, "--on-conflict", "replace", str(export))
    assert replaced.returncode == 0 and "(replaced issue 1)" in replaced.stdout
    listed = run("list", "--db", fresh, "--json")
    assert len(listed.stdout.splitlines()) == 2


def test_folders_give_their_txt_files_and_jiaokan_exports(db: str, tmp_path: Path) -> None:
    second = tmp_path / "second.txt"
    second.write_text("标题\n\n第二期正文。\n", encoding="utf-8")
    assert run("import", "--db", db, str(second)).returncode == 0
    exports = tmp_path / "exports"
    assert (
        run("export", "--db", db, "--format", "json", "--issue", "2", "--out", str(exports)).returncode == 0
    )
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "sample.txt").write_bytes(SAMPLE_ISSUE.read_bytes())
    (folder / "second.json").write_bytes((exports / "second.json").read_bytes())
    (folder / "settings.json").write_text('{"theme": "dark"}', encoding="utf-8")  # not an export: ignored
    fresh = str(tmp_path / "fresh.sqlite3")
    result = run("import", "--db", fresh, str(folder))
    assert result.returncode == 0, result.stderr
    assert "2 imported, 0 skipped as duplicates, 0 failed" in result.stdout


def test_a_bad_json_file_is_one_error_line(db: str, tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "jiaokan-issue", "version": 2}', encoding="utf-8")
    result = run("import", "--db", db, str(bad), str(SAMPLE_ISSUE))
    assert result.returncode == 1
    [line] = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert line.startswith(f"error: {bad}: not a Jiaokan issue export") and "'issue' is missing" in line
    assert "0 imported, 1 skipped as duplicates, 1 failed" in result.stdout


def test_an_export_blocked_by_a_folder_names_the_file(db: str, tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / "sample_issue.txt").mkdir(parents=True)
    result = run("export", "--db", db, "--out", str(out))
    assert result.returncode == 1
    assert f"error: {out / 'sample_issue.txt'}: cannot write the file: a folder" in result.stderr
    assert [p.name for p in out.iterdir()] == ["sample_issue.txt"]


def test_an_export_over_files_already_there_says_which_it_replaced(db: str, tmp_path: Path) -> None:
    """qa25 G: exporting --script traditional then --script tw into one folder left only the second,
    without a word. The files are still replaced (scripts rely on it), and stderr names each."""
    out = tmp_path / "out"
    first = run("export", "--db", db, "--format", "txt", "--script", "traditional", "--out", str(out))
    assert first.returncode == 0 and first.stderr == ""
    (out / "other.txt").write_text("别的文件\n", encoding="utf-8")
    second = run("export", "--db", db, "--format", "txt", "--script", "tw", "--out", str(out))
    assert second.returncode == 0, second.stderr
    assert second.stdout.splitlines() == [str(out / "sample_issue.txt")]
    assert second.stderr.splitlines() == [
        f"note: replaced {out / 'sample_issue.txt'}, which was already there"
    ]
    assert (out / "other.txt").read_text(encoding="utf-8") == "别的文件\n"
    # a single file and its Web Annotations, over the same folder: each named once
    for _ in range(2):
        again = run(
            "export", "--db", db, "--format", "md", "--single-file", "--annotations", "--out", str(out)
        )
        assert again.returncode == 0, again.stderr
    written = again.stdout.splitlines()
    assert len(written) >= 1
    assert sorted(again.stderr.splitlines()) == sorted(
        f"note: replaced {p}, which was already there" for p in written
    )
    # into a new folder: nothing said
    fresh = run("export", "--db", db, "--format", "json", "--out", str(tmp_path / "new"))
    assert fresh.returncode == 0 and fresh.stderr == ""

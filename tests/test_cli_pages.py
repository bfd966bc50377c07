"""``python main.py pages attach|list|detach``, scans attached by ``import``, ``export --include-scans``."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from reader.cli import main
from tests.conftest import SAMPLE_ISSUE
from tests.scan_support import corpus_lines, save_page, save_pdf

pytestmark = pytest.mark.usefixtures("qapp")

Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Run:
    def _run(*args: str) -> tuple[int, str, str]:
        status = main(list(args))
        out, err = capsys.readouterr()
        return status, out, err

    return _run


@pytest.fixture
def db(tmp_path: Path, run: Run) -> str:
    path = str(tmp_path / "lib.sqlite3")
    status, _out, _err = run("import", str(SAMPLE_ISSUE), "--db", path)
    assert status == 0
    return path


def test_attach_list_and_detach(db: str, tmp_path: Path, run: Run) -> None:
    png = save_page(tmp_path / "p1.png", corpus_lines(3))
    pdf = save_pdf(tmp_path / "rest.pdf", [corpus_lines(2), corpus_lines(4)])
    status, out, _err = run("pages", "attach", "1", str(png), str(pdf), "--db", db)
    assert status == 0
    assert out.splitlines() == [
        f"attached {png}: issue 1, pages 1",
        f"attached {pdf}: issue 1, pages 2-3",
        "2 attached (3 pages), 0 failed",
    ]
    status, out, err = run("pages", "list", "1", "--db", db)
    assert out.splitlines() == [
        "page 1  p1.png  1200×1600  0 regions",
        "page 2  rest.pdf #1  2479×3508  0 regions",
        "page 3  rest.pdf #2  2479×3508  0 regions",
    ]
    assert err == "3 pages\n"
    status, out, _err = run("pages", "list", "1", "--json", "--db", db)
    rows = [json.loads(line) for line in out.splitlines()]
    assert rows[1] == {
        "page": 2,
        "file": "rest.pdf",
        "media_type": "application/pdf",
        "frame": 0,
        "width": 2479,
        "height": 3508,
        "regions": 0,
    }
    status, out, _err = run("pages", "detach", "1", "1", "--db", db)
    assert (status, out) == (0, "detached page 1 of issue 1 (p1.png, 0 regions removed)\n")
    status, out, _err = run("pages", "list", "1", "--db", db)
    assert [line.split("  ")[1] for line in out.splitlines()] == ["rest.pdf #1", "rest.pdf #2"]
    status, _out, err = run("pages", "detach", "1", "7", "--db", db)
    assert (status, err) == (1, "error: issue 1 has no page 7\n")


def test_bad_files_fail_by_name_and_the_rest_is_attached(db: str, tmp_path: Path, run: Run) -> None:
    good = save_page(tmp_path / "good.jpg", corpus_lines(2))
    bad = tmp_path / "bad.tif"
    bad.write_bytes(b"MM\x00*\x00\x00\x00\x08\x00\x05\x01")
    status, out, err = run("pages", "attach", "1", str(bad), str(good), "--db", db)
    assert status == 1
    assert err == f"error: {bad}: unreadable TIFF: the file is truncated or damaged\n"
    assert out.splitlines()[-1] == "1 attached (1 page), 1 failed"
    status, _out, err = run("pages", "attach", "99", str(good), "--db", db)
    assert (status, err) == (1, "error: no issue 99 in the library\n")


def test_import_attaches_scans_beside_and_reports_bad_ones(tmp_path: Path, run: Run) -> None:
    issue = tmp_path / "ISSUE.txt"
    shutil.copy(SAMPLE_ISSUE, issue)
    save_pdf(tmp_path / "ISSUE.pdf", [corpus_lines(2), corpus_lines(2)])
    (tmp_path / "ISSUE-2.png").write_text("not an image", encoding="utf-8")
    status, out, err = run("import", str(issue), "--db", str(tmp_path / "lib.sqlite3"))
    assert status == 1
    assert "attached to issue 1: 2 scan pages (ISSUE.pdf)" in out.splitlines()
    assert (
        err == f"error: {tmp_path / 'ISSUE-2.png'}: not an image or PDF (PNG, JPEG, TIFF or PDF expected)\n"
    )


def test_one_scan_page_beside_an_issue_is_counted_in_the_singular(tmp_path: Path, run: Run) -> None:
    """qa25: "attached to issue 1: 1 scan pages (page1.png)"."""
    issue = tmp_path / "ISSUE.txt"
    shutil.copy(SAMPLE_ISSUE, issue)
    save_page(tmp_path / "ISSUE.png", corpus_lines(2))
    status, out, err = run("import", str(issue), "--db", str(tmp_path / "lib.sqlite3"))
    assert status == 0, err
    assert "attached to issue 1: 1 scan page (ISSUE.png)" in out.splitlines()


def test_export_include_scans(db: str, tmp_path: Path, run: Run) -> None:
    png = save_page(tmp_path / "p1.png", corpus_lines(3))
    run("pages", "attach", "1", str(png), "--db", db)
    for flag, has_data in (("--include-scans", True), (None, False)):
        out_dir = tmp_path / f"out-{has_data}"
        args = ["export", "--format", "json", "--out", str(out_dir), "--db", db]
        status, out, _err = run(*args, *([flag] if flag else []))
        assert status == 0
        document = json.loads(Path(out.strip()).read_text(encoding="utf-8"))
        assert ("data" in document["scan_files"][0]) is has_data

"""Page scans in the library: attaching PNG, JPEG, TIFF (multi-page) and PDF files, bad input,
detaching, regions linked to articles, auto-attach on import, check, backup and restore."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import func, select

from db.backup import backup_before, restore
from db.engine import Library
from db.integrity import full_check
from db.opening import open_library
from db.scan_bytes import CHUNK_BYTES, read_bytes
from db.scan_models import ScanChunk, ScanFile, ScanPage, ScanRegion
from reader.services.importing import import_files
from reader.services.library import list_articles
from reader.services.page_regions import Box, article_regions, link_region, unlink_region
from reader.services.pages import PageError, attach_files, detach_page, list_pages, page_source
from tests.conftest import SAMPLE_ISSUE
from tests.scan_support import (
    corpus_lines,
    encrypted_pdf,
    page_image,
    save_multipage_tiff,
    save_page,
    save_pdf,
)

pytestmark = pytest.mark.usefixtures("qapp")


@pytest.fixture
def issue(library: Library) -> int:
    with library.write_session() as session:
        report = import_files(session, [SAMPLE_ISSUE])
    assert report.ok
    issue_id = report.imported[0].issue_id
    assert issue_id is not None
    return issue_id


def _scans(folder: Path) -> list[Path]:
    lines = corpus_lines(12)
    return [
        save_page(folder / "a.png", lines[:4]),
        save_page(folder / "b.jpg", lines[4:8], 900, 1300),
        save_multipage_tiff(
            folder / "c.tif", [page_image(lines[:2], 600, 800), page_image(lines[2:5], 700, 900)]
        ),
        save_pdf(folder / "d.pdf", [lines[:3], lines[3:6], lines[6:9]]),
    ]


def test_every_format_is_attached_in_order_with_its_page_sizes(
    library: Library, issue: int, tmp_path: Path
) -> None:
    files = _scans(tmp_path)
    with library.writing() as session:
        report = attach_files(session, issue, files)
    assert not report.failed
    assert [a.pages for a in report.attached] == [(1,), (2,), (3, 4), (5, 6, 7)]
    with library.session() as session:
        rows = list_pages(session, issue)
        assert [(r.number, r.file_name, r.frame) for r in rows] == [
            (1, "a.png", 0),
            (2, "b.jpg", 0),
            (3, "c.tif", 0),
            (4, "c.tif", 1),
            (5, "d.pdf", 0),
            (6, "d.pdf", 1),
            (7, "d.pdf", 2),
        ]
        assert [(r.width, r.height) for r in rows[:4]] == [(1200, 1600), (900, 1300), (600, 800), (700, 900)]
        assert (rows[4].width, rows[4].height) == (2479, 3508)  # A4 (595 × 842 pt) at 300 dpi
        # the bytes are kept verbatim, whatever their size
        for path, name in zip(files, ["a.png", "b.jpg", "c.tif", "d.pdf"], strict=True):
            file_id = session.scalar(select(ScanFile.id).where(ScanFile.name == name))
            assert file_id is not None
            assert read_bytes(session, file_id) == path.read_bytes()
        source = page_source(session, rows[3].id)
        assert (source.media_type, source.frame, source.data) == ("image/tiff", 1, files[2].read_bytes())


def test_a_large_file_is_stored_in_chunks(library: Library, issue: int, tmp_path: Path) -> None:
    big = page_image(corpus_lines(20), 2400, 3200)
    path = tmp_path / "big.tif"  # uncompressed: about 23 MB
    save_multipage_tiff(path, [big])
    with library.writing() as session:
        assert not attach_files(session, issue, [path]).failed
    with library.session() as session:
        chunks = session.scalar(select(func.count()).select_from(ScanChunk))
        assert chunks == -(-path.stat().st_size // CHUNK_BYTES) > 1
        assert read_bytes(session, 1) == path.read_bytes()


def test_bad_files_are_refused_by_name_and_the_rest_attached(
    library: Library, issue: int, tmp_path: Path
) -> None:
    good = save_page(tmp_path / "good.png", corpus_lines(2))
    text = tmp_path / "notes.png"
    text.write_text("这不是图片", encoding="utf-8")
    truncated = tmp_path / "cut.png"
    truncated.write_bytes(good.read_bytes()[:300])
    broken_tiff = tmp_path / "broken.tif"
    broken_tiff.write_bytes(b"II*\x00" + (999_999).to_bytes(4, "little") + b"\x00" * 20)
    locked = tmp_path / "locked.pdf"
    locked.write_bytes(encrypted_pdf())
    not_pdf = tmp_path / "fake.pdf"
    not_pdf.write_bytes(b"%PDF-1.4\nthis is no pdf\n")
    missing = tmp_path / "missing.png"
    with library.writing() as session:
        report = attach_files(session, issue, [text, truncated, broken_tiff, good, locked, not_pdf, missing])
    assert [Path(a.path).name for a in report.attached] == ["good.png"]
    reasons = {Path(e.source).name: e.reason for e in report.failed}
    assert reasons == {
        "notes.png": "not an image or PDF (PNG, JPEG, TIFF or PDF expected)",
        "cut.png": "unreadable PNG: the file is truncated (no IEND chunk)",
        "broken.tif": "unreadable TIFF: page 1's directory lies beyond the end of the file",
        "locked.pdf": "the PDF is encrypted (password protected)",
        "fake.pdf": reasons["fake.pdf"],
        "missing.png": "no such file",
    }
    assert reasons["fake.pdf"].startswith("unreadable PDF: ")
    with library.session() as session:  # nothing half-attached
        assert session.scalar(select(func.count()).select_from(ScanFile)) == 1
        assert session.scalar(select(func.count()).select_from(ScanPage)) == 1
        assert session.scalar(select(func.count(func.distinct(ScanChunk.file_id)))) == 1


def test_the_same_file_twice_is_refused(library: Library, issue: int, tmp_path: Path) -> None:
    page = save_page(tmp_path / "p.png", corpus_lines(2))
    copy = tmp_path / "copy.png"
    copy.write_bytes(page.read_bytes())
    with library.writing() as session:
        report = attach_files(session, issue, [page, copy])
    assert [e.reason for e in report.failed] == [f"is already attached to issue {issue} (as p.png)"]


def test_detach_renumbers_and_drops_the_file_with_its_last_page(
    library: Library, issue: int, tmp_path: Path
) -> None:
    files = _scans(tmp_path)
    with library.writing() as session:
        attach_files(session, issue, files)
        article = list_articles(session, issue)[0].id
        page_two = list_pages(session, issue)[1].id
        link_region(session, page_two, article, Box(10, 10, 100, 50), author="t")
    with library.writing() as session:
        removed = detach_page(session, issue, 2)
        assert (removed.file_name, removed.regions) == ("b.jpg", 1)
        assert [r.number for r in list_pages(session, issue)] == [1, 2, 3, 4, 5, 6]
        assert session.scalar(select(func.count()).select_from(ScanRegion)) == 0
        assert session.scalar(select(ScanFile.id).where(ScanFile.name == "b.jpg")) is None
        detach_page(session, issue, 2)  # one of the TIFF's two pages: the file stays
        assert session.scalar(select(ScanFile.id).where(ScanFile.name == "c.tif")) is not None
        with pytest.raises(PageError, match="has no page 9"):
            detach_page(session, issue, 9)


def test_regions_link_to_articles_and_blocks_clipped_to_the_page(
    library: Library, issue: int, tmp_path: Path
) -> None:
    with library.writing() as session:
        attach_files(session, issue, [save_page(tmp_path / "p.png", corpus_lines(4))])
        page = list_pages(session, issue)[0].id
        articles = list_articles(session, issue)
        first = articles[0].id
        from db.models import Block

        block = session.scalars(
            select(Block).where(Block.article_id == first).order_by(Block.position)
        ).first()
        assert block is not None
        whole = link_region(session, page, first, Box(-20, 100, 500, 200), author="t")
        one = link_region(session, page, first, Box(1100, 1500, 300, 300), block_id=block.id, author="t")
        assert whole.box == Box(0, 100, 480, 200)
        assert one.box == Box(1100, 1500, 100, 100)
        assert (one.block_id, one.block_position, one.page_number) == (block.id, block.position, 1)
        with pytest.raises(PageError, match="outside page 1"):
            link_region(session, page, first, Box(5000, 5000, 10, 10), author="t")
        with pytest.raises(PageError, match="is not a block of article"):
            link_region(session, page, articles[1].id, Box(0, 0, 10, 10), block_id=block.id, author="t")
    with library.writing() as session:
        assert [r.box for r in article_regions(session, first)] == [whole.box, one.box]
        assert unlink_region(session, whole.id) == whole
        assert [r.id for r in article_regions(session, first)] == [one.id]


def test_a_page_of_another_issue_cannot_be_linked(library: Library, issue: int, tmp_path: Path) -> None:
    other = tmp_path / "other.txt"
    other.write_text("另一份报纸\n\n这是另一份报纸的第一篇文章，内容不同。\n", encoding="utf-8")
    with library.write_session() as session:
        report = import_files(session, [other])
    other_issue = report.imported[0].issue_id
    assert other_issue is not None
    with library.writing() as session:
        attach_files(session, other_issue, [save_page(tmp_path / "p.png", corpus_lines(2))])
        page = list_pages(session, other_issue)[0].id
        article = list_articles(session, issue)[0].id
        with pytest.raises(PageError, match="belongs to another issue"):
            link_region(session, page, article, Box(0, 0, 50, 50), author="t")


def test_import_attaches_the_scans_lying_beside_the_issue(library: Library, tmp_path: Path) -> None:
    issue_file = tmp_path / "ISSUE.txt"
    issue_file.write_bytes(SAMPLE_ISSUE.read_bytes())
    lines = corpus_lines(10)
    save_pdf(tmp_path / "ISSUE.pdf", [lines[:2]])
    save_page(tmp_path / "ISSUE_p10.png", lines[2:4])
    save_page(tmp_path / "ISSUE-2.png", lines[4:6])
    save_page(tmp_path / "OTHER.png", lines[6:8])  # another issue's
    (tmp_path / "ISSUE").mkdir()
    save_page(tmp_path / "ISSUE" / "page10.jpg", lines[:1])
    save_page(tmp_path / "ISSUE" / "page9.jpg", lines[1:2])
    (tmp_path / "ISSUE" / "readme.txt").write_text("not a scan", encoding="utf-8")
    (tmp_path / "ISSUE_p3.png").write_bytes(b"not really a png")
    with library.write_session() as session:
        report = import_files(session, [issue_file])
    result = report.imported[0]
    assert [Path(p).name for p in result.scan_files] == [
        "ISSUE-2.png",
        "ISSUE.pdf",
        "ISSUE_p10.png",
        "page9.jpg",
        "page10.jpg",
    ]
    assert result.scan_pages == 5
    assert result.scan_errors == (
        (str(tmp_path / "ISSUE_p3.png"), "not an image or PDF (PNG, JPEG, TIFF or PDF expected)"),
    )
    assert result.issue_id is not None
    with library.session() as session:
        assert [p.file_name for p in list_pages(session, result.issue_id)] == [
            Path(p).name for p in result.scan_files
        ]


def test_check_notices_a_damaged_scan(library: Library, issue: int, tmp_path: Path) -> None:
    with library.writing() as session:
        attach_files(session, issue, [save_page(tmp_path / "p.png", corpus_lines(2))])
    assert full_check(library).ok
    with library.writing() as session:
        chunk = session.scalars(select(ScanChunk)).one()
        chunk.data = bytes([chunk.data[0] ^ 1]) + chunk.data[1:]
    report = full_check(library)
    assert not report.ok
    assert any("scan p.png" in p and "do not match the SHA-256" in p for p in report.problems())


def test_backup_and_restore_carry_the_scans_and_regions(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    library = open_library(path)
    with library.write_session() as session:
        issue = import_files(session, [SAMPLE_ISSUE]).imported[0].issue_id
    assert issue is not None
    pdf = save_pdf(tmp_path / "s.pdf", [corpus_lines(2), corpus_lines(3)])
    with library.writing() as session:
        attach_files(session, issue, [pdf])
        article = list_articles(session, issue)[0].id
        link_region(session, list_pages(session, issue)[1].id, article, Box(100, 200, 300, 400), author="t")
    library.close()
    backup = backup_before(path, "manual")
    library = open_library(path)
    with library.writing() as session:
        detach_page(session, issue, 2)
        detach_page(session, issue, 1)
    library.close()
    restore(path, backup.path)
    library = open_library(path)
    try:
        with library.session() as session:
            assert [p.regions for p in list_pages(session, issue)] == [0, 1]
            assert page_source(session, list_pages(session, issue)[0].id).data == pdf.read_bytes()
            assert [r.box for r in article_regions(session, article)] == [Box(100, 200, 300, 400)]
        assert full_check(library).ok
    finally:
        library.close()
    assert sqlite3.connect(backup.path).execute("SELECT count(*) FROM scan_chunk").fetchone() == (1,)

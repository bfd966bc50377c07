"""A JPEG photo stored sideways with an EXIF orientation: read upright, its boxes on the page as stored.

Page coordinates are the pixels of the file as stored (the page's size is read
from its frame header; the scan pane turns the page upright in its view,
tests/gui/test_scan_exif.py); before, OCR read the page turned by OpenCV and
stored boxes of the turned page on the stored one.
"""

from __future__ import annotations

import struct
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QTransform
from sqlalchemy import select

from db.engine import Library
from db.ocr_models import OcrLine
from db.scan_models import ScanPage, ScanRegion
from reader.core.exif_orientation import box_in_stored_frame, jpeg_orientation, upright
from reader.core.ocr import ocr_available
from reader.core.ocr_inputs import split_scan_inputs
from reader.core.page_reading import PageJob, read_page
from reader.core.scan_formats import JPEG
from reader.services.import_ocr import import_scan_groups
from reader.services.importing import Outcome
from tests.scan_support import cjk_font

needs_ocr = pytest.mark.skipif(
    not ocr_available(), reason='the OCR extra is not installed (pip install -e ".[test,ocr]")'
)

LINES = [
    "老年活动中心正式开放",
    "本报讯 近日，我市第一家社区老年活动中心正式对外开放，",
    "中心设有阅览室、棋牌室和健身房，每天接待居民二百余人。",
    "街道负责人表示，今后将继续完善设施，让老人生活更加丰富。",
]


def _with_orientation(jpeg: bytes, orientation: int) -> bytes:
    """JPEG bytes with an EXIF segment holding only ``Orientation``, right after the SOI marker."""
    entry = struct.pack(">HHIHH", 0x0112, 3, 1, orientation, 0)
    tiff = b"MM\x00*" + struct.pack(">IH", 8, 1) + entry + b"\x00\x00\x00\x00"
    app1 = b"Exif\x00\x00" + tiff
    return jpeg[:2] + b"\xff\xe1" + struct.pack(">H", len(app1) + 2) + app1 + jpeg[2:]


@pytest.mark.parametrize("orientation", range(1, 9))
def test_a_box_on_the_upright_page_maps_onto_the_same_pixels_of_the_stored_page(orientation: int) -> None:
    numpy = pytest.importorskip("numpy", reason="numpy comes with the OCR extra")
    stored = numpy.zeros((70, 100), dtype=numpy.uint8)
    stored[10:25, 60:90] = 1  # rows 10-24, columns 60-89: the box (60, 10, 30, 15)
    seen = upright(stored, orientation)
    rows, columns = numpy.nonzero(seen)
    box = (int(columns.min()), int(rows.min()), int(numpy.ptp(columns)) + 1, int(numpy.ptp(rows)) + 1)
    assert box_in_stored_frame(box, orientation, 100, 70) == (60, 10, 30, 15)


def test_the_orientation_is_read_from_the_exif_segment_and_defaults_to_as_stored() -> None:
    bare = b"\xff\xd8\xff\xdb\x00\x04\x00\x00\xff\xda\x00\x02"
    assert jpeg_orientation(bare) == 1
    assert [jpeg_orientation(_with_orientation(bare, n)) for n in range(1, 9)] == list(range(1, 9))
    assert jpeg_orientation(_with_orientation(bare, 6)[:20]) == 1  # cut short: as stored


@pytest.mark.ocr
@needs_ocr
def test_a_sideways_photo_with_an_exif_orientation_gets_boxes_on_the_page_as_stored(
    qapp: object, library: Library, tmp_path: Path
) -> None:
    page = QImage(1240, 900, QImage.Format.Format_RGB32)
    page.fill(QColor("white"))
    painter = QPainter(page)
    for row, text in enumerate(LINES):
        painter.setFont(cjk_font(60 if row == 0 else 32))
        painter.drawText(QRect(80, 100 + 110 * row, 1100, 90), Qt.AlignmentFlag.AlignLeft, text)
    painter.end()
    for name, image in (("upright", page), ("sideways", page.transformed(QTransform().rotate(-90)))):
        folder = tmp_path / name
        folder.mkdir()
        assert image.save(str(folder / "p1.jpg"), "JPEG", 92)
    sideways = tmp_path / "sideways" / "p1.jpg"
    sideways.write_bytes(_with_orientation(sideways.read_bytes(), 6))  # seen turned a quarter clockwise
    upright_read = read_page(PageJob(str(tmp_path / "upright" / "p1.jpg"), 0, JPEG))
    _texts, groups = split_scan_inputs([tmp_path / "sideways"])
    with library.write_session() as session:
        [result] = import_scan_groups(session, groups)
    assert result.outcome is Outcome.IMPORTED, result.message
    with library.session() as session:
        lines = session.scalars(select(OcrLine).where(OcrLine.issue_id == result.issue_id)).all()
        got = sorted((line.x, line.y, line.w, line.h) for line in lines)
        stored = session.scalars(select(ScanPage).where(ScanPage.issue_id == result.issue_id)).one()
        regions = session.scalars(select(ScanRegion).where(ScanRegion.page_id == stored.id)).all()
    assert (stored.width, stored.height) == (900, 1240)
    want = sorted(box_in_stored_frame(line.box, 6, 900, 1240) for line in upright_read.lines)
    assert len(got) == len(want) >= len(LINES)
    for a, b in zip(want, got, strict=True):
        assert all(abs(p - q) <= 8 for p, q in zip(a, b, strict=True)), (want, got)
    assert regions and all(r.w < r.h for r in regions)  # lines of a sideways page are tall

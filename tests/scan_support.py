"""Page scans for tests, drawn by Qt itself: corpus lines set in a CJK font on page images and PDFs.

Every helper needs a QGuiApplication (the ``qapp`` fixture).  Layout is
known: lines are set top-down from ``MARGIN`` at ``LINE_PX`` per line, so a
test knows where each line lies on the page (:func:`line_box`).
"""

from __future__ import annotations

import struct
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QImage, QPageSize, QPainter, QPdfWriter

from tests.conftest import CORPUS_DIR, SAMPLE_ISSUE

MARGIN = 40
FONT_PX = 36
LINE_PX = 60
PAGE_W = 1200
PAGE_H = 1600


def cjk_font(pixel_size: int = FONT_PX) -> QFont:
    """A font with Chinese glyphs (Noto CJK when installed)."""
    families = QFontDatabase.families()
    name = next((f for f in families if "CJK SC" in f), next((f for f in families if "CJK" in f), ""))
    font = QFont(name) if name else QFont()
    font.setPixelSize(pixel_size)
    return font


def corpus_lines(count: int, width: int = 24) -> list[str]:
    """``count`` lines of real newspaper text (first corpus issue or sample), ``width`` characters each."""
    source = sorted(CORPUS_DIR.glob("*.txt"))
    text = (source[0] if source else SAMPLE_ISSUE).read_text(encoding="utf-8")
    flat = "".join(line.strip() for line in text.splitlines() if len(line.strip()) > 20)
    return [flat[i : i + width] for i in range(0, count * width, width)]


def line_box(index: int, width: int = PAGE_W) -> QRect:
    """Where line ``index`` (0-based) of a rendered page lies, in page pixels."""
    return QRect(MARGIN, MARGIN + index * LINE_PX, width - 2 * MARGIN, LINE_PX)


def page_image(lines: Sequence[str], width: int = PAGE_W, height: int = PAGE_H) -> QImage:
    """A white page with ``lines`` set in black, one per ``LINE_PX``."""
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setFont(cjk_font())
    painter.setPen(QColor("black"))
    for index, line in enumerate(lines):
        box = line_box(index, width)
        painter.drawText(box, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), line)
    painter.end()
    return image


def save_page(path: Path, lines: Sequence[str], width: int = PAGE_W, height: int = PAGE_H) -> Path:
    """Write a rendered page to ``path`` (the format from its suffix: .png, .jpg, .tif)."""
    if not page_image(lines, width, height).save(str(path)):
        raise OSError(f"Qt could not write {path}")
    return path


def save_pdf(path: Path, pages: Sequence[Sequence[str]]) -> Path:
    """A PDF with one A4 page per entry of ``pages``, each with its lines set like :func:`page_image`."""
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setResolution(150)
    painter = QPainter(writer)
    painter.setFont(cjk_font())
    for number, lines in enumerate(pages):
        if number:
            writer.newPage()
        for index, line in enumerate(lines):
            painter.drawText(line_box(index), int(Qt.AlignmentFlag.AlignLeft), line)
    painter.end()
    return path


def save_multipage_tiff(path: Path, pages: Sequence[QImage]) -> Path:
    """An uncompressed RGB TIFF with one page (IFD) per image (Qt itself writes only single pages)."""
    out = bytearray(b"II*\x00\x00\x00\x00\x00")
    previous_link = 4
    for image in pages:
        rgb = image.convertToFormat(QImage.Format.Format_RGB888)
        w, h = rgb.width(), rgb.height()
        pixels = b"".join(bytes(rgb.constScanLine(y))[: 3 * w] for y in range(h))
        data_at = len(out)
        out += pixels
        if len(out) % 2:
            out += b"\x00"
        bits_at = len(out)
        out += struct.pack("<HHH", 8, 8, 8)
        entries = [
            (256, 4, 1, w),
            (257, 4, 1, h),
            (258, 3, 3, bits_at),
            (259, 3, 1, 1),
            (262, 3, 1, 2),
            (273, 4, 1, data_at),
            (277, 3, 1, 3),
            (278, 4, 1, h),
            (279, 4, 1, len(pixels)),
        ]
        ifd_at = len(out)
        struct.pack_into("<I", out, previous_link, ifd_at)
        out += struct.pack("<H", len(entries))
        for tag, kind, count, value in entries:
            out += struct.pack("<HHI", tag, kind, count)
            out += struct.pack("<HH", value, 0) if kind == 3 and count == 1 else struct.pack("<I", value)
        previous_link = len(out)
        out += b"\x00\x00\x00\x00"
    path.write_bytes(bytes(out))
    return path


def encrypted_pdf() -> bytes:
    """A one-page PDF protected by a user password (the Standard security handler, RC4)."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
        b"<< /Filter /Standard /V 1 /R 2 /Length 40 /P -4 /O <"
        + b"11" * 32
        + b"> /U <"
        + b"22" * 32
        + b"> >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R /Encrypt 4 0 R /ID [<%s> <%s>] >>\n" % (
        len(objects) + 1,
        b"ab" * 16,
        b"ab" * 16,
    )
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)

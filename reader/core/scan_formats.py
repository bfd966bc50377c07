"""Qt-free recognition of page scans: which format a file is, how many pages it has, how large.

PNG, JPEG and TIFF headers are read here (the images themselves are decoded
by Qt's image readers in the window, off the GUI thread); PDFs are opened
with pypdfium2 (:mod:`reader.core.pdf_pages`).  Anything else, a damaged
header, a TIFF whose directory chain is broken or an encrypted PDF is refused
with an :class:`~reader.core.errors.InputError` that names the file and says why.
Page sizes are in page coordinates (see :mod:`db.scan_models`): pixels, and a
PDF page measured at ``PDF_DPI``.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

from reader.core.errors import InputError

MAX_SCAN_BYTES = 1 << 30
"""The largest scan file attached (1 GiB)."""

MAX_PAGE_PIXELS = 1 << 30
"""The largest page (pixels) accepted: a 600 dpi A0 sheet is about half of it."""

PNG = "image/png"
JPEG = "image/jpeg"
TIFF = "image/tiff"
PDF = "application/pdf"

SCAN_SUFFIXES = {".png": PNG, ".jpg": JPEG, ".jpeg": JPEG, ".tif": TIFF, ".tiff": TIFF, ".pdf": PDF}
"""File name endings of scans (compared in lower case)."""

_MAX_TIFF_PAGES = 10_000


@dataclass(frozen=True, slots=True)
class ScanInfo:
    """What a scan file holds: its media type and the size of each page, in order."""

    media_type: str
    pages: tuple[tuple[int, int], ...]


def sniff(data: bytes) -> str | None:
    """The media type the bytes begin like, or None."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if data.startswith(b"\xff\xd8\xff"):
        return JPEG
    if data[:4] in (b"II*\x00", b"MM\x00*"):
        return TIFF
    if data[:1024].lstrip().startswith(b"%PDF-") or b"%PDF-" in data[:1024]:
        return PDF
    return None


def probe(source: str | Path, data: bytes) -> ScanInfo:
    """The pages of scan file ``source`` (its bytes ``data``); InputError when it is not a usable scan."""
    if not data:
        raise InputError(source, "the file is empty")
    if len(data) > MAX_SCAN_BYTES:
        raise InputError(source, f"the file is over {MAX_SCAN_BYTES >> 30} GiB")
    kind = sniff(data)
    if kind is None:
        raise InputError(source, "not an image or PDF (PNG, JPEG, TIFF or PDF expected)")
    pages: tuple[tuple[int, int], ...]
    try:
        if kind == PNG:
            pages = (_png_size(data),)
        elif kind == JPEG:
            pages = (_jpeg_size(data),)
        elif kind == TIFF:
            pages = _tiff_sizes(data)
        else:
            from reader.core.pdf_pages import pdf_page_sizes

            pages = pdf_page_sizes(source, data)
    except (struct.error, IndexError):
        raise InputError(source, f"unreadable {_label(kind)}: the file is truncated or damaged") from None
    except ValueError as error:
        raise InputError(source, f"unreadable {_label(kind)}: {error}") from None
    for number, (width, height) in enumerate(pages, 1):
        if width <= 0 or height <= 0:
            raise InputError(source, f"unreadable {_label(kind)}: page {number} has no size")
        if width * height > MAX_PAGE_PIXELS:
            raise InputError(source, f"page {number} is too large ({width} × {height} pixels)")
    return ScanInfo(kind, pages)


def _label(kind: str) -> str:
    return {PNG: "PNG", JPEG: "JPEG", TIFF: "TIFF", PDF: "PDF"}[kind]


def _png_size(data: bytes) -> tuple[int, int]:
    length, kind = struct.unpack(">I4s", data[8:16])
    if kind != b"IHDR" or length != 13:
        raise ValueError("no IHDR header")
    width, height = struct.unpack(">II", data[16:24])
    if not data.rstrip(b"\x00").endswith(b"IEND\xae\x42\x60\x82"):
        raise ValueError("the file is truncated (no IEND chunk)")
    return width, height


_SOF_MARKERS = frozenset({0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF})


def _jpeg_size(data: bytes) -> tuple[int, int]:
    at = 2
    while at + 4 <= len(data):
        if data[at] != 0xFF:
            raise ValueError(f"no marker at byte {at}")
        marker = data[at + 1]
        if marker == 0xFF:  # fill byte
            at += 1
            continue
        if marker in (0x01, *range(0xD0, 0xD8)):
            at += 2
            continue
        (length,) = struct.unpack(">H", data[at + 2 : at + 4])
        if marker in _SOF_MARKERS:
            height, width = struct.unpack(">HH", data[at + 5 : at + 9])
            return width, height
        if marker == 0xDA:
            break
        at += 2 + length
    raise ValueError("no frame header (SOF) before the image data")


def _tiff_sizes(data: bytes) -> tuple[tuple[int, int], ...]:
    order = "<" if data[:2] == b"II" else ">"
    (offset,) = struct.unpack(order + "I", data[4:8])
    sizes: list[tuple[int, int]] = []
    seen: set[int] = set()
    while offset:
        if offset in seen or len(sizes) >= _MAX_TIFF_PAGES:
            raise ValueError("its page directories loop")
        if offset + 2 > len(data):
            raise ValueError(f"page {len(sizes) + 1}'s directory lies beyond the end of the file")
        seen.add(offset)
        (count,) = struct.unpack(order + "H", data[offset : offset + 2])
        tags: dict[int, int] = {}
        for index in range(count):
            entry = data[offset + 2 + 12 * index : offset + 14 + 12 * index]
            tag, kind, _n = struct.unpack(order + "HHI", entry[:8])
            if tag in (256, 257):
                fmt = "H" if kind == 3 else "I"
                tags[tag] = struct.unpack(order + fmt, entry[8 : 8 + struct.calcsize(fmt)])[0]
        if 256 not in tags or 257 not in tags:
            raise ValueError(f"page {len(sizes) + 1} has no width or height")
        sizes.append((tags[256], tags[257]))
        end = offset + 2 + 12 * count
        (offset,) = struct.unpack(order + "I", data[end : end + 4])
    if not sizes:
        raise ValueError("it has no pages")
    return tuple(sizes)


__all__ = [
    "JPEG",
    "MAX_SCAN_BYTES",
    "PDF",
    "PNG",
    "SCAN_SUFFIXES",
    "TIFF",
    "ScanInfo",
    "probe",
    "sniff",
]

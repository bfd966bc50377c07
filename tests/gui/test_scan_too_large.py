"""A page too large for Qt's decoder says so, with its size, not "Unable to read image data" (qa25).

Qt refuses to decode an image over its allocation limit (2048 MB here) and only logs why; the scan pane
said "page 7 cannot be decoded: Unable to read image data", as for a damaged file.
"""

from __future__ import annotations

import struct
import zlib

import pytest

from reader.core.scan_formats import PNG
from reader.gui.scan_images import ScanDecodeError, decode
from reader.services.pages import PageSource

pytestmark = pytest.mark.gui


def _png(width: int, height: int, *, depth: int = 1, colour: int = 0) -> bytes:
    """A valid PNG of white pixels, made by hand (a huge one is small when compressed)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    row = b"\x00" + b"\xff" * ((width * depth + 7) // 8)
    header = struct.pack(">IIBBBBB", width, height, depth, colour, 0, 0, 0)
    pixels = zlib.compress(row * height, 1)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


def _source(data: bytes, width: int, height: int) -> PageSource:
    return PageSource(1, 7, 1, PNG, 0, width, height, data)


@pytest.mark.qt_log_ignore("Rejecting image as it exceeds the current allocation limit")
@pytest.mark.parametrize("level", [1.0, 1 / 64])
def test_a_page_over_the_decoders_limit_says_it_is_too_large(qapp: object, level: float) -> None:
    with pytest.raises(ScanDecodeError) as raised:
        decode(_source(_png(30000, 30000), 30000, 30000), level)
    message = str(raised.value)
    assert message.startswith("page 7 is too large to show: 30000 × 30000 pixels"), message
    assert "Unable to read" not in message


def test_a_damaged_page_still_gives_the_decoders_reason(qapp: object) -> None:
    data = _png(40, 30)
    with pytest.raises(ScanDecodeError, match=r"^page 7 cannot be decoded: "):
        decode(_source(data[: len(data) // 2], 40, 30), 1.0)
    assert not decode(_source(data, 40, 30), 1.0).isNull()

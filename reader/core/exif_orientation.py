"""The EXIF orientation of a JPEG page (a phone photo); boxes between its upright and stored frames (Qt-free).

A scan's page coordinates are the pixels of the file as stored (the scan pane
shows them so, and a page's size is read from the frame header): a photo that
says "turn me a quarter" in its EXIF ``Orientation`` is stored sideways.  OCR
reads the page the right way up (:func:`upright`), so the lines it finds are
mapped back into the stored frame (:func:`box_in_stored_frame`) before they
become regions and OCR line boxes.
"""

from __future__ import annotations

import dataclasses
import struct
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reader.core.page_layout import PageRead
    from reader.core.page_layout_text import ComposedText

Box = tuple[int, int, int, int]

_ORIENTATION_TAG = 0x0112
TRANSPOSED = frozenset({5, 6, 7, 8})
"""Orientations whose upright page has the stored page's width and height swapped."""


def _tiff_orientation(tiff: bytes) -> int:
    order = "<" if tiff[:2] == b"II" else ">"
    (offset,) = struct.unpack(order + "I", tiff[4:8])
    (count,) = struct.unpack(order + "H", tiff[offset : offset + 2])
    for index in range(count):
        entry = tiff[offset + 2 + 12 * index : offset + 14 + 12 * index]
        tag, kind = struct.unpack(order + "HH", entry[:4])
        if tag == _ORIENTATION_TAG and kind == 3:  # SHORT
            (value,) = struct.unpack(order + "H", entry[8:10])
            return value if 1 <= value <= 8 else 1
    return 1


def jpeg_orientation(data: bytes) -> int:
    """The EXIF orientation (1–8) of JPEG bytes; 1 (as stored) when there is none or it is unreadable."""
    at = 2
    try:
        while at + 4 <= len(data) and data[at] == 0xFF:
            marker = data[at + 1]
            if marker == 0xFF:
                at += 1
                continue
            if marker in (0x01, *range(0xD0, 0xD8)):
                at += 2
                continue
            if marker == 0xDA:  # the image data: no EXIF after it
                return 1
            (length,) = struct.unpack(">H", data[at + 2 : at + 4])
            segment = data[at + 4 : at + 2 + length]
            if marker == 0xE1 and segment.startswith(b"Exif\x00\x00"):
                return _tiff_orientation(segment[6:])
            at += 2 + length
    except (struct.error, IndexError):
        return 1
    return 1


def upright(image: Any, orientation: int) -> Any:
    """A numpy image (rows first) as stored, turned the way its EXIF orientation says it is seen."""
    import numpy

    turned = {
        1: lambda a: a,
        2: lambda a: a[:, ::-1],
        3: lambda a: a[::-1, ::-1],
        4: lambda a: a[::-1, :],
        5: lambda a: a.swapaxes(0, 1),
        6: lambda a: numpy.rot90(a, -1),
        7: lambda a: numpy.rot90(a, -1)[::-1, :],
        8: lambda a: numpy.rot90(a, 1),
    }[orientation if 1 <= orientation <= 8 else 1](image)
    return numpy.ascontiguousarray(turned)


def box_in_stored_frame(box: Box, orientation: int, width: int, height: int) -> Box:
    """A box on the upright page as the same box on the page as stored (``width`` × ``height``)."""
    x, y, w, h = box
    right, bottom = x + w, y + h
    if orientation == 2:
        return width - right, y, w, h
    if orientation == 3:
        return width - right, height - bottom, w, h
    if orientation == 4:
        return x, height - bottom, w, h
    if orientation == 5:
        return y, x, h, w
    if orientation == 6:
        return y, height - right, h, w
    if orientation == 7:
        return width - bottom, height - right, h, w
    if orientation == 8:
        return width - bottom, x, h, w
    return box


def in_stored_frames(composed: ComposedText, read: Sequence[PageRead]) -> ComposedText:
    """The composed lines with the boxes read on pages turned upright put back on the pages as stored."""
    if all(page.orientation == 1 for page in read):
        return composed
    lines = []
    for line in composed.lines:
        page = read[line.page - 1]
        width, height = (
            (page.height, page.width) if page.orientation in TRANSPOSED else (page.width, page.height)
        )
        lines.append(
            dataclasses.replace(line, box=box_in_stored_frame(line.box, page.orientation, width, height))
        )
    return dataclasses.replace(composed, lines=tuple(lines))


__all__ = ["TRANSPOSED", "box_in_stored_frame", "in_stored_frames", "jpeg_orientation", "upright"]

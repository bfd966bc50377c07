"""Decoding page scans into images, on worker threads (QImage is safe off the GUI thread, QPixmap is not).

PNG, JPEG and TIFF pages are read by Qt's image readers (a TIFF frame by
jumping to it; JPEG decodes straight at a reduced size); PDF pages are
rendered by pypdfium2 at the scale asked for.  A page is decoded at a
*level*: a power-of-two fraction of its full size, the smallest one at least
as sharp as the view needs.  :class:`ImageCache` keeps decoded levels on the
GUI thread within a byte budget, so paging through a long issue keeps memory
bounded; :class:`FileBytes` keeps the bytes of the last few files a worker
read, so the pages of one PDF or TIFF do not read the file again.
"""

from __future__ import annotations

import math
import os
import tempfile
import threading
from collections import OrderedDict
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QSize
from PySide6.QtGui import QImage, QImageReader, QImageWriter, QTransform

from reader.core.errors import JiaokanError
from reader.core.exif_orientation import jpeg_orientation
from reader.core.scan_formats import JPEG, PDF

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from reader.services.pages import PageSource

MIN_LEVEL = 1 / 64
CACHE_BYTES = 192 << 20
"""Decoded page images kept for quick return, at most (bytes of pixels)."""

QImageReader.setAllocationLimit(2048)  # megabytes: a 600 dpi A3 page is about 280 MB decoded


def load_image_plugins() -> None:
    """Load Qt's PNG, JPEG and TIFF readers on the GUI thread, once, before any worker decodes.

    A plugin loaded for the first time on a worker holds Qt's plugin-loader
    lock while the GUI thread may want it too (for an icon, say); loading them
    here first keeps the workers from ever taking that lock for long.
    """
    for name in (b"png", b"jpeg", b"tiff"):
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.ReadWrite)
        QImageWriter(buffer, QByteArray(name)).write(QImage(1, 1, QImage.Format.Format_RGB32))
        buffer.seek(0)
        QImageReader(buffer, QByteArray(name)).read()


def orientation_of(source: PageSource) -> int:
    """The EXIF orientation of a page (1–8: how its stored pixels are turned to be seen upright; a phone's
    JPEG photo often says 6 or 8); 1 for any other page."""
    return jpeg_orientation(source.data) if source.media_type == JPEG else 1


def upright_turn(orientation: int) -> QTransform:
    """The turn (and mirror) that shows a page stored with EXIF ``orientation`` upright, as a transform of
    its stored pixels (no translation: a view centres what it shows)."""
    return {
        2: QTransform(-1, 0, 0, 1, 0, 0),
        3: QTransform().rotate(180),
        4: QTransform(1, 0, 0, -1, 0, 0),
        5: QTransform(0, 1, 1, 0, 0, 0),  # (x, y) -> (y, x)
        6: QTransform().rotate(90),  # a quarter clockwise
        7: QTransform(0, -1, -1, 0, 0, 0),  # (x, y) -> (-y, -x)
        8: QTransform().rotate(270),
    }.get(orientation, QTransform())


def upright_image(image: QImage, orientation: int) -> QImage:
    """``image`` (pixels as stored) as the page is seen upright."""
    return image if orientation == 1 else image.transformed(upright_turn(orientation))


class ScanDecodeError(JiaokanError):
    """A page that cannot be drawn: the message names the page and says why."""


def level_for(scale: float) -> float:
    """The decode level for a view showing page pixels at ``scale`` screen pixels each (at most 1)."""
    if scale >= 1:
        return 1.0
    return max(MIN_LEVEL, 2.0 ** math.ceil(math.log2(max(scale, MIN_LEVEL))))


class FileBytes:
    """The bytes of the last few scan files read, shared by the workers (thread-safe)."""

    def __init__(self, keep: int = 2) -> None:
        self._keep = keep
        self._files: OrderedDict[int, bytes] = OrderedDict()
        self._lock = threading.Lock()

    def source(self, session: Session, page_id: int) -> PageSource:
        """The page's source, its file's bytes from here when they were read lately."""
        from db.scan_models import ScanPage
        from reader.services.pages import page_source

        file_id = session.get_one(ScanPage, page_id).file_id
        with self._lock:
            data = self._files.get(file_id)
            if data is not None:
                self._files.move_to_end(file_id)
        source = page_source(session, page_id, data=data)
        with self._lock:
            self._files[file_id] = source.data
            self._files.move_to_end(file_id)
            while len(self._files) > self._keep:
                self._files.popitem(last=False)
        return source


def decode(source: PageSource, level: float, clip: QRect | None = None) -> QImage:
    """The page at ``level`` of its full size (or the part ``clip`` of it, in page pixels, at full size), as
    stored: page pixels and regions are in the stored frame; a view turns the page upright
    (:func:`upright_turn`), a crop to be read or looked at is turned by :func:`decode_upright`."""
    if source.media_type == PDF:
        return _render_pdf(source, level, clip)
    # The reader reads a file, never a QBuffer made here: Qt calls a device's virtual functions while
    # it holds its plugin lock, and those of a Python-made QBuffer wait for the GIL, which the GUI
    # thread may hold while it waits for that lock (to load an icon): a deadlock.
    handle, name = tempfile.mkstemp(prefix="jiaokan-page-")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(source.data)
        reader = QImageReader(name)
        reader.setAutoTransform(False)
        if source.frame and not reader.jumpToImage(source.frame):
            raise ScanDecodeError(
                f"page {source.number}: frame {source.frame + 1} of the file cannot be read"
            )
        if clip is not None:
            reader.setClipRect(clip)
        elif level < 1:
            reader.setScaledSize(_scaled(source, level))
        image = reader.read()
        if image.isNull():
            raise ScanDecodeError(_why_not(source, reader.errorString()))
    finally:
        os.unlink(name)
    if clip is None and level < 1 and image.size() != _scaled(source, level):
        image = image.scaled(_scaled(source, level))
    return image


def decode_upright(source: PageSource, level: float, clip: QRect | None = None) -> QImage:
    """:func:`decode`'s image turned as the page is seen upright (a crop to read with OCR or to show)."""
    return upright_image(decode(source, level, clip), orientation_of(source))


def _why_not(source: PageSource, error: str) -> str:
    """Why a page could not be decoded: too large for Qt's allocation limit (which Qt only logs, saying
    "Unable to read image data" as for a damaged file), or Qt's own reason."""
    megabytes = source.width * source.height * 4 / (1 << 20)  # as 32-bit pixels, as Qt counts them
    if megabytes > QImageReader.allocationLimit():
        return (
            f"page {source.number} is too large to show: {source.width} × {source.height} pixels would take "
            f"{megabytes:,.0f} MB decoded, over the {QImageReader.allocationLimit():,} MB allowed"
        )
    return f"page {source.number} cannot be decoded: {error}"


def _scaled(source: PageSource, level: float) -> QSize:
    return QSize(max(1, round(source.width * level)), max(1, round(source.height * level)))


def _render_pdf(source: PageSource, level: float, clip: QRect | None) -> QImage:
    from reader.core.pdf_pages import render_pdf_page

    rendered = render_pdf_page(source.data, source.frame, 1.0 if clip is not None else level)
    image = QImage(
        rendered.pixels, rendered.width, rendered.height, rendered.stride, QImage.Format.Format_ARGB32
    )
    image = image.copy(clip) if clip is not None else image.copy()  # own the pixels
    return image


class ImageCache:
    """Decoded page images by (page id, level); the least recently used go beyond a byte budget."""

    def __init__(self, budget: int = CACHE_BYTES) -> None:
        self.budget = budget
        self._images: OrderedDict[tuple[int, float], QImage] = OrderedDict()
        self.size = 0

    def get(self, page_id: int, level: float) -> QImage | None:
        """The sharpest image of a page at ``level`` or better, if one is kept."""
        best: tuple[int, float] | None = None
        for key in self._images:
            if key[0] == page_id and key[1] >= level and (best is None or key[1] < best[1]):
                best = key
        if best is None:
            return None
        self._images.move_to_end(best)
        return self._images[best]

    def best(self, page_id: int) -> tuple[QImage, float] | None:
        """The sharpest image kept of a page, with its level (shown while a better one decodes)."""
        keys = [key for key in self._images if key[0] == page_id]
        if not keys:
            return None
        key = max(keys, key=lambda k: k[1])
        return self._images[key], key[1]

    def put(self, page_id: int, level: float, image: QImage) -> None:
        key = (page_id, level)
        if key in self._images:
            self.size -= self._images.pop(key).sizeInBytes()
        self._images[key] = image
        self.size += image.sizeInBytes()
        while self.size > self.budget and len(self._images) > 1:
            _key, dropped = self._images.popitem(last=False)
            self.size -= dropped.sizeInBytes()

    def clear(self) -> None:
        self._images.clear()
        self.size = 0

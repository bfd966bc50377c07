"""PDF pages with pypdfium2: their sizes and renderings (Qt-free).

PDFium is not thread-safe, so every call into it holds one process-wide lock;
a page is rendered at the scale a view asks for and handed over as raw
BGRA/BGRx pixels that the window wraps in an image.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from reader.core.errors import InputError

PDF_DPI = 300
"""Page coordinates of a PDF page: pixels at this resolution (as in :mod:`db.scan_models`)."""

_LOCK = threading.Lock()


@dataclass(frozen=True, slots=True)
class RenderedPage:
    """A rendered page: ``width`` × ``height`` pixels, 4 bytes each (B, G, R, A or x), rows of ``stride``."""

    width: int
    height: int
    stride: int
    pixels: bytes


def _open(source: str | Path, data: bytes) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        text = str(error).lower()
        if "password" in text:
            raise InputError(source, "the PDF is encrypted (password protected)") from None
        raise InputError(source, f"unreadable PDF: {error}") from None


def pdf_page_sizes(source: str | Path, data: bytes) -> tuple[tuple[int, int], ...]:
    """Each page's size in page coordinates (pixels at ``PDF_DPI``); InputError for a bad PDF."""
    with _LOCK:
        document = _open(source, data)
        try:
            sizes = []
            for index in range(len(document)):
                page = document[index]
                width, height = page.get_size()
                page.close()
                sizes.append((round(width * PDF_DPI / 72), round(height * PDF_DPI / 72)))
        finally:
            document.close()
    if not sizes:
        raise InputError(source, "the PDF has no pages")
    return tuple(sizes)


def render_pdf_page(data: bytes, index: int, scale: float) -> RenderedPage:
    """Page ``index`` of a PDF at ``scale`` × its page-coordinate size (1.0: ``PDF_DPI``)."""
    with _LOCK:
        document = _open("PDF", data)
        try:
            page = document[index]
            bitmap = page.render(scale=scale * PDF_DPI / 72, force_bitmap_format=pdfium_c.FPDFBitmap_BGRA)
            try:
                width, height, stride = bitmap.width, bitmap.height, bitmap.stride
                pixels = bytes(bitmap.buffer)
            finally:
                bitmap.close()
                page.close()
        finally:
            document.close()
    return RenderedPage(width, height, stride, pixels)


__all__ = ["PDF_DPI", "RenderedPage", "pdf_page_sizes", "render_pdf_page"]

"""Cancel stops the processes reading pages at once: none is left reading a page nobody will see.

Before, a cancelled import left its workers to finish the pages they had begun
(seconds of both cores each, on a 2-core machine), so an import started right
after a Cancel shared the cores with the ghosts of the last one.
"""

from __future__ import annotations

import multiprocessing
import time
from pathlib import Path

import pytest

from reader.core.ocr import ocr_available
from reader.core.scan_formats import PNG
from reader.services.import_ocr import PageOfFile, read_pages
from tests.newspaper_pages import save_page_images
from tests.test_ocr_import import newspaper_stories

needs_ocr = pytest.mark.skipif(
    not ocr_available(), reason='the OCR extra is not installed (pip install -e ".[test,ocr]")'
)


@pytest.mark.ocr
@needs_ocr
def test_cancel_stops_the_workers_reading_pages(qapp: object, tmp_path: Path) -> None:
    pages = [PageOfFile(path, 0, PNG) for path in save_page_images(newspaper_stories(), tmp_path / "第7期")]
    started = time.monotonic()
    seen: list[int] = []

    def cancelled() -> bool:  # once both workers are at their first page
        return time.monotonic() - started > 3.0 and not seen

    assert read_pages(pages, workers=2, progress=seen.append, cancelled=cancelled) is None
    assert not seen  # cancelled while the pages were being read
    assert multiprocessing.active_children() == []

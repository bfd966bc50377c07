"""Cancel stops the processes reading pages at once: none is left reading a page nobody will see.

Before, a cancelled import left its workers to finish the pages they had begun
(seconds of both cores each, on a 2-core machine), so an import started right
after a Cancel shared the cores with the ghosts of the last one.
"""

from __future__ import annotations

import multiprocessing
import signal
import time
from pathlib import Path

import pytest

from reader.core.errors import InputError
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


@pytest.mark.ocr
@needs_ocr
def test_an_interrupt_stops_the_workers_without_waiting_for_their_pages(qapp: object, tmp_path: Path) -> None:
    """Ctrl-C (a KeyboardInterrupt in the reading thread) ends the workers where they are."""
    paths = save_page_images(newspaper_stories(), tmp_path / "第8期")
    pages = [PageOfFile(path, 0, PNG) for path in [*paths, *paths]]  # more pages than workers
    workers: list[multiprocessing.process.BaseProcess] = []

    def interrupt(_done: int) -> None:
        workers.extend(multiprocessing.active_children())
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        read_pages(pages, workers=2, progress=interrupt)
    assert len(workers) == 2
    assert multiprocessing.active_children() == []
    assert all(worker.exitcode == -signal.SIGTERM for worker in workers)  # ended, not let finish


@pytest.mark.ocr
@needs_ocr
def test_a_page_that_cannot_be_decoded_stops_the_reading_at_once(qapp: object, tmp_path: Path) -> None:
    """The issue is refused by its first bad page: the pages after it are not read for nothing."""
    paths = save_page_images(newspaper_stories(), tmp_path / "第9期")
    broken = bytearray(paths[0].read_bytes())
    at = broken.find(b"IDAT")
    broken[at + 100 : at + 400] = bytes(300)  # the header and IEND intact: only decoding finds it
    (tmp_path / "broken.png").write_bytes(broken)
    pages = [PageOfFile(tmp_path / "broken.png", 0, PNG), *(PageOfFile(p, 0, PNG) for p in paths * 2)]
    workers: dict[int | None, multiprocessing.process.BaseProcess] = {}

    def watch() -> bool:
        workers.update((child.pid, child) for child in multiprocessing.active_children())
        return False

    seen: list[int] = []
    with pytest.raises(InputError) as refused:
        read_pages(pages, workers=2, progress=seen.append, cancelled=watch)
    assert refused.value.source.endswith("broken.png") and "could not be decoded" in refused.value.reason
    assert not seen
    assert multiprocessing.active_children() == []
    assert workers and all(w.exitcode == -signal.SIGTERM for w in workers.values())  # not let finish

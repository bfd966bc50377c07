"""Page scans: time to show a page in the scan pane, memory while paging, OCR of a rendered column.

    python bench/scans_bench.py [--pages 100] [--skip-ocr]

Builds everything in a temporary folder: a library with the sample issue, a
600 dpi A3 page (7016 × 9921, grayscale PNG) and PDFs of corpus text rendered
by Qt.  The figures come from the real window (offscreen): the time from
asking the scan pane for a page until its image is on screen, first (read
from the library and decoded on a worker) and again (from the pane's cache);
the process's RSS while paging through every page of a long PDF; and, with the
``[ocr]`` extra, the time and character accuracy of reading a rendered column.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _wait(app: object, done: object, timeout: float = 120.0) -> float:
    """Process events until ``done()``; the seconds it took."""
    from PySide6.QtWidgets import QApplication

    assert isinstance(app, QApplication)
    start = time.perf_counter()
    while not done():  # type: ignore[operator]
        app.processEvents()
        time.sleep(0.001)
        if time.perf_counter() - start > timeout:
            raise TimeoutError("the page did not show")
    return time.perf_counter() - start


def _a3_page(path: Path) -> Path:
    from PySide6.QtCore import QRect, Qt
    from PySide6.QtGui import QColor, QImage, QPainter

    from tests.scan_support import cjk_font, corpus_lines

    image = QImage(7016, 9921, QImage.Format.Format_Grayscale8)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setFont(cjk_font(80))
    painter.setPen(QColor("black"))
    for column in range(4):
        for row, line in enumerate(corpus_lines(60, width=18)):
            box = QRect(200 + column * 1680, 300 + row * 155, 1600, 150)
            painter.drawText(box, int(Qt.AlignmentFlag.AlignLeft), line)
    painter.end()
    image.save(str(path))
    return path


def _show_times(app: object, window: object, pane: object, page_index: int) -> tuple[float, float]:
    """Seconds until page ``page_index`` shows: first (not cached), then again after another page."""
    from reader.gui.scan_pane import ScanPane

    assert isinstance(pane, ScanPane)
    pane.cache.clear()
    pane.files = type(pane.files)()
    shown: list[int] = []
    pane.image_shown.connect(lambda page_id, _level: shown.append(page_id))
    page_id = pane.pages[page_index].id
    other = 0 if page_index else 1
    start = time.perf_counter()
    pane.go_to(page_index)
    _wait(app, lambda: page_id in shown)
    first = time.perf_counter() - start
    pane.go_to(other)
    _wait(app, lambda: pane.view.level > 0)
    shown.clear()
    start = time.perf_counter()
    pane.go_to(page_index)
    again = time.perf_counter() - start if pane.view.level > 0 else _wait(app, lambda: page_id in shown)
    return first, again


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--pages", type=int, default=100, help="pages of the long PDF paged through")
    parser.add_argument("--skip-ocr", action="store_true")
    args = parser.parse_args()

    import psutil
    from PySide6.QtWidgets import QApplication

    from db.opening import open_library
    from reader.services.importing import import_files
    from reader.services.pages import attach_files
    from tests.conftest import SAMPLE_ISSUE
    from tests.scan_support import corpus_lines, save_pdf

    app = QApplication(sys.argv)
    process = psutil.Process()
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        os.environ["JIAOKAN_DATA_DIR"] = str(work / "data")
        started = time.perf_counter()
        a3 = _a3_page(work / "a3-600dpi.png")
        pdf20 = save_pdf(work / "twenty.pdf", [corpus_lines(40, 30)[n : n + 30] for n in range(20)])
        long_pdf = save_pdf(
            work / "long.pdf", [corpus_lines(40, 30)[n % 10 : n % 10 + 30] for n in range(args.pages)]
        )
        sizes = [f.stat().st_size / 1e6 for f in (a3, pdf20, long_pdf)]
        print(
            f"made the scans in {time.perf_counter() - started:.1f} s: A3 PNG {sizes[0]:.1f} MB, "
            f"20-page PDF {sizes[1]:.1f} MB, {args.pages}-page PDF {sizes[2]:.1f} MB"
        )
        path = work / "library.sqlite3"
        library = open_library(path)
        with library.write_session() as session:
            issue = import_files(session, [SAMPLE_ISSUE]).imported[0].issue_id
        assert issue is not None
        start = time.perf_counter()
        with library.writing() as session:
            report = attach_files(session, issue, [a3, pdf20, long_pdf])
        assert not report.failed, report.failed
        attach_time = time.perf_counter() - start
        library.close()
        print(
            f"attached {report.pages} pages in {attach_time:.2f} s; "
            f"library {path.stat().st_size / 1e6:.1f} MB"
        )

        from reader.gui.main_window import MainWindow
        from reader.gui.scan_pane import ScanPane

        window = MainWindow(path)
        window.resize(1600, 1000)
        window.show()
        loaded: list[bool] = []
        window.library_loaded.connect(lambda: loaded.append(True))
        window.open_library()
        _wait(app, lambda: loaded)
        pane = window.scan_dock.widget()
        assert isinstance(pane, ScanPane)
        window.scan_dock.show()
        window.scan_dock.setFloating(True)
        window.scan_dock.resize(1000, 1400)
        app.processEvents()
        window.navigator.open_issue(issue)
        _wait(app, lambda: len(pane.pages) == report.pages)
        print(f"scan view {pane.view.viewport().width()} × {pane.view.viewport().height()} px, fit width")
        for label, index in (("600 dpi A3 PNG", 0), ("20-page PDF, page 10", 10)):
            first, again = _show_times(app, window, pane, index)
            print(
                f"{label:24} first view {first * 1000:7.0f} ms   cached {again * 1000:6.1f} ms   "
                f"(level {pane.view.level:g})"
            )
        base = 21
        rss = [process.memory_info().rss]
        start = time.perf_counter()
        for index in range(base, base + args.pages):
            pane.go_to(index)
            page_id = pane.pages[index].id
            _wait(
                app,
                lambda page_id=page_id: (
                    pane.cache.get(page_id, pane.view.level or 1) is not None and pane.view.level > 0
                ),
            )
            rss.append(process.memory_info().rss)
        elapsed = time.perf_counter() - start
        print(
            f"paging through {args.pages} PDF pages: {elapsed / args.pages * 1000:.0f} ms a page; RSS "
            f"start {rss[0] / 1e6:.0f} MB, peak {max(rss) / 1e6:.0f} MB, end {rss[-1] / 1e6:.0f} MB; "
            f"image cache {pane.cache.size / 1e6:.0f} MB (bound {pane.cache.budget / 1e6:.0f} MB)"
        )
        window.close()
        app.processEvents()

    if args.skip_ocr:
        return 0
    from reader.core.ocr import ocr_available

    if not ocr_available():
        print('OCR: skipped, the extra is not installed (pip install -e ".[ocr]")')
        return 0
    _ocr_figures()
    return 0


def _ocr_figures() -> None:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QImageWriter

    from reader.core.ocr import OcrEngine
    from reader.core.rereading import character_accuracy
    from tests.scan_support import LINE_PX, MARGIN, corpus_lines, page_image

    lines = corpus_lines(20, width=16)
    image = page_image(lines, width=16 * 36 + 2 * MARGIN + 20, height=2 * MARGIN + LINE_PX * len(lines))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.ReadWrite)
    QImageWriter(buffer, QByteArray(b"png")).write(image)
    engine = OcrEngine.shared()
    start = time.perf_counter()
    engine.read(bytes(buffer.data().data()))
    cold = time.perf_counter() - start
    start = time.perf_counter()
    reading = engine.read(bytes(buffer.data().data()))
    warm = time.perf_counter() - start
    expected = "".join(lines)
    accuracy = character_accuracy(expected, reading.text)
    print(
        f"OCR of a rendered column ({len(lines)} lines, {len(expected)} characters, {image.width()} × "
        f"{image.height()} px): {cold:.2f} s with loading the model, {warm:.2f} s after; "
        f"character accuracy {accuracy:.1%}"
    )


if __name__ == "__main__":
    raise SystemExit(main())

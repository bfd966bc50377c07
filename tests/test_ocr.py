"""Re-reading a rendered line with the PP-OCR model of the ``[ocr]`` extra, and the comparison helpers."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QImageWriter

from reader.core.ocr import OcrEngine, ocr_available
from reader.core.rereading import align, character_accuracy, differences, edit_distance
from tests.scan_support import corpus_lines, line_box, page_image

needs_ocr = pytest.mark.skipif(
    not ocr_available(), reason='the OCR extra is not installed (pip install -e ".[test,ocr]")'
)


def test_a_reading_is_aligned_with_the_stretch_of_the_block_it_covers() -> None:
    stored = "近日,街道书记工作室举办第二季活动。活动主要是聚焦当前社区热点。"
    reading = "活动主要是聚售当前社区热点"
    start, end = align(stored, reading)
    assert stored[start:end] == "活动主要是聚焦当前社区热点"
    comparison = differences(stored, reading)
    [hunk] = comparison.changes
    assert (stored[hunk.orig_start : hunk.orig_end], hunk.old, hunk.new) == ("焦", "焦", "售")
    assert edit_distance("社区热点", "社区热站") == 1
    assert character_accuracy("社区热点", "社区热站") == pytest.approx(0.75)
    assert differences(stored, stored[5:12]).changes == ()


@pytest.mark.ocr
@needs_ocr
def test_a_rendered_line_is_read_back(qapp: object, record_property: pytest.RecordProperty) -> None:
    lines = corpus_lines(4, width=20)
    image = page_image(lines).copy(line_box(1))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.ReadWrite)
    QImageWriter(buffer, QByteArray(b"png")).write(image)
    reading = OcrEngine.shared().read(bytes(buffer.data().data()))
    accuracy = character_accuracy(lines[1], reading.text)
    record_property("character_accuracy", round(accuracy, 4))
    print(f"character accuracy of one rendered line: {accuracy:.1%} ({reading.text!r} for {lines[1]!r})")
    # the model's known confusions are half-width and full-width punctuation and the odd rare glyph
    assert accuracy >= 0.9, (reading.text, lines[1])
    assert reading.lines and all(0 < line.confidence <= 1 for line in reading.lines)

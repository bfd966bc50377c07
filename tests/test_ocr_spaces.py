"""Spaces the model left out come back from the gaps between its word boxes, not after a full-width mark."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, Qt
from PySide6.QtGui import QColor, QImage, QImageWriter, QPainter

from reader.core.ocr import OcrEngine, ocr_available, restore_spaces
from tests.scan_support import cjk_font

PITCH = 30


def _boxes(starts: list[int], widths: list[int]) -> list[list[list[int]]]:
    return [[[x, 0], [x + w, 0], [x + w, PITCH], [x, PITCH]] for x, w in zip(starts, widths, strict=True)]


def test_a_wide_gap_between_words_is_a_space() -> None:
    words = ["报", "讯", "星", "期"]
    text, confidences = restore_spaces(_boxes([0, 30, 90, 120], [30] * 4), words, [0.9] * 4, vertical=False)
    assert text == "报讯 星期"
    assert confidences == (0.9, 0.9, 1.0, 0.9, 0.9)


def test_the_white_of_a_full_width_mark_is_no_space() -> None:
    # ， is set at the left of its cell: the box the model gives ends at the mark, the cell's white follows
    words = ["午", "，", "江", "城"]
    boxes = _boxes([0, 30, 78, 108], [30, 8, 30, 30])
    text, _ = restore_spaces(boxes, words, [0.99] * 4, vertical=False)
    assert text == "午，江城"
    words = ["看", "《", "书"]  # 《 is set at the right of its cell
    text, _ = restore_spaces(_boxes([0, 52, 60], [30, 8, 30]), words, [0.99] * 3, vertical=False)
    assert text == "看《书"


needs_ocr = pytest.mark.skipif(
    not ocr_available(), reason='the OCR extra is not installed (pip install -e ".[test,ocr]")'
)


@pytest.mark.ocr
@needs_ocr
def test_a_rendered_line_with_full_width_commas_is_read_without_spaces(qapp: object) -> None:
    line = "本报讯3月12日上午，江城街道在文化中心举行植树活动，居民参加。"
    image = QImage(1200, 80, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setFont(cjk_font(28))
    painter.setPen(QColor("black"))
    painter.drawText(QRect(20, 0, 1180, 80), int(Qt.AlignmentFlag.AlignVCenter), line)
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.ReadWrite)
    QImageWriter(buffer, QByteArray(b"png")).write(image)
    import cv2
    import numpy

    pixels = cv2.imdecode(numpy.frombuffer(bytes(buffer.data().data()), numpy.uint8), cv2.IMREAD_COLOR)
    [read] = OcrEngine.shared().read_bgr(pixels)
    assert "，" in read.text and " " not in read.text, read.text

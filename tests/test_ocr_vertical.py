"""Vertical text through the model: a page set top to bottom in columns right to left by Qt, read by OCR.

PP-OCR's detector finds the columns as tall boxes and its recogniser turns
such a crop before reading it, so no rotation is needed here; the layout
reads the columns right to left, the title column (set larger) first.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from reader.core.ocr import ocr_available
from reader.core.page_layout import Role, lay_out_page
from reader.core.page_layout_text import compose_text
from reader.core.page_reading import PageJob, read_page
from reader.core.rereading import edit_distance
from tests.scan_support import cjk_font, corpus_lines

pytestmark = [
    pytest.mark.ocr,
    pytest.mark.skipif(
        not ocr_available(), reason='the OCR extra is not installed (pip install -e ".[ocr]")'
    ),
]

TITLE = "社区举办垃圾分类宣传活动"
BODY_PX = 30
COLUMN_STEP = 54  # column to column: a little less than a character of white between them


def _set_column(painter: QPainter, text: str, x: int, y: int, size: int) -> None:
    painter.setFont(cjk_font(size))
    for row, char in enumerate(text):
        box = QRect(x, y + row * round(size * 1.15), size + 8, size + 8)
        painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), char)


def _vertical_page(path: Path, columns: list[str]) -> Path:
    image = QImage(900, 700, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setPen(QColor("black"))
    _set_column(painter, TITLE, 810, 40, 44)
    for number, text in enumerate(columns):
        _set_column(painter, text, 730 - number * COLUMN_STEP, 60, BODY_PX)
    painter.end()
    assert image.save(str(path))
    return path


def test_a_page_of_vertical_text_is_read_through_the_model_in_columns_right_to_left(
    qapp: object, tmp_path: Path
) -> None:
    columns = corpus_lines(6, 14)
    page = read_page(PageJob(str(_vertical_page(tmp_path / "竖排.png", columns)), 0, "image/png"))
    assert len(page.lines) == 7 and all(line.vertical for line in page.lines)
    layout = lay_out_page(page)
    assert layout.blocks[0].role is Role.HEADLINE
    read = [line.text for block in layout.blocks for line in block.lines]
    assert read[0] == TITLE
    # each column read where it is, right to left (the model misreads some punctuation set upright)
    for want, got in zip(columns, read[1:], strict=True):
        assert edit_distance(want, got) <= 3, (want, got)
    text = "".join(compose_text([layout]).text.split())
    want = TITLE + "".join(columns)
    assert edit_distance(want, text) / len(want) <= 0.12

"""A poor scan read through OCR: low resolution and a slight tilt, so the model's line boxes overlap.

The newspaper pages of ``tests/newspaper_pages.py`` are scaled down to 60 %
and turned by 0.7°, as a quick phone photo or a cheap flatbed gives them; the
layout must still join each column's lines into paragraphs, and the import
must give the text import's articles, titles and paragraphs.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPainter, QTransform

from db.engine import Library
from tests.newspaper_pages import save_page_images
from tests.test_ocr_import import assert_read_as_the_text, needs_ocr, newspaper_stories


def _degrade(path: Path, scale: float = 0.6, degrees: float = 0.7) -> None:
    page = QImage(str(path))
    small = page.scaledToWidth(round(page.width() * scale), Qt.TransformationMode.SmoothTransformation)
    turned = small.transformed(QTransform().rotate(degrees), Qt.TransformationMode.SmoothTransformation)
    out = QImage(turned.size(), QImage.Format.Format_RGB32)
    out.fill(QColor("white"))
    painter = QPainter(out)
    painter.drawImage(0, 0, turned)
    painter.end()
    assert out.save(str(path))


@pytest.mark.ocr
@needs_ocr
def test_a_small_tilted_scan_gives_the_articles_and_paragraphs_of_the_text(
    qapp: object, library: Library, tmp_path: Path
) -> None:
    stories = newspaper_stories()
    folder = tmp_path / "第9期"
    for path in save_page_images(stories, folder):
        _degrade(path)
    assert_read_as_the_text(library, folder, stories, title_cer=0.2)

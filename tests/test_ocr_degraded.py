"""A poor scan read through OCR: low resolution and a slight tilt, so the model's line boxes overlap.

The newspaper pages of ``tests/newspaper_pages.py`` are scaled down to 60 %
and turned by 0.7°, as a quick phone photo or a cheap flatbed gives them; the
layout must still join each column's lines into paragraphs and read the
masthead first, and the import must give the text import's articles.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPainter, QTransform
from sqlalchemy import select

from db.engine import Library
from db.models import Article
from reader.core.ocr import ocr_available
from reader.core.ocr_inputs import split_scan_inputs
from reader.core.segment import segment
from reader.services.import_ocr import import_scan_groups
from reader.services.importing import Outcome
from tests.newspaper_pages import save_page_images, story_text
from tests.test_ocr_import import cer, newspaper_stories

needs_ocr = pytest.mark.skipif(
    not ocr_available(), reason='the OCR extra is not installed (pip install -e ".[test,ocr]")'
)


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
    _texts, groups = split_scan_inputs([folder])
    with library.write_session() as session:
        [result] = import_scan_groups(session, groups, workers=2)
    assert result.outcome is Outcome.IMPORTED, result.message
    expected = segment(story_text(stories)).articles
    with library.session() as session:
        articles = list(
            session.scalars(
                select(Article).where(Article.issue_id == result.issue_id).order_by(Article.position)
            )
        )
        read = [
            (
                a.title or "",
                [b.text for b in sorted(a.blocks, key=lambda b: b.position) if b.role == "paragraph"],
            )
            for a in articles
        ]
    assert len(read) == len(expected), [title for title, _ in read]
    for want, (title, paragraphs) in zip(expected, read, strict=True):
        assert cer(want.title or "", title) <= 0.2, (want.title, title)
        wanted = [b.text for b in want.blocks if b.role.value == "paragraph"]
        assert len(paragraphs) == len(wanted), (title, paragraphs)

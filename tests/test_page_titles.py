"""Article boundaries from the page: a headline set as large as a story's title opens a new story.

The text alone takes a lone line between paragraphs for a subheading unless
the paragraph under it opens like news (``近日，…``).  On a page the size
says more: a subheading is set smaller than its article's headline, while the
next story's headline is set as large as the first one's.  Pages here are laid
out from boxes (the layout and the segmenter, no model); the last test renders
such a page with Qt and reads it through the OCR model.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.ocr import ocr_available
from reader.core.page_layout import PageLine, PageRead, lay_out_page
from reader.core.page_layout_text import compose_text
from reader.core.segment import segment
from reader.core.segment.geometry import LineLook

FIRST = (
    "老街坊共建邻里花园",
    "东湖街道幸福里社区的居民们利用周末时间，把小区里一块闲置多年的空地改造成了邻里花园。"
    "改造方案由居民议事会讨论三次后确定，所需苗木由辖区企业捐赠。",
)
SECOND = (
    "图书馆推出夜间借阅服务",  # its paragraph does not open like news (it says when only later)
    "为方便上班族借书，区图书馆从本月起将开放时间延长至晚上九点，并增加自助借还设备。"
    "读者们说，下班后终于可以带孩子来看书了。",
)
BODY = 30  # px per character of body text
COLUMN_CHARS = 20
GUTTER = 60


def _story(title: str, body: str, top: int, title_px: int, lines: list[PageLine]) -> int:
    """Set a story at ``top``: its title across two columns, its body over the two; returns the next top."""
    span = 2 * COLUMN_CHARS * BODY + GUTTER
    lines.append(
        PageLine(
            title, (40 + (span - title_px * len(title)) // 2, top, title_px * len(title), title_px), 0.99
        )
    )
    rows = [body[i : i + COLUMN_CHARS] for i in range(0, len(body), COLUMN_CHARS)]
    half = (len(rows) + 1) // 2
    y0 = top + title_px + 40
    for column, part in enumerate((rows[:half], rows[half:])):
        x = 40 + column * (COLUMN_CHARS * BODY + GUTTER)
        for row, text in enumerate(part):
            lines.append(PageLine(text, (x, y0 + row * 46, BODY * len(text), 34), 0.99))
    return y0 + half * 46 + 60


def _page(second_title_px: int, first_title_px: int = 52) -> PageRead:
    lines: list[PageLine] = []
    top = _story(*FIRST, 40, first_title_px, lines)
    _story(*SECOND, top, second_title_px, lines)
    return PageRead(1500, 1200, tuple(lines))


def _segmented(page: PageRead) -> tuple[list[str | None], list[list[str]]]:
    composed = compose_text([lay_out_page(page)])
    geometry = {line.start: LineLook(line.role.value, line.size) for line in composed.lines}
    parsed = segment(composed.text, geometry)
    return [a.title for a in parsed.articles], [[b.role.value for b in a.blocks] for a in parsed.articles]


def test_a_headline_set_as_large_as_the_first_opens_a_new_story_where_the_text_reads_a_subheading() -> None:
    titles, _roles = _segmented(_page(52))
    assert titles == [FIRST[0], SECOND[0]]
    # the same text without the page and without 从本月起 (a time in the lead's first clause reads as
    # a story's lead): one story, the second headline a subheading
    composed = compose_text([lay_out_page(_page(52))])
    text_only = segment(composed.text.replace("从本月起", ""))
    assert [a.title for a in text_only.articles] == [FIRST[0]]
    assert "subheading" in [b.role.value for b in text_only.articles[0].blocks]


def test_a_heading_set_clearly_smaller_than_its_articles_headline_stays_a_subheading() -> None:
    composed = compose_text([lay_out_page(_page(50, 72))])
    assert [
        line.role.value for line in composed.lines if composed.text[line.start : line.end] == SECOND[0]
    ] == ["headline"]
    # 50 px: a headline by the layout's measure (1.4 × the body line or more), but well under the title's 72
    titles, roles = _segmented(_page(50, 72))
    assert titles == [FIRST[0]]
    assert roles[0].count("subheading") == 1


needs_ocr = pytest.mark.skipif(
    not ocr_available(), reason='the OCR extra is not installed (pip install -e ".[test,ocr]")'
)


@pytest.mark.ocr
@needs_ocr
def test_two_stories_rendered_on_a_page_and_read_by_the_model_are_two_articles(
    qapp: object, tmp_path: Path
) -> None:
    from PySide6.QtCore import QRect, Qt
    from PySide6.QtGui import QColor, QImage, QPainter

    from reader.core.page_reading import PageJob, read_page
    from tests.scan_support import cjk_font

    image = QImage(1500, 1200, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    try:
        for line in _page(52).lines:
            x, y, w, h = line.box
            painter.setFont(cjk_font(h if h > 40 else BODY))
            painter.drawText(QRect(x, y, w + h, h + 12), Qt.AlignmentFlag.AlignLeft, line.text)
    finally:
        painter.end()
    path = tmp_path / "page.png"
    assert image.save(str(path))
    read = read_page(PageJob(str(path), 0, "image/png"))
    titles, _roles = _segmented(read)
    assert len(titles) == 2, titles

"""A phone photo stored sideways (its EXIF orientation says how to turn it) is shown upright: the page,
its thumbnail and the crops read again or shown for review; regions and rectangles stay in stored pixels."""

from __future__ import annotations

import struct
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPoint, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from db.engine import Library
from db.models import Article
from reader.core.exif_orientation import upright
from reader.core.scan_formats import JPEG
from reader.gui.main_window import MainWindow
from reader.gui.scan_images import decode, decode_upright, orientation_of
from reader.gui.scan_pane import ScanPane
from reader.gui.scan_view import Fit
from reader.services.importing import ImportReport
from reader.services.page_regions import article_regions
from reader.services.pages import PageSource, attach_files
from tests.gui.conftest import show_article

pytestmark = [pytest.mark.gui]

W, H = 1000, 700  # the photo as stored: landscape; seen upright (orientation 6) it is a portrait page
RED = QRect(60, 10, 300, 150)  # near the stored top-left corner
BLUE = QRect(700, 500, 250, 150)  # near the stored bottom-right corner


def _photo(orientation: int, width: int = W, height: int = H) -> bytes:
    """A JPEG of a white page with a red and a blue block, its EXIF saying ``orientation``."""
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.fillRect(RED, QColor(255, 0, 0))
    painter.fillRect(BLUE, QColor(0, 0, 255))
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert image.save(buffer, "JPG", 95)
    jpeg = bytes(QByteArray(buffer.data()).data())
    entry = struct.pack(">HHIHH", 0x0112, 3, 1, orientation, 0)
    tiff = b"MM\x00*" + struct.pack(">IH", 8, 1) + entry + b"\x00\x00\x00\x00"
    app1 = b"Exif\x00\x00" + tiff
    return jpeg[:2] + b"\xff\xe1" + struct.pack(">H", len(app1) + 2) + app1 + jpeg[2:]


def _source(data: bytes) -> PageSource:
    return PageSource(1, 1, 1, JPEG, 0, W, H, data)


def _colour(image: QImage, x: int, y: int) -> str:
    c = image.pixelColor(x, y)
    return "red" if c.red() > 200 > c.blue() + 80 else "blue" if c.blue() > 200 > c.red() + 80 else "other"


@pytest.mark.parametrize("orientation", range(1, 9))
def test_a_crop_is_turned_as_the_page_is_seen(qapp: object, orientation: int) -> None:
    numpy = pytest.importorskip("numpy", reason="numpy comes with the OCR extra")
    source = _source(_photo(orientation))
    assert orientation_of(source) == orientation
    stored = decode(source, 1.0)
    assert (stored.width(), stored.height()) == (W, H)  # page pixels stay as stored
    mask = numpy.zeros((H, W), dtype=numpy.uint8)
    mask[RED.y() : RED.y() + RED.height(), RED.x() : RED.x() + RED.width()] = 1
    seen = upright(mask, orientation)  # where the OCR, which reads the page upright, sees the red block
    rows, columns = numpy.nonzero(seen)
    shown = decode_upright(source, 1.0)
    assert (shown.height(), shown.width()) == seen.shape
    assert _colour(shown, int(columns.mean()), int(rows.mean())) == "red"
    assert _colour(shown, int(columns.min()) + 3, int(rows.min()) + 3) == "red"
    assert _colour(shown, int(columns.max()) - 3, int(rows.max()) - 3) == "red"
    crop = decode_upright(source, 1.0, RED)  # a region's crop, read again or shown for review
    transposed = orientation >= 5
    assert (crop.width(), crop.height()) == ((150, 300) if transposed else (300, 150))


def test_a_png_or_a_photo_without_exif_is_shown_as_stored(qapp: object) -> None:
    assert orientation_of(PageSource(1, 1, 1, "image/png", 0, W, H, b"\x89PNG")) == 1
    source = _source(_photo(1))
    assert orientation_of(source) == 1
    assert decode_upright(source, 1.0).size() == decode(source, 1.0).size()


@pytest.fixture
def window(
    gui_library: Library,
    import_into: Callable[[Library, list[Path]], ImportReport],
    sample_issue: Path,
    open_window: Callable[..., MainWindow],
    tmp_path: Path,
) -> MainWindow:
    import_into(gui_library, [sample_issue])
    photo = tmp_path / "page1.jpg"
    photo.write_bytes(_photo(6))  # stored lying on its left side: turn a quarter clockwise
    with gui_library.writing() as session:
        report = attach_files(session, 1, [photo])
    assert not report.failed
    return open_window()


def _shown(qtbot: QtBot, window: MainWindow, library: Library) -> ScanPane:
    pane = window.scan_dock.widget()
    assert isinstance(pane, ScanPane)
    window.scan_dock.show()
    window.scan_dock.raise_()
    with library.session() as session:
        article = session.scalars(select(Article.id).order_by(Article.position)).first()
    assert article is not None
    with qtbot.waitSignal(pane.article_loaded, timeout=10_000):
        show_article(qtbot, window, 1, article)
    qtbot.waitUntil(lambda: pane.view.level > 0 and pane.view.orientation == 6, timeout=10_000)
    pane.view.set_fit(Fit.PAGE)
    return pane


def _centre(pane: ScanPane, rect: QRect) -> QPoint:
    return pane.view.mapFromScene(QRectF(rect).center())


def test_a_sideways_photo_is_shown_upright_with_its_thumbnail(
    qtbot: QtBot, window: MainWindow, gui_library: Library
) -> None:
    pane = _shown(qtbot, window, gui_library)
    on_screen = pane.view.transform().mapRect(QRectF(0, 0, W, H))
    assert on_screen.height() > on_screen.width()  # a portrait page, as printed
    red, blue = _centre(pane, RED), _centre(pane, BLUE)
    # turned a quarter clockwise: the stored top-left is the page's top-right
    assert red.x() > blue.x() and red.y() < blue.y()
    grabbed = pane.view.viewport().grab().toImage()
    ratio = grabbed.width() / pane.view.viewport().width()
    assert _colour(grabbed, round(red.x() * ratio), round(red.y() * ratio)) == "red"
    assert _colour(grabbed, round(blue.x() * ratio), round(blue.y() * ratio)) == "blue"
    # the reader's own turn comes on top of the photo's, and fitting the page counts both
    pane.view.rotate_by(90)
    turned = pane.view.transform().mapRect(QRectF(0, 0, W, H))
    assert turned.width() > turned.height()
    pane.view.rotate_by(-90)
    item = pane.thumbnails.item(0)
    qtbot.waitUntil(lambda: not item.icon().isNull(), timeout=10_000)
    size = item.icon().availableSizes()[0]
    assert size.height() > size.width()


def test_a_rectangle_drawn_on_the_upright_page_is_a_region_in_stored_pixels(
    qtbot: QtBot, window: MainWindow, gui_library: Library
) -> None:
    pane = _shown(qtbot, window, gui_library)
    pane.view.setFocus()
    qtbot.keyClick(pane.view, Qt.Key.Key_L)
    start = pane.view.mapFromScene(RED.left(), RED.top())  # on screen, the block's top-right corner
    end = pane.view.mapFromScene(RED.right(), RED.bottom())
    viewport = pane.view.viewport()
    with qtbot.waitSignal(pane.page_shown, timeout=10_000):
        qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
        qtbot.mouseMove(viewport, pos=QPoint((start.x() + end.x()) // 2, (start.y() + end.y()) // 2))
        qtbot.mouseMove(viewport, pos=end)
        qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=end)
    with gui_library.session() as session:
        article = session.scalars(select(Article.id).order_by(Article.position)).first()
        assert article is not None
        [region] = article_regions(session, article)
    slack = 2 / pane.view.zoom + 1
    for got, want in zip(
        (region.box.x, region.box.y, region.box.w, region.box.h),
        (RED.x(), RED.y(), RED.width(), RED.height()),
        strict=True,
    ):
        assert abs(got - want) <= slack
    [item] = pane.view.regions()
    drawn = pane.view.mapFromScene(item.sceneBoundingRect().center())
    assert abs(drawn.x() - _centre(pane, RED).x()) <= 2 and abs(drawn.y() - _centre(pane, RED).y()) <= 2

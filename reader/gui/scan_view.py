"""The page of the scan pane: a zoomable, pannable, rotatable view of one page and its regions.

Scene coordinates are page coordinates (pixels of the full-size page), so a
region is drawn where it is stored whatever resolution the image was decoded
at: the image item is scaled up by ``1 / level``.  In link mode a drag draws
a rectangle and ``rectangle_drawn`` carries it (page coordinates); otherwise
a drag pans.  ``wanted_level`` asks for a sharper image when zooming in.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QImage,
    QMouseEvent,
    QPainter,
    QPen,
    QPixmap,
    QResizeEvent,
    QTransform,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPixmapItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsView,
    QWidget,
)

from reader.core.exif_orientation import TRANSPOSED
from reader.gui.scan_images import upright_turn

if TYPE_CHECKING:
    from reader.services.page_regions import RegionRow

ZOOM_STEP = 1.25
MIN_ZOOM = 0.02
MAX_ZOOM = 8.0


class Fit(StrEnum):
    """How the page follows the view's size."""

    WIDTH = "width"
    PAGE = "page"
    NONE = "none"  # a zoom chosen by the reader


class RegionItem(QGraphicsRectItem):
    """A linked region drawn on the page; ``row`` is what it shows."""

    def __init__(self, row: RegionRow, current: bool) -> None:
        box = row.box
        super().__init__(QRectF(box.x, box.y, box.w, box.h))
        self.row = row
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, True)
        self.set_current(current)

    def set_current(self, current: bool) -> None:
        """Outline a region of the open article (strong) or of another one (faint)."""
        self.current = current
        colour = QColor(214, 39, 40) if current else QColor(31, 119, 180)
        pen = QPen(colour, 0 if not current else 3)
        pen.setCosmetic(True)
        self.setPen(pen)
        fill = QColor(colour)
        fill.setAlpha(50 if current else 20)
        self.setBrush(QBrush(fill))
        self.setZValue(2 if current else 1)


class ScanView(QGraphicsView):
    """One page, its image at some level, its regions; zoom, fit, rotate, pan, draw."""

    rectangle_drawn = Signal(QRect)  # page coordinates
    wanted_level = Signal(float)  # screen pixels per page pixel the view shows now
    region_clicked = Signal(object)  # RegionRow

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scanView")
        self.setScene(QGraphicsScene(self))
        self.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setBackgroundBrush(QBrush(QColor(96, 96, 96)))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        # a scroll bar that came and went with the zoom would make "fit width" change its own width
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.page_size = (0, 0)
        self.level = 0.0
        self.zoom = 1.0
        self.rotation = 0  # the reader's own turn, in degrees clockwise
        self.orientation = 1  # the page's EXIF orientation: turned upright before the reader's turn
        self.fit = Fit.WIDTH
        self.link_mode = False
        self._image_item: QGraphicsPixmapItem | None = None
        self._regions: list[RegionItem] = []
        self._rubber: QGraphicsRectItem | None = None
        self._origin: QPointF | None = None

    # the page
    def set_page(self, width: int, height: int, orientation: int = 1) -> None:
        """Show a new page (no image yet): its size in page pixels as stored, and how it is turned to be
        seen upright (its EXIF orientation: regions and the rectangles drawn stay in stored pixels)."""
        self.orientation = orientation
        self.scene().clear()
        self._image_item = None
        self._regions = []
        self._rubber = None
        self.page_size = (width, height)
        self.level = 0.0
        frame = self.scene().addRect(
            QRectF(0, 0, width, height), QPen(Qt.PenStyle.NoPen), QBrush(Qt.GlobalColor.white)
        )
        frame.setZValue(-1)
        self.scene().setSceneRect(QRectF(0, 0, width, height))
        self.apply_fit()

    def clear_page(self) -> None:
        self.scene().clear()
        self._image_item = None
        self._regions = []
        self.page_size = (0, 0)
        self.level = 0.0

    def set_image(self, image: QImage, level: float) -> None:
        """Show the page's image decoded at ``level`` of full size (the pixmap is made on the GUI thread)."""
        if self._image_item is not None:
            self.scene().removeItem(self._image_item)
        item = QGraphicsPixmapItem(QPixmap.fromImage(image))
        item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        item.setScale(1 / level)
        item.setZValue(0)
        self.scene().addItem(item)
        self._image_item = item
        self.level = level

    def set_regions(self, rows: Sequence[RegionRow], current: set[int]) -> None:
        """Draw these regions; those whose ids are in ``current`` stand out."""
        for item in self._regions:
            self.scene().removeItem(item)
        self._regions = [RegionItem(row, row.id in current) for row in rows]
        for item in self._regions:
            self.scene().addItem(item)

    def regions(self) -> list[RegionItem]:
        return list(self._regions)

    def selected_region(self) -> RegionRow | None:
        return next((item.row for item in self._regions if item.isSelected()), None)

    def show_box(self, rect: QRectF) -> None:
        """Scroll so that a rectangle (page coordinates) is in view."""
        self.ensureVisible(rect, 24, 24)

    # zoom, fit, rotation
    def apply_fit(self) -> None:
        width, height = self.page_size
        if not width or not height or self.fit is Fit.NONE:
            self._changed()
            return
        view = self.viewport().size()
        turned = (self.rotation % 180 == 90) != (self.orientation in TRANSPOSED)
        page_w, page_h = (height, width) if turned else (width, height)
        scale = (view.width() - 4) / page_w
        if self.fit is Fit.PAGE:
            scale = min(scale, (view.height() - 4) / page_h)
        self._set_zoom(max(MIN_ZOOM, scale))
        if self.fit is Fit.WIDTH:
            self.verticalScrollBar().setValue(self.verticalScrollBar().minimum())

    def set_fit(self, fit: Fit) -> None:
        self.fit = fit
        self.apply_fit()

    def zoom_by(self, factor: float) -> None:
        self.fit = Fit.NONE
        self._set_zoom(min(MAX_ZOOM, max(MIN_ZOOM, self.zoom * factor)))

    def set_orientation(self, orientation: int) -> None:
        """Turn the page shown upright as its EXIF ``orientation`` says (known once its bytes are read)."""
        if orientation != self.orientation:
            self.orientation = orientation
            self._set_zoom(self.zoom)
            self.apply_fit()

    def rotate_by(self, degrees: int) -> None:
        self.rotation = (self.rotation + degrees) % 360
        self._set_zoom(self.zoom)
        self.apply_fit()

    def _set_zoom(self, zoom: float) -> None:
        self.zoom = zoom
        turn = upright_turn(self.orientation) * QTransform().rotate(self.rotation)
        self.setTransform(turn * QTransform().scale(zoom, zoom))
        self._changed()

    def _changed(self) -> None:
        if self.page_size[0]:
            self.wanted_level.emit(self.zoom * self.devicePixelRatioF())

    # events
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.apply_fit()

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120
            if steps:
                self.zoom_by(ZOOM_STEP**steps)
            event.accept()
            return
        super().wheelEvent(event)

    def set_link_mode(self, on: bool) -> None:
        self.link_mode = on
        self.setDragMode(QGraphicsView.DragMode.NoDrag if on else QGraphicsView.DragMode.ScrollHandDrag)
        self.viewport().setCursor(Qt.CursorShape.CrossCursor if on else Qt.CursorShape.OpenHandCursor)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self.link_mode and event.button() == Qt.MouseButton.LeftButton and self.page_size[0]:
            self._origin = self.mapToScene(event.position().toPoint())
            pen = QPen(QColor(214, 39, 40), 2, Qt.PenStyle.DashLine)
            pen.setCosmetic(True)
            self._rubber = self.scene().addRect(QRectF(self._origin, self._origin), pen)
            self._rubber.setZValue(3)
            event.accept()
            return
        super().mousePressEvent(event)
        item = self.itemAt(event.position().toPoint())
        if isinstance(item, RegionItem):
            self.region_clicked.emit(item.row)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._rubber is not None and self._origin is not None:
            point = self.mapToScene(event.position().toPoint())
            self._rubber.setRect(QRectF(self._origin, point).normalized())
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._rubber is not None:
            rect = self._rubber.rect().toAlignedRect()
            self.scene().removeItem(self._rubber)
            self._rubber = None
            self._origin = None
            event.accept()
            self.rectangle_drawn.emit(rect)
            return
        super().mouseReleaseEvent(event)

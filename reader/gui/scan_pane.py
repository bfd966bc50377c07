"""The scan pane: the printed page beside the text, its thumbnails, and the regions linked to articles.

A dock of the main window.  Opening an article shows the page of its first
region (centred on it); an article without regions opens on the page the
previous article was on.  Pages are decoded on worker threads at the level
the zoom needs (:mod:`reader.gui.scan_images`); the GUI thread only turns
finished images into pixmaps.  In link mode (L) a dragged rectangle is linked
to the open article, or to the block chosen beside the toolbar, as an
undoable step; Delete removes the selected region.  The block under the
cursor of the reading pane or the editor outlines its region.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRect, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QIcon, QImage, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDockWidget,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTextEdit,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from reader.core.listing import NotFoundError
from reader.core.ocr import ocr_available
from reader.gui.scan_actions import ScanActions
from reader.gui.scan_commands import LinkRegionCommand, UnlinkRegionCommand
from reader.gui.scan_images import (
    FileBytes,
    ImageCache,
    decode,
    decode_upright,
    level_for,
    load_image_plugins,
    orientation_of,
)
from reader.gui.scan_reread import reread_selected, unavailable_tip
from reader.gui.scan_view import Fit, ScanView
from reader.gui.tasks import LatestTask, TaskContext, TaskRunner
from reader.gui.workbench import Workbench

if TYPE_CHECKING:
    from reader.gui.edit_commands import Editing
    from reader.services.page_regions import RegionRow
    from reader.services.pages import PageRow

THUMB_SIDE = 96
MIN_VIEW_HEIGHT = 200
"""The page view is never squeezed below this (pixels): a strip of page shows nothing to check against."""
PREVIEW_CHARS = 14


@dataclass(frozen=True, slots=True)
class ArticleScan:
    """What the pane reads for an article: its issue's pages, its regions and its blocks."""

    issue_id: int
    article_id: int | None
    pages: list[PageRow]
    regions: list[RegionRow]
    blocks: list[tuple[int, str, str]]  # id, role, text


@dataclass(frozen=True, slots=True)
class DecodedPage:
    page_id: int
    level: float
    image: QImage
    orientation: int = 1  # the page's EXIF orientation (its stored pixels turned to be seen upright)


def _read_article(issue_id: int, article_id: int | None) -> Callable[[TaskContext], ArticleScan]:
    def work(context: TaskContext) -> ArticleScan:
        from sqlalchemy import select

        from db.models import Block
        from reader.services.page_regions import article_regions
        from reader.services.pages import list_pages

        with context.session() as session:
            pages = list_pages(session, issue_id)
            if article_id is None:
                return ArticleScan(issue_id, None, pages, [], [])
            regions = article_regions(session, article_id)
            query = select(Block.id, Block.role, Block.text).where(Block.article_id == article_id)
            blocks = [(r.id, r.role, r.text) for r in session.execute(query.order_by(Block.position))]
        return ArticleScan(issue_id, article_id, pages, regions, blocks)

    return work


class ScanPane(QWidget):
    """Thumbnails, the page view, its toolbar; follows the article the window shows."""

    page_shown = Signal(int)  # page number, once its regions are drawn
    image_shown = Signal(int, float)  # page id and level of the image now shown
    article_loaded = Signal(object)  # the article id (or None) whose pages and regions are known now
    reread_shown = Signal(object)  # the re-reading dialog, once it shows a reading

    def __init__(self, wb: Workbench, editing: Editing, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scanPane")
        load_image_plugins()
        self._wb = wb
        self.workbench = wb
        self.editing = editing
        self.cache = ImageCache()
        self.files = FileBytes()
        self._orientations: dict[int, int] = {}  # page id -> EXIF orientation, once its bytes were read
        self.issue_id: int | None = None
        self.article_id: int | None = None
        self.pages: list[PageRow] = []
        self.index = -1
        self.regions: list[RegionRow] = []  # of the open article
        self.page_rows: list[RegionRow] = []  # every region of the page shown
        self.blocks: list[tuple[int, str, str]] = []
        self.current_block: int | None = None
        self._article_task = LatestTask(wb.runner, "scan article")
        # decoding has its own two threads, so big pages never hold up the window's other work
        self.decoder = TaskRunner(self, max_threads=2)
        self._image_task = LatestTask(self.decoder, "scan page")
        self._regions_task = LatestTask(wb.runner, "scan regions")
        self._thumb_task = LatestTask(self.decoder, "scan thumbnail")
        self._decoding: tuple[int, float] | None = None  # the page and level being decoded
        self._thumbs_wanted: list[int] = []
        self.reread_dialog: QDialog | None = None
        self.closed = False  # the window closed: no more decoding
        self.attaching: QObject | None = None  # File > Attach Page Scans… (reader.gui.scan_attach)

        self.actions_ = ScanActions(self)
        self.view = ScanView(self)
        self.thumbnails = QListWidget(self)
        self.thumbnails.setObjectName("scanThumbnails")
        self.thumbnails.setViewMode(QListView.ViewMode.IconMode)
        self.thumbnails.setFlow(QListView.Flow.LeftToRight)
        self.thumbnails.setWrapping(False)
        self.thumbnails.setIconSize(QSize(THUMB_SIDE, THUMB_SIDE))
        # a cell per page, as large as a thumbnail: the items are laid out before their pictures come
        self.thumbnails.setGridSize(QSize(THUMB_SIDE + 12, THUMB_SIDE + 28))
        self.thumbnails.setMaximumHeight(THUMB_SIDE + 56)  # the page view takes the rest of the pane
        # no minimum of their own: the pane's minimum is the right dock area's, the window's with it;
        # with the thumbnails' full height a window fitted on the screen grew past it (qa25 B)
        self.thumbnails.setMovement(QListView.Movement.Static)
        self.page_label = QLabel(self)
        self.page_label.setObjectName("scanPageLabel")
        self.message = QLabel(self)
        self.message.setObjectName("scanMessage")
        self.message.setWordWrap(True)
        self.target = QComboBox(self)
        self.target.setObjectName("scanLinkTarget")
        self.target.setToolTip(self.tr("What a region drawn now is linked to"))
        self.toolbar = QToolBar(self)
        a = self.actions_
        self.toolbar.addActions([a.previous_page, a.next_page])
        self.toolbar.addWidget(self.page_label)
        self.toolbar.addSeparator()
        self.toolbar.addActions(
            [a.zoom_out, a.zoom_in, a.fit_width, a.fit_page, a.rotate_left, a.rotate_right]
        )
        self.toolbar.addSeparator()
        self.toolbar.addActions([a.link_mode, a.remove_region, a.reread])
        self.toolbar.addWidget(self.target)
        self.pages_area = splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.view)
        splitter.addWidget(self.thumbnails)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 0)
        splitter.setCollapsible(0, False)  # the thumbnails may be dragged away, the page not
        self.view.setMinimumHeight(MIN_VIEW_HEIGHT)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.message)
        layout.addWidget(splitter, 1)
        layout.addStretch(0)  # under the message alone while the issue has no pages
        self._connect()
        self._show_state()
        wb.window.installEventFilter(self)  # stop decoding when the window closes

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._wb.window and event.type() == QEvent.Type.Close:
            # no decoding starts after this (a worker left running when the pane is deleted would
            # wait for the GUI thread forever); if the window refused to close, it resumes
            self.closed = True
            self._decoding = None
            self.decoder.shutdown()
            QTimer.singleShot(0, self._close_refused)
        return False

    def _close_refused(self) -> None:
        if self._wb.window.isVisible():
            self.closed = False

    # wiring
    def _connect(self) -> None:
        a = self.actions_
        a.previous_page.triggered.connect(lambda: self.go_to(self.index - 1))
        a.next_page.triggered.connect(lambda: self.go_to(self.index + 1))
        a.first_page.triggered.connect(lambda: self.go_to(0))
        a.last_page.triggered.connect(lambda: self.go_to(len(self.pages) - 1))
        a.zoom_in.triggered.connect(lambda: self.view.zoom_by(1.25))
        a.zoom_out.triggered.connect(lambda: self.view.zoom_by(0.8))
        a.fit_width.triggered.connect(lambda: self._fit(Fit.WIDTH))
        a.fit_page.triggered.connect(lambda: self._fit(Fit.PAGE))
        a.rotate_left.triggered.connect(lambda: self.view.rotate_by(-90))
        a.rotate_right.triggered.connect(lambda: self.view.rotate_by(90))
        a.link_mode.toggled.connect(self.view.set_link_mode)
        a.remove_region.triggered.connect(self.remove_selected_region)
        a.reread.triggered.connect(lambda: reread_selected(self))
        self.view.rectangle_drawn.connect(self.link_rectangle)
        self.view.wanted_level.connect(self._want_level)
        self.thumbnails.currentRowChanged.connect(self._thumbnail_chosen)
        w = self._wb
        w.navigator.article_shown.connect(
            lambda article_id: self.show_article(w.navigator.issue_id, article_id)
        )
        w.navigator.issue_shown.connect(lambda issue_id: self.show_article(issue_id, None))
        w.panes.reading_view.cursorPositionChanged.connect(self._reading_cursor_moved)
        editor = self._editor()
        if editor is not None:
            editor.cursorPositionChanged.connect(self._editor_cursor_moved)

    def _fit(self, fit: Fit) -> None:
        self.view.set_fit(fit)
        self._show_state()

    # what is shown
    def show_article(self, issue_id: int | None, article_id: int | None) -> None:
        """Follow the window: show this article's region, or stay on the page of the one before."""
        if issue_id is None:
            return
        self._article_task.start(_read_article(issue_id, article_id), self._article_read, self._read_failed)

    def reload(self) -> None:
        """Read the open article's regions and the page's again (after a change)."""
        if self.issue_id is not None:
            work = _read_article(self.issue_id, self.article_id)
            self._article_task.start(
                work, lambda scan: self._article_read(scan, move=False), self._read_failed
            )

    def _read_failed(self, error: BaseException) -> None:
        if isinstance(error, NotFoundError):  # the issue shown was deleted: nothing to show, nothing wrong
            self._let_go()
        else:
            self.show_failure(error)

    def _let_go(self) -> None:
        """Show no issue: no pages, no thumbnails, no message (until the window shows another issue)."""
        self.issue_id = self.article_id = None
        self.pages, self.regions, self.page_rows, self.blocks = [], [], [], []
        self.index = -1
        self._fill_targets()
        self._fill_thumbnails()
        self.view.clear_page()
        self.message.clear()
        self._show_state()

    def _article_read(self, scan: ArticleScan, move: bool = True) -> None:
        same_issue = scan.issue_id == self.issue_id
        pages_changed = not same_issue or [p.id for p in scan.pages] != [p.id for p in self.pages]
        self.issue_id = scan.issue_id
        self.article_id = scan.article_id
        self.pages = scan.pages
        self.regions = scan.regions
        self.blocks = scan.blocks
        self._fill_targets()
        if pages_changed:
            self._fill_thumbnails()
        index = self.index if same_issue and 0 <= self.index < len(self.pages) else 0
        first = scan.regions[0] if scan.regions and move else None
        if first is not None:
            index = next((n for n, p in enumerate(self.pages) if p.id == first.page_id), index)
        if not self.pages:
            self.index = -1
            self.view.clear_page()
        elif pages_changed or index != self.index:
            self.go_to(index, centre=first)
        else:
            self._load_page_regions(centre=first)
        self._show_state()
        self.article_loaded.emit(scan.article_id)

    def go_to(self, index: int, centre: RegionRow | None = None) -> None:
        """Show page ``index`` (0-based) of the issue."""
        if not 0 <= index < len(self.pages):
            return
        self.index = index
        page = self.pages[index]
        self.view.set_page(page.width, page.height, self._orientations.get(page.id, 1))
        kept = self.cache.best(page.id)
        if kept is not None:
            self.view.set_image(*kept)
        self._want_level(self.view.zoom * self.view.devicePixelRatioF())
        self.thumbnails.blockSignals(True)
        self.thumbnails.setCurrentRow(index)
        self.thumbnails.blockSignals(False)
        self._load_page_regions(centre)
        self._show_state()

    def _thumbnail_chosen(self, row: int) -> None:
        if row != self.index:
            self.go_to(row)

    def _load_page_regions(self, centre: RegionRow | None = None) -> None:
        if not 0 <= self.index < len(self.pages):
            return
        page_id = self.pages[self.index].id

        def work(context: TaskContext) -> list[RegionRow]:
            from reader.services.page_regions import page_regions

            with context.session() as session:
                return page_regions(session, page_id)

        def done(rows: list[RegionRow]) -> None:
            if not (0 <= self.index < len(self.pages)) or self.pages[self.index].id != page_id:
                return
            self.page_rows = rows
            self._draw_regions()
            if centre is not None:
                box = centre.box
                self.view.show_box(QRectF(box.x, box.y, box.w, box.h))
            self.page_shown.emit(self.pages[self.index].number)

        self._regions_task.start(work, done, self.show_failure)

    def _highlighted(self) -> set[int]:
        if self.current_block is not None:
            of_block = {r.id for r in self.regions if r.block_id == self.current_block}
            if of_block:
                return of_block
        return {r.id for r in self.regions}

    def _draw_regions(self) -> None:
        self.view.set_regions(self.page_rows, self._highlighted())

    # decoding
    def _want_level(self, scale: float) -> None:
        if self.closed or not 0 <= self.index < len(self.pages):
            return
        page = self.pages[self.index]
        level = level_for(scale)
        if (self.view.level >= level and self.view.level > 0) or self._decoding == (page.id, level):
            return
        cached = self.cache.get(page.id, level)
        if cached is not None:
            self.view.set_image(cached, level)
            self.image_shown.emit(page.id, level)
            return
        files = self.files
        page_id = page.id

        def work(context: TaskContext) -> DecodedPage:
            with context.session() as session:
                source = files.source(session, page_id)
            context.check_cancelled()
            return DecodedPage(page_id, level, decode(source, level), orientation_of(source))

        def failed(error: BaseException) -> None:
            self._decoding = None
            self.show_failure(error)
            self._next_thumbnail()

        self._decoding = (page_id, level)
        self.decoder.library = self._wb.runner.library
        self._image_task.start(work, self._decoded, failed)

    def _decoded(self, decoded: DecodedPage) -> None:
        self._decoding = None
        self._next_thumbnail()
        self.cache.put(decoded.page_id, decoded.level, decoded.image)
        self._orientations[decoded.page_id] = decoded.orientation
        if 0 <= self.index < len(self.pages) and self.pages[self.index].id == decoded.page_id:
            self.view.set_orientation(decoded.orientation)
            if decoded.level > self.view.level:
                self.view.set_image(decoded.image, decoded.level)
            self.image_shown.emit(decoded.page_id, decoded.level)
            self.message.clear()

    def _fill_thumbnails(self) -> None:
        self.thumbnails.blockSignals(True)
        self.thumbnails.clear()
        for page in self.pages:
            item = QListWidgetItem(QIcon(), str(page.number))
            item.setToolTip(f"{page.file_name} ({page.width} × {page.height})")
            self.thumbnails.addItem(item)
        self.thumbnails.blockSignals(False)
        self._thumbs_wanted = list(range(len(self.pages)))
        self._next_thumbnail()

    def _next_thumbnail(self) -> None:
        """Decode the next thumbnail, after the page being decoded (the page shown comes first)."""
        if self.closed or not self._thumbs_wanted or self._decoding is not None or self._thumb_task.running:
            return
        row = self._thumbs_wanted.pop(0)
        page = self.pages[row]
        level = level_for(THUMB_SIDE / max(page.width, page.height))
        files = self.files

        def work(context: TaskContext) -> DecodedPage:
            with context.session() as session:
                source = files.source(session, page.id)
            context.check_cancelled()
            image = decode_upright(source, level).scaled(
                THUMB_SIDE,
                THUMB_SIDE,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
            return DecodedPage(page.id, level, image)

        def done(decoded: DecodedPage) -> None:
            item = self.thumbnails.item(row)
            if item is not None and row < len(self.pages) and self.pages[row].id == decoded.page_id:
                item.setIcon(QIcon(QPixmap.fromImage(decoded.image)))
            self._next_thumbnail()

        self.decoder.library = self._wb.runner.library
        self._thumb_task.start(work, done, lambda _error: self._next_thumbnail())

    # linking
    def _fill_targets(self) -> None:
        self.target.blockSignals(True)
        self.target.clear()
        self.target.addItem(self.tr("Whole article"), None)
        from reader.gui.labels import role_label

        for number, (block_id, role, text) in enumerate(self.blocks, 1):
            preview = text[:PREVIEW_CHARS] + ("…" if len(text) > PREVIEW_CHARS else "")
            self.target.addItem(f"{number}. {role_label(role)}: {preview}", block_id)
        self.target.blockSignals(False)

    def link_rectangle(self, rect: QRect) -> bool:
        """Link a rectangle (page coordinates) to the open article or the chosen block (undoable)."""
        if self.article_id is None or not 0 <= self.index < len(self.pages):
            self.message.setText(self.tr("Open an article first: a region is linked to the article shown."))
            return False
        if rect.width() < 4 or rect.height() < 4:
            return False
        from reader.services.page_regions import Box

        block = self.target.currentData()
        command = LinkRegionCommand(
            self.editing.context,
            self.pages[self.index].id,
            self.article_id,
            block if isinstance(block, int) else None,
            Box(rect.x(), rect.y(), rect.width(), rect.height()),
            self.reload,
        )
        return self.editing.push(command)

    def remove_selected_region(self) -> bool:
        """Remove the link of the region selected on the page (undoable)."""
        row = self.view.selected_region()
        if row is None:
            self.message.setText(self.tr("Click a region on the page first."))
            return False
        return self.editing.push(UnlinkRegionCommand(self.editing.context, row, self.reload))

    # the block under the cursor
    def _reading_cursor_moved(self) -> None:
        found = self._wb.panes.reading_view.block_at()
        self._block_at(None if found is None else found[0])

    def _editor_cursor_moved(self) -> None:
        editor = self._editor()
        if editor is not None:
            self._block_at(editor.textCursor().blockNumber())

    def _editor(self) -> QTextEdit | None:
        from reader.gui.proofreading import Proofreading

        proofreading = self._wb.feature(Proofreading)
        return None if proofreading is None else proofreading.editor_pane.editor

    def _block_at(self, index: int | None) -> None:
        block = self.blocks[index][0] if index is not None and 0 <= index < len(self.blocks) else None
        if block == self.current_block:
            return
        self.current_block = block
        region = next((r for r in self.regions if r.block_id == block), None) if block is not None else None
        if region is not None and self.pages and self.pages[self.index].id != region.page_id:
            index_of = next((n for n, p in enumerate(self.pages) if p.id == region.page_id), self.index)
            self.go_to(index_of, centre=region)
            return
        self._draw_regions()
        if region is not None:
            box = region.box
            self.view.show_box(QRectF(box.x, box.y, box.w, box.h))

    # state
    def _show_state(self) -> None:
        a = self.actions_
        has_page = 0 <= self.index < len(self.pages)
        no_scans = self.tr(
            "This issue has no page scans. Attach them with File > Attach Page Scans…, or put them "
            "next to the issue file before importing it."
        )
        self.pages_area.setVisible(has_page)  # no empty grey page taking the room of the panes above
        # the message alone then: room for it to wrap over three lines (a wrapped label asks for one)
        self.message.setMinimumHeight(0 if has_page else 3 * self.message.fontMetrics().lineSpacing())
        if has_page:
            self.page_label.setText(
                QCoreApplication.translate("ScanPane", "Page %1 of %2")
                .replace("%1", str(self.index + 1))
                .replace("%2", str(len(self.pages)))
            )
            if self.message.text() == no_scans:
                self.message.clear()
        else:
            self.page_label.setText("")
            if self.issue_id is not None:
                self.message.setText(no_scans)
        a.previous_page.setEnabled(has_page and self.index > 0)
        a.next_page.setEnabled(has_page and self.index < len(self.pages) - 1)
        for action in (a.first_page, a.last_page, a.zoom_in, a.zoom_out, a.fit_width, a.fit_page):
            action.setEnabled(has_page)
        a.rotate_left.setEnabled(has_page)
        a.rotate_right.setEnabled(has_page)
        a.link_mode.setEnabled(has_page and self.article_id is not None)
        a.remove_region.setEnabled(has_page)
        ocr = ocr_available()
        a.reread.setEnabled(has_page and ocr)
        a.reread.setToolTip(a.reread.text().replace("&", "") if ocr else unavailable_tip())
        a.fit_width.setChecked(self.view.fit is Fit.WIDTH)
        a.fit_page.setChecked(self.view.fit is Fit.PAGE)

    def show_failure(self, error: BaseException) -> None:
        """Say in the pane why something could not be shown or done."""
        self.message.setText(str(error))


def install_scan_pane(wb: Workbench, editing: Editing) -> QDockWidget:
    """Add the scan pane as a dock on the right of the window, and its menu under View; returns the dock."""
    dock = QDockWidget(QCoreApplication.translate("ScanPane", "Page Scan"), wb.window)
    dock.setObjectName("scanDock")
    pane = ScanPane(wb, editing, dock)
    dock.setWidget(pane)
    wb.add_dock(dock, Qt.DockWidgetArea.RightDockWidgetArea)
    toggle = dock.toggleViewAction()
    toggle.setText(QCoreApplication.translate("ScanPane", "&Page Scan Pane"))
    view_menu = wb.menu_of(wb.actions.zoom_in)
    if view_menu is not None:
        view_menu.addAction(toggle)
        menu = view_menu.addMenu(QCoreApplication.translate("ScanPane", "Pa&ge Scan"))
        menu.setObjectName("scanMenu")
        menu.addActions(pane.actions_.all())
    from reader.gui.scan_attach import ScanAttaching

    pane.attaching = ScanAttaching(wb, pane)
    return dock

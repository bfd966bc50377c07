"""The scan pane beside the text: pages and thumbnails, zoom, rotation, keys, linking regions (undoable),
the region of an opened article and of the block under the cursor, unlinked articles on the page before."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from db.engine import Library
from db.models import Article, Block
from reader.gui.main_window import MainWindow
from reader.gui.scan_pane import ScanPane
from reader.gui.scan_view import Fit
from reader.services.importing import ImportReport
from reader.services.page_regions import Box, article_regions
from reader.services.pages import attach_files
from tests.gui.conftest import show_article
from tests.scan_support import corpus_lines, save_page, save_pdf

pytestmark = [pytest.mark.gui]

Importer = Callable[[Library, list[Path]], ImportReport]
WindowFactory = Callable[..., MainWindow]


@pytest.fixture
def window(
    gui_library: Library,
    import_into: Importer,
    sample_issue: Path,
    open_window: WindowFactory,
    tmp_path: Path,
) -> MainWindow:
    import_into(gui_library, [sample_issue])
    lines = corpus_lines(12)
    files = [
        save_page(tmp_path / "p1.png", lines[:6]),
        save_page(tmp_path / "p2.jpg", lines[6:]),
        save_pdf(tmp_path / "p3.pdf", [lines[:3]]),
    ]
    with gui_library.writing() as session:
        report = attach_files(session, 1, files)
    assert not report.failed
    return open_window()


def _articles(library: Library) -> list[int]:
    with library.session() as session:
        return list(session.scalars(select(Article.id).order_by(Article.position)))


def _pane(window: MainWindow) -> ScanPane:
    pane = window.scan_dock.widget()
    assert isinstance(pane, ScanPane)
    window.scan_dock.show()
    window.scan_dock.raise_()
    return pane


def _outlined(pane: ScanPane) -> set[int]:
    """The regions drawn standing out on the page shown."""
    return {item.row.id for item in pane.view.regions() if item.current}


def _open(qtbot: QtBot, window: MainWindow, pane: ScanPane, article_id: int) -> None:
    with qtbot.waitSignal(pane.article_loaded, timeout=10_000):
        show_article(qtbot, window, 1, article_id)
    qtbot.waitUntil(lambda: pane.view.level > 0, timeout=10_000)


def test_pages_show_with_thumbnails_and_follow_the_keys(
    qtbot: QtBot, window: MainWindow, gui_library: Library
) -> None:
    pane = _pane(window)
    _open(qtbot, window, pane, _articles(gui_library)[0])
    assert [p.file_name for p in pane.pages] == ["p1.png", "p2.jpg", "p3.pdf"]
    assert pane.index == 0 and pane.page_label.text() == "Page 1 of 3"
    assert pane.thumbnails.count() == 3
    qtbot.waitUntil(
        lambda: all(not pane.thumbnails.item(n).icon().isNull() for n in range(3)), timeout=20_000
    )
    # each thumbnail in a place of its own, side by side (laid out before the pictures came, they overlapped)
    cells = [pane.thumbnails.visualItemRect(pane.thumbnails.item(n)) for n in range(3)]
    assert all(a.right() < b.left() for a, b in itertools.pairwise(cells)), cells
    assert pane.view.fit is Fit.WIDTH
    pane.view.setFocus()
    assert pane.actions_.next_page.shortcut().toString() == "PgDown"
    with qtbot.waitSignal(pane.image_shown, timeout=10_000):
        qtbot.keyClick(pane.view, Qt.Key.Key_PageDown)
    assert pane.index == 1
    with qtbot.waitSignal(pane.image_shown, timeout=10_000):  # a PDF page, rendered by pypdfium2
        qtbot.keyClick(pane.view, Qt.Key.Key_End)
    assert pane.index == 2 and pane.view.page_size == (2479, 3508)
    fitted = pane.view.zoom
    qtbot.keyClick(pane.view, Qt.Key.Key_Plus)
    assert pane.view.zoom == pytest.approx(fitted * 1.25) and pane.view.fit is Fit.NONE
    qtbot.keyClick(pane.view, Qt.Key.Key_F)
    assert pane.view.fit is Fit.PAGE and pane.view.zoom < fitted
    qtbot.keyClick(pane.view, Qt.Key.Key_R)
    assert pane.view.rotation == 90
    qtbot.keyClick(pane.view, Qt.Key.Key_BracketLeft)
    assert pane.view.rotation == 0
    qtbot.keyClick(pane.view, Qt.Key.Key_Home)
    assert pane.index == 0
    # zooming in far asks for a sharper decode of the page
    before = pane.view.level
    assert before < 1
    pane.view.zoom_by(1 / pane.view.zoom)  # one screen pixel per page pixel
    qtbot.waitUntil(lambda: pane.view.level == 1.0 > before, timeout=10_000)
    assert pane.cache.get(pane.pages[0].id, 1.0) is not None


def test_a_dragged_rectangle_links_a_region_undoably(
    qtbot: QtBot, window: MainWindow, gui_library: Library
) -> None:
    pane = _pane(window)
    article = _articles(gui_library)[0]
    _open(qtbot, window, pane, article)
    pane.view.set_fit(Fit.PAGE)
    pane.view.setFocus()
    qtbot.keyClick(pane.view, Qt.Key.Key_L)
    assert pane.actions_.link_mode.isChecked() and pane.view.link_mode
    top_left = pane.view.mapFromScene(100, 100)
    bottom_right = pane.view.mapFromScene(700, 400)
    viewport = pane.view.viewport()
    with qtbot.waitSignal(pane.page_shown, timeout=10_000):
        qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=top_left)
        qtbot.mouseMove(viewport, pos=QPoint((top_left.x() + bottom_right.x()) // 2, top_left.y() + 10))
        qtbot.mouseMove(viewport, pos=bottom_right)
        qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=bottom_right)
    with gui_library.session() as session:
        [region] = article_regions(session, article)
    # the drag maps back to the page's pixels (within a screen pixel or two at this zoom)
    slack = 2 / pane.view.zoom + 1
    for got, want in zip(
        (region.box.x, region.box.y, region.box.w, region.box.h), (100, 100, 600, 300), strict=True
    ):
        assert abs(got - want) <= slack
    assert [item.row.id for item in pane.view.regions()] == [region.id]
    with qtbot.waitSignal(pane.page_shown, timeout=10_000):
        window.undo_stack.undo()
    with gui_library.session() as session:
        assert article_regions(session, article) == []
    with qtbot.waitSignal(pane.page_shown, timeout=10_000):
        window.undo_stack.redo()
    with gui_library.session() as session:
        [again] = article_regions(session, article)
    assert again.box == region.box
    # select it and remove it with Delete; undo brings it back
    pane.view.regions()[0].setSelected(True)
    with qtbot.waitSignal(pane.page_shown, timeout=10_000):
        qtbot.keyClick(pane.view, Qt.Key.Key_Delete)
    with gui_library.session() as session:
        assert article_regions(session, article) == []
    with qtbot.waitSignal(pane.page_shown, timeout=10_000):
        window.undo_stack.undo()
    with gui_library.session() as session:
        assert [r.box for r in article_regions(session, article)] == [region.box]


def test_articles_open_on_their_region_or_the_page_before(
    qtbot: QtBot, window: MainWindow, gui_library: Library
) -> None:
    pane = _pane(window)
    first, second, third = _articles(gui_library)[:3]
    _open(qtbot, window, pane, first)
    with qtbot.waitSignal(pane.page_shown, timeout=10_000):
        pane.go_to(1)
    pane.target.setCurrentIndex(0)
    with qtbot.waitSignal(pane.page_shown, timeout=10_000):
        assert pane.link_rectangle(QRect(50, 900, 400, 200))  # on page 2, for the first article
    _open(qtbot, window, pane, second)  # no region: stays on page 2
    assert pane.index == 1
    with qtbot.waitSignal(pane.page_shown, timeout=10_000):
        pane.go_to(0)
    with (
        qtbot.waitSignal(pane.article_loaded, timeout=10_000),
        qtbot.waitSignal(pane.page_shown, timeout=10_000),
    ):
        show_article(qtbot, window, 1, first)  # opens on the page of its region
    assert pane.index == 1
    assert _outlined(pane) == {r.id for r in pane.regions}
    _open(qtbot, window, pane, third)
    assert pane.index == 1


def test_the_block_under_the_cursor_outlines_its_region(
    qtbot: QtBot, window: MainWindow, gui_library: Library
) -> None:
    pane = _pane(window)
    article = _articles(gui_library)[0]
    _open(qtbot, window, pane, article)
    with gui_library.session() as session:
        blocks = list(
            session.scalars(select(Block).where(Block.article_id == article).order_by(Block.position))
        )
    assert len(blocks) >= 3
    pane.target.setCurrentIndex(3)  # the third block
    assert pane.target.currentData() == blocks[2].id
    with qtbot.waitSignal(pane.page_shown, timeout=10_000):
        pane.go_to(2)
    with qtbot.waitSignal(pane.page_shown, timeout=10_000):
        assert pane.link_rectangle(QRect(100, 300, 800, 200))
    pane.target.setCurrentIndex(0)
    with qtbot.waitSignal(pane.page_shown, timeout=10_000):
        pane.go_to(0)
    with qtbot.waitSignal(pane.page_shown, timeout=10_000):
        assert pane.link_rectangle(QRect(0, 0, 500, 500))
    with gui_library.session() as session:
        whole, of_block = sorted(article_regions(session, article), key=lambda r: r.page_number)
    assert of_block.block_id == blocks[2].id and whole.block_id is None
    # the cursor in the third block: the pane turns to page 3 and outlines that block's region only
    found = window.reading_view.document_range(2, 0, 1)
    assert found is not None
    cursor = QTextCursor(window.reading_view.document())
    cursor.setPosition(found[0])
    with qtbot.waitSignal(pane.page_shown, timeout=10_000):
        window.reading_view.setTextCursor(cursor)
    assert pane.index == 2
    assert _outlined(pane) == {of_block.id}
    assert Box(100, 300, 800, 200) == of_block.box


def test_scans_are_attached_from_the_window(
    qtbot: QtBot, window: MainWindow, gui_library: Library, tmp_path: Path
) -> None:
    from reader.gui.scan_attach import ScanAttaching

    pane = _pane(window)
    _open(qtbot, window, pane, _articles(gui_library)[0])
    attaching = pane.attaching
    assert isinstance(attaching, ScanAttaching)
    assert attaching.action in window.menuBar().actions()[0].menu().actions()
    window.library_pane.tree.setCurrentIndex(window.library_pane.tree.model().index(0, 0))
    assert attaching.target_issue() == 1
    new = save_page(tmp_path / "p4.png", corpus_lines(3))
    bad = tmp_path / "bad.png"
    bad.write_bytes(b"not a png")
    attaching.attach(1, [new, bad])
    qtbot.waitUntil(lambda: [p.file_name for p in pane.pages][-1:] == ["p4.png"], timeout=10_000)
    assert pane.thumbnails.count() == 4
    qtbot.waitUntil(
        lambda: attaching.report_box is not None and attaching.report_box.isVisible(), timeout=5_000
    )
    assert attaching.report_box is not None
    assert "bad.png: not an image or PDF" in attaching.report_box.text()
    attaching.report_box.close()
    assert window.undo_stack.undoText() == "Attach Page Scans"
    window.undo_stack.undo()  # Edit > Undo detaches the page: the pane follows
    qtbot.waitUntil(lambda: pane.thumbnails.count() == 3, timeout=10_000)
    assert "p4.png" not in [p.file_name for p in pane.pages]


def test_an_issue_without_scans_shows_how_to_attach_them_and_no_empty_page(
    qtbot: QtBot,
    gui_library: Library,
    import_into: Importer,
    sample_issue: Path,
    open_window: WindowFactory,
    tmp_path: Path,
) -> None:
    import_into(gui_library, [sample_issue])
    window = open_window()
    pane = _pane(window)
    with qtbot.waitSignal(pane.article_loaded, timeout=10_000):
        show_article(qtbot, window, 1, _articles(gui_library)[0])
    assert pane.pages == [] and pane.pages_area.isHidden()
    assert "File > Attach Page Scans" in pane.message.text()
    from reader.gui.scan_attach import ScanAttaching

    assert isinstance(pane.attaching, ScanAttaching)
    pane.attaching.attach(1, [save_page(tmp_path / "p1.png", corpus_lines(3))])
    qtbot.waitUntil(lambda: len(pane.pages) == 1, timeout=10_000)
    assert not pane.pages_area.isHidden() and pane.message.text() == ""

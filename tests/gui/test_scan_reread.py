"""Re-reading a region of the scan with the OCR model: differences shown, one taken with a key as a
tracked change of the rule "re-read" (undoable); without the extra the command is disabled and says why."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from db.editing_models import ChangeRecord
from db.engine import Library
from db.models import Article, Block
from reader.gui.main_window import MainWindow
from reader.gui.scan_pane import ScanPane
from reader.gui.scan_reread import ReReadDialog
from reader.services.importing import ImportReport
from reader.services.page_regions import Box, link_region
from reader.services.pages import attach_files, list_pages
from tests.gui.conftest import show_article
from tests.scan_support import line_box, save_page
from tests.test_ocr import needs_ocr

pytestmark = pytest.mark.gui

Importer = Callable[[Library, list[Path]], ImportReport]
WindowFactory = Callable[..., MainWindow]
PRINTED = "国"  # what the page shows where the stored text has another character


def _paragraph(library: Library) -> Block:
    with library.session() as session:
        return next(
            b
            for b in session.scalars(select(Block).where(Block.role == "paragraph").order_by(Block.id))
            if len(b.text) > 30 and b.text[6] != PRINTED and b.text[:20].isprintable()
        )


@pytest.fixture
def window(
    gui_library: Library,
    import_into: Importer,
    sample_issue: Path,
    open_window: WindowFactory,
    tmp_path: Path,
) -> MainWindow:
    import_into(gui_library, [sample_issue])
    block = _paragraph(gui_library)
    printed = block.text[:6] + PRINTED + block.text[7:18]
    page = save_page(tmp_path / "page.png", [printed, "", ""])
    with gui_library.writing() as session:
        attach_files(session, 1, [page])
        box = line_box(0)
        page_id = list_pages(session, 1)[0].id
        link_region(
            session,
            page_id,
            block.article_id,
            Box(box.x(), box.y(), box.width(), box.height()),
            block_id=block.id,
            author="t",
        )
    return open_window()


def _pane(qtbot: QtBot, window: MainWindow, library: Library) -> ScanPane:
    pane = window.scan_dock.widget()
    assert isinstance(pane, ScanPane)
    block = _paragraph(library)
    with qtbot.waitSignal(pane.page_shown, timeout=10_000):
        show_article(qtbot, window, 1, block.article_id)
    return pane


def test_without_the_extra_the_command_is_disabled_and_says_how_to_install(
    qtbot: QtBot, window: MainWindow, gui_library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    pane = _pane(qtbot, window, gui_library)
    monkeypatch.setattr("reader.gui.scan_pane.ocr_available", lambda: False)
    pane.go_to(pane.index)  # the page shown again: its actions follow what is installed
    assert not pane.actions_.reread.isEnabled()
    assert 'pip install -e ".[ocr]"' in pane.actions_.reread.toolTip()
    assert pane.actions_.reread in pane.actions_.all()  # present in the menu all the same


@pytest.mark.ocr
@needs_ocr
def test_a_difference_is_taken_with_one_key_as_a_re_read_change(
    qtbot: QtBot, window: MainWindow, gui_library: Library
) -> None:
    pane = _pane(qtbot, window, gui_library)
    block = _paragraph(gui_library)
    assert pane.actions_.reread.isEnabled()
    [item] = pane.view.regions()
    item.setSelected(True)
    with qtbot.waitSignal(pane.reread_shown, timeout=60_000) as shown:
        pane.actions_.reread.trigger()
    dialog = shown.args[0]
    assert isinstance(dialog, ReReadDialog)
    hunks = [dialog.list.item(n).data(Qt.ItemDataRole.UserRole) for n in range(dialog.list.count())]
    wanted = next(n for n, h in enumerate(hunks) if (h.old, h.new) == (block.text[6], PRINTED))
    assert "line-through" in dialog.stored.toHtml()
    dialog.list.setCurrentRow(wanted)
    with qtbot.waitSignal(window.workbench.operation_did_execute, timeout=10_000):
        qtbot.keyClick(dialog.list, Qt.Key.Key_T)
    with gui_library.session() as session:
        text = session.get_one(Block, block.id).text
        record = session.scalars(select(ChangeRecord).where(ChangeRecord.block_id == block.id)).one()
        version = session.get_one(Article, block.article_id).version
    assert text == block.text[:6] + PRINTED + block.text[7:]
    assert (record.rule, record.old_text, record.new_text) == ("re-read", block.text[6], PRINTED)
    with qtbot.waitSignal(window.workbench.operation_did_execute, timeout=10_000):
        window.undo_stack.undo()
    with gui_library.session() as session:
        assert session.get_one(Block, block.id).text == block.text
        assert session.get_one(Article, block.article_id).version == version + 1
    dialog.close()

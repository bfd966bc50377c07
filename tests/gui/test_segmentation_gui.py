"""Structure edits from the reading pane on the real sample issue: each changes the database,
keeps the nothing-lost coverage, and is undone (and redone) from the window's undo stack."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence, QTextCursor
from PySide6.QtWidgets import QMenu, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from db.engine import Library
from db.models import Article, Block, Leftover
from reader.gui.main_window import MainWindow
from reader.services.importing import ImportReport
from reader.services.segmentation_rows import issue_coverage
from tests.gui.conftest import show_article, start_edit_mode

pytestmark = pytest.mark.gui

FIRST_TITLE = "深化“家门口”服务 打通为民办事最后一米"
RIVER_TITLE = "梅园街道河长制工作再上新台阶"

Importer = Callable[[Library, list[Path]], ImportReport]
WindowFactory = Callable[..., MainWindow]


@pytest.fixture
def window(
    gui_library: Library, import_into: Importer, sample_issue: Path, open_window: WindowFactory
) -> MainWindow:
    import_into(gui_library, [sample_issue])
    return open_window()


def _issue(library: Library) -> int:
    with library.session() as session:
        return session.scalars(select(Article.issue_id)).first() or 0


def structure(library: Library, issue_id: int) -> tuple[Any, ...]:
    """The issue's articles (their blocks' roles, texts and pieces) and leftovers, without ids."""
    with library.session() as session:
        articles = session.scalars(
            select(Article).where(Article.issue_id == issue_id).order_by(Article.position)
        ).all()
        blocks = tuple(
            tuple(
                (b.role, b.text, tuple(map(tuple, b.pieces)))
                for b in session.scalars(
                    select(Block).where(Block.article_id == a.id).order_by(Block.position)
                )
            )
            for a in articles
        )
        leftovers = tuple(
            (lo.kind, lo.text, lo.span_start, lo.span_end)
            for lo in session.scalars(
                select(Leftover).where(Leftover.issue_id == issue_id).order_by(Leftover.position)
            )
        )
        assert issue_coverage(session, issue_id) == []  # every character kept exactly once
        return blocks, leftovers


def _article_id(library: Library, position: int) -> int:
    with library.session() as session:
        return session.scalars(
            select(Article.id).where(Article.issue_id == _issue(library), Article.position == position)
        ).one()


def _show(
    qtbot: QtBot, window: MainWindow, library: Library, position: int, block: int, offset: int = 1
) -> None:
    """Show the article at ``position`` with the cursor ``offset`` characters into block ``block``."""
    show_article(qtbot, window, _issue(library), _article_id(library, position))
    found = window.reading_view.document_range(block, offset, offset)
    assert found is not None
    cursor = QTextCursor(window.reading_view.document())
    cursor.setPosition(found[0])
    window.reading_view.setTextCursor(cursor)
    assert window.reading_view.block_at() == (block, offset)


def _undo_redo(window: MainWindow, library: Library, before: Any, after: Any) -> None:
    issue_id = _issue(library)
    stack = window.undo_stack  # type: ignore[attr-defined]
    stack.undo()
    assert structure(library, issue_id) == before
    stack.redo()
    assert structure(library, issue_id) == after
    stack.undo()
    assert structure(library, issue_id) == before


def _edit(window: MainWindow, library: Library, action: QAction) -> tuple[Any, Any]:
    issue_id = _issue(library)
    before = structure(library, issue_id)
    assert action.isEnabled()
    action.trigger()
    after = structure(library, issue_id)
    assert after != before
    assert window.findChild(QMessageBox, "editErrorBox") is None
    return before, after


def test_split_the_article_at_a_block(qtbot: QtBot, window: MainWindow, gui_library: Library) -> None:
    _show(qtbot, window, gui_library, 0, 5)
    assert window.review_tools.structure.block_label.text() == "Block 6 of 11 · Subheading"
    before, after = _edit(window, gui_library, window.actions_.split_article)
    assert [len(a) for a in after[0]] == [5, 6, 2, 1, 8]
    # the library pane lists the new article, the reading pane still shows the first one
    rows = window.library_model.fetched_articles(_issue(gui_library))
    assert rows is not None and len(rows) == 5
    assert window.reading_view.article_id == _article_id(gui_library, 0)
    qtbot.waitUntil(lambda: len(window.reading_view.rendered.blocks) == 5, timeout=5000)  # type: ignore[union-attr]
    _undo_redo(window, gui_library, before, after)
    rows = window.library_model.fetched_articles(_issue(gui_library))
    assert rows is not None and len(rows) == 4


def test_merge_with_the_next_and_the_previous_article(
    qtbot: QtBot, window: MainWindow, gui_library: Library
) -> None:
    _show(qtbot, window, gui_library, 1, 1)
    before, after = _edit(window, gui_library, window.actions_.merge_next)
    assert [len(a) for a in after[0]] == [11, 3, 8]
    _undo_redo(window, gui_library, before, after)
    # merging the shown article into the previous one shows the merged article
    _show(qtbot, window, gui_library, 2, 0)
    before, after = _edit(window, gui_library, window.actions_.merge_previous)
    assert [len(a) for a in after[0]] == [11, 3, 8]
    merged = _article_id(gui_library, 1)
    qtbot.waitUntil(lambda: window.reading_view.article_id == merged, timeout=5000)  # read in the background
    _undo_redo(window, gui_library, before, after)


def test_change_a_block_role_and_take_it_out_of_the_article(
    qtbot: QtBot, window: MainWindow, gui_library: Library
) -> None:
    _show(qtbot, window, gui_library, 3, 5)  # the river article's caption
    roles = window.actions_.role_actions
    assert roles["caption"].isChecked()
    before, after = _edit(window, gui_library, roles["paragraph"])
    assert after[0][3][5][0] == "paragraph"
    _undo_redo(window, gui_library, before, after)
    _show(qtbot, window, gui_library, 3, 5)
    before, after = _edit(window, gui_library, roles["leftover"])
    assert len(after[0][3]) == 7 and len(after[1]) == len(before[1]) + 1
    _undo_redo(window, gui_library, before, after)


def test_move_a_block_to_the_previous_and_next_article(
    qtbot: QtBot, window: MainWindow, gui_library: Library
) -> None:
    _show(qtbot, window, gui_library, 3, 0)  # the river article's kicker
    before, after = _edit(window, gui_library, window.actions_.move_to_previous)
    assert [len(a) for a in after[0]] == [11, 2, 2, 7]
    _undo_redo(window, gui_library, before, after)
    _show(qtbot, window, gui_library, 0, 10)  # the first article's source
    before, after = _edit(window, gui_library, window.actions_.move_to_next)
    assert [len(a) for a in after[0]] == [10, 3, 1, 8]
    _undo_redo(window, gui_library, before, after)


def test_join_blocks_and_split_a_block_at_the_cursor(
    qtbot: QtBot, window: MainWindow, gui_library: Library
) -> None:
    _show(qtbot, window, gui_library, 3, 3)
    before, after = _edit(window, gui_library, window.actions_.join_next)
    assert len(after[0][3]) == 7 and after[0][3][3][1] == before[0][3][3][1] + before[0][3][4][1]
    _undo_redo(window, gui_library, before, after)
    _show(qtbot, window, gui_library, 3, 3, offset=10)
    before, after = _edit(window, gui_library, window.actions_.split_block)
    assert len(after[0][3]) == 9
    assert after[0][3][3][1] == before[0][3][3][1][:10] and after[0][3][4][1] == before[0][3][3][1][10:]
    _undo_redo(window, gui_library, before, after)


def test_edits_that_cannot_be_made_are_disabled_or_shown(
    qtbot: QtBot, window: MainWindow, gui_library: Library
) -> None:
    _show(qtbot, window, gui_library, 0, 0)
    a = window.actions_
    assert not a.split_article.isEnabled() and not a.merge_previous.isEnabled()
    assert not a.move_to_previous.isEnabled() and a.merge_next.isEnabled()
    before = structure(gui_library, _issue(gui_library))
    assert window.review_tools.structure.split_article() is False  # asked for anyway
    box = window.findChild(QMessageBox, "editErrorBox")
    assert isinstance(box, QMessageBox) and "already starts at this block" in box.text()
    box.close()
    assert structure(gui_library, _issue(gui_library)) == before
    assert window.undo_stack.count() == 0  # type: ignore[attr-defined]
    _show(qtbot, window, gui_library, 2, 0)  # an article of one block
    assert not a.move_to_next.isEnabled() and not a.join_next.isEnabled()
    assert not a.role_actions["leftover"].isEnabled()


def test_the_block_context_menu_offers_structure_edits(
    qtbot: QtBot, window: MainWindow, gui_library: Library
) -> None:
    _show(qtbot, window, gui_library, 3, 3)
    view = window.reading_view
    rect = view.cursorRect()
    menu = view.context_menu(QPoint(rect.center().x(), rect.center().y()))
    entries = [action.text() for action in menu.actions()]
    assert "Add &Note…" in entries and "&Structure" in entries
    submenu = next(action.menu() for action in menu.actions() if action.text() == "&Structure")
    assert isinstance(submenu, QMenu) and window.actions_.split_article in submenu.actions()
    assert view.block_at() is not None and view.block_at()[0] == 3  # type: ignore[index]
    menu.deleteLater()
    bar = [action.text() for action in window.menuBar().actions()]
    assert bar.index("&Structure") == len(bar) - 2  # before Help


def test_in_edit_mode_the_editor_cursor_says_which_block(
    qtbot: QtBot, window: MainWindow, gui_library: Library
) -> None:
    _show(qtbot, window, gui_library, 3, 0)
    start_edit_mode(qtbot, window)
    editor = window.proofreading.editor_pane.editor
    block = editor.document().findBlockByNumber(3)
    cursor = QTextCursor(block)
    cursor.setPosition(block.position() + 10)
    editor.setTextCursor(cursor)
    assert window.review_tools.structure.block_label.text().startswith("Block 4 of 8")
    before, after = _edit(window, gui_library, window.actions_.split_block)
    assert after[0][3][3][1] == before[0][3][3][1][:10] and after[0][3][4][1] == before[0][3][3][1][10:]
    assert editor.document().blockCount() == 9  # the editor shows the new structure
    window.undo_stack.undo()  # type: ignore[attr-defined]
    assert structure(gui_library, _issue(gui_library)) == before
    assert window.proofreading.set_edit_mode(False)


def test_the_frequent_structure_edits_have_keys_of_their_own(
    qtbot: QtBot, window: MainWindow, gui_library: Library
) -> None:
    a = window.actions_
    keys = {
        a.join_next: "Ctrl+Alt+J",
        a.split_block: "Ctrl+Alt+K",
        a.merge_previous: "Ctrl+Alt+PgUp",
        a.merge_next: "Ctrl+Alt+PgDown",
    }
    for action, key in keys.items():
        assert action.shortcut() == QKeySequence(key), action.text()
        others = [
            b.text()
            for b in window.findChildren(QAction)
            if b is not action and key in b.shortcut().toString()
        ]
        assert not others, (key, others)  # no other action of the window answers the key
    window.activateWindow()
    _show(qtbot, window, gui_library, 3, 3)
    before = structure(gui_library, _issue(gui_library))
    qtbot.keyClick(
        window.reading_view,
        Qt.Key.Key_J,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier,
    )
    after = structure(gui_library, _issue(gui_library))
    assert len(after[0][3]) == len(before[0][3]) - 1  # joined with the next block by the key
    window.undo_stack.undo()  # type: ignore[attr-defined]
    assert structure(gui_library, _issue(gui_library)) == before

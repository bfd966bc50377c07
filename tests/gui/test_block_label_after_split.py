"""After a structure edit in edit mode, the status bar counts the blocks of the article as it is now
(it kept the count of the article before the split: "Block 4 of 8" in an article left with 4 blocks)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from db.engine import Library
from db.models import Article
from reader.gui.main_window import MainWindow
from reader.services.importing import ImportReport
from tests.gui.conftest import show_article, start_edit_mode

pytestmark = pytest.mark.gui

Importer = Callable[[Library, list[Path]], ImportReport]
WindowFactory = Callable[..., MainWindow]


def test_the_block_count_follows_a_split_made_in_edit_mode(
    qtbot: QtBot, gui_library: Library, import_into: Importer, sample_issue: Path, open_window: WindowFactory
) -> None:
    import_into(gui_library, [sample_issue])
    window = open_window()
    with gui_library.session() as session:
        river = session.scalars(select(Article.id).where(Article.position == 3)).one()
    show_article(qtbot, window, 1, river)
    start_edit_mode(qtbot, window)
    editor = window.proofreading.editor_pane.editor
    assert editor.document().blockCount() == 8
    editor.setTextCursor(QTextCursor(editor.document().findBlockByNumber(4)))
    label = window.review_tools.structure.block_label
    assert label.text().startswith("Block 5 of 8")

    window.actions_.split_article.trigger()  # the article keeps its first 4 blocks
    qtbot.waitUntil(lambda: editor.document().blockCount() == 4, timeout=5000)
    editor.setTextCursor(QTextCursor(editor.document().findBlockByNumber(3)))
    qtbot.waitUntil(lambda: label.text().startswith("Block 4 of 4"), timeout=5000)
    assert window.actions_.join_next.isEnabled() is False  # the last block: nothing to join it with

    window.undo_stack.undo()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: editor.document().blockCount() == 8, timeout=5000)
    editor.setTextCursor(QTextCursor(editor.document().findBlockByNumber(3)))
    qtbot.waitUntil(lambda: label.text().startswith("Block 4 of 8"), timeout=5000)
    assert window.proofreading.set_edit_mode(False)

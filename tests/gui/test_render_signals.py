"""Laying out an article tells the window's features once that the text changed, not once per block."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from db.engine import Library
from db.models import Article
from reader.core.script import Script
from reader.gui.main_window import MainWindow
from reader.services.importing import ImportReport
from tests.gui.conftest import show_article

pytestmark = pytest.mark.gui


def test_one_cursor_signal_per_rendering(
    qtbot: QtBot,
    gui_library: Library,
    import_into: Callable[[Library, list[Path]], ImportReport],
    sample_issue: Path,
    open_window: Callable[..., MainWindow],
) -> None:
    assert import_into(gui_library, [sample_issue]).ok
    with gui_library.session() as session:
        issue_id, article_id = session.execute(select(Article.issue_id, Article.id).limit(1)).one()
    window = open_window()
    show_article(qtbot, window, issue_id, article_id)
    view = window.reading_view
    assert view.rendered is not None and len(view.rendered.blocks) > 3  # several blocks inserted
    moves: list[int] = []
    view.cursorPositionChanged.connect(lambda: moves.append(view.textCursor().position()))
    window.script.set_script(Script.TRADITIONAL)
    assert moves == [0]  # once, with the cursor at the start of the new text
    assert view.textCursor().position() == 0
    show_article(qtbot, window, issue_id, article_id)
    assert len(moves) <= 3  # (the article shown again: at most a few, never one per block)

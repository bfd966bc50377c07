"""Splitting an article whose text was corrected (a suggestion accepted), or moving such a block to
another article, keeps the library sound: the change records that move with the block are vouched
for again, so ``check`` finds no damage and the next write is not refused."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from db.editing_models import ChangeRecord
from db.engine import Library
from db.models import Article
from db.row_digests import verify_digests
from reader.gui.main_window import MainWindow
from reader.gui.suggestions_pane import SuggestionsPane
from reader.services.importing import ImportReport
from tests.gui.conftest import show_article
from tests.gui.waiting import wait_for_tasks

pytestmark = pytest.mark.gui

FIRST_TITLE = "深化“家门口”服务 打通为民办事最后一米"  # half-width commas the rules suggest replacing

Importer = Callable[[Library, list[Path]], ImportReport]
WindowFactory = Callable[..., MainWindow]


def _articles(library: Library) -> int:
    with library.session() as session:
        return int(session.scalar(select(func.count(Article.id))) or 0)


def _sound(library: Library) -> list[str]:
    with library.session() as session:
        return [str(problem) for problem in verify_digests(session)]


def test_splitting_an_article_at_a_corrected_block_keeps_the_library_sound(
    qtbot: QtBot, gui_library: Library, import_into: Importer, sample_issue: Path, open_window: WindowFactory
) -> None:
    import_into(gui_library, [sample_issue])
    with gui_library.session() as session:
        article = session.scalars(select(Article).where(Article.title == FIRST_TITLE)).one()
        issue_id, article_id = article.issue_id, article.id
    window = open_window()
    pane: SuggestionsPane = window.review_tools.suggestions
    with qtbot.waitSignal(pane.loaded, timeout=10_000):
        show_article(qtbot, window, issue_id, article_id)
    assert pane.select(0)
    item = pane.current()
    assert item is not None and item.block_position > 0
    with qtbot.waitSignal(pane.loaded, timeout=10_000):
        window.actions_.accept_suggestion.trigger()  # F9: a change record in that block
    with gui_library.session() as session:
        assert session.scalar(
            select(func.count(ChangeRecord.id)).where(ChangeRecord.article_id == article_id)
        )
    assert _sound(gui_library) == []
    found = window.reading_view.document_range(item.block_position, 0, 0)
    assert found is not None
    cursor = QTextCursor(window.reading_view.document())
    cursor.setPosition(found[0])
    window.reading_view.setTextCursor(cursor)
    before = _articles(gui_library)
    window.actions_.split_article.trigger()  # Structure > Split Article Here: the block starts a new one
    qtbot.waitUntil(lambda: _articles(gui_library) == before + 1, timeout=10_000)
    wait_for_tasks(qtbot, window.runner)
    with gui_library.session() as session:
        assert not session.scalar(
            select(func.count(ChangeRecord.id)).where(ChangeRecord.article_id == article_id)
        )  # the record went with its block
    assert _sound(gui_library) == []
    window.undo_stack.undo()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: _articles(gui_library) == before, timeout=10_000)
    wait_for_tasks(qtbot, window.runner)
    assert _sound(gui_library) == []

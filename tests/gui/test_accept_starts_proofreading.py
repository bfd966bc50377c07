"""Accepting a suggestion (F9) is a saved edit: it moves a 未校 (new) article to 校对中 (in progress)
as the editor's first saved edit does, and undo brings the status back with the text."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from db.engine import Library
from db.models import Article
from reader.gui.main_window import MainWindow
from reader.gui.suggestions_pane import SuggestionsPane
from tests.gui.conftest import show_article, start_edit_mode
from tests.gui.proofreading_support import RIVER, type_text

pytestmark = pytest.mark.gui

FIRST_TITLE = "深化“家门口”服务 打通为民办事最后一米"  # half-width commas the rules suggest replacing


@pytest.fixture
def window(bare_window: MainWindow) -> MainWindow:
    return bare_window


def _article(library: Library, title: str) -> tuple[int, int, str]:
    """An article's issue id, id and status."""
    with library.session() as session:
        article = session.scalars(select(Article).where(Article.title == title)).one()
        return article.issue_id, article.id, article.status


def _status(library: Library, article_id: int) -> str:
    with library.session() as session:
        return session.get_one(Article, article_id).status


def test_an_accepted_suggestion_starts_the_proofreading_and_undo_takes_it_back(
    qtbot: QtBot, window: MainWindow, gui_library: Library
) -> None:
    issue_id, article_id, status = _article(gui_library, FIRST_TITLE)
    assert status == "new"
    pane: SuggestionsPane = window.review_tools.suggestions
    with qtbot.waitSignal(pane.loaded, timeout=10_000):
        show_article(qtbot, window, issue_id, article_id)
    pane.select(0)
    assert window.actions_.accept_suggestion.shortcut().toString() == "F9"
    statuses = window.actions_.status_actions
    with qtbot.waitSignal(pane.loaded, timeout=10_000):
        window.actions_.accept_suggestion.trigger()  # F9
    assert _status(gui_library, article_id) == "in_progress"
    qtbot.waitUntil(statuses["in_progress"].isChecked, timeout=5000)
    stack = window.undo_stack  # type: ignore[attr-defined]
    with qtbot.waitSignal(pane.loaded, timeout=10_000):
        stack.undo()
    assert _status(gui_library, article_id) == "new"
    qtbot.waitUntil(statuses["new"].isChecked, timeout=5000)
    with qtbot.waitSignal(pane.loaded, timeout=10_000):
        stack.redo()
    assert _status(gui_library, article_id) == "in_progress"
    qtbot.waitUntil(statuses["in_progress"].isChecked, timeout=5000)


def test_an_accepted_suggestion_leaves_a_status_set_by_hand(
    qtbot: QtBot, window: MainWindow, gui_library: Library
) -> None:
    issue_id, article_id, _ = _article(gui_library, FIRST_TITLE)
    pane: SuggestionsPane = window.review_tools.suggestions
    with qtbot.waitSignal(pane.loaded, timeout=10_000):
        show_article(qtbot, window, issue_id, article_id)
    assert window.proofreading.set_status("proofread")
    pane.select(0)
    with qtbot.waitSignal(pane.loaded, timeout=10_000):
        window.actions_.accept_suggestion.trigger()
    assert _status(gui_library, article_id) == "proofread"  # only a new article moves
    with qtbot.waitSignal(pane.loaded, timeout=10_000):
        window.undo_stack.undo()  # type: ignore[attr-defined]
    assert _status(gui_library, article_id) == "proofread"


def test_undo_of_the_first_typed_edit_takes_the_status_back_too(
    qtbot: QtBot, window: MainWindow, gui_library: Library
) -> None:
    article_id = RIVER
    show_article(qtbot, window, 1, article_id)
    assert _status(gui_library, article_id) == "new"
    start_edit_mode(qtbot, window)
    type_text(window.proofreading.editor_pane.editor, "校")
    assert window.proofreading.set_edit_mode(False)  # saves
    assert _status(gui_library, article_id) == "in_progress"
    window.undo_stack.undo()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: _status(gui_library, article_id) == "new", timeout=5000)
    window.undo_stack.redo()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: _status(gui_library, article_id) == "in_progress", timeout=5000)

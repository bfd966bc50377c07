"""Undo and redo of an accepted or rejected suggestion keep a suggestion chosen in the pane (the one
that came back, for an undo), so F9 and Shift+F9 go on working without F7 first."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from db.engine import Library
from db.models import Article
from reader.gui.main_window import MainWindow
from reader.gui.suggestions_pane import SuggestionsPane
from tests.gui.conftest import show_article

pytestmark = pytest.mark.gui

FIRST_TITLE = "深化“家门口”服务 打通为民办事最后一米"  # half-width commas the rules suggest replacing


@pytest.fixture
def window(bare_window: MainWindow) -> MainWindow:
    return bare_window


def _shown(qtbot: QtBot, window: MainWindow, library: Library) -> SuggestionsPane:
    with library.session() as session:
        article = session.scalars(select(Article).where(Article.title == FIRST_TITLE)).one()
        issue_id, article_id = article.issue_id, article.id
    pane: SuggestionsPane = window.review_tools.suggestions
    with qtbot.waitSignal(pane.loaded, timeout=10_000):
        show_article(qtbot, window, issue_id, article_id)
    return pane


def _key(pane: SuggestionsPane) -> tuple[int, int, str] | None:
    item = pane.current()
    return None if item is None else (item.block_id, item.suggestion.start, item.suggestion.text)


def test_undo_of_an_accepted_suggestion_chooses_the_one_that_came_back(
    qtbot: QtBot, window: MainWindow, gui_library: Library
) -> None:
    pane = _shown(qtbot, window, gui_library)
    count = len(pane.suggestions())
    assert pane.select(0)
    first = _key(pane)
    accept = window.actions_.accept_suggestion
    with qtbot.waitSignal(pane.loaded, timeout=10_000):
        accept.trigger()  # F9: the next one is chosen
    assert len(pane.suggestions()) == count - 1 and pane.current() is not None
    stack = window.undo_stack  # type: ignore[attr-defined]
    stack.undo()
    qtbot.waitUntil(lambda: len(pane.suggestions()) == count and not pane.loading, timeout=10_000)
    assert _key(pane) == first  # back, and chosen
    assert accept.isEnabled()
    stack.redo()
    qtbot.waitUntil(lambda: len(pane.suggestions()) == count - 1 and not pane.loading, timeout=10_000)
    assert pane.current() is not None and accept.isEnabled()
    with qtbot.waitSignal(pane.loaded, timeout=10_000):
        accept.trigger()  # F9 goes on without F7
    assert len(pane.suggestions()) == count - 2


def test_undo_of_a_rejected_suggestion_chooses_the_one_that_came_back(
    qtbot: QtBot, window: MainWindow, gui_library: Library
) -> None:
    pane = _shown(qtbot, window, gui_library)
    count = len(pane.suggestions())
    assert pane.select(1)
    second = _key(pane)
    with qtbot.waitSignal(pane.loaded, timeout=10_000):
        window.actions_.reject_suggestion.trigger()  # Shift+F9
    assert len(pane.suggestions()) == count - 1
    window.undo_stack.undo()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: len(pane.suggestions()) == count and not pane.loading, timeout=10_000)
    assert _key(pane) == second
    assert window.actions_.reject_suggestion.isEnabled()

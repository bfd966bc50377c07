"""Accept All in this article is the proofreader's edit of the article, as F9 on each suggestion:
it moves a 未校 (new) article to 校对中 (in progress), and its undo brings 未校 back. Accept All in
an issue or the library is a bulk clean-up, as ``fix --rules safe``: the statuses stay."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox
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


def _statuses(library: Library, issue_id: int) -> dict[int, str]:
    with library.session() as session:
        return dict(
            session.execute(select(Article.id, Article.status).where(Article.issue_id == issue_id)).all()
        )


def _accept_all(qtbot: QtBot, window: MainWindow, pane: SuggestionsPane, scope: str) -> None:
    pane.select(0)
    action = window.actions_.accept_all_article if scope == "article" else window.actions_.accept_all_issue
    action.trigger()
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "acceptAllConfirm") is not None, timeout=10_000)
    box = window.findChild(QMessageBox, "acceptAllConfirm")
    assert isinstance(box, QMessageBox)
    with qtbot.waitSignal(pane.loaded, timeout=20_000):
        box.button(QMessageBox.StandardButton.Yes).click()


def test_accept_all_in_the_article_starts_its_proofreading_and_undo_takes_it_back(
    qtbot: QtBot, window: MainWindow, gui_library: Library
) -> None:
    with gui_library.session() as session:
        article = session.scalars(select(Article).where(Article.title == FIRST_TITLE)).one()
        issue_id, article_id = article.issue_id, article.id
    before = _statuses(gui_library, issue_id)
    assert set(before.values()) == {"new"}
    pane: SuggestionsPane = window.review_tools.suggestions
    with qtbot.waitSignal(pane.loaded, timeout=10_000):
        show_article(qtbot, window, issue_id, article_id)
    statuses = window.actions_.status_actions
    _accept_all(qtbot, window, pane, "article")
    assert _statuses(gui_library, issue_id) == {**before, article_id: "in_progress"}  # this article only
    qtbot.waitUntil(statuses["in_progress"].isChecked, timeout=5000)
    stack = window.undo_stack  # type: ignore[attr-defined]
    stack.undo()  # in the background
    qtbot.waitUntil(lambda: _statuses(gui_library, issue_id) == before, timeout=20_000)
    qtbot.waitUntil(statuses["new"].isChecked, timeout=5000)
    stack.redo()
    qtbot.waitUntil(
        lambda: _statuses(gui_library, issue_id) == {**before, article_id: "in_progress"}, timeout=20_000
    )
    qtbot.waitUntil(statuses["in_progress"].isChecked, timeout=5000)


def test_accept_all_in_the_issue_leaves_the_statuses(
    qtbot: QtBot, window: MainWindow, gui_library: Library
) -> None:
    with gui_library.session() as session:
        article = session.scalars(select(Article).where(Article.title == FIRST_TITLE)).one()
        issue_id, article_id = article.issue_id, article.id
    before = _statuses(gui_library, issue_id)
    pane: SuggestionsPane = window.review_tools.suggestions
    with qtbot.waitSignal(pane.loaded, timeout=10_000):
        show_article(qtbot, window, issue_id, article_id)
    _accept_all(qtbot, window, pane, "issue")
    assert _statuses(gui_library, issue_id) == before

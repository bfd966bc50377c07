"""The offer to remember a line for its paper goes when the change it offers is undone."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from db.engine import Library
from db.layout_models import LayoutRule
from db.models import Article
from reader.gui.layout_view import LayoutView
from reader.gui.main_window import MainWindow
from tests.gui.conftest import show_article
from tests.gui.waiting import wait_for_tasks
from tests.structure_support import BAD_CUT, FRONT_PAGE, MASTHEAD, build_issue

pytestmark = pytest.mark.gui

WindowFactory = Callable[..., MainWindow]


@pytest.fixture
def front(gui_library: Library, tmp_path: Path) -> int:
    return build_issue(gui_library, tmp_path, FRONT_PAGE, BAD_CUT)


def _first_article(library: Library, issue_id: int) -> int:
    with library.session() as session:
        return (
            session.scalars(
                select(Article.id).where(Article.issue_id == issue_id).order_by(Article.position)
            ).first()
            or 0
        )


def test_undoing_a_role_change_in_the_reading_pane_takes_the_offer_back(
    qtbot: QtBot, gui_library: Library, front: int, open_window: WindowFactory
) -> None:
    window = open_window()
    show_article(qtbot, window, front, _first_article(gui_library, front))
    found = window.reading_view.document_range(0, 1, 1)
    assert found is not None
    cursor = QTextCursor(window.reading_view.document())
    cursor.setPosition(found[0])
    window.reading_view.setTextCursor(cursor)
    offer = window.review_tools.structure.remember_offer
    window.actions_.role_actions["leftover"].trigger()
    assert offer.isVisibleTo(window) and offer.pending == (front, MASTHEAD[0], "leftover")
    wait_for_tasks(qtbot, window.runner)
    window.undo_stack.undo()  # the line is back in its article: nothing to remember
    assert not offer.isVisibleTo(window) and offer.pending is None
    window.undo_stack.redo()
    wait_for_tasks(qtbot, window.runner)
    assert not offer.isVisibleTo(window)
    offer.remember_button.click()  # a hidden offer remembers nothing
    with gui_library.session() as session:
        assert session.scalars(select(LayoutRule).where(LayoutRule.line == MASTHEAD[0])).all() == []


def test_undoing_a_role_change_in_the_layout_view_takes_its_offer_back(
    qtbot: QtBot, gui_library: Library, front: int, open_window: WindowFactory
) -> None:
    window = open_window()
    assert window.library_pane.select_issue(front)
    qtbot.waitUntil(window.actions_.layout_view.isEnabled)
    window.actions_.layout_view.trigger()
    view = window.findChild(LayoutView)
    assert isinstance(view, LayoutView)
    qtbot.waitUntil(lambda: view.layout_ is not None and not view.loading)
    view.tree.setFocus()
    assert view.select_text(MASTHEAD[0])
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        QTest.keyClick(view.tree, Qt.Key.Key_L)  # take it out as a leftover
    bar = view.actions_.offer_bar
    assert bar.isVisibleTo(view) and bar.pending is not None
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        QTest.keyClick(view.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not bar.isVisibleTo(view) and bar.pending is None
    view.close()

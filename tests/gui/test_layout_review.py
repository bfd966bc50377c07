"""The layout review queue in the window: doubtful articles marked in the library pane, found with
Shift+F8 across issues from the Go menu, and listed on the issue page."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from db.engine import Library
from db.models import Article
from reader.gui.library_model import Role as ModelRole
from reader.gui.main_window import MainWindow
from reader.services.importing import ImportReport
from tests.gui.conftest import show_article
from tests.gui.waiting import wait_for_tasks

pytestmark = pytest.mark.gui

BODY = "6月3日,街道召开夏季消防安全工作会议,各居民区书记参加会议,会议部署了下阶段的工作。"
TRUSTED = "\n\n".join(["街道召开消防安全会议", BODY])
DOUBTFUL = "\n\n".join(["社区举办端午节活动", BODY, "一个落在文末的标题"])


@pytest.fixture
def window(
    gui_library: Library,
    import_into: Callable[[Library, list[Path]], ImportReport],
    open_window: Callable[..., MainWindow],
    tmp_path: Path,
) -> MainWindow:
    paths = []
    for name, text in (("a.txt", TRUSTED), ("b.txt", DOUBTFUL), ("c.txt", TRUSTED.replace("消防", "防汛"))):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    import_into(gui_library, paths)
    return open_window()


def _ids(library: Library) -> list[tuple[int, int]]:
    with library.session() as session:
        return [
            tuple(row) for row in session.execute(select(Article.issue_id, Article.id).order_by(Article.id))
        ]


def test_the_go_menu_jumps_to_the_next_doubtful_article(window: MainWindow, qtbot: QtBot) -> None:
    action = window.layout_review.next_action
    go_menu = next(
        m for m in window.menuBar().findChildren(QMenu) if window.actions_.next_article in m.actions()
    )
    assert action in go_menu.actions()
    assert action.shortcut().toString() == "Shift+F8"
    assert window.library is not None
    (_, first), (doubtful_issue, doubtful), _ = _ids(window.library)
    show_article(qtbot, window, 1, first)
    action.trigger()
    qtbot.waitUntil(lambda: window.reading_view.article_id == doubtful, timeout=10_000)
    assert window.reading_view.issue_id == doubtful_issue
    action.trigger()  # the only one: it stays there, the queue wraps round
    wait_for_tasks(qtbot, window.runner)
    assert window.reading_view.article_id == doubtful


def test_doubtful_articles_are_marked_in_the_library_pane(window: MainWindow, qtbot: QtBot) -> None:
    assert window.library is not None
    (_, first), (doubtful_issue, doubtful), _ = _ids(window.library)
    model = window.library_model
    index = model.index_of_article(doubtful_issue, doubtful)
    qtbot.waitUntil(lambda: model.data(index, Qt.ItemDataRole.DecorationRole) is not None, timeout=10_000)
    assert "A heading after the body" in model.data(index, Qt.ItemDataRole.ToolTipRole)
    trusted = model.index_of_article(1, first)
    assert trusted.data(ModelRole.ID) == first
    wait_for_tasks(qtbot, window.runner)  # every mark is read
    assert model.data(trusted, Qt.ItemDataRole.DecorationRole) is None


def test_the_issue_page_lists_them(window: MainWindow, qtbot: QtBot) -> None:
    assert window.library is not None
    _, (doubtful_issue, _), _ = _ids(window.library)
    assert window.navigator.open_issue(doubtful_issue)
    qtbot.waitUntil(lambda: "Layout needs a look" in window.reading_view.toPlainText(), timeout=10_000)
    text = window.reading_view.toPlainText()
    assert "社区举办端午节活动" in text and "A heading after the body" in text
    assert window.navigator.open_issue(1)
    wait_for_tasks(qtbot, window.runner)
    assert "Layout needs a look" not in window.reading_view.toPlainText()

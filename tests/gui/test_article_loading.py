"""The reading pane reads articles chosen in the library pane in the background, newest only."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from db.engine import Library
from reader.gui.main_window import MainWindow
from tests.gui.builders import add_issue
from tests.gui.waiting import wait_for_tasks

pytestmark = pytest.mark.gui

WindowFactory = Callable[..., MainWindow]
TITLES = ["甲一", "甲二", "甲三", "甲四", "甲五", "甲六"]


def test_arrow_keys_held_down_end_on_the_last_article_never_an_older_one(
    qtbot: QtBot, gui_library: Library, open_window: WindowFactory
) -> None:
    issue_id = add_issue(gui_library, "a.txt", [(title, "正文" * 200, "new") for title in TITLES])
    window = open_window()
    shown: list[int] = []
    window.article_shown.connect(shown.append)
    tree = window.library_pane.tree
    with qtbot.waitSignal(window.article_shown, timeout=5000):
        assert window.library_pane.select_article(issue_id, 1)
    assert window.reading_view.document_title() == TITLES[0]
    tree.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.keyClick(tree, Qt.Key.Key_Down)
    assert window.article_loader.running  # read in the background, the pane not waiting for it
    for _ in TITLES[2:]:
        qtbot.keyClick(tree, Qt.Key.Key_Down)  # each key asks for the next article at once
    wait_for_tasks(qtbot, window.runner)  # every read delivered or dropped
    assert window.reading_view.document_title() == TITLES[-1]
    assert shown[-1] == len(TITLES) and shown == sorted(shown)  # never back to an older one
    assert window.library_pane.current() == ("article", issue_id, len(TITLES))


def test_a_page_opened_at_once_is_not_replaced_by_an_article_asked_for_before(
    qtbot: QtBot, gui_library: Library, open_window: WindowFactory
) -> None:
    issue_id = add_issue(gui_library, "a.txt", [(title, "正文", "new") for title in TITLES[:3]])
    window = open_window()
    window.request_article(issue_id, 2)  # read in the background…
    assert window.open_article(issue_id, 3)  # …but another article is opened meanwhile
    wait_for_tasks(qtbot, window.runner)
    assert window.reading_view.document_title() == TITLES[2]
    assert window.navigator.article_id == 3
    window.request_article(issue_id, 1)  # the same with an issue page opened meanwhile
    assert window.open_issue(issue_id)
    wait_for_tasks(qtbot, window.runner)
    assert window.navigator.issue_id == issue_id and window.navigator.article_id is None


def test_an_article_deleted_before_it_is_read_says_so(
    qtbot: QtBot, gui_library: Library, open_window: WindowFactory
) -> None:
    issue_id = add_issue(gui_library, "a.txt", [(title, "正文", "new") for title in TITLES[:2]])
    window = open_window()
    window.request_article(issue_id, 99)
    qtbot.waitUntil(lambda: "no longer in the library" in window.statusBar().currentMessage(), timeout=5000)
    assert window.navigator.article_id is None

"""Every way of opening an article reads it in the background; the newest request is shown."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from db.engine import Library
from reader.gui.main_window import MainWindow
from tests.gui.builders import add_issue
from tests.gui.conftest import show_article
from tests.gui.gui_thread_sql import sql_on_the_gui_thread
from tests.gui.tagging_support import tag
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
    assert window.reading.loader.running  # read in the background, the pane not waiting for it
    for _ in TITLES[2:]:
        qtbot.keyClick(tree, Qt.Key.Key_Down)  # each key asks for the next article at once
    wait_for_tasks(qtbot, window.runner)  # every read delivered or dropped
    assert window.reading_view.document_title() == TITLES[-1]
    assert shown[-1] == len(TITLES) and shown == sorted(shown)  # never back to an older one
    assert window.library_pane.current() == ("article", issue_id, len(TITLES))


def test_next_article_pressed_quickly_goes_on_from_the_one_asked_for(
    qtbot: QtBot, gui_library: Library, open_window: WindowFactory
) -> None:
    issue_id = add_issue(gui_library, "a.txt", [(title, "正文", "new") for title in TITLES])
    window = open_window()
    show_article(qtbot, window, issue_id, 1)
    for _ in range(3):
        window.actions_.next_article.trigger()  # before the one asked for is shown
    wait_for_tasks(qtbot, window.runner)
    assert window.navigator.article_id == 4
    assert window.reading_view.document_title() == TITLES[3]


def test_the_newest_request_wins_and_an_issue_page_cancels_an_article_asked_for_before(
    qtbot: QtBot, gui_library: Library, open_window: WindowFactory
) -> None:
    issue_id = add_issue(gui_library, "a.txt", [(title, "正文", "new") for title in TITLES[:3]])
    window = open_window()
    shown: list[int] = []
    window.article_shown.connect(shown.append)
    assert window.navigator.open_article(issue_id, 2)  # read in the background…
    assert window.navigator.open_article(issue_id, 3)  # …but another article is asked for meanwhile
    wait_for_tasks(qtbot, window.runner)
    assert shown == [3]
    assert window.reading_view.document_title() == TITLES[2]
    assert window.navigator.article_id == 3
    assert window.navigator.open_article(issue_id, 1)  # the same with an issue page opened meanwhile
    assert window.navigator.open_issue(issue_id)
    wait_for_tasks(qtbot, window.runner)
    assert window.navigator.issue_id == issue_id and window.navigator.article_id is None
    assert shown == [3]


def test_an_article_deleted_before_it_is_read_says_so(
    qtbot: QtBot, gui_library: Library, open_window: WindowFactory
) -> None:
    issue_id = add_issue(gui_library, "a.txt", [(title, "正文", "new") for title in TITLES[:2]])
    window = open_window()
    assert window.navigator.open_article(issue_id, 99)  # accepted: whether it exists is read later
    qtbot.waitUntil(lambda: "no longer in the library" in window.statusBar().currentMessage(), timeout=5000)
    assert window.navigator.article_id is None


def test_the_gui_thread_runs_no_sql_to_open_an_article(
    qtbot: QtBot, gui_library: Library, open_window: WindowFactory
) -> None:
    issue_id = add_issue(gui_library, "a.txt", [(title, "正文" * 50, "new") for title in TITLES[:3]])
    window = open_window()
    wait_for_tasks(qtbot, window.runner)  # the opening's own reads are not the article's
    ways: list[tuple[str, Callable[[], object]]] = [
        ("the navigator (links, search hits, features)", lambda: window.navigator.open_article(issue_id, 1)),
        ("the library pane", lambda: window.library_pane.article_chosen.emit(issue_id, 3)),
        ("next and previous", window.actions_.previous_article.trigger),
        ("a refresh keeping the place", window.navigator.reopen),
    ]
    with sql_on_the_gui_thread(window) as sql:
        for way, open_it in ways:
            sql.armed = True
            with qtbot.waitSignal(window.article_shown, timeout=5000):
                open_it()
            assert sql.seen == [], way
    assert window.navigator.article_id == 2 and window.reading_view.document_title() == TITLES[1]


def test_the_gui_thread_runs_no_sql_to_show_an_article_with_its_tags_or_an_issue_page(
    qtbot: QtBot, gui_library: Library, open_window: WindowFactory
) -> None:
    issue_id = add_issue(gui_library, "a.txt", [(title, "正文" * 50, "new") for title in TITLES[:3]])
    tag(gui_library, "河长制", [2])
    window = open_window()
    # the library pane lists the issue's articles once, on the GUI thread (not the reading pane's)
    show_article(qtbot, window, issue_id, 1)
    wait_for_tasks(qtbot, window.runner)  # the opening's own reads are not the article's
    pane = window.tagging.pane
    with sql_on_the_gui_thread() as sql:  # armed from the request until the tags are on screen
        with qtbot.waitSignal(pane.tags_shown, timeout=5000, check_params_cb=lambda shown: shown == 2):
            assert window.navigator.open_article(issue_id, 2)
        assert [chip.label.text() for chip in pane.chip_widgets()] == ["河长制"]
        assert sql.seen == [], "an article and its tags"
        with qtbot.waitSignal(window.issue_shown, timeout=5000):
            assert window.navigator.open_issue(issue_id)
        assert "Proofread or approved" in window.reading_view.toPlainText()  # its review counts too
        assert sql.seen == [], "an issue page"
    assert pane.article_id is None and window.navigator.article_id is None


def test_an_issue_page_asked_for_is_replaced_by_an_article_asked_for_after_it(
    qtbot: QtBot, gui_library: Library, open_window: WindowFactory
) -> None:
    issue_id = add_issue(gui_library, "a.txt", [(title, "正文", "new") for title in TITLES[:2]])
    window = open_window()
    show_article(qtbot, window, issue_id, 1)
    issues: list[int] = []
    window.issue_shown.connect(issues.append)
    assert window.navigator.open_issue(issue_id)  # read in the background…
    assert window.navigator.open_article(issue_id, 2)  # …but an article is asked for meanwhile
    wait_for_tasks(qtbot, window.runner)
    assert issues == []
    assert window.navigator.article_id == 2 and window.reading_view.document_title() == TITLES[1]
    # a refresh of the article shown (after a change) does not replace an issue page asked for
    assert window.navigator.open_issue(issue_id)
    assert window.navigator.open_article(issue_id, 2, keep_place=True)
    wait_for_tasks(qtbot, window.runner)
    assert issues == [issue_id] and window.navigator.article_id is None


def test_the_last_article_read_is_opened_at_start_in_the_background(
    qtbot: QtBot, gui_library: Library, lib_path: Path, open_window: WindowFactory
) -> None:
    issue_id = add_issue(gui_library, "a.txt", [(title, "正文", "new") for title in TITLES[:3]])
    window = open_window()
    show_article(qtbot, window, issue_id, 3)
    window.close()
    again = MainWindow(lib_path)
    qtbot.addWidget(again)
    again.show()
    with sql_on_the_gui_thread(again) as sql, qtbot.waitSignal(again.article_shown, timeout=20_000):
        sql.armed = True
        again.open_library()
    assert again.navigator.article_id == 3 and again.reading_view.document_title() == TITLES[2]
    assert sql.seen == []


def test_each_library_opens_at_its_own_last_article(
    qtbot: QtBot, gui_library: Library, tmp_path: Path, open_window: WindowFactory
) -> None:
    # the article last read is remembered per library: another library is not opened at an article
    # that merely has the same id there
    from db.opening import open_library
    from tests.template_library import new_library_file

    issue_id = add_issue(gui_library, "a.txt", [(title, "正文", "new") for title in TITLES[:3]])
    other_path = tmp_path / "other.sqlite3"
    other = open_library(new_library_file(other_path))
    try:
        add_issue(other, "b.txt", [(f"另一库文章{n}", "正文", "new") for n in range(3)])
    finally:
        other.close()
    window = open_window()
    show_article(qtbot, window, issue_id, 3)
    window.close()
    elsewhere = open_window(other_path)
    wait_for_tasks(qtbot, elsewhere.runner)
    assert elsewhere.navigator.article_id is None
    elsewhere.close()
    again = open_window(until=lambda w: w.article_shown)
    assert again.navigator.article_id == 3 and again.reading_view.document_title() == TITLES[2]


def test_opening_an_article_reads_the_article_not_the_library(
    qtbot: QtBot, gui_library: Library, open_window: WindowFactory
) -> None:
    # the live refresh notes the version just shown from the read model: no listing of every issue
    # (on a large library that re-read cost more than the opening itself)
    from sqlalchemy import event

    issue_id = add_issue(gui_library, "a.txt", [(title, "正文" * 50, "new") for title in TITLES[:2]])
    window = open_window()
    wait_for_tasks(qtbot, window.runner)
    library = window.library
    assert library is not None
    statements: list[str] = []

    def seen(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        statements.append(" ".join(statement.split()))

    event.listen(library.engine, "before_cursor_execute", seen)
    try:
        show_article(qtbot, window, issue_id, 2)
        wait_for_tasks(qtbot, window.runner)  # and what the opening started in the background
    finally:
        event.remove(library.engine, "before_cursor_execute", seen)
    listings = [s for s in statements if s.startswith("SELECT issue.id") and "ORDER BY issue.id" in s]
    assert statements and listings == []

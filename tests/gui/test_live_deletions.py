"""Another client deletes what a window shows, or edits the article shown: the window says so (both engines).

Presence shows over the reading pane ("李明 is editing"); an article merged
away or an issue deleted elsewhere leaves the library pane, and an open
article that no longer exists is replaced by a note, never left as a stale copy.
"""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from db.engine import Library
from reader.gui.main_window import MainWindow
from reader.services.issues import delete_issues
from reader.services.presence import claim
from reader.services.structure_edits import merge_into
from tests.gui import test_live_refresh as live
from tests.gui.conftest import show_article
from tests.gui.proofreading_support import FIRST, RIVER

# the same library (on each engine), window and other client as the live refresh tests
lib_path, other, window = live.lib_path, live.other, live.window
REFRESHED_MS = live.REFRESHED_MS

pytestmark = pytest.mark.gui

SECOND = 2


def _article_ids(window: MainWindow) -> list[int]:
    return [row.id for row in window.library_model.fetched_articles(1) or []]


def test_the_reading_pane_shows_who_is_editing(qtbot: QtBot, window: MainWindow, other: Library) -> None:
    badge = window.team.badge
    with other.writing() as session:
        assert claim(session, FIRST, holder="李明", client="another window") is None
    show_article(qtbot, window, 1, FIRST)
    window.team.refresh()
    qtbot.waitUntil(lambda: badge.isVisible(), timeout=REFRESHED_MS)
    assert badge.text() == "李明 is editing" and badge.parent() is window.reading_view
    assert badge.geometry().right() <= window.reading_view.width()
    show_article(qtbot, window, 1, RIVER)  # nobody edits this one
    qtbot.waitUntil(lambda: not badge.isVisible(), timeout=REFRESHED_MS)


def test_an_article_merged_away_elsewhere_leaves_the_pane_and_the_reading_view(
    qtbot: QtBot, window: MainWindow, other: Library
) -> None:
    show_article(qtbot, window, 1, SECOND)
    qtbot.waitUntil(lambda: SECOND in _article_ids(window), timeout=REFRESHED_MS)
    with other.writing() as session:
        merge_into(session, SECOND, "previous", author="李明")  # article 2 joins article 1 and is gone
    qtbot.waitUntil(
        lambda: "This article was deleted" in window.reading_view.toPlainText(), timeout=REFRESHED_MS
    )
    assert window.reading_view.article_id is None
    qtbot.waitUntil(lambda: SECOND not in _article_ids(window), timeout=REFRESHED_MS)
    assert FIRST in _article_ids(window)


def test_an_issue_deleted_elsewhere_leaves_the_library_pane(
    qtbot: QtBot, window: MainWindow, other: Library
) -> None:
    show_article(qtbot, window, 1, RIVER)
    assert window.library_model.issue_ids() == [1]
    with other.writing() as session:
        delete_issues(session, [1], keep_documents=False)
    qtbot.waitUntil(lambda: window.library_model.issue_ids() == [], timeout=REFRESHED_MS)
    qtbot.waitUntil(
        lambda: "This article was deleted" in window.reading_view.toPlainText(), timeout=REFRESHED_MS
    )

"""The tag pane follows another client's tagging of the open article, on both engines.

Another window or a `main.py tags …` command tags, renames, merges or untags while an article is
open: the library pane's count followed, the tag pane kept saying "No tags yet" (or the old names).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from db.engine import Library
from reader.gui.main_window import MainWindow
from reader.services.importing import ImportReport
from reader.services.tagging import add_tag, merge_tags, remove_tag, rename_tag
from tests.gui import live_clients
from tests.gui.conftest import show_article
from tests.gui.live_clients import REFRESHED_MS
from tests.gui.proofreading_support import FIRST, RIVER
from tests.gui.waiting import wait_for_tasks

pytestmark = pytest.mark.gui

lib_path = live_clients.lib_path  # both engines
other = live_clients.other  # another client on the same library

Importer = Callable[[Library, list[Path]], ImportReport]


@pytest.fixture
def window(
    gui_library: Library, import_into: Importer, sample_issue: Path, open_window: Callable[..., MainWindow]
) -> MainWindow:
    import_into(gui_library, [sample_issue])
    return open_window()


def _chips(window: MainWindow) -> list[str]:
    return sorted(window.tagging.pane.tag_names())


@pytest.mark.parametrize(
    ("first", "renamed"),
    [("梅园街道", "梅園街道"), ("河长制", "河长制度"), ("Meiyuan", "meiyuan road")],
)
def test_the_tag_pane_follows_another_client_s_tags(
    qtbot: QtBot, window: MainWindow, other: Library, first: str, renamed: str
) -> None:
    show_article(qtbot, window, 1, RIVER)
    wait_for_tasks(qtbot, window.runner)
    assert _chips(window) == []
    with other.writing() as session:
        tag_id = add_tag(session, [RIVER, FIRST], first, kind="place", author="李明").tag_id
        second = add_tag(session, [RIVER], "志愿者", kind="topic", author="李明").tag_id
    qtbot.waitUntil(lambda: _chips(window) == sorted([first, "志愿者"]), timeout=REFRESHED_MS)
    with other.writing() as session:
        rename_tag(session, tag_id, renamed)
    qtbot.waitUntil(lambda: _chips(window) == sorted([renamed, "志愿者"]), timeout=REFRESHED_MS)
    with other.writing() as session:
        merge_tags(session, second, tag_id)
    qtbot.waitUntil(lambda: _chips(window) == [renamed], timeout=REFRESHED_MS)
    with other.writing() as session:
        remove_tag(session, [RIVER], tag_id)
    qtbot.waitUntil(lambda: _chips(window) == [], timeout=REFRESHED_MS)
    show_article(qtbot, window, 1, FIRST)  # the other article kept its tag, shown when opened
    qtbot.waitUntil(lambda: _chips(window) == [renamed], timeout=REFRESHED_MS)

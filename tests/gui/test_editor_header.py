"""The edit mode's header line ("Editing “title” · status · original script", then "Saved at …") never
widens the window's middle (qa24): a long title squeezed the library and search panes, for good."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from db.engine import Library
from reader.gui.main_window import MainWindow
from reader.services.importing import ImportReport
from reader.services.tracking.saving import save_article_text
from tests.gui.conftest import show_article, start_edit_mode
from tests.gui.proofreading_support import RIVER, article, block_id

pytestmark = pytest.mark.gui

Importer = Callable[[Library, list[Path]], ImportReport]
WindowFactory = Callable[..., MainWindow]


@pytest.mark.parametrize(
    "title", ["姜鸣一行调研芷江西路街道宣传思想文化和精神文明建设工作" * 3, "Long English title " * 12]
)
def test_a_long_title_in_the_editing_header_leaves_the_side_panes_as_they_are(
    qtbot: QtBot,
    gui_library: Library,
    import_into: Importer,
    sample_issue: Path,
    open_window: WindowFactory,
    title: str,
) -> None:
    import_into(gui_library, [sample_issue])
    with gui_library.writing() as session:
        save_article_text(
            session, RIVER, {block_id(gui_library, RIVER, 1): title}, author="甲", base_version=1
        )
    assert article(gui_library, RIVER).title == title
    window = open_window()
    window.resize(1200, 800)
    show_article(qtbot, window, 1, RIVER)
    qtbot.wait(100)
    widths = (window.library_dock.width(), window.search_dock.width())
    start_edit_mode(qtbot, window)
    pane = window.proofreading.editor_pane
    qtbot.waitUntil(lambda: title[:10] in pane.title_label.text(), timeout=10_000)
    qtbot.wait(100)
    assert (window.library_dock.width(), window.search_dock.width()) == widths
    assert title in pane.title_label.toolTip()  # the whole title, though the line is cut

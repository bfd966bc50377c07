"""An article whose title is two heading lines (a headline set in two title blocks, or two articles
merged) is named on one line in the status bar and the window's title: the status bar keeps its
height and the reading pane does not jump."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from db.engine import Library
from db.models import Article
from reader.gui.main_window import MainWindow
from reader.services.importing import ImportReport
from reader.services.segmentation_edits import set_block_role
from reader.services.tracking.revisions import article_blocks
from tests.gui.conftest import show_article

pytestmark = pytest.mark.gui

FIRST_TITLE = "深化“家门口”服务 打通为民办事最后一米"
SUBTITLE = "——梅园街道推进社区服务站点标准化建设"

Importer = Callable[[Library, list[Path]], ImportReport]
WindowFactory = Callable[..., MainWindow]


def test_a_title_of_two_lines_is_one_line_in_the_status_bar(
    qtbot: QtBot, gui_library: Library, import_into: Importer, sample_issue: Path, open_window: WindowFactory
) -> None:
    import_into(gui_library, [sample_issue])
    with gui_library.writing() as session:
        article = session.scalars(select(Article).where(Article.title == FIRST_TITLE)).one()
        issue_id, article_id = article.issue_id, article.id
        subtitle = next(b for b in article_blocks(session, article_id) if b.text == SUBTITLE)
        set_block_role(session, subtitle.id, "title", author="qa")
    with gui_library.session() as session:
        assert session.get_one(Article, article_id).title == f"{FIRST_TITLE}\n{SUBTITLE}"
    window = open_window()
    show_article(qtbot, window, issue_id, article_id)
    qtbot.waitUntil(lambda: SUBTITLE in window.location_label.text(), timeout=5000)
    assert "\n" not in window.location_label.text()
    assert f"{FIRST_TITLE} {SUBTITLE}" in window.location_label.text()
    assert "\n" not in window.windowTitle()
    assert window.windowTitle().startswith(f"{FIRST_TITLE} {SUBTITLE} — ")

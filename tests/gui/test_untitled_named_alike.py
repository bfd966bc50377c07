"""An untitled article is named by its first words everywhere: the library pane lists it so, and the status
bar and the window title now say the same, in the script shown (qa22, finding 4: they said "(untitled)")."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from db.engine import Library
from db.models import Article
from reader.core.script import Script, convert
from reader.gui.main_window import MainWindow
from reader.services.importing import ImportReport
from tests.gui.conftest import show_article

pytestmark = pytest.mark.gui

WindowFactory = Callable[..., MainWindow]
Importer = Callable[[Library, list[Path]], ImportReport]
BODY = "五一小长假期间,市委书记李强看望慰问坚守岗位的一线职工,向他们致以节日的问候。"


def test_an_untitled_article_is_named_by_its_first_words_in_the_status_bar_and_the_title(
    qtbot: QtBot, gui_library: Library, import_into: Importer, open_window: WindowFactory, tmp_path: Path
) -> None:
    issue = tmp_path / "a.txt"
    issue.write_text(
        f"有标题的文章\n\n　　正文说明了这件事的来龙去脉。\n\n　　本报讯(记者 张三){BODY}\n", encoding="utf-8"
    )
    import_into(gui_library, [issue])
    with gui_library.session() as session:
        articles = list(session.scalars(select(Article).order_by(Article.position)))
        issue_id = articles[0].issue_id
        assert [a.title for a in articles] == ["有标题的文章", None]
        titled, untitled = articles[0].id, articles[1].id
    window = open_window()
    show_article(qtbot, window, issue_id, untitled)
    model = window.library_model
    listed = str(model.data(model.index_of_article(issue_id, untitled), Qt.ItemDataRole.DisplayRole))
    assert listed.endswith("…") and listed.startswith("本报讯")  # as the library pane lists it
    qtbot.waitUntil(lambda: listed in window.location_label.text(), timeout=5000)
    assert "(untitled)" not in window.location_label.text() and "无标题" not in window.location_label.text()
    assert window.windowTitle().startswith(f"{listed} — ")
    window.script.set_script(Script.TAIWAN)
    qtbot.waitUntil(lambda: convert(listed, Script.TAIWAN) in window.location_label.text(), timeout=5000)
    show_article(qtbot, window, issue_id, titled)  # a titled one keeps its title
    qtbot.waitUntil(
        lambda: convert("有标题的文章", Script.TAIWAN) in window.location_label.text(), timeout=5000
    )

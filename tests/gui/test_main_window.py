"""The real main window on a real library: reading, scripts, navigation, search, settings."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QPalette, QTextCursor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import update

from db.engine import Library
from db.models import Article
from reader.core.script import Script, convert
from reader.gui.library_model import PAGE, Role
from reader.gui.main_window import MainWindow
from reader.gui.reading_document import CAPTION_MARKER
from reader.gui.scripts import SCRIPT_ORDER
from reader.gui.settings import Theme
from reader.services.importing import ImportReport
from tests.gui.builders import add_issue, add_many_issues
from tests.gui.conftest import show_article
from tests.gui.waiting import wait_for_tasks

pytestmark = pytest.mark.gui

RIVER_TITLE = "梅园街道河长制工作再上新台阶"
RIVER_CAPTION = "志愿者在青溪河沿岸开展巡河活动"
RIVER_PARAGRAPH_START = "今年以来,梅园街道以河长制为抓手"
FIRST_TITLE = "深化“家门口”服务 打通为民办事最后一米"
OTHER_ISSUE = "\n\n".join(
    [
        "巡河日记",
        "□ 通讯员 王小明",
        "又一篇关于巡河的文章,志愿者每周巡查河道两次,记录水质变化。",
        "(街道城建办)\n",
    ]
)

Importer = Callable[[Library, list[Path]], ImportReport]
WindowFactory = Callable[..., MainWindow]


@pytest.fixture
def sample_window(
    gui_library: Library, import_into: Importer, sample_issue: Path, open_window: WindowFactory
) -> MainWindow:
    report = import_into(gui_library, [sample_issue])
    assert len(report.imported) == 1
    return open_window()


def _article_index(window: MainWindow, title: str) -> QModelIndex:
    pane = window.library_pane
    for issue_row in range(pane.proxy.rowCount()):
        issue = pane.proxy.index(issue_row, 0)
        pane.proxy.fetchMore(issue)
        for row in range(pane.proxy.rowCount(issue)):
            index = pane.proxy.index(row, 0, issue)
            if index.data() == title:
                return index
    raise AssertionError(f"no article titled {title!r} in the library pane")


def _click(qtbot: QtBot, window: MainWindow, index: QModelIndex) -> None:
    tree = window.library_pane.tree
    tree.expand(index.parent())
    tree.scrollTo(index)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualRect(index).center())


def test_welcome_page_on_an_empty_library(open_window: WindowFactory) -> None:
    window = open_window()
    assert window.stack.currentWidget() is window.welcome_page
    assert window.welcome_page.sample_button.isVisible()
    assert window.welcome_page.import_files_button.isVisible()
    assert window.library_model.issue_count() == 0
    assert "0" in window.size_label.text()


def test_open_the_sample_from_the_welcome_page(qtbot: QtBot, open_window: WindowFactory) -> None:
    window = open_window()
    with qtbot.waitSignal(window.article_shown, timeout=20_000):
        window.welcome_page.sample_button.click()
    assert window.stack.currentWidget() is window.reading_view
    assert FIRST_TITLE in window.reading_view.toPlainText()
    assert window.library_model.issue_count() == 1


def test_sample_option_imports_once_and_opens_the_first_article(
    gui_library: Library, import_into: Importer, sample_issue: Path, open_window: WindowFactory
) -> None:
    import_into(gui_library, [sample_issue])  # already there: a duplicate is fine
    window = open_window(sample=True, until=lambda w: w.article_shown)
    assert window.library_model.issue_count() == 1
    assert window.reading_view.document_title() == FIRST_TITLE


def test_an_article_chosen_in_the_library_pane_is_laid_out_for_reading(
    qtbot: QtBot, sample_window: MainWindow
) -> None:
    window = sample_window
    index = _article_index(window, RIVER_TITLE)
    with qtbot.waitSignal(window.article_shown, timeout=5000):
        _click(qtbot, window, index)
    view = window.reading_view
    text = view.toPlainText()
    assert RIVER_TITLE in text
    assert "守护一江碧水" in text  # the kicker
    assert RIVER_PARAGRAPH_START in text
    assert "(街道城建办)" in text  # the source

    rendered = view.rendered
    assert rendered is not None
    roles = {b.role: b for b in rendered.blocks}
    doc = view.document()
    title_block = doc.findBlock(roles["title"].start)
    paragraph_block = doc.findBlock(roles["paragraph"].start)
    title_size = title_block.begin().fragment().charFormat().font().pointSizeF()
    body_size = paragraph_block.begin().fragment().charFormat().font().pointSizeF()
    assert title_size > body_size * 1.4
    assert paragraph_block.blockFormat().lineHeight() > 100  # airy lines for Chinese
    assert paragraph_block.blockFormat().textIndent() > 0
    source_block = doc.findBlock(roles["source"].start)
    assert source_block.blockFormat().alignment() & Qt.AlignmentFlag.AlignRight

    # the caption is set apart: inside a bordered frame, after the 图 marker, smaller
    caption = roles["caption"]
    assert caption.text == RIVER_CAPTION
    cursor = QTextCursor(doc)
    cursor.setPosition(caption.start)
    frame = cursor.currentFrame()
    assert frame is not None and frame is not doc.rootFrame()
    assert frame.frameFormat().border() > 0
    caption_block = doc.findBlock(caption.start)
    assert caption_block.text().startswith(CAPTION_MARKER)
    assert caption_block.text().endswith(RIVER_CAPTION)
    cursor.setPosition(caption.start + 1)
    assert cursor.charFormat().font().pointSizeF() < body_size
    assert window.library_pane.current() == ("article", 1, window.reading_view.article_id)


def test_scripts_convert_the_reading_pane_and_the_library_titles(
    qtbot: QtBot, sample_window: MainWindow
) -> None:
    window = sample_window
    index = _article_index(window, RIVER_TITLE)
    with qtbot.waitSignal(window.article_shown, timeout=5000):  # read in the background
        window.library_pane.select_article(int(index.data(Role.ISSUE_ID)), int(index.data(Role.ID)))
    assert RIVER_TITLE in window.reading_view.toPlainText()
    source_index = window.library_pane.proxy.mapToSource(index)

    for script in (Script.TRADITIONAL, Script.TAIWAN, Script.HONGKONG):
        window.script_combo.setCurrentIndex(SCRIPT_ORDER.index(script))
        expected = convert(RIVER_TITLE, script)
        assert expected != RIVER_TITLE
        text = window.reading_view.toPlainText()
        assert expected in text
        assert convert(RIVER_CAPTION, script) in text
        assert window.library_pane.shown_text(index) == expected
        assert window.library_model.data(source_index) == RIVER_TITLE  # stored text never changes
        assert window.actions_.script_actions[script].isChecked()
        assert window.settings.script == script.value

    # the shortcut action cycles round to the original text, which never changed
    window.actions_.next_script.trigger()
    assert window.script.script is Script.ORIGINAL
    assert RIVER_TITLE in window.reading_view.toPlainText()
    assert window.library_pane.shown_text(index) == RIVER_TITLE
    # the text is simplified already: the next press skips simplified, to the traditional chosen last
    window.actions_.next_script.trigger()
    assert window.script.script is Script.HONGKONG
    assert window.settings.traditional_script == "hk"


def test_next_script_skips_what_changes_nothing_and_defaults_to_taiwan(
    qtbot: QtBot, sample_window: MainWindow
) -> None:
    window = sample_window
    index = _article_index(window, RIVER_TITLE)
    with qtbot.waitSignal(window.article_shown, timeout=5000):  # read in the background
        window.library_pane.select_article(int(index.data(Role.ISSUE_ID)), int(index.data(Role.ID)))
    assert window.script.script is Script.ORIGINAL and window.script.traditional is Script.TAIWAN
    window.actions_.next_script.trigger()
    assert window.script.script is Script.TAIWAN  # not simplified: it would show the same text
    assert convert(RIVER_TITLE, Script.TAIWAN) in window.reading_view.toPlainText()
    window.actions_.next_script.trigger()
    assert window.script.script is Script.ORIGINAL
    labels = [window.script_combo.itemText(i) for i in range(window.script_combo.count())]
    assert labels == [
        "Original",
        "Simplified 简体",
        "Taiwan Standard 臺灣正體",
        "Hong Kong 香港繁體",
        "OpenCC Standard 標準繁體",
    ]


def test_search_opens_the_article_with_the_hit_selected(qtbot: QtBot, sample_window: MainWindow) -> None:
    window = sample_window
    window.actions_.find.trigger()
    pane = window.search_pane
    assert pane.query_edit.hasFocus() or window.focusWidget() is pane.query_edit
    with qtbot.waitSignal(pane.searched, timeout=5000) as blocker:
        pane.query_edit.setText("巡河")  # debounced: searched in the background
    assert blocker.args == ["巡河", 1]
    html = pane.model.data(pane.model.index(0), Qt.ItemDataRole.UserRole + 2)
    assert "background-color" in html and "巡河" in html

    with qtbot.waitSignal(window.article_shown, timeout=5000):
        qtbot.keyClick(pane.query_edit, Qt.Key.Key_Return)
    assert window.reading_view.document_title() == RIVER_TITLE
    assert window.reading_view.textCursor().selectedText() == "巡河"

    # in another script the hit is found in the converted text, and results are converted too
    window.script.set_script(Script.TAIWAN)
    with qtbot.waitSignal(pane.searched, timeout=5000) as blocker:
        pane.query_edit.setText("河長制")  # traditional query finds simplified text
    assert blocker.args is not None and blocker.args[1] >= 1
    assert convert(RIVER_TITLE, Script.TAIWAN) in pane.model.data(pane.model.index(0))
    with qtbot.waitSignal(window.article_shown, timeout=5000):
        pane.open_result(0)
    assert window.reading_view.textCursor().selectedText() == "河長制"


def test_search_filters_by_issue_and_status(
    qtbot: QtBot, sample_window: MainWindow, gui_library: Library, import_into: Importer, tmp_path: Path
) -> None:
    window = sample_window
    other_file = tmp_path / "other.txt"
    other_file.write_text(OTHER_ISSUE, encoding="utf-8")
    other = import_into(gui_library, [other_file]).imported[0].issue_id
    with gui_library.writing() as session:
        session.execute(update(Article).where(Article.issue_id == other).values(status="approved"))
    pane = window.search_pane
    with qtbot.waitSignal(pane.searched, timeout=5000) as blocker:
        pane.query_edit.setText("巡河")
    assert blocker.args == ["巡河", 2]
    with qtbot.waitSignal(pane.searched, timeout=5000) as blocker:
        pane.status_combo.setCurrentIndex(pane.status_combo.findData("approved"))
    assert blocker.args == ["巡河", 1]
    assert pane.model.hits()[0].issue_id == other
    pane.status_combo.setCurrentIndex(0)
    with qtbot.waitSignal(window.article_shown, timeout=5000):
        window.library_pane.select_article(1, _article_index(window, RIVER_TITLE).data(Role.ID))
    with qtbot.waitSignal(pane.searched, timeout=5000) as blocker:
        pane.scope_combo.setCurrentIndex(pane.scope_combo.findData("issue"))
    assert blocker.args == ["巡河", 1]
    assert pane.model.hits()[0].issue_id == 1


def test_next_and_previous_cross_issue_boundaries(
    qtbot: QtBot, gui_library: Library, open_window: WindowFactory
) -> None:
    first = add_issue(gui_library, "a.txt", [("甲一", "正文", "new"), ("甲二", "正文", "new")])
    add_issue(gui_library, "b.txt", [])  # no article: skipped
    third = add_issue(gui_library, "c.txt", [("丙一", "正文", "new")])
    window = open_window()
    window.library_pane.select_issue(first)
    titles = []
    for _ in range(3):
        with qtbot.waitSignal(window.article_shown, timeout=5000):
            window.actions_.next_article.trigger()
        titles.append(window.reading_view.document_title())
    assert titles == ["甲一", "甲二", "丙一"]
    assert window.reading_view.issue_id == third
    window.actions_.next_article.trigger()  # the last one: stays
    assert "last article" in window.statusBar().currentMessage()
    wait_for_tasks(qtbot, window.runner)
    assert window.reading_view.document_title() == "丙一"
    with qtbot.waitSignal(window.article_shown, timeout=5000):
        window.actions_.previous_article.trigger()
    assert window.reading_view.document_title() == "甲二"
    # the keyboard shortcut does the same
    window.activateWindow()
    qtbot.keyClick(window.reading_view, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.reading_view.document_title() == "丙一", timeout=2000)


def test_next_article_continues_past_the_issues_shown_so_far(
    qtbot: QtBot, gui_library: Library, open_window: WindowFactory
) -> None:
    ids = add_many_issues(gui_library, PAGE * 3)
    window = open_window()
    shown = window.library_model.shown_count()
    assert shown < window.library_model.issue_count()
    show_article(qtbot, window, ids[shown - 1], shown)  # the last issue shown so far (one article each)
    with qtbot.waitSignal(window.article_shown, timeout=5000):
        window.actions_.next_article.trigger()
    assert window.reading_view.issue_id == ids[shown]
    assert window.reading_view.document_title() == f"第{shown}期 第1篇"
    with qtbot.waitSignal(window.article_shown, timeout=5000):
        window.actions_.previous_article.trigger()
    assert window.reading_view.issue_id == ids[shown - 1]
    # filtering sees issues that were not shown yet
    pane = window.library_pane
    with qtbot.waitSignal(pane.filter_applied, timeout=5000):
        pane.filter_edit.setText(f"第{PAGE * 3 - 1}期")
    assert pane.proxy.rowCount() == 1
    assert pane.proxy.index(0, 0).data(Role.ID) == ids[-1]


def test_selecting_an_issue_shows_its_page_with_leftovers(qtbot: QtBot, sample_window: MainWindow) -> None:
    window = sample_window
    with qtbot.waitSignal(window.issue_shown, timeout=5000):
        _click(qtbot, window, window.library_pane.proxy.index(0, 0))
    text = window.reading_view.toPlainText()
    assert "sample_issue.txt" in text
    assert "utf-8" in text
    assert "Masthead" in text and "梅园社区报 第58期 2021年4月16日" in text
    assert "QR code blurb" in text and "扫码关注" in text
    assert "Articles" in text


def test_library_filter_by_title_and_status(qtbot: QtBot, sample_window: MainWindow) -> None:
    pane = sample_window.library_pane
    with qtbot.waitSignal(pane.filter_applied, timeout=5000):
        pane.filter_edit.setText("河長")  # traditional characters find the simplified title
    assert pane.proxy.rowCount() == 1
    issue = pane.proxy.index(0, 0)
    assert pane.proxy.rowCount(issue) == 1
    assert pane.proxy.index(0, 0, issue).data() == RIVER_TITLE
    with qtbot.waitSignal(pane.filter_applied, timeout=5000):
        pane.status_combo.setCurrentIndex(pane.status_combo.findData("approved"))
    assert pane.proxy.rowCount() == 0
    assert pane.count_label.isVisible()
    with qtbot.waitSignal(pane.filter_applied, timeout=5000):
        pane.clear_filter()
    assert pane.proxy.rowCount() == 1
    assert pane.proxy.rowCount(pane.proxy.index(0, 0)) == 4


def test_zoom_actions_change_and_reset_the_text_size(qtbot: QtBot, sample_window: MainWindow) -> None:
    window = sample_window
    show_article(qtbot, window, 1, 1)
    start = window.reading_view.font_size
    window.actions_.zoom_in.trigger()
    window.actions_.zoom_in.trigger()
    assert window.reading_view.font_size == start + 2
    assert window.settings.font_size == start + 2
    window.actions_.zoom_out.trigger()
    assert window.reading_view.font_size == start + 1
    window.actions_.zoom_reset.trigger()
    assert window.reading_view.font_size == start
    assert window.actions_.zoom_reset.shortcut().toString() == "Ctrl+0"
    assert window.actions_.find.shortcut().toString() == "Ctrl+F"


def test_settings_survive_closing_and_reopening(
    qtbot: QtBot, sample_window: MainWindow, open_window: WindowFactory
) -> None:
    window = sample_window
    show_article(qtbot, window, 1, 4)
    window.set_font_size(19)
    window.script.set_script(Script.TAIWAN)
    minimum = window.minimumSizeHint()
    room = window.screen().availableGeometry().size() - minimum  # the offscreen screen is small
    size = (
        minimum.width() + max(0, min(41, room.width() - 8)),
        minimum.height() + max(0, min(29, room.height() - 8)),
    )
    window.resize(*size)
    window.search_dock.hide()
    window.close()

    again = open_window(until=lambda w: w.article_shown)  # the article read last, read in the background
    assert again.reading_view.font_size == 19
    assert again.script.script is Script.TAIWAN
    assert again.script_combo.currentIndex() == SCRIPT_ORDER.index(Script.TAIWAN)
    assert (again.size().width(), again.size().height()) == size
    assert not again.search_dock.isVisible()
    assert again.library_dock.isVisible()
    # the article read last is opened again
    assert again.reading_view.article_id == 4


def test_the_view_menu_forces_a_dark_or_light_palette(qtbot: QtBot, sample_window: MainWindow) -> None:
    window = sample_window
    show_article(qtbot, window, 1, 4)
    view = window.reading_view

    def body_text_lightness() -> int:
        assert view.rendered is not None
        block = view.document().findBlock(view.rendered.blocks[-2].start)
        return int(block.begin().fragment().charFormat().foreground().color().lightness())

    try:
        window.actions_.theme_actions[Theme.DARK].trigger()
        assert window.settings.theme is Theme.DARK
        assert QApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128
        # the reading pane is laid out again in the new colours once the palette reaches it
        qtbot.waitUntil(lambda: body_text_lightness() > 128, timeout=3000)
        window.actions_.theme_actions[Theme.LIGHT].trigger()
        assert QApplication.palette().color(QPalette.ColorRole.Window).lightness() > 128
        qtbot.waitUntil(lambda: body_text_lightness() < 128, timeout=3000)
    finally:
        window.actions_.theme_actions[Theme.SYSTEM].trigger()
    assert window.settings.theme is Theme.SYSTEM


def test_the_latest_query_wins(qtbot: QtBot, sample_window: MainWindow) -> None:
    pane = sample_window.search_pane
    searched: list[tuple[str, int]] = []
    pane.searched.connect(lambda query, count: searched.append((query, count)))
    for text in ("河", "河长", "巡"):  # typed quickly: debounced into one search
        pane.query_edit.setText(text)
    pane.query_edit.setText("巡河")
    qtbot.waitUntil(lambda: bool(searched), timeout=5000)
    # two searches started back to back: the older one's result is dropped
    pane.query_edit.setText("河")
    pane.search_now()
    pane.query_edit.setText("街道")
    pane.search_now()
    qtbot.waitUntil(lambda: len(searched) >= 2 and not pane.running, timeout=5000)
    wait_for_tasks(qtbot, sample_window.runner)  # the older search delivered too: was it dropped?
    assert [query for query, _ in searched] == ["巡河", "街道"]
    assert searched[0][1] == 1

"""The tag browser on a real library: the tree, filtering the library pane, managing tags with undo."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QMessageBox, QToolButton
from pytestqt.qtbot import QtBot

from db.engine import Library
from reader.gui.main_window import MainWindow
from reader.gui.tag_browser import TagBrowser
from tests.gui.conftest import show_article
from tests.gui.tagging_support import (
    ALL_ARTICLES,
    HEALTH,
    RIVER,
    SERVICE,
    STAIRS,
    Importer,
    WindowFactory,
    open_sample_window,
    shown_article_ids,
    tag,
    tag_count_shown,
    tag_row,
    tags_of,
    wait_for_tag_list,
)

pytestmark = pytest.mark.gui


@pytest.fixture
def window(
    qtbot: QtBot, gui_library: Library, import_into: Importer, sample_issue: Path, open_window: WindowFactory
) -> MainWindow:
    def tag_the_sample() -> None:
        tag(gui_library, "梅园街道", [SERVICE, RIVER], kind="place")
        tag(gui_library, "河长制", [RIVER])
        tag(gui_library, "健康", [HEALTH])
        tag(gui_library, "梅园街道/桂花居民区", [STAIRS])  # a child of 梅园街道

    window = open_sample_window(gui_library, import_into, sample_issue, open_window, before=tag_the_sample)
    wait_for_tag_list(qtbot, window)
    return window


def _click(
    qtbot: QtBot, browser: TagBrowser, tag_id: int, modifier: Qt.KeyboardModifier | None = None
) -> None:
    index = browser.index_of_tag(tag_id)
    assert index.isValid()
    browser.tree.scrollTo(index)
    rect = browser.tree.visualRect(index)
    qtbot.mouseClick(
        browser.tree.viewport(),
        Qt.MouseButton.LeftButton,
        modifier or Qt.KeyboardModifier.NoModifier,
        rect.center(),
    )


def _filtered(qtbot: QtBot, window: MainWindow, expected: list[int]) -> None:
    qtbot.waitUntil(lambda: shown_article_ids(window) == sorted(expected), timeout=5000)


def _id(library: Library, name: str) -> int:
    row = tag_row(library, name)
    assert row is not None
    return row.id


def test_the_browser_shows_tags_by_kind_and_hierarchy_with_counts(window: MainWindow) -> None:
    browser = window.tagging.browser
    groups = [browser.model.index(row, 0).data() for row in range(browser.model.rowCount())]
    assert groups == ["Place (2)", "Topic (2)"]
    assert browser.shown_tags() == [("梅园街道", 2), ("桂花居民区", 1), ("健康", 1), ("河长制", 1)]
    street = browser.model.index(0, 0, browser.model.index(0, 0))
    assert street.data() == "梅园街道"
    assert browser.model.index(0, 0, street).data() == "桂花居民区"  # under its parent
    assert browser.model.index(0, 1, browser.model.index(0, 0)).data() == "2"

    browser.filter_edit.setText("居民")  # filtered by name: the match and its ancestors
    assert browser.shown_tags() == [("梅园街道", 2), ("桂花居民区", 1)]
    browser.filter_edit.setText("河長")  # in any script
    assert browser.shown_tags() == [("河长制", 1)]
    browser.filter_edit.clear()
    assert len(browser.shown_tags()) == 4


def test_clicks_filter_the_library_all_any_and_exclude(
    qtbot: QtBot, window: MainWindow, gui_library: Library
) -> None:
    browser = window.tagging.browser
    bar = window.tagging.filter_bar
    street, river, health = (_id(gui_library, n) for n in ("梅园街道", "河长制", "健康"))
    assert shown_article_ids(window) == ALL_ARTICLES
    assert bar.isHidden()

    _click(qtbot, browser, street)  # with its child tag: STAIRS too
    _filtered(qtbot, window, [SERVICE, STAIRS, RIVER])
    assert not bar.isHidden()
    assert bar.chip_texts() == ["梅园街道  ×"]

    _click(qtbot, browser, river)  # all of them
    _filtered(qtbot, window, [RIVER])
    bar.mode_combo.setCurrentIndex(bar.mode_combo.findData("any"))  # any of them
    _filtered(qtbot, window, [SERVICE, STAIRS, RIVER])

    _click(qtbot, browser, river)  # a second click takes it off
    _click(qtbot, browser, health)
    _filtered(qtbot, window, [SERVICE, HEALTH, STAIRS, RIVER])
    _click(qtbot, browser, health, Qt.KeyboardModifier.ControlModifier)  # Ctrl+click excludes
    _filtered(qtbot, window, [SERVICE, STAIRS, RIVER])
    assert bar.chip_texts() == ["梅园街道  ×", "− 健康  ×"]
    _click(qtbot, browser, street, Qt.KeyboardModifier.AltModifier)  # Alt+click excludes too
    _filtered(qtbot, window, [])
    assert window.library_pane.count_label.text() == "Nothing matches the filter"

    # a × on the bar takes one tag off; Clear shows everything again
    assert bar.chip_texts() == ["− 健康  ×", "− 梅园街道  ×"]
    chips = [w for w in bar.chips.findChildren(QToolButton) if not w.isHidden()]
    qtbot.mouseClick(next(c for c in chips if "梅园街道" in c.text()), Qt.MouseButton.LeftButton)
    _filtered(qtbot, window, [SERVICE, STAIRS, RIVER])
    qtbot.mouseClick(bar.clear_button, Qt.MouseButton.LeftButton)
    _filtered(qtbot, window, ALL_ARTICLES)
    assert bar.isHidden()


def test_the_tag_filter_combines_with_the_title_filter(
    qtbot: QtBot, window: MainWindow, gui_library: Library
) -> None:
    _click(qtbot, window.tagging.browser, _id(gui_library, "梅园街道"))
    _filtered(qtbot, window, [SERVICE, STAIRS, RIVER])
    window.library_pane.filter_edit.setText("河长")
    window.library_pane.apply_filter()
    _filtered(qtbot, window, [RIVER])


def test_rename_merge_and_delete_are_undoable_and_shown_everywhere(
    qtbot: QtBot, window: MainWindow, gui_library: Library
) -> None:
    browser = window.tagging.browser
    pane = window.tagging.pane
    stack = window.undo_stack
    with qtbot.waitSignal(pane.tags_shown, timeout=5000):  # the chips are read in the background
        show_article(qtbot, window, 1, RIVER)
    assert sorted(chip.label.text() for chip in pane.chip_widgets()) == ["梅园街道", "河长制"]
    river = tag_row(gui_library, "河长制")
    assert river is not None
    info = browser.tag_at(browser.index_of_tag(river.id))
    assert info is not None

    # rename
    dialog = browser.ask_rename(info)
    dialog.setTextValue("河長制度")
    with qtbot.waitSignal(pane.tags_shown, timeout=5000):
        dialog.accept()
    assert tags_of(gui_library, RIVER) == ["梅园街道", "河長制度"]
    assert sorted(chip.label.text() for chip in pane.chip_widgets()) == ["梅园街道", "河長制度"]
    wait_for_tag_list(qtbot, window)
    assert ("河長制度", 1) in browser.shown_tags()
    stack.undo()
    assert tags_of(gui_library, RIVER) == ["梅园街道", "河长制"]
    qtbot.waitUntil(lambda: ("河长制", 1) in browser.shown_tags(), timeout=5000)

    # merge 健康 into 河长制: HEALTH now carries 河长制
    health = browser.tag_at(browser.index_of_tag(_id(gui_library, "健康")))
    assert health is not None
    merge = browser.ask_merge(health)
    merge.edit.setText("河长")  # not a tag: the dialog stays open
    merge.accept()
    assert merge.isVisible() and not merge.error_label.isHidden()
    merge.edit.setText("河長制")  # any script
    merge.accept()
    assert tag_row(gui_library, "健康") is None
    assert tags_of(gui_library, HEALTH) == ["河长制"]
    qtbot.waitUntil(lambda: ("河长制", 2) in browser.shown_tags(), timeout=5000)
    stack.undo()
    assert tags_of(gui_library, HEALTH) == ["健康"]
    assert tags_of(gui_library, RIVER) == ["梅园街道", "河长制"]
    qtbot.waitUntil(lambda: ("健康", 1) in browser.shown_tags(), timeout=5000)

    # delete asks first, saying how many articles lose the tag; the library counts follow
    street = browser.tag_at(browser.index_of_tag(_id(gui_library, "梅园街道")))
    assert street is not None
    assert tag_count_shown(window, SERVICE) == 1
    box = browser.ask_delete(street)
    assert "2 article" in box.text() and "will lose it" in box.text()
    with qtbot.waitSignal(pane.tags_shown, timeout=5000):
        qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    assert tag_row(gui_library, "梅园街道") is None
    assert tags_of(gui_library, SERVICE) == []
    assert [chip.label.text() for chip in pane.chip_widgets()] == ["河长制"]
    qtbot.waitUntil(lambda: tag_count_shown(window, SERVICE) == 0, timeout=5000)
    child = tag_row(gui_library, "桂花居民区")
    assert child is not None and child.parent_id is None  # moved up a level
    with qtbot.waitSignal(pane.tags_shown, timeout=5000):
        stack.undo()
    assert tags_of(gui_library, SERVICE) == ["梅园街道"]
    restored = tag_row(gui_library, "桂花居民区")
    assert restored is not None and restored.parent_id == _id(gui_library, "梅园街道")
    qtbot.waitUntil(lambda: tag_count_shown(window, SERVICE) == 1, timeout=5000)
    assert sorted(chip.label.text() for chip in pane.chip_widgets()) == ["梅园街道", "河长制"]

    # cancelling deletes nothing
    box = browser.ask_delete(street)
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    assert tag_row(gui_library, "梅园街道") is not None


def test_kind_parent_and_colour_from_the_context_menu(
    qtbot: QtBot, window: MainWindow, gui_library: Library
) -> None:
    browser = window.tagging.browser
    river_id = _id(gui_library, "河长制")
    info = browser.tag_at(browser.index_of_tag(river_id))
    assert info is not None
    menu = browser.context_menu(info)
    texts = [a.text() for a in menu.actions()]
    assert "&Rename…" in texts and "&Merge Into…" in texts and "&Delete…" in texts
    kind_menu = next(a.menu() for a in menu.actions() if a.text() == "&Kind")
    assert kind_menu is not None
    next(a for a in kind_menu.actions() if a.text() == "Organisation").trigger()
    row = tag_row(gui_library, "河长制")
    assert row is not None and row.kind == "organisation"
    qtbot.waitUntil(
        lambda: (
            [browser.model.index(r, 0).data() for r in range(browser.model.rowCount())]
            == ["Place (2)", "Organisation (1)", "Topic (1)"]
        ),
        timeout=5000,
    )
    window.undo_stack.undo()
    row = tag_row(gui_library, "河长制")
    assert row is not None and row.kind == "topic"
    menu.close()

    parent = browser.ask_parent(info)
    parent.edit.setText("梅园街道")
    parent.accept()
    row = tag_row(gui_library, "河长制")
    assert row is not None and row.parent_id == _id(gui_library, "梅园街道")
    wait_for_tag_list(qtbot, window)
    street = browser.index_of_tag(_id(gui_library, "梅园街道"))
    children = [browser.model.index(r, 0, street).data() for r in range(browser.model.rowCount(street))]
    assert children == ["桂花居民区", "河长制"]
    window.undo_stack.undo()
    row = tag_row(gui_library, "河长制")
    assert row is not None and row.parent_id is None

    colour = browser.ask_colour(info)
    colour.setCurrentColor(Qt.GlobalColor.red)
    colour.accept()
    row = tag_row(gui_library, "河长制")
    assert row is not None and row.colour == "#ff0000"
    window.undo_stack.undo()
    row = tag_row(gui_library, "河长制")
    assert row is not None and row.colour is None
    assert browser.index_of_tag(999) == QModelIndex()


def test_the_interface_knows_every_kind_of_tag() -> None:
    from db.tagging_models import TAG_KINDS as STORED
    from reader.gui.tag_models import TAG_KINDS, kind_label

    assert TAG_KINDS == STORED
    assert [kind_label(kind) for kind in TAG_KINDS] == ["Person", "Place", "Organisation", "Topic", "Other"]

"""Tagging several articles at once, from the library pane or the search results; the user
dictionary; the library's IDF counted after an import in the window."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from db.engine import Library
from db.models import Article
from db.tagging_models import IdfStats, TagPhrase, UserWord
from reader.gui.library_model import Column
from reader.gui.main_window import MainWindow
from tests.gui.tagging_support import (
    HEALTH,
    RIVER,
    SERVICE,
    STAIRS,
    WindowFactory,
    tag,
    tag_count_shown,
    tag_row,
    tags_of,
    type_text,
    wait_for_tag_list,
)

pytestmark = pytest.mark.gui


def _focus(widget: QWidget) -> None:
    widget.window().activateWindow()
    widget.setFocus(Qt.FocusReason.MouseFocusReason)
    QApplication.processEvents()
    assert QApplication.focusWidget() is widget


def _select_articles(window: MainWindow, article_ids: list[int]) -> None:
    """Select articles in the library pane as Ctrl+clicks would."""
    pane = window.library_pane
    selection = QItemSelection()
    for article_id in article_ids:
        index = pane.proxy.mapFromSource(window.library_model.index_of_article(1, article_id))
        assert index.isValid()
        selection.select(index, index)
    pane.tree.selectionModel().select(
        selection,
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    _focus(pane.tree)  # the library pane had the focus last


def test_add_and_remove_a_tag_on_a_multi_selection_in_one_undo_step(
    qtbot: QtBot, window: MainWindow, gui_library: Library
) -> None:
    tagging = window.tagging
    tag(gui_library, "健康", [HEALTH])
    _select_articles(window, [SERVICE, HEALTH, RIVER])
    assert window.library_pane.selected_articles() == [(1, SERVICE), (1, HEALTH), (1, RIVER)]
    dialog = tagging.tag_selected_articles()
    assert dialog is not None and dialog.article_ids == [SERVICE, HEALTH, RIVER]
    assert "3 article" in dialog.summary.text()

    type_text(dialog.name_edit, "梅园社区")  # new: its kind is asked, defaulted
    assert not dialog.kind_combo.isHidden() and dialog.kind_combo.currentData() == "place"
    assert not dialog.remove_button.isEnabled()  # nothing to remove: no such tag yet
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert all(tags_of(gui_library, a) == ["梅园社区"] for a in (SERVICE, RIVER))
    assert tags_of(gui_library, HEALTH) == ["健康", "梅园社区"]
    assert tags_of(gui_library, STAIRS) == []
    created = tag_row(gui_library, "梅园社区")
    assert created is not None and created.kind == "place"
    qtbot.waitUntil(lambda: tag_count_shown(window, HEALTH) == 2, timeout=5000)
    assert tag_count_shown(window, SERVICE) == 1 and tag_count_shown(window, STAIRS) == 0
    index = window.library_pane.proxy.mapFromSource(window.library_model.index_of_article(1, HEALTH))
    assert index.siblingAtColumn(Column.TAGS).data() == "2"

    count = window.undo_stack.count()
    window.undo_stack.undo()  # one step takes it off all three
    assert [tags_of(gui_library, a) for a in (SERVICE, HEALTH, RIVER)] == [[], ["健康"], []]
    assert tag_row(gui_library, "梅园社区") is None
    window.undo_stack.redo()
    assert window.undo_stack.count() == count
    assert all("梅园社区" in tags_of(gui_library, a) for a in (SERVICE, HEALTH, RIVER))

    # removing from the selection is one step too
    wait_for_tag_list(qtbot, window)
    dialog = tagging.tag_selected_articles()
    assert dialog is not None
    type_text(dialog.name_edit, "梅園社區")  # found in any script
    assert dialog.kind_combo.isHidden() and dialog.remove_button.isEnabled()
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert [tags_of(gui_library, a) for a in (SERVICE, HEALTH, RIVER)] == [[], ["健康"], []]
    qtbot.waitUntil(lambda: tag_count_shown(window, HEALTH) == 1, timeout=5000)
    window.undo_stack.undo()
    assert all("梅园社区" in tags_of(gui_library, a) for a in (SERVICE, HEALTH, RIVER))


def test_bulk_tagging_the_selected_search_results(
    qtbot: QtBot, window: MainWindow, gui_library: Library
) -> None:
    search = window.search_pane
    with qtbot.waitSignal(search.searched, timeout=10_000):
        search.query_edit.setText("街道")
        search.search_now()
    hits = search.model.hits()
    assert len(hits) >= 2
    search.results.selectAll()
    _focus(search.results)
    expected = list(dict.fromkeys(hit.article_id for hit in hits))
    assert window.tagging.selected_article_ids() == expected
    dialog = window.tagging.tag_selected_articles()
    assert dialog is not None
    type_text(dialog.name_edit, "街道")
    dialog.add()
    assert all(tags_of(gui_library, a) == ["街道"] for a in expected)
    window.undo_stack.undo()
    assert all(tags_of(gui_library, a) == [] for a in expected)


def test_nothing_selected_opens_no_dialog(window: MainWindow) -> None:
    window.library_pane.tree.clearSelection()
    assert window.tagging.tag_selected_articles() is None
    assert "Select articles" in window.statusBar().currentMessage()


def test_the_user_dictionary_lists_adds_and_removes_words(
    qtbot: QtBot, window: MainWindow, gui_library: Library
) -> None:
    from reader.core import segmenter

    dialog = window.tagging.edit_user_dictionary()
    assert dialog is not None
    assert dialog.words() == []
    edit_menu = window.menuBar().actions()[1].menu()
    tags = next(a.menu() for a in edit_menu.actions() if a.menu() and a.menu().title() == "&Tags")
    assert window.tagging.dictionary_action in tags.actions()  # Edit > Tags > User Dictionary…
    type_text(dialog.word_edit, "青溪河")
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("place"))
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert dialog.words() == ["青溪河"]
    assert "Place" in dialog.word_list.item(0).text()
    segmenter.ensure_loaded()
    assert any(t.word == "青溪河" and t.pos == "ns" for t in segmenter.tokens("志愿者在青溪河沿岸巡河"))
    with gui_library.session() as session:
        assert session.scalar(select(UserWord.pos).where(UserWord.word == "青溪河")) == "ns"

    type_text(dialog.word_edit, "a/b")  # not a word: said so, nothing stored
    dialog.add_word()
    assert not dialog.error_label.isHidden()
    assert dialog.words() == ["青溪河"]

    dialog.word_list.setCurrentRow(0)
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert dialog.words() == []
    with gui_library.session() as session:
        assert session.scalar(select(func.count()).select_from(UserWord)) == 0


def test_an_import_in_the_window_counts_the_new_articles_into_the_idf(
    qtbot: QtBot, open_window: WindowFactory, gui_library: Library, sample_issue: Path
) -> None:
    window = open_window()
    window.import_flow.show_summary = False
    with qtbot.waitSignal(window.import_flow.finished, timeout=30_000):
        window.import_paths([sample_issue])
    task = window.tagging.idf_task
    assert task is not None
    qtbot.waitUntil(lambda: task.done, timeout=60_000)
    with gui_library.session() as session:
        stats = session.get(IdfStats, 1)
        articles = session.scalar(select(func.count()).select_from(Article))
        phrases = set(session.scalars(select(TagPhrase.phrase)))
    assert stats is not None and articles and stats.n_docs == articles
    assert "梅园街道" in phrases  # the recurring phrases were found with the IDF

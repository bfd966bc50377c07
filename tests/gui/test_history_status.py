"""Review status, next needing review, show changes with revert-one, revision history with restore."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from db.engine import Library
from db.models import Article
from reader.gui.library_model import Column
from reader.gui.main_window import MainWindow
from reader.gui.proofreading import Mode
from reader.services.importing import ImportReport
from reader.services.tracking.saving import save_article_text
from tests.gui.builders import add_issue
from tests.gui.conftest import show_article
from tests.gui.proofreading_support import (
    RIVER,
    RIVER_TITLE,
    article,
    block_id,
    block_texts,
    revision_authors,
)

pytestmark = pytest.mark.gui

Importer = Callable[[Library, list[Path]], ImportReport]
WindowFactory = Callable[..., MainWindow]


@pytest.fixture
def window(
    gui_library: Library, import_into: Importer, sample_issue: Path, open_window: WindowFactory
) -> MainWindow:
    import_into(gui_library, [sample_issue])
    return open_window()


def _article_titled(library: Library, title: str) -> int:
    with library.session() as session:
        return session.execute(select(Article.id).where(Article.title == title)).scalar_one()


def _status_shown(window: MainWindow, issue_id: int, article_id: int) -> str:
    index = window.library_model.index_of_article(issue_id, article_id)
    return str(index.siblingAtColumn(Column.STATUS).data())


def _progress_shown(window: MainWindow, issue_id: int) -> str:
    return str(window.library_model.index_of_issue(issue_id).siblingAtColumn(Column.STATUS).data())


def test_status_shortcuts_set_the_status_and_undo_restores_it(
    qtbot: QtBot, window: MainWindow, gui_library: Library
) -> None:
    show_article(qtbot, window, 1, RIVER)
    window.activateWindow()
    assert _progress_shown(window, 1) == "0/4"
    stack = window.undo_stack
    for key, status, shown in (
        (Qt.Key.Key_3, "proofread", "Proofread"),
        (Qt.Key.Key_2, "in_progress", "In progress"),
        (Qt.Key.Key_4, "approved", "Approved"),
        (Qt.Key.Key_1, "new", "New"),
    ):
        qtbot.keyClick(window.reading_view, key, Qt.KeyboardModifier.ControlModifier)
        assert article(gui_library, RIVER).status == status
        assert window.actions_.status_actions[status].isChecked()
        assert _status_shown(window, 1, RIVER) == shown
        qtbot.waitUntil(
            lambda shown=shown: shown in window.reading_view.toPlainText(), timeout=5000
        )  # head line
    assert stack.count() == 4
    # undo goes back one status at a time; the library pane follows
    stack.undo()
    assert article(gui_library, RIVER).status == "approved"
    assert _progress_shown(window, 1) == "1/4"
    assert window.actions_.status_actions["approved"].isChecked()
    stack.undo()
    stack.undo()
    assert article(gui_library, RIVER).status == "proofread"
    stack.redo()
    assert article(gui_library, RIVER).status == "in_progress"
    assert _progress_shown(window, 1) == "0/4"
    assert window.library_pane.current() == ("article", 1, RIVER)  # the row stays selected
    # a status the article has already is no step
    window.actions_.status_actions["in_progress"].trigger()
    assert stack.index() == 2
    assert ("import", "original") in revision_authors(gui_library, RIVER)


def test_the_issue_page_counts_articles_per_status(
    qtbot: QtBot, window: MainWindow, gui_library: Library
) -> None:
    show_article(qtbot, window, 1, RIVER)
    window.proofreading.set_status("approved")
    show_article(qtbot, window, 1, 1)
    window.proofreading.set_status("in_progress")
    with qtbot.waitSignal(window.issue_shown, timeout=5000):  # read in the background
        assert window.navigator.open_issue(1)
    text = window.reading_view.toPlainText()
    assert "Review" in text
    assert "Proofread or approved\t1 / 4" in text or "Proofread or approved\n1 / 4" in text
    for label, count in (("New", 2), ("In progress", 1), ("Proofread", 0), ("Approved", 1)):
        assert f"{label}\n{count}" in text or f"{label}\t{count}" in text
    from reader.services.suggesting import iter_suggestions

    with gui_library.session() as session:
        remaining = len(list(iter_suggestions(session, issue_ids=[1])))
    assert remaining > 0
    assert f"Remaining suggestions\n{remaining}" in text or f"Remaining suggestions\t{remaining}" in text


def test_next_article_needing_review_crosses_issues_and_wraps(
    qtbot: QtBot, gui_library: Library, open_window: WindowFactory
) -> None:
    first = add_issue(gui_library, "a.txt", [("甲一", "正文", "approved"), ("甲二", "正文", "new")])
    add_issue(gui_library, "b.txt", [("乙一", "正文", "proofread")])  # nothing to review here
    third = add_issue(gui_library, "c.txt", [("丙一", "正文", "approved"), ("丙二", "正文", "in_progress")])
    window = open_window()
    window.library_pane.select_issue(first)
    window.activateWindow()
    titles = []
    for _ in range(3):
        with qtbot.waitSignal(window.article_shown, timeout=5000):
            qtbot.keyClick(window.reading_view, Qt.Key.Key_F8)
        titles.append(window.reading_view.document_title())
    assert titles == ["甲二", "丙二", "甲二"]
    with qtbot.waitSignal(window.article_shown, timeout=5000):
        window.actions_.next_needing_review.trigger()
    assert window.reading_view.issue_id == third
    current = window.library_pane.current()
    assert current is not None and current[1] == third
    # once everything is done there is nowhere to go
    qtbot.keyClick(window.reading_view, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)  # 丙二 proofread
    show_article(qtbot, window, first, _article_titled(gui_library, "甲二"))
    window.proofreading.set_status("proofread")
    assert not window.proofreading.next_needing_review()
    assert "Every article" in window.statusBar().currentMessage()


def test_show_changes_lists_each_change_and_reverts_one_undoably(
    qtbot: QtBot, window: MainWindow, gui_library: Library
) -> None:
    title = block_id(gui_library, RIVER, 1)
    paragraph = block_id(gui_library, RIVER, 3)
    original = block_texts(gui_library, RIVER)
    edited_title = RIVER_TITLE.replace("河长制", "河長制")
    edited_paragraph = original[3].replace("综合治理", "综合管理")
    with gui_library.writing() as session:
        save_article_text(
            session,
            RIVER,
            {title: edited_title, paragraph: edited_paragraph},
            author="李校对",
            base_version=1,
        )
    show_article(qtbot, window, 1, RIVER)
    window.actions_.show_changes.trigger()
    view = window.proofreading.changes_view
    assert window.proofreading.mode is Mode.CHANGES and window.stack.currentWidget() is view
    assert view.list.topLevelItemCount() == 2
    first = view.list.topLevelItem(0)
    assert first is not None
    assert first.text(0) == "Title" and "“长” → “長”" in first.text(1) and first.text(2) == "李校对"
    # the text is marked: the old character struck out, the new one underlined
    doc = view.text_view.document()
    assert doc.find("长").charFormat().fontStrikeOut()
    assert doc.find("長").charFormat().fontUnderline()
    # the selected change is selected in the text too
    view.list.setCurrentItem(first)
    assert view.text_view.textCursor().selectedText() == "长長"
    # revert the first change only
    view.revert_button.click()
    assert block_texts(gui_library, RIVER)[1] == RIVER_TITLE
    assert block_texts(gui_library, RIVER)[3] == edited_paragraph
    assert view.list.topLevelItemCount() == 1
    assert window.actions_.undo.text() == "&Undo Revert “长” → “長”"
    window.undo_stack.undo()
    assert block_texts(gui_library, RIVER)[1] == edited_title
    assert view.list.topLevelItemCount() == 2
    window.undo_stack.redo()
    assert block_texts(gui_library, RIVER)[1] == RIVER_TITLE
    # leaving show changes shows the reading pane, laid out with the new text
    with qtbot.waitSignal(window.article_shown, timeout=5000):
        window.actions_.show_changes.trigger()
    assert window.stack.currentWidget() is window.reading_view
    assert RIVER_TITLE in window.reading_view.toPlainText()


def test_revision_history_compares_and_restores_undoably(
    qtbot: QtBot, window: MainWindow, gui_library: Library
) -> None:
    title = block_id(gui_library, RIVER, 1)
    for version, text in ((1, "第一稿"), (2, "第二稿")):
        with gui_library.writing() as session:
            save_article_text(session, RIVER, {title: text}, author="李校对", base_version=version)
    show_article(qtbot, window, 1, RIVER)
    dialog = window.proofreading.show_history()
    assert dialog is not None and dialog.isVisible()
    assert dialog.list.topLevelItemCount() == 3
    newest = dialog.list.topLevelItem(2)
    assert newest is not None and newest.text(2) == "李校对" and newest.text(3) == "Edited"
    assert not dialog.restore_button.isEnabled()  # the newest is the current text
    assert "No difference" in dialog.diff_view.toPlainText()
    assert dialog.select_number(1)
    selected = dialog.list.currentItem()
    assert selected is not None and selected.text(3) == "As imported"
    diff = dialog.diff_view.toPlainText()
    assert "Title" in diff and RIVER_TITLE in diff and "第二稿" in diff  # against the current text
    dialog.compare.setCurrentIndex(1)  # what revision 2 changed, against the one before
    assert dialog.select_number(2)
    assert "第一稿" in dialog.diff_view.toPlainText() and "第二稿" not in dialog.diff_view.toPlainText()
    dialog.compare.setCurrentIndex(0)
    assert dialog.select_number(1)
    assert dialog.restore_button.isEnabled()
    dialog.restore_button.click()
    assert block_texts(gui_library, RIVER)[1] == RIVER_TITLE
    assert dialog.list.topLevelItemCount() == 4  # the restore is itself a revision
    last = dialog.list.topLevelItem(3)
    assert last is not None and last.text(3) == "Revision 1 restored"
    qtbot.waitUntil(lambda: RIVER_TITLE in window.reading_view.toPlainText(), timeout=5000)  # laid out again
    window.undo_stack.undo()
    assert block_texts(gui_library, RIVER)[1] == "第二稿"
    window.undo_stack.redo()
    assert block_texts(gui_library, RIVER)[1] == RIVER_TITLE
    # an edit made elsewhere is never overwritten by undo: the step is refused and dropped
    with gui_library.writing() as session:
        version = article(gui_library, RIVER).version
        save_article_text(session, RIVER, {title: "别处的改动"}, author="另一位", base_version=version)
    window.undo_stack.undo()
    assert block_texts(gui_library, RIVER)[1] == "别处的改动"
    box = window.proofreading.message_box
    assert box is not None and "changed since" in box.text()
    assert window.undo_stack.count() == 0

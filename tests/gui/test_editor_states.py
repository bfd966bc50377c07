"""The article editor pane's saving states on a real library, without a window.

The pane runs on a bare undo stack and edit context (tests/gui/command_support.py);
each test drives it the way the user and other editors do, and checks its
:class:`~reader.gui.autosave_session.EditorState`, what is stored and what the user is told.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from db.engine import Library
from db.models import Article
from reader.gui.article_editor import ArticleEditorPane
from reader.gui.autosave_session import EditorState
from reader.gui.reading_document import ReadingStyle
from reader.services.recovery import pending_recoveries
from reader.services.tracking.saving import save_article_text
from tests.gui.command_support import Bench, articles, texts
from tests.gui.gui_thread_sql import sql_on_the_gui_thread

pytestmark = pytest.mark.gui


@pytest.fixture
def pane(qtbot: QtBot, bench: Bench, gui_library: Library) -> Iterator[ArticleEditorPane]:
    style = ReadingStyle.from_palette(QApplication.palette(), None, 12.0)
    made = ArticleEditorPane(bench.context, lambda: style)
    qtbot.addWidget(made)
    assert made.session.state is EditorState.CLOSED
    with qtbot.waitSignal(made.loaded, timeout=5000):  # read in the background
        assert made.open_article(articles(gui_library)[0])
    assert made.session.state is EditorState.CLEAN
    yield made
    made.release()  # no autosave left to fire after the test


def _type(pane: ArticleEditorPane, text: str) -> None:
    cursor = pane.editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    pane.editor.setTextCursor(cursor)
    pane.editor.insertPlainText(text)


def _edit_elsewhere(library: Library, article_id: int) -> list[str]:
    changed = [text + "（他）" for text in texts(library, article_id)]
    with library.writing() as session:
        version = session.get_one(Article, article_id).version
        save_article_text(session, article_id, changed, author="李明", base_version=version)
    return changed


def test_typing_is_dirty_until_saved(pane: ArticleEditorPane, gui_library: Library) -> None:
    article_id = articles(gui_library)[0]
    _type(pane, "校")
    assert pane.session.state is EditorState.DIRTY and pane.dirty and pane.state == "Edited"
    assert pane.flush()
    assert pane.session.state is EditorState.CLEAN and not pane.dirty
    assert texts(gui_library, article_id)[-1].endswith("校")
    assert pane.release() and pane.session.state is EditorState.CLOSED


def test_a_change_elsewhere_asks_and_nothing_is_saved_until_answered(
    pane: ArticleEditorPane, bench: Bench, gui_library: Library
) -> None:
    article_id = articles(gui_library)[0]
    _type(pane, "我的")
    newer = _edit_elsewhere(gui_library, article_id)
    assert not pane.flush()
    assert pane.session.state is EditorState.CONFLICT and pane.kept and pane.editor.isReadOnly()
    dialog = pane.conflict_dialog
    assert dialog is not None and dialog.isVisible()
    assert not pane.flush()  # asked: nothing is saved meanwhile
    pane.external_change()  # nor is the newer text loaded over the question
    assert pane.editor.texts()[-1].endswith("我的")
    assert texts(gui_library, article_id) == newer
    dialog.merge_button.click()  # go on with one's own text on top of the newer version
    assert pane.session.state is EditorState.DIRTY and not pane.editor.isReadOnly()
    assert pane.flush()
    assert pane.session.state is EditorState.CLEAN and not pane.kept
    assert texts(gui_library, article_id)[-1].endswith("我的")
    assert pending_recoveries() == []  # the text is stored: its recovery file is gone


def test_taking_the_newer_text_reads_it_and_is_clean(pane: ArticleEditorPane, gui_library: Library) -> None:
    article_id = articles(gui_library)[0]
    _type(pane, "我的")
    newer = _edit_elsewhere(gui_library, article_id)
    assert not pane.flush()
    assert pane.conflict_dialog is not None
    pane.conflict_dialog.newer_button.click()
    assert pane.session.state is EditorState.CLEAN and pane.editor.texts() == newer


def test_typing_into_an_article_deleted_elsewhere_is_kept_and_said(
    pane: ArticleEditorPane, bench: Bench, gui_library: Library
) -> None:
    from reader.services.issues import delete_issues

    _type(pane, "我的")
    with gui_library.writing() as session:
        delete_issues(session, [1], keep_documents=False)
    assert not pane.flush()
    assert pane.session.state is EditorState.FAILING and pane.dirty and pane.kept
    assert pane.state == "Not saved: kept in a recovery file"
    assert len(bench.failures) == 1
    [kept] = pending_recoveries()
    stored = kept.blocks_text.values() if isinstance(kept.blocks_text, dict) else kept.blocks_text
    assert any(text.endswith("我的") for text in stored)
    _type(pane, "再")
    assert pane.session.state is EditorState.FAILING  # still failing while typing goes on


def test_another_article_is_read_in_the_background_after_the_typing_is_saved(
    qtbot: QtBot, pane: ArticleEditorPane, gui_library: Library
) -> None:
    first, second = articles(gui_library)[:2]
    _type(pane, "我的")
    with sql_on_the_gui_thread() as sql:
        assert pane.open_article(second)
        saved = list(sql.seen)  # the typing, saved at once before the article is let go
        sql.seen.clear()
        assert pane.loading == second and pane.article is None
        assert pane.editor.isReadOnly()  # nothing typed meanwhile can go astray
        with qtbot.waitSignal(pane.loaded, timeout=5000):
            pass
    assert saved and texts(gui_library, first)[-1].endswith("我的")
    assert sql.seen == []  # the GUI thread read nothing of the article to edit
    assert pane.article_id == second and not pane.editor.isReadOnly()
    assert pane.session.state is EditorState.CLEAN and pane.editor.texts() == texts(gui_library, second)


def test_an_article_that_cannot_be_read_says_so(qtbot: QtBot, pane: ArticleEditorPane) -> None:
    with qtbot.waitSignal(pane.load_failed, timeout=5000) as failed:
        assert pane.open_article(99_999)
    assert failed.args == [99_999]
    assert pane.article is None and pane.loading is None and pane.editor.isReadOnly()

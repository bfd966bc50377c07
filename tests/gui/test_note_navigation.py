"""F4 / Shift+F4: from note to note across the articles of the library, on the sample issue.

qa23: a note could not be found again once its article was closed.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from db.editing_models import Note
from db.engine import Library
from db.models import Article, Block
from reader.gui.main_window import MainWindow
from reader.services import notes
from reader.services.importing import ImportReport
from tests.gui.conftest import show_article

pytestmark = pytest.mark.gui

Importer = Callable[[Library, list[Path]], ImportReport]
WindowFactory = Callable[..., MainWindow]


def _note(library: Library, position: int, body: str, *, resolved: bool = False) -> tuple[int, int, int]:
    """A note on the first two characters of the last block of the article at ``position``:
    (issue id, article id, note id)."""
    with library.writing() as session:
        article = session.scalars(select(Article).where(Article.position == position)).one()
        block = session.scalars(
            select(Block).where(Block.article_id == article.id).order_by(Block.position.desc())
        ).first()
        assert block is not None
        note = notes.add_note(session, article.id, block.id, 0, 2, body, author="校对员甲")
        if resolved:
            notes.resolve_note(session, note.id)
        return article.issue_id, article.id, note.id


def test_next_and_previous_open_note_open_its_article_and_choose_it(
    qtbot: QtBot, gui_library: Library, import_into: Importer, sample_issue: Path, open_window: WindowFactory
) -> None:
    import_into(gui_library, [sample_issue])
    issue, second, second_note = _note(gui_library, 1, "此字存疑")
    _, _, resolved = _note(gui_library, 2, "已核对", resolved=True)
    _, fourth, fourth_note = _note(gui_library, 3, "对照版面")
    window = open_window()
    actions = window.actions_
    assert actions.next_note.shortcut() == QKeySequence(Qt.Key.Key_F4)
    assert actions.previous_note.shortcut() == QKeySequence(Qt.Modifier.SHIFT | Qt.Key.Key_F4)
    with gui_library.session() as session:
        first = session.scalars(select(Article.id).where(Article.position == 0)).one()
    show_article(qtbot, window, issue, first)
    navigation = window.review_tools.note_navigation
    pane = window.review_tools.notes

    def step(action_name: str, article_id: int, note_id: int) -> None:
        with qtbot.waitSignal(navigation.arrived, timeout=10_000) as arrived:
            getattr(actions, action_name).trigger()
        assert arrived.args == [note_id]
        assert window.navigator.article_id == article_id
        current = pane.current()
        assert current is not None and current.id == note_id
        assert window.review_tools.notes_dock.isVisible()

    step("next_note", second, second_note)
    step("next_note", fourth, fourth_note)  # the resolved note between them is passed over
    step("next_note", second, second_note)  # around the library
    step("previous_note", fourth, fourth_note)
    step("previous_note", second, second_note)
    assert resolved not in {second_note, fourth_note}


def test_with_no_open_note_the_status_bar_says_so(
    qtbot: QtBot, gui_library: Library, import_into: Importer, sample_issue: Path, open_window: WindowFactory
) -> None:
    import_into(gui_library, [sample_issue])
    _note(gui_library, 1, "已核对", resolved=True)
    window = open_window()
    window.actions_.next_note.trigger()
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "No note is open.", timeout=10_000)


def test_the_status_bar_does_not_say_a_passage_is_gone_once_a_note_with_its_passage_is_chosen(
    qtbot: QtBot, gui_library: Library, import_into: Importer, sample_issue: Path, open_window: WindowFactory
) -> None:
    """F4 from a note whose passage is gone to one whose passage is there (qa24): the status bar went on
    saying "The noted passage is no longer in the text" for five seconds, of the note now chosen."""
    import_into(gui_library, [sample_issue])
    issue, second, gone_note = _note(gui_library, 1, "此字存疑")
    _, fourth, fourth_note = _note(gui_library, 3, "对照版面")
    with gui_library.writing() as session:
        session.get_one(Note, gone_note).orphaned = True
    window = open_window()
    show_article(qtbot, window, issue, second)
    navigation = window.review_tools.note_navigation
    gone = "The noted passage is no longer in the text; the note is kept."
    for action, note_id in (("next_note", gone_note), ("next_note", fourth_note)):
        with qtbot.waitSignal(navigation.arrived, timeout=10_000) as arrived:
            getattr(window.actions_, action).trigger()
        assert arrived.args == [note_id]
        if note_id == gone_note:
            assert window.statusBar().currentMessage() == gone
    assert window.navigator.article_id == fourth
    assert window.statusBar().currentMessage() != gone

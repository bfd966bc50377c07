"""Guided proofreading by OCR confidence in the window: marks, the next unsure passage, crop, accept."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from db.engine import Library
from db.models import Article
from db.ocr_models import OcrLine
from reader.gui.main_window import MainWindow
from reader.gui.ocr_review import UNSURE_LAYER
from reader.services.ocr_unsure import OCR_UNSURE
from tests.gui.conftest import show_article
from tests.test_ocr_store import BODY, stored_issue

pytestmark = pytest.mark.gui


def test_unsure_passages_are_marked_jumped_to_shown_on_the_page_and_accepted(
    qtbot: QtBot, gui_library: Library, open_window: Callable[..., MainWindow], tmp_path: Path
) -> None:
    issue_id = stored_issue(gui_library, tmp_path)
    with gui_library.session() as session:
        article_id = session.scalars(select(Article.id).where(Article.issue_id == issue_id)).one()
    window = open_window()
    a = window.actions_
    assert a.next_unsure.shortcut().toString() == "Ctrl+U"
    assert a.show_unsure_marks.isCheckable() and not a.show_unsure_marks.isChecked()
    pane = window.review_tools.suggestions
    with qtbot.waitSignal(pane.loaded, timeout=10_000):
        show_article(qtbot, window, issue_id, article_id)
    view = window.reading_view
    at = len(BODY[0]) + 3
    assert view.highlights(UNSURE_LAYER) == []  # off until asked for
    a.show_unsure_marks.setChecked(True)
    qtbot.waitUntil(lambda: view.highlights(UNSURE_LAYER) == [(1, at, at + 1)], timeout=10_000)

    # Ctrl+U selects the next unsure passage
    a.next_unsure.trigger()
    qtbot.waitUntil(lambda: view.selected_span() == (1, at, at + 1), timeout=10_000)

    # listed as a suggestion of "OCR unsure" and chosen there too (qa25: it was not, so F9 did nothing
    # and the crop did not show until the row was clicked): the page crop shown under the list
    current = pane.current()
    assert current is not None and current.suggestion.rule == OCR_UNSURE
    crop = window.review_tools.ocr_review.crop
    qtbot.waitUntil(lambda: crop.isVisible() and not crop.pixmap().isNull(), timeout=10_000)
    assert a.accept_suggestion.isEnabled()

    # accepting the reading clears the mark (recorded as a decision; the text is unchanged)
    before = view.toPlainText()
    with qtbot.waitSignal(pane.loaded, timeout=10_000):
        a.accept_suggestion.trigger()
    qtbot.waitUntil(lambda: view.highlights(UNSURE_LAYER) == [], timeout=10_000)
    assert view.toPlainText() == before
    assert not any(pane_item.suggestion.rule == OCR_UNSURE for pane_item in pane.suggestions())
    assert not crop.isVisible()  # no crop left of a passage no longer listed
    with gui_library.session() as session:
        assert not any(session.scalars(select(OcrLine.unsure)))
    a.next_unsure.trigger()
    qtbot.waitUntil(lambda: "No passage" in window.statusBar().currentMessage(), timeout=10_000)

    # undo takes the decision back: the passage is unsure and marked again
    with qtbot.waitSignal(pane.loaded, timeout=10_000):
        window.undo_stack.undo()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: view.highlights(UNSURE_LAYER) == [(1, at, at + 1)], timeout=10_000)
    with gui_library.session() as session:
        assert any(session.scalars(select(OcrLine.unsure)))
    current = pane.current()
    assert crop.isVisible() == (current is not None and current.suggestion.rule == OCR_UNSURE)


def test_the_next_unsure_passage_in_another_article_is_chosen_in_the_list_once_it_is_read(
    qtbot: QtBot, gui_library: Library, open_window: Callable[..., MainWindow], tmp_path: Path
) -> None:
    """qa25: Ctrl+U selected the passage in the reading pane only: F9 then did nothing, no crop showed."""
    from db.models import Block
    from reader.services.segmentation_edits import split_article

    issue_id = stored_issue(gui_library, tmp_path)
    with gui_library.writing() as session:
        first = session.scalars(select(Article.id).where(Article.issue_id == issue_id)).one()
        block = session.scalars(select(Block.id).where(Block.article_id == first, Block.position == 1)).one()
        second = split_article(session, block, author="t").articles[-1]  # the unsure passage moves on
    window = open_window()
    a = window.actions_
    pane = window.review_tools.suggestions
    with qtbot.waitSignal(pane.loaded, timeout=10_000):
        show_article(qtbot, window, issue_id, first)
    assert not any(item.suggestion.rule == OCR_UNSURE for item in pane.suggestions())
    a.next_unsure.trigger()
    qtbot.waitUntil(lambda: window.navigator.article_id == second, timeout=10_000)
    qtbot.waitUntil(lambda: a.accept_suggestion.isEnabled(), timeout=10_000)
    current = pane.current()
    assert current is not None and current.suggestion.rule == OCR_UNSURE and current.article_id == second
    crop = window.review_tools.ocr_review.crop
    qtbot.waitUntil(lambda: crop.isVisible() and not crop.pixmap().isNull(), timeout=10_000)

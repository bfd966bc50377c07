"""The suggestions pane's Accept All for the rule "OCR unsure": one undoable step of review decisions."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from db.engine import Library
from db.models import Article, Block
from db.ocr_models import OcrLine
from db.rules_models import SuggestionDecision
from reader.gui.main_window import MainWindow
from reader.gui.ocr_review import UNSURE_LAYER
from reader.services.ocr_unsure import OCR_UNSURE
from tests.gui.conftest import show_article
from tests.test_ocr_unsure_all import scan_issue

pytestmark = pytest.mark.gui


def _marks_and_decisions(library: Library) -> tuple[list[bool], list[str]]:
    with library.session() as session:
        marks = list(session.scalars(select(OcrLine.unsure).order_by(OcrLine.position)))
        decisions = list(session.scalars(select(SuggestionDecision.decision).order_by(SuggestionDecision.id)))
    return marks, decisions


def test_accept_all_of_ocr_unsure_confirms_every_reading_of_the_issue_in_one_undoable_step(
    qtbot: QtBot, gui_library: Library, open_window: Callable[..., MainWindow], tmp_path: Path
) -> None:
    issue_id = scan_issue(gui_library, tmp_path, "第13期", {(1, 3), (1, 9), (3, 0)})
    with gui_library.session() as session:
        article_id = session.scalars(select(Article.id).where(Article.issue_id == issue_id)).one()
        texts = list(session.scalars(select(Block.text).order_by(Block.id)))
    before = _marks_and_decisions(gui_library)
    assert sum(before[0]) == 2 and before[1] == []
    window = open_window()
    pane = window.review_tools.suggestions
    with qtbot.waitSignal(pane.loaded, timeout=10_000):
        show_article(qtbot, window, issue_id, article_id)
    window.actions_.show_unsure_marks.setChecked(True)
    view = window.reading_view
    qtbot.waitUntil(lambda: len(view.highlights(UNSURE_LAYER)) == 3, timeout=10_000)
    first = next(n for n, item in enumerate(pane.suggestions()) if item.suggestion.rule == OCR_UNSURE)
    pane.select(first)
    assert window.actions_.accept_all_issue.isEnabled()
    window.actions_.accept_all_issue.trigger()
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "acceptAllConfirm") is not None, timeout=10_000)
    box = window.findChild(QMessageBox, "acceptAllConfirm")
    assert isinstance(box, QMessageBox)
    assert "Accept 3 suggestions of OCR unsure in this issue" in box.text(), box.text()
    with qtbot.waitSignal(pane.accepted_all, timeout=20_000) as accepted:
        box.button(QMessageBox.StandardButton.Yes).click()
    assert accepted.args == [3]
    # recorded as review decisions, every mark cleared, the text unchanged
    assert _marks_and_decisions(gui_library) == ([False] * len(before[0]), ["accepted"] * 3)
    qtbot.waitUntil(lambda: view.highlights(UNSURE_LAYER) == [], timeout=10_000)
    qtbot.waitUntil(lambda: OCR_UNSURE not in pane.groups(), timeout=10_000)
    with gui_library.session() as session:
        assert list(session.scalars(select(Block.text).order_by(Block.id))) == texts
    # one step on the undo stack: undo marks the passages again and forgets the decisions
    stack = window.undo_stack  # type: ignore[attr-defined]
    assert stack.count() == 1
    with qtbot.waitSignal(pane.loaded, timeout=10_000):
        stack.undo()
    qtbot.waitUntil(lambda: _marks_and_decisions(gui_library) == before, timeout=10_000)
    qtbot.waitUntil(lambda: pane.groups().get(OCR_UNSURE) == 3, timeout=10_000)
    qtbot.waitUntil(lambda: len(view.highlights(UNSURE_LAYER)) == 3, timeout=10_000)

"""Accept All for the rule "OCR unsure": every unsure reading taken as right in one undoable step."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from db.engine import Library
from db.models import Article, Block
from db.ocr_models import OcrLine
from db.rules_models import SuggestionDecision
from reader.core.ocr_inputs import ScanGroup
from reader.core.page_layout import PageLine, PageRead
from reader.services.import_ocr import store_read_issue
from reader.services.importing import Outcome
from reader.services.ocr_unsure import OCR_UNSURE, unsure_passages
from reader.services.ocr_unsure_all import confirm_all_readings, count_unsure, undo_confirmations
from tests.scan_support import save_page
from tests.test_ocr_store import BODY, TITLE, H

pytestmark = [pytest.mark.usefixtures("qapp"), pytest.mark.both_engines]


def _reading(title: str, unsure: set[tuple[int, int]]) -> PageRead:
    """The page of tests.test_ocr_store under ``title``, characters ``(row, n)`` of its body read at 0.5."""
    lines = [PageLine(title, (40, 40, 56 * len(title), 62), 0.97, tuple([0.99] * len(title)))]
    for row, text in enumerate(BODY):
        indent = 2 * H if row in (0, 3) else 0
        chars = tuple(0.5 if (row, n) in unsure else 0.99 for n in range(len(text)))
        lines.append(PageLine(text, (40 + indent, 150 + row * 46, H * len(text), 34), min(chars), chars))
    return PageRead(1200, 1600, tuple(lines))


def scan_issue(library: Library, tmp_path: Path, name: str, unsure: set[tuple[int, int]]) -> int:
    """An issue stored as read from a page scan, the body characters ``unsure`` read at 0.5."""
    title = f"{TITLE}{name}"
    page = save_page(tmp_path / f"{name}.png", [title, *BODY])
    with library.write_session() as session:
        result = store_read_issue(session, ScanGroup(f"{name}.png", (page,)), [_reading(title, unsure)])
    assert result.outcome is Outcome.IMPORTED and result.issue_id is not None, result.message
    return result.issue_id


def _state(library: Library) -> tuple[list[bool], list[tuple[str, str, str]], list[str]]:
    with library.session() as session:
        marks = list(session.scalars(select(OcrLine.unsure).order_by(OcrLine.issue_id, OcrLine.position)))
        decisions = [
            (d.rule, d.decision, d.text)
            for d in session.scalars(select(SuggestionDecision).order_by(SuggestionDecision.id))
        ]
        texts = list(session.scalars(select(Block.text).order_by(Block.id)))
    return marks, decisions, texts


def test_accept_all_takes_every_unsure_reading_of_an_issue_as_right_and_undo_takes_it_back(
    library: Library, tmp_path: Path
) -> None:
    first = scan_issue(library, tmp_path, "第11期", {(1, 3), (1, 9), (3, 0), (3, 1)})
    other = scan_issue(library, tmp_path, "第12期", {(4, 2)})
    before = _state(library)
    with library.session() as session:
        [article_id] = session.scalars(select(Article.id).where(Article.issue_id == first)).all()
        assert count_unsure(session, "issue", first) == 3  # (3, 0) and (3, 1) make one passage
        assert count_unsure(session, "article", article_id) == 3
        assert count_unsure(session, "library") == 4
    with library.write_session() as session:
        done = confirm_all_readings(session, "issue", first, author="校对员")
        session.commit()
    assert done.count == 3 and done.article_ids == (article_id,)
    _marks, decisions, texts = _state(library)
    assert texts == before[2]  # the text is not changed
    assert decisions == [
        (OCR_UNSURE, "accepted", BODY[1][3]),
        (OCR_UNSURE, "accepted", BODY[1][9]),
        (OCR_UNSURE, "accepted", BODY[3][:2]),
    ]
    with library.session() as session:
        assert unsure_passages(session, article_id) == []
        assert count_unsure(session, "library") == 1  # the other issue's is left
        other_marks = session.scalars(select(OcrLine.unsure).where(OcrLine.issue_id == other)).all()
        first_marks = session.scalars(select(OcrLine.unsure).where(OcrLine.issue_id == first)).all()
    assert not any(first_marks) and sum(other_marks) == 1
    with library.write_session() as session:
        undo_confirmations(session, done)
        session.commit()
    assert _state(library) == before
    with library.write_session() as session:
        everything = confirm_all_readings(session, "library", author="校对员")
        session.commit()
    assert everything.count == 4 and not any(_state(library)[0])

"""The window imports page scans through OCR: a PDF becomes an issue with its pages and linked regions."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from db.opening import open_library
from db.scan_models import ScanPage, ScanRegion
from reader.core.model import Role
from reader.core.ocr import ocr_available
from reader.gui.main_window import MainWindow
from reader.services.importing import ImportReport, Outcome
from tests.newspaper_pages import Story, save_pages_pdf

pytestmark = [
    pytest.mark.gui,
    pytest.mark.ocr,
    pytest.mark.skipif(
        not ocr_available(), reason='the OCR extra is not installed (pip install -e ".[ocr]")'
    ),
]


def test_the_window_imports_a_pdf_through_ocr_and_links_its_blocks(
    qtbot: QtBot, open_window: Callable[..., MainWindow], tmp_path: Path, lib_path: Path
) -> None:
    text = "近日，社区组织居民参加垃圾分类宣传活动，大家认真听讲，积极提问。"
    story = Story("社区举办垃圾分类宣传活动", [(Role.PARAGRAPH, text)], columns=2)
    pdf = save_pages_pdf([story], tmp_path / "第7期.pdf")
    window = open_window()
    labels: list[str] = []

    def seen(_done: int, _total: int, _name: str) -> None:
        dialog = window.import_flow.progress_dialog
        if dialog is not None:
            labels.append(dialog.labelText())

    with qtbot.waitSignal(window.import_flow.finished, timeout=120_000) as blocker:
        window.import_paths([pdf])
        assert window.import_flow.progress_dialog is not None  # with Cancel, while the page is read
        task = window.import_flow.task
        assert task is not None
        task.signals.progress.connect(seen)
    # the progress counts the pages of the issue read, not files
    shown = set(labels) - {"Looking for issue files…"}  # before anything is read
    assert shown == {"Reading page 1 of 1 (issue 第7期.pdf)"}, labels
    report = blocker.args[0]
    assert isinstance(report, ImportReport)
    [result] = report.results
    assert result.outcome is Outcome.IMPORTED, result.message
    summary = window.import_flow.summary_dialog
    assert summary is not None
    assert [name for name, _detail in summary.rows(Outcome.IMPORTED)] == ["第7期.pdf"]
    summary.close()
    library = open_library(lib_path)
    try:
        with library.session() as session:
            assert session.scalar(select(func.count()).select_from(ScanPage)) == 1
            assert (
                session.scalar(select(func.count()).select_from(ScanRegion).where(ScanRegion.origin == "ocr"))
                >= 2
            )
    finally:
        library.close()

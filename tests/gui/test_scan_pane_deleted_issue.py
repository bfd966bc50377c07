"""The scan pane after the issue it shows is deleted: it lets go of the issue, it shows no error."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from db.engine import Library
from db.models import Article
from reader.gui.library_model import Role
from reader.gui.main_window import MainWindow
from reader.gui.scan_pane import ScanPane
from reader.services.importing import ImportReport
from tests.gui.conftest import show_article

pytestmark = [pytest.mark.gui]

Importer = Callable[[Library, list[Path]], ImportReport]
WindowFactory = Callable[..., MainWindow]


def _issue_rows(window: MainWindow) -> list[int]:
    proxy = window.library_pane.proxy
    return [int(proxy.index(row, 0).data(Role.ID)) for row in range(proxy.rowCount())]


def test_deleting_the_issue_shown_leaves_no_error_in_the_scan_pane(
    qtbot: QtBot,
    gui_library: Library,
    import_into: Importer,
    sample_issue: Path,
    tmp_path: Path,
    open_window: WindowFactory,
) -> None:
    other = tmp_path / "scan_0001.txt"
    other.write_text("第二期\n\n青溪河边的新变化\n\n今年春天，青溪河两岸种下了一千棵树。\n", encoding="utf-8")
    report = import_into(gui_library, [sample_issue, other])
    first, second = [r.issue_id for r in report.imported if r.issue_id is not None]
    window = open_window()
    pane = window.scan_dock.widget()
    assert isinstance(pane, ScanPane)
    with gui_library.session() as session:
        article = session.scalars(select(Article.id).where(Article.issue_id == second)).first()
    assert article is not None
    with qtbot.waitSignal(pane.article_loaded, timeout=10_000):
        show_article(qtbot, window, second, article)  # an article of the issue, as a reader has open
    assert pane.issue_id == second
    no_scans = pane.message.text()
    assert no_scans  # "This issue has no page scans…"

    box = window.issue_actions.confirm_delete(second)
    assert box is not None
    delete = next(b for b in box.buttons() if box.buttonRole(b) is QMessageBox.ButtonRole.DestructiveRole)
    delete.click()
    qtbot.waitUntil(lambda: _issue_rows(window) == [first], timeout=20_000)
    qtbot.waitUntil(lambda: window.runner.active == 0, timeout=10_000)
    qtbot.wait(50)  # the results of the pane's last reads are delivered
    assert "no issue" not in pane.message.text()  # was: "no issue 2 in the library", in English
    assert pane.issue_id is None and pane.pages == [] and pane.thumbnails.count() == 0

    window.undo_stack.undo()  # the issue comes back; showing it again reads its pages again
    qtbot.waitUntil(lambda: len(_issue_rows(window)) == 2, timeout=20_000)
    restored = _issue_rows(window)[1]
    with qtbot.waitSignal(pane.article_loaded, timeout=10_000):
        assert window.navigator.open_issue(restored)
    assert pane.issue_id == restored and pane.message.text() == no_scans

"""The layout view of an issue that is deleted says so in the interface language (it showed the
service's English "there is no issue 2"), and shows the issue again when Edit > Undo brings it back."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from db.engine import Library
from reader.gui.layout_view import LayoutView
from reader.gui.main_window import MainWindow
from reader.services.importing import ImportReport

pytestmark = pytest.mark.gui

Importer = Callable[[Library, list[Path]], ImportReport]
WindowFactory = Callable[..., MainWindow]


def test_the_layout_view_of_a_deleted_issue_says_it_was_deleted(
    qtbot: QtBot,
    gui_library: Library,
    import_into: Importer,
    sample_issue: Path,
    open_window: WindowFactory,
    tmp_path: Path,
) -> None:
    other = tmp_path / "scan_0001.txt"
    other.write_text("第二期\n\n青溪河边的新变化\n\n今年春天，青溪河两岸种下了一千棵树。\n", encoding="utf-8")
    report = import_into(gui_library, [sample_issue, other])
    second = [r.issue_id for r in report.imported][1]
    assert second is not None
    window = open_window()
    assert window.library_pane.select_issue(second)
    qtbot.waitUntil(window.actions_.layout_view.isEnabled)
    window.actions_.layout_view.trigger()
    view = window.findChild(LayoutView)
    assert isinstance(view, LayoutView)
    qtbot.waitUntil(lambda: view.layout_ is not None and not view.loading)
    shown = view.tree.topLevelItemCount()
    assert shown > 0

    box = window.issue_actions.confirm_delete(second)
    assert box is not None
    delete = next(b for b in box.buttons() if box.buttonRole(b) is QMessageBox.ButtonRole.DestructiveRole)
    with qtbot.waitSignal(view.loaded, timeout=20_000):
        delete.click()
    qtbot.waitUntil(lambda: not view.loading, timeout=10_000)
    assert view.heading.text().startswith("This issue was deleted.")
    assert "there is no issue" not in view.heading.text()
    assert view.tree.topLevelItemCount() == 0 and view.layout_ is None

    with qtbot.waitSignal(view.loaded, timeout=20_000):
        window.undo_stack.undo()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: not view.loading, timeout=10_000)
    assert view.layout_ is not None and view.tree.topLevelItemCount() == shown  # the same issue again
    view.close()

"""Attaching page scans as a step on a bare QUndoStack (no window): made in the background, undone, redone."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from db.engine import Library
from reader.core.op_changes import OpChanges
from reader.gui.scan_attach import AttachScansCommand
from reader.services.page_regions import Box, link_region
from reader.services.pages import AttachReport, list_pages
from tests.gui.command_support import Bench, articles
from tests.scan_support import corpus_lines, save_page

pytestmark = pytest.mark.gui

TOLD = OpChanges.of(issue_ids=[1])


def _pages(library: Library) -> list[str]:
    with library.session() as session:
        return [page.file_name for page in list_pages(session, 1)]


def test_scans_are_attached_detached_by_undo_and_attached_again(
    qtbot: QtBot, bench: Bench, gui_library: Library, tmp_path: Path
) -> None:
    first = save_page(tmp_path / "p1.png", corpus_lines(3))
    second = save_page(tmp_path / "p2.png", corpus_lines(4))
    bad = tmp_path / "bad.png"
    bad.write_bytes(b"not a png")
    reports: list[AttachReport] = []
    bench.settle(
        qtbot, lambda: bench.stack.push(AttachScansCommand(bench.context, 1, [first, bad], reports.append))
    )
    assert _pages(gui_library) == ["p1.png"] and bench.last() == TOLD
    assert [Path(e.source).name for e in reports[0].failed] == ["bad.png"]
    bench.settle(qtbot, lambda: bench.stack.push(AttachScansCommand(bench.context, 1, [second])))
    assert _pages(gui_library) == ["p1.png", "p2.png"]
    assert bench.stack.count() == 2 and bench.stack.undoText() == "Attach Page Scans"

    bench.settle(qtbot, bench.stack.undo)
    assert _pages(gui_library) == ["p1.png"] and bench.last() == TOLD
    bench.settle(qtbot, bench.stack.undo)
    assert _pages(gui_library) == []
    bench.settle(qtbot, bench.stack.redo)  # the same file read again; the refused one is not tried
    assert _pages(gui_library) == ["p1.png"]
    assert len(reports) == 2 and reports[1].failed == [] and reports[1].pages == 1
    bench.settle(qtbot, bench.stack.redo)
    assert _pages(gui_library) == ["p1.png", "p2.png"]
    assert len(bench.seen) == 6 and bench.failures == []


def test_undo_is_refused_while_an_attached_page_has_regions(
    qtbot: QtBot, bench: Bench, gui_library: Library, tmp_path: Path
) -> None:
    page = save_page(tmp_path / "p1.png", corpus_lines(3))
    bench.settle(qtbot, lambda: bench.stack.push(AttachScansCommand(bench.context, 1, [page])))
    with gui_library.writing() as session:  # linked outside the stack (another program, say)
        [row] = list_pages(session, 1)
        link_region(session, row.id, articles(gui_library)[0], Box(0, 0, 10, 10), author="ed")
    bench.settle(qtbot, bench.stack.undo)
    assert bench.failures and "linked region" in bench.failures[0]
    assert _pages(gui_library) == ["p1.png"]


def test_nothing_attached_leaves_nothing_to_undo(qtbot: QtBot, bench: Bench, tmp_path: Path) -> None:
    bad = tmp_path / "bad.png"
    bad.write_bytes(b"not a png")
    reports: list[AttachReport] = []
    bench.stack.push(AttachScansCommand(bench.context, 1, [bad], reports.append))
    qtbot.waitUntil(lambda: bool(reports) and not bench.context.busy, timeout=10_000)
    assert reports[0].pages == 0 and len(reports[0].failed) == 1
    assert bench.seen == []  # nothing changed: nothing told
    bench.stack.undo()  # the step that changed nothing leaves the stack when reached
    assert bench.stack.count() == 0 and bench.failures == []

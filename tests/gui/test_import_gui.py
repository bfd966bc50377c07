"""Importing from the window: by the action, by drag and drop, refused files, cancelling midway."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from db.models import Article, Block, Issue
from db.opening import open_library
from db.original_text import read_text
from reader.core import preparing
from reader.gui.import_flow import STEPS_PER_FILE
from reader.gui.main_window import MainWindow
from reader.services.importing import ImportReport, Outcome

pytestmark = pytest.mark.gui

WindowFactory = Callable[..., MainWindow]


def _finish(qtbot: QtBot, window: MainWindow, start: Callable[[], object]) -> ImportReport:
    with qtbot.waitSignal(window.import_flow.finished, timeout=60_000) as blocker:
        start()
    assert blocker.args is not None
    report = blocker.args[0]
    assert isinstance(report, ImportReport)
    return report


def _bad_files(folder: Path) -> list[Path]:
    empty = folder / "empty.txt"
    empty.write_bytes(b"")
    binary = folder / "photo.txt"
    binary.write_bytes(bytes(range(256)) * 16)
    return [empty, binary]


def test_import_action_lists_imported_and_refused_files(
    qtbot: QtBot, open_window: WindowFactory, sample_issue: Path, tmp_path: Path
) -> None:
    window = open_window()
    assert window.stack.currentWidget() is window.welcome_page
    empty, binary = _bad_files(tmp_path)
    with qtbot.waitSignal(window.article_shown, timeout=60_000):
        report = _finish(qtbot, window, lambda: window.import_paths([sample_issue, empty, binary]))
    assert [r.outcome for r in report.results].count(Outcome.IMPORTED) == 1

    dialog = window.import_flow.summary_dialog
    assert dialog is not None and dialog.isVisible()
    assert "1 file imported" in dialog.headline.text()
    assert "2 refused" in dialog.headline.text()
    assert dialog.rows(Outcome.IMPORTED) == [("sample_issue.txt", "4 articles")]
    refused = dict(dialog.rows(Outcome.FAILED))
    assert refused == {"empty.txt": "the file is empty", "photo.txt": "the file looks binary, not text"}

    # the library pane lists the new issue and its first article is open
    assert window.library_model.issue_count() == 1
    assert window.stack.currentWidget() is window.reading_view
    assert window.reading_view.issue_id == report.imported[0].issue_id
    dialog.close()

    # importing it again is reported as a duplicate, nothing added
    again = _finish(qtbot, window, lambda: window.import_paths([sample_issue]))
    assert [r.outcome for r in again.results] == [Outcome.DUPLICATE]
    assert window.import_flow.summary_dialog is not None
    assert window.import_flow.summary_dialog.rows(Outcome.DUPLICATE) == [
        ("sample_issue.txt", f"already in the library as issue {report.imported[0].issue_id}")
    ]
    assert window.library_model.issue_count() == 1


def _drop(window: MainWindow, paths: list[Path]) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    enter = QDragEnterEvent(
        QPoint(50, 50),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(50, 50),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, drop)
    assert drop.isAccepted()


def test_dropping_a_folder_imports_its_files(
    qtbot: QtBot, open_window: WindowFactory, sample_issue: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "drop"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "sample copy.txt").write_text(
        sample_issue.read_text(encoding="utf-8"), encoding="utf-8"
    )
    (folder / "second.txt").write_text(
        sample_issue.read_text(encoding="utf-8") + "\n第二份不同的内容。\n", encoding="utf-8"
    )
    _bad_files(folder)
    window = open_window()
    report = _finish(qtbot, window, lambda: _drop(window, [folder]))
    assert len(report.imported) == 2
    assert len(report.failed) == 2
    dialog = window.import_flow.summary_dialog
    assert dialog is not None
    assert {name for name, _ in dialog.rows(Outcome.IMPORTED)} == {"sample copy.txt", "second.txt"}
    assert {name for name, _ in dialog.rows(Outcome.FAILED)} == {"empty.txt", "photo.txt"}
    qtbot.waitUntil(lambda: window.library_model.issue_count() == 2, timeout=10_000)

    # a dropped file that is already in the library is skipped as a duplicate
    report = _finish(qtbot, window, lambda: _drop(window, [sample_issue]))
    assert [r.outcome for r in report.results] == [Outcome.DUPLICATE]
    assert dialog is not window.import_flow.summary_dialog
    assert window.import_flow.summary_dialog is not None
    assert [name for name, _ in window.import_flow.summary_dialog.rows(Outcome.DUPLICATE)] == [
        "sample_issue.txt"
    ]


def test_a_folder_with_nothing_to_import_is_refused_by_name(
    open_window: WindowFactory, qtbot: QtBot, tmp_path: Path
) -> None:
    folder = tmp_path / "scans later"
    (folder / "notes").mkdir(parents=True)
    (folder / "notes" / "readme.md").write_text("nothing to import", encoding="utf-8")
    window = open_window()

    report = _finish(qtbot, window, lambda: window.import_paths([folder]))

    assert [(r.path, r.outcome) for r in report.results] == [(str(folder), Outcome.FAILED)]
    dialog = window.import_flow.summary_dialog
    assert dialog is not None and dialog.isVisible()
    assert "1 refused" in dialog.headline.text()
    assert dialog.rows(Outcome.FAILED) == [
        ("scans later", "no issue files in this folder (.txt, Jiaokan .json exports or page scans)")
    ]
    dialog.close()


def test_dropping_something_that_is_not_a_file_is_refused(open_window: WindowFactory) -> None:
    window = open_window()
    mime = QMimeData()
    mime.setText("just text")
    enter = QDragEnterEvent(
        QPoint(5, 5),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, enter)
    assert not enter.isAccepted()
    assert not window.import_flow.running


def test_cancelling_midway_keeps_whole_issues_and_leaves_nothing_of_the_rest(
    qtbot: QtBot, open_window: WindowFactory, sample_issue: Path, tmp_path: Path, lib_path: Path
) -> None:
    text = sample_issue.read_text(encoding="utf-8")
    folder = tmp_path / "many"
    folder.mkdir()
    files = []
    for n in range(60):
        path = folder / f"issue_{n:03d}.txt"
        path.write_text(text + f"\n本期编号 {n} 号。\n", encoding="utf-8")
        files.append(path)
    window = open_window()
    ticks: list[int] = []
    timer = QTimer(window)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(5)

    progress: list[tuple[int, int, str]] = []
    labels: list[str] = []

    def cancel_on_first_progress(done: int, total: int, name: str) -> None:
        progress.append((done, total, name))
        if len(progress) == 1:
            dialog = window.import_flow.progress_dialog
            assert dialog is not None
            labels.append(dialog.labelText())
            window.import_flow.cancel()
            labels.append(dialog.labelText())

    def start() -> None:
        task = window.import_paths(files)
        assert task is not None
        task.signals.progress.connect(cancel_on_first_progress)

    report = _finish(qtbot, window, start)
    timer.stop()
    assert progress and progress[0][1] == 60 * STEPS_PER_FILE
    assert labels == ["Importing file 1 of 60:\nissue_000.txt", "Cancelling after the current file…"]
    assert report.cancelled, "the import finished before the cancel arrived"
    assert len(report.imported) + len(report.cancelled) == 60
    assert ticks, "the event loop was blocked during the import"

    dialog = window.import_flow.summary_dialog
    assert dialog is not None
    assert len(dialog.rows(Outcome.CANCELLED)) == len(report.cancelled)
    assert "cancelled" in dialog.headline.text()

    library = open_library(lib_path)
    try:
        with library.session() as session:
            names = set(session.scalars(select(Issue.source_name)))
            assert names == {Path(r.path).name for r in report.imported}
            for result in report.imported:
                issue = session.get_one(Issue, result.issue_id)
                assert read_text(session, issue.id) == Path(result.path).read_text(encoding="utf-8")
                count = session.scalar(
                    select(func.count()).select_from(Article).where(Article.issue_id == issue.id)
                )
                assert count == result.articles >= 4
                blocks = session.scalar(
                    select(func.count()).select_from(Block).join(Article).where(Article.issue_id == issue.id)
                )
                assert blocks and blocks >= 4
    finally:
        library.close()
    qtbot.waitUntil(lambda: window.library_model.issue_count() == len(report.imported), timeout=10_000)


def test_an_import_runs_one_at_a_time(qtbot: QtBot, open_window: WindowFactory, sample_issue: Path) -> None:
    window = open_window()
    with qtbot.waitSignal(window.import_flow.finished, timeout=60_000):
        assert window.import_paths([sample_issue]) is not None
        assert window.import_paths([sample_issue]) is None  # refused while the first runs


def test_a_large_file_shows_its_own_progress_and_cancels_midway(
    qtbot: QtBot,
    open_window: WindowFactory,
    sample_issue: Path,
    tmp_path: Path,
    lib_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A file streamed in moves the bar within itself; Cancel stops it midway and keeps none of it."""

    monkeypatch.setattr(preparing, "STREAM_THRESHOLD", 64 * 1024)
    big = tmp_path / "合订本.txt"
    big.write_text("\n\n".join([sample_issue.read_text(encoding="utf-8")] * 400), encoding="utf-8")
    window = open_window()
    labels: list[str] = []

    def watch(done: int, total: int, name: str) -> None:
        dialog = window.import_flow.progress_dialog
        assert dialog is not None
        labels.append(dialog.labelText())
        task = window.import_flow.task
        if done * 2 > total and task is not None and not task.cancelled:  # in the second of three passes
            window.import_flow.cancel()
            labels.append(dialog.labelText())

    def start() -> None:
        task = window.import_paths([big])
        assert task is not None
        task.signals.progress.connect(watch)

    report = _finish(qtbot, window, start)
    assert [r.outcome for r in report.results] == [Outcome.CANCELLED]
    assert any(label.endswith("% of this file") for label in labels), labels
    assert labels[-1] == "Cancelling; nothing of this file is kept…"
    library = open_library(lib_path)
    try:
        with library.session() as session:
            assert session.scalar(select(func.count()).select_from(Issue)) == 0
    finally:
        library.close()


def test_an_ambiguous_file_is_imported_in_the_encoding_chosen_from_a_preview(
    qtbot: QtBot, open_window: WindowFactory, tmp_path: Path, lib_path: Path
) -> None:
    path = tmp_path / "通知 短.txt"
    path.write_bytes("社区通知：本周六上午开会。".encode("gbk"))
    window = open_window()
    report = _finish(qtbot, window, lambda: window.import_paths([path]))
    [refused] = report.failed
    assert refused.candidates == ("gb18030", "big5")
    summary = window.import_flow.summary_dialog
    assert summary is not None and summary.choose_encoding.isVisible()
    assert not summary.choose_encoding.isEnabled()  # nothing chosen yet
    group = summary.groups[Outcome.FAILED]
    summary.tree.setCurrentItem(group.child(0))
    assert summary.choose_encoding.isEnabled()
    summary.choose_encoding.click()
    chooser = summary.encoding_dialog
    assert chooser is not None and chooser.isVisible()
    assert [chooser.choices.item(n).text() for n in range(chooser.choices.count())] == [
        "GB18030 / GBK (simplified Chinese)",
        "Big5 (traditional Chinese)",
    ]
    assert chooser.preview.toPlainText() == "社区通知：本周六上午开会。"  # the first candidate, shown at once
    chooser.choices.setCurrentRow(1)
    big5_reading = chooser.preview.toPlainText()
    assert big5_reading and big5_reading != "社区通知：本周六上午开会。"
    chooser.choices.setCurrentRow(0)
    with qtbot.waitSignal(window.import_flow.finished, timeout=60_000) as blocker:
        chooser.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert blocker.args is not None
    [imported] = blocker.args[0].imported
    assert imported.path == str(path)
    library = open_library(lib_path)
    try:
        with library.session() as session:
            issue = session.scalars(select(Issue)).one()
            assert issue.encoding == "gb18030"
            assert read_text(session, issue.id) == "社区通知：本周六上午开会。"
    finally:
        library.close()


def test_a_jiaokan_json_export_imports_from_the_window(
    qtbot: QtBot, open_window: WindowFactory, sample_issue: Path, tmp_path: Path
) -> None:
    from reader.cli import main

    other = str(tmp_path / "other.sqlite3")
    assert main(["import", "--db", other, str(sample_issue)]) == 0
    assert main(["issue", "set", "1", "--db", other, "--publication", "梅园社区报"]) == 0
    assert main(["export", "--db", other, "--format", "json", "--out", str(tmp_path / "out")]) == 0
    export = tmp_path / "out" / "sample_issue.json"
    window = open_window()
    report = _finish(qtbot, window, lambda: window.import_paths([export]))
    assert [r.outcome for r in report.results] == [Outcome.IMPORTED]
    qtbot.waitUntil(lambda: window.library_model.issue_count() == 1, timeout=20_000)
    [issue_id] = window.library_model.issue_ids()
    row = window.library_model.issue_row(issue_id)
    assert row is not None and row.publication == "梅园社区报"
    again = _finish(qtbot, window, lambda: window.import_paths([export]))
    assert [r.outcome for r in again.results] == [Outcome.DUPLICATE]  # already there: skipped

"""File > Export…: live preview equal to the first file written, parts, scopes, cancel, remembered choices."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMenu, QPushButton
from pytestqt.qtbot import QtBot

from db.engine import Library
from reader.core.exporters.options import ExportFormat, Part
from reader.core.script import Script
from reader.gui.export_dialog import ExportDialog
from reader.gui.export_scope import ScopeKind
from reader.gui.main_window import MainWindow
from reader.services.exporting import ExportReport
from reader.services.importing import ImportReport
from tests.gui.builders import add_issue, add_many_issues
from tests.gui.conftest import show_article

pytestmark = pytest.mark.gui

Importer = Callable[[Library, list[Path]], ImportReport]
WindowFactory = Callable[..., MainWindow]

FIRST_TITLE = "深化“家门口”服务 打通为民办事最后一米"
FIRST_BYLINE = "□ 通讯员 林晓岚 周启明"
FIRST_PARAGRAPH = "近日,梅园街道召开社区服务站点标准化建设推进会"
RIVER_TITLE = "梅园街道河长制工作再上新台阶"
SECOND_TITLE = "巡河日记"


@pytest.fixture
def window(
    gui_library: Library, import_into: Importer, sample_issue: Path, open_window: WindowFactory
) -> MainWindow:
    assert len(import_into(gui_library, [sample_issue]).imported) == 1
    add_issue(gui_library, "second.txt", [(SECOND_TITLE, "志愿者每周巡查河道两次,记录水质变化。", "new")])
    return open_window()


def _dialog(qtbot: QtBot, window: MainWindow, folder: Path | None = None) -> ExportDialog:
    dialog = window.show_export_dialog()
    assert isinstance(dialog, ExportDialog) and dialog.isVisible()
    if folder is not None:
        dialog.set_folder(folder)
    _wait_preview(qtbot, dialog)
    return dialog


def _wait_preview(qtbot: QtBot, dialog: ExportDialog) -> str:
    qtbot.waitUntil(lambda: dialog.preview_ready, timeout=30_000)
    return dialog.preview_text


def _choose(dialog: ExportDialog, *, scope: ScopeKind | None = None, fmt: ExportFormat | None = None) -> None:
    if scope is not None:
        dialog.scope_combo.setCurrentIndex(dialog.scope_combo.findData(scope.value))
    if fmt is not None:
        dialog.format_combo.setCurrentIndex(dialog.format_combo.findData(fmt.value))


def _export(qtbot: QtBot, dialog: ExportDialog) -> ExportReport:
    with qtbot.waitSignal(dialog.exported, timeout=60_000) as blocker:
        dialog.export_button.click()
    assert blocker.args is not None
    report = blocker.args[0]
    assert isinstance(report, ExportReport)
    return report


class _UrlCatcher(QObject):
    """Receives the URLs QDesktopServices is asked to open (instead of a file manager)."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def catch(self, url: QUrl) -> None:
        self.urls.append(url)


@pytest.mark.parametrize(
    ("fmt", "single_file"),
    [
        (ExportFormat.TXT, False),
        (ExportFormat.MD, True),
        (ExportFormat.CSV, False),
        (ExportFormat.JSON, True),
        (ExportFormat.TEI, False),
    ],
)
def test_the_preview_is_exactly_the_first_file_written(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, fmt: ExportFormat, single_file: bool
) -> None:
    out = tmp_path / "out"
    dialog = _dialog(qtbot, window, out)
    _choose(dialog, scope=ScopeKind.LIBRARY, fmt=fmt)
    (dialog.single_file_radio if single_file else dialog.per_issue_radio).setChecked(True)
    preview = _wait_preview(qtbot, dialog)
    assert FIRST_TITLE in preview
    assert (SECOND_TITLE in preview) is single_file  # the first file: the first issue, or everything
    if fmt is ExportFormat.TXT:
        assert dialog.preview_edit.toPlainText() == preview

    report = _export(qtbot, dialog)
    assert not report.cancelled and report.issues == 2
    assert len(report.files) == (1 if single_file else 2)
    assert all(path.parent == out for path in report.files)
    assert report.files[0].read_bytes().decode("utf-8") == preview

    summary = dialog.summary_dialog
    assert summary is not None and summary.isVisible() and not dialog.isVisible()
    assert summary.files() == [path.name for path in report.files]
    assert f"{len(report.files)} file" in summary.headline.text()
    catcher = _UrlCatcher()
    QDesktopServices.setUrlHandler("file", catcher, "catch")  # type: ignore[arg-type]  # the stub says bytes; the binding takes str
    try:
        summary.open_button.click()
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert [Path(url.toLocalFile()) for url in catcher.urls] == [out]


def test_parts_unchecked_disappear_from_the_preview(qtbot: QtBot, window: MainWindow) -> None:
    dialog = _dialog(qtbot, window)
    _choose(dialog, scope=ScopeKind.LIBRARY, fmt=ExportFormat.TXT)
    before = _wait_preview(qtbot, dialog)
    assert FIRST_TITLE in before and FIRST_BYLINE in before and RIVER_TITLE in before

    with qtbot.waitSignal(dialog.preview_updated, timeout=30_000):
        dialog.part_checks[Part.TITLE].setChecked(False)
        dialog.part_checks[Part.BYLINE].setChecked(False)
    after = _wait_preview(qtbot, dialog)
    assert FIRST_TITLE not in after and RIVER_TITLE not in after and FIRST_BYLINE not in after
    assert FIRST_PARAGRAPH in after  # paragraphs are always there
    assert dialog.options().parts == frozenset(Part) - {Part.TITLE, Part.BYLINE, Part.NOTES}

    # the separators are in the preview as typed
    dialog.article_edit.setText("")
    dialog.article_edit.textEdited.emit("")  # as if typed: the preset becomes "Custom"
    dialog.article_edit.setText("\\n\\n===\\n\\n")
    dialog.article_edit.textEdited.emit("\\n\\n===\\n\\n")
    separated = _wait_preview(qtbot, dialog)
    assert "\n\n===\n\n" in separated and "* * *" not in separated
    assert dialog.article_combo.currentData() == "custom"

    # parts apply to text and Markdown only: their box is disabled for JSON
    _choose(dialog, fmt=ExportFormat.JSON)
    assert not dialog.parts_box.isEnabled() and not dialog.script_combo.isEnabled()
    assert FIRST_TITLE in _wait_preview(qtbot, dialog)


def test_the_scopes_come_from_the_window(qtbot: QtBot, window: MainWindow) -> None:
    show_article(qtbot, window, 1, 4)
    dialog = _dialog(qtbot, window)
    assert dialog.scope_kind is ScopeKind.CURRENT_ARTICLE
    only = _wait_preview(qtbot, dialog)
    assert RIVER_TITLE in only and FIRST_TITLE not in only
    _choose(dialog, scope=ScopeKind.CURRENT_ISSUE)
    issue = _wait_preview(qtbot, dialog)
    assert RIVER_TITLE in issue and FIRST_TITLE in issue and SECOND_TITLE not in issue
    # nothing searched, nothing filtered: those scopes cannot be chosen
    model = dialog.scope_combo.model()
    row = dialog.scope_combo.findData(ScopeKind.SEARCH_RESULTS.value)
    assert not model.flags(model.index(row, 0)) & Qt.ItemFlag.ItemIsEnabled
    dialog.reject()

    # the articles found by the search
    window.search_pane.query_edit.setText("巡河")
    with qtbot.waitSignal(window.search_pane.searched, timeout=20_000):
        window.search_pane.search_now()
    found = window.search_result_article_ids()
    assert found
    dialog = _dialog(qtbot, window)
    _choose(dialog, scope=ScopeKind.SEARCH_RESULTS)
    dialog.single_file_radio.setChecked(True)
    text = _wait_preview(qtbot, dialog)
    assert RIVER_TITLE in text and FIRST_TITLE not in text and SECOND_TITLE not in text
    dialog.reject()

    # the issues selected in the library pane
    assert window.library_pane.select_issue(2, silent=True)
    assert window.selected_issue_ids() == [2]
    dialog = _dialog(qtbot, window)
    _choose(dialog, scope=ScopeKind.SELECTED_ISSUES)
    text = _wait_preview(qtbot, dialog)
    assert SECOND_TITLE in text and FIRST_TITLE not in text


def test_export_writes_a_file_per_issue_and_the_annotations(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    out = tmp_path / "per issue"
    dialog = _dialog(qtbot, window, out)
    _choose(dialog, scope=ScopeKind.LIBRARY, fmt=ExportFormat.MD)
    dialog.per_issue_radio.setChecked(True)
    dialog.annotations_check.setChecked(True)
    report = _export(qtbot, dialog)
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in report.files)
    assert sorted(p.name for p in report.files) == [
        "sample_issue.annotations.jsonld",
        "sample_issue.md",
        "second.annotations.jsonld",
        "second.md",
    ]


def test_cancelling_an_export_leaves_no_file(
    qtbot: QtBot, gui_library: Library, open_window: WindowFactory, tmp_path: Path
) -> None:
    add_many_issues(gui_library, 300)
    window = open_window()
    out = tmp_path / "cancelled"
    dialog = _dialog(qtbot, window, out)
    _choose(dialog, scope=ScopeKind.LIBRARY, fmt=ExportFormat.TXT)
    dialog.per_issue_radio.setChecked(True)
    with qtbot.waitSignal(dialog.exported, timeout=60_000) as blocker:
        assert dialog.start_export() is not None
        progress = dialog.progress_dialog
        assert progress is not None
        cancel = progress.findChild(QPushButton)
        assert cancel is not None
        cancel.click()  # the progress dialog's Cancel button
    assert blocker.args is not None
    report = blocker.args[0]
    assert isinstance(report, ExportReport)
    assert report.cancelled and report.files == []
    assert not out.exists() or list(out.iterdir()) == []
    assert dialog.isVisible() and "cancelled" in dialog.preview_status.text()
    assert dialog.progress_dialog is None and dialog.export_button.isEnabled()


def test_the_choices_survive_reopening_the_dialog(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    dialog = _dialog(qtbot, window)
    _choose(dialog, scope=ScopeKind.LIBRARY, fmt=ExportFormat.MD)
    dialog.script_combo.setCurrentIndex(dialog.script_combo.findData(Script.TRADITIONAL.value))
    dialog.part_checks[Part.TITLE].setChecked(False)
    dialog.part_checks[Part.NOTES].setChecked(True)
    dialog.paragraph_combo.setCurrentIndex(dialog.paragraph_combo.findData("\n"))
    dialog.article_edit.setText("\\n---\\n")
    dialog.article_edit.textEdited.emit("\\n---\\n")
    dialog.single_file_radio.setChecked(True)
    dialog.overwrite_check.setChecked(False)
    dialog.annotations_check.setChecked(True)
    dialog.set_folder(tmp_path / "remembered")
    chosen = dialog.options()
    dialog.reject()
    assert not dialog.isVisible()

    again = _dialog(qtbot, window)
    assert again is not dialog
    assert again.options() == chosen
    assert again.scope_kind is ScopeKind.LIBRARY
    assert again.folder() == tmp_path / "remembered"
    assert again.article_combo.currentData() == "custom" and again.article_edit.text() == "\\n---\\n"
    assert again.paragraph_edit.text() == "\\n" and not again.paragraph_edit.isEnabled()
    assert chosen.script is Script.TRADITIONAL and chosen.single_file and not chosen.overwrite
    assert Part.TITLE not in chosen.parts and Part.NOTES in chosen.parts


def test_ctrl_shift_e_is_the_export_action(window: MainWindow) -> None:
    action = window.actions_.export
    assert action.shortcut().toString() == "Ctrl+Shift+E"
    file_menu = window.menuBar().actions()[0].menu()
    assert isinstance(file_menu, QMenu) and action in file_menu.actions()
    action.trigger()
    dialogs = [d for d in window.findChildren(ExportDialog) if d.isVisible()]
    assert len(dialogs) == 1
    dialogs[0].reject()

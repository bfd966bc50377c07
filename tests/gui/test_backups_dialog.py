"""File > Backups…: listing, backing up now, restoring; automatic backups when due, and their failures."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from db.backup import backup_before, list_backups
from db.engine import Library
from reader.gui.backup_settings import local_time_text, set_backup_interval_hours
from reader.gui.backups_dialog import BackupsDialog
from reader.gui.library_safety import LibrarySafety
from reader.gui.main_window import MainWindow
from reader.services.browsing import first_article_id
from reader.services.importing import ImportReport
from tests.gui.builders import add_issue
from tests.gui.conftest import show_article
from tests.gui.waiting import wait_for_tasks

pytestmark = pytest.mark.gui

Importer = Callable[[Library, list[Path]], ImportReport]
WindowFactory = Callable[..., MainWindow]
SECOND_TITLE = "巡河日记"


@pytest.fixture
def backup_checks(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """The automatic backup is considered at once after opening (not 3 s later); each time is listed.

    The real check runs (its task, if any, is what it returns): the test waits for it, not for a time.
    """
    checks: list[object] = []
    check = LibrarySafety.start_auto_backup

    def counted(safety: LibrarySafety) -> object:
        task = check(safety)
        checks.append(task)
        return task

    monkeypatch.setattr("reader.gui.library_safety.AUTO_BACKUP_DELAY_MS", 0)
    monkeypatch.setattr(LibrarySafety, "start_auto_backup", counted)
    return checks


def _listed(qtbot: QtBot, dialog: BackupsDialog, count: int) -> list[tuple[str, str, str]]:
    qtbot.waitUntil(lambda: len(dialog.rows()) == count, timeout=20_000)
    return dialog.rows()


def test_the_dialog_lists_backs_up_and_restores(
    qtbot: QtBot,
    gui_library: Library,
    import_into: Importer,
    sample_issue: Path,
    open_window: WindowFactory,
    lib_path: Path,
    backup_checks: list[object],
) -> None:
    import_into(gui_library, [sample_issue])
    old = backup_before(lib_path, "manual")
    second_issue = add_issue(gui_library, "second.txt", [(SECOND_TITLE, "志愿者每周巡查河道两次。", "new")])
    newer = backup_before(lib_path, "pre-bulk")
    window = open_window()
    assert window.library_model.issue_count() == 2
    # the automatic check, done before anything else (it must not run into the restore below)
    qtbot.waitUntil(lambda: len(backup_checks) == 1, timeout=20_000)
    wait_for_tasks(qtbot, window.runner)
    assert len(list_backups(lib_path)) == 2  # a backup was made a moment ago: none was due

    window.actions_.backups.trigger()
    dialog = window.safety.backups_dialog
    assert dialog is not None and dialog.isVisible()
    rows = _listed(qtbot, dialog, 2)
    assert [(date, reason) for date, _size, reason in rows] == [
        (local_time_text(newer.created_at), "Before a bulk change"),
        (local_time_text(old.created_at), "Made by hand"),
    ]
    assert all(size for _date, size, _reason in rows)
    assert "2 backup" in dialog.headline.text() and "lib.sqlite3.backups" in dialog.headline.text()

    # Back Up Now adds one, at the top
    with qtbot.waitSignal(window.safety.backup_made, timeout=20_000):
        dialog.back_up_button.click()
    rows = _listed(qtbot, dialog, 3)
    assert rows[0][2] == "Made by hand"
    assert len(list_backups(lib_path)) == 3

    # restoring the oldest brings back the library as it was: one issue
    with gui_library.session() as session:
        second_article = first_article_id(session, second_issue)
    assert second_article is not None
    show_article(qtbot, window, second_issue, second_article)
    gui_library.close()  # a restore swaps the file: no other connection may stay open
    assert dialog.select_backup(old.path)
    box = dialog.restore_selected()
    assert box is not None and box.isVisible()
    yes = box.button(QMessageBox.StandardButton.Yes)
    assert yes is not None and yes.text() == "Restore"
    with qtbot.waitSignal(window.safety.restored, timeout=30_000):
        yes.click()
    assert window.library is not None and not window.read_only
    assert window.library_model.issue_count() == 1
    assert [window.library_model.issue_row(i).source_name for i in window.library_model.issue_ids()] == [  # type: ignore[union-attr]
        "sample_issue.txt"
    ]
    assert window.reading_view.article_id is None  # the article read last is gone with the restore
    show_article(qtbot, window, 1, 1)
    assert "深化“家门口”服务" in window.reading_view.toPlainText()

    # the library as it was before the restore was backed up first
    rows = _listed(qtbot, dialog, 4)
    assert rows[0][2] == "Before a restore"
    assert "restored" in dialog.status.text()


def test_opening_backs_up_when_a_backup_is_due(
    qtbot: QtBot,
    gui_library: Library,
    import_into: Importer,
    sample_issue: Path,
    lib_path: Path,
    open_window: WindowFactory,
    backup_checks: list[object],
) -> None:
    import_into(gui_library, [sample_issue])
    window = open_window(until=lambda w: w.safety.backup_made, timeout=30_000)
    [made] = list_backups(lib_path)
    assert made.reason == "auto"
    window.close()

    # not due again a moment later; with the preference at 0, never
    window = open_window()
    qtbot.waitUntil(lambda: len(backup_checks) == 2, timeout=20_000)  # considered after opening
    wait_for_tasks(qtbot, window.runner)  # and what it started is done
    assert len(list_backups(lib_path)) == 1
    window.close()

    set_backup_interval_hours(0)
    window = open_window()
    qtbot.waitUntil(lambda: len(backup_checks) == 3, timeout=20_000)
    assert backup_checks[-1] is None and window.safety.backup_task is None  # nothing started
    assert len(list_backups(lib_path)) == 1


def test_a_failed_automatic_backup_is_a_warning_in_the_status_bar(
    gui_library: Library,
    import_into: Importer,
    sample_issue: Path,
    lib_path: Path,
    open_window: WindowFactory,
    backup_checks: list[object],
) -> None:
    import_into(gui_library, [sample_issue])
    (lib_path.parent / (lib_path.name + ".backups")).write_text("a file where the backup folder goes")
    window = open_window(until=lambda w: w.safety.backup_failed, timeout=30_000)
    warning = window.safety.backup_warning
    assert warning is not None and warning.isVisible()
    assert "backup failed" in warning.text()
    assert "backup folder" in warning.toolTip()
    assert not [box for box in window.findChildren(QMessageBox) if box.isVisible()]  # nothing blocks
    assert window.library is not None and not window.read_only

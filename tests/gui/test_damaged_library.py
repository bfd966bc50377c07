"""A damaged library: the window writes nothing, explains the problems, restores the newest good backup."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from db.backup import backup_before
from db.integrity import full_check
from db.opening import open_library
from reader.gui.main_window import MainWindow
from tests.safety_support import corrupt_pages, make_library

pytestmark = pytest.mark.gui


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


WindowFactory = Callable[..., MainWindow]


def _open_damaged(open_window: WindowFactory) -> MainWindow:
    return open_window(until=lambda w: w.safety.damaged, timeout=30_000)


@pytest.mark.parametrize(
    ("articles", "offset"), [(40, 3 * 4096), (3, 4096)], ids=["data-pages", "schema-page"]
)
def test_a_damaged_library_is_explained_and_its_backup_restored(
    qtbot: QtBot, lib_path: Path, articles: int, offset: int, open_window: WindowFactory
) -> None:
    make_library(lib_path, articles=articles, blocks=6)
    good = backup_before(lib_path, "manual")
    corrupt_pages(lib_path, offset=offset, length=4096)
    damaged_bytes = _digest(lib_path)

    window = _open_damaged(open_window)
    damage = window.safety.damage
    assert damage is not None and damage.problems
    # nothing is written: no library open, editing and importing disabled, the file untouched
    assert window.library is None and window.read_only
    assert not window.actions_.import_files.isEnabled() and not window.actions_.import_folder.isEnabled()
    assert window.import_paths([lib_path]) is None
    assert _digest(lib_path) == damaged_bytes
    banner = window.safety.banner
    assert banner.isVisible() and banner.kind == "damaged" and "damaged" in banner.label.text()
    assert banner.restore_button.isVisible()

    dialog = window.safety.damaged_dialog
    assert dialog is not None and dialog.isVisible()
    assert str(lib_path.resolve()) in dialog.headline.text()
    assert dialog.problems.toPlainText() == "\n".join(damage.problems)
    assert "lib.sqlite3.damaged" in dialog.advice.text()
    assert dialog.restore_button.isEnabled()

    with qtbot.waitSignal(window.safety.restored, timeout=30_000):
        dialog.restore_button.click()
    assert window.library is not None and not window.read_only
    assert not banner.isVisible()
    assert window.actions_.import_files.isEnabled()
    assert window.library_model.issue_count() == 1
    row = window.library_model.issue_row(window.library_model.issue_ids()[0])
    assert row is not None and row.article_count == articles
    # the damaged file is kept beside the restored library
    quarantined = lib_path.with_name("lib.sqlite3.damaged")
    assert _digest(quarantined) == damaged_bytes
    recovery = window.safety.last_restore
    assert recovery is not None and getattr(recovery, "restored", None) == good
    window.close()
    library = open_library(lib_path)
    try:
        assert full_check(library).ok
    finally:
        library.close()


def test_without_a_good_backup_the_library_is_left_as_it_is(
    qtbot: QtBot, lib_path: Path, open_window: WindowFactory
) -> None:
    make_library(lib_path, articles=40, blocks=6)
    corrupt_pages(lib_path, offset=3 * 4096, length=4096)
    damaged_bytes = _digest(lib_path)
    window = _open_damaged(open_window)
    dialog = window.safety.damaged_dialog
    assert dialog is not None
    with qtbot.waitSignal(window.safety.damaged, timeout=30_000):  # reopened: still damaged
        dialog.restore_button.click()
    failed = [box for box in window.findChildren(QMessageBox) if box.objectName() == "restoreFailed"]
    assert failed and "no usable backup" in failed[0].text()
    assert _digest(lib_path) == damaged_bytes
    assert not lib_path.with_name("lib.sqlite3.damaged").exists()
    assert window.read_only and window.safety.banner.kind == "damaged"

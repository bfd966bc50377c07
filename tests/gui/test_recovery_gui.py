"""Edits kept in recovery files are offered when the library opens: saved into it, or discarded."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from db.models import Article, Block
from db.opening import open_library
from reader.gui.main_window import MainWindow
from reader.gui.recovery_dialog import RecoveryDialog, RecoveryOutcome
from reader.services.recovery import pending_recoveries, write_recovery
from tests.gui.waiting import wait_for_tasks
from tests.safety_support import make_library

pytestmark = pytest.mark.gui

WindowFactory = Callable[..., MainWindow]


def _texts(lib: Path, article_id: int) -> list[str]:
    library = open_library(lib)
    try:
        with library.session() as session:
            query = select(Block.text).where(Block.article_id == article_id).order_by(Block.position)
            return list(session.scalars(query))
    finally:
        library.close()


def _version(lib: Path, article_id: int) -> int:
    library = open_library(lib)
    try:
        with library.session() as session:
            return session.get_one(Article, article_id).version
    finally:
        library.close()


def _offered(qtbot: QtBot, window: MainWindow) -> RecoveryDialog:
    qtbot.waitUntil(lambda: window.safety.recovery_dialog is not None, timeout=20_000)
    dialog = window.safety.recovery_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_kept_edits_are_offered_and_saved(qtbot: QtBot, lib_path: Path, open_window: WindowFactory) -> None:
    first, second, *_ = make_library(lib_path)
    write_recovery(
        first, _version(lib_path, first), ["改一", "改二", "改三"], "小林", library=str(lib_path.resolve())
    )
    stale = write_recovery(second, _version(lib_path, second) - 1, ["旧", "旧", "旧"], "小林")
    write_recovery(first, 1, ["别的库"], "小林", library=str(lib_path.with_name("other.sqlite3").resolve()))

    window = open_window()
    dialog = _offered(qtbot, window)
    assert dialog.tree.topLevelItemCount() == 2  # the other library's edit is not offered here
    with qtbot.waitSignal(dialog.applied, timeout=20_000) as blocker:
        dialog.save_button.click()
    assert blocker.args is not None
    outcome = blocker.args[0]
    assert isinstance(outcome, RecoveryOutcome)
    assert outcome.saved == [first] and outcome.stale == [second]
    assert "changed since" in dialog.status.text()
    assert _texts(lib_path, first) == ["改一", "改二", "改三"]
    assert [r.path for r in pending_recoveries(lib_path.resolve()) if r.article_id == second] == [stale.path]

    # the edit that could not be saved can be discarded
    box = dialog.confirm_discard()
    discard = box.button(QMessageBox.StandardButton.Discard)
    assert discard is not None
    with qtbot.waitSignal(dialog.discarded, timeout=20_000):
        discard.click()
    assert not stale.path.exists()
    assert not dialog.isVisible()


def test_nothing_is_offered_without_kept_edits(
    qtbot: QtBot, lib_path: Path, open_window: WindowFactory
) -> None:
    make_library(lib_path)
    window = open_window()
    wait_for_tasks(qtbot, window.runner)  # the recovery files were looked for
    assert window.safety.recovery_dialog is None


def test_a_kept_edit_another_window_saved_meanwhile_is_no_longer_kept(
    qtbot: QtBot, lib_path: Path, open_window: WindowFactory
) -> None:
    """Two windows on one library both offer a crashed window's typing (qa24): once one saved it, the
    other's Save finds the same text in the library and deletes the file, instead of keeping for good an
    edit said to be "not saved: the article changed since" that can never be saved."""
    from reader.services.recovery import apply_recovery

    first, second, *_ = make_library(lib_path)
    texts = ["改一", "改二", "改三"]
    where = str(lib_path.resolve())
    base = _version(lib_path, first)
    kept = write_recovery(first, base, texts, "小林", library=where)
    other = write_recovery(second, _version(lib_path, second), ["别人", "改的", "字"], "小林", library=where)

    window = open_window()
    dialog = _offered(qtbot, window)
    library = open_library(lib_path)
    try:  # the other window saves the same kept edit first
        assert apply_recovery(library, kept).saved
        write_recovery(first, base, texts, "小林", library=where, name=kept.path.name)  # still offered
    finally:
        library.close()
    assert kept.path.exists()
    with qtbot.waitSignal(dialog.applied, timeout=20_000) as blocker:
        dialog.save_button.click()
    assert blocker.args is not None
    outcome = blocker.args[0]
    assert outcome.already == [first] and outcome.saved == [second] and outcome.stale == []
    assert "already in the library" in dialog.status.text()
    assert "changed since" not in dialog.status.text()
    assert not kept.path.exists() and not other.path.exists()
    assert _texts(lib_path, first) == texts


@pytest.mark.parametrize("choice", ["keep", "newer"])
def test_a_kept_edit_whose_article_changed_since_can_be_compared_and_kept_or_dropped(
    qtbot: QtBot, lib_path: Path, open_window: WindowFactory, choice: str
) -> None:
    """Typing kept by a crashed window, the article changed since (qa24): it used to be only discardable,
    unseen, and offered again at every start; Compare… shows both texts and keeps one of them."""
    from PySide6.QtWidgets import QApplication

    first, second, *_ = make_library(lib_path)
    where = str(lib_path.resolve())
    newer = _texts(lib_path, second)
    stale = write_recovery(
        second, _version(lib_path, second) - 1, ["旧甲", "旧乙", "旧丙"], "小林", library=where
    )
    saved = write_recovery(first, _version(lib_path, first), ["改一", "改二", "改三"], "小林", library=where)

    window = open_window()
    dialog = _offered(qtbot, window)
    assert not dialog.compare_button.isVisible()
    with qtbot.waitSignal(dialog.applied, timeout=20_000):
        dialog.save_button.click()
    assert dialog.compare_button.isVisible() and "Compare" in dialog.status.text()
    assert not saved.path.exists() and stale.path.exists()
    conflict = dialog.compare()
    assert conflict is not None and conflict.isVisible() and not conflict.merge_button.isVisible()
    assert "旧甲" in conflict.mine_view.toPlainText() and newer[0] in conflict.newer_view.toPlainText()
    library = open_library(lib_path)
    try:
        with library.session() as session:
            title = session.get_one(Article, second).title
    finally:
        library.close()
    intro = conflict.findChild(QLabel, "conflictIntro")
    assert title and intro is not None and f"“{title}”" in intro.text()  # named by its title
    if choice == "keep":
        with qtbot.waitSignal(dialog.applied, timeout=20_000) as blocker:
            conflict.keep_button.click()
        assert blocker.args is not None and blocker.args[0].saved == [second]
        assert _texts(lib_path, second) == ["旧甲", "旧乙", "旧丙"]
    else:
        conflict.newer_button.click()
        assert _texts(lib_path, second) == newer
        assert "旧甲" in QApplication.clipboard().text()
    assert not stale.path.exists()
    assert not dialog.compare_button.isVisible() and dialog.recoveries == []
    assert pending_recoveries(lib_path.resolve()) == []


def test_the_list_keeps_only_the_edits_still_kept_and_two_kept_files_of_one_article_are_both_offered(
    qtbot: QtBot, lib_path: Path, open_window: WindowFactory
) -> None:
    """qa24 B: rows saved, found in the library or dropped stayed listed; of two kept files of one article,
    the second left the list once the first was kept with Compare…, yet stayed on disk, unoffered."""
    first, second, third, *_ = make_library(lib_path)
    where = str(lib_path.resolve())
    saved = write_recovery(first, _version(lib_path, first), ["改一", "改二", "改三"], "小林", library=where)
    old = _version(lib_path, second) - 1
    write_recovery(second, old, ["旧甲", "旧乙", "旧丙"], "小林", library=where)
    write_recovery(second, old, ["另甲", "另乙", "另丙"], "小王", library=where)
    write_recovery(third, _version(lib_path, third) - 1, ["丢甲", "丢乙", "丢丙"], "小林", library=where)
    window = open_window()
    dialog = _offered(qtbot, window)

    def rows() -> list[str]:
        items = [dialog.tree.topLevelItem(i) for i in range(dialog.tree.topLevelItemCount())]
        return sorted(f"{item.text(0)} {item.text(2)}" for item in items if item is not None)

    def offered_as_kept() -> None:
        """The rows are the edits still kept, and every file still on disk is one of them."""
        assert rows() == sorted(f"{r.article_id} {r.author}" for r in dialog.recoveries)
        on_disk = {r.path for r in pending_recoveries(lib_path.resolve())}
        assert on_disk == {r.path for r in dialog.recoveries}

    assert rows() == sorted([f"{first} 小林", f"{second} 小林", f"{second} 小王", f"{third} 小林"])
    with qtbot.waitSignal(dialog.applied, timeout=20_000):
        dialog.save_button.click()
    assert not saved.path.exists()
    assert rows() == sorted([f"{second} 小林", f"{second} 小王", f"{third} 小林"])  # the saved one goes
    offered_as_kept()

    shown: list[str] = []
    while dialog.recoveries and len(shown) < 8:  # each stale edit compared with its own text
        conflict = dialog.compare()
        assert conflict is not None
        mine = conflict.mine_view.toPlainText()
        shown.append(mine[:2])
        if "丢甲" in mine:
            conflict.newer_button.click()
        else:
            with qtbot.waitSignal(dialog.applied, timeout=20_000):
                conflict.keep_button.click()
        offered_as_kept()
    assert {"旧甲", "另甲", "丢甲"} <= set(shown)
    assert rows() == [] and pending_recoveries(lib_path.resolve()) == []
    assert _texts(lib_path, second) in (["旧甲", "旧乙", "旧丙"], ["另甲", "另乙", "另丙"])

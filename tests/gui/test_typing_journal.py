"""Typing is kept on disk between autosaves: a window killed before it saved loses at most a moment of it.

qa23 found that text typed in the 1.5 s before ``kill -9`` was gone on the next start, and nothing said so.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from db.engine import Library
from reader.core.processes import running, this_process
from reader.gui.article_editor import SAVE_DELAY_MS
from reader.gui.main_window import MainWindow
from reader.gui.typing_journal import JOURNAL_DELAY_MS
from reader.services.importing import ImportReport
from reader.services.recovery import (
    JOURNAL_REASON,
    journal_name,
    pending_recoveries,
    recovery_dir,
    write_recovery,
)
from tests.gui.conftest import show_article, start_edit_mode
from tests.gui.proofreading_support import RIVER, RIVER_PARAGRAPH, article, block_texts, type_text
from tests.safety_support import make_library

pytestmark = pytest.mark.gui

Importer = Callable[[Library, list[Path]], ImportReport]
WindowFactory = Callable[..., MainWindow]


def _dead_process() -> str:
    """The owner name of a process of this host that has ended."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    host, _, _ = this_process().rpartition(":")
    return f"{host}:{child.pid}"


def test_typing_is_on_disk_before_the_autosave_and_gone_after_it(
    qtbot: QtBot, gui_library: Library, import_into: Importer, sample_issue: Path, open_window: WindowFactory
) -> None:
    import_into(gui_library, [sample_issue])
    window = open_window()
    original = block_texts(gui_library, RIVER)
    show_article(qtbot, window, 1, RIVER)
    start_edit_mode(qtbot, window)
    pane = window.proofreading.editor_pane
    pane.editor.set_place(RIVER_PARAGRAPH, 0)
    type_text(pane.editor, "据悉，")
    assert JOURNAL_DELAY_MS < SAVE_DELAY_MS
    qtbot.waitUntil(lambda: bool(pane.journal.paths), timeout=SAVE_DELAY_MS)
    assert pane.dirty  # kept on disk, not saved into the library yet
    (kept,) = pane.journal.paths
    record = json.loads(kept.read_text(encoding="utf-8"))
    assert record["reason"] == JOURNAL_REASON and record["owner"] == this_process()
    assert "据悉，" + original[RIVER_PARAGRAPH] in record["blocks_text"].values()
    # the running window's own typing is offered to nobody
    assert all(r.path != kept for r in pending_recoveries())

    # the window killed now: its file, owned by a process that has ended, is offered on the next start
    crashed = recovery_dir() / "article-crashed.json"
    crashed.write_text(json.dumps({**record, "owner": _dead_process()}), encoding="utf-8")
    (offered,) = [r for r in pending_recoveries() if r.path == crashed]
    assert offered.article_id == RIVER and offered.reason == JOURNAL_REASON
    assert offered.blocks_text == pane._typing().texts  # type: ignore[union-attr]
    crashed.unlink()

    # the autosave puts the text into the library and the kept typing goes
    qtbot.waitUntil(lambda: not pane.dirty, timeout=SAVE_DELAY_MS + 5000)
    assert block_texts(gui_library, RIVER)[RIVER_PARAGRAPH] == "据悉，" + original[RIVER_PARAGRAPH]
    assert not pane.journal.paths and not kept.exists()
    assert article(gui_library, RIVER).version == 2

    # more typing, then leaving edit mode at once: saved, nothing left on disk
    type_text(pane.editor, "又")
    qtbot.waitUntil(lambda: bool(pane.journal.paths), timeout=SAVE_DELAY_MS)
    window.actions_.edit_mode.trigger()
    qtbot.waitUntil(lambda: not pane.journal.paths, timeout=5000)
    assert not list(recovery_dir().glob("article-*-typing-*.json"))


def test_a_killed_windows_typing_is_offered_and_saved_on_the_next_start(
    qtbot: QtBot, lib_path: Path, open_window: WindowFactory
) -> None:
    first, *_ = make_library(lib_path)
    library = str(lib_path.resolve())
    from db.models import Article
    from db.opening import open_library

    opened = open_library(lib_path)
    with opened.session() as session:
        version = session.get_one(Article, first).version
    opened.close()
    owner = _dead_process()
    assert not running(owner) and running(this_process())
    write_recovery(
        first, version, ["打字一", "打字二", "打字三"], "小林", library=library, reason=JOURNAL_REASON,
        owner=owner, name=journal_name(first),
    )  # fmt: skip
    live = write_recovery(first, version, ["别的窗口"], "小王", library=library, owner=this_process())

    window = open_window()
    qtbot.waitUntil(lambda: window.safety.recovery_dialog is not None, timeout=20_000)
    dialog = window.safety.recovery_dialog
    assert dialog is not None and dialog.tree.topLevelItemCount() == 1  # not the running window's
    item = dialog.tree.topLevelItem(0)
    assert item is not None and item.text(3) == "Typed just before Jiaokan stopped, not saved yet"
    assert "Jiaokan stopped before it could save it" in dialog.headline.text()  # one edit: singular
    with qtbot.waitSignal(dialog.applied, timeout=20_000):
        dialog.save_button.click()
    opened = open_library(lib_path)
    with opened.session() as session:
        from sqlalchemy import select

        from db.models import Block

        texts = list(
            session.scalars(select(Block.text).where(Block.article_id == first).order_by(Block.position))
        )
    opened.close()
    assert texts == ["打字一", "打字二", "打字三"]
    assert live.path.exists()  # the running window's file is its own


def test_a_data_folder_that_cannot_be_written_is_said_once_in_the_status_bar(
    qtbot: QtBot,
    gui_library: Library,
    import_into: Importer,
    sample_issue: Path,
    open_window: WindowFactory,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """qa24 A: the journal silently did nothing, and the log said the edit "could not be saved" (it was)."""
    import_into(gui_library, [sample_issue])
    folder = recovery_dir()
    folder.parent.mkdir(parents=True, exist_ok=True)
    folder.write_text("in the way", encoding="utf-8")  # as a read-only folder, even for root
    window = open_window()
    show_article(qtbot, window, 1, RIVER)
    start_edit_mode(qtbot, window)
    pane = window.proofreading.editor_pane
    told: list[str] = []
    pane.journal.not_kept.connect(told.append)
    pane.editor.set_place(RIVER_PARAGRAPH, 0)
    type_text(pane.editor, "据悉，")
    qtbot.waitUntil(lambda: bool(told), timeout=SAVE_DELAY_MS)
    shown = window.statusBar().currentMessage()
    assert shown == told[0] and str(folder) in shown and "saved at each autosave" in shown
    warnings = [r.getMessage() for r in caplog.records if "cannot keep the typing" in r.getMessage()]
    assert warnings and str(folder) in warnings[0] and "could not be saved" not in warnings[0]
    qtbot.waitUntil(lambda: not pane.dirty, timeout=SAVE_DELAY_MS + 5000)  # saving still works
    type_text(pane.editor, "又")
    qtbot.wait(JOURNAL_DELAY_MS * 3)
    assert len(told) == 1  # once a session, not at every keystroke

"""The library's word counts recomputed after an import: in the background, and the window says so."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from db.engine import Library
from reader.gui.main_window import MainWindow
from tests.gui.tagging_support import Importer

pytestmark = pytest.mark.gui


def test_the_status_bar_says_while_the_suggestions_learn_the_new_articles(
    qtbot: QtBot, window: MainWindow, gui_library: Library, import_into: Importer, corpus_files: list[Path]
) -> None:
    tagging = window.tagging
    assert tagging.idf_label.isHidden()
    report = import_into(gui_library, corpus_files)
    task = tagging.after_import(report)
    assert task is not None
    assert tagging.idf_label.isVisibleTo(window)  # at once: it may take seconds on a big library
    assert tagging.idf_label.parent() is not None
    assert "new articles" in tagging.idf_label.text()
    qtbot.waitUntil(lambda: tagging.idf_task is None, timeout=60_000)
    qtbot.waitUntil(lambda: tagging.idf_label.isHidden(), timeout=5_000)
    # a second import while the first one counts: the label stays until the newest is done
    tagging.after_import(report)
    tagging.after_import(report)
    assert tagging.idf_label.isVisibleTo(window)
    qtbot.waitUntil(lambda: tagging.idf_task is None, timeout=60_000)
    qtbot.waitUntil(lambda: tagging.idf_label.isHidden(), timeout=5_000)

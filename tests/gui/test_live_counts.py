"""Another client's import, deletion or merge: the status bar's counts follow, as the library pane does.

qa22: an issue imported by ``main.py import`` while the window was open appeared in the
library pane (and its tags in the tag browser) but the status bar kept "4 issues · 26 articles".
Both engines, with the live refresh tests' library, window and other client.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from db.engine import Library
from db.models import Article
from reader.gui.main_window import MainWindow
from reader.services.importing import import_files
from reader.services.issues import delete_issues
from reader.services.structure_edits import merge_into
from tests.conftest import SAMPLE_ISSUE
from tests.gui import test_live_refresh as live
from tests.gui.test_counts_after_changes import _differences

lib_path, other, window = live.lib_path, live.other, live.window
REFRESHED_MS = live.REFRESHED_MS

pytestmark = pytest.mark.gui


def _variant(tmp_path: Path, name: str, change: Callable[[str], str]) -> Path:
    """The sample issue changed (so that it is no duplicate), under another name."""
    path = tmp_path / name
    path.write_text(change(Path(SAMPLE_ISSUE).read_text(encoding="utf-8")), encoding="utf-8")
    return path


def _settles(qtbot: QtBot, window: MainWindow, library: Library) -> None:
    try:
        qtbot.waitUntil(lambda: not _differences(window, library), timeout=REFRESHED_MS)
    except qtbot.TimeoutError:
        assert _differences(window, library) == []
        raise


def test_the_counts_follow_another_client_s_imports_deletions_and_merges(
    qtbot: QtBot, window: MainWindow, other: Library, tmp_path: Path
) -> None:
    _settles(qtbot, window, other)
    variants = [
        _variant(tmp_path, "traditional.txt", lambda t: t.replace("街道", "街道辦")),
        _variant(tmp_path, "crlf.txt", lambda t: t.replace("\n", "\r\n") + "\r\n附记"),
        _variant(tmp_path, "reordered.txt", lambda t: "\n\n".join(reversed(t.split("\n\n")))),
    ]
    for path in variants:  # one at a time, each seen by the window
        with other.write_session() as session:
            report = import_files(session, [path])
        assert report.results[0].issue_id is not None
        _settles(qtbot, window, other)
    assert len(window.library_model.issue_ids()) == 4
    with other.writing() as session:
        delete_issues(session, [2], keep_documents=False)
    _settles(qtbot, window, other)
    issue = window.library_model.issue_ids()[-1]
    with other.writing() as session:  # an issue's article count changes, its row never expanded
        second = session.scalars(
            select(Article.id).where(Article.issue_id == issue).order_by(Article.position).offset(1)
        ).first()
        assert second is not None
        merge_into(session, second, "previous", author="李明")
    _settles(qtbot, window, other)

"""Every count the window shows is right after a change, without a restart.

After a structure edit (a merge), a tag change and an import, the status bar's
issue and article counts, the library pane's rows (articles per issue, tags
per article) and the tag browser's article counts are compared with what the
library holds.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from db.backup import backup_before
from db.engine import Library
from db.models import Article, Issue
from db.opening import open_library
from db.tagging_models import ArticleTag, Tag
from reader.gui.main_window import MainWindow
from tests.gui.conftest import show_article
from tests.gui.tagging_support import (
    HEALTH,
    RIVER,
    SERVICE,
    STAIRS,
    Importer,
    WindowFactory,
    open_sample_window,
    tag,
    wait_for_tag_list,
)

pytestmark = pytest.mark.gui


@pytest.fixture
def window(
    qtbot: QtBot, gui_library: Library, import_into: Importer, sample_issue: Path, open_window: WindowFactory
) -> MainWindow:
    def tag_the_sample() -> None:
        tag(gui_library, "梅园街道", [SERVICE, RIVER], kind="place")
        tag(gui_library, "健康", [HEALTH])
        tag(gui_library, "楼道", [STAIRS])

    window = open_sample_window(gui_library, import_into, sample_issue, open_window, before=tag_the_sample)
    window.team.stop()  # no live refresh from other clients: the window itself keeps its counts right
    wait_for_tag_list(qtbot, window)
    return window


def _library_counts(library: Library) -> tuple[int, int, dict[int, int], dict[int, int], dict[str, int]]:
    """Issues, articles, articles per issue, tags per article, articles per tag (tags with any)."""
    with library.session() as session:
        issues = session.scalar(select(func.count()).select_from(Issue)) or 0
        articles = session.scalar(select(func.count()).select_from(Article)) or 0
        per_issue = dict(
            session.execute(select(Article.issue_id, func.count()).group_by(Article.issue_id)).all()
        )
        per_article = {article_id: 0 for article_id in session.scalars(select(Article.id))} | dict(
            session.execute(select(ArticleTag.article_id, func.count()).group_by(ArticleTag.article_id)).all()
        )
        per_tag = dict(
            session.execute(
                select(Tag.name, func.count())
                .join(ArticleTag, ArticleTag.tag_id == Tag.id)
                .group_by(Tag.name)
            ).all()
        )
    return issues, articles, per_issue, per_article, per_tag


def _shown_counts(window: MainWindow) -> tuple[int, int, dict[int, int], dict[int, int], dict[str, int]]:
    """What the window shows of the same counts."""
    text = window.size_label.text()
    found = re.fullmatch(r"(\d+) issues? · (\d+) articles?", text)
    assert found is not None, text
    model = window.library_model
    per_issue: dict[int, int] = {}
    per_article: dict[int, int] = {}
    for issue_id in model.issue_ids():
        row = model.issue_row(issue_id)
        assert row is not None
        per_issue[issue_id] = row.article_count
        for article in model.fetched_articles(issue_id) or []:
            per_article[article.id] = article.tag_count
    per_tag = {name: count for name, count in window.tagging.browser.shown_tags() if count}
    return int(found[1]), int(found[2]), per_issue, per_article, per_tag


def _differences(window: MainWindow, library: Library) -> list[str]:
    """What the window shows that the library does not say (tag counts per article: those listed)."""
    shown, expected = _shown_counts(window), _library_counts(library)
    names = ["issues", "articles", "articles per issue", "tags per article", "articles per tag"]
    out = [f"{names[i]}: {shown[i]} != {expected[i]}" for i in (0, 1, 2, 4) if shown[i] != expected[i]]
    wrong = {i: (n, expected[3].get(i)) for i, n in shown[3].items() if n != expected[3].get(i)}
    return out + ([f"tags per article (shown, right): {wrong}"] if wrong else [])


def _wait_until_right(qtbot: QtBot, window: MainWindow, library: Library) -> None:
    try:
        qtbot.waitUntil(lambda: not _differences(window, library) and not window.tagging.busy, timeout=5000)
    except qtbot.TimeoutError:
        assert _differences(window, library) == []
        raise


def _location_total(window: MainWindow) -> int:
    found = re.search(r"article \d+ of (\d+)", window.location_label.text())
    assert found is not None, window.location_label.text()
    return int(found[1])


def _import_a_second_issue(qtbot: QtBot, window: MainWindow, sample_issue: Path, tmp_path: Path) -> None:
    """Import ``second.txt`` (the sample with a line more) from the window and wait until it is listed."""
    second = tmp_path / "second.txt"
    second.write_text(sample_issue.read_text(encoding="utf-8") + "\n第二份不同的内容。\n", encoding="utf-8")
    with qtbot.waitSignal(window.import_flow.finished, timeout=60_000):
        window.import_paths([second])
    qtbot.waitUntil(lambda: window.library_model.issue_count() == 2, timeout=10_000)


def test_counts_are_right_after_a_merge_and_its_undo(
    qtbot: QtBot, window: MainWindow, gui_library: Library
) -> None:
    _wait_until_right(qtbot, window, gui_library)
    issue_id = window.library_model.issue_ids()[0]
    show_article(qtbot, window, issue_id, HEALTH)
    cursor = window.reading_view.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.Start)
    window.reading_view.setTextCursor(cursor)
    action = window.actions_.merge_next  # 健康 (HEALTH) and 楼道 (STAIRS) become one article
    assert action.isEnabled()
    action.trigger()
    with gui_library.session() as session:
        assert session.scalar(select(func.count()).select_from(Article)) == 3
    _wait_until_right(qtbot, window, gui_library)
    qtbot.waitUntil(lambda: _location_total(window) == 3, timeout=5000)  # the article shown, read again
    window.undo_stack.undo()
    _wait_until_right(qtbot, window, gui_library)
    assert _shown_counts(window)[1] == 4


def test_the_tag_browser_drops_a_tag_taken_off_its_last_article(
    qtbot: QtBot, window: MainWindow, gui_library: Library
) -> None:
    health = window.tagging.catalogue.find("健康")
    assert health is not None and health.count == 1
    window.tagging.editor.remove([HEALTH], health.id, "健康")
    _wait_until_right(qtbot, window, gui_library)
    assert "健康" not in dict(_shown_counts(window)[4])
    window.undo_stack.undo()
    _wait_until_right(qtbot, window, gui_library)
    assert _shown_counts(window)[4]["健康"] == 1


def test_counts_are_right_after_an_import_that_tags_by_rule(
    qtbot: QtBot, window: MainWindow, gui_library: Library, sample_issue: Path, tmp_path: Path
) -> None:
    from reader.services.tag_rules import add_rule

    with gui_library.writing() as session:
        add_rule(session, "河长制", "河长")  # the new issue's river article gets it at import
    _import_a_second_issue(qtbot, window, sample_issue, tmp_path)
    _wait_until_right(qtbot, window, gui_library)
    assert _shown_counts(window)[4]["河长制"] == 1


def test_counts_are_right_after_deleting_an_issue_and_its_undo(
    qtbot: QtBot, window: MainWindow, gui_library: Library
) -> None:
    issue_id = window.library_model.issue_ids()[0]
    window.issue_actions.delete([issue_id])
    qtbot.waitUntil(lambda: window.library_model.issue_count() == 0, timeout=10_000)
    _wait_until_right(qtbot, window, gui_library)
    assert _shown_counts(window)[4] == {}  # no tag has an article left
    window.undo_stack.undo()
    qtbot.waitUntil(lambda: window.library_model.issue_count() == 1, timeout=10_000)
    _wait_until_right(qtbot, window, gui_library)
    assert _shown_counts(window)[4]["梅园街道"] == 2


def test_an_import_is_undone_and_redone_with_every_count_right(
    qtbot: QtBot, window: MainWindow, gui_library: Library, sample_issue: Path, tmp_path: Path
) -> None:
    _import_a_second_issue(qtbot, window, sample_issue, tmp_path)
    assert window.undo_stack.undoText() in ("Import 1 Issue", "导入 1 期")
    _wait_until_right(qtbot, window, gui_library)

    window.undo_stack.undo()  # the issue it added is deleted (after a backup)
    qtbot.waitUntil(lambda: window.library_model.issue_count() == 1, timeout=20_000)
    assert window.statusBar().currentMessage() == (  # Redo, not Undo, brings it back
        "Import undone: its issues are deleted. Edit > Redo brings them back."
    )
    _wait_until_right(qtbot, window, gui_library)
    with gui_library.session() as session:
        assert [i.source_name for i in session.scalars(select(Issue))] == ["sample_issue.txt"]

    window.undo_stack.redo()  # and stored again
    qtbot.waitUntil(lambda: window.library_model.issue_count() == 2, timeout=20_000)
    _wait_until_right(qtbot, window, gui_library)
    with gui_library.session() as session:
        names = sorted(i.source_name for i in session.scalars(select(Issue)))
    assert names == ["sample_issue.txt", "second.txt"]


def _restore_step(qtbot: QtBot, window: MainWindow, lib_path: Path, step: Callable[[], object]) -> None:
    """Run a restore (or its undo or redo), then check every count against the library restored."""
    with qtbot.waitSignal(window.safety.restored, timeout=30_000):
        step()
    restored = open_library(lib_path)
    try:
        _wait_until_right(qtbot, window, restored)
        with restored.session() as session:
            articles = set(session.scalars(select(Article.id)))
        qtbot.waitUntil(lambda: window.navigator.article_id in articles, timeout=5000)  # read anew
        assert window.reading_view.article_id == window.navigator.article_id
    finally:
        restored.close()  # a restore swaps the file: no other connection may stay open


def test_a_restore_is_undone_and_redone_with_every_count_right(
    qtbot: QtBot, window: MainWindow, gui_library: Library, lib_path: Path, sample_issue: Path, tmp_path: Path
) -> None:
    chosen = backup_before(lib_path, "manual").path  # the sample, tagged
    show_article(qtbot, window, window.library_model.issue_ids()[0], RIVER)
    _import_a_second_issue(qtbot, window, sample_issue, tmp_path)
    _wait_until_right(qtbot, window, gui_library)
    gui_library.close()  # a restore swaps the file: no other connection may stay open

    _restore_step(qtbot, window, lib_path, lambda: window.safety.restore_backup(chosen, name="12:00"))
    assert window.library_model.issue_count() == 1
    stack = window.undo_stack
    assert stack.count() == 1  # the import named the library as it was: it is no longer a step
    assert stack.undoText() in ("Restore Backup “12:00”", "恢复备份“12:00”")
    assert window.navigator.article_id == RIVER  # the article read last, still in the backup

    _restore_step(qtbot, window, lib_path, stack.undo)  # the library as it was before the restore
    assert window.library_model.issue_count() == 2
    _restore_step(qtbot, window, lib_path, stack.redo)
    assert window.library_model.issue_count() == 1 and stack.count() == 1 and stack.canUndo()

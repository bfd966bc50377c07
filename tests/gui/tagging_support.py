"""Helpers of the tagging GUI tests: a window on the sample issue, what the library and panes show."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QModelIndex
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from db.engine import Library
from db.tagging_models import ArticleTag, Tag
from reader.gui.library_model import Role
from reader.gui.main_window import MainWindow
from reader.gui.tag_rules_dialog import TagAliasesDialog, TagRulesDialog
from reader.services.importing import ImportReport

Importer = Callable[[Library, list[Path]], ImportReport]
WindowFactory = Callable[..., MainWindow]

# The sample issue's articles (ids in import order)
SERVICE = 1  # 深化“家门口”服务…, byline 林晓岚 and 周启明
HEALTH = 2  # untitled
STAIRS = 3  # untitled
RIVER = 4  # 梅园街道河长制工作再上新台阶, byline 陈思远
ALL_ARTICLES = [SERVICE, HEALTH, STAIRS, RIVER]


def type_text(widget: QWidget, text: str) -> None:
    """Type Chinese text into a widget as an input method commits it (QTest types ASCII only)."""
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def tag(library: Library, name: str, article_ids: list[int], kind: str = "topic") -> int:
    """Tag articles through the service (before the window opens, or behind its back); the tag's id."""
    from reader.services.tagging import add_tag

    with library.writing() as session:
        return add_tag(session, article_ids, name, kind=kind, author="test").tag_id


def tags_of(library: Library, article_id: int) -> list[str]:
    """The names of an article's tags, sorted."""
    with library.session() as session:
        return sorted(
            session.scalars(
                select(Tag.name)
                .join(ArticleTag, ArticleTag.tag_id == Tag.id)
                .where(ArticleTag.article_id == article_id)
            )
        )


def tag_row(library: Library, name: str) -> Tag | None:
    with library.session() as session:
        return session.scalar(select(Tag).where(Tag.name == name))


def shown_article_ids(window: MainWindow) -> list[int]:
    """The articles the library pane shows (expanding every issue it shows)."""
    proxy = window.library_pane.proxy
    out: list[int] = []
    for row in range(proxy.rowCount()):
        issue = proxy.index(row, 0, QModelIndex())
        if proxy.canFetchMore(issue):
            proxy.fetchMore(issue)
        out.extend(int(proxy.index(n, 0, issue).data(Role.ID)) for n in range(proxy.rowCount(issue)))
    return sorted(out)


def tag_count_shown(window: MainWindow, article_id: int) -> int:
    """The tag count of an article in the library pane's rows."""
    model = window.library_model
    for issue_id in model.issue_ids():
        for article in model.fetched_articles(issue_id) or []:
            if article.id == article_id:
                return article.tag_count
    raise AssertionError(f"article {article_id} is not fetched in the library pane")


def rules_dialog(qtbot: QtBot, window: MainWindow) -> TagRulesDialog:
    """The tag rules dialog, opened, once it lists the rules (read in the background)."""
    dialog = window.tagging.tag_dialogs.edit_rules()
    assert dialog is not None
    qtbot.waitUntil(lambda: not dialog.is_listing(), timeout=5000)
    return dialog


def aliases_dialog_on_a_place(qtbot: QtBot, window: MainWindow, library: Library) -> TagAliasesDialog:
    """The tag aliases dialog, opened once the window lists the place 梅园街道 (on ``RIVER``)."""
    tag(library, "梅园街道", [RIVER], kind="place")
    window.tagging.reload_tags()
    wait_for_tag_list(qtbot, window)
    dialog = window.tagging.tag_dialogs.edit_aliases()
    assert dialog is not None
    return dialog


def let_background_work_end(qtbot: QtBot, window: MainWindow) -> None:
    """Let the window's background tasks end and their results arrive (a dialog may be gone by then)."""
    for _ in range(20):
        assert window.runner.wait()
        qtbot.wait(20)


def wait_for_tag_list(qtbot: QtBot, window: MainWindow) -> None:
    """Wait until the tag list read in the background is in."""
    qtbot.waitUntil(lambda: not window.tagging.busy, timeout=10_000)


def open_sample_window(
    gui_library: Library,
    import_into: Importer,
    sample: Path,
    open_window: WindowFactory,
    *,
    before: Callable[[], None] | None = None,
) -> MainWindow:
    """A window on a library holding the sample issue (``before`` runs between import and opening)."""
    report = import_into(gui_library, [sample])
    assert len(report.imported) == 1
    if before is not None:
        before()
    window = open_window()
    window.library_pane.tree.expandAll()
    window.tagging.pane_dock.raise_()  # tabbed behind Search by default; suggestions need it shown
    return window

"""The lazy library tree and its filtering proxy, checked with pytest-qt's model tester."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QStyleOptionViewItem
from pytestqt.modeltest import ModelTester

from db.engine import Library
from reader.core.script import Script, convert
from reader.gui.library_model import PAGE, Column, LibraryModel, LibraryProxy, Role, ScriptDelegate
from reader.services.browsing import IssueRow, LibraryMatches, article_rows, issue_rows, matching_articles
from tests.gui.builders import add_issue

pytestmark = pytest.mark.gui


def _model(library: Library) -> tuple[LibraryModel, list[int]]:
    def fetch(issue_id: int):  # type: ignore[no-untyped-def]
        with library.session() as session:
            return article_rows(session, issue_id)

    model = LibraryModel(fetch)
    with library.session() as session:
        model.set_issues(issue_rows(session))
    return model, model.issue_ids()


@pytest.fixture
def filled(gui_library: Library) -> Library:
    add_issue(
        gui_library,
        "a.txt",
        [("后台体验", "一", "new"), (None, "未命名文章的开头几个字", "approved")],
        title="梅园社区报",
    )
    add_issue(gui_library, "b.txt", [])
    add_issue(gui_library, "c.txt", [("測試標題", "三", "proofread")])
    return gui_library


def test_model_passes_the_model_tester(qtmodeltester: ModelTester, filled: Library) -> None:
    model, _ = _model(filled)
    qtmodeltester.check(model)
    for row in range(model.rowCount()):
        model.fetchMore(model.index(row, 0))
    qtmodeltester.check(model)


def test_articles_are_fetched_only_when_asked(filled: Library) -> None:
    fetched: list[int] = []
    model, ids = _model(filled)

    def counting_fetch(issue_id: int):  # type: ignore[no-untyped-def]
        fetched.append(issue_id)
        with filled.session() as session:
            return article_rows(session, issue_id)

    model.set_fetcher(counting_fetch)
    first = model.index(0, 0)
    assert model.hasChildren(first)
    assert model.rowCount(first) == 0
    assert not model.hasChildren(model.index(1, 0))  # an issue with no article
    assert model.canFetchMore(first)
    model.fetchMore(first)
    assert fetched == [ids[0]]
    assert model.rowCount(first) == 2
    assert model.data(model.index(0, Column.TITLE, first)) == "后台体验"
    assert model.data(model.index(1, Column.TITLE, first)) == "未命名文章的开头几个字…"
    assert model.data(model.index(1, Column.STATUS, first)) in ("Approved", "已审定")
    assert model.data(first) == "梅园社区报"
    assert model.data(model.index(0, Column.STATUS)) == "1/2"


def test_the_delegate_shows_titles_in_the_chosen_script(filled: Library) -> None:
    model, ids = _model(filled)
    third = model.index_of_issue(ids[2])
    model.fetchMore(third)
    article = model.index(0, 0, third)
    assert model.data(article) == "測試標題"  # the model gives the stored text

    def shown(delegate: ScriptDelegate, index: QModelIndex) -> str:
        option = QStyleOptionViewItem()
        delegate.initStyleOption(option, index)
        return str(option.text)

    simplified = ScriptDelegate(lambda text: convert(text, Script.SIMPLIFIED))
    assert shown(simplified, article) == "测试标题"
    assert shown(simplified, model.index_of_issue(ids[0])) == "梅园社区报"
    taiwan = ScriptDelegate(lambda text: convert(text, Script.TAIWAN))
    assert shown(taiwan, model.index_of_issue(ids[0])) == "梅園社區報"
    assert shown(taiwan, model.index(0, Column.STATUS, third)) == "Proofread"  # statuses are not converted


def test_proxy_filters_by_matches_and_sorts(qtmodeltester: ModelTester, filled: Library) -> None:
    model, ids = _model(filled)
    proxy = LibraryProxy()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    with filled.session() as session:
        matches = matching_articles(session, ["体验"])
    proxy.set_matches(matches)
    assert proxy.rowCount() == 1
    issue = proxy.index(0, 0)
    assert issue.data(Role.ID) == ids[0]
    proxy.fetchMore(issue)
    assert proxy.rowCount(issue) == 1
    assert proxy.index(0, 0, issue).data() == "后台体验"
    qtmodeltester.check(proxy)
    proxy.set_matches(None)
    assert proxy.rowCount() == 3
    proxy.sort(Column.TITLE, Qt.SortOrder.DescendingOrder)
    assert [proxy.index(r, 0).data(Role.ID) for r in range(3)] == list(reversed(ids))
    proxy.sort(Column.STATUS, Qt.SortOrder.DescendingOrder)
    assert proxy.index(0, 0).data(Role.ID) == ids[2]  # 1/1 done
    assert not proxy.index(0, 0, QModelIndex()).parent().isValid()


def _rows(count: int) -> list[IssueRow]:
    return [IssueRow(n, f"issue_{n}.txt", None, None, 0, 0) for n in range(1, count + 1)]


def test_a_large_library_is_shown_a_page_at_a_time(qtmodeltester: ModelTester) -> None:
    model = LibraryModel()
    model.set_issues(_rows(PAGE * 2 + 10))
    assert model.issue_count() == PAGE * 2 + 10
    assert model.rowCount() == PAGE
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == PAGE * 2
    index = model.index_of_issue(PAGE * 2 + 5)  # asking for a later issue shows it
    assert index.isValid() and index.row() == PAGE * 2 + 4
    assert model.rowCount() == PAGE * 2 + 5
    model.add_issues(_rows(PAGE * 2 + 12)[-2:])  # new issues wait behind the unshown ones
    assert model.rowCount() == PAGE * 2 + 5
    model.show_all()
    assert model.rowCount() == model.issue_count() == PAGE * 2 + 12
    assert not model.canFetchMore(QModelIndex())
    qtmodeltester.check(model)


def test_sorting_and_filtering_see_every_issue(qtmodeltester: ModelTester) -> None:
    model = LibraryModel()
    model.set_issues(_rows(PAGE + 50))
    proxy = LibraryProxy()
    proxy.setSourceModel(model)
    last = PAGE + 50
    proxy.set_matches(LibraryMatches(frozenset({last}), frozenset()))
    assert proxy.rowCount() == 0  # not shown yet: the pane shows everything before filtering
    model.show_all()
    assert proxy.rowCount() == 1 and proxy.index(0, 0).data(Role.ID) == last
    proxy.set_matches(None)
    proxy.sort(Column.TITLE, Qt.SortOrder.DescendingOrder)
    assert proxy.index(0, 0).data(Role.ID) == last
    qtmodeltester.check(proxy)

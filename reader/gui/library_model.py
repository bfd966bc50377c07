"""The library as a lazy Qt tree: issues, whose articles are fetched when first needed.

The model holds only small rows (ids, titles, statuses, counts), never
article text.  Issue rows are loaded by the caller in the background and
handed over with :meth:`LibraryModel.set_issues` and shown to views a page at
a time; an issue's articles are read through ``fetch_articles`` the first time
a view expands it (both through ``canFetchMore``/``fetchMore``).  The model gives the stored text; the
:class:`ScriptDelegate` shows it in the chosen script, so a change of script
repaints the visible rows instead of touching every row of the model.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import IntEnum, StrEnum
from typing import TYPE_CHECKING, Any

from PySide6 import QtWidgets
from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QStyledItemDelegate,
)

from reader.gui.labels import STATUSES, status_label

if TYPE_CHECKING:
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QStyleOptionViewItem

    from reader.services.browsing import ArticleRow, IssueRow, LibraryMatches

AnyIndex = QModelIndex | QPersistentModelIndex
ArticleFetcher = Callable[[int], Sequence["ArticleRow"]]
"""Reads the article rows of one issue (called on the GUI thread; one short query)."""

_TOP = 0  # internalId of issue indexes; article indexes carry their issue's id
PAGE = 500  # issues shown to views at a time: laying out 10,000 rows at once is slow


class Column(IntEnum):
    TITLE = 0
    STATUS = 1
    TAGS = 2  # how many tags an article carries (read with its row, not when painting)


class Role(IntEnum):
    """Custom data roles of the library model."""

    KIND = Qt.ItemDataRole.UserRole + 1  # "issue" or "article"
    ID = Qt.ItemDataRole.UserRole + 2  # issue id or article id
    ISSUE_ID = Qt.ItemDataRole.UserRole + 3
    STATUS = Qt.ItemDataRole.UserRole + 4  # stored status code (articles)
    SORT = Qt.ItemDataRole.UserRole + 5  # script-independent sort key


class IssueOrder(StrEnum):
    """How the library pane orders issues (by the title column's sort key)."""

    IMPORT = "import"
    PUBLICATION = "publication"  # grouped by publication (its title when unset), by date within each
    DATE = "date"


ISSUE = "issue"
ARTICLE = "article"
_COLUMNS = len(Column)
_ISSUE_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_ARTICLE_FLAGS = _ISSUE_FLAGS | Qt.ItemFlag.ItemNeverHasChildren


@dataclass(slots=True)
class _IssueNode:
    row: IssueRow
    articles: list[ArticleRow] | None = None  # None until fetched
    article_rows: dict[int, int] = field(default_factory=dict)  # article id -> row

    def set_articles(self, articles: Sequence[ArticleRow]) -> None:
        self.articles = list(articles)
        self.article_rows = {a.id: n for n, a in enumerate(self.articles)}


class LibraryModel(QAbstractItemModel):
    """Issues (top level) and their articles; children fetched lazily."""

    def __init__(
        self,
        fetch_articles: ArticleFetcher | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._fetch_articles = fetch_articles
        self._issues: list[_IssueNode] = []
        self._issue_rows: dict[int, int] = {}  # issue id -> row
        self._shown = 0  # issues exposed to views so far (canFetchMore/fetchMore on the root)
        self.issue_order = IssueOrder.IMPORT
        self._doubts: dict[int, str] = {}  # article id -> why its layout needs a look (one line each)
        self._editing: dict[int, str] = {}  # article id -> who else is editing it (presence)

    # loading
    def set_fetcher(self, fetch_articles: ArticleFetcher | None) -> None:
        """Where the articles of an issue are read from."""
        self._fetch_articles = fetch_articles

    def set_issues(self, rows: Iterable[IssueRow]) -> None:
        """Replace every issue (articles are fetched again when needed).

        The rows are all held, but views get them a page at a time.
        """
        self.beginResetModel()
        self._issues = [_IssueNode(r) for r in rows]
        self._issue_rows = {node.row.id: n for n, node in enumerate(self._issues)}
        self._shown = min(PAGE, len(self._issues))
        self.endResetModel()

    def add_issues(self, rows: Sequence[IssueRow]) -> None:
        """Append newly imported issues (those already listed are skipped)."""
        new = [r for r in rows if r.id not in self._issue_rows]
        if not new:
            return
        all_shown = self._shown == len(self._issues)
        for row in new:
            self._issue_rows[row.id] = len(self._issues)
            self._issues.append(_IssueNode(row))
        if all_shown:  # otherwise they come with the pages still to fetch
            self._show_up_to(len(self._issues) - 1)

    def _show_up_to(self, row: int) -> None:
        """Expose issues to views up to and including ``row``."""
        last = min(row, len(self._issues) - 1)
        if last < self._shown:
            return
        self.beginInsertRows(QModelIndex(), self._shown, last)
        self._shown = last + 1
        self.endInsertRows()

    def remove_issues(self, issue_ids: Iterable[int]) -> None:
        """Take deleted issues out (their articles with them)."""
        for issue_id in sorted({i for i in issue_ids if i in self._issue_rows}, reverse=True):
            at = self._issue_rows[issue_id]
            shown = at < self._shown
            if shown:
                self.beginRemoveRows(QModelIndex(), at, at)
            del self._issues[at]
            self._issue_rows = {node.row.id: n for n, node in enumerate(self._issues)}
            if shown:
                self._shown -= 1
                self.endRemoveRows()

    def set_issue_order(self, order: IssueOrder) -> None:
        """Order issues by import, publication and date, or date (the proxy sorts by the title column)."""
        if order is self.issue_order:
            return
        self.issue_order = order
        self.show_all()  # a sort must see every issue
        if self._issues:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._issues) - 1, 0), [Role.SORT])

    def _issue_sort_key(self, row: IssueRow) -> str:
        from reader.core.issue_dates import date_sort_key

        order = f"{row.id:012d}"
        if self.issue_order is IssueOrder.DATE:
            return f"{date_sort_key(row.publication_date)}\x00{order}"
        if self.issue_order is IssueOrder.PUBLICATION:
            name = row.publication or row.title or "\uffff"  # issues of no known paper come last
            return f"{name}\x00{date_sort_key(row.publication_date)}\x00{order}"
        return order

    def show_all(self) -> None:
        """Expose every issue (before sorting or filtering, which must see them all)."""
        self._show_up_to(len(self._issues) - 1)

    def refresh_issue(self, row: IssueRow, articles: Sequence[ArticleRow] | None) -> None:
        """Take an issue's new row and article rows after an edit (articles split, merged, renamed…).

        Articles not fetched yet stay unfetched; ``articles`` None leaves them as they are.
        """
        at = self._issue_rows.get(row.id)
        if at is None:
            return
        node = self._issues[at]
        node.row = row
        shown = at < self._shown
        same_rows = (
            articles is not None
            and node.articles is not None
            and [a.id for a in articles] == [a.id for a in node.articles]
        )
        if same_rows and articles:  # statuses or titles changed: update in place, keeping the selection
            node.set_articles(articles)
            if shown:
                self.dataChanged.emit(
                    self.createIndex(0, 0, row.id), self.createIndex(len(articles) - 1, _COLUMNS - 1, row.id)
                )
        elif articles is not None and node.articles is not None:
            parent = self.createIndex(at, 0, _TOP)
            if node.articles and shown:
                self.beginRemoveRows(parent, 0, len(node.articles) - 1)
                node.set_articles([])
                self.endRemoveRows()
            if articles and shown:
                self.beginInsertRows(parent, 0, len(articles) - 1)
                node.set_articles(articles)
                self.endInsertRows()
            else:
                node.set_articles(articles)
        if shown:
            self.dataChanged.emit(self.createIndex(at, 0, _TOP), self.createIndex(at, _COLUMNS - 1, _TOP))

    def issue_count(self) -> int:
        """How many issues the library holds (shown to views or not yet)."""
        return len(self._issues)

    def is_shown(self, issue_id: int) -> bool:
        """True when views have been given this issue already."""
        row = self._issue_rows.get(issue_id)
        return row is not None and row < self._shown

    def shown_count(self) -> int:
        """How many issues views have been given so far."""
        return self._shown

    def issue_ids(self) -> list[int]:
        """Every issue id in model order."""
        return [node.row.id for node in self._issues]

    def issue_row(self, issue_id: int) -> IssueRow | None:
        row = self._issue_rows.get(issue_id)
        return None if row is None else self._issues[row].row

    def fetched_articles(self, issue_id: int) -> list[ArticleRow] | None:
        """The articles of an issue if already fetched, else None."""
        row = self._issue_rows.get(issue_id)
        return None if row is None else self._issues[row].articles

    def set_tag_counts(self, counts: Mapping[int, int]) -> None:
        """New tag counts of articles (by id); only rows already fetched change."""
        from dataclasses import replace

        for node in self._issues:
            if not node.articles:
                continue
            changed = [
                row
                for article_id, row in node.article_rows.items()
                if article_id in counts and node.articles[row].tag_count != counts[article_id]
            ]
            for row in changed:
                article = node.articles[row]
                node.articles[row] = replace(article, tag_count=counts[article.id])
                index = self.createIndex(row, Column.TAGS, node.row.id)
                self.dataChanged.emit(index, index)

    def set_doubts(self, doubts: Mapping[int, str]) -> None:
        """Why articles' layouts need a look, by id ("" for a trusted one); their rows get a mark."""
        for article_id, why in doubts.items():
            if why:
                self._doubts[article_id] = why
            else:
                self._doubts.pop(article_id, None)
        for node in self._issues:
            for article_id, row in node.article_rows.items() if node.articles else ():
                if article_id in doubts:
                    index = self.createIndex(row, Column.TITLE, node.row.id)
                    self.dataChanged.emit(index, index)

    def doubt(self, article_id: int) -> str:
        """Why an article's layout needs a look ("" when it does not or is not known yet)."""
        return self._doubts.get(article_id, "")

    def set_editing(self, holders: Mapping[int, str]) -> None:
        """Who else is editing which article (by id): shown beside the article's status."""
        changed = set(holders.items()) ^ set(self._editing.items())
        self._editing = dict(holders)
        ids = {article_id for article_id, _holder in changed}
        for node in self._issues:
            for article_id, row in node.article_rows.items() if node.articles else ():
                if article_id in ids:
                    index = self.createIndex(row, Column.STATUS, node.row.id)
                    self.dataChanged.emit(index, index)

    # finding
    def index_of_issue(self, issue_id: int) -> QModelIndex:
        """The index of an issue, exposing it to views if it was not yet."""
        row = self._issue_rows.get(issue_id)
        if row is None:
            return QModelIndex()
        self._show_up_to(row)
        return self.createIndex(row, 0, _TOP)

    def index_of_article(self, issue_id: int, article_id: int) -> QModelIndex:
        """The index of an article, fetching its issue's articles if needed."""
        parent = self.index_of_issue(issue_id)
        if not parent.isValid():
            return QModelIndex()
        node = self._issues[parent.row()]
        if node.articles is None and self.canFetchMore(parent):
            self.fetchMore(parent)
        row = node.article_rows.get(article_id)
        return QModelIndex() if row is None else self.createIndex(row, 0, issue_id)

    def _node(self, index: AnyIndex) -> tuple[_IssueNode, ArticleRow | None] | None:
        if not index.isValid():
            return None
        parent_id = index.internalId()
        if parent_id == _TOP:
            return self._issues[index.row()], None
        node = self._issues[self._issue_rows[parent_id]]
        assert node.articles is not None
        return node, node.articles[index.row()]

    # QAbstractItemModel
    # Views call these for every row they lay out: they are kept to the bare minimum
    # (no hasIndex(), which would call rowCount() and columnCount() back).
    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not 0 <= column < _COLUMNS or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _TOP) if row < self._shown else QModelIndex()
        if parent.internalId() != _TOP or parent.column() != 0:
            return QModelIndex()
        node = self._issues[parent.row()]
        if node.articles is None or row >= len(node.articles):
            return QModelIndex()
        return self.createIndex(row, column, node.row.id)

    def parent(self, child: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not child.isValid() or child.internalId() == _TOP:
            return QModelIndex()
        return self.createIndex(self._issue_rows[child.internalId()], 0, _TOP)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return self._shown
        if parent.column() != 0 or parent.internalId() != _TOP:
            return 0
        articles = self._issues[parent.row()].articles
        return 0 if articles is None else len(articles)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return _COLUMNS

    def hasChildren(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        if not parent.isValid():
            return self._shown > 0
        if parent.column() != 0 or parent.internalId() != _TOP:
            return False
        node = self._issues[parent.row()]
        return bool(node.articles) if node.articles is not None else node.row.article_count > 0

    def canFetchMore(self, parent: AnyIndex) -> bool:
        if not parent.isValid():
            return self._shown < len(self._issues)
        if parent.column() != 0 or parent.internalId() != _TOP:
            return False
        node = self._issues[parent.row()]
        return node.articles is None and self._fetch_articles is not None

    def fetchMore(self, parent: AnyIndex) -> None:
        if not parent.isValid():
            self._show_up_to(self._shown + PAGE - 1)
            return
        if not self.canFetchMore(parent) or self._fetch_articles is None:
            return
        node = self._issues[parent.row()]
        articles = list(self._fetch_articles(node.row.id))
        if not articles:
            node.set_articles([])
            return
        self.beginInsertRows(parent, 0, len(articles) - 1)
        node.set_articles(articles)
        self.endInsertRows()

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return _ISSUE_FLAGS if index.internalId() == _TOP else _ARTICLE_FLAGS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            if section == Column.TITLE:
                return self.tr("Title")
            if section == Column.STATUS:
                return self.tr("Status")
            if section == Column.TAGS:
                return self.tr("Tags")
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        found = self._node(index)
        if found is None:
            return None
        node, article = found
        if article is None:
            return self._issue_data(node.row, index.column(), role)
        return self._article_data(article, index.column(), role)

    def _issue_data(self, row: IssueRow, column: int, role: int) -> Any:
        if role == Role.KIND:
            return ISSUE
        if role in (Role.ID, Role.ISSUE_ID):
            return row.id
        if column == Column.TITLE:
            if role == Qt.ItemDataRole.DisplayRole:
                return row.label
            if role == Qt.ItemDataRole.ToolTipRole:
                return (
                    self.tr("%1\nFile: %2\n%n article(s)", "", row.article_count)
                    .replace("%1", row.label)
                    .replace("%2", row.source_name)
                )
            if role == Role.SORT:
                return self._issue_sort_key(row)
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
        elif column == Column.STATUS:
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{row.done_count}/{row.article_count}"
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.tr("%1 of %n article(s) proofread or approved", "", row.article_count).replace(
                    "%1", str(row.done_count)
                )
            if role == Role.SORT:
                return row.done_count / row.article_count if row.article_count else 0.0
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _article_data(self, article: ArticleRow, column: int, role: int) -> Any:
        if role == Role.KIND:
            return ARTICLE
        if role == Role.ID:
            return article.id
        if role == Role.ISSUE_ID:
            return article.issue_id
        if role == Role.STATUS:
            return article.status
        if column == Column.TITLE:
            if role == Qt.ItemDataRole.DisplayRole:
                return article.label or self.tr("(untitled)")
            if role == Qt.ItemDataRole.ToolTipRole:
                why = self._doubts.get(article.id)
                return f"{article.label}\n{why}" if why else article.label
            if role == Qt.ItemDataRole.DecorationRole and article.id in self._doubts:
                return QApplication.style().standardIcon(QtWidgets.QStyle.StandardPixmap.SP_MessageBoxWarning)
            if role == Role.SORT:
                return article.position
            if role == Qt.ItemDataRole.ForegroundRole and not article.title:
                return QApplication.palette().brush(QPalette.ColorRole.PlaceholderText)
        elif column == Column.STATUS:
            holder = self._editing.get(article.id)
            if role == Qt.ItemDataRole.DisplayRole:
                return status_label(article.status) + (f" ✎ {holder}" if holder else "")
            if role == Qt.ItemDataRole.ToolTipRole and holder:
                return self.tr("%1 is editing").replace("%1", holder)
            if role == Role.SORT:
                return STATUSES.index(article.status) if article.status in STATUSES else -1
        elif column == Column.TAGS:
            if role == Qt.ItemDataRole.DisplayRole:
                return str(article.tag_count) if article.tag_count else ""
            if role == Role.SORT:
                return article.tag_count
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.tr("%n tag(s)", "", article.tag_count)
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class ScriptDelegate(QStyledItemDelegate):
    """Paints the library's text (and shows its tooltips) through the chosen script."""

    def __init__(self, convert: Callable[[str], str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._convert = convert

    def initStyleOption(self, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        super().initStyleOption(option, index)
        if index.column() == Column.TITLE and option.text:
            option.text = self._convert(option.text)

    def helpEvent(
        self, event: QHelpEvent, view: QAbstractItemView, option: QStyleOptionViewItem, index: AnyIndex
    ) -> bool:
        if event.type() == QEvent.Type.ToolTip and index.isValid():
            tip = index.data(Qt.ItemDataRole.ToolTipRole)
            if tip:
                QtWidgets.QToolTip.showText(event.globalPos(), self._convert(str(tip)), view)
                return True
        return super().helpEvent(event, view, option, index)


class LibraryProxy(QSortFilterProxyModel):
    """Sorts the library and keeps only the issues and articles of a filter's matches.

    The matches come from an SQL query run in the background (see
    ``reader.services.browsing.matching_articles``), so articles not fetched
    yet are filtered correctly once their issue is expanded.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._matches: LibraryMatches | None = None
        self.setSortRole(Role.SORT)
        # The filter looks at ids only: a change of displayed text (a new script)
        # must not make the proxy re-filter every row.
        self.setFilterRole(Role.ID)
        self.setDynamicSortFilter(True)

    @property
    def matches(self) -> LibraryMatches | None:
        return self._matches

    def set_matches(self, matches: LibraryMatches | None) -> None:
        """Keep only these issues and articles (None shows everything)."""
        self.beginFilterChange()
        self._matches = matches
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        if self._matches is None:
            return True
        model = self.sourceModel()
        index = model.index(source_row, 0, source_parent)
        item_id = model.data(index, Role.ID)
        if model.data(index, Role.KIND) == ISSUE:
            return item_id in self._matches.issue_ids
        return item_id in self._matches.article_ids

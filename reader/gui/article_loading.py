"""The reading pane's article or issue page, read in the background: only the newest request is shown.

Every way of opening an article (the library pane, next and previous, search
hits, links, the last article at start-up, a refresh after a change) asks for
one :class:`~reader.services.article_view.ArticleView`; it is read on the task
runner, never on the GUI thread, and a read that a newer request superseded is
dropped (``LatestTask``), so the pane ends on the last article asked for, never
an older one.  An issue page (:class:`IssuePageRead`) is read the same way, by
the same ``LatestTask``: an issue page asked for replaces an article asked for
before, and the other way round.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from reader.core.script import Script, convert_all
from reader.gui.tasks import LatestTask, TaskRunner

if TYPE_CHECKING:
    from reader.gui.tasks import TaskContext
    from reader.services.article_view import ArticleView
    from reader.services.browsing import IssuePage
    from reader.services.review import EditableArticle
    from reader.services.searching import SearchHit

log = logging.getLogger(__name__)

READ_PRIORITY = 10
"""The article asked for is read before the background work queued before it (suggestions, marks…)."""


@dataclass(frozen=True, slots=True)
class ArticleRequest:
    """One request to show an article.

    ``hit``: a search hit to select; ``keep_place``: keep the reader's place
    when it is the article shown already (a refresh); ``then``: called once
    it is on screen (after ``article_shown``); ``gone``: called instead of
    the loader's own when the article is no longer in the library.
    """

    article_id: int
    hit: SearchHit | None = None
    keep_place: bool = False
    then: Callable[[], object] | None = None
    gone: Callable[[int], object] | None = None


@dataclass(frozen=True, slots=True)
class IssueRequest:
    """One request to show an issue's page."""

    issue_id: int


@dataclass(frozen=True, slots=True)
class IssuePageRead:
    """What an issue page shows: its metadata and leftovers, its articles per status, its open suggestions."""

    page: IssuePage
    status_counts: dict[str, int]
    open_suggestions: int


Show = Callable[["ArticleView", ArticleRequest], object]


class ArticleLoader(QObject):
    """Reads articles and issue pages for the reading pane in the background; shows the newest only.

    ``gone`` gets the id of an article that is no longer in the library.
    """

    def __init__(
        self,
        runner: TaskRunner,
        show: Show,
        gone: Callable[[int], object],
        parent: QObject,
        script: Callable[[], Script] = lambda: Script.ORIGINAL,
    ) -> None:
        super().__init__(parent)
        self._script = script
        self.setObjectName("articleLoader")
        self._latest = LatestTask(runner, "article view", priority=READ_PRIORITY)
        self._show = show
        self._gone = gone
        self._pending: ArticleRequest | IssueRequest | None = None

    @property
    def running(self) -> bool:
        """True while a requested article is being read."""
        return self._latest.running

    @property
    def pending(self) -> ArticleRequest | IssueRequest | None:
        """The request being read (None when none is)."""
        return self._pending if self._latest.running else None

    def request(self, request: ArticleRequest) -> None:
        """Read the article in the background, in place of any read asked for before."""
        from sqlalchemy.exc import NoResultFound

        article_id = request.article_id

        def failed(error: BaseException) -> None:
            if isinstance(error, NoResultFound):
                (request.gone or self._gone)(article_id)
            else:
                log.warning("reading article %s failed: %s", article_id, error)

        def succeeded(view: ArticleView) -> None:
            self._show(view, request)

        self._pending = request
        self._latest.start(_read(article_id, self._script()), succeeded, failed)

    def request_issue(self, issue_id: int, show: Callable[[IssuePageRead], object]) -> None:
        """Read an issue's page in the background, in place of any read asked for before.

        ``show`` is not called for an issue no longer in the library.
        """

        def succeeded(read: IssuePageRead | None) -> None:
            if read is not None:
                show(read)

        def failed(error: BaseException) -> None:
            log.warning("reading issue %s failed: %s", issue_id, error)

        self._pending = IssueRequest(issue_id)
        self._latest.start(_read_issue(issue_id), succeeded, failed)


def read_editable(article_id: int) -> Callable[[TaskContext], EditableArticle]:
    """A work function reading the article for the editor (its blocks in the original script)."""

    def work(context: TaskContext) -> EditableArticle:
        from reader.services.review import editable_article

        with context.session() as session:
            context.check_cancelled()
            return editable_article(session, article_id)

    return work


def _read(article_id: int, script: Script) -> Callable[[TaskContext], ArticleView]:
    """Read the article; its texts are converted to ``script`` here too, so that showing them on the
    GUI thread only reads the conversion cache."""

    def work(context: TaskContext) -> ArticleView:
        from reader.services.article_view import article_view

        with context.session() as session:
            context.check_cancelled()
            view = article_view(session, article_id)
        convert_all([b.text for b in view.blocks], [script], context.check_cancelled)
        return view

    return work


def _read_issue(issue_id: int) -> Callable[[TaskContext], IssuePageRead | None]:
    def work(context: TaskContext) -> IssuePageRead | None:
        from reader.services.browsing import issue_page
        from reader.services.review import status_counts
        from reader.services.suggesting import open_suggestion_count

        with context.session() as session:
            context.check_cancelled()
            page = issue_page(session, issue_id)
            if page is None:
                return None
            context.check_cancelled()
            counts = status_counts(session, issue_id)
            return IssuePageRead(page, counts, open_suggestion_count(session, issue_id))

    return work


__all__ = ["ArticleLoader", "ArticleRequest", "IssuePageRead", "IssueRequest", "read_editable"]

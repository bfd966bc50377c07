"""The reading pane's article, read in the background: only the newest request is shown.

Every way of opening an article (the library pane, next and previous, search
hits, links, the last article at start-up, a refresh after a change) asks for
one :class:`~reader.services.article_view.ArticleView`; it is read on the task
runner, never on the GUI thread, and a read that a newer request superseded is
dropped (``LatestTask``), so the pane ends on the last article asked for, never
an older one.  Opening an issue page cancels the read under way for the same
reason.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from reader.gui.tasks import LatestTask, TaskRunner

if TYPE_CHECKING:
    from reader.gui.tasks import TaskContext
    from reader.services.article_view import ArticleView
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


Show = Callable[["ArticleView", ArticleRequest], object]


class ArticleLoader(QObject):
    """Reads articles for the reading pane in the background; calls ``show`` with the newest only.

    ``gone`` gets the id of an article that is no longer in the library.
    """

    def __init__(
        self, runner: TaskRunner, show: Show, gone: Callable[[int], object], parent: QObject
    ) -> None:
        super().__init__(parent)
        self.setObjectName("articleLoader")
        self._latest = LatestTask(runner, "article view", priority=READ_PRIORITY)
        self._show = show
        self._gone = gone
        self._pending: ArticleRequest | None = None

    @property
    def running(self) -> bool:
        """True while a requested article is being read."""
        return self._latest.running

    @property
    def pending(self) -> ArticleRequest | None:
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
        self._latest.start(_read(article_id), succeeded, failed)

    def cancel(self) -> None:
        """Drop the read under way (the article shown is chosen otherwise)."""
        self._latest.cancel()


def read_editable(article_id: int) -> Callable[[TaskContext], EditableArticle]:
    """A work function reading the article for the editor (its blocks in the original script)."""

    def work(context: TaskContext) -> EditableArticle:
        from reader.services.review import editable_article

        with context.session() as session:
            context.check_cancelled()
            return editable_article(session, article_id)

    return work


def _read(article_id: int) -> Callable[[TaskContext], ArticleView]:
    def work(context: TaskContext) -> ArticleView:
        from reader.services.article_view import article_view

        with context.session() as session:
            context.check_cancelled()
            return article_view(session, article_id)

    return work


__all__ = ["ArticleLoader", "ArticleRequest", "read_editable"]

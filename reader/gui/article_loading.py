"""The reading pane's article, read in the background: only the newest request is shown.

Choosing articles in the library pane (arrow keys held down) asks for one
:class:`~reader.services.article_view.ArticleView` after another; each is read
on the task runner, and a read that another request superseded is dropped
(``LatestTask``), so the pane ends on the last article chosen, never an older
one.  Opening an article at once (``MainWindow.open_article``) cancels the read
under way for the same reason.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from reader.gui.tasks import LatestTask, TaskRunner

if TYPE_CHECKING:
    from reader.gui.tasks import TaskContext
    from reader.services.article_view import ArticleView
    from reader.services.searching import SearchHit

log = logging.getLogger(__name__)

Show = Callable[["ArticleView", "SearchHit | None"], object]


class ArticleLoader(QObject):
    """Reads articles for the reading pane in the background; calls ``show`` with the newest only.

    ``gone`` gets the id of an article that is no longer in the library.
    """

    def __init__(
        self, runner: TaskRunner, show: Show, gone: Callable[[int], object], parent: QObject
    ) -> None:
        super().__init__(parent)
        self.setObjectName("articleLoader")
        self._latest = LatestTask(runner, "article view")
        self._show = show
        self._gone = gone

    @property
    def running(self) -> bool:
        """True while a requested article is being read."""
        return self._latest.running

    def request(self, article_id: int, hit: SearchHit | None = None) -> None:
        """Read the article in the background, in place of any read asked for before."""
        from sqlalchemy.exc import NoResultFound

        def failed(error: BaseException) -> None:
            if isinstance(error, NoResultFound):
                self._gone(article_id)
            else:
                log.warning("reading article %s failed: %s", article_id, error)

        def succeeded(view: ArticleView) -> None:
            self._show(view, hit)

        self._latest.start(_read(article_id), succeeded, failed)

    def cancel(self) -> None:
        """Drop the read under way (the article shown is chosen otherwise)."""
        self._latest.cancel()


def _read(article_id: int) -> Callable[[TaskContext], ArticleView]:
    def work(context: TaskContext) -> ArticleView:
        from reader.services.article_view import article_view

        with context.session() as session:
            context.check_cancelled()
            return article_view(session, article_id)

    return work


__all__ = ["ArticleLoader"]

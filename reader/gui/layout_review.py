"""The layout review queue in the window: doubtful articles marked, found and listed.

:class:`LayoutReview` marks the articles whose segmentation confidence is
low in the library pane (a warning icon, the reasons in the tooltip), adds
"Next Article Whose Layout Needs a Look" (Shift+F8, in the Go menu), which jumps to
the next such article across issues, and lists them on the issue page.  The
confidence is read in the background (:mod:`reader.services.confidence`);
widgets are only touched in the callbacks, on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex

from reader.core.op_changes import OpChanges
from reader.gui.i18n import Context
from reader.gui.library_model import ISSUE
from reader.gui.library_model import Role as ModelRole
from reader.gui.workbench import Workbench

if TYPE_CHECKING:
    from reader.core.segment.confidence import Confidence, Reason
    from reader.gui.tasks import TaskContext

LayoutReasons = Context("LayoutReasons")


def reason_label(reason: Reason) -> str:
    """A reason in the interface language."""
    from reader.core.segment.confidence import Reason  # the segmenter is not loaded before the first paint

    labels = {
        Reason.CAPTION_TITLE: LayoutReasons.tr("The title looks like a photo caption"),
        Reason.NO_BODY: LayoutReasons.tr("No body text"),
        Reason.HEADING_OPENS_BODY: LayoutReasons.tr("The body opens with a heading-like line"),
        Reason.TWO_KICKERS: LayoutReasons.tr("Two kickers or titles"),
        Reason.MASTHEAD_LIKE: LayoutReasons.tr("A masthead-like or furniture block"),
        Reason.VERY_SHORT: LayoutReasons.tr("Very short"),
        Reason.VERY_LONG: LayoutReasons.tr("Very long"),
        Reason.TRAILING_HEADING: LayoutReasons.tr("A heading after the body (a title set at the end?)"),
        Reason.COLUMNS_ACROSS: LayoutReasons.tr("Wide gaps inside lines (two columns read across?)"),
        Reason.LONE_SUBHEADING: LayoutReasons.tr("A lone subheading (another article's title run in?)"),
    }
    return labels[reason]


def why(confidence: Confidence) -> str:
    """The reasons of a doubtful article, one per line ("" for a trusted one)."""
    return "\n".join(reason_label(reason) for reason in confidence.reasons) if confidence.doubtful else ""


def _doubts_of(article_ids: Sequence[int], context: TaskContext) -> dict[int, Confidence]:
    from reader.services.confidence import article_confidence

    with context.session() as session:
        return article_confidence(session, article_ids)


def _next_of(after: int | None, context: TaskContext) -> tuple[int, int] | None:
    from reader.services.browsing import issue_of_article
    from reader.services.confidence import next_doubtful_article

    with context.session() as session:
        found = next_doubtful_article(session, after)
        if found is None:
            return None
        issue_id = issue_of_article(session, found)
        return None if issue_id is None else (issue_id, found)


def _issue_doubts(issue_id: int, context: TaskContext) -> list[tuple[str, Confidence]]:
    from reader.services.confidence import doubtful_articles

    with context.session() as session:
        return [
            (
                item.title or LayoutReasons.tr("(untitled, no. %1)").replace("%1", str(item.position + 1)),
                item.confidence,
            )
            for item in doubtful_articles(session, issue_id)
        ]


class LayoutReview(QObject):
    """Doubtful articles: marked in the library pane, the Go menu's action, the issue page's list."""

    def __init__(self, wb: Workbench) -> None:
        super().__init__(wb)
        self.setObjectName("layoutReview")
        self.wb = wb
        self.next_action = wb.actions.next_doubtful_layout  # in the Go menu (Shift+F8)
        self.next_action.triggered.connect(self.open_next)
        wb.panes.library_model.rowsInserted.connect(self._on_rows_inserted)
        wb.navigator.issue_shown.connect(self.list_on_issue_page)
        wb.operation_did_execute.connect(self._on_articles_changed)

    # the library pane
    def _on_rows_inserted(self, parent: QModelIndex | QPersistentModelIndex, first: int, last: int) -> None:
        if not parent.isValid() or parent.data(ModelRole.KIND) != ISSUE:
            return
        model = self.wb.panes.library_model
        ids = [model.index(row, 0, parent).data(ModelRole.ID) for row in range(first, last + 1)]
        self.mark([int(article_id) for article_id in ids if article_id is not None])

    def _on_articles_changed(self, changes: object, _source: object) -> None:
        assert isinstance(changes, OpChanges)
        if changes.article_ids:
            self.mark(sorted(changes.article_ids))
        issue_id = self.wb.navigator.issue_id
        if issue_id is not None and self.wb.navigator.article_id is None:
            self.list_on_issue_page(issue_id)

    def mark(self, article_ids: Sequence[int]) -> None:
        """Read the confidence of these articles in the background and mark the doubtful ones."""
        if not article_ids or self.wb.runner.library is None:
            return
        ids = list(article_ids)

        def done(found: dict[int, Confidence]) -> None:
            self.wb.panes.library_model.set_doubts({article_id: why(c) for article_id, c in found.items()})

        self.wb.runner.start(
            "layout confidence",
            lambda context: _doubts_of(ids, context),
            on_success=done,
            on_failure=self._ignore,
        )

    # the Go menu
    def open_next(self) -> None:
        """Open the next article whose layout needs a look (after the one shown), in any issue."""
        wb = self.wb
        if wb.runner.library is None:
            return
        after = wb.navigator.article_id

        def done(found: tuple[int, int] | None) -> None:
            if found is None:
                wb.messages.status(self.tr("No article's layout needs a look."), 3000)
            else:
                wb.navigator.open_article(*found)

        wb.runner.start(
            "next doubtful article",
            lambda context: _next_of(after, context),
            on_success=done,
            on_failure=self._ignore,
        )

    # the issue page
    def list_on_issue_page(self, issue_id: int) -> None:
        """List the issue's doubtful articles on its page, once read in the background."""
        wb = self.wb
        if wb.runner.library is None:
            return

        def done(found: list[tuple[str, Confidence]]) -> None:
            wb.panes.reading_view.set_issue_doubts(issue_id, [(label, why(c)) for label, c in found])

        wb.runner.start(
            "issue layout doubts",
            lambda context: _issue_doubts(issue_id, context),
            on_success=done,
            on_failure=self._ignore,
        )

    def _ignore(self, error: BaseException) -> None:
        """A failed read leaves the marks as they were (the library may have been closed meanwhile)."""
        del error

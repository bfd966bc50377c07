"""Guided proofreading by OCR confidence: unsure passages marked, jumped to and shown on the page.

For issues read from scans (:mod:`reader.services.ocr_unsure`):

- View > "OCR Unsure Marks" (Ctrl+Alt+U, a toggle, remembered while the
  window is open) marks the shown article's unsure passages in the reading
  pane (a highlight layer);
- Go > "Next Unsure Passage" (Ctrl+U) opens the next unsure passage of the
  issue (wrapping round) and selects it;
- the suggestions pane lists them under the rule "OCR unsure"; while one is
  chosen, the crop of the page it was read from is shown under the list.

Everything is read in the background; widgets are touched only in the
callbacks, on the GUI thread.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QRect, Qt
from PySide6.QtGui import QColor, QImage, QPixmap, QTextCharFormat
from PySide6.QtWidgets import QLabel

from reader.core.op_changes import OpChanges, OpOutput
from reader.gui.commands import OperationCommand, ReloadingCommand
from reader.gui.commands.suggestions import AcceptAllCommand, Suggestions, rule_label
from reader.gui.edit_commands import show_span
from reader.gui.undo import EditContext

if TYPE_CHECKING:
    from collections.abc import Callable

    from sqlalchemy.orm import Session

    from reader.gui.suggestions_pane import SuggestionsPane
    from reader.gui.tasks import TaskContext
    from reader.gui.workbench import Workbench
    from reader.services.ocr_unsure import UnsurePassage
    from reader.services.suggesting import BlockSuggestion, Scope

UNSURE_LAYER = "ocr unsure"
OCR_UNSURE_RULE = "OCR unsure"
"""The rule of the unsure passages (reader.services.ocr_unsure.OCR_UNSURE, without importing it here)."""
CROP_MARGIN = 12
"""Page pixels shown around a passage's line in its crop."""
CROP_WIDTH = 360
"""The widest a crop is shown, in screen pixels."""


def _passages(article_id: int, context: TaskContext) -> list[UnsurePassage]:
    from reader.services.ocr_unsure import unsure_passages

    with context.session() as session:
        return unsure_passages(session, article_id)


def _next(issue_id: int, after: tuple[int, int, int] | None, context: TaskContext) -> UnsurePassage | None:
    from reader.services.ocr_unsure import next_unsure

    with context.session() as session:
        return next_unsure(session, issue_id, after)


def _crop(passage: UnsurePassage, context: TaskContext) -> QImage:
    from reader.gui.scan_images import decode_upright
    from reader.services.pages import page_source

    with context.session() as session:
        source = page_source(session, passage.page_id)
    box = passage.box
    clip = QRect(box.x - CROP_MARGIN, box.y - CROP_MARGIN, box.w + 2 * CROP_MARGIN, box.h + 2 * CROP_MARGIN)
    image = decode_upright(source, 1.0, clip.intersected(QRect(0, 0, source.width, source.height)))
    if image.width() > CROP_WIDTH:
        image = image.scaledToWidth(CROP_WIDTH, Qt.TransformationMode.SmoothTransformation)
    return image


class ConfirmReadingCommand(ReloadingCommand):
    """Accept an unsure OCR reading as right (a review decision); undo takes the decision back.

    ``decided`` runs after each step."""

    def __init__(self, context: EditContext, item: BlockSuggestion, decided: Callable[[], object]) -> None:
        from reader.services.operations import confirm_reading_operation

        operation = confirm_reading_operation(item, author=context.author(), changes=OpChanges(text=True))
        text = QCoreApplication.translate("OcrReview", "Accept the OCR Reading")
        super().__init__(context, text, operation, decided)
        self.item = item


def acceptable(item: BlockSuggestion) -> bool:
    """True when accepting a suggestion does something: a replacement, or an unsure reading taken as right."""
    return item.suggestion.replacement is not None or item.suggestion.rule == OCR_UNSURE_RULE


def accept_command(
    context: EditContext, item: BlockSuggestion, decided: Callable[[], object]
) -> OperationCommand:
    """The suggestions pane's Accept: an "OCR unsure" reading is confirmed (no text change), else applied."""
    if item.suggestion.rule == OCR_UNSURE_RULE:
        return ConfirmReadingCommand(context, item, decided)
    from reader.gui.commands.suggestions import AcceptCommand

    return AcceptCommand(context, item)


class ConfirmAllReadingsCommand(OperationCommand):
    """Accept every unsure OCR reading of an article, issue or the library as right, as one step.

    Runs in the background; the text is not changed.  Undo forgets the decisions and marks the
    passages again, redo accepts them again.
    """

    def __init__(
        self,
        context: EditContext,
        scope: Scope,
        scope_id: int | None,
        count: int,
        done: Callable[[int], None],
        decided: Callable[[], object],
    ) -> None:
        from reader.services.operations import confirm_all_readings_operation

        label = Suggestions.tr("Accept %n Suggestion(s) (%1)", "", count)
        super().__init__(
            context,
            label.replace("%1", rule_label(OCR_UNSURE_RULE)),
            confirm_all_readings_operation(scope, scope_id, author=context.author()),
            background=True,
        )
        self.scope, self.scope_id = scope, scope_id
        self._done_callback = done
        self._decided = decided

    def finished(self, output: OpOutput, undone: bool) -> None:
        from reader.services.ocr_unsure_all import Confirmations

        if not undone and isinstance(output.value, Confirmations):
            self._done_callback(output.value.count)
        self._decided()


def preview_accept_all(session: Session, rule: str, scope: Scope, scope_id: int | None) -> int:
    """How many suggestions the suggestions pane's Accept All would take (unsure readings: confirm)."""
    if rule == OCR_UNSURE_RULE:
        from reader.services.ocr_unsure_all import count_unsure

        return count_unsure(session, scope, scope_id)
    from reader.services.suggesting import preview_accept_all as preview_edits

    return preview_edits(session, rule, scope, scope_id)


def accept_all_command(
    context: EditContext,
    rule: str,
    scope: Scope,
    scope_id: int | None,
    count: int,
    done: Callable[[int], None],
    decided: Callable[[], object],
) -> OperationCommand:
    """The suggestions pane's Accept All: unsure readings are confirmed (no text change), else applied."""
    if rule == OCR_UNSURE_RULE:
        return ConfirmAllReadingsCommand(context, scope, scope_id, count, done, decided)
    return AcceptAllCommand(context, rule, scope, scope_id, count, done)


def _ignore(error: BaseException) -> None:
    """A failed read leaves the marks or the crop as they were (the library may have been closed)."""
    del error


class OcrReview(QObject):
    """The unsure marks toggle, the next unsure passage action and the crop beside the suggestions."""

    def __init__(self, wb: Workbench, suggestions: SuggestionsPane) -> None:
        super().__init__(wb)
        self.setObjectName("ocrReview")
        self.wb = wb
        self.suggestions = suggestions
        a = wb.actions
        self.marks_action = a.show_unsure_marks
        self.next_action = a.next_unsure
        self.marks_action.toggled.connect(lambda _on: self.refresh_marks())
        self.next_action.triggered.connect(self.open_next)
        wb.navigator.article_shown.connect(lambda _article_id: self.refresh_marks())
        suggestions.loaded.connect(self._reloaded)  # after edits and decisions
        self.crop = QLabel(suggestions)
        self.crop.setObjectName("ocrUnsureCrop")
        self.crop.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.crop.hide()
        layout = suggestions.layout()
        if layout is not None:
            layout.addWidget(self.crop)
        suggestions.tree.currentItemChanged.connect(lambda _c, _p: self.show_crop())
        view_menu = wb.menu_of(a.zoom_in)
        if view_menu is not None:
            view_menu.addAction(self.marks_action)
        go_menu = wb.menu_of(a.next_article)
        if go_menu is not None:
            go_menu.addAction(self.next_action)

    # marks in the reading pane
    def refresh_marks(self) -> None:
        """Mark the shown article's unsure passages (or clear the marks when the toggle is off)."""
        wb = self.wb
        view = wb.panes.reading_view
        article_id = wb.navigator.article_id
        if not self.marks_action.isChecked() or article_id is None or wb.library is None:
            view.set_highlights(UNSURE_LAYER, [], QTextCharFormat())
            return

        def done(found: list[UnsurePassage]) -> None:
            if wb.navigator.article_id != article_id:
                return
            fmt = QTextCharFormat()
            fmt.setBackground(QColor(255, 196, 120))
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            fmt.setUnderlineColor(QColor(200, 90, 0))
            spans = [(p.block_position, p.suggestion.start, p.suggestion.end) for p in found]
            view.set_highlights(UNSURE_LAYER, spans, fmt)

        wb.runner.start(
            "unsure marks",
            lambda context: _passages(article_id, context),
            on_success=done,
            on_failure=_ignore,
        )

    # the next unsure passage
    def open_next(self) -> None:
        """Open the issue's next unsure passage after the cursor (wrapping round) and select it."""
        wb = self.wb
        issue_id = wb.navigator.issue_id
        if issue_id is None or wb.library is None:
            return
        after = self._cursor_place()

        def done(found: UnsurePassage | None) -> None:
            if found is None:
                wb.messages.status(self.tr("No passage the OCR was unsure of is left."), 3000)
                return
            s = found.suggestion

            def select() -> None:  # chosen in the suggestions list too: F9 accepts it, the crop shows
                show_span(wb, found.block_position, s.start, s.end)
                self.suggestions.choose(found.block_id, s.start, s.rule)

            if wb.navigator.article_id == found.article_id:
                select()
            else:  # selected once the article is shown (and listed once its suggestions are read)
                wb.navigator.open_article(issue_id, found.article_id, then=select)

        wb.runner.start(
            "next unsure passage", lambda context: _next(issue_id, after, context), on_success=done
        )

    def _cursor_place(self) -> tuple[int, int, int] | None:
        """(article position, block position, offset) of the cursor in the reading pane, if known."""
        view = self.wb.panes.reading_view
        document = view.article_document
        if document is None:
            return None
        position = int(document.get("position", 0))
        place = view.block_at(view.textCursor().selectionEnd())
        if place is None:
            return (position, -1, -1)
        return (position, place[0], place[1] - 1)

    def _reloaded(self, _article_id: int) -> None:
        """The list was filled again (its signals blocked): the marks and the crop follow it."""
        self.refresh_marks()
        self.show_crop()

    # the crop beside the suggestion
    def show_crop(self) -> None:
        """Show the page crop of the chosen suggestion when it is an unsure passage (else hide it)."""
        from reader.services.ocr_unsure import OCR_UNSURE

        item = self.suggestions.current()
        wb = self.wb
        if item is None or item.suggestion.rule != OCR_UNSURE or wb.library is None:
            self.crop.hide()
            return
        wanted = (item.block_id, item.suggestion.start)

        def read(context: TaskContext) -> QImage | None:
            passages = _passages(item.article_id, context)
            found = next((p for p in passages if (p.block_id, p.suggestion.start) == wanted), None)
            return None if found is None else _crop(found, context)

        def done(image: QImage | None) -> None:
            current = self.suggestions.current()
            if current is None or (current.block_id, current.suggestion.start) != wanted:
                return
            if image is None:  # the passage is gone meanwhile
                self.crop.hide()
                return
            self.crop.setPixmap(QPixmap.fromImage(image))
            self.crop.setToolTip(self.tr("Where this passage was read on the page"))
            self.crop.show()

        wb.runner.start("unsure crop", read, on_success=done, on_failure=_ignore)


__all__ = [
    "UNSURE_LAYER",
    "ConfirmAllReadingsCommand",
    "OcrReview",
    "accept_all_command",
    "preview_accept_all",
]

"""The typing between two saves of an article, a step on the undo stack (``reader.gui.article_editor``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QCoreApplication

from reader.gui.commands.revision import RevisionCommand

if TYPE_CHECKING:
    from reader.gui.article_editor import ArticleEditorPane
    from reader.services.tracking.saving import SaveResult

TITLE_CHARS = 24


def short(title: str | None) -> str:
    """A title short enough for a menu entry."""
    text = title or ""
    return text if len(text) <= TITLE_CHARS else text[: TITLE_CHARS - 1] + "…"


class TypingCommand(RevisionCommand):
    """The typing between two saves of an article: pushed at its first keystroke, completed by the save.

    While pending (not saved yet), undo saves it first, so that there is a
    revision to go back from; then, like every RevisionCommand, undo and
    redo restore revisions.
    """

    def __init__(
        self,
        pane: ArticleEditorPane,
        article_id: int,
        title: str | None,
        *,
        result: SaveResult | None = None,
        text: str = "",
    ) -> None:
        untitled = QCoreApplication.translate("ArticleEditorPane", "(untitled)")
        label = text or QCoreApplication.translate("ArticleEditorPane", "Typing in “%1”").replace(
            "%1", short(title) or untitled
        )
        super().__init__(pane.context, label, article_id, result=result, pending=result is None)
        self.pane = pane
        self.pending = result is None

    def complete(self, result: SaveResult) -> None:
        """The typing was saved as ``result``."""
        self.pending = False
        super().complete(result)

    def undo(self) -> None:
        if self.pending and not self.pane.save_for_undo(self):
            if shiboken6.isValid(self):
                self.setObsolete(True)  # nothing was saved, so nothing to undo: leave the stack
            return
        super().undo()  # leaves the stack too when the save made no revision


__all__ = ["TITLE_CHARS", "TypingCommand", "short"]

"""The suggestions pane's undoable commands: accept one, reject one, accept all of a rule.

Accepting saves a revision of the article (undo restores the one from before);
rejecting is remembered by the library (undo forgets it); accepting all of a
rule in an article, an issue or the library is one text step.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from reader.core.op_changes import OpChanges, OpOutput
from reader.gui.commands.operation import OperationCommand
from reader.gui.commands.revision import RevisionCommand
from reader.gui.i18n import Context
from reader.gui.undo import EditContext

if TYPE_CHECKING:
    from collections.abc import Callable

    from sqlalchemy.orm import Session

    from reader.services.suggesting import BlockSuggestion, Scope
    from reader.services.tracking.saving import SaveResult

Suggestions = Context("Suggestions")  # tr() for the undo commands, with plural forms


def rule_label(name: str) -> str:
    """The name of a rule as shown (a user rule is shown by its own name)."""
    labels = {
        "halfwidth_punctuation": QCoreApplication.translate("Rules", "half-width punctuation"),
        "cjk_space": QCoreApplication.translate("Rules", "spaces between Chinese characters"),
        "latin_word": QCoreApplication.translate("Rules", "Latin words in Chinese text"),
        "layout_word": QCoreApplication.translate("Rules", "page furniture in the article"),
        "doubled_punctuation": QCoreApplication.translate("Rules", "doubled punctuation"),
        "unbalanced_brackets": QCoreApplication.translate("Rules", "unbalanced quotes and brackets"),
        "unclosed_paragraph": QCoreApplication.translate("Rules", "paragraphs without closing punctuation"),
        "OCR unsure": QCoreApplication.translate("Rules", "OCR unsure"),
    }
    return labels.get(name, name)


class AcceptCommand(RevisionCommand):
    """Accept one suggestion; undo and redo restore the article's revisions (see RevisionCommand)."""

    def __init__(self, context: EditContext, item: BlockSuggestion) -> None:
        super().__init__(
            context,
            QCoreApplication.translate("Suggestions", "Accept Suggestion (%1)").replace(
                "%1", rule_label(item.suggestion.rule)
            ),
            item.article_id,
        )
        self.item = item

    def change(self, session: Session) -> SaveResult:
        from db.models import Article
        from reader.services.review import latest_revision_id
        from reader.services.suggesting import accept
        from reader.services.tracking.saving import SaveResult

        accept(session, self.item, author=self.author)
        version = session.get_one(Article, self.item.article_id).version
        revision = latest_revision_id(session, self.item.article_id)
        return SaveResult(self.item.article_id, version, revision, (self.item.block_id,))


class RejectCommand(OperationCommand):
    """Reject one suggestion (it is not offered again); undo forgets the rejection."""

    def __init__(self, context: EditContext, item: BlockSuggestion, decided: Callable[[], object]) -> None:
        from reader.services.operations import reject_operation

        # no article ids: the text does not change, only the suggestions pane reloads (``decided``)
        operation = reject_operation(item, author=context.author(), changes=OpChanges(text=True))
        super().__init__(
            context,
            QCoreApplication.translate("Suggestions", "Reject Suggestion (%1)").replace(
                "%1", rule_label(item.suggestion.rule)
            ),
            operation,
        )
        self.item = item
        self._decided = decided

    def finished(self, output: OpOutput, undone: bool) -> None:
        self._decided()


class AcceptAllCommand(OperationCommand):
    """Every suggestion of a rule in an article, issue or the library, accepted as one step.

    Runs in the background; undo restores each article's revision from
    before (refused when one was edited since), redo accepts them again
    (``reader.services.operations.text_step_operation``).
    """

    def __init__(
        self,
        context: EditContext,
        rule: str,
        scope: Scope,
        scope_id: int | None,
        count: int,
        done: Callable[[int], None],
    ) -> None:
        from reader.services.operations import text_step_operation
        from reader.services.suggestion_steps import accept_all_step

        author = context.author()
        super().__init__(
            context,
            Suggestions.tr("Accept %n Suggestion(s) (%1)", "", count).replace("%1", rule_label(rule)),
            text_step_operation(
                lambda session: accept_all_step(session, rule, scope, scope_id, author=author), author=author
            ),
            background=True,
        )
        self.rule, self.scope, self.scope_id = rule, scope, scope_id
        self._done_callback = done

    def finished(self, output: OpOutput, undone: bool) -> None:
        from reader.services.suggestion_steps import TextStep

        if not undone:
            assert isinstance(output.value, TextStep)
            self._done_callback(output.value.count)


__all__ = ["AcceptAllCommand", "AcceptCommand", "RejectCommand", "rule_label"]

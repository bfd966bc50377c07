"""The suggestions pane's undoable commands: accept one, reject one, accept all of a rule.

Accepting saves a revision of the article (undo restores the one from before);
rejecting is remembered by the library (undo forgets it); accepting all of a
rule in an article, an issue or the library is one text step.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from reader.gui.i18n import Context
from reader.gui.undo import EditContext, RevisionCommand, ServiceCommand

if TYPE_CHECKING:
    from collections.abc import Callable

    from sqlalchemy.orm import Session

    from reader.services.suggesting import BlockSuggestion, Scope
    from reader.services.suggestion_steps import TextStep
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


class RejectCommand(ServiceCommand):
    """Reject one suggestion (it is not offered again); undo forgets the rejection."""

    def __init__(self, context: EditContext, item: BlockSuggestion, decided: Callable[[], object]) -> None:
        super().__init__(
            context,
            QCoreApplication.translate("Suggestions", "Reject Suggestion (%1)").replace(
                "%1", rule_label(item.suggestion.rule)
            ),
        )  # no article ids: the text does not change, only the suggestions pane reloads
        self.item = item
        self.decision_id: int | None = None
        self._decided = decided

    def apply(self, session: Session) -> int:
        from reader.services.suggesting import reject

        return reject(session, self.item, author=self.author).id

    def revert(self, session: Session) -> None:
        from reader.services.suggestion_steps import unreject

        assert self.decision_id is not None
        unreject(session, self.decision_id)

    def applied(self, value: object) -> None:
        assert isinstance(value, int)
        self.decision_id = value
        self._decided()

    def reverted(self, value: object) -> None:
        self._decided()


class AcceptAllCommand(ServiceCommand):
    """Every suggestion of a rule in an article, issue or the library, accepted as one step.

    Runs in the background; undo restores each article's revision from
    before (refused when one was edited since), redo accepts them again.
    """

    background = True

    def __init__(
        self,
        context: EditContext,
        rule: str,
        scope: Scope,
        scope_id: int | None,
        count: int,
        done: Callable[[int], None],
    ) -> None:
        super().__init__(
            context,
            Suggestions.tr("Accept %n Suggestion(s) (%1)", "", count).replace("%1", rule_label(rule)),
        )
        self.rule, self.scope, self.scope_id = rule, scope, scope_id
        self.step: TextStep | None = None
        self._done_callback = done

    def apply(self, session: Session) -> TextStep:
        from reader.services.suggestion_steps import accept_all_step

        return accept_all_step(session, self.rule, self.scope, self.scope_id, author=self.author)

    def revert(self, session: Session) -> TextStep:
        from reader.services.suggestion_steps import undo_text_step

        assert self.step is not None
        undo_text_step(session, self.step, author=self.author)
        return self.step

    def applied(self, value: object) -> None:
        from reader.services.suggestion_steps import TextStep

        assert isinstance(value, TextStep)
        self.step = value
        self.article_ids = frozenset(value.after)
        self._done_callback(value.count)

    def reverted(self, value: object) -> None:
        from reader.services.suggestion_steps import TextStep

        assert isinstance(value, TextStep)
        self.article_ids = frozenset(value.after)


__all__ = ["AcceptAllCommand", "AcceptCommand", "RejectCommand", "rule_label"]

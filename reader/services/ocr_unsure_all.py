"""Use case: accept every unsure OCR reading of an article, an issue or the library as right, as one step.

The suggestions pane's Accept All for the rule "OCR unsure"
(:mod:`reader.services.ocr_unsure`): each passage nobody decided on is
recorded as accepted, like accepting it alone (``suggestion_decision``,
``accepted``), and every line no undecided passage is left on loses its mark.
The text is not changed.  :func:`undo_confirmations` takes the whole step back.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Article, Block, Issue
from db.ocr_models import OcrLine
from reader.services.library import NotFoundError
from reader.services.ocr_unsure import (
    UnsurePassage,
    clear_settled_marks,
    record_acceptance,
    undo_confirmation,
    unsure_passages,
)
from reader.services.suggesting import Scope


@dataclass(frozen=True, slots=True)
class Confirmations:
    """Readings accepted as right in one step: the decisions recorded and the lines whose mark was cleared."""

    decision_ids: tuple[int, ...]
    cleared: tuple[int, ...]
    article_ids: tuple[int, ...]

    @property
    def count(self) -> int:
        return len(self.decision_ids)


def _articles(session: Session, scope: Scope, id: int | None) -> list[int]:
    """The articles of a scope that hold lines marked unsure, in reading order."""
    if scope != "library" and id is None:
        raise NotFoundError(f"the {scope} scope needs an id")
    marked = select(OcrLine.issue_id).where(OcrLine.unsure).distinct()
    query = select(Article.id).join(Issue, Issue.id == Article.issue_id).where(Article.issue_id.in_(marked))
    if scope == "article":
        if session.get(Article, id) is None:
            raise NotFoundError(f"no article with id {id}")
        query = query.where(Article.id == id)
    elif scope == "issue":
        if session.get(Issue, id) is None:
            raise NotFoundError(f"no issue with id {id}")
        query = query.where(Article.issue_id == id)
    elif scope != "library":
        raise ValueError(f"unknown scope {scope!r}")
    return list(session.scalars(query.order_by(Article.issue_id, Article.position)))


def _passages(session: Session, scope: Scope, id: int | None) -> list[UnsurePassage]:
    return [p for article_id in _articles(session, scope, id) for p in unsure_passages(session, article_id)]


def count_unsure(session: Session, scope: Scope, id: int | None = None) -> int:
    """How many unsure passages nobody decided on an article, an issue or the library holds."""
    return len(_passages(session, scope, id))


def confirm_all_readings(
    session: Session, scope: Scope, id: int | None = None, *, author: str
) -> Confirmations:
    """Accept every undecided unsure passage of an article, an issue or the library as read right."""
    passages = _passages(session, scope, id)
    blocks: dict[int, Block] = {}
    decisions = []
    for passage in passages:
        block = blocks.get(passage.block_id) or session.get_one(Block, passage.block_id)
        blocks[block.id] = block
        decisions.append(record_acceptance(session, block, passage.suggestion, author=author))
    session.flush()
    cleared = clear_settled_marks(session, list(blocks.values()))
    articles = tuple(sorted({p.article_id for p in passages}))
    return Confirmations(tuple(d.id for d in decisions), cleared, articles)


def undo_confirmations(session: Session, confirmations: Confirmations) -> None:
    """Take back a step of :func:`confirm_all_readings`: the decisions forgotten, the marks back."""
    undo_confirmation(session, confirmations.decision_ids, confirmations.cleared)


__all__ = ["Confirmations", "confirm_all_readings", "count_unsure", "undo_confirmations"]

"""Use case: suggestion decisions as undoable steps, and suggestions shown in their context.

Accepting one suggestion, or every suggestion of a rule, makes one new revision
per article it touches; a :class:`TextStep` remembers for each article the
revision before and the one the step made, and :func:`undo_text_step` brings
the articles back to the revisions before (refusing, with nothing changed,
when an article was edited since).  A rejection is undone by forgetting its
decision.  Services take a Session; callers own the transaction.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.editing_models import Revision
from db.models import Article, Block
from db.rules_models import SuggestionDecision
from reader.services.suggesting import (
    BlockSuggestion,
    Scope,
    accept,
    accept_all,
    article_suggestions,
    preview_accept_all,
)
from reader.services.tracking.revisions import TrackingError, current_revision
from reader.services.tracking.saving import restore_revision, start_proofreading, status_after_restore

CONTEXT_CHARS = 12
"""Characters of the block's text shown on each side of a suggestion."""


@dataclass(frozen=True, slots=True)
class TextStep:
    """What an accept or accept-all changed: how many, and per article the revisions before and after."""

    count: int
    before: dict[int, int] = field(default_factory=dict)  # article id -> revision id to restore
    after: dict[int, int] = field(default_factory=dict)  # article id -> revision id the step made


@dataclass(frozen=True, slots=True)
class SuggestionInContext:
    """A suggestion with the text around it in its block."""

    item: BlockSuggestion
    before: str
    after: str


def suggestions_in_context(
    session: Session, article_id: int, *, chars: int = CONTEXT_CHARS
) -> list[SuggestionInContext]:
    """The article's (not rejected) suggestions in reading order, each with ``chars`` of context."""
    items = article_suggestions(session, article_id)
    query = select(Block.id, Block.text).where(Block.article_id == article_id)
    texts = {block_id: text for block_id, text in session.execute(query)}
    result = []
    for item in items:
        text = texts.get(item.block_id, "")
        s = item.suggestion
        result.append(
            SuggestionInContext(item, text[max(0, s.start - chars) : s.start], text[s.end : s.end + chars])
        )
    return result


def _revision_mark(session: Session) -> int:
    """The highest revision id so far: every revision a step makes has a higher one."""
    session.flush()
    return int(session.scalar(select(func.max(Revision.id))) or 0)


def _step_since(session: Session, mark: int, count: int) -> TextStep:
    """The step made of the revisions created after ``mark``: per article, the one before and the last."""
    session.flush()
    newest: dict[int, tuple[int, int]] = {}
    query = select(Revision.article_id, Revision.id, Revision.number).where(Revision.id > mark)
    for article_id, revision_id, number in session.execute(query.order_by(Revision.number)):
        newest[article_id] = (revision_id, number)
    before: dict[int, int] = {}
    for article_id, (_, number) in newest.items():
        previous = session.scalar(
            select(Revision.id)
            .where(Revision.article_id == article_id, Revision.number < number)
            .order_by(Revision.number.desc())
            .limit(1)
        )
        if previous is None:
            raise TrackingError(f"article {article_id} has no revision before the change to go back to")
        before[article_id] = previous
    return TextStep(count, before, {a: r for a, (r, _) in newest.items()})


def accept_step(session: Session, item: BlockSuggestion, *, author: str) -> TextStep:
    """Accept one suggestion (see ``suggesting.accept``) as an undoable step."""
    mark = _revision_mark(session)
    accept(session, item, author=author)
    return _step_since(session, mark, 1)


def accept_all_step(
    session: Session, rule: str, scope: Scope, id: int | None = None, *, author: str
) -> TextStep:
    """Accept every suggestion of a rule in an article, issue or the library as one undoable step.

    In an article it is the proofreader's edit, as accepting each suggestion: a ``new`` article
    becomes ``in_progress`` (undo takes it back); in an issue or the library, a bulk clean-up
    like ``fix --rules safe``, the statuses stay.
    """
    mark = _revision_mark(session)
    article = session.get(Article, id) if scope == "article" and id is not None else None
    if article is not None and article.status == "new" and preview_accept_all(session, rule, scope, id):
        current_revision(session, article)  # the revision before keeps ``new``
        start_proofreading(article)
    count = accept_all(session, rule, scope, id, author=author)
    return _step_since(session, mark, count)


def _latest_revision_id(session: Session, article_id: int) -> int | None:
    return session.scalar(
        select(Revision.id).where(Revision.article_id == article_id).order_by(Revision.number.desc()).limit(1)
    )


def undo_text_step(session: Session, step: TextStep, *, author: str) -> list[int]:
    """Restore every article of a step to its revision from before; returns their ids.

    Raises :class:`TrackingError` (restoring nothing) when an article has a
    newer revision than the step made: it was edited since.
    """
    changed = [a for a, after in step.after.items() if _latest_revision_id(session, a) != after]
    if changed:
        raise TrackingError(
            "articles " + ", ".join(map(str, sorted(changed))) + " were edited since: undo those edits first"
        )
    for article_id, revision_id in step.before.items():
        target = session.get_one(Revision, revision_id)
        undone = session.get_one(Revision, step.after[article_id])
        status_after_restore(session.get_one(Article, article_id), target, undone)
        restore_revision(session, revision_id, author=author)
    return sorted(step.before)


def unreject(session: Session, decision_id: int) -> None:
    """Forget a rejection, so its suggestion is offered again."""
    decision = session.get(SuggestionDecision, decision_id)
    if decision is not None and decision.decision == "rejected":
        session.delete(decision)
        session.flush()

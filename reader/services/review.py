"""Use case: what the proofreading workbench reads, undo by restoring revisions, and review status.

An article as the editor loads it, its tracked changes against the OCR
original with the texts to mark them in, a revision compared with the
current text, where find matches are, and the rows views refresh after a
change.  :func:`restore_checked` is how every text change is undone or
redone: it restores a revision only while the article's text is still the
one the step left, so an edit made elsewhere meanwhile is never overwritten.
Also the articles' review status (set with a revision each), the next article
needing review and each issue's progress.  Never imports Qt; callers own the
transaction.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import case, func, or_, select
from sqlalchemy.orm import Session

from db.editing_models import Revision
from db.models import ARTICLE_STATUSES, Article, Block, Issue
from reader.core.listing import DONE_STATUSES
from reader.services.tracking.attribution import TrackedChange, article_changes
from reader.services.tracking.revisions import (
    BlockDiff,
    TrackingError,
    article_blocks,
    blocks_window,
    create_revision,
    current_revision,
    diff_snapshots,
    snapshot,
)
from reader.services.tracking.saving import SaveResult, get_article, restore_revision, status_after_restore

LABEL_CHARS = 20
"""Characters of an untitled article's first block that stand in for its title."""


@dataclass(frozen=True, slots=True)
class EditableBlock:
    """One block as the editor shows it."""

    id: int
    role: str
    text: str


@dataclass(frozen=True, slots=True)
class EditableArticle:
    """An article as the editor loads it: its blocks and the version its edits are based on."""

    id: int
    issue_id: int
    title: str | None
    status: str
    version: int
    blocks: tuple[EditableBlock, ...]


def editable_article(session: Session, article_id: int) -> EditableArticle:
    """The article's blocks, status and version (TrackingError when it does not exist)."""
    article = get_article(session, article_id)
    blocks = tuple(EditableBlock(b.id, b.role, b.text) for b in article_blocks(session, article_id))
    return EditableArticle(
        article.id, article.issue_id, article.title, article.status, article.version, blocks
    )


@dataclass(frozen=True, slots=True)
class ReviewBlock:
    """A block with its OCR original, for a "show changes" rendering."""

    id: int
    role: str
    original: str
    text: str


@dataclass(frozen=True, slots=True)
class ArticleReview:
    """An article's blocks against the OCR original, and every tracked change with who made it."""

    article_id: int
    title: str | None
    status: str
    version: int
    blocks: tuple[ReviewBlock, ...]
    changes: tuple[TrackedChange, ...]


def article_review(session: Session, article_id: int) -> ArticleReview:
    """What the "show changes" view shows for an article."""
    article = get_article(session, article_id)
    stored = article_blocks(session, article_id)
    original = blocks_window(session, article.issue_id, (b.pieces for b in stored))
    blocks = tuple(ReviewBlock(b.id, b.role, original.of(b.pieces), b.text) for b in stored)
    changes = tuple(article_changes(session, article_id))
    return ArticleReview(article.id, article.title, article.status, article.version, blocks, changes)


@dataclass(frozen=True, slots=True)
class ArticleState:
    """What views show of an article besides its text."""

    id: int
    issue_id: int
    title: str | None
    status: str
    version: int


def article_states(session: Session, article_ids: Iterable[int]) -> dict[int, ArticleState]:
    """The state of these articles (those that no longer exist are left out)."""
    ids = sorted(set(article_ids))
    if not ids:
        return {}
    query = select(Article.id, Article.issue_id, Article.title, Article.status, Article.version).where(
        Article.id.in_(ids)
    )
    return {row[0]: ArticleState(*row) for row in session.execute(query)}


# ---------------------------------------------------------------- undo through revisions


def latest_revision_id(session: Session, article_id: int) -> int | None:
    """The id of the article's newest revision (None before its first edit)."""
    return session.scalar(
        select(Revision.id).where(Revision.article_id == article_id).order_by(Revision.number.desc()).limit(1)
    )


def preceding_revision(session: Session, revision_id: int) -> int:
    """The id of the revision just before this one (every edit has one: the baseline at least)."""
    revision = session.get(Revision, revision_id)
    if revision is None:
        raise TrackingError(f"there is no revision {revision_id}")
    found = session.scalar(
        select(Revision.id)
        .where(Revision.article_id == revision.article_id, Revision.number < revision.number)
        .order_by(Revision.number.desc())
        .limit(1)
    )
    if found is None:
        raise TrackingError(f"revision {revision.number} is the article's first: there is nothing before it")
    return found


def _content(blocks: Iterable[Mapping[str, Any]]) -> list[tuple[str, str, tuple[tuple[int, int], ...]]]:
    return [(b["role"], b["text"], tuple((int(p[0]), int(p[1])) for p in b["pieces"])) for b in blocks]


def restore_checked(session: Session, revision_id: int, *, expected_revision: int, author: str) -> SaveResult:
    """Restore a revision only while the article's text is still that of ``expected_revision``.

    Undo passes the revision its step made, redo the one before it: a text
    changed since, elsewhere or by a step not on the undo stack, raises
    TrackingError and nothing is written.  Comparing texts (not versions)
    lets steps of other articles' or other features' commands come between.
    """
    revision = session.get(Revision, revision_id)
    expected = session.get(Revision, expected_revision)
    if revision is None or expected is None:
        raise TrackingError(f"there is no revision {revision_id if revision is None else expected_revision}")
    article = get_article(session, revision.article_id)
    if _content(snapshot(session, article)["blocks"]) != _content(expected.snapshot["blocks"]):
        raise TrackingError(
            f"the text of article {article.id} was changed since revision {expected.number}; "
            "nothing was changed: see its revision history"
        )
    status_after_restore(article, revision, expected)
    return restore_revision(session, revision_id, author=author)


def compare_with_current(session: Session, revision_id: int) -> list[BlockDiff]:
    """How the article's current text differs from a revision (old: the revision, new: now)."""
    revision = session.get(Revision, revision_id)
    if revision is None:
        raise TrackingError(f"there is no revision {revision_id}")
    current = snapshot(session, get_article(session, revision.article_id))
    return diff_snapshots(revision.snapshot["blocks"], current["blocks"])


# ---------------------------------------------------------------- find and replace


@dataclass(frozen=True, slots=True)
class MatchPlace:
    """Where an article is, to list its find matches."""

    article_id: int
    issue_id: int
    position: int
    label: str  # its title, or the first words of its first block


def match_places(session: Session, article_ids: Iterable[int]) -> dict[int, MatchPlace]:
    """The issue, position and label of these articles (one or two queries)."""
    ids = sorted(set(article_ids))
    if not ids:
        return {}
    rows = session.execute(
        select(Article.id, Article.issue_id, Article.position, Article.title).where(Article.id.in_(ids))
    ).all()
    untitled = [row[0] for row in rows if not row[3]]
    first: dict[int, str] = {}
    if untitled:
        query = (
            select(Block.article_id, Block.text)
            .where(Block.article_id.in_(untitled))
            .order_by(Block.article_id, Block.position)
        )
        for article_id, text in session.execute(query):
            first.setdefault(article_id, text[:LABEL_CHARS] + ("…" if len(text) > LABEL_CHARS else ""))
    return {row[0]: MatchPlace(row[0], row[1], row[2], row[3] or first.get(row[0], "")) for row in rows}


__all__ = [
    "ArticleReview",
    "ArticleState",
    "EditableArticle",
    "EditableBlock",
    "MatchPlace",
    "ReviewBlock",
    "article_review",
    "article_states",
    "compare_with_current",
    "editable_article",
    "latest_revision_id",
    "match_places",
    "preceding_revision",
    "restore_checked",
]


# ---------------------------------------------------------------- review status and progress


def set_status(session: Session, article_ids: Iterable[int], status: str, *, author: str) -> int:
    """Set the review status of articles, recording a revision ``status:<status>`` for each change.

    Returns how many articles changed.  The version is not bumped: an open
    editor may keep saving.
    """
    if status not in ARTICLE_STATUSES:
        raise TrackingError(f"unknown status {status!r}; expected one of {', '.join(ARTICLE_STATUSES)}")
    ids = list(dict.fromkeys(article_ids))
    articles = list(session.scalars(select(Article).where(Article.id.in_(ids))))
    missing = set(ids) - {a.id for a in articles}
    if missing:
        raise TrackingError(f"there are no articles {sorted(missing)}")
    changed = 0
    for article in articles:
        if article.status == status:
            continue
        current_revision(session, article)
        article.status = status
        create_revision(session, article, author=author, reason=f"status:{status}", bump_version=False)
        changed += 1
    return changed


def next_needing_review(session: Session, after_article_id: int | None) -> int | None:
    """The next article after this one (issue, then position order, wrapping) that is not done."""
    needing = (
        select(Article.id)
        .where(Article.status.not_in(DONE_STATUSES))
        .order_by(Article.issue_id, Article.position)
    )
    current = session.get(Article, after_article_id) if after_article_id is not None else None
    if current is None:
        return session.scalar(needing.limit(1))
    later = needing.where(
        or_(
            Article.issue_id > current.issue_id,
            (Article.issue_id == current.issue_id) & (Article.position > current.position),
        )
    )
    found = session.scalar(later.limit(1))
    if found is None:
        found = session.scalar(needing.where(Article.id != current.id).limit(1))
    return found


def issue_progress(session: Session, issue_ids: Iterable[int] | None = None) -> dict[int, tuple[int, int]]:
    """Per issue: (articles proofread or approved, articles in all)."""
    done = func.coalesce(func.sum(case((Article.status.in_(DONE_STATUSES), 1), else_=0)), 0)
    query = select(Issue.id, done, func.count(Article.id)).outerjoin(Article, Article.issue_id == Issue.id)
    if issue_ids is not None:
        query = query.where(Issue.id.in_(list(issue_ids)))
    rows = session.execute(query.group_by(Issue.id))
    return {issue_id: (int(n_done), int(total)) for issue_id, n_done, total in rows}


def status_counts(session: Session, issue_id: int) -> dict[str, int]:
    """How many of the issue's articles have each status (every status present)."""
    counts = dict.fromkeys(ARTICLE_STATUSES, 0)
    query = select(Article.status, func.count()).where(Article.issue_id == issue_id).group_by(Article.status)
    for status, count in session.execute(query):
        counts[status] = count
    return counts

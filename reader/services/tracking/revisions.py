"""Revisions: an article's snapshot after each edit, with a baseline before its first one.

Before an article's first edit a baseline revision (number 1, reason
``original``) records it as it was, so every edit can be undone by restoring the
revision before it.  Also the article helpers every part of tracking uses
(its blocks, the original text under them, the heading columns kept in sync),
and revisions listed and compared.  Nothing here commits.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from difflib import SequenceMatcher
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.editing_models import ChangeRecord, Revision
from db.models import Article, Block, utcnow
from db.original_text import TextWindow, window_for
from reader.core.diffing import Change, Segment, diff_changes, render_marked
from reader.core.errors import JiaokanError
from reader.services.version_swap import bump_version as bump_version_of

HEADING_FIELDS = ("section", "kicker", "title", "subtitle", "byline", "source")
BASELINE_AUTHOR = "import"
BASELINE_REASON = "original"


class TrackingError(JiaokanError):
    """An edit, restore or search that cannot be done as asked."""


# ---------------------------------------------------------------- articles and revisions


def article_blocks(session: Session, article_id: int) -> list[Block]:
    """An article's blocks in reading order."""
    return list(session.scalars(select(Block).where(Block.article_id == article_id).order_by(Block.position)))


def blocks_window(session: Session, issue_id: int, pieces: Iterable[Iterable[Sequence[int]]]) -> TextWindow:
    """The part of an issue's original text that these blocks' pieces come from."""
    return window_for(session, issue_id, (span for block_pieces in pieces for span in block_pieces))


def original_of(session: Session, issue_id: int, pieces: Sequence[Sequence[int]]) -> str:
    """The OCR original of one block: its pieces of the issue's text, joined."""
    return window_for(session, issue_id, pieces).of(pieces)


def headings(blocks: Iterable[tuple[str, str]]) -> dict[str, str | None]:
    """The heading columns of an article from its ``(role, text)`` blocks."""
    pairs = list(blocks)
    result: dict[str, str | None] = {}
    for name in HEADING_FIELDS:
        texts = [text for role, text in pairs if role == name]
        result[name] = "\n".join(texts) or None  # a second kicker or title is kept, as bylines are
    return result


def sync_article(session: Session, article: Article) -> None:
    """Recompute the article's heading columns and span from its blocks."""
    sync_from_blocks(article, article_blocks(session, article.id), utcnow())


def sync_from_blocks(article: Article, blocks: Sequence[Block], now: datetime) -> None:
    """Set the article's heading columns and span from ``blocks`` (its blocks, in order)."""
    for name, value in headings((b.role, b.text) for b in blocks).items():
        setattr(article, name, value)
    pieces = [piece for block in blocks for piece in block.pieces]
    if pieces:
        article.span_start = min(p[0] for p in pieces)
        article.span_end = max(p[1] for p in pieces)
    article.updated_at = now


def snapshot(
    session: Session, article: Article, overrides: Mapping[int, str] | None = None
) -> dict[str, Any]:
    """The article's blocks and headings as stored in a revision (``overrides``: block id → text)."""
    texts = overrides or {}
    rows = [
        (b.role, texts.get(b.id, b.text), [list(p) for p in b.pieces])
        for b in article_blocks(session, article.id)
    ]
    return {
        "blocks": [{"role": role, "text": text, "pieces": pieces} for role, text, pieces in rows],
        "heading": headings((role, text) for role, text, _ in rows),
    }


def newest_revision(session: Session, article_id: int) -> Revision | None:
    return session.scalar(
        select(Revision).where(Revision.article_id == article_id).order_by(Revision.number.desc()).limit(1)
    )


def current_revision(
    session: Session, article: Article, overrides: Mapping[int, str] | None = None
) -> Revision:
    """The article's latest revision, creating the baseline (number 1) when it has none.

    Call it *before* changing the article; ``overrides`` gives the old text of
    a block whose text was already changed in memory.
    """
    latest = newest_revision(session, article.id)
    if latest is not None:
        return latest
    baseline = Revision(
        article_id=article.id,
        number=1,
        created_at=utcnow(),
        author=BASELINE_AUTHOR,
        reason=BASELINE_REASON,
        snapshot=snapshot(session, article, overrides),
        status=article.status,
    )
    session.add(baseline)
    session.flush()
    return baseline


def create_revision(
    session: Session, article: Article, *, author: str, reason: str, bump_version: bool = True
) -> Revision:
    """Snapshot the article as a new revision, claiming its pending change records.

    Bumps ``Article.version`` unless ``bump_version`` is false (status changes).
    """
    session.flush()
    latest = newest_revision(session, article.id)
    if bump_version:
        bump_version_of(session, article)
    sync_article(session, article)
    revision = Revision(
        article_id=article.id,
        number=(latest.number if latest else 0) + 1,
        created_at=utcnow(),
        author=author,
        reason=reason,
        snapshot=snapshot(session, article),
        status=article.status,
    )
    session.add(revision)
    session.flush()
    pending = select(ChangeRecord).where(
        ChangeRecord.article_id == article.id, ChangeRecord.revision_id.is_(None)
    )
    for record in session.scalars(pending):
        record.revision_id = revision.id
    return revision


# ---------------------------------------------------------------- revisions


@dataclass(frozen=True, slots=True)
class RevisionInfo:
    """A revision as listed in the history (without its snapshot)."""

    id: int
    article_id: int
    number: int
    created_at: datetime
    author: str
    reason: str
    status: str


def _info(revision: Revision) -> RevisionInfo:
    return RevisionInfo(
        revision.id,
        revision.article_id,
        revision.number,
        revision.created_at,
        revision.author,
        revision.reason,
        revision.status,
    )


def revisions(session: Session, article_id: int) -> list[RevisionInfo]:
    """The article's revisions, oldest first (empty before its first edit)."""
    query = select(Revision).where(Revision.article_id == article_id).order_by(Revision.number)
    return [_info(r) for r in session.scalars(query)]


@dataclass(frozen=True, slots=True)
class BlockDiff:
    """How one block differs between two revisions ("" for a block added or removed)."""

    old_role: str | None
    new_role: str | None
    old_text: str
    new_text: str
    changes: tuple[Change, ...]

    @property
    def segments(self) -> list[Segment]:
        """The block as equal, deleted and inserted runs."""
        return render_marked(self.old_text, self.new_text)


def pieces_key(block: Mapping[str, Any]) -> tuple[tuple[int, int], ...]:
    return tuple((int(p[0]), int(p[1])) for p in block["pieces"])


def _block_diff(old: Mapping[str, Any] | None, new: Mapping[str, Any] | None) -> BlockDiff:
    old_text = old["text"] if old else ""
    new_text = new["text"] if new else ""
    return BlockDiff(
        old["role"] if old else None,
        new["role"] if new else None,
        old_text,
        new_text,
        tuple(diff_changes(old_text, new_text)),
    )


def diff_snapshots(
    before: Sequence[Mapping[str, Any]], after: Sequence[Mapping[str, Any]]
) -> list[BlockDiff]:
    """The blocks that differ between two snapshots' block lists, matched by their pieces."""
    matcher = SequenceMatcher(
        None, [pieces_key(b) for b in before], [pieces_key(b) for b in after], autojunk=False
    )
    diffs: list[BlockDiff] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            diffs.extend(
                _block_diff(old, new)
                for old, new in zip(before[i1:i2], after[j1:j2], strict=True)
                if old["text"] != new["text"] or old["role"] != new["role"]
            )
        else:
            diffs.extend(_block_diff(old, None) for old in before[i1:i2])
            diffs.extend(_block_diff(None, new) for new in after[j1:j2])
    return diffs


def revision_diff(session: Session, revision_id: int) -> list[BlockDiff]:
    """What a revision changed against the revision before it (the first: against the OCR original)."""
    revision = session.get(Revision, revision_id)
    if revision is None:
        raise TrackingError(f"there is no revision {revision_id}")
    previous = session.scalar(
        select(Revision)
        .where(Revision.article_id == revision.article_id, Revision.number < revision.number)
        .order_by(Revision.number.desc())
        .limit(1)
    )
    after = revision.snapshot["blocks"]
    if previous is not None:
        before = previous.snapshot["blocks"]
    else:
        article = session.get_one(Article, revision.article_id)
        original = blocks_window(session, article.issue_id, (b["pieces"] for b in after))
        before = [{**b, "text": original.of(b["pieces"])} for b in after]
    return diff_snapshots(before, after)

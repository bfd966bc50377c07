"""Saving: the editor's (auto)save against the version it loaded, and restoring a revision.

:func:`save_article_text` writes the changed blocks as one revision, or raises
:class:`StaleVersion` (nothing written) when the article changed elsewhere
since.  Nothing here commits: callers run these inside a write transaction.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy.orm import Session

from db.editing_models import Revision
from db.models import Article, Block
from reader.services.tracking.changes import (
    record_hunks,
)
from reader.services.tracking.revisions import (
    TrackingError,
    article_blocks,
    create_revision,
    current_revision,
    pieces_key,
)


class StaleVersion(TrackingError):
    """The article changed since the editor loaded it: nothing was overwritten.

    ``submitted`` holds the text the caller tried to save and ``stored`` the
    newer text in the library, both by block id, so both can be shown.
    """

    def __init__(
        self,
        article_id: int,
        base_version: int,
        stored_version: int,
        submitted: dict[int, str],
        stored: dict[int, str],
    ) -> None:
        self.article_id = article_id
        self.base_version = base_version
        self.stored_version = stored_version
        self.submitted = submitted
        self.stored = stored
        super().__init__(
            f"article {article_id} is at version {stored_version}, not {base_version}: "
            "it was changed elsewhere and was not overwritten"
        )


@dataclass(frozen=True, slots=True)
class SaveResult:
    """What a save changed: the article's new version and revision (``None`` when nothing changed)."""

    article_id: int
    version: int
    revision_id: int | None
    changed_block_ids: tuple[int, ...] = ()


def _texts_by_id(blocks: Sequence[Block], blocks_text: Mapping[int, str] | Sequence[str]) -> dict[int, str]:
    if isinstance(blocks_text, Mapping):
        unknown = set(blocks_text) - {b.id for b in blocks}
        if unknown:
            raise TrackingError(f"blocks {sorted(unknown)} are not in this article")
        return {b.id: blocks_text.get(b.id, b.text) for b in blocks}
    if len(blocks_text) != len(blocks):
        raise TrackingError(f"{len(blocks_text)} texts given for {len(blocks)} blocks")
    return {b.id: text for b, text in zip(blocks, blocks_text, strict=True)}


def get_article(session: Session, article_id: int) -> Article:
    article = session.get(Article, article_id, populate_existing=True)
    if article is None:
        raise TrackingError(f"there is no article {article_id}")
    return article


def save_article_text(
    session: Session,
    article_id: int,
    blocks_text: Mapping[int, str] | Sequence[str],
    *,
    author: str,
    base_version: int,
) -> SaveResult:
    """The editor's (auto)save: changed blocks as one revision; a ``new`` article becomes ``in_progress``.

    ``blocks_text``: block ids to texts, or every block's text in order.  :class:`StaleVersion`
    (nothing written) when the article is no longer at ``base_version``."""
    article = get_article(session, article_id)
    blocks = article_blocks(session, article_id)
    submitted = _texts_by_id(blocks, blocks_text)
    if article.version != base_version:
        raise StaleVersion(
            article_id, base_version, article.version, submitted, {b.id: b.text for b in blocks}
        )
    changed = [b for b in blocks if submitted[b.id] != b.text]
    if not changed:
        return SaveResult(article_id, article.version, None)
    current_revision(session, article)
    for block in changed:
        record_hunks(session, article, block, block.text, submitted[block.id], author=author, rule=None)
    start_proofreading(article)
    revision = create_revision(session, article, author=author, reason="edit")
    return SaveResult(article_id, article.version, revision.id, tuple(b.id for b in changed))


def start_proofreading(article: Article) -> None:
    """The first saved edit starts the proofreading: a ``new`` article becomes ``in_progress``.

    Every edit a proofreader saves (typed, or a suggestion accepted) calls it after
    ``current_revision`` and before the revision of the edit, so the revision before keeps
    ``new`` and undo (:func:`status_after_restore`) can bring it back.
    """
    if article.status == "new":
        article.status = "in_progress"


def status_after_restore(article: Article, target: Revision, undone: Revision) -> None:
    """Undo or redo of an edit, going from revision ``undone`` back to ``target``, takes back the
    status move the edit made by itself (``new`` to ``in_progress``, or again on redo), while the
    article still has the status ``undone`` left: a status set by hand since stays."""
    if article.status == undone.status and {target.status, undone.status} == {"new", "in_progress"}:
        article.status = target.status


def restore_revision(session: Session, revision_id: int, *, author: str) -> SaveResult:
    """Bring the article's texts and roles back to a revision, as a new revision ``restore N``.

    Raises :class:`TrackingError` when the article's blocks were re-segmented
    since (undo those segmentation edits instead).
    """
    revision = session.get(Revision, revision_id)
    if revision is None:
        raise TrackingError(f"there is no revision {revision_id}")
    article = get_article(session, revision.article_id)
    blocks = article_blocks(session, article.id)
    wanted = revision.snapshot["blocks"]
    if [pieces_key(w) for w in wanted] != [tuple((p[0], p[1]) for p in b.pieces) for b in blocks]:
        raise TrackingError(
            f"the blocks of article {article.id} were re-segmented since revision {revision.number}; "
            "undo the segmentation edits first"
        )
    current_revision(session, article)
    changed = []
    for block, want in zip(blocks, wanted, strict=True):
        if block.role != want["role"]:
            block.role = want["role"]
            changed.append(block.id)
        if block.text != want["text"]:
            record_hunks(session, article, block, block.text, want["text"], author=author, rule=None)
            changed.append(block.id)
    new = create_revision(session, article, author=author, reason=f"restore {revision.number}")
    return SaveResult(article.id, article.version, new.id, tuple(dict.fromkeys(changed)))

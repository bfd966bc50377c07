"""The one way a block's text is changed: splice, bump the article, keep mirrors, track the change.

``apply_block_edit`` replaces one span; ``apply_block_edits`` several
non-overlapping spans of one block at once.  Both end in ``_commit_text``,
the single place that writes ``Block.text``.  When ``reader.services.tracking``
exists its ``record_change`` records the change (tracked changes and a
revision; it also syncs the heading columns); without it this module syncs
the headings itself.  The version is always bumped here.

Bulk callers pass ``batch=True`` and then call :func:`finish_batch` once:
one version bump (one revision) per article instead of one per block.
Callers own the transaction.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Iterable, Sequence
from functools import cache
from types import ModuleType

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Article, Block, utcnow
from db.rules_models import SuggestionDecision
from reader.core.errors import JiaokanError

Edit = tuple[int, int, str]
"""``(start, end, replacement)``: put ``replacement`` where ``text[start:end]`` was."""

MIRRORED_ROLES = ("section", "kicker", "title", "subtitle", "byline", "source")
"""Block roles that Article mirrors in a column of the same name (for fast listing)."""

TRACKING_MODULE = "reader.services.tracking"


class EditError(JiaokanError):
    """An edit that does not fit the block's text, or names no block."""


def apply_block_edit(
    session: Session, block_id: int, start: int, end: int, replacement: str, *, author: str, rule: str | None
) -> Block:
    """Replace ``text[start:end]`` of a block: one tracked change, one version bump."""
    return apply_block_edits(session, block_id, [(start, end, replacement)], author=author, rule=rule)


def apply_block_edits(
    session: Session,
    block_id: int,
    edits: Sequence[Edit],
    *,
    author: str,
    rule: str | None,
    batch: bool = False,
) -> Block:
    """Apply non-overlapping edits (positions in the current text) to a block as one change.

    With ``batch`` the article's version is left for :func:`finish_batch`.
    """
    block = session.get(Block, block_id)
    if block is None:
        raise EditError(f"there is no block {block_id}")
    new_text = splice(block.text, edits)
    if new_text != block.text:
        _commit_text(session, block, new_text, edits, author=author, rule=rule, batch=batch)
    return block


def finish_batch(session: Session, article_ids: Iterable[int], *, author: str, reason: str) -> None:
    """Close batch edits: bump each article's version once (tracking: one revision each)."""
    tracking = tracking_module()
    for article_id in dict.fromkeys(article_ids):
        article = session.get_one(Article, article_id)
        _bump(article)
        if tracking is not None:
            tracking.create_revision(session, article, author=author, reason=reason, bump_version=False)


def splice(text: str, edits: Sequence[Edit]) -> str:
    """``text`` with the edits applied; raises EditError for spans out of range or overlapping."""
    parts: list[str] = []
    at = 0
    for start, end, replacement in sorted(edits, key=lambda e: (e[0], e[1])):
        if not at <= start <= end <= len(text):
            raise EditError(f"edit [{start}, {end}) does not fit a text of {len(text)} characters")
        parts += [text[at:start], replacement]
        at = end
    parts.append(text[at:])
    return "".join(parts)


def _commit_text(
    session: Session,
    block: Block,
    new_text: str,
    edits: Sequence[Edit],
    *,
    author: str,
    rule: str | None,
    batch: bool,
) -> None:
    """Write the new text: the hook point for tracked changes."""
    old_text = block.text
    block.text = new_text
    _shift_decisions(session, block.id, edits)
    if not batch:
        _bump(block.article)
    tracking = tracking_module()
    if tracking is not None:
        tracking.record_change(
            session,
            block,
            old_text,
            new_text,
            author=author,
            rule=rule,
            new_revision=not batch,
            bump_version=False,
        )
    elif block.role in MIRRORED_ROLES:
        sync_heading(block.article, block.role)


def _bump(article: Article) -> None:
    article.version += 1
    article.updated_at = utcnow()


def sync_heading(article: Article, role: str) -> None:
    """Set the article's column mirroring ``role`` from its blocks, as the importer does."""
    texts = [b.text for b in article.blocks if b.role == role]
    if role == "byline":
        article.byline = "\n".join(texts) if texts else None
    else:
        setattr(article, role, texts[0] if texts else None)


def _shift_decisions(session: Session, block_id: int, edits: Sequence[Edit]) -> None:
    """Move the block's suggestion decisions that lie after an edit by the length it changed."""
    shifts = [(end, len(replacement) - (end - start)) for start, end, replacement in edits]
    if not any(delta for _, delta in shifts):
        return
    query = select(SuggestionDecision).where(SuggestionDecision.block_id == block_id)
    for decision in session.scalars(query):
        delta = sum(d for end, d in shifts if end <= decision.start)
        if delta:
            decision.start += delta
            decision.end += delta


@cache
def tracking_module() -> ModuleType | None:
    """``reader.services.tracking`` (written separately) when it exists, else None."""
    if importlib.util.find_spec(TRACKING_MODULE) is None:
        return None
    return importlib.import_module(TRACKING_MODULE)

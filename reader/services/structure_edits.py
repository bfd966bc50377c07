"""Use case: the structure edits of the layout view and ``structure`` CLI, built on the segmentation edits.

Beyond the edits of :mod:`reader.services.segmentation_edits` (split, merge
with a neighbour, role, move to a neighbour or to any article, leftover), a
proofreader can reorder a block within its article, move an article within
its issue, move a block to an article of its own, and merge an article into
any article of its issue.  Composite edits are a sequence of simple ones
whose undo records are replayed in reverse (``Undo("sequence", …)``), so they
keep the same guarantees: nothing lost (the coverage check after each step),
a revision per changed article, and an exact undo.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Article, Block
from reader.services.segmentation_edits import merge_articles, split_article, undo_edit
from reader.services.segmentation_rows import (
    Edit,
    EditResult,
    SegmentationError,
    Undo,
    article_at,
    block_at,
    issue_articles,
    load_article,
    load_block,
    place_rows,
)
from reader.services.tracking.revisions import article_blocks

Target = int | str
"""Where ``merge_into`` sends an article: ``"previous"``, ``"next"`` or an article id."""


def reorder_block(session: Session, block_id: int, position: int, *, author: str) -> EditResult:
    """Move a block to another position (0-based) among its own article's blocks."""
    block, article = load_block(session, block_id)
    return _reorder_block(session, block, article, position, author=author)


def _reorder_block(
    session: Session, block: Block, article: Article, position: int, *, author: str
) -> EditResult:
    blocks = article_blocks(session, article.id)
    if not 0 <= position < len(blocks):
        raise SegmentationError(f"position {position} is outside the article's {len(blocks)} blocks")
    was = blocks.index(block)
    if was == position:
        raise SegmentationError(f"the block is already at position {position}")
    edit = Edit(session, article.issue_id, author)
    edit.touch(article)
    blocks.remove(block)
    blocks.insert(position, block)
    place_rows(session, {article.id: blocks}, "article_id")
    undo = Undo("reorder_block", {"block": [article.issue_id, article.position, position], "position": was})
    return edit.finish(undo)


def move_article(session: Session, article_id: int, position: int, *, author: str) -> EditResult:
    """Move an article to another position (0-based) in its issue's reading order."""
    return _move_article(session, load_article(session, article_id), position, author=author)


def _move_article(session: Session, article: Article, position: int, *, author: str) -> EditResult:
    articles = issue_articles(session, article.issue_id)
    if not 0 <= position < len(articles):
        raise SegmentationError(f"position {position} is outside the issue's {len(articles)} articles")
    was = articles.index(article)
    if was == position:
        raise SegmentationError(f"the article is already at position {position}")
    edit = Edit(session, article.issue_id, author)
    edit.touch(article)
    articles.remove(article)
    articles.insert(position, article)
    place_rows(session, {article.issue_id: articles}, "issue_id")
    return edit.finish(Undo("move_article", {"article": [article.issue_id, position], "position": was}))


def _sequence(session: Session, steps: Sequence[Callable[[], EditResult]]) -> EditResult:
    """Run edits one after the other as one edit: its undo replays theirs in reverse."""
    results = [step() for step in steps]
    return _combined(session, results)


def _combined(session: Session, results: Sequence[EditResult]) -> EditResult:
    touched = {article_id for result in results for article_id in result.articles}
    alive = tuple(sorted(a for a in touched if session.get(Article, a) is not None))
    undos = [[result.undo.op, result.undo.args] for result in reversed(results)]
    return EditResult(results[-1].issue_id, alive, Undo("sequence", {"steps": undos}))


def move_block_to_new_article(session: Session, block_id: int, *, author: str) -> EditResult:
    """Take a block out of its article into a new article of its own, right after that article."""
    block, article = load_block(session, block_id)
    blocks = article_blocks(session, article.id)
    if len(blocks) == 1:
        raise SegmentationError("the block is already an article of its own")
    last = len(blocks) - 1
    steps: list[Callable[[], EditResult]] = []
    if blocks.index(block) != last:
        steps.append(lambda: _reorder_block(session, block, article, last, author=author))
    steps.append(lambda: split_article(session, block.id, author=author))
    return _sequence(session, steps)


def merge_into(session: Session, article_id: int, target: Target, *, author: str) -> EditResult:
    """Merge an article with its previous or next neighbour, or with any article of its issue.

    The blocks keep their reading order and the earlier of the two articles
    keeps its id; an article that is not a neighbour is first moved next to
    the target (right after it when the target comes first, right before it
    otherwise).
    """
    if target in ("previous", "next"):
        return merge_articles(
            session, article_id, "previous" if target == "previous" else "next", author=author
        )
    article = load_article(session, article_id)
    if not isinstance(target, int):
        raise SegmentationError(f"merge into {target!r}: expected previous, next or an article id")
    into = load_article(session, target)
    if into.issue_id != article.issue_id or into.id == article.id:
        raise SegmentationError("an article can only be merged into another article of its issue")
    if abs(into.position - article.position) == 1:
        return merge_articles(
            session, article.id, "previous" if into.position < article.position else "next", author=author
        )
    after = into.position < article.position
    place = into.position + 1 if after else into.position - 1
    return _sequence(
        session,
        [
            lambda: _move_article(session, article, place, author=author),
            lambda: merge_articles(session, article.id, "previous" if after else "next", author=author),
        ],
    )


def block_ids(session: Session, article_id: int) -> list[int]:
    """The ids of an article's blocks in reading order."""
    load_article(session, article_id)
    query = select(Block.id).where(Block.article_id == article_id).order_by(Block.position)
    return list(session.scalars(query))


def undo_structure_edit(session: Session, undo: Undo, *, author: str) -> EditResult:
    """Reverse an edit of this module (called by ``undo_edit`` for the operations it does not know)."""
    args: dict[str, Any] = undo.args
    if undo.op == "reorder_block":
        block = block_at(session, args["block"])
        article = article_at(session, args["block"][:2])
        return _reorder_block(session, block, article, args["position"], author=author)
    if undo.op == "move_article":
        return _move_article(session, article_at(session, args["article"]), args["position"], author=author)
    if undo.op == "sequence":
        results = [undo_edit(session, Undo(op, step), author=author) for op, step in args["steps"]]
        return _combined(session, results)
    raise SegmentationError(f"unknown edit {undo.op!r}")

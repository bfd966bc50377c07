"""Use case: correct the segmentation of an issue by hand, keeping nothing-lost.

Split or merge articles, change a block's role (``leftover`` moves it to the
issue's leftovers and :func:`leftover_to_article` brings one back), move a
block to the neighbouring article, join two blocks or split one.  Every edit
keeps the heading columns and spans in sync, records a ``segmentation``
revision per article it changed, checks that every visible character of the
original is still covered exactly once (raising :class:`SegmentationError`
otherwise: roll the transaction back), and returns an :class:`Undo` whose
:func:`undo_edit` reverses it exactly (and returns the redo).  Undo records
name articles and blocks by position, so a chain of edits undone in reverse
order restores the structure even though re-created rows get new ids.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from db.editing_models import ChangeRecord, Note
from db.models import Article, Block, Leftover, utcnow
from db.row_digests import DIGEST_RESET
from db.rules_models import SuggestionDecision
from db.scan_models import ScanRegion
from reader.core.diffing import map_offset
from reader.core.model import BLOCK_ROLES, LEFTOVER, LeftoverKind, Role
from reader.core.pieces import coalesce, cut_pieces, piece_texts
from reader.services.article_keeping import add_tag_rows, less_advanced, set_tag_rows, tag_rows
from reader.services.notes import move_notes, reanchor_notes
from reader.services.segmentation_rows import (
    TEMP_POSITION,
    Direction,
    Edit,
    EditResult,
    SegmentationError,
    Undo,
    article_at,
    block_at,
    issue_articles,
    issue_leftovers,
    leftover_at,
    load_article,
    load_block,
    move_records,
    people_of,
    place_rows,
    reparent,
)
from reader.services.tracking.revisions import article_blocks, original_of

# ---------------------------------------------------------------- articles: split and merge


def split_article(session: Session, block_id: int, *, author: str) -> EditResult:
    """Start a new article at this block: it and the blocks after it move to an article right after."""
    block, _ = load_block(session, block_id)
    return _split_article(session, block, author=author)


def _split_article(
    session: Session,
    block: Block,
    *,
    author: str,
    status: str | None = None,
    people: Sequence[int] = (),
    kept: Mapping[str, Any] | None = None,
) -> EditResult:
    """Split at ``block``; undoing a merge passes ``kept``: both parts' tags and the first's status."""
    article = session.get_one(Article, block.article_id)
    blocks = article_blocks(session, article.id)
    at = blocks.index(block)
    if at == 0:
        raise SegmentationError("the article already starts at this block")
    edit = Edit(session, article.issue_id, author)
    edit.touch(article)
    moved = blocks[at:]
    spans = [p for b in moved for p in b.pieces]
    new = Article(
        issue_id=article.issue_id,
        position=TEMP_POSITION,
        status=status or article.status,
        version=1,
        span_start=min(p[0] for p in spans),
        span_end=max(p[1] for p in spans),
        updated_at=utcnow(),
    )
    session.add(new)
    session.flush()
    articles = issue_articles(session, article.issue_id)
    articles.remove(new)
    articles.insert(articles.index(article) + 1, new)
    place_rows(session, {article.issue_id: articles}, "issue_id")
    place_rows(session, {article.id: blocks[:at], new.id: moved}, "article_id")
    reparent(session, [b.id for b in moved], new.id)
    if people:
        everyone = people_of(session, article.id)
        leaving = [p for p in everyone if p.position in set(people)]
        place_rows(
            session, {article.id: [p for p in everyone if p not in leaving], new.id: leaving}, "article_id"
        )
    if kept is None:  # a split keeps the tags on both parts
        add_tag_rows(session, new.id, tag_rows(session, article.id))
    else:
        set_tag_rows(session, new.id, kept["tags"])
        set_tag_rows(session, article.id, kept["kept_tags"])
        article.status = kept["kept_status"]
    edit.created(new)
    return edit.finish(Undo("merge_with_previous", {"article": [new.issue_id, new.position]}))


def merge_articles(session: Session, article_id: int, direction: Direction, *, author: str) -> EditResult:
    """Merge an article with the previous or the next one (the later one's blocks join the earlier)."""
    article = load_article(session, article_id)
    if direction == "previous":
        return _merge_into_previous(session, article, author=author)
    following = session.scalar(
        select(Article)
        .where(Article.issue_id == article.issue_id, Article.position > article.position)
        .order_by(Article.position)
        .limit(1)
    )
    if following is None:
        raise SegmentationError("this is the issue's last article")
    return _merge_into_previous(session, following, author=author)


def _merge_into_previous(session: Session, article: Article, *, author: str) -> EditResult:
    articles = issue_articles(session, article.issue_id)
    at = articles.index(article)
    if at == 0:
        raise SegmentationError("this is the issue's first article")
    previous = articles[at - 1]
    edit = Edit(session, article.issue_id, author)
    edit.touch(previous)
    kept, moved = article_blocks(session, previous.id), article_blocks(session, article.id)
    kept_people, moved_people = people_of(session, previous.id), people_of(session, article.id)
    place_rows(session, {previous.id: kept + moved}, "article_id")
    place_rows(session, {previous.id: kept_people + moved_people}, "article_id")
    # including those of no block any more; a change record's digest covers its article
    session.execute(update(Note).where(Note.article_id == article.id).values(article_id=previous.id))
    # regions and decisions too: deleting the article would delete them with it (ON DELETE CASCADE)
    for table in (ScanRegion, SuggestionDecision):
        session.execute(update(table).where(table.article_id == article.id).values(article_id=previous.id))
    session.execute(
        update(ChangeRecord)
        .where(ChangeRecord.article_id == article.id)
        .values(article_id=previous.id, **DIGEST_RESET)
    )
    status = article.status
    carried: dict[str, Any] = {
        "tags": tag_rows(session, article.id),
        "kept_tags": tag_rows(session, previous.id),
    }
    carried["kept_status"], previous.status = previous.status, less_advanced(previous.status, status)
    add_tag_rows(session, previous.id, carried["tags"])  # the union of both articles' tags
    edit.deleted(article)
    place_rows(session, {previous.issue_id: [a for a in articles if a is not article]}, "issue_id")
    undo = Undo(
        "split_article",
        {
            "block": [previous.issue_id, previous.position, len(kept)],
            "status": status,
            "people": list(range(len(kept_people), len(kept_people) + len(moved_people))),
            "kept": carried,
        },
    )
    return edit.finish(undo)


# ---------------------------------------------------------------- blocks: role, move, leftovers


def set_block_role(session: Session, block_id: int, role: str, *, author: str) -> EditResult:
    """Change a block's role; ``leftover`` moves it to the issue's leftovers (kind ``other``)."""
    if role == LEFTOVER:
        return block_to_leftover(session, block_id, author=author)
    if role not in BLOCK_ROLES:
        raise SegmentationError(
            f"unknown role {role!r}; expected one of {', '.join(BLOCK_ROLES)}, {LEFTOVER}"
        )
    block, article = load_block(session, block_id)
    if block.role == role:
        raise SegmentationError(f"the block is already a {role}")
    edit = Edit(session, article.issue_id, author)
    edit.touch(article)
    undo = Undo(
        "set_role", {"block": [article.issue_id, article.position, block.position], "role": block.role}
    )
    block.role = role
    return edit.finish(undo)


def move_block(session: Session, block_id: int, direction: Direction, *, author: str) -> EditResult:
    """Move a block to the end of the previous article or the start of the next one."""
    block, article = load_block(session, block_id)
    articles = issue_articles(session, article.issue_id)
    at = articles.index(article) + (-1 if direction == "previous" else 1)
    if not 0 <= at < len(articles):
        raise SegmentationError(f"there is no {direction} article")
    target = articles[at]
    position = len(article_blocks(session, target.id)) if direction == "previous" else 0
    return _move_block(session, block, target, position, author=author)


def move_block_to(
    session: Session, block_id: int, article_id: int, position: int, *, author: str
) -> EditResult:
    """Move a block to another article of the same issue, at a position among its blocks."""
    block, _ = load_block(session, block_id)
    return _move_block(session, block, load_article(session, article_id), position, author=author)


def _move_block(session: Session, block: Block, target: Article, position: int, *, author: str) -> EditResult:
    source = session.get_one(Article, block.article_id)
    if target.issue_id != source.issue_id or target.id == source.id:
        raise SegmentationError("a block can only move to another article of its issue")
    blocks, into = article_blocks(session, source.id), article_blocks(session, target.id)
    if len(blocks) == 1:
        raise SegmentationError("the article's only block cannot move out (merge the articles instead)")
    if not 0 <= position <= len(into):
        raise SegmentationError(f"position {position} is outside the article's {len(into)} blocks")
    edit = Edit(session, source.issue_id, author)
    edit.touch(source, target)
    was = blocks.index(block)
    blocks.remove(block)
    into.insert(position, block)
    place_rows(session, {source.id: blocks, target.id: into}, "article_id")
    reparent(session, [block.id], target.id)
    undo = Undo(
        "move_block_to",
        {
            "block": [target.issue_id, target.position, position],
            "article": [source.issue_id, source.position],
            "position": was,
        },
    )
    return edit.finish(undo)


def block_to_leftover(
    session: Session, block_id: int, *, author: str, kind: str = LeftoverKind.OTHER
) -> EditResult:
    """Move a block out of its article into the issue's leftovers, one leftover per piece.

    Its notes stay with the article, orphaned; undoing re-attaches them.
    """
    block, _ = load_block(session, block_id)
    return _block_to_leftover(session, block, author=author, kinds=None, positions=None, kind=kind)


def _block_to_leftover(
    session: Session,
    block: Block,
    *,
    author: str,
    kinds: Sequence[str] | None,
    positions: Sequence[int] | None,
    kind: str = LeftoverKind.OTHER,
) -> EditResult:
    article = session.get_one(Article, block.article_id)
    blocks = article_blocks(session, article.id)
    if len(blocks) == 1:
        raise SegmentationError("the article's only block cannot leave it (merge the articles instead)")
    edit = Edit(session, article.issue_id, author)
    edit.touch(article)
    texts = piece_texts(original_of(session, article.issue_id, block.pieces), block.text, block.pieces)
    notes = list(session.scalars(select(Note).where(Note.block_id == block.id)))
    records = list(session.scalars(select(ChangeRecord).where(ChangeRecord.block_id == block.id)))
    undo_args: dict[str, Any] = {
        "article": [article.issue_id, article.position],
        "position": blocks.index(block),
        "role": block.role,
        "text": block.text,
        "notes": [[n.id, n.start, n.end, n.orphaned] for n in notes],
        "records": [[r.id, r.start, r.end] for r in records],
    }
    for note in notes:
        note.block_id, note.orphaned = None, True
    for record in records:
        record.block_id, record.start, record.end = None, None, None
    new = [
        Leftover(
            issue_id=article.issue_id,
            position=TEMP_POSITION - index,
            kind=kinds[index] if kinds else kind,
            text=text,
            span_start=start,
            span_end=end,
        )
        for index, ((start, end), text) in enumerate(zip(block.pieces, texts, strict=True))
    ]
    blocks.remove(block)
    session.flush()
    session.delete(block)
    place_rows(session, {article.id: blocks}, "article_id")
    leftovers = issue_leftovers(session, article.issue_id)
    session.add_all(new)
    session.flush()
    if positions is not None:
        for position, leftover in sorted(zip(positions, new, strict=True), key=lambda pair: pair[0]):
            leftovers.insert(position, leftover)
    else:
        for leftover in new:
            at = next(
                (i for i, lo in enumerate(leftovers) if lo.span_start > leftover.span_start), len(leftovers)
            )
            leftovers.insert(at, leftover)
    place_rows(session, {article.issue_id: leftovers}, "issue_id")
    undo_args["leftovers"] = [lo.position for lo in new]
    return edit.finish(Undo("leftover_to_block", undo_args))


def leftover_to_article(
    session: Session,
    leftover_id: int,
    article_id: int | None = None,
    *,
    role: str = Role.PARAGRAPH,
    position: int | None = None,
    author: str,
) -> EditResult:
    """Bring a leftover into an article as a block (by default: the article before it, in span order)."""
    leftover = session.get(Leftover, leftover_id)
    if leftover is None:
        raise SegmentationError(f"there is no leftover {leftover_id}")
    articles = issue_articles(session, leftover.issue_id)
    if article_id is not None:
        article = load_article(session, article_id)
    elif articles:
        before = [a for a in articles if a.span_start <= leftover.span_start]
        article = before[-1] if before else articles[0]
    else:
        raise SegmentationError("the issue has no article to take the leftover")
    if position is None:
        blocks = article_blocks(session, article.id)
        position = sum(1 for b in blocks if b.pieces and b.pieces[0][0] < leftover.span_start)
    return _leftovers_to_block(
        session, [leftover], article, position, role=role, text=leftover.text, author=author
    )


def _leftovers_to_block(
    session: Session,
    leftovers: Sequence[Leftover],
    article: Article,
    position: int,
    *,
    role: str,
    text: str,
    author: str,
    notes: Sequence[Sequence[Any]] = (),
    records: Sequence[Sequence[Any]] = (),
) -> EditResult:
    if role not in BLOCK_ROLES:
        raise SegmentationError(f"unknown role {role!r}; expected one of {', '.join(BLOCK_ROLES)}")
    if any(lo.issue_id != article.issue_id for lo in leftovers):
        raise SegmentationError("a leftover can only join an article of its issue")
    blocks = article_blocks(session, article.id)
    if not 0 <= position <= len(blocks):
        raise SegmentationError(f"position {position} is outside the article's {len(blocks)} blocks")
    edit = Edit(session, article.issue_id, author)
    edit.touch(article)
    undo_args = {"kinds": [lo.kind for lo in leftovers], "positions": [lo.position for lo in leftovers]}
    pieces = [[lo.span_start, lo.span_end] for lo in leftovers]
    for leftover in leftovers:
        session.delete(leftover)
    session.flush()
    rest = issue_leftovers(session, article.issue_id)
    place_rows(session, {article.issue_id: rest}, "issue_id")
    block = Block(article_id=article.id, position=TEMP_POSITION, role=role, text=text, pieces=pieces)
    session.add(block)
    session.flush()
    blocks.insert(position, block)
    place_rows(session, {article.id: blocks}, "article_id")
    for note_id, start, end, orphaned in notes:  # re-attach what the block had (unless deleted since)
        note = session.get(Note, note_id)
        if note is not None:
            note.block_id, note.article_id, note.start, note.end = block.id, article.id, start, end
            note.orphaned = orphaned
    for record_id, start, end in records:
        record = session.get(ChangeRecord, record_id)
        if record is not None:
            record.block_id, record.article_id, record.start, record.end = block.id, article.id, start, end
    undo_args["block"] = [article.issue_id, article.position, position]
    return edit.finish(Undo("block_to_leftover", undo_args))


# ---------------------------------------------------------------- blocks: join and split


def join_blocks(session: Session, block_id: int, *, author: str) -> EditResult:
    """Join a block with the next block of its article (texts and pieces concatenated)."""
    block, _ = load_block(session, block_id)
    return _join_blocks(session, block, author=author)


def _join_blocks(
    session: Session, block: Block, *, author: str, pieces: Sequence[Sequence[int]] | None = None
) -> EditResult:
    article = session.get_one(Article, block.article_id)
    blocks = article_blocks(session, article.id)
    at = blocks.index(block)
    if at + 1 >= len(blocks):
        raise SegmentationError("this is the article's last block: nothing to join it with")
    second = blocks[at + 1]
    edit = Edit(session, article.issue_id, author)
    edit.touch(article)
    shift = len(block.text)
    undo = Undo(
        "split_block",
        {
            "block": [article.issue_id, article.position, at],
            "offset": shift,
            "pieces": [block.pieces, second.pieces],
            "role": second.role,
        },
    )
    block.text += second.text
    block.pieces = (
        [list(p) for p in pieces] if pieces is not None else coalesce([*block.pieces, *second.pieces])
    )
    move_notes(session, second.id, block, shift=shift)
    move_records(session, second, block, shift=shift)
    blocks.remove(second)
    session.flush()
    session.delete(second)
    place_rows(session, {article.id: blocks}, "article_id")
    reanchor_notes(session, block.id)
    return edit.finish(undo)


def split_block(session: Session, block_id: int, offset: int, *, author: str) -> EditResult:
    """Split a block's text at ``offset``; its pieces split at the matching offset of the original."""
    block, _ = load_block(session, block_id)
    return _split_block(session, block, offset, author=author)


def _split_block(
    session: Session,
    block: Block,
    offset: int,
    *,
    author: str,
    pieces: Sequence[Sequence[Sequence[int]]] | None = None,
    role: str | None = None,
) -> EditResult:
    article = session.get_one(Article, block.article_id)
    text = block.text
    if not 0 < offset < len(text):
        raise SegmentationError(f"offset {offset} does not split a text of {len(text)} characters")
    if pieces is not None:
        first, second = [list(p) for p in pieces[0]], [list(p) for p in pieces[1]]
    else:
        original = original_of(session, article.issue_id, block.pieces)
        first, second = cut_pieces(block.pieces, map_offset(original, text, offset))
        if not first or not second:
            raise SegmentationError("one part would hold none of the original text (it was all added)")
    edit = Edit(session, article.issue_id, author)
    edit.touch(article)
    blocks = article_blocks(session, article.id)
    at = blocks.index(block)
    undo = Undo("join_blocks", {"block": [article.issue_id, article.position, at], "pieces": block.pieces})
    block.text, block.pieces = text[:offset], first
    new = Block(
        article_id=article.id,
        position=TEMP_POSITION,
        role=role or block.role,
        text=text[offset:],
        pieces=second,
    )
    session.add(new)
    session.flush()
    blocks.insert(at + 1, new)
    place_rows(session, {article.id: blocks}, "article_id")
    move_notes(session, block.id, new, shift=-offset, from_offset=offset)
    move_records(session, block, new, shift=-offset, from_offset=offset)
    # A note across the cut keeps its anchor, orphaned, until the blocks are joined again.
    for note in session.scalars(select(Note).where(Note.block_id == block.id, Note.end > offset)):
        note.orphaned = True
    return edit.finish(undo)


# ---------------------------------------------------------------- undo


def undo_edit(session: Session, undo: Undo, *, author: str) -> EditResult:
    """Reverse an edit (edits undone in reverse order); the result's ``undo`` redoes it."""
    args = undo.args
    if undo.op == "merge_with_previous":
        return _merge_into_previous(session, article_at(session, args["article"]), author=author)
    if undo.op == "split_article":
        block = block_at(session, args["block"])
        return _split_article(
            session, block, author=author, status=args["status"], people=args["people"], kept=args.get("kept")
        )
    if undo.op == "set_role":
        return set_block_role(session, block_at(session, args["block"]).id, args["role"], author=author)
    if undo.op == "move_block_to":
        block, target = block_at(session, args["block"]), article_at(session, args["article"])
        return _move_block(session, block, target, args["position"], author=author)
    if undo.op == "leftover_to_block":
        article = article_at(session, args["article"])
        leftovers = [leftover_at(session, article.issue_id, p) for p in args["leftovers"]]
        return _leftovers_to_block(
            session,
            leftovers,
            article,
            args["position"],
            role=args["role"],
            text=args["text"],
            author=author,
            notes=args["notes"],
            records=args["records"],
        )
    if undo.op == "block_to_leftover":
        block = block_at(session, args["block"])
        return _block_to_leftover(
            session, block, author=author, kinds=args["kinds"], positions=args["positions"]
        )
    if undo.op == "split_block":
        block = block_at(session, args["block"])
        return _split_block(
            session, block, args["offset"], author=author, pieces=args["pieces"], role=args["role"]
        )
    if undo.op == "join_blocks":
        return _join_blocks(session, block_at(session, args["block"]), author=author, pieces=args["pieces"])
    from reader.services.structure_edits import undo_structure_edit  # its edits build on these

    return undo_structure_edit(session, undo, author=author)

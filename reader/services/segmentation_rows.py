"""What every segmentation edit stands on: its result and undo types, row helpers, the coverage check.

``Edit`` records the baseline revision of each article an edit touches, then
the new revisions, and refuses the edit when a character of the original
would be lost or doubled (``issue_coverage``).  ``reader.services.segmentation_edits``
and ``reader.services.structure_edits`` build the edits on these.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import sqlalchemy as sa
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from db.dialect import json_as_text
from db.editing_models import ChangeRecord, Note
from db.models import Article, Block, Contributor, Issue, Leftover
from db.original_text import read_text
from db.row_digests import DIGEST_RESET
from db.rules_models import SuggestionDecision
from db.scan_models import ScanRegion
from reader.core.coverage import check_coverage
from reader.core.errors import JiaokanError
from reader.services.tracking.revisions import create_revision, current_revision

Direction = Literal["previous", "next"]
TEMP_POSITION = -(2**30)  # a new row's position before renumbering (never a real one; 32 bits on PostgreSQL)


class SegmentationError(JiaokanError):
    """A segmentation edit that cannot be made (nothing was changed)."""


@dataclass(frozen=True, slots=True)
class Undo:
    """How to reverse an edit: an operation and its JSON-able arguments, for :func:`undo_edit`."""

    op: str
    args: dict[str, Any]


@dataclass(frozen=True, slots=True)
class EditResult:
    """What an edit changed: the issue, the articles still there that it changed, and its undo."""

    issue_id: int
    articles: tuple[int, ...]
    undo: Undo


# ---------------------------------------------------------------- rows, positions, references


def place_rows(session: Session, groups: Mapping[int, Sequence[Any]], parent: str) -> None:
    """Give each group's rows the parent id and positions 0, 1, … without breaking uniqueness.

    Only rows whose parent or position changes are written (an edit near the
    end of a long issue moves few articles).
    """
    session.flush()
    moving = [
        (parent_id, position, row)
        for parent_id, rows in groups.items()
        for position, row in enumerate(rows)
        if getattr(row, parent) != parent_id or row.position != position
    ]
    for parent_id, _position, row in moving:
        setattr(row, parent, parent_id)
        row.position = -row.id  # ids are unique and positive: no clash in between
    session.flush()
    for _parent_id, position, row in moving:
        row.position = position
    session.flush()


def issue_articles(session: Session, issue_id: int) -> list[Article]:
    return list(
        session.scalars(select(Article).where(Article.issue_id == issue_id).order_by(Article.position))
    )


def issue_leftovers(session: Session, issue_id: int) -> list[Leftover]:
    return list(
        session.scalars(select(Leftover).where(Leftover.issue_id == issue_id).order_by(Leftover.position))
    )


def people_of(session: Session, article_id: int) -> list[Contributor]:
    query = select(Contributor).where(Contributor.article_id == article_id).order_by(Contributor.position)
    return list(session.scalars(query))


def load_block(session: Session, block_id: int) -> tuple[Block, Article]:
    block = session.get(Block, block_id)
    if block is None:
        raise SegmentationError(f"there is no block {block_id}")
    return block, session.get_one(Article, block.article_id)


def load_article(session: Session, article_id: int) -> Article:
    article = session.get(Article, article_id)
    if article is None:
        raise SegmentationError(f"there is no article {article_id}")
    return article


def article_at(session: Session, ref: Sequence[int]) -> Article:
    query = select(Article).where(Article.issue_id == ref[0], Article.position == ref[1])
    article = session.scalar(query)
    if article is None:
        raise SegmentationError(f"issue {ref[0]} has no article at position {ref[1]}")
    return article


def block_at(session: Session, ref: Sequence[int]) -> Block:
    article = article_at(session, ref[:2])
    block = session.scalar(select(Block).where(Block.article_id == article.id, Block.position == ref[2]))
    if block is None:
        raise SegmentationError(f"article {article.id} has no block at position {ref[2]}")
    return block


def leftover_at(session: Session, issue_id: int, position: int) -> Leftover:
    query = select(Leftover).where(Leftover.issue_id == issue_id, Leftover.position == position)
    leftover = session.scalar(query)
    if leftover is None:
        raise SegmentationError(f"issue {issue_id} has no leftover at position {position}")
    return leftover


def reparent(session: Session, block_ids: Sequence[int], article_id: int) -> None:
    """Move the notes, change records, page-scan regions and suggestion decisions of these blocks to
    another article (a change record's digest covers its article: it is computed again at commit, so
    ``check`` finds no damage; a region left on the old article would outline there a block it no
    longer has, a rejected suggestion would be offered again)."""
    if block_ids:
        session.execute(update(Note).where(Note.block_id.in_(block_ids)).values(article_id=article_id))
        for table in (ScanRegion, SuggestionDecision):  # a decision is looked for by its article
            session.execute(update(table).where(table.block_id.in_(block_ids)).values(article_id=article_id))
        session.execute(
            update(ChangeRecord)
            .where(ChangeRecord.block_id.in_(block_ids))
            .values(article_id=article_id, **DIGEST_RESET)
        )


def move_records(
    session: Session, block: Block, to_block: Block, *, shift: int, from_offset: int = 0
) -> None:
    """Move a block's change records lying at or after ``from_offset`` onto ``to_block``; clip the rest."""
    query = select(ChangeRecord).where(ChangeRecord.block_id == block.id, ChangeRecord.start.is_not(None))
    for record in session.scalars(query):
        start, end = record.start, record.end
        assert start is not None and end is not None
        if start >= from_offset and not (start == end == from_offset > 0):
            record.block_id, record.article_id = to_block.id, to_block.article_id
            record.start, record.end = start + shift, end + shift
        elif end > from_offset:
            record.end = from_offset


def issue_coverage(session: Session, issue_id: int) -> list[str]:
    """Problems with the nothing-lost guarantee in an issue (empty: every character kept once)."""
    session.flush()
    query = select(Article.id).where(Article.issue_id == issue_id).order_by(Article.position)
    pieces: dict[int, list[list[Any]]] = {article_id: [] for article_id in session.scalars(query)}
    conn = session.connection()
    pieces_text = json_as_text("block.pieces", conn)
    rows = conn.execute(
        sa.text(
            f"SELECT block.article_id, {pieces_text} FROM block "
            "JOIN article ON article.id = block.article_id WHERE article.issue_id = :issue_id "
            "ORDER BY article.position, block.position"
        ),
        {"issue_id": issue_id},
    ).all()
    # the stored JSON of every block parsed in one go: a long issue has hundreds of thousands
    parsed = json.loads("[" + ",".join(row[1] for row in rows) + "]")
    for (article_id, _), block_pieces in zip(rows, parsed, strict=True):
        pieces[article_id].append(block_pieces)
    spans = [(lo.span_start, lo.span_end) for lo in issue_leftovers(session, issue_id)]
    return check_coverage(read_text(session, issue_id), pieces.values(), spans)


RELATIONSHIPS: tuple[tuple[type[Any], list[str]], ...] = (
    (Issue, ["articles", "leftovers"]),
    (Article, ["issue", "blocks", "people"]),
    (Block, ["article"]),
    (Contributor, ["article"]),
    (Leftover, ["issue"]),
)


def forget_relationships(session: Session) -> None:
    """Expire loaded relationships: rows were moved by their foreign keys, behind the ORM's back."""
    for instance in list(session.identity_map.values()):
        for model, names in RELATIONSHIPS:
            if isinstance(instance, model):
                session.expire(instance, names)


class Edit:
    """One segmentation edit: baselines before, revisions and the coverage check after."""

    def __init__(self, session: Session, issue_id: int, author: str) -> None:
        self.session, self.issue_id, self.author = session, issue_id, author
        self.articles: dict[int, Article] = {}

    def touch(self, *articles: Article) -> None:
        """Articles about to change: record their baseline revision first."""
        for article in articles:
            if article.id not in self.articles:
                current_revision(self.session, article)
                self.articles[article.id] = article

    def created(self, article: Article) -> None:
        self.articles[article.id] = article

    def deleted(self, article: Article) -> None:
        self.articles.pop(article.id, None)
        self.session.flush()
        self.session.expire(article)  # forget loaded collections: their rows have moved
        self.session.delete(article)
        self.session.flush()

    def finish(self, undo: Undo) -> EditResult:
        for article in self.articles.values():
            create_revision(self.session, article, author=self.author, reason="segmentation")
        problems = issue_coverage(self.session, self.issue_id)
        if problems:
            raise SegmentationError("the edit would lose or double text: " + "; ".join(problems))
        self.session.flush()
        forget_relationships(self.session)
        return EditResult(self.issue_id, tuple(self.articles), undo)

"""Use case: tracked changes, revisions, autosave, review status.

Every change of a block's text goes through :func:`record_change`, which keeps
a :class:`ChangeRecord` per diff hunk, re-anchors the block's notes and keeps
the article's heading columns in sync.  A :class:`Revision` snapshots the
article after each edit; before an article's first edit a baseline revision
(number 1, reason ``original``) records it as it was, so every edit can be
undone by restoring the revision before it.  Nothing here commits: callers run
these inside a write transaction (``Library.writing()``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from difflib import SequenceMatcher
from typing import Any

from sqlalchemy import case, func, insert, or_, select
from sqlalchemy.orm import Session

from db.editing_models import ChangeRecord, Note, Revision
from db.models import ARTICLE_STATUSES, Article, Block, Issue, table_of, utcnow
from db.original_text import TextWindow, window_for
from reader.core.diffing import Change, Segment, diff_changes, render_marked, revert_change, shift_region
from reader.core.errors import JiaokanError
from reader.services.notes import reanchor_notes
from reader.services.version_swap import bump_version as bump_version_of

DONE_STATUSES = ("proofread", "approved")
HEADING_FIELDS = ("section", "kicker", "title", "subtitle", "byline", "source")
BASELINE_AUTHOR = "import"
BASELINE_REASON = "original"


class TrackingError(JiaokanError):
    """An edit, restore or search that cannot be done as asked."""


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
    blocks = article_blocks(session, article.id)
    for name, value in headings((b.role, b.text) for b in blocks).items():
        setattr(article, name, value)
    pieces = [piece for block in blocks for piece in block.pieces]
    if pieces:
        article.span_start = min(p[0] for p in pieces)
        article.span_end = max(p[1] for p in pieces)
    article.updated_at = utcnow()


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


# ---------------------------------------------------------------- recording changes


def record_hunks(
    session: Session,
    article: Article,
    block: Block,
    old_text: str,
    new_text: str,
    *,
    author: str,
    rule: str | None,
) -> list[ChangeRecord]:
    """Set the block's text, keeping one change record per hunk and moving older records and notes."""
    hunks = diff_changes(old_text, new_text)
    earlier = list(
        session.scalars(
            select(ChangeRecord).where(ChangeRecord.block_id == block.id, ChangeRecord.start.is_not(None))
        )
    )
    for hunk in reversed(hunks):  # right to left: each hunk's offset is still valid
        for record in earlier:
            if record.start is None or record.end is None:
                continue
            region = shift_region((record.start, record.end), hunk.orig_start, len(hunk.old), len(hunk.new))
            record.start, record.end = region if region is not None else (None, None)
    block.text = new_text
    now = utcnow()
    records = [
        ChangeRecord(
            article_id=article.id,
            block_id=block.id,
            offset=hunk.orig_start,
            start=hunk.new_start,
            end=hunk.new_end,
            old_text=hunk.old,
            new_text=hunk.new,
            author=author,
            created_at=now,
            rule=rule,
        )
        for hunk in hunks
    ]
    session.add_all(records)
    session.flush()
    reanchor_notes(session, block.id)
    return records


def record_change(
    session: Session,
    block: Block,
    old_text: str,
    new_text: str,
    *,
    author: str,
    rule: str | None = None,
    reason: str | None = None,
    new_revision: bool = True,
    bump_version: bool = False,
) -> list[ChangeRecord]:
    """Record that ``block``'s text went from ``old_text`` to ``new_text`` (and set it).

    Called by every text edit, before or after it wrote ``block.text``.  Keeps
    one change record per diff hunk, re-anchors the block's notes and syncs the
    article's headings.  With ``new_revision`` (the default) a revision is made
    at once, reason ``reason`` or ``suggestion:<rule>`` or ``edit``; else the
    records stay pending until the caller's :func:`create_revision`.  The
    version is bumped only with ``bump_version`` (``apply_block_edit`` bumps it itself).
    """
    if old_text == new_text:
        return []
    article = session.get_one(Article, block.article_id)
    current_revision(session, article, overrides={block.id: old_text})
    records = record_hunks(session, article, block, old_text, new_text, author=author, rule=rule)
    if new_revision:
        create_revision(
            session, article, author=author, reason=reason or _reason(rule), bump_version=bump_version
        )
    else:
        if bump_version:
            bump_version_of(session, article)
        sync_article(session, article)
    return records


BlockChange = tuple[Block, str, str] | tuple[Block, str, str, Sequence[Change]]
"""``(block, old_text, new_text[, hunks])`` for :func:`record_changes`; callers that know
exactly what they replaced pass the hunks and spare a diff."""


def hunks_of_edits(text: str, edits: Iterable[tuple[int, int, str]]) -> list[Change]:
    """The change hunks of non-overlapping ``(start, end, replacement)`` edits of ``text``."""
    hunks: list[Change] = []
    shift = 0
    for start, end, replacement in sorted(edits):
        if text[start:end] == replacement:
            continue
        new_start = start + shift
        hunks.append(
            Change(start, end, new_start, new_start + len(replacement), text[start:end], replacement)
        )
        shift += len(replacement) - (end - start)
    return hunks


def _snapshot_of(blocks: Sequence[Block], texts: Mapping[int, str]) -> dict[str, Any]:
    rows = [(b.role, texts.get(b.id, b.text), [list(p) for p in b.pieces]) for b in blocks]
    return {
        "blocks": [{"role": role, "text": text, "pieces": pieces} for role, text, pieces in rows],
        "heading": headings((role, text) for role, text, _ in rows),
    }


def _sync_from(article: Article, blocks: Sequence[Block], now: datetime) -> None:
    for name, value in headings((b.role, b.text) for b in blocks).items():
        setattr(article, name, value)
    pieces = [piece for block in blocks for piece in block.pieces]
    if pieces:
        article.span_start = min(p[0] for p in pieces)
        article.span_end = max(p[1] for p in pieces)
    article.updated_at = now


def record_changes(session: Session, changes: Sequence[BlockChange], *, author: str, rule: str | None) -> int:
    """Record many blocks' text changes at once (and set their text); returns the records made.

    The bulk form of :func:`record_change` for batch edits (accept all, safe
    fixes, batch replace): the same change records, note re-anchoring,
    heading sync and one new revision (and version) per article, in a handful
    of queries instead of several per block.
    """
    work = [
        (c[0], c[1], c[2], c[3] if len(c) == 4 else diff_changes(c[1], c[2])) for c in changes if c[1] != c[2]
    ]
    if not work:
        return 0
    now = utcnow()
    article_ids = sorted({b.article_id for b, _, _, _ in work})
    block_ids = [b.id for b, _, _, _ in work]
    old_texts = {b.id: old for b, old, _, _ in work}
    articles = {a.id: a for a in session.scalars(select(Article).where(Article.id.in_(article_ids)))}
    blocks: dict[int, list[Block]] = defaultdict(list)
    for block in session.scalars(
        select(Block).where(Block.article_id.in_(article_ids)).order_by(Block.article_id, Block.position)
    ):
        blocks[block.article_id].append(block)
    latest = {
        row[0]: row[1]
        for row in session.execute(
            select(Revision.article_id, func.max(Revision.number))
            .where(Revision.article_id.in_(article_ids))
            .group_by(Revision.article_id)
        )
    }
    revision_rows: list[dict[str, Any]] = []
    for article_id in article_ids:
        if article_id not in latest:  # baseline: the article as it was before its first edit
            revision_rows.append(
                {
                    "article_id": article_id,
                    "number": 1,
                    "created_at": now,
                    "author": BASELINE_AUTHOR,
                    "reason": BASELINE_REASON,
                    "snapshot": _snapshot_of(blocks[article_id], old_texts),
                    "status": articles[article_id].status,
                }
            )
            latest[article_id] = 1
    earlier: dict[int, list[ChangeRecord]] = defaultdict(list)
    for record in session.scalars(
        select(ChangeRecord).where(ChangeRecord.block_id.in_(block_ids), ChangeRecord.start.is_not(None))
    ):
        earlier[record.block_id or 0].append(record)
    record_rows: list[dict[str, Any]] = []
    for block, _old_text, new_text, hunks in work:
        for hunk in reversed(hunks):  # right to left: each hunk's offset is still valid
            for record in earlier[block.id]:
                if record.start is None or record.end is None:
                    continue
                region = shift_region(
                    (record.start, record.end), hunk.orig_start, len(hunk.old), len(hunk.new)
                )
                record.start, record.end = region if region is not None else (None, None)
        block.text = new_text
        record_rows.extend(
            {
                "article_id": block.article_id,
                "block_id": block.id,
                "offset": hunk.orig_start,
                "start": hunk.new_start,
                "end": hunk.new_end,
                "old_text": hunk.old,
                "new_text": hunk.new,
                "author": author,
                "created_at": now,
                "rule": rule,
            }
            for hunk in hunks
        )
    for article_id in article_ids:
        article = articles[article_id]
        bump_version_of(session, article)
        _sync_from(article, blocks[article_id], now)
        revision_rows.append(
            {
                "article_id": article_id,
                "number": latest[article_id] + 1,
                "created_at": now,
                "author": author,
                "reason": _reason(rule),
                "snapshot": _snapshot_of(blocks[article_id], {}),
                "status": article.status,
            }
        )
    session.flush()
    revision_table = table_of(Revision)
    inserted = session.execute(
        insert(revision_table).returning(
            revision_table.c.id, revision_table.c.article_id, sort_by_parameter_order=True
        ),
        revision_rows,
    ).all()
    newest = {row[1]: row[0] for row in inserted}  # the last row per article is its new revision
    for row in record_rows:
        row["revision_id"] = newest[row["article_id"]]
    pending = select(ChangeRecord).where(
        ChangeRecord.article_id.in_(article_ids), ChangeRecord.revision_id.is_(None)
    )
    for record in session.scalars(pending):
        record.revision_id = newest[record.article_id]
    if record_rows:
        session.execute(insert(table_of(ChangeRecord)), record_rows)
    noted = session.scalars(select(Note.block_id).where(Note.block_id.in_(block_ids)).distinct())
    for block_id in noted:
        if block_id is not None:
            reanchor_notes(session, block_id)
    return len(record_rows)


def _reason(rule: str | None) -> str:
    return f"suggestion:{rule}" if rule else "edit"


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
    if article.status == "new":  # the first saved edit starts the proofreading
        article.status = "in_progress"
    revision = create_revision(session, article, author=author, reason="edit")
    return SaveResult(article_id, article.version, revision.id, tuple(b.id for b in changed))


# ---------------------------------------------------------------- tracked changes vs the original


@dataclass(frozen=True, slots=True)
class TrackedChange:
    """A hunk of a block's text against its OCR original, with who made it (when known)."""

    block_id: int
    block_position: int
    index: int  # of the hunk within its block, for revert_one
    change: Change
    author: str | None
    time: datetime | None
    rule: str | None


def _overlaps(record: ChangeRecord, change: Change) -> bool:
    if record.start is None or record.end is None:
        return False
    start, end, new_start, new_end = record.start, record.end, change.new_start, change.new_end
    if start == end:
        return new_start <= start <= new_end
    if new_start == new_end:
        return start <= new_start <= end
    return start < new_end and new_start < end


def attribute(change: Change, records: Sequence[ChangeRecord]) -> ChangeRecord | None:
    """The latest of a block's records (oldest first) that touches the hunk, else one with its text."""
    for record in reversed(records):
        if _overlaps(record, change):
            return record
    for record in reversed(records):
        if (change.new and record.new_text and change.new in record.new_text) or (
            not change.new and change.old and change.old in record.old_text
        ):
            return record
    return None


def block_changes(
    original: TextWindow, block: Block, position: int, records: Sequence[ChangeRecord]
) -> list[TrackedChange]:
    """A block's hunks against its original (read from ``original``), attributed to its change records."""
    result = []
    for index, change in enumerate(diff_changes(original.of(block.pieces), block.text)):
        record = attribute(change, records)
        result.append(
            TrackedChange(
                block.id,
                position,
                index,
                change,
                record.author if record else None,
                record.created_at if record else None,
                record.rule if record else None,
            )
        )
    return result


def records_by_block(session: Session, article_ids: Sequence[int]) -> dict[int, list[ChangeRecord]]:
    """Change records of these articles' blocks, oldest first, by block id."""
    grouped: dict[int, list[ChangeRecord]] = defaultdict(list)
    query = select(ChangeRecord).where(
        ChangeRecord.article_id.in_(article_ids), ChangeRecord.block_id.is_not(None)
    )
    for record in session.scalars(query.order_by(ChangeRecord.id)):
        assert record.block_id is not None
        grouped[record.block_id].append(record)
    return grouped


def article_changes(session: Session, article_id: int) -> list[TrackedChange]:
    """Every tracked change of the article against the OCR original, in reading order."""
    article = get_article(session, article_id)
    blocks = article_blocks(session, article_id)
    original = blocks_window(session, article.issue_id, (b.pieces for b in blocks))
    records = records_by_block(session, [article_id])
    return [
        change
        for position, block in enumerate(blocks)
        for change in block_changes(original, block, position, records.get(block.id, []))
    ]


def revert_one(
    session: Session, article_id: int, block_id: int, change_index: int, *, author: str
) -> SaveResult:
    """Undo one hunk of a block against the original, keeping every other change."""
    article = get_article(session, article_id)
    block = session.get(Block, block_id)
    if block is None or block.article_id != article_id:
        raise TrackingError(f"block {block_id} is not in article {article_id}")
    original = original_of(session, article.issue_id, block.pieces)
    changes = diff_changes(original, block.text)
    if not 0 <= change_index < len(changes):
        raise TrackingError(f"block {block_id} has no change {change_index}")
    current_revision(session, article)
    record_hunks(
        session,
        article,
        block,
        block.text,
        revert_change(original, block.text, changes[change_index]),
        author=author,
        rule=None,
    )
    revision = create_revision(session, article, author=author, reason="revert")
    return SaveResult(article_id, article.version, revision.id, (block_id,))


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


def _key(block: Mapping[str, Any]) -> tuple[tuple[int, int], ...]:
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
    matcher = SequenceMatcher(None, [_key(b) for b in before], [_key(b) for b in after], autojunk=False)
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
    if [_key(w) for w in wanted] != [tuple((p[0], p[1]) for p in b.pieces) for b in blocks]:
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

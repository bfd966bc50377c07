"""Use case: the passages the OCR model was unsure of, as suggestions of the rule "OCR unsure".

An issue read from scans keeps each line's confidence and each character's
(table ``ocr_line``).  Characters the model gave less than
:data:`~reader.services.import_ocr.UNSURE_BELOW` (or, without character
confidences, a whole line it was unsure of) make *passages*: runs of such
characters within one block, a gap of :data:`JOIN_GAP` sure characters or
less joined.  Each passage is a flag-only suggestion of the rule
:data:`OCR_UNSURE` on its block, with the box on the page it was read from
(for the crop beside it).  The proofreader corrects the text by hand, or
accepts the reading as right: :func:`confirm_reading` records the decision
like any review decision (``suggestion_decision``, ``accepted``) and clears
the mark of the lines no unsure passage is left on.  A rejected or accepted
passage is not offered again, even after edits elsewhere in the block.
"""

from __future__ import annotations

import bisect
import itertools
import json
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from db.models import Article, Block, utcnow
from db.ocr_models import OcrLine
from db.original_text import window_for
from db.rules_models import SuggestionDecision
from reader.core.page_layout import union
from reader.core.rules import Suggestion
from reader.services.library import NotFoundError
from reader.services.page_regions import Box

OCR_UNSURE = "OCR unsure"
"""The rule name of the passages the model was unsure of."""
UNSURE_BELOW = 0.9
"""A character (or, without character confidences, a line) read with less confidence is unsure."""
JOIN_GAP = 2
"""Unsure characters with this many sure ones or fewer between them make one passage."""
SEARCH_WINDOW = 40
"""How far a passage is looked for around where it was, in a block corrected since."""
_CHUNK = 500  # ids in one IN (…) list


@dataclass(frozen=True, slots=True)
class UnsurePassage:
    """A passage of a block the model was unsure of: its suggestion, its page and box, its lines."""

    article_id: int
    block_id: int
    block_position: int
    suggestion: Suggestion
    page_id: int
    box: Box
    line_ids: tuple[int, ...]


def is_unsure(confidence: float, char_confidences: Sequence[float]) -> bool:
    """True for a line with an unsure character (or, without character confidences, read unsure)."""
    if char_confidences:
        return any(c < UNSURE_BELOW for c in char_confidences)
    return confidence < UNSURE_BELOW


def _unsure_offsets(line: OcrLine) -> list[int]:
    """Offsets in the original text of the unsure characters of a line."""
    if line.char_confidences is not None:
        chars = json.loads(line.char_confidences)
        if len(chars) == line.span_end - line.span_start:
            return [line.span_start + i for i, c in enumerate(chars) if c < UNSURE_BELOW]
    if line.confidence < UNSURE_BELOW:
        return list(range(line.span_start, line.span_end))
    return []


def _runs(offsets: Sequence[int]) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    for offset in sorted(offsets):
        if runs and offset - runs[-1][1] <= JOIN_GAP:
            runs[-1] = (runs[-1][0], offset + 1)
        else:
            runs.append((offset, offset + 1))
    return runs


def _decided(session: Session, article_id: int) -> dict[int, list[SuggestionDecision]]:
    query = select(SuggestionDecision).where(
        SuggestionDecision.article_id == article_id, SuggestionDecision.rule == OCR_UNSURE
    )
    found: dict[int, list[SuggestionDecision]] = {}
    for decision in session.scalars(query):
        found.setdefault(decision.block_id, []).append(decision)
    return found


def _in_block(pieces: Sequence[Sequence[int]], start: int, end: int) -> int | None:
    """Where original offsets ``start``–``end`` lie in a block's stored (uncorrected) text."""
    at = 0
    for piece_start, piece_end in pieces:
        if piece_start <= start and end <= piece_end:
            return at + start - piece_start
        at += piece_end - piece_start
    return None


def unsure_passages(session: Session, article_id: int) -> list[UnsurePassage]:
    """The passages of an article the model was unsure of and nobody decided on, in reading order."""
    article = session.get(Article, article_id)
    if article is None:
        raise NotFoundError(f"no article with id {article_id}")
    lines = list(
        session.scalars(
            select(OcrLine)
            .where(OcrLine.issue_id == article.issue_id, OcrLine.unsure)
            .order_by(OcrLine.span_start)
        )
    )
    if not lines:
        return []
    blocks = list(
        session.scalars(select(Block).where(Block.article_id == article_id).order_by(Block.position))
    )
    window = window_for(session, article.issue_id, [p for b in blocks for p in b.pieces])
    decided = _decided(session, article_id)
    found: list[UnsurePassage] = []
    for block in blocks:
        original = "".join(window.slice(s, e) for s, e in block.pieces)
        for line in lines:
            if not any(s < line.span_end and line.span_start < e for s, e in block.pieces):
                continue
            for start, end in _runs(_unsure_offsets(line)):
                at = _in_block(block.pieces, start, end)
                if at is None:
                    continue
                text = original[at : at + end - start]
                if block.text != original:  # corrected since: look for the passage near where it was
                    near = block.text.find(text, max(0, at - SEARCH_WINDOW), at + len(text) + SEARCH_WINDOW)
                    if near < 0:
                        continue
                    at = near
                if any(d.start == at and d.text == text for d in decided.get(block.id, ())):
                    continue
                suggestion = Suggestion(OCR_UNSURE, at, at + len(text), text, None, _explanation(line))
                box = Box(*union([(line.x, line.y, line.w, line.h)]))
                found.append(
                    UnsurePassage(
                        article_id, block.id, block.position, suggestion, line.page_id, box, (line.id,)
                    )
                )
    return found


def _explanation(line: OcrLine) -> str:
    confidence = f"{line.confidence:.0%}"
    return f"the OCR model was unsure of this reading (line confidence {confidence}); check it on the page"


@dataclass(frozen=True, slots=True)
class Confirmation:
    """A reading accepted as right: the decision recorded and the lines whose mark it cleared."""

    decision_id: int
    cleared: tuple[int, ...]
    block: Block


def confirm_reading(session: Session, block_id: int, suggestion: Suggestion, *, author: str) -> Confirmation:
    """Accept an unsure reading as right: the decision is recorded and the lines left sure lose their mark."""
    block = session.get(Block, block_id)
    if block is None:
        raise NotFoundError(f"no block {block_id}")
    decision = record_acceptance(session, block, suggestion, author=author)
    session.flush()
    return Confirmation(decision.id, clear_settled_marks(session, [block]), block)


def record_acceptance(
    session: Session, block: Block, suggestion: Suggestion, *, author: str
) -> SuggestionDecision:
    """Record an unsure reading of ``block`` as accepted (a review decision; not flushed)."""
    decision = SuggestionDecision(
        article_id=block.article_id,
        block_id=block.id,
        rule=OCR_UNSURE,
        start=suggestion.start,
        end=suggestion.end,
        text=suggestion.text,
        decision="accepted",
        author=author,
        decided_at=utcnow(),
    )
    session.add(decision)
    return decision


def clear_settled_marks(session: Session, blocks: Sequence[Block]) -> tuple[int, ...]:
    """Clear the mark of the unsure lines of ``blocks`` that no undecided passage is left on; their ids."""
    if not blocks:
        return ()
    article_ids = sorted({block.article_id for block in blocks})
    still = {line for a in article_ids for p in unsure_passages(session, a) for line in p.line_ids}
    issue_of: dict[int, int] = {}
    for at in range(0, len(article_ids), _CHUNK):
        chunk = article_ids[at : at + _CHUNK]
        query = select(Article.id, Article.issue_id).where(Article.id.in_(chunk))
        issue_of.update((article_id, issue_id) for article_id, issue_id in session.execute(query))
    pieces: dict[int, list[tuple[int, int]]] = {}  # by issue: the spans its blocks hold, in order
    for block in blocks:
        pieces.setdefault(issue_of[block.article_id], []).extend((s, e) for s, e in block.pieces)
    cleared: list[int] = []
    for issue_id, spans in pieces.items():
        spans.sort()
        ends = list(itertools.accumulate((e for _s, e in spans), max))  # the furthest end up to each span
        lines = select(OcrLine.id, OcrLine.span_start, OcrLine.span_end).where(
            OcrLine.issue_id == issue_id, OcrLine.unsure
        )
        for line_id, line_start, line_end in session.execute(lines):
            before = bisect.bisect_left(spans, (line_end, line_end))  # spans starting before the line ends
            if line_id not in still and before and ends[before - 1] > line_start:
                cleared.append(line_id)
    _mark(session, cleared, unsure=False)
    return tuple(cleared)


def _mark(session: Session, line_ids: Sequence[int], *, unsure: bool) -> None:
    """Set the unsure mark of lines, a chunk of ids at a time (a library-wide step may clear thousands)."""
    for at in range(0, len(line_ids), _CHUNK):
        chunk = list(line_ids[at : at + _CHUNK])
        session.execute(update(OcrLine).where(OcrLine.id.in_(chunk)).values(unsure=unsure))


def undo_confirmation(session: Session, decision_ids: Sequence[int], cleared: Sequence[int]) -> None:
    """Take back accepted readings: their decisions are forgotten and the marks they cleared are back."""
    for decision_id in decision_ids:
        decision = session.get(SuggestionDecision, decision_id)
        if decision is not None and decision.rule == OCR_UNSURE:
            session.delete(decision)
    _mark(session, cleared, unsure=True)
    session.flush()


def next_unsure(
    session: Session, issue_id: int, after: tuple[int, int, int] | None = None
) -> UnsurePassage | None:
    """The first unsure passage of an issue after ``(article position, block position, start)``, wrapping."""
    articles = list(
        session.execute(
            select(Article.id, Article.position)
            .where(Article.issue_id == issue_id)
            .order_by(Article.position)
        )
    )
    every = [
        (position, p.block_position, p.suggestion.start, p)
        for article_id, position in articles
        for p in unsure_passages(session, article_id)
    ]
    if not every:
        return None
    later = [item for item in every if after is None or item[:3] > after]
    return (later or every)[0][3]


__all__ = [
    "OCR_UNSURE",
    "UNSURE_BELOW",
    "Confirmation",
    "UnsurePassage",
    "clear_settled_marks",
    "confirm_reading",
    "is_unsure",
    "next_unsure",
    "record_acceptance",
    "undo_confirmation",
    "unsure_passages",
]

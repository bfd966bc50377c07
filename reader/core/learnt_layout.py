"""Applying what was learnt about a paper's layout to a freshly segmented issue (a post-pass).

A proofreader who marks a line as masthead or page furniture, or gives a
recurring line another role, can have it remembered for the publication
(``reader.services.layout_memory``).  Later imports of that publication run
:func:`relayout` after segmentation: a remembered line becomes a leftover of
the remembered kind, or keeps its article with the remembered role.  Lines are
compared by :func:`line_key` (whitespace dropped, digits read as ``#``, so
``第128期`` and ``第129期`` are the same line).  Nothing is lost: a block that
becomes a leftover keeps its spans (one leftover per piece), an article left
without blocks disappears, and the other articles keep theirs.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from reader.core.model import Block, LeftoverKind, ParsedArticle, ParsedLeftover, Role

LEFTOVER_ROLES: Mapping[str, LeftoverKind] = {
    "masthead": LeftoverKind.MASTHEAD,
    "layout": LeftoverKind.LAYOUT,
    "qr_code": LeftoverKind.QR_CODE,
    "leftover": LeftoverKind.OTHER,
}
"""Remembered roles that take a line out of its article, and the leftover kind they give."""

LEARNABLE_ROLES = (*LEFTOVER_ROLES, *(role.value for role in Role))
"""Every role a remembered line can have: a leftover kind above, or a block role."""

_SPACE = re.compile(r"\s+")
_DIGITS = re.compile(r"[0-9０-９〇零一二三四五六七八九十百]+")
MAX_LINE = 200
"""Only lines up to this many characters are remembered (mastheads and furniture are short)."""


def line_key(text: str) -> str:
    """How a line is recognised in another issue: no whitespace, every run of digits ``#``."""
    return _DIGITS.sub("#", _SPACE.sub("", text))


@dataclass(frozen=True, slots=True)
class Relayout:
    """The articles and leftovers after the post-pass, and how many blocks it changed."""

    articles: list[ParsedArticle]
    leftovers: list[ParsedLeftover]
    changed: int


def relayout(
    articles: Sequence[ParsedArticle], leftovers: Sequence[ParsedLeftover], rules: Mapping[str, str]
) -> Relayout:
    """Apply remembered lines (``line_key`` → role) to segmented articles and leftovers."""
    if not rules:
        return Relayout(list(articles), list(leftovers), 0)
    changed = 0
    kept: list[ParsedArticle] = []
    out = list(leftovers)
    for article in articles:
        blocks: list[Block] = []
        for block in article.blocks:
            role = _rule(rules, block.text)
            kind = LEFTOVER_ROLES.get(role or "")
            if kind is not None:
                out.extend(_pieces_as_leftovers(block, kind))
                changed += 1
            elif role is not None and role != block.role.value:
                blocks.append(Block(Role(role), block.pieces, block.text))
                changed += 1
            else:
                blocks.append(block)
        if blocks:
            starts = [piece[0] for b in blocks for piece in b.pieces]
            ends = [piece[1] for b in blocks for piece in b.pieces]
            kept.append(ParsedArticle((min(starts), max(ends)), blocks, article.people))
    for index, leftover in enumerate(out):
        kind = LEFTOVER_ROLES.get(_rule(rules, leftover.text) or "")
        if kind is not None and kind is not leftover.kind:
            out[index] = ParsedLeftover(kind, leftover.span, leftover.text)
            changed += 1
    out.sort(key=lambda leftover: leftover.span[0])
    return Relayout(kept, out, changed)


def _rule(rules: Mapping[str, str], text: str) -> str | None:
    return rules.get(line_key(text)) if len(text) <= MAX_LINE else None


def _pieces_as_leftovers(block: Block, kind: LeftoverKind) -> list[ParsedLeftover]:
    """A segmented block's pieces as leftovers (its text is its pieces' characters, in order)."""
    leftovers = []
    done = 0
    for start, end in block.pieces:
        leftovers.append(ParsedLeftover(kind, (start, end), block.text[done : done + end - start]))
        done += end - start
    return leftovers

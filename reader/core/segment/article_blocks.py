"""The blocks of an article: a unit's lines as blocks over spans of the original, in a runnable order."""

from __future__ import annotations

from collections.abc import Sequence

from reader.core.model import Block, Role, Span
from reader.core.segment.classify import LineKind
from reader.core.segment.repair import Unit

_LIFTED_ROLES = {LineKind.CAPTION: Role.CAPTION, LineKind.FURNITURE: Role.FURNITURE}


def make_block(text: str, role: Role, pieces: Sequence[Span]) -> Block:
    """A block of ``role`` over ``pieces`` of ``text``; its text is the pieces joined."""
    if len(pieces) == 1:
        start, end = pieces[0]
        return Block(role, (pieces[0],), text[start:end])
    return Block(role, tuple(pieces), "".join([text[s:e] for s, e in pieces]))


def unit_blocks(text: str, unit: Unit, role: Role) -> list[Block]:
    """The blocks of one unit: a joined paragraph with what was lifted out of it, and its source."""
    if unit.kind is not LineKind.PARAGRAPH:
        line = unit.first.line
        return [make_block(text, role, [(line.start, line.end)] if line.pieces is None else line.pieces)]
    parts = unit.parts
    if len(parts) == 1 and parts[0].line.pieces is None and not unit.lifted:  # the usual paragraph
        part = parts[0]
        start, end = part.line.start, part.body_end
        blocks = [Block(Role.PARAGRAPH, ((start, end),), text[start:end])]
        if part.source is not None:
            blocks.append(make_block(text, Role.SOURCE, part.line.spans(*part.source)))
        return blocks
    body: list[Span] = []
    for part in unit.parts:
        if part.line.pieces is None:
            body.append((part.line.start, part.body_end))
        else:
            body.extend(part.line.spans(part.line.start, part.body_end))
    blocks = [make_block(text, Role.PARAGRAPH, body)]
    for lifted in unit.lifted:
        blocks.append(
            make_block(
                text, _LIFTED_ROLES[lifted.kind], lifted.line.spans(lifted.line.start, lifted.line.end)
            )
        )
    source = unit.last.source
    if source is not None:
        blocks.append(make_block(text, Role.SOURCE, unit.last.line.spans(*source)))
    return blocks


def settle_block_order(text: str, blocks: list[Block]) -> list[Block]:
    """Order blocks so the article runs from its first block's start to its last block's end.

    A joined paragraph that ends the article goes behind the captions lifted
    out of it.  When it also opens the article (an untitled item made of one
    cut paragraph) no order works, so it is left unjoined: its pieces become
    paragraphs of their own around the caption, in text order.
    """
    end = max(block.pieces[-1][1] for block in blocks)
    if blocks[-1].pieces[-1][1] != end:
        at = max(i for i, block in enumerate(blocks) if block.pieces[-1][1] == end)
        blocks = [*blocks[:at], *blocks[at + 1 :], blocks[at]]
    start = min(block.pieces[0][0] for block in blocks)
    if blocks[0].pieces[0][0] == start:
        return blocks
    unjoined = [make_block(text, block.role, [piece]) for block in blocks for piece in block.pieces]
    return sorted(unjoined, key=lambda block: block.pieces[0][0])

"""Column-break pipes: an OCR engine that prints `` | `` where a column breaks and `` |`` at every line's end
(qaseg35's class 4).

``春运准备工作全面启动 |`` / ``客运车间　杨帆 |`` / ``距明年春运还有不到两个月，昆明 | 南站已经成立…各车 |``:
read as printed, every line is a row of a table or an item title ``A | B``, the titles became captions and
the bylines titles.  When most of a text's lines end with a pipe set apart by a blank, and no line opens
with one (a drawn table's row does), the pipes are layout: the rules read each of them as a blank (the
text keeps its length, so every offset stays; the blocks keep the original, pipes and all).
"""

from __future__ import annotations

import re

from reader.core.model import Block, ParsedArticle, ParsedLeftover

# A pipe set apart: a blank before it, a blank or the line's end after it.
_BREAK = re.compile(r"(?<=[ \t\u3000])[|｜](?=[ \t\u3000]|$)", re.MULTILINE)
# The text's pipes are layout when at least this share of its lines end with one…
PIPE_LINES_SHARE = 0.6
# …and at least this many do.
PIPE_LINES_MIN = 4


def _is_pipe_layout(lines: list[str]) -> bool:
    content = [line.strip() for line in lines if line.strip()]
    if any(line[:1] in "|｜" for line in content):
        return False  # | 代号 | 公司 |: a drawn table
    ending = sum(1 for line in content if line[-1:] in "|｜" and line[-2:-1] in " \t\u3000")
    return ending >= PIPE_LINES_MIN and ending >= PIPE_LINES_SHARE * len(content)


def unpipe_column_breaks(text: str) -> str:
    """``text`` with its column-break pipes read as blanks when it is set that way (see the module)."""
    if "|" not in text and "｜" not in text:
        return text
    if not _is_pipe_layout(text.split("\n")):
        return text
    return _BREAK.sub(" ", text)


_TRAILING = re.compile(r"[ \t\u3000]*[|｜](?=[ \t\u3000]*(?:\n|$))")


def _past_pipe(original: str, end: int) -> int:
    """``end`` moved past the pipe that closes its line, if one does."""
    match = _TRAILING.match(original, end)
    return end if match is None else match.end()


def keep_line_end_pipes(
    original: str, articles: list[ParsedArticle], leftovers: list[ParsedLeftover]
) -> tuple[list[ParsedArticle], list[ParsedLeftover]]:
    """The articles and leftovers with each span that ends a line before its pipe (``…启动 |``) taking
    the pipe in: read as a blank, it was left out, and no character may be lost."""
    for article in articles:
        blocks = []
        for block in article.blocks:
            pieces = tuple((start, _past_pipe(original, end)) for start, end in block.pieces)
            if pieces != block.pieces:
                block = Block(block.role, pieces, "".join(original[s:e] for s, e in pieces))
            blocks.append(block)
        article.blocks = blocks
        article.span = (article.span[0], max(article.span[1], blocks[-1].span[1]))
    kept = []
    for leftover in leftovers:
        start, end = leftover.span[0], _past_pipe(original, leftover.span[1])
        if end != leftover.span[1]:
            leftover = ParsedLeftover(leftover.kind, (start, end), original[start:end])
        kept.append(leftover)
    return articles, kept

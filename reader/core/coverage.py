"""The nothing-lost guarantee: every visible character of the original is kept exactly once.

Articles are lists of blocks, blocks lists of ``[start, end]`` pieces into the
original text; leftovers are single spans.  Whitespace may be covered any
number of times (it separates blocks); every other character must be covered
by exactly one piece or leftover.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from itertools import pairwise

MAX_PROBLEMS = 20
_SNIPPET = 12


_VISIBLE = re.compile(r"\S+")  # \s is exactly str.isspace()


def check_coverage(
    original_text: str,
    article_blocks_pieces: Iterable[Iterable[Iterable[Sequence[int]]]],
    leftover_spans: Iterable[Sequence[int]],
) -> list[str]:
    """Problems with the coverage of ``original_text``; an empty list means nothing is lost.

    ``article_blocks_pieces`` holds, per article, per block, its pieces.  The
    text is only scanned (by regular expression) between the pieces' ends, so
    the check costs about as many Python steps as there are pieces.
    """
    size = len(original_text)
    problems: list[str] = []
    valid: list[Sequence[int]] = []

    def take(spans: Iterable[Sequence[int]], article: int, number: int) -> None:
        """Keep the valid spans of a block (or, with ``article`` -1, of leftover ``number``)."""
        for span in spans:
            if len(span) == 2 and 0 <= span[0] <= span[1] <= size:
                valid.append(span)
            else:
                where = f"leftover {number}" if article < 0 else f"article {article} block {number}"
                problems.append(f"{where}: invalid span {list(span)} for a text of {size} characters")

    for a, blocks in enumerate(article_blocks_pieces):
        for b, pieces in enumerate(blocks):
            take(pieces, a, b)
    for n, span in enumerate(leftover_spans):
        take([span], -1, n)
    delta: dict[int, int] = {0: 0, size: 0}
    for start, end in valid:
        delta[start] = delta.get(start, 0) + 1
        delta[end] = delta.get(end, 0) - 1
    runs: dict[str, list[list[int]]] = {"not covered": [], "covered more than once": []}
    level = 0
    bounds = sorted(delta)
    for start, end in pairwise(bounds):
        level += delta[start]
        if level == 1:
            continue
        found = runs["not covered" if level == 0 else "covered more than once"]
        for match in _VISIBLE.finditer(original_text, start, end):
            if found and found[-1][1] == match.start():
                found[-1][1] = match.end()  # a run of visible characters crossing a piece boundary
            else:
                found.append([match.start(), match.end()])
    for label, found in runs.items():
        for start, end in found:
            snippet = original_text[start : min(end, start + _SNIPPET)]
            problems.append(f"{label}: [{start}, {end}) {snippet!r}")
    return problems[:MAX_PROBLEMS]

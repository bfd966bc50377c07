"""The nothing-lost guarantee: every visible character of the original is kept exactly once.

Articles are lists of blocks, blocks lists of ``[start, end]`` pieces into the
original text; leftovers are single spans.  Whitespace may be covered any
number of times (it separates blocks); every other character must be covered
by exactly one piece or leftover.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

MAX_PROBLEMS = 20
_SNIPPET = 12


def _runs(indices: list[int]) -> list[tuple[int, int]]:
    """Consecutive indices grouped as half-open ranges."""
    runs: list[tuple[int, int]] = []
    for index in indices:
        if runs and runs[-1][1] == index:
            runs[-1] = (runs[-1][0], index + 1)
        else:
            runs.append((index, index + 1))
    return runs


def check_coverage(
    original_text: str,
    article_blocks_pieces: Iterable[Iterable[Iterable[Sequence[int]]]],
    leftover_spans: Iterable[Sequence[int]],
) -> list[str]:
    """Problems with the coverage of ``original_text``; an empty list means nothing is lost.

    ``article_blocks_pieces`` holds, per article, per block, its pieces.
    """
    size = len(original_text)
    problems: list[str] = []
    depth = [0] * (size + 1)
    spans: list[tuple[str, Sequence[int]]] = [
        (f"article {a} block {b}", piece)
        for a, blocks in enumerate(article_blocks_pieces)
        for b, pieces in enumerate(blocks)
        for piece in pieces
    ]
    spans += [(f"leftover {n}", span) for n, span in enumerate(leftover_spans)]
    for where, span in spans:
        if len(span) != 2 or not 0 <= span[0] <= span[1] <= size:
            problems.append(f"{where}: invalid span {list(span)} for a text of {size} characters")
            continue
        depth[span[0]] += 1
        depth[span[1]] -= 1
    lost: list[int] = []
    doubled: list[int] = []
    level = 0
    for index, char in enumerate(original_text):
        level += depth[index]
        if level != 1 and not char.isspace():
            (lost if level == 0 else doubled).append(index)
    for label, indices in (("not covered", lost), ("covered more than once", doubled)):
        for start, end in _runs(indices):
            snippet = original_text[start : min(end, start + _SNIPPET)]
            problems.append(f"{label}: [{start}, {end}) {snippet!r}")
    return problems[:MAX_PROBLEMS]

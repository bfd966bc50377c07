"""Pieces of a block: spans of the original joined into one text, cut and joined again.

Pure helpers of the segmentation edits (``reader.services.segmentation_edits``):
no database, no Qt.
"""

from __future__ import annotations

from collections.abc import Sequence

from reader.core.diffing import map_offset


def piece_texts(original: str, text: str, pieces: Sequence[Sequence[int]]) -> list[str]:
    """A (corrected) block text cut where its pieces meet, mapped through the corrections."""
    bounds = [0]
    for start, end in pieces:
        bounds.append(bounds[-1] + end - start)
    cuts = [0] + [map_offset(original, text, b, to_original=False) for b in bounds[1:-1]] + [len(text)]
    for index in range(1, len(cuts)):
        cuts[index] = max(cuts[index], cuts[index - 1])
    return [text[cuts[i] : cuts[i + 1]] for i in range(len(pieces))]


def coalesce(pieces: Sequence[Sequence[int]]) -> list[list[int]]:
    """Pieces with touching neighbours merged."""
    merged: list[list[int]] = []
    for start, end in pieces:
        if merged and merged[-1][1] == start:
            merged[-1][1] = end
        else:
            merged.append([start, end])
    return merged


def cut_pieces(pieces: Sequence[Sequence[int]], offset: int) -> tuple[list[list[int]], list[list[int]]]:
    """Pieces split at ``offset`` into their joined text: (before, after)."""
    first: list[list[int]] = []
    second: list[list[int]] = []
    done = 0
    for start, end in pieces:
        if done + (end - start) <= offset:
            first.append([start, end])
        elif done >= offset:
            second.append([start, end])
        else:
            cut = start + offset - done
            first.append([start, cut])
            second.append([cut, end])
        done += end - start
    return first, second
